"""Compare two Sphinx HTML output folders, ignoring only version and date stamps."""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILES = 20
MAX_DIFF_LINES = 40
MONTH_OR_DAY = (
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
)
#: A date, a time or both, as strftime and friends write them, e.g.
#: ``Fri Nov 28 06:30:00 2025 UTC``, ``11/28/2025 06:30:00``, ``2025-11-28T06:30Z``.
DATE = (
    rf"(?:(?:{MONTH_OR_DAY})[a-z]*\.?|\d+(?:[-/.:T]\d+)*Z?|AM|PM|[A-Z]{{3,4}}\b"
    r"|[+-]\d\d:?\d\d)"
)
#: "Last updated on <date>" and "... generated: <date>" footers.
DATE_STAMP = re.compile(
    rf"(?P<key>(?i:last updated|generated)(?: on|:)?\s+)"
    rf"(?P<stamp>{DATE}(?:,?\s+{DATE})*)"
)
#: The cache-busting query Sphinx appends to links to static files.
HASH_STAMP = re.compile(r"(?P<key>_static/[^\"'?\s<>]*\?v=)(?P<stamp>[0-9A-Za-z]+)")
#: Sphinx and its extensions' environment versions, inside searchindex.js.
ENVVERSION = re.compile(r'(?P<key>"envversion":)(?P<stamp>\{[^{}]*\})')
#: objects.inv's version line in its plain-text header.
INV_VERSION = re.compile(r"(?m)^(?P<key># Version:)(?P<stamp>.*)$")


@dataclass
class Outcome:
    """What comparing one file found."""

    name: str
    diff: list[str] = field(default_factory=list)
    ignored: set[str] = field(default_factory=set)


@dataclass
class Stamp:
    """A kind of version stamp: its name, where it is, and when it is one."""

    name: str
    pattern: re.Pattern[str]
    applies: Callable[[str], bool] = lambda stamp: True


def looks_like_date(stamp: str) -> bool:
    """Whether *stamp* holds a year or a clock time (not just any number)."""
    return bool(re.search(r"\b\d{4}\b|\d{1,2}:\d{2}", stamp))


HTML_STAMPS = (
    Stamp("date/timestamp", DATE_STAMP, looks_like_date),
    Stamp("static-file hash", HASH_STAMP),
)
SEARCHINDEX_STAMPS = (Stamp("envversion", ENVVERSION),)
INVENTORY_STAMPS = (Stamp("objects.inv version line", INV_VERSION),)


def neutralise(text: str, stamp: Stamp) -> tuple[str, list[str]]:
    """*text* with each *stamp* replaced by a placeholder, and the stamps found."""
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if not stamp.applies(match["stamp"]):
            return match[0]
        found.append(match["stamp"])
        return f"{match['key']}<{stamp.name}>"

    return stamp.pattern.sub(replace, text), found


def normalise(
    old: str, new: str, stamps: tuple[Stamp, ...]
) -> tuple[str, str, set[str]]:
    """Both texts without their stamps, and the kinds of stamp that differed."""
    ignored: set[str] = set()
    for stamp in stamps:
        old, old_found = neutralise(old, stamp)
        new, new_found = neutralise(new, stamp)
        if old_found != new_found:
            ignored.add(stamp.name)
    return old, new, ignored


def unified(old: str, new: str, name: str) -> list[str]:
    """The first lines of a unified diff of *old* and *new*."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"old/{name}", f"new/{name}", n=2,
        lineterm="",
    )  # fmt: skip
    diff: list[str] = []
    for line in lines:
        if len(diff) == MAX_DIFF_LINES:
            diff.append("... (diff cut short)")
            break
        diff.append(line[:300] + (" ..." if len(line) > 300 else ""))
    return diff


def compare_texts(name: str, old: str, new: str, stamps: tuple[Stamp, ...]) -> Outcome:
    """Compare two texts once their *stamps* are neutralised."""
    outcome = Outcome(name)
    if old == new:
        return outcome
    old, new, outcome.ignored = normalise(old, new, stamps)
    if old != new:
        outcome.diff = unified(old, new, name)
    return outcome


def read_text(path: Path) -> str:
    """A file's text; undecodable bytes are kept visible as escapes."""
    return path.read_bytes().decode("utf-8", errors="backslashreplace")


