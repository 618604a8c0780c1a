"""The ``proxydoc`` command line (generate, check and lint proxy methods)."""

from __future__ import annotations

import sys

from proxydoc import __version__


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``proxydoc`` console script."""
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], []):
        print(f"proxydoc {__version__}")
        return 0
    print("proxydoc: subcommands are not available yet", file=sys.stderr)
    return 2
