"""Readers for the proxied-members tests: notes, back-links, warnings."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from ..helpers import soup, strip_ansi

__all__ = [
    "at_marker",
    "notes_by_member",
    "proxied_by",
    "proxy_warnings",
    "soup",
    "text_of",
]


def text_of(node: object) -> str:
    """The visible text of a tag, whitespace normalised."""
    return " ".join(node.get_text().split())  # type: ignore[attr-defined]


def proxy_warnings(warning_text: str, subtype: str) -> list[str]:
    """Warning lines of one ``proxydoc.*`` subtype."""
    plain = strip_ansi(warning_text)
    return [
        line for line in plain.splitlines() if line.endswith(f"[proxydoc.{subtype}]")
    ]


def member_id(node: Tag) -> str | None:
    """The anchor of the description *node* is in (its first signature's)."""
    description = node.find_parent("dd").parent
    first = description.find("dt", recursive=False)
    return first.get("id")


def notes_by_member(page: BeautifulSoup) -> dict[str, tuple[str, list[str]]]:
    """Anchor of each indexed member with a proxy note -> its text and link targets."""
    found = {}
    for note in page.select("div.proxydoc-proxy-note"):
        member = member_id(note)
        if member:  # :no-index: descriptions have none
            found[member] = (text_of(note), [a["href"] for a in note.select("a")])
    return found


def proxied_by(page: BeautifulSoup) -> dict[str, list[str]]:
    """Anchor of each member with a "Proxied by" line -> the proxies it links."""
    found = {}
    for line in page.select("div.proxydoc-proxied-by"):
        found[member_id(line)] = [a["href"] for a in line.select("a")]
    return found


def at_marker(warning: str, where: str, line: int) -> bool:
    """Does *warning* point at the marker at *where*:*line*?

    docutils 0.22 numbers a container by its directive line; older versions
    give it none, and the warning falls back to the text two lines below.
    """
    return any(f"{where}:{n}: WARNING" in warning for n in (line, line + 2))
