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
_CANDIDATE = re.compile(r"#\s*(?:START|END) PROXY METHODS")


@dataclass(frozen=True)
class Region:
    """The lines between a start marker and its end marker, inside one class
    (or, for a configured stub region, maybe at a module's top level)."""

    class_name: str  # "" at a module's top level
    class_node: ast.ClassDef | None
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
    offsets = _line_offsets(source)
    markers = _markers(source, tree, offsets, path)
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


def find_marked_region(
    source: str, tree: ast.Module, path: str, start: str, end: str | None
) -> Region:
    """The region after the comment line *start* up to the comment line *end*
    (or to the end of the file when *end* is None), each alone on its line.

    The start marker must appear once; the region's indent is the marker's.
    """
    offsets = _line_offsets(source)
    starts = _comment_lines(source, tree, offsets, start, path, 1)
    if not starts:
        raise ProxydocError(f"no start marker {start!r} in this file", path, 1)
    if len(starts) > 1:
        raise ProxydocError(
            f"start marker {start!r} appears more than once", path, starts[1].line
        )
    first = starts[0]
    if end is None:
        body_end, end_line = len(source), len(offsets)
    else:
        ends = _comment_lines(source, tree, offsets, end, path, first.line + 1)
        if not ends:
            _fail(path, first, f"no end marker {end!r} after this start marker")
        if ends[0].indent != first.indent:
            _fail(path, ends[0], "end marker is not indented like its start marker")
        body_end, end_line = offsets[ends[0].line - 1], ends[0].line
    node = _enclosing(tree, first.line, len(first.indent))
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        _fail(path, first, "a stub region cannot be inside a function")
    klass = node if isinstance(node, ast.ClassDef) else None
    return Region(
        class_name=klass.name if klass else "",
        class_node=klass,
        start_line=first.line,
        end_line=end_line,
        indent=first.indent,
        body_start=offsets[first.line] if first.line < len(offsets) else len(source),
        body_end=body_end,
        newline=_ending(source[offsets[first.line - 1] : offsets[first.line]])
        if first.line < len(offsets)
        else "\n",
    )


def whole_file_region(source: str) -> Region:
    """The whole of *source* as one module-level region (a stub with no markers)."""
    offsets = _line_offsets(source)
    first = source[: offsets[1]] if len(offsets) > 1 else ""
    return Region(
        class_name="",
        class_node=None,
        start_line=1,
        end_line=max(len(offsets) - 1, 1),
        indent="",
        body_start=0,
        body_end=len(source),
        newline=_ending(first) if first.endswith(("\n", "\r")) else "\n",
    )


def _comment_lines(
    source: str, tree: ast.Module, offsets: list[int], text: str, path: str, since: int
) -> list[_Marker]:
    """The lines from line *since* on that hold the comment *text* alone."""
    found: list[_Marker] = []
    at = source.find(text, offsets[since - 1] if since <= len(offsets) else len(source))
    while at >= 0:
        line = bisect_right(offsets, at)
        whole = source[offsets[line - 1] : offsets[line]].rstrip("\r\n")
        col = _comment_start(source, offsets, line, _string_spans(tree, line))
        if col is not None and whole[col:].rstrip() == text and not whole[:col].strip():
            found.append(_Marker("", text, line, whole[:col]))
        at = source.find(text, offsets[line] if line < len(offsets) else len(source))
    return found


