"""Target source files, parsed once per run, and expressions as written there."""

from __future__ import annotations

import ast
import gc
import inspect
import io
import re
import tokenize
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from proxydoc.cli._errors import ProxydocError


def expr_text(node: ast.expr, lines: list[str]) -> str:
    """*node* as written when it fits on one line, else as ``ast.unparse`` spells it."""
    end = node.end_lineno
    if end != node.lineno or node.end_col_offset is None or end > len(lines):
        return ast.unparse(node)
    line = lines[node.lineno - 1]
    if line.isascii():  # column offsets count UTF-8 bytes: here, characters
        text = line[node.col_offset : node.end_col_offset]
    else:
        raw = line.encode("utf-8")
        text = raw[node.col_offset : node.end_col_offset].decode("utf-8")
    # One line of code holds no comment: a '#' there is inside a string
    return text


def parse_module(source: str, filename: str) -> ast.Module:
    """``ast.parse(source, filename)``, without the cyclic garbage collector.

    A large module's tree is millions of new objects, none in a cycle; the
    collector would scan them again and again while they are made (half of the
    time of parsing a module of 70,000 lines).
    """
    with gc_paused():
        return ast.parse(source, filename)


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def split_lines(source: str) -> list[str]:
    """Lines as the parser counts them (form feeds do not end a line)."""
    return re.split(r"\r\n|\r|\n", source)


class SourceCache:
    """Parsed source files and class bodies, read once per run."""

    def __init__(self) -> None:
        self._modules: dict[str, tuple[list[str], ast.Module]] = {}
        self._classes: dict[type, tuple[list[str], ast.ClassDef] | None] = {}
        self._members: dict[type, _ClassMembers] = {}

    def text(self, cls: type) -> list[str]:
        found = self._class(cls)
        return [] if found is None else found[0]

    def defs(
        self, cls: type, name: str
    ) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        """Function definitions named *name* in the body of *cls*, in order."""
        return self._members_of(cls).defs.get(name, [])

    def annotation(self, cls: type, name: str) -> str | None:
        """The annotation of ``name: X`` in the class body of *cls*, as written."""
        found = self._class(cls)
        if found is None:
            raw = vars(cls).get("__annotations__", {}).get(name)
            return raw if isinstance(raw, str) else None
        node = self._members_of(cls).annotations.get(name)
        return None if node is None else expr_text(node.annotation, found[0])

    def _members_of(self, cls: type) -> _ClassMembers:
        """The class body of *cls* indexed by name, built once per class.

        One pass over the body instead of one per member: a facade proxying
        thousands of methods otherwise spends its time scanning the target.
        """
        if cls not in self._members:
            found = self._class(cls)
            body = flat_body(found[1].body) if found is not None else []
            self._members[cls] = _ClassMembers.index(body)
        return self._members[cls]

    def _class(self, cls: type) -> tuple[list[str], ast.ClassDef] | None:
        if cls not in self._classes:
            self._classes[cls] = self._find_class(cls)
        return self._classes[cls]

    def _find_class(self, cls: type) -> tuple[list[str], ast.ClassDef] | None:
        try:
            filename = inspect.getsourcefile(cls)
        except (TypeError, OSError):
            return None
        if filename is None or "<locals>" in cls.__qualname__:
            return None
        source, tree = self._module(filename)
        body: list[ast.stmt] = tree.body
        node: ast.ClassDef | None = None
        for part in cls.__qualname__.split("."):
            matches = [n for n in flat_body(body) if isinstance(n, ast.ClassDef)]
            node = next((n for n in matches if n.name == part), None)
            if node is None:
                return None
            body = node.body
        return None if node is None else (source, node)

    def use_text(self, filename: str, text: str) -> None:
        """Read *filename* as *text* from now on: its regenerated, unwritten text."""
        self._modules[filename] = (split_lines(text), ast.parse(text, filename))

    def _module(self, filename: str) -> tuple[list[str], ast.Module]:
        if filename not in self._modules:
            try:
                data = Path(filename).read_bytes()
                # as Python reads it: a coding line or a BOM names the encoding
                encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
                source = data.decode(encoding)
                tree = parse_module(source, filename)
            except (OSError, UnicodeError, SyntaxError, LookupError) as exc:
                raise ProxydocError(
                    f"cannot read target source: {exc}", filename
                ) from exc
            self._modules[filename] = (split_lines(source), tree)
        return self._modules[filename]


@dataclass(frozen=True)
class _ClassMembers:
    """A class body's function definitions and annotated names, by name."""

    defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]
    annotations: dict[str, ast.AnnAssign]

    @classmethod
    def index(cls, body: list[ast.stmt]) -> _ClassMembers:
        defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        annotations: dict[str, ast.AnnAssign] = {}
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                defs.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                annotations.setdefault(node.target.id, node)
        return cls(defs, annotations)


def flat_body(body: list[ast.stmt], *, runtime: bool = False) -> list[ast.stmt]:
    """Statements of a body, with those of ``if`` / ``try`` blocks inlined.

    With *runtime*, the body of ``if TYPE_CHECKING:`` is left out: what runs.
    """
    flat: list[ast.stmt] = []
    for stmt in body:
        if runtime and isinstance(stmt, ast.If) and _is_type_checking(stmt.test):
            flat.extend(flat_body(stmt.orelse, runtime=runtime))
        elif isinstance(stmt, (ast.If, ast.Try)):
            flat.extend(flat_body(stmt.body, runtime=runtime))
            flat.extend(flat_body(stmt.orelse, runtime=runtime))
        else:
            flat.append(stmt)
    return flat


def is_type_checking(test: ast.expr) -> bool:
    """Whether an ``if`` tests ``TYPE_CHECKING``."""
    return _is_type_checking(test)


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
