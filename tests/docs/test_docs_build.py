"""The docs build as ``make html`` builds them, and every internal link resolves."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import re
import runpy
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from docsbuild import ROOT, DocsBuild, build_docs
from sphinx.util.inventory import InventoryFile

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src"}
SQLALCHEMY_DOCS = "https://docs.sqlalchemy.org/en/21/"
PY_OBJTYPES = ("attribute", "class", "data", "exception", "function", "method")


def soup(build: DocsBuild, page: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(page), "html.parser")


@cache
def ids_in(path: Path) -> frozenset[str]:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    ids = {tag["id"] for tag in html.find_all(id=True)}
    ids |= {tag["name"] for tag in html.find_all("a", attrs={"name": True})}
    return frozenset(ids)


def internal_links(page: Path) -> list[str]:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = []
    for tag, attr in LINK_ATTRS.items():
        for element in html.find_all(tag, attrs={attr: True}):
            value = element[attr]
            if not urlsplit(value).scheme and not value.startswith("//"):
                links.append(value)
    return links


def broken_link(outdir: Path, page: Path, link: str) -> str | None:
    """Why *link* on *page* does not resolve, or None when it does."""
    parts = urlsplit(link)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"{page.relative_to(outdir)}: {link} (no file)"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in ids_in(target):
        return f"{page.relative_to(outdir)}: {link} (no id {fragment!r})"
    return None


def test_docs_build_with_no_warning(docs_build: DocsBuild) -> None:
    assert docs_build.returncode == 0, docs_build.warnings
    assert "WARNING" not in docs_build.warnings
    for page in ("index.html", "quickstart.html", "cli.html", "changelog.html"):
        assert (docs_build.outdir / page).is_file()


def test_every_internal_link_and_fragment_resolves(docs_build: DocsBuild) -> None:
    pages = sorted(docs_build.outdir.rglob("*.html"))
    checked, broken = 0, []
    for page in pages:
        for link in internal_links(page):
            checked += 1
            problem = broken_link(docs_build.outdir, page, link)
            if problem:
                broken.append(problem)
    assert not broken, "\n".join(broken[:50])
    assert len(pages) >= 15 and checked > 2000, (len(pages), checked)


def test_link_checker_sees_a_broken_fragment(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<p id="here"><a href="#here">ok</a><a href="#gone">bad</a></p>')
    problems = [broken_link(tmp_path, page, link) for link in internal_links(page)]
    assert problems == [None, "page.html: #gone (no id 'gone')"]


def test_showcase_paramref_links_to_the_parameter(docs_build: DocsBuild) -> None:
    html = soup(docs_build, "showcase/scoped_session.html")
    close = html.find(id="sqlalchemy.orm.scoped_session.close").parent
    anchor = "sqlalchemy.orm.Session.params.close_resets_only"
    hrefs = {a["href"] for a in close.find_all("a", href=True)}
    assert f"session.html#{anchor}" in hrefs
    target = soup(docs_build, "showcase/session.html").find(id=anchor)
    assert "proxydoc-param" in target["class"]
    assert target.find(class_="proxydoc-param-name").get_text() == "close_resets_only"


def test_sqlalchemy_narrative_references_go_to_its_published_docs(
    docs_build: DocsBuild,
) -> None:
    html = soup(docs_build, "showcase/session.html")
    close = html.find(id="sqlalchemy.orm.Session.close").parent
    hrefs = {a["href"] for a in close.find_all("a", href=True)}
    assert SQLALCHEMY_DOCS + "orm/session_basics.html#session-closing" in hrefs
    assert SQLALCHEMY_DOCS + "glossary.html#term-releases" in hrefs
    assert (
        SQLALCHEMY_DOCS + "core/connections.html#sqlalchemy.engine.Connection" in hrefs
    )


def _inventory_names(path: Path) -> dict[str, set[str]]:
    inventory = InventoryFile.loads(path.read_bytes(), uri="")
    return {objtype: set(items) for objtype, items in inventory.data.items()}


def _resolvable(names: dict[str, set[str]], role: str, target: str) -> bool:
    objtypes = {
        "py:class": ("py:class", "py:exception", "py:data"),
        "py:attr": ("py:attribute", "py:property", "py:method"),
        "py:paramref": ("py:parameter",),
        "py:obj": tuple(f"py:{t}" for t in PY_OBJTYPES),
    }[role]
    bare = target.removeprefix("~").lstrip(".")
    for objtype in objtypes:
        for name in names.get(objtype, ()):
            if name == bare or name.endswith("." + bare):
                return True
    return False


def _in_signature(anchor: str) -> bool:
    """Whether the object of a parameter anchor has that parameter."""
    owner, _, name = anchor.partition(".params.")
    module, _, qualname = owner.rpartition(".")
    obj = getattr(importlib.import_module(module), qualname)
    return name in inspect.signature(obj).parameters


def test_nitpick_ignores_hide_no_resolvable_reference(docs_build: DocsBuild) -> None:
    """Every ignored target is defined nowhere: not here, not in SQLAlchemy's docs."""
    conf = runpy.run_path(str(ROOT / "conf.py"))
    showcase = runpy.run_path(str(ROOT / "docs" / "_ext" / "sqlalchemy_showcase.py"))
    inventories = [
        docs_build.outdir / "objects.inv",
        ROOT / "docs" / "_inventories" / "sqlalchemy.inv",
        ROOT / "docs" / "_inventories" / "python.inv",
    ]
    names: dict[str, set[str]] = {}
    for path in inventories:
        for objtype, found in _inventory_names(path).items():
            names.setdefault(objtype, set()).update(found)
    entries = [*conf["nitpick_ignore"], *showcase["UPSTREAM_DANGLING"]]
    assert entries
    for role, target in entries:
        if role == "py:parameter":
            assert not _in_signature(target), target
        else:
            assert not _resolvable(names, role, target), (role, target)
    for role, pattern in conf["nitpick_ignore_regex"]:
        matching = [n for n in names.get(role, ()) if re.fullmatch(pattern, n)]
        assert not matching, (pattern, matching[:5])


