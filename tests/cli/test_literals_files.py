"""Odd docstrings through ``proxydoc generate``: written escaped, imported, stable."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from cli_helpers import facade_spec

from proxydoc.cli._render import inject_note, method_note

#: The target's docstring, as written in its source: escapes Python reads as a
#: CR, a NUL, an escape character, then a backslash ending a line, quotes.
TARGET = '''\
class Target:
    def get(self, key: str = "k") -> str:
        """Get it\\r\\nnow \\x00 \\x1b caf\\xe9 \\u20ac.

        Ends in a backslash \\\\
        Has \\"\\"\\" + \'\'\' and ends in a quote "
        """
        return key
'''
FACADE = """\
# -*- coding: {encoding} -*-
from __future__ import annotations

from facade_odd_target import Target
from pxdsample.util import create_proxy_methods


@create_proxy_methods(Target, ":class:`.Target`", ":class:`.Facade`", methods=["get"])
class Facade:
    def __init__(self, target: Target) -> None:
        self._proxied = target

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
"""


def expected_doc() -> str:
    """The proxy's docstring, cleaned: the target's with the note."""
    module = importlib.import_module("facade_odd_target")
    spec = facade_spec(target_ref="", methods=("get",))
    return inject_note(module.Target.get.__doc__, method_note(spec))


@pytest.fixture
def facade(project: Path) -> Path:
    (project / "facade_odd_target.py").write_text(TARGET, encoding="utf-8")
    return project / "facade_odd.py"


def generate_and_import(facade: Path, run, encoding: str) -> str:
    """Generate *facade* declared in *encoding*; its proxy's docstring, cleaned."""
    facade.write_bytes(FACADE.format(encoding=encoding).encode(encoding))
    result = run("generate", str(facade))
    assert result.status == 0, result.err
    assert "Traceback" not in result.err
    facade.read_bytes().decode(encoding)
    module = importlib.import_module("facade_odd")
    target = importlib.import_module("facade_odd_target").Target()
    assert module.Facade(target).get() == "k"
    written = facade.read_bytes()
    again = run("generate", str(facade))
    assert again.status == 0 and facade.read_bytes() == written
    assert run("check", str(facade)).status == 0
    return inspect.cleandoc(module.Facade.get.__doc__)


def test_control_characters_and_quotes_in_a_utf8_facade(facade: Path, run) -> None:
    assert generate_and_import(facade, run, "utf-8") == expected_doc()
    text = facade.read_text(encoding="utf-8")
    assert '"""Get it\\r\n' in text
    assert "now \\x00 \\x1b caf\xe9 \u20ac." in text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_characters_the_encoding_lacks_are_escaped(
    facade: Path, run, encoding: str
) -> None:
    assert generate_and_import(facade, run, encoding) == expected_doc()
    text = facade.read_bytes().decode(encoding)
    written = {
        "cp1252": "caf\xe9 \u20ac.",
        "latin-1": "caf\xe9 \\u20ac.",
        "ascii": "caf\\xe9 \\u20ac.",
    }
    assert written[encoding] in text


def test_text_the_encoding_lacks_outside_docstrings_spares_other_files(
    facade: Path, project: Path, run
) -> None:
    target = TARGET.replace('key: str = "k"', 'key: str = "\u20ac"')
    (project / "facade_odd_target.py").write_text(target, encoding="utf-8")
    facade.write_bytes(FACADE.format(encoding="latin-1").encode("latin-1"))
    before = facade.read_bytes()
    other = project / "facade_decorated.py"
    result = run("generate", str(facade), str(other))
    assert result.status == 2
    assert "facade_odd.py:" in result.err and "U+20AC" in result.err
    assert "Traceback" not in result.err
    assert facade.read_bytes() == before
    assert "def run(" in other.read_text(encoding="utf-8")
