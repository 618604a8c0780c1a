"""Links in notes, "Proxied by" lines and summaries are nested as Sphinx nests its own.

Sphinx writes ``:meth:`Session.close``` as a link holding the code:
``<a class="reference internal" href=... title=...><code class="xref py
py-meth docutils literal notranslate"><span class="pre">Session.close()</span>
</code></a>``.  Themes style that shape; a code span holding links shows as
plain text beside them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from .helpers import soup, text_of

BLOCKS = {
    "note": "div.proxydoc-proxy-note",
    "proxied-by": "div.proxydoc-proxied-by",
    "summary": "div.proxydoc-proxy-summary",
}
#: What Sphinx's HTML writer adds to the classes of a role's code span.
CODE = ["docutils", "literal", "notranslate"]


def shape(link: Tag) -> tuple[list[str], str, str]:
    """A link's classes, the role of the code it holds, and its text.

    Fails unless the link holds one code span and nothing else, and the code
    span holds no link.
    """
    children = [c for c in link.children if not (isinstance(c, str) and not c.strip())]
    assert len(children) == 1 and children[0].name == "code", str(link)
    code = children[0]
    classes = code["class"]
    assert classes[:2] == ["xref", "py"] and classes[3:] == CODE, str(link)
    assert code.find("a") is None, str(link)
    assert [s.name for s in code.children] == ["span"], str(link)
    return link["class"], classes[2], text_of(code)


def shapes(page: BeautifulSoup, kind: str) -> list[list[tuple[list[str], str, str]]]:
    """Per block of *kind* on *page*, the shape of each of its links."""
    blocks = page.select(BLOCKS[kind])
    for block in blocks:  # every code span is inside a link
        assert [c for c in block.select("code") if c.parent.name != "a"] == []
    return [[shape(a) for a in block.select("a")] for block in blocks]


INTERNAL = ["reference", "internal"]


@pytest.mark.parametrize(
    ("root", "docname", "first"),
    [
        (
            "proxy-basic",
            "facade",
            [
                (INTERNAL, "py-attr", "Session.bind"),
                (INTERNAL, "py-class", "ScopedSession"),
            ],
        ),
        (
            "proxy-sqlalchemy",
            "scoping",
            [
                (INTERNAL, "py-meth", "Session.__contains__()"),
                (INTERNAL, "py-class", "scoped_session"),
            ],
        ),
        (
            "proxy-module",
            "op",
            [
                (INTERNAL, "py-meth", "Operations.add_column()"),
                (INTERNAL, "py-mod", "pd_mig.op"),
            ],
        ),
    ],
)
def test_notes(shared_build, root, docname, first):
    """One link for ``Target.member``, one for the facade, each holding its code."""
    notes = shapes(soup(shared_build(root), docname), "note")
    assert notes[0] == first
    assert len(notes) > 1
    for links in notes:
        assert [role for _, role, _ in links][1] in ("py-class", "py-mod")
        assert links[0][1] in ("py-meth", "py-attr")
        assert links[0][2].partition(".")[0] == first[0][2].partition(".")[0]


@pytest.mark.parametrize(
    ("root", "docname", "first"),
    [
        ("proxy-basic", "session", [(INTERNAL, "py-attr", "ScopedSession.bind")]),
        (
            "proxy-sqlalchemy",
            "session",
            [(INTERNAL, "py-meth", "scoped_session.__contains__()")],
        ),
        (
            "proxy-module",
            "operations",
            [(INTERNAL, "py-meth", "pd_mig.op.add_column()")],
        ),
    ],
)
def test_proxied_by(shared_build, root, docname, first):
    lines = shapes(soup(shared_build(root), docname), "proxied-by")
    assert lines[0] == first
    assert {role for links in lines for _, role, _ in links} <= {"py-meth", "py-attr"}


@pytest.mark.parametrize(
    ("root", "docname", "first"),
    [
        (
            "proxy-basic",
            "facade",
            [(INTERNAL, "py-class", "Session"), (INTERNAL, "py-attr", "bind")],
        ),
        (
            "proxy-sqlalchemy",
            "scoping",
            [
                (INTERNAL, "py-class", "Session"),
                (INTERNAL, "py-meth", "__contains__()"),
            ],
        ),
    ],
)
def test_summaries(shared_build, root, docname, first):
    (summary,) = shapes(soup(shared_build(root), docname), "summary")
    assert summary[:2] == first
    assert {role for _, role, _ in summary[1:]} <= {"py-meth", "py-attr"}


def as_sphinx_writes(page: BeautifulSoup, text: str, *, under: str = "div.body") -> str:
    """The first link showing *text* on *page*, without its href (pages differ)."""
    codes = [c for c in page.select(f"{under} a > code") if c.get_text() == text]
    link = codes[0].parent
    del link["href"]
    return str(link)


@pytest.mark.parametrize(
    ("kind", "docname", "text"),
    [
        ("note", "api/facade", "Engine.connect()"),
        ("note", "api/facade", "EngineFacade"),
        ("proxied-by", "api/engine", "EngineFacade.connect()"),
        ("summary", "api/facade", "url"),
    ],
)
def test_links_are_written_as_sphinx_writes_its_own(shared_build, kind, docname, text):
    """Byte for byte, but the href: ``own.rst`` writes the same names with roles."""
    app = shared_build("proxy-builders")
    own = as_sphinx_writes(soup(app, "own"), text)
    page = BeautifulSoup(
        (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert as_sphinx_writes(page, text, under=BLOCKS[kind]) == own


def test_an_undocumented_member_links_its_class(shared_build):
    """``Engine.hidden`` has no description: the name leads to ``Engine``."""
    app = shared_build("proxy-builders")
    page = soup(app, "api/facade")
    hidden = page.find("dt", id="pd_build.EngineFacade.hidden").find_next("dd")
    (note,) = shapes(hidden, "note")
    assert note[0] == (INTERNAL, "py-meth", "Engine.hidden()")
    link = hidden.select_one(f"{BLOCKS['note']} a")
    assert (link["href"], link["title"]) == (
        "engine.html#pd_build.Engine",
        "pd_build.Engine",
    )
