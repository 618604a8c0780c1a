"""The Alembic showcase: ``alembic.op`` described by ``autoproxy`` from the installed Alembic."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from docsbuild import DocsBuild

PAGE = "showcase/alembic.html"
OPS = "alembic.operations.Operations"
#: The directives the page shows, as its ``:members:`` lists them.
SHOWN = (
    "add_column",
    "alter_column",
    "create_index",
    "create_primary_key",
    "create_unique_constraint",
    "drop_column",
    "drop_index",
    "drop_table",
    "rename_table",
)


def page_of(build: DocsBuild) -> BeautifulSoup:
    return BeautifulSoup(build.page(PAGE), "html.parser")


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text().split())


def description(page: BeautifulSoup, anchor: str) -> Tag:
    """The ``dd`` describing the object at *anchor*."""
    dt = page.find("dt", id=anchor)
    assert dt is not None, anchor
    return dt.find_next_sibling("dd")


def own_blocks(dd: Tag, css: str) -> list[Tag]:
    """The *css* blocks of the description *dd* itself, not of nested ones."""
    return [b for b in dd.select(css) if b.find_parent("dd") is dd]


def test_the_page_is_in_the_showcase(docs_build: DocsBuild) -> None:
    index = BeautifulSoup(docs_build.page("showcase/index.html"), "html.parser")
    assert "alembic.html" in [a["href"] for a in index.select("div.body a[href]")]


def test_op_functions_are_the_members_shown(docs_build: DocsBuild) -> None:
    page = page_of(docs_build)
    assert page.find(id="module-alembic.op") is not None
    functions = [dt["id"] for dt in page.select("dl.py.function > dt[id]")]
    assert functions == [f"alembic.op.{name}" for name in SHOWN]
    add = page.find("dt", id="alembic.op.add_column")
    assert text_of(add).startswith("alembic.op.add_column(table_name: str, column:")


@pytest.mark.parametrize("name", SHOWN)
def test_each_function_notes_the_method_it_proxies(
    docs_build: DocsBuild, name: str
) -> None:
    notes = own_blocks(
        description(page_of(docs_build), f"alembic.op.{name}"),
        "div.proxydoc-proxy-note",
    )
    assert [text_of(n) for n in notes] == [
        f"Proxied for Operations.{name}() on behalf of alembic.op."
    ]
    # one link for Operations.name(), as Sphinx nests its own references
    assert [(a["href"], a["title"]) for a in notes[0].select("a")] == [
        (f"#{OPS}.{name}", f"{OPS}.{name}"),
        ("#module-alembic.op", "alembic.op"),
    ]


@pytest.mark.parametrize("name", SHOWN)
def test_each_method_links_back_to_its_proxy(docs_build: DocsBuild, name: str) -> None:
    lines = own_blocks(
        description(page_of(docs_build), f"{OPS}.{name}"), "div.proxydoc-proxied-by"
    )
    assert [text_of(line) for line in lines] == [f"Proxied by alembic.op.{name}()."]
    assert [a["href"] for a in lines[0].select("a")] == [f"#alembic.op.{name}"]


def test_parameters_of_the_functions_have_anchors(docs_build: DocsBuild) -> None:
    page = page_of(docs_build)
    anchor = "alembic.op.add_column.params.column"
    item = page.find(id=anchor)
    assert "proxydoc-param" in item["class"]
    assert item.find(class_="proxydoc-param-name").get_text() == "column"
    for param in ("table_name", "schema", "if_not_exists", "inline_primary_key"):
        assert page.find(id=f"alembic.op.add_column.params.{param}") is not None
    # the page's own :paramref: leads there
    assert f"#{anchor}" in [a["href"] for a in page.select("div.body a[href]")]
    # and the method keeps its own anchors
    assert page.find(id=f"{OPS}.add_column.params.column") is not None


def test_alembic_s_sqla_references_reach_sqlalchemy_s_docs(
    docs_build: DocsBuild,
) -> None:
    """``:ref:`sqla:constraint_naming_conventions``` in create_primary_key's text."""
    dd = description(page_of(docs_build), "alembic.op.create_primary_key")
    hrefs = [a["href"] for a in dd.select("a[href]")]
    assert any(
        h.startswith("https://docs.sqlalchemy.org/en/21/")
        and h.endswith("#constraint-naming-conventions")
        for h in hrefs
    ), hrefs
