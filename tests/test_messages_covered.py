"""Every message proxydoc can give is asserted, with its text, by some test.

A message site is a call, in a module of ``ext/proxydoc``, of one of the
names below: the warning helpers of the Sphinx extension and the errors of
the command.  Its literal fragments are the constant parts of the message
(the parts of an f-string between its fields, the operands of ``+``); the
longest one, when it has 8 characters or more, must appear in a string
literal of a test module.  A message written by a variable alone, or of short
fragments only, is not checked here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).parents[1]
PACKAGE = REPO / "ext" / "proxydoc"
TESTS = REPO / "tests"

#: Calls whose first argument is a message (``_require``: the third).
MESSAGE_CALLS = {
    "warn": 0,
    "_warn": 0,
    "ProxydocError": 0,
    "_fail": 0,
    "fail": 0,
    "LookupError": 0,
    "Unwritable": 0,
    "_require": 2,
}

#: Fragments shorter than this say too little to find a test by.
MIN_FRAGMENT = 8

#: Folders of tests/ that hold inputs of the tests (projects, samples), not tests.
NOT_TESTS = {"roots", "samples"}


@dataclass(frozen=True)
class Site:
    """One message site: where it is and its longest literal fragment."""

    where: str  # "ext/proxydoc/cli/_config.py:126"
    fragment: str


def fragments(node: ast.AST) -> list[str]:
    """The literal parts of a message expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.BinOp):
        return fragments(node.left) + fragments(node.right)
    return []


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def sites_in(source: str, where: str) -> list[Site]:
    """The message sites of one module's *source*, named ``where:line``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        index = MESSAGE_CALLS.get(_called_name(node) or "")
        if index is None or len(node.args) <= index:
            continue
        parts = [
            f for f in fragments(node.args[index]) if len(f.strip()) >= MIN_FRAGMENT
        ]
        if parts:
            found.append(Site(f"{where}:{node.lineno}", max(parts, key=len)))
    return sorted(
        found, key=lambda s: (s.where.split(":")[0], int(s.where.split(":")[1]))
    )


def package_sites(package: Path = PACKAGE) -> list[Site]:
    """The message sites of every module of *package*."""
    sites = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package.parent.parent).as_posix()
        sites.extend(sites_in(path.read_text(encoding="utf-8"), where))
    return sites


def literals_of(source: str) -> list[str]:
    """Every string literal of a test module, f-strings as their literal parts."""
    return [text for node in ast.walk(ast.parse(source)) for text in fragments(node)]


def literal_text(tests: Path = TESTS, skip: Path | None = Path(__file__)) -> str:
    """The string literals of every test module under *tests*, but *skip*."""
    texts = []
    for path in sorted(tests.rglob("*.py")):
        inputs = NOT_TESTS & set(path.relative_to(tests).parts)
        if inputs or (skip is not None and path.resolve() == skip.resolve()):
            continue
        texts.extend(literals_of(path.read_text(encoding="utf-8")))
    return "\n".join(texts)


def uncovered(sites: list[Site], text: str) -> list[Site]:
    """The sites whose fragment no test literal holds."""
    return [site for site in sites if site.fragment.strip() not in text]


#: Sites no input can reach, by file and fragment, with why: to be deleted from
#: the code, not tested.  An entry whose site is gone fails the test below.
#: Sites no input can reach, each with the reason (none today: the one there
#: was, "unknown encoding" in cli._render, was deleted).
UNREACHABLE: dict[tuple[str, str], str] = {}


def test_every_message_is_asserted_by_a_test() -> None:
    sites = package_sites()
    assert len(sites) > 60, "the scan finds too few messages; is it broken?"
    known = {(s.where.partition(":")[0], s.fragment) for s in sites}
    assert not set(UNREACHABLE) - known, "UNREACHABLE lists sites that are gone"
    missing = [
        site
        for site in uncovered(sites, literal_text())
        if (site.where.partition(":")[0], site.fragment) not in UNREACHABLE
    ]
    report = "\n".join(f"{s.where}: {s.fragment!r}" for s in missing)
    assert not missing, f"{len(missing)} messages no test asserts:\n{report}"


SYNTHETIC = """\
def check(value, where):
    if value is None:
        raise ProxydocError(f"{where}: the value is missing here")
    _require(value > 0, where, "value must be positive")
    _require(value < 9, where)
    self._warn("short")
    warn(name + " is an unknown setting; ignored", "config")
    raise LookupError(message)
    print("not a message call at all")
"""


def test_scanner_on_a_small_module() -> None:
    sites = sites_in(SYNTHETIC, "m.py")
    assert sites == [
        Site("m.py:3", ": the value is missing here"),
        Site("m.py:4", "value must be positive"),
        Site("m.py:7", " is an unknown setting; ignored"),
    ]
    tests = (
        'assert err == "x: the value is missing here"\nOK = "value must be positive"\n'
    )
    assert uncovered(sites, "\n".join(literals_of(tests))) == [sites[2]]


def test_scanner_on_a_package(tmp_path: Path) -> None:
    """A package and a tests folder on disk: this module and inputs do not count."""
    package = tmp_path / "ext" / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "sub" / "mod.py").write_text(SYNTHETIC, encoding="utf-8")
    tests = tmp_path / "tests"
    (tests / "roots" / "test-x").mkdir(parents=True)
    (tests / "roots" / "test-x" / "conf.py").write_text(
        'X = "value must be positive"\n'
    )
    (tests / "test_a.py").write_text('A = f"{x} is an unknown setting; ignored"\n')
    (tests / "test_self.py").write_text('S = "x: the value is missing here"\n')
    sites = package_sites(package)
    assert [s.where for s in sites] == [f"ext/pkg/sub/mod.py:{n}" for n in (3, 4, 7)]
    text = literal_text(tests, skip=tests / "test_self.py")
    assert [s.where for s in uncovered(sites, text)] == [
        "ext/pkg/sub/mod.py:3",
        "ext/pkg/sub/mod.py:4",
    ]
