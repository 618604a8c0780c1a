"""Errors of the ``proxydoc`` command: each one names a file and a line."""

from __future__ import annotations


class ProxydocError(Exception):
    """Bad input that stops work on one file (exit status 2)."""

    def __init__(self, message: str, path: str | None = None, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line <= 0:  # about the whole file
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


def bug_error(exc: BaseException, path: str | None) -> ProxydocError:
    """An exception proxydoc did not expect, as one line about *path*."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return ProxydocError(f"{text} (this is a bug in proxydoc; please report it)", path)
