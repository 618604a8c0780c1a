"""``autoproxy`` emits autodoc's ``autodoc-process-docstring`` as autodoc does."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from tests.helpers import copy_root, soup

#: A handler that reads the options as autodoc documents them: by attribute.
HANDLER = """
def note_options(app, what, name, obj, options, lines):
    if name.startswith("proxy_auto_mod.Engine.") and what != "class":
        lines.append(f"Seen as {what}: no_index={options.no_index!r}.")


def setup(app):
    app.connect("autodoc-process-docstring", note_options)
"""


def _build(tmp_path: Path, extensions: list[str], index: str | None = None) -> object:
    srcdir = copy_root("proxy-auto", tmp_path / "src")
    (srcdir / "options_probe.py").write_text(HANDLER)
    if index is not None:
        (srcdir / "index.rst").write_text(index)
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        confoverrides={"extensions": extensions},
        status=StringIO(),
        warning=StringIO(),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_handlers_get_autodoc_options(tmp_path: Path) -> None:
    app = _build(tmp_path, ["sphinx.ext.autodoc", "proxydoc", "options_probe"])
    page = soup(app)
    connect = page.find("dt", id="proxy_auto_mod.Facade.connect").find_next("dd")
    assert "Seen as method: no_index=None." in connect.get_text()
    name = page.find("dt", id="proxy_auto_mod.Facade.name").find_next("dd")
    assert "Seen as property: no_index=None." in name.get_text()


def test_without_autodoc_the_docstrings_are_kept_as_written(tmp_path: Path) -> None:
    index = (
        "Autoproxy\n=========\n\n"
        ".. autoproxy:: proxy_auto_mod.Facade\n"
        "   :target: proxy_auto_mod.Engine\n"
        "   :members: connect\n"
    )
    app = _build(tmp_path, ["proxydoc"], index)
    connect = soup(app).find("dt", id="proxy_auto_mod.Facade.connect")
    assert "Open a connection." in connect.find_next("dd").get_text()
    assert "Seen as" not in soup(app).get_text()
    assert "ERROR" not in app._warning.getvalue()  # type: ignore[attr-defined]
