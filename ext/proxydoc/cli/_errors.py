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
        return f"{self.path}:{self.line}: {self.message}"
