"""The ``proxydoc`` command line (generate, check and lint proxy methods)."""

from __future__ import annotations

from proxydoc.cli._cli import build_parser, main

__all__ = ["build_parser", "main"]
