"""Where a module's source is on the import path, found and parsed, never imported.

Each folder of the import roots and ``sys.path`` is searched for
``pkg/mod/__init__.py``, ``pkg/mod.py``, then the same as ``.pyi`` stubs; then
the packages that setuptools' editable finders map elsewhere.
"""

from __future__ import annotations

import ast
import io
import os
import tokenize
from collections.abc import Iterator, Sequence
from pathlib import Path

from proxydoc.cli._files import SUFFIXES


class ModuleFiles:
    """Module source files under *search* folders, each parsed once."""

    def __init__(self, search: Sequence[Path]) -> None:
        self.search = list(dict.fromkeys(search))
        self.mapped = editable_packages(self.search)
        self._trees: dict[str, ast.Module | None] = {}

    def find(self, name: str) -> tuple[Path, ast.Module] | None:
        """The source file of module *name* and its tree; None if none parses."""
        parts = name.split(".")
        if not all(part.isidentifier() for part in parts):
            return None
        for path in self._candidates(parts):
            tree = self.tree(path)
            if tree is not None:
                return path, tree
        return None

    def _candidates(self, parts: list[str]) -> Iterator[Path]:
        for folder in self.search:
            base = folder.joinpath(*parts)
            for suffix in SUFFIXES:
                for path in (
                    base / f"__init__{suffix}",
                    base.with_name(base.name + suffix),
                ):
                    if os.path.isfile(path):  # False also when it cannot be read
                        yield path
        mapped = self.mapped.get(parts[0])
        if mapped is not None:  # after sys.path, as the finder is
            base = mapped.joinpath(*parts[1:])
            for path in (base / "__init__.py", base.with_name(base.name + ".py")):
                if os.path.isfile(path):
                    yield path
            if len(parts) == 1 and os.path.isfile(mapped):
                yield mapped

    def tree(self, path: Path) -> ast.Module | None:
        """The parsed source of *path*, parsed once; None when it does not parse."""
        key = os.path.realpath(path)
        if key not in self._trees:
            self._trees[key] = _parse(path)
        return self._trees[key]

    def parsed(self, path: Path) -> ast.Module | None:
        """The tree of *path* if it was parsed already."""
        return self._trees.get(os.path.realpath(path))

    def remember(self, path: Path, tree: ast.Module) -> None:
        """Use *tree*, parsed already, as the source of *path*."""
        self._trees.setdefault(os.path.realpath(path), tree)


def module_name(path: Path, roots: Sequence[Path] = ()) -> str:
    """The dotted name of the module in *path*: below an import root, else by
    its packages (folders with an ``__init__.py`` or an ``__init__.pyi``)."""
    path = Path(os.path.realpath(path))
    parts = [] if path.stem == "__init__" else [path.stem]
    for root in roots:
        real_root = Path(os.path.realpath(root))
        if path.is_relative_to(real_root):
            return ".".join([*path.parent.relative_to(real_root).parts, *parts])
    folder = path.parent
    while any(os.path.isfile(folder / f"__init__{s}") for s in SUFFIXES):
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts)


def search_folders(roots: Sequence[Path], sys_path: Sequence[str]) -> list[Path]:
    """The folders modules are looked for in: the import roots, then ``sys.path``."""
    folders = [Path(os.path.realpath(root)) for root in roots]
    for entry in sys_path:
        # realpath, unlike resolve(), never raises (a link loop, say)
        folder = Path(os.path.realpath(entry or os.curdir))
        if os.path.isdir(folder):
            folders.append(folder)
    return folders


def editable_packages(folders: Sequence[Path]) -> dict[str, Path]:
    """Top-level names setuptools' editable finders map to folders, read not run.

    ``pip install -e`` may put a ``__editable___<name>_finder.py`` in
    site-packages whose ``MAPPING`` literal says where each package is.
    """
    mapped: dict[str, Path] = {}
    for folder in folders:
        try:
            finders = sorted(folder.glob("__editable___*_finder.py"))
        except OSError:
            continue
        for finder in finders:
            for name, where in _mapping_literal(_parse(finder)).items():
                mapped.setdefault(name, Path(where))
    return mapped


def _mapping_literal(tree: ast.Module | None) -> dict[str, str]:
    for stmt in tree.body if tree is not None else ():
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else None
        if isinstance(stmt, ast.AnnAssign):
            target = stmt.target
        value = getattr(stmt, "value", None)
        if isinstance(target, ast.Name) and target.id == "MAPPING" and value:
            try:
                literal = ast.literal_eval(value)
            except (ValueError, TypeError, SyntaxError, RecursionError):
                return {}
            if isinstance(literal, dict):
                return {
                    k: v
                    for k, v in literal.items()
                    if isinstance(k, str) and isinstance(v, str)
                }
    return {}


def _parse(path: Path) -> ast.Module | None:
    try:
        data = path.read_bytes()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return ast.parse(data.decode(encoding), str(path))
    except (OSError, SyntaxError, ValueError, LookupError):
        return None
    except (RecursionError, MemoryError):  # too deep for the parser
        return None
