"""One rule for module-prefix maps: the extension drops bad entries, the command stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from proxydoc.cli import main
from proxydoc.core.prefixes import invalid_prefix_entries, is_prefix_entry
from tests.helpers import strip_ansi

#: Entries of a prefix map, each valid or not; TOML can write every one of them.
ENTRIES: dict[str, tuple[str, object, bool]] = {
    "good": ("_orm", "sqlalchemy.orm", True),
    "empty token": ("", "sqlalchemy.orm", False),
    "dotted token": ("_orm.x", "sqlalchemy.orm", False),
    "tilde token": ("~x", "sqlalchemy.orm", False),
    "empty module": ("_e", "", False),
    "number": ("_n", 3, False),
    "list": ("_l", ["sqlalchemy"], False),
}
ODD = {token: module for token, module, _ in ENTRIES.values()}


@pytest.mark.parametrize(("token", "module", "valid"), ENTRIES.values(), ids=ENTRIES)
def test_core_rule(token: str, module: object, valid: bool) -> None:
    assert is_prefix_entry(token, module) is valid


def test_core_rule_lists_bad_tokens_in_order() -> None:
    assert invalid_prefix_entries({**ODD, 1: "x"}) == [
        "",
        "_orm.x",
        "~x",
        "_e",
        "_n",
        "_l",
        1,
    ]


@pytest.mark.sphinx(
    "html",
    testroot="roles",
    confoverrides={"proxydoc_module_prefixes": {**ODD, 1: "x"}},
)
def test_extension_warns_and_drops_bad_entries(app: Any, warning: Any) -> None:
    assert app.config.proxydoc_module_prefixes == {"_orm": "sqlalchemy.orm"}
    lines = strip_ansi(warning.getvalue()).splitlines()
    # each entry once, as Python writes it: no list of quoted reprs
    assert [line for line in lines if "module_prefixes" in line] == [
        "WARNING: proxydoc_module_prefixes: ignoring entries that are not "
        "'token': 'module' strings without dots in the token: "
        "'', '_e', '_l', '_n', '_orm.x', '~x', 1 [proxydoc.config]"
    ]


def _toml(token: str, module: object) -> str:
    value = repr(module).replace("'", '"')
    return f'"{token}" = {value}'


@pytest.mark.parametrize(("token", "module", "valid"), ENTRIES.values(), ids=ENTRIES)
def test_command_stops_on_a_bad_entry(
    token: str,
    module: object,
    valid: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.proxydoc.module_prefixes]\n{_toml(token, module)}\n"
    )
    (tmp_path / "clean.py").write_text('"""Nothing to check."""\n')
    monkeypatch.chdir(tmp_path)
    status = main(["lint", "clean.py"])
    err = capsys.readouterr().err
    if valid:
        assert status == 0, err
        return
    assert status == 2
    assert err == (
        f"proxydoc: error: {tmp_path / 'pyproject.toml'}: [tool.proxydoc]: "
        "module_prefixes must map tokens without dots to modules (non-empty "
        f"strings, no leading '~'); not valid: {token!r}\n"
    )
