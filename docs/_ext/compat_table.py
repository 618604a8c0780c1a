"""``.. proxydoc-compat-table:: <kind>``: what the tests check with other packages.

The rows are read from the tests themselves, with :mod:`ast` (nothing is
imported: the docs build needs none of the test-only packages): each test in
``tests/compat/test_*.py`` decorated with ``@checks(subject, kind, *what)``,
and the tests of other folders named in ``tests/compat/_registry.py``'s
``ELSEWHERE``.  One row per subject: what is checked, and by which tests.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

#: The folder of the compatibility tests, from this file in ``docs/_ext``.
COMPAT_TESTS = Path(__file__).resolve().parents[2] / "tests" / "compat"
#: Stands for a test id in a :data:`Found` that carries problems, not checks.
PROBLEMS = "problems"

#: What one test checks: subject, kind, what, test id.
Found = tuple[str, str, tuple[str, ...], str]


@dataclass
class Row:
    """One subject of the table: a package, theme or builder."""

    subject: str
    kind: str
    what: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)
    #: Known problems (a strict xfail's reason) and skips (a skipif's reason).
    problems: list[str] = field(default_factory=list)

    def add(self, what: tuple[str, ...], test: str) -> None:
        if test == PROBLEMS:
            self.problems += what
            return
        self.what += [w for w in what if w not in self.what]
        if test not in self.tests:
            self.tests.append(test)


def _strings(args: list[ast.expr], where: str) -> tuple[str, ...]:
    values = tuple(ast.literal_eval(arg) for arg in args)
    if not all(isinstance(v, str) for v in values):
        raise ValueError(f"{where}: @checks takes string literals only")
    return values  # type: ignore[return-value]


def _mark(deco: ast.expr) -> tuple[str, str] | None:
    """("xfail" or "skipif", reason) of a ``pytest.mark`` decorator with a reason."""
    if not isinstance(deco, ast.Call) or not isinstance(deco.func, ast.Attribute):
        return None
    for keyword in deco.keywords:
        if keyword.arg == "reason" and deco.func.attr in ("xfail", "skipif"):
            return deco.func.attr, ast.literal_eval(keyword.value)
    return None


def decorated_checks(path: Path) -> list[Found]:
    """(subject, kind, what, test id) of each ``@checks`` test in *path*, and
    the module's known problems and skips (``xfail``/``skipif`` reasons, of a
    test or of the whole module)."""
    found: list[Found] = []
    marks: list[tuple[str, str]] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if getattr(target, "id", "") == "pytestmark":
            mark = _mark(node.value)  # type: ignore[attr-defined]
            marks += [mark] if mark else []
        if not isinstance(node, ast.FunctionDef):
            continue
        test = f"tests/compat/{path.name}::{node.name}"
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "id", "") == "checks":
                subject, kind, *what = _strings(deco.args, test)
                found.append((subject, kind, tuple(what), test))
            elif (mark := _mark(deco)) is not None:
                marks.append(mark)
    if marks and found:
        words = {"xfail": "Known problem", "skipif": "Skipped"}
        problems = tuple(f"{words[kind]}: {reason}" for kind, reason in marks)
        found.append((found[0][0], found[0][1], problems, PROBLEMS))
    return found


def elsewhere(path: Path) -> list[Found]:
    """The ``ELSEWHERE`` entries of the registry module at *path*."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target = getattr(node, "target", None)
        if isinstance(node, ast.AnnAssign) and getattr(target, "id", "") == "ELSEWHERE":
            entries = ast.literal_eval(node.value)  # type: ignore[arg-type]
            return [
                (subject, k, (w,), t)
                for s, k, w, t in entries
                for subject in ((s,) if isinstance(s, str) else s)
            ]
    raise ValueError(f"{path}: no ELSEWHERE")


def compat_rows(folder: Path = COMPAT_TESTS) -> list[Row]:
    """Every subject the tests in *folder* (and those it names) check."""
    rows: dict[str, Row] = {}
    found = elsewhere(folder / "_registry.py")
    for path in sorted(folder.glob("test_*.py")):
        found += decorated_checks(path)
    for subject, kind, what, test in found:
        rows.setdefault(subject, Row(subject, kind)).add(what, test)
    return sorted(rows.values(), key=lambda row: row.subject.lower())


def _entry(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", *children)


def _table_row(row: Row) -> nodes.row:
    checked: list[nodes.Node] = [_bullets(row.what)]
    if row.problems:
        checked += [nodes.paragraph("", "", nodes.strong("Not yet:", "Not yet:"))]
        checked += [_bullets(row.problems)]
    tests = [nodes.paragraph("", "", nodes.literal(t, t)) for t in row.tests]
    name = nodes.paragraph(row.subject, row.subject)
    return nodes.row("", _entry(name), _entry(*checked), _entry(*tests))


def _bullets(items: list[str]) -> nodes.bullet_list:
    return nodes.bullet_list(
        "", *(nodes.list_item("", nodes.paragraph(i, i)) for i in items)
    )


def table(rows: list[Row]) -> nodes.table:
    """A three-column table: subject, what is checked, the tests."""
    group = nodes.tgroup(cols=3)
    for width in (20, 45, 35):
        group += nodes.colspec(colwidth=width)
    heads = ("With", "What the tests check", "Tests")
    head = nodes.row("", *(_entry(nodes.paragraph(h, h)) for h in heads))
    group += nodes.thead("", head)
    group += nodes.tbody("", *(_table_row(row) for row in rows))
    return nodes.table("", group, classes=["proxydoc-compat"])


class CompatTable(SphinxDirective):
    """The rows of one kind (``extension``, ``theme``, ``builder``)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        for path in [COMPAT_TESTS / "_registry.py", *COMPAT_TESTS.glob("test_*.py")]:
            self.env.note_dependency(str(path))
        rows = [row for row in compat_rows() if row.kind == kind]
        if not rows:
            raise self.error(f"no compatibility test checks a {kind!r}")
        return [table(rows)]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("proxydoc-compat-table", CompatTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
