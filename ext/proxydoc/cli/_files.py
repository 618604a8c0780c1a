"""The Python files ``proxydoc`` reads: named files, and folders walked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from proxydoc.cli._errors import ProxydocError

_SKIP_DIRS = {"__pycache__", "node_modules", "build", "dist", "site-packages"}


def iter_python_files(paths: list[Path]) -> Iterator[Path]:
    """Each ``.py`` file under *paths*, in a stable order, hidden folders skipped."""
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from sorted(_walk(path))
        else:
            raise ProxydocError(f"{path}: no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    for child in folder.iterdir():
        if child.name.startswith(".") or child.name in _SKIP_DIRS:
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.suffix == ".py":
            yield child
