"""The Python files ``proxydoc`` reads: named files, and folders walked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from proxydoc.cli._errors import ProxydocError

#: Folders never walked into (hidden ones, starting with ``.``, neither).
SKIP_DIRS = frozenset({"__pycache__", "node_modules", "build", "dist", "site-packages"})

#: What a Python source file's name ends with: modules and stubs.
SUFFIXES = (".py", ".pyi")

_Identity = tuple[int, int]


def iter_python_files(paths: list[Path]) -> Iterator[Path]:
    """Each ``.py`` and ``.pyi`` file under *paths*, once, in a stable order.

    Folders are walked in sorted order, hidden and :data:`SKIP_DIRS` folders
    skipped; a file or folder reached twice (links, a link loop, a path named
    twice) is read once, under the first of its paths.
    """
    seen: set[_Identity] = set()
    for path in paths:
        if path.is_file():
            found = [path]
        elif path.is_dir():
            found = sorted(_walk(path))
        else:
            raise ProxydocError(f"{path}: no such file or folder")
        for file in found:
            identity = _identity(file)
            if identity not in seen:
                seen.add(identity)
                yield file


def _walk(top: Path) -> Iterator[Path]:
    """The source files below *top*, each real folder entered once, no recursion."""
    entered: set[_Identity] = set()
    pending = [top]
    while pending:
        folder = pending.pop()
        identity = _identity(folder)
        if identity in entered:
            continue
        entered.add(identity)
        folders = []
        for entry in _entries(folder):
            if entry.name.startswith(".") or entry.name in SKIP_DIRS:
                continue
            if entry.is_dir():
                folders.append(folder / entry.name)
            elif entry.name.endswith(SUFFIXES) and entry.is_file():
                yield folder / entry.name
        pending.extend(sorted(folders, reverse=True))  # the first is walked first


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError as exc:
        raise ProxydocError(f"{folder}: cannot read: {exc.strerror}") from exc


def _identity(path: Path) -> _Identity:
    """What tells real files apart, through links: device and inode."""
    status = path.stat()
    return status.st_dev, status.st_ino
