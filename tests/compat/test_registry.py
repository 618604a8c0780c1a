"""The compatibility page's tables, read from the tests: every row is true to them."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import sys
from io import StringIO
from pathlib import Path
from types import ModuleType

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers import warnings_of

from ._facade import page, text_of

ROOT = Path(__file__).resolve().parents[2]
COMPAT = ROOT / "tests" / "compat"
TABLE_EXT = ROOT / "docs" / "_ext" / "compat_table.py"


def table_module() -> ModuleType:
    """docs/_ext/compat_table.py, loaded as the docs build loads it."""
    if "compat_table" in sys.modules:
        return sys.modules["compat_table"]
    spec = importlib.util.spec_from_file_location("compat_table", TABLE_EXT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["compat_table"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}


def compat_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"tests.compat.{p.stem}")
        for p in sorted(COMPAT.glob("test_*.py"))
        if p.stem != "test_registry"
    ]


def test_every_row_names_tests_that_exist() -> None:
    rows = table_module().compat_rows()
    assert {row.kind for row in rows} == {"extension", "theme", "builder"}
    assert [row.subject for row in rows if row.kind == "theme"] == [
        "alabaster", "furo", "pydata-sphinx-theme", "sphinx-book-theme",
        "sphinx-rtd-theme",
    ]  # fmt: skip
    for row in rows:
        assert row.what and row.tests, row
        for test in row.tests:
            path, _, name = test.partition("::")
            assert name in defined_tests(ROOT / path), test


def test_the_table_reads_what_the_decorators_record() -> None:
    recorded = set()
    for module in compat_modules():
        for name, test in inspect.getmembers(module, inspect.isfunction):
            if hasattr(test, "compat_checks"):
                subject, kind, what = test.compat_checks
                path = f"tests/compat/{module.__name__.rpartition('.')[2]}.py"
                recorded.add((subject, kind, what, f"{path}::{name}"))
    read = set()
    table = table_module()
    for path in sorted(COMPAT.glob("test_*.py")):
        read |= {f for f in table.decorated_checks(path) if f[3] != table.PROBLEMS}
    assert read == recorded
    assert len(recorded) >= 7


def test_every_compat_test_is_a_row_or_a_known_problem() -> None:
    for module in compat_modules():
        for name, test in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("test_"):
                marks = [m.name for m in getattr(test, "pytestmark", [])]
                assert hasattr(test, "compat_checks") or "xfail" in marks, name


def test_known_problems_are_listed_under_their_subject(tmp_path: Path) -> None:
    rows = {row.subject: row for row in table_module().compat_rows()}
    problems = rows["sphinx-immaterial"].problems
    assert [p.partition(": ")[0] for p in problems] == ["Skipped"]
    assert any("on Sphinx 9" in p for p in problems)  # test_apigen's pytestmark
    assert [s for s, row in rows.items() if row.problems] == ["sphinx-immaterial"]
    # none is expected to fail now; a strict xfail's reason would be listed
    module = tmp_path / "test_pkg.py"
    module.write_text(
        '@checks("pkg", "extension", "works")\n'
        "def test_works(): ...\n"
        '@pytest.mark.xfail(strict=True, reason="breaks")\n'
        "def test_breaks(): ...\n"
    )
    assert table_module().decorated_checks(module)[-1] == (
        "pkg", "extension", ("Known problem: breaks",), table_module().PROBLEMS
    )  # fmt: skip


def test_checks_refuses_an_unknown_kind() -> None:
    from ._registry import checks

    with pytest.raises(ValueError, match="bad kind"):
        checks("x", "plugin", "something")


def test_the_directive_writes_one_table_per_kind(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(TABLE_EXT.parent)!r})\n"
        'extensions = ["compat_table"]\n'
    )
    (src / "index.rst").write_text(
        "Compat\n======\n\n.. proxydoc-compat-table:: extension\n\n"
        ".. proxydoc-compat-table:: builder\n"
    )
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app._warning) == []
    tables = page(app.outdir, "index.html").select("table.proxydoc-compat")
    first_cells = [[text_of(r.td) for r in t.select("tbody tr")] for t in tables]
    assert first_cells[0][:2] == ["myst-parser", "numpydoc"]
    assert "sphinx-immaterial" in first_cells[0]
    assert first_cells[1] == [
        "dirhtml", "epub", "latex", "man", "singlehtml", "texinfo", "text",
    ]  # fmt: skip
    row = next(
        r for r in tables[0].select("tbody tr") if text_of(r.td) == "sphinx-immaterial"
    )
    assert "Not yet:" in text_of(row)
    assert "tests/compat/test_immaterial.py::" in text_of(row)
