"""The README's configuration table and the reference page list every setting.

The settings are read from real Sphinx applications: those a project set up
with ``extensions = ["proxydoc"]`` has and a bare one has not (the
``proxydoc_*`` values, and the sphinx-paramlinks / zzzeeksphinx values
proxydoc registers to read them).  Each must be in the README's table and in
the built reference page (``docs/reference/config.rst``), with the type and
default it is registered with.
"""

from __future__ import annotations

import html
import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from config_table import README, readme_table
from docsbuild import ROOT
from proxydoc_docs import markdown_table
from sphinx.testing.util import SphinxTestApp

REFERENCE = ROOT / "docs" / "reference" / "config.rst"

#: The pages config.rst links to, as stubs, so that it builds alone.
STUBS = {
    "migrating.rst": "Migrating\n=========\n",
    "reference/warnings.rst": "Warnings\n========\n",
    "cli.rst": ".. _cli-module-prefixes:\n\nPrefixes\n========\n",
}


def sphinx_app(srcdir: Path, extensions: list[str], *, build: bool = False) -> Any:
    """A Sphinx application on *srcdir* with *extensions* (and docs/_ext on the path)."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'docs' / '_ext')!r})\n"
        f"extensions = {extensions!r}\n"
    )
    (srcdir / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n   :glob:\n\n   *\n   reference/*\n"
    )
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        if build:
            app.build()
    finally:
        app.cleanup()
    return app


def options(config: Any) -> dict[str, Any]:
    return dict(getattr(config, "_options", None) or config.values)


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every config value proxydoc registers, by name, as Sphinx holds it."""
    folder = tmp_path_factory.mktemp("config-values")
    bare = options(sphinx_app(folder / "bare", []).config)
    config = sphinx_app(folder / "proxydoc", ["proxydoc"]).config
    found = {k: v for k, v in options(config).items() if k not in bare}
    found["_config"] = config
    return found


@pytest.fixture(scope="module")
def reference_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The reference page built from docs/reference/config.rst, and the warnings."""
    srcdir = tmp_path_factory.mktemp("reference") / "src"
    (srcdir / "reference").mkdir(parents=True)
    shutil.copy(REFERENCE, srcdir / "reference" / "config.rst")
    for name, text in STUBS.items():
        (srcdir / name).write_text(text)
    app = sphinx_app(srcdir, ["proxydoc", "proxydoc_docs"], build=True)
    page = (app.outdir / "reference" / "config.html").read_text(encoding="utf-8")
    return page, app.warning.getvalue()


def type_text(types: Any) -> str:
    """What a type field says, written here independently of the docs' code."""
    names = sorted(getattr(t, "__name__", str(t)) for t in types)
    return " or ".join("None" if n == "NoneType" else n for n in names)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def html_fields(page: str, name: str) -> dict[str, str] | None:
    """The Type and Default fields of the confval entry of *name*, or None."""
    start = page.find(f'id="confval-{name}"')
    if start < 0:
        return None
    entry = page[start : page.find("</dl>", start)]
    fields = re.findall(
        r'<dt class="field-\w+">(\w+)<span class="colon">:</span></dt>\s*'
        r'<dd class="field-\w+">(.*?)</dd>',
        entry,
        re.DOTALL,
    )
    return {label: _text(value) for label, value in fields}


def readme_rows() -> dict[str, tuple[str, str]]:
    """The README table's rows: name -> (type, default), without the backticks."""
    rows: dict[str, tuple[str, str]] = {}
    for line in readme_table(README.read_text(encoding="utf-8")).splitlines()[2:]:
        cells = [cell.strip().replace("`", "") for cell in line.strip("|").split("|")]
        rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_proxydoc_registers_its_values_and_the_legacy_ones(registered) -> None:
    names = set(registered) - {"_config"}
    assert "proxydoc_module_prefixes" in names
    assert "proxydoc_proxies" in names  # registered by the autoproxy module
    assert {"zzzeeksphinx_module_prefixes", "paramlinks_hyperlink_param"} <= names
    assert all(n.startswith("proxydoc_") for n in names - {*LEGACY})


LEGACY = ("zzzeeksphinx_module_prefixes", "paramlinks_hyperlink_param")


def test_readme_lists_every_registered_value(registered) -> None:
    rows = readme_rows()
    values = {k: v for k, v in registered.items() if k != "_config"}
    assert set(rows) == set(values), (
        f"missing: {sorted(set(values) - set(rows))}; "
        f"not registered: {sorted(set(rows) - set(values))}"
    )
    for name, option in values.items():
        assert rows[name] == (type_text(option.valid_types), repr(option.default)), name


def test_readme_table_is_the_generated_one(registered) -> None:
    """Descriptions too: ``python docs/_tools/config_table.py --write`` updates it."""
    assert readme_table(README.read_text(encoding="utf-8")) == markdown_table(
        registered["_config"]
    )


def test_reference_page_lists_every_registered_value(
    registered, reference_html
) -> None:
    page, warnings = reference_html
    assert "proxydoc_docs.py" not in warnings, warnings
    for name, option in registered.items():
        if name == "_config":
            continue
        fields = html_fields(page, name)
        assert fields is not None, f"{name} is not in the reference page"
        assert fields == {
            "Type": type_text(option.valid_types),
            "Default": repr(option.default),
        }, name
