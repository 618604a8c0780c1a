"""Chained facades: a target's file is regenerated first, then used from memory.

SQLAlchemy's ``async_scoped_session`` proxies ``AsyncSession``, whose own
proxies are generated too.  Files are processed so that a module defining a
target comes before the facades that proxy it, and once its text is
regenerated, that text (not the file on disk, which ``check`` never writes)
is what the later facades import and read.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import io
import sys
import tokenize
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._facades import module_name, read_specs
from proxydoc.core.imports import ImportEffect, isolated

if TYPE_CHECKING:
    from pathlib import Path

    from proxydoc.cli._config import Config


@dataclass
class RunPlan:
    """In which order to process the files, and which modules others proxy."""

    order: list[int]
    #: Module name of each file whose classes a facade of another file proxies.
    needed: dict[int, str] = field(default_factory=dict)


def plan_files(files: list[Path], config: Config) -> RunPlan:
    """Targets' files first, otherwise in the order given.

    A file whose declarations cannot be read has no known targets: its error
    is reported when it is processed.
    """
    if len(files) < 2:
        return RunPlan(list(range(len(files))))
    texts = [_text(path) for path in files]
    modules = {i: _module_of(path, config) for i, path in enumerate(files)}
    owner = {name: i for i, name in modules.items() if name}
    deps: dict[int, set[int]] = {}
    for i, text in enumerate(texts):
        targets = _target_modules(files[i], text, config)
        deps[i] = {owner[m] for m in targets if m in owner and owner[m] != i}
    needed = {j: modules[j] for js in deps.values() for j in js}
    return RunPlan(_dependencies_first(len(files), deps), needed)


def _module_of(path: Path, config: Config) -> str:
    """The module name of *path*, or "" when it cannot be told."""
    try:
        return module_name(path, config.import_roots)
    except (OSError, RuntimeError, ValueError):
        return ""


def _text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"PROXY METHODS" not in data:
        return None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None


def _target_modules(path: Path, text: str | None, config: Config) -> set[str]:
    if text is None or "PROXY METHODS" not in text:
        return set()
    try:
        tree = ast.parse(text)
        specs = read_specs(tree, path, config, str(path))
    except (SyntaxError, ValueError, RecursionError, ProxydocError):
        return set()
    return {spec.target_ref.partition(":")[0] for spec in specs.values()}


def _dependencies_first(count: int, deps: dict[int, set[int]]) -> list[int]:
    """Indices in their order, each moved after what it depends on (no recursion).

    A cycle is cut where the walk meets it: one of its files is read before
    the others are regenerated, and ``generate`` says to run again.
    """
    order: list[int] = []
    placed: set[int] = set()
    for start in range(count):
        stack = [start]
        visiting: set[int] = set()
        while stack:
            node = stack[-1]
            if node in placed:
                stack.pop()
                continue
            visiting.add(node)
            waiting = sorted(d for d in deps.get(node, ()) if d not in placed)
            waiting = [d for d in waiting if d not in visiting]
            if waiting:
                stack.append(waiting[0])
                continue
            stack.pop()
            placed.add(node)
            order.append(node)
    return order


def load_module_text(name: str, path: Path, text: str) -> bool:
    """Make *text* the module *name* (at *path*) for the imports that follow.

    The module is imported as it is on disk first (its package set up), then a
    new module object runs *text* and replaces it in ``sys.modules`` and on its
    package.  False, and nothing replaced, when running *text* fails.
    """
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None:
        return False
    try:
        with isolated():
            importlib.import_module(name)
            module = importlib.util.module_from_spec(spec)
            code = compile(text, str(path), "exec")
            previous = sys.modules.get(name)
            sys.modules[name] = module
            try:
                exec(code, module.__dict__)
            except BaseException:
                _restore(name, previous)
                raise
    except ImportEffect:
        return False
    parent, _, child = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], child, module)
    return True


def _restore(name: str, previous: object) -> None:
    if previous is None:
        sys.modules.pop(name, None)
    else:
        sys.modules[name] = previous  # type: ignore[assignment]
