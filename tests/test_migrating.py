"""Each step of docs/migrating.rst, on the files the guide shows.

The guide includes ``docs/migrating-examples/*``: each project's ``conf.py``
lines before and after, and its docs requirements file before and after.
These tests build a small project with each "after" configuration appended to
the unchanged part of its ``conf.py`` (``tests/roots/test-migrate*``) and check
that it builds without a warning and that its ``:paramref:`` links land.

zzzeeksphinx pins Sphinx 8.2, so SQLAlchemy's and Mako's configurations build
only where it is installed (``pip install zzzeeksphinx`` beside Sphinx 8.2);
without it the build is skipped, and the checks that need no zzzeeksphinx
(Mako's ``conf.py`` runs, SQLAlchemy's lines in it do not) still run.
"""

from __future__ import annotations

import re
import tomllib
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import sphinx
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

from tests.helpers import (
    copy_root,
    paramref_links,
    soup,
    unresolved_paramrefs,
    warnings_of,
)

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "docs" / "migrating-examples"
PKG = "migpkg"

#: The links of test-migrate's page: text -> where they land.
LINKS = {
    "Client.connect.retries": f"#{PKG}.Client.connect.params.retries",
    "Client.connect.timeout": f"#{PKG}.Client.connect.params.timeout",
    "url": f"#{PKG}.Client.params.url",
    "make_client.url": f"#{PKG}.make_client.params.url",
    "Client.timeout": f"#{PKG}.Client.params.timeout",
}

#: What SQLAlchemy's style adds to the page: targets written with a prefix.
PREFIXED = """
Prefixed, as SQLAlchemy writes them: :paramref:`_mp.Client.connect.retries`,
:class:`_mp.Client`.
"""


#: The lines of Mako's conf.py its theme needs (zzzeeksphinx's scss part needs
#: one; its templates have no module index).
MAKO = """
html_theme = "zsmako"
html_domain_indices = False
site_base = "http://www.makotemplates.org"
"""


def build(
    tmp_path: Path, root: str, example: str | Path, before: str = "", page: str = ""
) -> Any:
    """Build *root* with ``docs/migrating-examples/<example>`` appended to its conf.py.

    *example* may also be the path of a fragment written by the test.

    *before* goes between the root's conf.py and the example (a project's own
    lines, such as its prefix table); *page* is appended to index.rst.
    """
    fragment = EXAMPLES / example  # an absolute path stays as it is
    srcdir = copy_root(root, tmp_path / fragment.stem)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + before + "\n" + fragment.read_text())
    index = srcdir / "index.rst"
    index.write_text(index.read_text() + page)
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def local_links(app: Any) -> dict[str, str]:
    """The page's resolved :paramref: links, each checked to land on an id of it."""
    page = soup(app)
    assert unresolved_paramrefs(page) == []
    links = paramref_links(page)
    for href in links.values():
        assert href.startswith("#") and page.find(id=href[1:]) is not None, href
    return links


def param_ids(app: Any) -> set[str]:
    """The ``.params.`` ids of the page."""
    return {tag["id"] for tag in soup(app).find_all(id=True) if ".params." in tag["id"]}


def test_plain_style_dogpile(tmp_path: Path) -> None:
    """dogpile.cache and Alembic: only the extension's name changes."""
    app = build(tmp_path, "migrate", "dogpile-after.py")
    assert warnings_of(app._warning) == []
    assert local_links(app) == LINKS


def test_plain_style_keeps_the_old_ids(tmp_path: Path) -> None:
    """Every parameter id sphinx-paramlinks wrote is in the migrated build."""
    before = build(tmp_path, "migrate", "dogpile-before.py")
    after = build(tmp_path, "migrate", "dogpile-after.py")
    old = param_ids(before)
    assert f"{PKG}.Client.connect.params.retries" in old
    assert old <= param_ids(after)


#: SQLAlchemy's own lines the migration keeps: its theme and its prefix table.
SQLALCHEMY = """
html_theme = "zzzeeksphinx"
html_domain_indices = False
zzzeeksphinx_module_prefixes = {"_mp": "migpkg"}
"""

#: zzzeeksphinx's scss step leaves its stylesheet open: its warning, not ours.
ZZZEEKSPHINX_LEAK = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


def needs_zzzeeksphinx() -> None:
    """Skip where zzzeeksphinx cannot be installed (it pins Sphinx 8.2); on
    Sphinx 8.2 it must be there: the matrix's 3.11 / 8.2 cell installs it."""
    if sphinx.version_info[:2] != (8, 2):
        pytest.skip(
            "zzzeeksphinx pins Sphinx 8.2: the 3.11 / 8.2 matrix cell runs this"
        )
    import zzzeeksphinx  # noqa: F401  (a missing install fails the test)