def _enclosing(tree: ast.Module, line: int, col: int) -> ast.AST | None:
    """The innermost class or function a comment at *line*, *col* belongs to.

    The last statement that starts before the line owns it when the line is
    inside that statement, or after it and indented deeper (a comment after a
    block's last statement still belongs to the block).
    """
    found: ast.AST | None = None
    body: list[ast.stmt] = tree.body
    while body:
        before = [node for node in body if _first_line(node) < line]
        if not before:
            break
        last = before[-1]
        if line > (last.end_lineno or 0) and col <= last.col_offset:
            break
        if isinstance(last, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            found = last
        body = sorted(_child_statements(last), key=_first_line)
    return found


def _child_statements(node: ast.AST) -> Iterator[ast.stmt]:
    """The statements of *node*'s blocks (except clauses and match cases opened)."""
    for name in _BLOCKS:
        for child in getattr(node, name, ()):
            if isinstance(child, ast.stmt):
                yield child
            else:
                yield from getattr(child, "body", ())


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


def _markers(
    source: str, tree: ast.Module, offsets: list[int], path: str
) -> list[_Marker]:
    """The marker comments: each ``#`` outside every string literal starts one.

    The parser has read the strings already, so only the few lines that may hold
    a marker are looked at, not every token of the file.
    """
    found: list[_Marker] = []
    lines: set[int] = set()
    for candidate in _CANDIDATE.finditer(source):
        line = bisect_right(offsets, candidate.start())
        if line in lines:
            continue
        lines.add(line)
        text = source[offsets[line - 1] : offsets[line]].rstrip("\r\n")
        col = _comment_start(source, offsets, line, _string_spans(tree, line))
        match = None if col is None else _MARKER.match(text[col:])
        if col is None or match is None:
            continue
        if text[:col].strip():
            raise ProxydocError("a marker must be alone on its line", path, line)
        found.append(_Marker(match[1], match[2], line, text[:col]))
    return found


_Span = tuple[tuple[int, int], tuple[int, int]]


def _comment_start(
    source: str, offsets: list[int], line: int, strings: list[_Span]
) -> int | None:
    """Where the comment of line *line* starts, or None: no comment."""
    text = source[offsets[line - 1] : offsets[line]]
    for col, char in enumerate(text):
        if char != "#":
            continue
        where = (line, _utf8_len(text[:col]))  # as ast counts columns
        inside = [span for span in strings if span[0] < where < span[1]]
        if not inside or _tokenized_comment(source, offsets, max(inside), line, col):
            return col
    return None


def _tokenized_comment(
    source: str, offsets: list[int], span: _Span, line: int, col: int
) -> bool:
    """Whether the tokenizer reads a comment at *line*, *col* inside *span*.

    Strings written one after the other are one literal to the parser, with
    whatever comments stand between them: only the tokenizer tells them apart.
    """
    (first, first_col), (last, last_col) = span
    begin = offsets[first - 1] + _chars(source, offsets, first, first_col)
    end = offsets[last - 1] + _chars(source, offsets, last, last_col)
    shift = begin - offsets[first - 1] - 1  # the columns before, less the "("
    wanted = (line - first + 1, col - shift if line == first else col)
    lines = io.StringIO(f"({source[begin:end]})", newline=None)
    try:
        tokens = list(tokenize.generate_tokens(lines.readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    return any(t.type == tokenize.COMMENT and t.start == wanted for t in tokens)


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _chars(source: str, offsets: list[int], line: int, utf8_col: int) -> int:
    """The characters of line *line* that make its first *utf8_col* bytes."""
    text = source[offsets[line - 1] : offsets[line]]
    data = text.encode("utf-8", "surrogatepass")[:utf8_col]
    return len(data.decode("utf-8", "surrogatepass"))


def _string_spans(tree: ast.Module, line: int) -> list[_Span]:
    """Where the string literals of the statements that include *line* are."""
    spans: list[_Span] = []
    blocks: list[list[ast.AST]] = [list(tree.body)]
    while blocks:
        for node in _including(blocks.pop(), line):
            for part in _header(node, blocks):
                spans.extend(_literal_spans(part))
    return spans


def _literal_spans(node: ast.AST) -> Iterator[_Span]:
    """Spans of the string literals in *node*; an f-string as one literal.

    The parts of an f-string are not visited: from Python 3.12 on they have
    spans of their own, and text there is never code (a ``#`` in it is no
    comment).
    """
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.JoinedStr) or (
            isinstance(n, ast.Constant) and isinstance(n.value, (str, bytes))
        ):
            yield (n.lineno, n.col_offset), (n.end_lineno or 0, n.end_col_offset or 0)
            continue
        stack.extend(ast.iter_child_nodes(n))


def _including(body: list[ast.AST], line: int) -> Iterator[ast.AST]:
    """The statements (or except clauses) of *body* whose lines include *line*."""
    for index in range(bisect_right(body, line, key=_first_line) - 1, -1, -1):
        if (getattr(body[index], "end_lineno", None) or 0) < line:
            return
        yield body[index]


def _first_line(node: ast.AST) -> int:
    """The line *node* starts on, its decorators included."""
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    first: int = getattr(node, "lineno", 0)
    return min([first, *(d.lineno for d in decorators)])


def _header(node: ast.AST, blocks: list[list[ast.AST]]) -> Iterator[ast.AST]:
    """The expressions of *node* outside its blocks; the blocks go to *blocks*."""
    for name, value in ast.iter_fields(node):
        if name == "cases":  # match cases: a pattern and a guard, then a block
            for case in value:
                yield from (p for p in (case.pattern, case.guard) if p is not None)
                blocks.append(case.body)
        elif name in _BLOCKS:
            blocks.append(value)
        else:
            values = value if isinstance(value, list) else [value]
            yield from (v for v in values if isinstance(v, ast.AST))


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
