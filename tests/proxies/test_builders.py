"""Every builder: each link of a note, "Proxied by" line or summary leads somewhere.

``test-proxy-builders`` documents targets and facades on pages in folders
(``api/``, ``guide/``), so a link crosses documents and directories.  Every
link proxydoc wrote is followed to the page and id it names, in the output
of each builder; all builders must lead to the same objects.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.helpers import serial_and_parallel, warnings_of

BLOCKS = "div.proxydoc-proxy-note, div.proxydoc-proxied-by, div.proxydoc-proxy-summary"

#: What the root's notes (12 links), "Proxied by" lines (5) and summaries (9) link.
TARGETS = sorted(
    [
        *["pd_build.Engine.connect", "pd_build.EngineFacade"],
        *["pd_build.Engine.dispose", "pd_build.EngineFacade"],
        # Engine.hidden is not documented: the name links the class
        *["pd_build.Engine", "pd_build.EngineFacade"],
        *["pd_build.Engine.url", "pd_build.EngineFacade"],
        *["pd_build.Connection.execute", "pd_build.EngineFacade"],
        *["pd_build.Engine.connect", "pd_build.Pool"],
        "pd_build.EngineFacade.connect",
        "pd_build.Pool.connect",
        "pd_build.EngineFacade.dispose",
        "pd_build.EngineFacade.url",
        "pd_build.EngineFacade.execute",
        *["pd_build.Connection", "pd_build.EngineFacade.execute"],
        *["pd_build.Engine", "pd_build.EngineFacade.connect"],
        *["pd_build.EngineFacade.dispose", "pd_build.EngineFacade.hidden"],
        "pd_build.EngineFacade.url",
        *["pd_build.Engine", "pd_build.Pool.connect"],
    ]
)

#: Where each object is described, by document.
DOCUMENTS = {
    "pd_build.Engine": "api/engine",
    "pd_build.Connection": "api/connection",
    "pd_build.EngineFacade": "api/facade",
    "pd_build.Pool": "guide/pool",
}


def document_of(name: str) -> str:
    """``api/engine`` for ``pd_build.Engine.connect``."""
    return DOCUMENTS[".".join(name.split(".")[:2])]


def pages(outdir: Path, suffix: str) -> dict[str, BeautifulSoup]:
    """Each written page by its path in *outdir* (``api/facade.html``)."""
    return {
        path.relative_to(outdir).as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in outdir.rglob(f"*{suffix}")
        if "_static" not in path.parts
    }


def follow(page: str, href: str) -> tuple[str, str]:
    """The page and fragment *href* on *page* leads to (``dir/`` is ``dir/index``)."""
    base = "http://docs.invalid/"
    url = urljoin(base + page, href)
    assert url.startswith(base), href
    path, _, fragment = url.removeprefix(base).partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, fragment


def followed_links(outdir: Path, suffix: str) -> list[tuple[str, str | None]]:
    """Each link in a proxydoc block: the object it leads to, None if nowhere."""
    written = pages(outdir, suffix)
    ids = {
        name: {t["id"] for t in page.select("[id]")} for name, page in written.items()
    }
    found = []
    for name, page in sorted(written.items()):
        for link in page.select(f":is({BLOCKS}) a"):
            path, fragment = follow(name, link["href"])
            leads = path in ids and fragment in ids[path]
            found.append((f"{name}: {link['href']}", fragment if leads else None))
    return found


@pytest.mark.parametrize(
    ("builder", "suffix"),
    [
        ("html", ".html"),
        ("dirhtml", ".html"),
        ("singlehtml", ".html"),
        ("epub", ".xhtml"),
    ],
)
def test_every_link_leads_to_its_object(shared_build, builder, suffix):
    app = shared_build("proxy-builders", builder)
    links = followed_links(Path(app.outdir), suffix)
    assert [link for link, target in links if target is None] == []
    assert sorted(target for _, target in links) == TARGETS
    assert warnings_of(app._warning) == []


def test_singlehtml_links_stay_on_the_page(shared_build):
    """Sphinx 8.2+ writes ``#document-api/engine#id``; proxydoc's links are ``#id``."""
    app = shared_build("proxy-builders", "singlehtml")
    page = pages(Path(app.outdir), ".html")["index.html"]
    hrefs = [a["href"] for a in page.select(f":is({BLOCKS}) a")]
    assert len(hrefs) == len(TARGETS)
    assert [
        h for h in hrefs if not re.fullmatch(r"(index\.html)?#pd_build\.[\w.]+", h)
    ] == []


def test_latex_links_have_labels(shared_build):
    app = shared_build("proxy-builders", "latex")
    (tex,) = Path(app.outdir).glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    lines = [
        line
        for line in source.splitlines()
        if line.startswith(("Proxied for ", "Proxied by ", "Proxies for "))
    ]
    refs = [
        r
        for line in lines
        for r in re.findall(r"\\hyperref\[\\detokenize\{(.*?)\}\]", line)
    ]
    assert sorted(r.partition(":")[2] for r in refs) == TARGETS
    for ref in refs:
        docname, _, name = ref.partition(":")
        assert docname == document_of(name), ref
        assert f"\\label{{\\detokenize{{{ref}}}}}" in source, ref
    assert warnings_of(app._warning) == []


def test_texinfo_links_have_anchors(shared_build):
    app = shared_build("proxy-builders", "texinfo")
    (info,) = Path(app.outdir).glob("*.texi")
    source = info.read_text(encoding="utf-8")
    lines = [
        line
        for line in source.splitlines()
        if line.startswith(("Proxied for ", "Proxied by ", "Proxies for "))
    ]
    numbers = [n for line in lines for n in re.findall(r"@ref\{(\w+),,", line)]
    assert len(numbers) == len(TARGETS)
    anchors = dict(re.findall(r"@anchor\{([^}]*)\}@anchor\{(\w+)\}", source))
    named = {number: name.partition(" ")[2] for name, number in anchors.items()}
    assert sorted(named[n].replace(" ", ".") for n in numbers) == TARGETS
    assert warnings_of(app._warning) == []


@pytest.mark.parametrize("builder", ["html", "singlehtml", "latex"])
def test_links_carry_the_document_they_stand_in(shared_build, builder):
    """``refdoc`` is the link's own document, also when a builder joins documents.

    ``missing-reference`` handlers and domains read it; singlehtml and LaTeX
    resolve the joined tree as their root document.
    """
    app = shared_build("proxy-builders", builder)
    refdocs = app.proxydoc_test_refdocs
    assert len(refdocs) == len(TARGETS) + 6  # a note's name holds two until resolved
    wrong = [r for r in refdocs if r[2] != document_of(r[0])]
    assert wrong == []


def outcome(app):
    """proxydoc's links, followed, and the warnings."""
    return followed_links(Path(app.outdir), ".html"), warnings_of(app._warning)


def test_parallel_build_equals_serial(make_app, tmp_path):
    serial, parallel = serial_and_parallel(
        make_app, "proxy-builders", tmp_path, "pd_build", outcome
    )
    assert serial == parallel
    assert sorted(target for _, target in serial[0]) == TARGETS
