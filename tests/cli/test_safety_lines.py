"""Line breaks and encodings: ``\\n``, ``\\r\\n`` and a lone ``\\r`` are all line
breaks (as Python's tokenizer says); a region is written with the ending of its
START line, and every byte outside the regions is kept."""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proxydoc.cli import main

#: A facade as lines without their endings; the test joins them with endings.
FACADE = [
    "# -*- coding: {encoding} -*-",
    '"""A facade: {text}."""',
    "from __future__ import annotations",
    "",
    "from pxdsample.target import Engine",
    "from pxdsample.util import create_proxy_methods",
    "",
    "",
    "@create_proxy_methods(",
    '    Engine, ":class:`.Engine`", ":class:`.Facade`", methods=["describe"]',
    ")",
    "class Facade:",
    "    def __init__(self, engine: Engine) -> None:",
    "        self._proxied = engine",
    "",
    "    # START PROXY METHODS Facade",
    "    # END PROXY METHODS Facade",
    "",
    "    def after(self) -> str:  # {text}",
    '        return "after"',
]
START_LINE = FACADE.index("    # START PROXY METHODS Facade")
_BREAK = re.compile(rb"\r\n|\r|\n")


#: Two facades in one module, for the property test.
TWO_FACADES = [
    *FACADE,
    "",
    "",
    "@create_proxy_methods(",
    '    Engine, ":class:`.Engine`", ":class:`.Second`", methods=["describe"]',
    ")",
    "class Second:",
    "    # START PROXY METHODS Second",
    "    # END PROXY METHODS Second",
]
_START = re.compile(rb"# START PROXY METHODS (\w+)")


def facade_bytes(
    endings: list[str],
    encoding: str = "utf-8",
    text: str = "plain",
    lines: list[str] = FACADE,
) -> bytes:
    """The facade with line *i* ended by ``endings[i]``."""
    lines = [line.format(encoding=encoding, text=text) for line in lines]
    return "".join(a + b for a, b in zip(lines, endings, strict=True)).encode(encoding)


def outside(data: bytes) -> list[bytes]:
    """The bytes around the regions: up to each START line's end, from each END line."""
    parts, last = [], 0
    for start in _START.finditer(data):
        head_end = _BREAK.search(data, start.end())
        assert head_end is not None
        end = data.index(b"# END PROXY METHODS " + start[1], head_end.end())
        parts.append(data[last : head_end.end()])
        last = max(data.rfind(b"\n", 0, end), data.rfind(b"\r", 0, end)) + 1
    parts.append(data[last:])
    return parts


def regions(data: bytes) -> list[tuple[bytes, bytes]]:
    """Each region's START line ending, and its body."""
    found = []
    for start in _START.finditer(data):
        head_end = _BREAK.search(data, start.end())
        assert head_end is not None
        end = data.index(b"# END PROXY METHODS " + start[1], head_end.end())
        line_start = max(data.rfind(b"\n", 0, end), data.rfind(b"\r", 0, end)) + 1
        found.append((head_end[0], data[head_end.end() : line_start]))
    return found


def generate(*argv: str) -> int:
    """``proxydoc`` in this process, its output swallowed."""
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        return main(list(argv))


@pytest.fixture
def facade(project: Path) -> Path:
    return project / "facade_lines.py"


def test_lone_cr_before_the_region_converges(facade: Path, run) -> None:
    endings = ["\n"] * len(FACADE)
    endings[1] = "\r"  # the docstring line ends with a lone CR
    facade.write_bytes(facade_bytes(endings))
    assert run("generate", str(facade)).status == 0
    first = facade.read_bytes()
    assert first.count(b"def describe(") == 1
    assert run("generate", str(facade)).status == 0
    assert facade.read_bytes() == first
    assert run("check", str(facade)).status == 0
    assert outside(first) == outside(facade_bytes(endings))


def test_a_file_of_lone_crs_gets_a_region_of_lone_crs(facade: Path, run) -> None:
    facade.write_bytes(facade_bytes(["\r"] * len(FACADE)))
    assert run("generate", str(facade)).status == 0
    data = facade.read_bytes()
    assert b"\n" not in data
    assert b"    def describe(self) -> str:\r" in data
    module = importlib.import_module("facade_lines")
    from pxdsample.target import Engine

    assert module.Facade(Engine("x")).describe() == "engine x"


def test_each_region_uses_the_ending_of_its_start_line(facade: Path, run) -> None:
    endings = ["\r\n"] * len(FACADE)
    endings[START_LINE] = "\n"
    facade.write_bytes(facade_bytes(endings))
    assert run("generate", str(facade)).status == 0
    data = facade.read_bytes()
    head, tail = outside(data)
    body = data[len(head) : len(data) - len(tail)]
    assert b"def describe(" in body and b"\r" not in body
    assert [head, tail] == outside(facade_bytes(endings))


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8-sig", "cp1252"])
def test_the_file_keeps_its_encoding(facade: Path, run, encoding: str) -> None:
    original = facade_bytes(["\n"] * len(FACADE), encoding, text="déjà vu")
    facade.write_bytes(original)
    result = run("generate", str(facade))
    assert result.status == 0, result.err
    data = facade.read_bytes()
    assert outside(data) == outside(original)
    assert "def describe(" in data.decode(encoding)


ENDING = st.sampled_from(["\n", "\r\n", "\r"])
ENCODING = st.sampled_from(["utf-8", "latin-1", "utf-8-sig", "cp1252"])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    endings=st.lists(ENDING, min_size=len(TWO_FACADES), max_size=len(TWO_FACADES)),
    encoding=ENCODING,
)
def test_random_line_endings(
    samples_on_path: Path, endings: list[str], encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facade_random.py"
        original = facade_bytes(endings, encoding, "déjà", TWO_FACADES)
        path.write_bytes(original)
        (Path(folder) / "pyproject.toml").write_text("[tool.proxydoc]\n")
        config = str(Path(folder) / "pyproject.toml")
        status = generate("generate", "--config", config, str(path))
        assert status in {0, 1, 2}
        first = path.read_bytes()
        assert outside(first) == outside(original)
        if status == 0:
            compile(first, str(path), "exec")
            for ending, body in regions(first):
                assert body.count(b"def describe(") == 1
                assert set(_BREAK.findall(body)) == {ending}
        assert generate("generate", "--config", config, str(path)) == status
        assert path.read_bytes() == first
        assert generate("check", "--config", config, str(path)) == status


def test_a_file_of_lone_crs_is_one_line_in_the_diff(facade: Path, run) -> None:
    # As patch and git apply read it: lines end at \n only (test_diffs_apply.py).
    facade.write_bytes(facade_bytes(["\r"] * len(FACADE)))
    result = run("check", str(facade))
    assert result.status == 1
    assert result.out.startswith("--- a/facade_lines.py\n+++ b/facade_lines.py\n")
    hunk = result.out.split("\n")[2:]
    assert hunk[0] == "@@ -1 +1 @@"
    assert hunk[1].startswith("-") and hunk[3].startswith("+")
    assert "\r    def describe(self) -> str:\r" in hunk[3]
    assert hunk[2] == hunk[4] == "\\ No newline at end of file"
    assert hunk[5:] == [""]
