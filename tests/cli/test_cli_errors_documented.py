"""Every error the ``proxydoc`` command can print is listed in docs/cli.rst.

The messages are found as ``tests/test_messages_covered.py`` finds them (the
calls of ``ProxydocError``, ``_require``, ``fail``, ... in ``ext/proxydoc/cli``),
but in any argument of the call (``_fail(path, marker, "...")`` too); the
longest literal fragment of each must appear, whitespace aside, in the section
"Errors and what they mean" of the command's page.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.test_messages_covered import (
    MESSAGE_CALLS,
    MIN_FRAGMENT,
    PACKAGE,
    Site,
    _called_name,
    fragments,
)

CLI_PAGE = Path(__file__).parents[2] / "docs" / "cli.rst"
TITLE = "Errors and what they mean"


def sites_in(source: str, where: str) -> list[Site]:
    """The message calls of *source*, each with its longest literal fragment."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _called_name(node) not in MESSAGE_CALLS:
            continue
        parts = [
            text
            for arg in node.args
            for text in fragments(arg)
            if len(text.strip()) >= MIN_FRAGMENT
        ]
        if parts:
            found.append(Site(f"{where}:{node.lineno}", max(parts, key=len)))
    return sorted(found, key=lambda s: int(s.where.rpartition(":")[2]))


def command_sites(folder: Path = PACKAGE / "cli") -> list[Site]:
    """The message sites of the command's modules."""
    sites = []
    for path in sorted(folder.glob("*.py")):
        where = path.relative_to(folder.parents[2]).as_posix()
        sites.extend(sites_in(path.read_text(encoding="utf-8"), where))
    return sites


def _words(text: str) -> str:
    return " ".join(text.split())


def errors_section(page: str) -> str:
    """The text of the section *TITLE* (its subsections included)."""
    start = page.index(f"\n{TITLE}\n")
    underline = page[start + len(TITLE) + 2]
    rest = page[start + len(TITLE) + 2 :]
    after = re.search(rf"\n[^\n]+\n{re.escape(underline)}{{3,}}\n", rest)
    return rest[: after.start()] if after else rest


def undocumented(sites: list[Site], section: str) -> list[Site]:
    text = _words(section)
    return [site for site in sites if _words(site.fragment) not in text]


def test_every_error_message_is_documented() -> None:
    sites = command_sites()
    assert len(sites) > 80, "the scan finds too few messages; is it broken?"
    missing = undocumented(sites, errors_section(CLI_PAGE.read_text("utf-8")))
    report = "\n".join(f"{s.where}: {s.fragment!r}" for s in missing)
    assert not missing, (
        f"{len(missing)} messages of the command are not listed in docs/cli.rst, "
        f'"{TITLE}":\n{report}'
    )


SYNTHETIC = """\
def check(path, marker, where, ok):
    _fail(path, marker, "END marker without a START")
    _require(ok, where, f"{where} lists {ok} more than once")
    raise ProxydocError(f"cannot read: {path}", path, 1)
    fail("short")
    print("not a message call at all")
"""

PAGE = """\
Intro
-----

cannot read: <reason> appears before the section: it does not count.

Errors and what they mean
-------------------------

- ``END marker without a
  START`` -- wrapped in the page.

Sub
~~~

- ``<key> lists '<x>' more than once``

Next
----

cannot read: <reason>
"""


def test_scanner_and_section_on_small_inputs() -> None:
    sites = sites_in(SYNTHETIC, "m.py")
    assert sites == [
        Site("m.py:2", "END marker without a START"),
        Site("m.py:3", " more than once"),
        Site("m.py:4", "cannot read: "),
    ]
    section = errors_section(PAGE)
    assert "Sub\n~~~" in section and "Next" not in section
    assert undocumented(sites, section) == [sites[2]]
