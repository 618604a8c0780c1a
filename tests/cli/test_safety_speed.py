"""Work skipped where the answer is known: a region whose text is exactly what
``generate`` writes is current without parsing it again; regions are placed from
the statements alone; markers are found without tokenizing the whole file, and
are exactly the comments the tokenizer reads."""

from __future__ import annotations

import ast
import io
import random
import tokenize
from pathlib import Path

import pytest

from proxydoc.cli import _generate
from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._regions import _MARKER, _line_offsets, _markers, _statements


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


def tokenizer_markers(source: str) -> object:
    """The markers as Python's tokenizer reads them (every token of the file)."""
    found = []
    lines = io.StringIO(source, newline=None)
    for token in tokenize.generate_tokens(lines.readline):
        match = _MARKER.match(token.string) if token.type == tokenize.COMMENT else None
        if match is None:
            continue
        line, col = token.start
        if token.line[:col].strip():
            return ("not alone", line)
        found.append((match[1], match[2], line, token.line[:col]))
    return found


def proxydoc_markers(source: str) -> object:
    try:
        markers = _markers(source, ast.parse(source), _line_offsets(source), "m.py")
    except ProxydocError as exc:
        return ("not alone", exc.line)
    return [(m.kind, m.name, m.line, m.indent) for m in markers]


MARKER_CASES = {
    "docstring": 'class A:\n    """\n    # START PROXY METHODS A\n    """\n',
    "between-strings": 'x = ("a"\n     # START PROXY METHODS A\n     "b")\n',
    "after-strings": 'x = ("a"\n     "b"  # END PROXY METHODS A\n)\n',
    "after-a-string": 'x = "#"  # START PROXY METHODS A\n',
    "hash-in-string": 'x = "# START PROXY METHODS A"\n',
    "f-string": 'x = f"""{1}\n# START PROXY METHODS A\n"""\n',
    "bytes": 'x = b"""\n# START PROXY METHODS A\n"""\n',
    "decorator": '@d("""\n# END PROXY METHODS A\n""")\ndef f():\n    pass\n',
    "match": 'match x:\n    case """\n# END PROXY METHODS A\n""":\n        pass\n',
    "lone-cr": "class A:\r    x = 1\r    # START PROXY METHODS A\r    # END PROXY METHODS A\r",
    "non-ascii": 'class A:\n    é = "ü"  # START PROXY METHODS A\n',
    "form-feed": "class A:\n    x = 1\n\x0c    # START PROXY METHODS A\n",
}


@pytest.mark.parametrize("name", sorted(MARKER_CASES))
def test_markers_are_the_comments_the_tokenizer_reads(name: str) -> None:
    source = MARKER_CASES[name]
    assert proxydoc_markers(source) == tokenizer_markers(source)


def test_markers_injected_into_the_standard_library() -> None:
    """Marker lines put at random places of real modules, strings included."""
    chance = random.Random(12)
    modules = sorted(Path(ast.__file__).parent.glob("*.py"))
    checked = 0
    for module in chance.sample(modules, 20):
        lines = module.read_text(encoding="utf-8").splitlines(keepends=True)
        for _ in range(6):
            at = chance.randrange(len(lines) + 1)
            after = lines[at] if at < len(lines) else ""
            indent = after[: len(after) - len(after.lstrip(" \t"))]
            marker = f"# {chance.choice(['START', 'END'])} PROXY METHODS X"
            if chance.random() < 0.3 and at and lines[at - 1].strip():
                edited = [*lines[: at - 1], lines[at - 1].rstrip("\r\n") + "  "]
                edited += [marker + "\n", *lines[at:]]
            else:
                edited = [*lines[:at], indent + marker + "\n", *lines[at:]]
            source = "".join(edited)
            try:
                ast.parse(source)
            except SyntaxError:
                continue
            checked += 1
            assert proxydoc_markers(source) == tokenizer_markers(source), module
    assert checked > 50