def searchindex_text(path: Path) -> str:
    """searchindex.js, its JSON pretty-printed so a diff shows where it differs."""
    text = read_text(path)
    match = re.fullmatch(r"(?s)\s*Search\.setIndex\((.*)\)\s*;?\s*", text)
    if match is None:
        return text
    try:
        data = json.loads(match[1])
    except json.JSONDecodeError:
        return text
    envversion = json.dumps(data.pop("envversion", None), sort_keys=True)
    body = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
    return f'"envversion":{envversion}\n{body}\n'


def inventory_text(path: Path) -> str:
    """objects.inv as text: its four header lines, then its decompressed body."""
    data = path.read_bytes()
    header: list[bytes] = []
    for _ in range(4):
        line, _, data = data.partition(b"\n")
        header.append(line)
    try:
        body = zlib.decompress(data)
    except zlib.error as error:
        body = f"<cannot decompress: {error}>".encode()
    return b"\n".join([*header, body]).decode("utf-8", errors="backslashreplace")


def compare_pages(old_dir: Path, new_dir: Path) -> tuple[list[Outcome], list[str]]:
    """Every page found on both sides compared, and the pages on one side only."""
    old_pages = {p.relative_to(old_dir).as_posix() for p in old_dir.rglob("*.html")}
    new_pages = {p.relative_to(new_dir).as_posix() for p in new_dir.rglob("*.html")}
    outcomes = [
        compare_texts(
            name, read_text(old_dir / name), read_text(new_dir / name), HTML_STAMPS
        )
        for name in sorted(old_pages & new_pages)
    ]
    only = [f"only in OLD: {name}" for name in sorted(old_pages - new_pages)]
    only += [f"only in NEW: {name}" for name in sorted(new_pages - old_pages)]
    return outcomes, only


def compare_special(old_dir: Path, new_dir: Path) -> tuple[list[Outcome], list[str]]:
    """objects.inv and searchindex.js compared, and those missing on one side."""
    readers = {
        "objects.inv": (inventory_text, INVENTORY_STAMPS),
        "searchindex.js": (searchindex_text, SEARCHINDEX_STAMPS),
    }
    outcomes: list[Outcome] = []
    missing: list[str] = []
    for name, (reader, stamps) in readers.items():
        old, new = old_dir / name, new_dir / name
        if old.is_file() and new.is_file():
            outcomes.append(compare_texts(name, reader(old), reader(new), stamps))
        elif old.is_file() or new.is_file():
            side = "OLD" if old.is_file() else "NEW"
            missing.append(f"only in {side}: {name}")
    return outcomes, missing


def report(outcomes: list[Outcome], only: list[str]) -> bool:
    """Print what differs and what was ignored; whether all is the same."""
    ignored: dict[str, list[str]] = {}
    for outcome in outcomes:
        for kind in outcome.ignored:
            ignored.setdefault(kind, []).append(outcome.name)
    for kind, names in sorted(ignored.items()):
        examples = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        print(f"ignored: {kind} differs in {len(names)} file(s): {examples}")
    differing = [o for o in outcomes if o.diff]
    for line in only:
        print(line)
    for outcome in differing[:MAX_FILES]:
        print(f"\n=== {outcome.name} differs")
        print("\n".join(outcome.diff))
    if len(differing) > MAX_FILES:
        print(f"\n... and {len(differing) - MAX_FILES} more differing file(s)")
    print(
        f"\n{len(outcomes)} file(s) compared: {len(differing)} differ, "
        f"{len(only)} on one side only"
    )
    return not differing and not only


def main(argv: list[str] | None = None) -> int:
    """Compare OLD_HTML_DIR with NEW_HTML_DIR; exit 0 when they are the same."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("old", type=Path, metavar="OLD_HTML_DIR")
    parser.add_argument("new", type=Path, metavar="NEW_HTML_DIR")
    args = parser.parse_args(argv)
    for folder in (args.old, args.new):
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
    outcomes, only = compare_pages(args.old, args.new)
    special, missing = compare_special(args.old, args.new)
    same = report(outcomes + special, only + missing)
    print("SAME (apart from version stamps)" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
