"""The Python files ``proxydoc`` reads (named files, folders walked) and writes."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from proxydoc.cli._errors import ProxydocError

#: What a walk skips unless ``[tool.proxydoc] exclude`` replaces it: glob
#: patterns, matched against an entry's name (a pattern without ``/``) or
#: against its path relative to the project root (a pattern with one).
DEFAULT_EXCLUDE = (
    ".*",
    "__pycache__",
    "build",
    "dist",
    "node_modules",
    "site-packages",
)

#: What a Python source file's name ends with: modules and stubs.
SUFFIXES = (".py", ".pyi")

_Identity = tuple[int, int]


@dataclass(frozen=True)
class WalkRules:
    """What a walk skips: entries matching an ``exclude`` pattern, but for the
    folders holding a *keep* path (the project's own configured files)."""

    root: Path = field(default_factory=Path.cwd)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    #: Whether *exclude* is the default list: a package it skips gets a note
    defaults: bool = True
    #: Absolute paths (files, or module paths without suffix) the config names
    keep: tuple[Path, ...] = ()
    #: Filled by the walk: (folder, pattern) of each package skipped by default
    skipped: list[tuple[Path, str]] = field(default_factory=list, compare=False)

    def excluding(self, path: Path) -> str | None:
        """The pattern that excludes *path* (as walked), or None."""
        rel: str | None = None
        for pattern in self.exclude:
            clean = pattern.strip("/").removeprefix("./")
            if "/" not in clean:
                if fnmatch.fnmatchcase(path.name, clean):
                    return pattern
                continue
            if rel is None:
                rel = self._relative(path)
            if rel and fnmatch.fnmatchcase(rel, clean):
                return pattern
        return None

    def _relative(self, path: Path) -> str:
        """*path* relative to the project root, or "" when outside it."""
        try:
            relative = os.path.relpath(
                os.path.abspath(path), os.path.abspath(self.root)
            )
        except ValueError:  # another drive
            return ""
        posix = Path(relative).as_posix()
        return "" if posix == ".." or posix.startswith("../") else posix

    def keeps(self, path: Path) -> bool:
        """Whether *path* is, or is a folder holding, a path the config names."""
        real = Path(os.path.realpath(path))
        return any(k == real or k.is_relative_to(real) for k in self.keep)

    def skips(self, folder: Path) -> bool:
        """Whether the walk leaves out *folder*; a skipped package is recorded."""
        pattern = self.excluding(folder)
        if pattern is None:
            return False
        if self.keeps(folder):
            return False
        if self.defaults and (folder / "__init__.py").is_file():
            self.skipped.append((folder, pattern))
        return True


def iter_python_files(
    paths: list[Path], rules: WalkRules | None = None
) -> Iterator[Path]:
    """Each ``.py`` and ``.pyi`` file under *paths*, once, in a stable order.

    Folders are walked in sorted order, entries *rules* exclude skipped (by
    default :data:`DEFAULT_EXCLUDE`, relative to the working folder); a path
    named is read even when excluded.  A file or folder reached twice (links,
    a link loop, a path named twice) is read once: under the path named first,
    in a folder under its own path rather than through a link.
    """
    rules = WalkRules() if rules is None else rules
    seen: set[_Identity] = set()
    for path in paths:
        if path.is_file():
            found = {_identity(path): path}
        elif path.is_dir():
            found = _by_identity(_walk(path, rules))
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


def _walk(top: Path, rules: WalkRules) -> Iterator[Path]:
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
            path = folder / entry.name
            if entry.is_dir():
                if not rules.skips(path):
                    (linked if entry.is_symlink() else folders).append(path)
            elif (
                entry.name.endswith(SUFFIXES)
                and entry.is_file()
                and (rules.excluding(path) is None or rules.keeps(path))
            ):
                yield path
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


# -- Writing -----------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What a file held when it was read: tells an edit saved since."""

    size: int
    digest: bytes

    @classmethod
    def of(cls, data: bytes) -> Fingerprint:
        return cls(len(data), hashlib.sha256(data).digest())


def write_file(path: Path, data: bytes, read: Fingerprint, display: str) -> None:
    """Make *data* the content of *path*'s file, which keeps its identity.

    A symlink is followed and stays.  The file is replaced atomically by a new
    one with its owner, group and mode; it is written in place instead (same
    inode, not atomic) when other hard links name it, or when this user cannot
    give a new file its owner and group, or add one to its folder.  Refused,
    nothing written: a read-only file, and a file whose content is no longer
    *read* (checked just before replacing or writing).
    """
    real = Path(os.path.realpath(path))
    try:
        status = real.stat()
    except FileNotFoundError:
        raise _changed(display) from None
    if not status.st_mode & 0o222 or not _writable(real):
        raise ProxydocError(
            f"read-only (mode {stat.S_IMODE(status.st_mode):04o}, owner "
            f"{status.st_uid}:{status.st_gid}): nothing written; make it writable "
            "to regenerate it",
            display,
        )
    if status.st_nlink > 1 or not _replace(real, data, read, status, display):
        _write_in_place(real, data, read, display)


def _writable(path: Path) -> bool:
    """Whether this process may write *path*, by its effective user and groups."""
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _replace(
    real: Path, data: bytes, read: Fingerprint, status: os.stat_result, display: str
) -> bool:
    """Replace *real* by a new file; False when it could not be made like *real*."""
    try:
        handle, made = tempfile.mkstemp(prefix=f".{real.name}.", dir=real.parent)
    except PermissionError:  # a folder this user cannot add to
        return False
    temp: str | None = made
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if not _take_owner(stream.fileno(), status):
                return False
        os.chmod(made, stat.S_IMODE(status.st_mode))  # after chown, which clears setuid
        _check_unchanged(real.read_bytes, read, display)
        os.replace(made, real)
        temp = None
        return True
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _take_owner(handle: int, status: os.stat_result) -> bool:
    """Give the open file *handle* the owner and group of *status*, if allowed."""
    made = os.fstat(handle)
    if (made.st_uid, made.st_gid) == (status.st_uid, status.st_gid):
        return True
    uid = -1 if made.st_uid == status.st_uid else status.st_uid
    gid = -1 if made.st_gid == status.st_gid else status.st_gid
    try:
        os.fchown(handle, uid, gid)
    except PermissionError:
        return False
    return True


def _write_in_place(real: Path, data: bytes, read: Fingerprint, display: str) -> None:
    """Overwrite *real*'s own bytes: its inode, links, owner and mode stay."""
    with real.open("r+b") as stream:
        _check_unchanged(stream.read, read, display)
        stream.seek(0)
        stream.write(data)
        stream.truncate()


def _check_unchanged(
    current: Callable[[], bytes], read: Fingerprint, display: str
) -> None:
    """Refuse to write over a file whose content is no longer what was read."""
    try:
        changed = Fingerprint.of(current()) != read
    except FileNotFoundError:
        changed = True
    if changed:
        raise _changed(display)


def _changed(display: str) -> ProxydocError:
    return ProxydocError(
        "changed on disk since proxydoc read it: nothing written; "
        "run 'proxydoc generate' again",
        display,
    )