@ZZZEEKSPHINX_LEAK
def test_zzzeeksphinx_with_prefixes_sqlalchemy(tmp_path: Path) -> None:
    needs_zzzeeksphinx()
    app = build(tmp_path, "migrate", "sqlalchemy-after.py", SQLALCHEMY, PREFIXED)
    assert warnings_of(app._warning) == []
    assert app.config.proxydoc_module_prefixes == {"_mp": "migpkg"}
    assert local_links(app) == LINKS
    prefixed = soup(app).find(string=re.compile("Prefixed, as SQLAlchemy"))
    hrefs = [a["href"] for a in prefixed.find_parent("p").find_all("a")]
    assert hrefs == [f"#{PKG}.Client.connect.params.retries", f"#{PKG}.Client"]


@ZZZEEKSPHINX_LEAK
def test_zzzeeksphinx_prefix_table_left_in_place(tmp_path: Path) -> None:
    """The hand-over is optional: without its two lines the page is the same."""
    needs_zzzeeksphinx()
    fragment = (EXAMPLES / "sqlalchemy-after.py").read_text()
    swap_only = tmp_path / "sqlalchemy-swap-only.py"
    swap_only.write_text(fragment[: fragment.index("proxydoc_module_prefixes")])
    moved = build(tmp_path, "migrate", "sqlalchemy-after.py", SQLALCHEMY, PREFIXED)
    kept = build(tmp_path, "migrate", swap_only, SQLALCHEMY, PREFIXED)
    assert warnings_of(kept._warning) == []
    assert kept.config.proxydoc_module_prefixes == {}

    def page(app: Any) -> str:
        html = (Path(app.outdir) / "index.html").read_text()
        return re.sub(r"Documentation last generated:[^<]*", "", html)

    assert page(kept) == page(moved)


@ZZZEEKSPHINX_LEAK
def test_zzzeeksphinx_without_prefixes_mako(tmp_path: Path) -> None:
    needs_zzzeeksphinx()
    app = build(tmp_path, "migrate", "mako-after.py", MAKO)
    assert warnings_of(app._warning) == []
    assert local_links(app) == LINKS


def test_sqlalchemy_prefix_lines_in_makos_conf_fail(tmp_path: Path) -> None:
    """The guide's warning: Mako has no table, so SQLAlchemy's two lines fail."""
    sqlalchemy = (EXAMPLES / "sqlalchemy-after.py").read_text()
    lines = sqlalchemy[sqlalchemy.index("proxydoc_module_prefixes") :]
    srcdir = copy_root("migrate", tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + (EXAMPLES / "mako-after.py").read_text() + lines)
    with pytest.raises(
        ConfigError, match=r"name 'zzzeeksphinx_module_prefixes' is not defined"
    ):
        SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())


def test_mako_after_reads_without_zzzeeksphinx_tables() -> None:
    """Mako's "after" lines name no value they do not define."""
    namespace: dict[str, Any] = {}
    exec((EXAMPLES / "mako-after.py").read_text(), namespace)
    assert "proxydoc" in namespace["extensions"]
    assert "sphinx_paramlinks" not in namespace["extensions"]


def test_napoleon_style_telegram(tmp_path: Path) -> None:
    """python-telegram-bot: Google-style docstrings, the name as the link."""
    app = build(tmp_path, "migrate-napoleon", "telegram-after.py")
    assert warnings_of(app._warning) == []
    assert local_links(app) == {
        "Bot.send_message.chat_id": "#migpkg_g.Bot.send_message.params.chat_id",
        "Bot.send_message.text": "#migpkg_g.Bot.send_message.params.text",
        "token": "#migpkg_g.Bot.params.token",
    }
    entry = soup(app).find(id="migpkg_g.Bot.send_message.params.chat_id")
    name = entry.find("strong", class_="proxydoc-param-name")
    assert name.parent.name == "a"  # proxydoc_param_link_style = "name"
    assert entry.select("a.proxydoc-paramlink") == []


def requirements(path: Path) -> dict[str, str]:
    """A docs requirements file as {project name: line}, VCS lines by their egg."""
    found = {}
    for line in path.read_text().splitlines():
        egg = re.search(r"#egg=([\w.-]+)", line)
        name = egg.group(1) if egg else Requirement(line).name
        found[canonicalize_name(name)] = line
    return found


@pytest.mark.parametrize("project", ["dogpile", "mako"])
def test_requirements_file_replacement(project: str) -> None:
    """The git pin of sphinx-paramlinks becomes the distribution sphinx-proxydoc."""
    before = requirements(EXAMPLES / f"{project}-requirements-before.txt")
    after = requirements(EXAMPLES / f"{project}-requirements-after.txt")
    assert before.pop("sphinx-paramlinks").startswith("git+https://")
    assert "sphinx-paramlinks" not in after
    assert after.pop("sphinx-proxydoc") == "sphinx-proxydoc"
    assert after == before  # nothing else changes
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert canonicalize_name(pyproject["project"]["name"]) == "sphinx-proxydoc"
