"""Work skipped where the answer is known: a region whose text is exactly what
``generate`` writes is current without parsing it again; regions are placed from
the statements alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from proxydoc.cli import _generate
from proxydoc.cli._regions import _statements


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_region_as_written_is_not_parsed_again(
    project: Path, run, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    path = project / "facade_decorated.py"
    path.write_bytes(path.read_text().replace("\n", newline).encode())
    assert run("generate", str(path)).status == 0
    written = path.read_bytes()

    def equivalent(old: str, new: str, indent: str) -> bool:
        raise AssertionError("a region as written was compared as code")

    monkeypatch.setattr(_generate, "_equivalent", equivalent)
    assert run("check", str(path)).status == 0
    assert run("generate", str(path)).status == 0
    assert path.read_bytes() == written


BLOCKS = """\
class A:
    def f(self, x=lambda: 1):
        try:
            pass
        except ValueError:
            class B:
                y = 1
        else:
            pass
        finally:
            for i in x:
                while i:
                    break
                else:
                    continue
        match x:
            case [1, *rest]:
                with open(x) as f, open(x):
                    async def g():
                        async with x:
                            async for _ in x:
                                pass
            case _:
                if x:
                    pass
                elif x:
                    pass
                else:
                    pass
"""


def test_statements_are_found_without_visiting_expressions() -> None:
    tree = ast.parse(BLOCKS)
    expected = sorted(
        (n.lineno, n.col_offset) for n in ast.walk(tree) if isinstance(n, ast.stmt)
    )
    assert sorted((n.lineno, n.col_offset) for n in _statements(tree)) == expected
