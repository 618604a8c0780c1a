"""Find the ``# START/END PROXY METHODS <Class>`` regions of a module; splice them."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from proxydoc.cli._errors import ProxydocError

# Lines are Python's: "\n", "\r\n" and a lone "\r" each end one, so that the line
# numbers of tokens, of the AST and of the offsets used to splice all agree.
_NEWLINE = re.compile(r"\r\n|\r|\n")
_MARKER = re.compile(r"#\s*(START|END) PROXY METHODS\s+(\S+)\s*$")


@dataclass(frozen=True)
class Region:
    """The lines between a start marker and its end marker, inside one class."""

    class_name: str
    class_node: ast.ClassDef
    start_line: int  # 1-based line of the START marker
    end_line: int  # 1-based line of the END marker
    indent: str
    body_start: int  # offset of the first character after the START line
    body_end: int  # offset of the first character of the END line
    newline: str  # the ending of the START line: the region is written with it

    def text(self, source: str) -> str:
        """The current text of the region in *source*."""
        return source[self.body_start : self.body_end]


@dataclass(frozen=True)
class _Marker:
    kind: str
    name: str
    line: int
    indent: str


def find_regions(source: str, tree: ast.Module, path: str) -> list[Region]:
    """Every marked region of *source* (parsed as *tree*), checked for sanity."""
    markers = _markers(source, path)
    offsets = _line_offsets(source)
    classes = _ClassIndex(tree)
    regions: list[Region] = []
    open_marker: _Marker | None = None
    for marker in markers:
        if marker.kind == "START":
            if open_marker is not None:
                _fail(path, open_marker, "START marker before the END of the last one")
            open_marker = marker
            continue
        if open_marker is None or open_marker.name != marker.name:
            _fail(path, marker, f"END marker without a START for {marker.name}")
        assert open_marker is not None
        regions.append(_region(open_marker, marker, source, offsets, classes, path))
        open_marker = None
    if open_marker is not None:
        _fail(path, open_marker, f"missing end marker for {open_marker.name}")
    _check_unique(regions, path)
    return regions


def splice(source: str, regions: list[Region], bodies: list[str]) -> str:
    """*source* with the text of each region replaced by the matching body."""
    parts: list[str] = []
    last = 0
    for region, body in zip(regions, bodies, strict=True):
        parts.append(source[last : region.body_start])
        parts.append(body)
        last = region.body_end
    parts.append(source[last:])
    return "".join(parts)


def line_number(source: str, offset: int) -> int:
    """The 1-based line of *source* that holds the character at *offset*."""
    return len(_NEWLINE.findall(source, 0, offset)) + 1


def _markers(source: str, path: str) -> list[_Marker]:
    found: list[_Marker] = []
    lines = io.StringIO(source, newline=None)  # \r and \r\n read as \n, as Python does
    try:
        tokens = list(tokenize.generate_tokens(lines.readline))
    except (tokenize.TokenError, SyntaxError) as exc:
        raise ProxydocError(f"cannot tokenize: {exc}", path, 1) from exc
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        match = _MARKER.match(token.string)
        if match is None:
            continue
        line, col = token.start
        if token.line[:col].strip():
            raise ProxydocError("a marker must be alone on its line", path, line)
        found.append(_Marker(match[1], match[2], line, token.line[:col]))
    return found


def _line_offsets(source: str) -> list[int]:
    offsets = [0]
    offsets.extend(m.end() for m in _NEWLINE.finditer(source))
    if offsets[-1] != len(source):
        offsets.append(len(source))
    return offsets


class _ClassIndex:
    """Which class body a line at a given indentation belongs to."""

    def __init__(self, tree: ast.Module) -> None:
        statements = list(_statements(tree))
        self.classes = [n for n in statements if isinstance(n, ast.ClassDef)]
        starts = sorted((n.lineno, n.col_offset) for n in statements)
        self.lines = [line for line, _ in starts]
        self.cols = [col for _, col in starts]

    def owner(self, name: str, line: int, indent: str) -> ast.ClassDef | None:
        for node in self.classes:
            if node.name == name and self._inside(node, line, len(indent)):
                return node
        return None

    def _inside(self, node: ast.ClassDef, line: int, col: int) -> bool:
        if line <= node.lineno or col != node.body[0].col_offset:
            return False
        first = bisect_right(self.lines, node.lineno)
        last = bisect_left(self.lines, line)
        return all(c > node.col_offset for c in self.cols[first:last])


_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def _statements(tree: ast.Module) -> Iterator[ast.stmt]:
    """Every statement of *tree*, without a visit to the expressions in them."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.stmt):
            yield node
        for name in _BLOCKS:  # statements, except handlers and match cases
            stack.extend(getattr(node, name, ()))


def _region(
    start: _Marker,
    end: _Marker,
    source: str,
    offsets: list[int],
    classes: _ClassIndex,
    path: str,
) -> Region:
    if start.indent != end.indent:
        _fail(path, end, "END marker is not indented like its START marker")
    node = classes.owner(start.name, start.line, start.indent)
    if node is None or classes.owner(end.name, end.line, end.indent) is not node:
        _fail(path, start, f"marker is not in the body of a class {start.name}")
    assert node is not None
    return Region(
        class_name=start.name,
        class_node=node,
        start_line=start.line,
        end_line=end.line,
        indent=start.indent,
        body_start=offsets[start.line],
        body_end=offsets[end.line - 1],
        newline=_ending(source[offsets[start.line - 1] : offsets[start.line]]),
    )


def _ending(line: str) -> str:
    """The line break that ends *line* (a line before the END marker has one)."""
    return "\r\n" if line.endswith("\r\n") else line[-1]


def _check_unique(regions: list[Region], path: str) -> None:
    seen: set[int] = set()
    for region in regions:
        if id(region.class_node) in seen:
            raise ProxydocError(
                f"second region for class {region.class_name}", path, region.start_line
            )
        seen.add(id(region.class_node))


def _fail(path: str, marker: _Marker, message: str) -> None:
    raise ProxydocError(message, path, marker.line)
