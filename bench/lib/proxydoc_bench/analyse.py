"""Read what a build wrote: warnings by type, ``:paramref:`` links and parameter ids."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag

_ID = re.compile(r'\sid="([^"]+)"')
_PARAMREF_LINK = re.compile(
    r'<a\s[^>]*?href="([^"]*)"[^>]*>\s*<code class="xref py py-paramref\b'
)
_PARAMREF_CODE = re.compile(r'<code class="xref py py-paramref\b')
_INTERNAL_LINK = re.compile(r'<a class="reference internal" href="([^"]*)"')
#: A proxy's note: as written, the ``class_bases`` container (``class-bases`` in
#: HTML) or the pointer paragraph that is an attribute proxy's whole docstring
#: ("Proxy for the ... attribute on behalf of the ... class."); or the note
#: proxydoc makes of either.  None nests a ``div`` in SQLAlchemy's docs; a nested
#: one would end the match early and leave the rest to ``internal``.
_PROXY_NOTE = re.compile(
    r'<div class="(?:class-bases|proxydoc-proxy-note)\b[^"]*"[^>]*>.*?</div>'
    r"|(?<=<dd>)<p>Proxy for the .*?</p>",
    re.S,
)
_WARNING_TYPE = re.compile(r"\[([\w.-]+)\]$")
_LEVEL = re.compile(r"\b(WARNING|ERROR|CRITICAL|SEVERE):\s*(.*)$")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\b[\w.]+\.[\w.]+\b|\d+")
PARAMS = ".params."


def warning_kind(line: str) -> str | None:
    """A stable name for the kind of one warning line, or None for other lines."""
    level = _LEVEL.search(line)
    if level is None:
        return None
    typed = _WARNING_TYPE.search(line.rstrip())
    if typed:
        return f"{level.group(1).lower()}:{typed.group(1)}"
    message = _QUOTED.sub("_", level.group(2))
    return f"{level.group(1).lower()}:" + " ".join(message.split()[:6])


def warnings_by_kind(text: str) -> dict[str, int]:
    """Count the warnings of a ``-w`` file by kind."""
    kinds = Counter(k for k in map(warning_kind, text.splitlines()) if k)
    return dict(sorted(kinds.items()))


def warning_lines(text: str) -> list[str]:
    """The warning lines with their locations, for comparing two builds."""
    return sorted(line for line in text.splitlines() if _LEVEL.search(line))


@dataclass
class Page:
    """The ids of one HTML page and the ``:paramref:`` links in it."""

    ids: set[str]
    links: list[str]
    unresolved: int
    #: Every internal link (cross-references, toctrees), paramref or not,
    #: outside the proxy notes.
    internal: list[str] = field(default_factory=list)
    #: Proxy notes (``class_bases`` containers or proxydoc's notes) and the
    #: internal links in them: proxydoc links a note to the member, the
    #: container as written to the classes, so these are compared apart.
    notes: int = 0
    note_links: list[str] = field(default_factory=list)


@dataclass
class SiteReport:
    """``:paramref:`` links of a whole HTML output and where they land."""

    links: int = 0
    unresolved: int = 0
    broken: list[str] = field(default_factory=list)
    params_ids: set[str] = field(default_factory=set)


def read_page(path: Path) -> Page:
    """Ids, paramref links (resolved and not), internal links and proxy notes."""
    text = path.read_text(encoding="utf-8", errors="replace")
    links = _PARAMREF_LINK.findall(text)
    unresolved = len(_PARAMREF_CODE.findall(text)) - len(links)
    notes = _PROXY_NOTE.findall(text)
    internal = _INTERNAL_LINK.findall(_PROXY_NOTE.sub("", text))
    note_links = [href for note in notes for href in _INTERNAL_LINK.findall(note)]
    return Page(
        set(_ID.findall(text)), links, unresolved, internal, len(notes), note_links
    )


def read_site(outdir: Path) -> dict[str, Page]:
    """Every HTML page of *outdir*, by its path relative to *outdir*."""
    return {
        p.relative_to(outdir).as_posix(): read_page(p)
        for p in sorted(outdir.rglob("*.html"))
        if "_static" not in p.parts and "_sources" not in p.parts
    }


def landing(page: str, href: str) -> tuple[str, str]:
    """The page and fragment a link *href* on *page* points to."""
    url, fragment = urldefrag(href)
    if not url:
        return page, unquote(fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(url)))
    return target, unquote(fragment)


def working_links(
    pages: dict[str, Page], kind: str = "links"
) -> Counter[tuple[str, str, str]]:
    """(page, target page, fragment) of every link of *kind* that lands."""
    found: Counter[tuple[str, str, str]] = Counter()
    for name, page in pages.items():
        for href in getattr(page, kind):
            target, fragment = landing(name, href)
            there = pages.get(target)
            if there is not None and (not fragment or fragment in there.ids):
                found[(name, target, fragment)] += 1
    return found


def lost_links(
    before: dict[str, Page], after: dict[str, Page], kind: str = "links"
) -> Counter[tuple[str, str, str]]:
    """Paramref links that land in *before* but are not links to there in *after*."""
    now: Counter[tuple[str, str, str]] = Counter()
    for name, page in after.items():
        now.update((name, *landing(name, href)) for href in getattr(page, kind))
    return working_links(before, kind) - now


def missing_notes(before: dict[str, Page], after: dict[str, Page]) -> int:
    """Proxy notes of *before* that *after* lacks, counted page by page."""
    return sum(
        max(0, page.notes - (after[name].notes if name in after else 0))
        for name, page in before.items()
    )


def broken_note_links(pages: dict[str, Page]) -> int:
    """Internal links in proxy notes whose page or anchor does not exist."""
    total = sum(len(p.note_links) for p in pages.values())
    return total - sum(working_links(pages, "note_links").values())


def check_site(pages: dict[str, Page]) -> SiteReport:
    """Count paramref links and the ones whose anchor does not exist."""
    report = SiteReport()
    for name, page in pages.items():
        report.unresolved += page.unresolved
        report.params_ids.update(f"{name}#{i}" for i in page.ids if PARAMS in i)
        for href in page.links:
            report.links += 1
            if "://" in href:
                continue
            target, fragment = landing(name, href)
            found = pages.get(target)
            if found is None or (fragment and fragment not in found.ids):
                report.broken.append(f"{name} -> {target}#{fragment}")
    return report
