"""The facade every compat root documents, and readers for what a build made of it.

Each ``tests/roots/test-compat-*`` root documents ``Session.close(force, *args,
timeout)`` and its proxy ``ScopedSession.close`` (with SQLAlchemy's
``class_bases`` marker) in a module ``pd_compat_<name>`` (written by its
``conf.py`` from :mod:`._library`, numpydoc's and MyST's excepted), and links
three of the parameters with ``:paramref:`` from its index page.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

CLASSES = ("Session", "ScopedSession")
PARAMS = ("force", "args", "timeout")
#: The index page's links: role text as shown, owner class, parameter.
LINKED = (
    ("Session.close.force", "Session", "force"),
    ("ScopedSession.close.timeout", "ScopedSession", "timeout"),
    ("args", "Session", "args"),
)
NOTE = "Proxied for Session.close() on behalf of ScopedSession."


def page(outdir: Path | str, path: str) -> BeautifulSoup:
    """The parsed HTML page at *path* (``api.html``) under *outdir*."""
    text = (Path(outdir) / path).read_text(encoding="utf-8")
    return BeautifulSoup(text, "html.parser")


def text_of(node: object) -> str:
    """The visible text of a tag, whitespace normalised."""
    return " ".join(node.get_text().split())  # type: ignore[attr-defined]


def anchor(module: str, cls: str, param: str) -> str:
    """proxydoc's id of parameter *param* of ``cls.close``."""
    return f"{module}.{cls}.close.params.{param}"


def param_anchors(api: BeautifulSoup) -> set[str]:
    """Every ``.params.`` id on the page but the ``*args`` spelling."""
    return {
        node["id"]
        for node in api.find_all(id=True)
        if ".params." in node["id"] and "*" not in node["id"]
    }


def expected_anchors(module: str) -> set[str]:
    return {anchor(module, c, p) for c in CLASSES for p in PARAMS}


def paramrefs(links: BeautifulSoup) -> list[tuple[str, str]]:
    """(text, href) of each resolved ``:paramref:`` outside the API's descriptions."""
    return [
        (a.get_text(), a["href"])
        for a in links.select("a:has(> code.py-paramref)")
        if a.find_parent("dl") is None
    ]


def expected_paramrefs(module: str, api_path: str) -> list[tuple[str, str]]:
    return [(text, f"{api_path}#{anchor(module, c, p)}") for text, c, p in LINKED]


def proxy_notes(api: BeautifulSoup) -> dict[str, tuple[str, list[str]]]:
    """Id of each member with a proxy note -> the note's text and link targets."""
    notes = {}
    for note in api.select("div.proxydoc-proxy-note"):
        member = note.find_parent("dd").find_previous_sibling("dt")["id"]
        notes[member] = (text_of(note), [a["href"] for a in note.select("a")])
    return notes


def markers_left(api: BeautifulSoup) -> list[str]:
    """Text of ``class_bases`` containers left as they were written."""
    return [text_of(d) for d in api.select("div.class-bases, div.class_bases")]


def signature_links(api: BeautifulSoup, module: str) -> dict[str, list[str]]:
    """Id of each ``close`` signature -> where each parameter name in it links.

    A name inside two nested links (invalid HTML) shows as "nested".
    """
    found = {}
    for cls in CLASSES:
        sig = api.find(id=f"{module}.{cls}.close")
        targets = []
        for link in sig.select("a.proxydoc-siglink"):
            targets.append("nested" if link.find_parent("a") else link["href"])
        found[sig["id"]] = targets
    return found


def expected_signature_links(module: str) -> dict[str, list[str]]:
    return {
        f"{module}.{c}.close": [f"#{anchor(module, c, p)}" for p in PARAMS]
        for c in CLASSES
    }


def seen(
    outdir: Path | str, module: str, api_path: str, links_path: str = "index.html"
) -> dict[str, object]:
    """What a build made of the facade: anchors, links, notes, signature links."""
    api, links = page(outdir, api_path), page(outdir, links_path)
    return {
        "anchors": param_anchors(api),
        "paramrefs": paramrefs(links),
        "notes": proxy_notes(api),
        "markers left": markers_left(api),
        "signature links": signature_links(api, module),
    }


def expected(
    module: str,
    api_path: str,
    links_path: str = "index.html",
    note_links: list[str] | None = None,
) -> dict[str, object]:
    """What :func:`seen` finds when proxydoc did all its work."""
    prefix = "" if api_path == links_path else api_path
    if note_links is None:
        note_links = [f"#{module}.Session.close", f"#{module}.ScopedSession"]
    return {
        "anchors": expected_anchors(module),
        "paramrefs": expected_paramrefs(module, prefix),
        "notes": {f"{module}.ScopedSession.close": (NOTE, note_links)},
        "markers left": [],
        "signature links": expected_signature_links(module),
    }