def _explains(entry: tuple[str, str], message: str, subtype: str) -> bool:
    """Whether the warning (*message*, *subtype*) is the problem *entry* lists."""
    role, target = entry
    if role == "py:paramref":
        owner, _, param = target.partition(".params.")
        last = owner.rpartition(".")[2]
        return subtype == "proxydoc.paramref" and all(
            word in message for word in (last, repr(param).strip("'"))
        )
    if role == "py:parameter":
        param = target.rpartition(".params.")[2]
        return subtype == "proxydoc.param" and f"parameter '{param}'" in message
    # Prefixes are expanded where the role is read: warnings name the full target.
    return subtype == f"ref.{role[3:]}" and message.endswith(
        f"reference target not found: {target}"
    )


def showcase_module() -> Any:
    import sqlalchemy_showcase

    return sqlalchemy_showcase


@cache
def conf_module() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "conf.py"))


@pytest.mark.slow  # builds docs/ again
def test_upstream_problems_are_reported_when_not_hidden(tmp_path: Path) -> None:
    """Without the showcase's list, the build reports exactly what it lists."""
    build = build_docs(tmp_path, "showcase_hide_upstream_problems=0")
    assert build.returncode != 0
    reported = set(re.findall(r"WARNING: (.*) \[([\w.-]+)\]", build.warnings))
    listed = showcase_module().UPSTREAM_DANGLING
    unexplained = [w for w in reported if not any(_explains(e, *w) for e in listed)]
    assert not unexplained, "warnings the list does not explain"
    unused = [e for e in listed if not any(_explains(e, *w) for w in reported)]
    assert not unused, "entries no warning needs"
    messages = " | ".join(sorted(m for m, _ in reported))
    # proxydoc's own diagnosis: what is wrong, and what the object does have.
    assert "Session.refresh has no documented parameter 'lockmode'" in messages
    assert "(it documents: attribute_names, with_for_update)" in messages
    assert "get_async_bind documents no parameters" in messages


def _registered_config_names() -> set[str]:
    """``proxydoc_*`` names passed to ``add_config_value`` or ``_Option`` in the code."""
    names = set()
    for path in (ROOT / "ext" / "proxydoc").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                func = getattr(node.func, "attr", getattr(node.func, "id", ""))
                first = node.args[0]
                if func in ("add_config_value", "_Option") and isinstance(
                    first, ast.Constant
                ):
                    names.add(first.value)
    return {n for n in names if str(n).startswith("proxydoc_")}


def test_config_reference_documents_every_option(docs_build: DocsBuild) -> None:
    names = _registered_config_names()
    assert {"proxydoc_module_prefixes", "proxydoc_param_link_style"} <= names
    html = soup(docs_build, "reference/config.html")
    for name in sorted(names):
        entry = html.find(id=f"confval-{name}")
        assert entry is not None, name
        text = entry.parent.get_text(" ")
        assert "Default" in text and "Type" in text and "Example" in text, name


