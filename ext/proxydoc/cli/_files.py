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
    twice) is read once: under the path named first, in a folder under its
    own path rather than through a link.
    """
    seen: set[_Identity] = set()
    for path in paths:
        if path.is_file():
            found = {_identity(path): path}
        elif path.is_dir():
            found = _by_identity(_walk(path))
        else:
            raise ProxydocError(f"{path}: no such file or folder")
        for identity, file in sorted(found.items(), key=lambda item: item[1]):
            if identity not in seen:
                seen.add(identity)
                yield file


def _by_identity(files: Iterator[Path]) -> dict[_Identity, Path]:
    """One path per real file: its own if the walk met it, else the first."""
    chosen: dict[_Identity, Path] = {}
    for path in sorted(files):
        identity = _identity(path)
        if identity not in chosen or (_is_own(path) and not _is_own(chosen[identity])):
            chosen[identity] = path
    return chosen


def _is_own(path: Path) -> bool:
    """Whether *path* reaches its file through no link."""
    return os.path.realpath(path) == os.path.abspath(path)


def _walk(top: Path) -> Iterator[Path]:
    """The source files below *top*, each real folder entered once, no recursion.

    Folders reached through a link are walked last, so that a folder the tree
    holds itself is entered under its own path.
    """
    entered: set[_Identity] = set()
    pending: list[Path] = [top]
    linked: list[Path] = []
    while pending or linked:
        folder = pending.pop() if pending else linked.pop(0)
        identity = _identity(folder)
        if identity in entered:
            continue
        entered.add(identity)
        folders: list[Path] = []
        for entry in _entries(folder):
            if entry.name.startswith(".") or entry.name in SKIP_DIRS:
                continue
            if entry.is_dir():
                path = folder / entry.name
                (linked if entry.is_symlink() else folders).append(path)
            elif entry.name.endswith(SUFFIXES) and entry.is_file():
                yield folder / entry.name
        pending.extend(sorted(folders, reverse=True))  # the first is walked first
        linked.sort()


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