def _warning_subtypes() -> set[str]:
    """Subtypes passed to ``proxydoc._warnings.warn`` anywhere in the package."""
    subtypes = set()
    for path in (ROOT / "ext" / "proxydoc").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call) and getattr(node.func, "id", "") == "warn"
            ):
                continue
            args = [
                *node.args[1:2],
                *(k.value for k in node.keywords if k.arg == "subtype"),
            ]
            subtypes |= {a.value for a in args if isinstance(a, ast.Constant)}
    return subtypes


def test_every_warning_subtype_is_documented(docs_build: DocsBuild) -> None:
    subtypes = _warning_subtypes()
    assert {"config", "paramref", "param"} <= subtypes
    text = soup(docs_build, "reference/warnings.html").get_text(" ")
    missing = sorted(s for s in subtypes if f"proxydoc.{s}" not in text)
    assert not missing


def test_cli_reference_is_generated_from_the_parser(docs_build: DocsBuild) -> None:
    from proxydoc_docs import find_build_parser

    text = " ".join(soup(docs_build, "cli.html").get_text(" ").split())
    build_parser = find_build_parser()
    if build_parser is None:
        assert "no subcommands yet" in text
        return
    import argparse

    parser = build_parser()
    subparsers = [
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    ]
    assert subparsers, "proxydoc has subcommands"
    for name, sub in subparsers[0].choices.items():
        assert f"proxydoc {name}" in text
        for action in sub._actions:
            for option in action.option_strings:
                if action.help != argparse.SUPPRESS:
                    assert option in text, (name, option)


@pytest.mark.slow  # builds docs/ again
def test_screenshots_match_the_current_rendering(tmp_path: Path) -> None:
    """``make screenshots`` was run since the photographed HTML last changed."""
    import screenshots

    manifest = json.loads((screenshots.MANIFEST).read_text())
    pages = screenshots.build_all(tmp_path)
    assert set(manifest) == set(pages)
    for name, html in pages.items():
        png = screenshots.OUTPUT / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        subject = screenshots.VARIANTS[name].subject
        assert manifest[name] == screenshots.digest(html, subject), (
            f"{name}.png is out of date: run `make screenshots`"
        )


@pytest.mark.parametrize("page", ["index.html", "migrating.html"])
def test_pages_show_the_screenshots_and_proxydoc_css(
    docs_build: DocsBuild, page: str
) -> None:
    html = soup(docs_build, page)
    assert html.find("link", href=re.compile(r"_static/proxydoc\.css"))
    if page == "index.html":
        sources = {img["src"] for img in html.find_all("img")}
        assert any(s.endswith("with-proxydoc.png") for s in sources)
        assert any(s.endswith("without-proxydoc.png") for s in sources)


def _directives_with_options() -> dict[str, list[str]]:
    """Directives proxydoc registers (``add_directive``), with their options."""
    found: dict[str, list[str]] = {}
    for path in (ROOT / "ext" / "proxydoc").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "add_directive"
                and len(node.args) == 2
                and isinstance(node.args[0], ast.Constant)
            ):
                relative = path.relative_to(ROOT / "ext").with_suffix("")
                module = ".".join(relative.parts)
                cls = getattr(importlib.import_module(module), node.args[1].id)
                found[node.args[0].value] = list(getattr(cls, "option_spec", {}) or {})
    return found


def _roles_added() -> set[str]:
    """Roles proxydoc adds to the Python domain (``add_role_to_domain``)."""
    found: set[str] = set()
    for path in (ROOT / "ext" / "proxydoc").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "add_role_to_domain"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
            ):
                found.add(node.args[1].value)
    return found


def test_every_role_and_directive_is_documented(docs_build: DocsBuild) -> None:
    ids: set[str] = set()
    for page in ("reference/roles.html", "reference/proxies.html"):
        ids |= {tag["id"] for tag in soup(docs_build, page).find_all(id=True)}
    roles = _roles_added()
    assert roles == {"paramref"}
    for role in roles:
        assert f"role-py-{role}" in ids
    directives = _directives_with_options()
    assert "autoproxy" in directives
    for name, options in directives.items():
        assert f"directive-{name}" in ids, name
        for option in options:
            assert f"directive-option-{name}-{option}" in ids, (name, option)
