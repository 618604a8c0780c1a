"""Regenerate ``docs/_inventories/python.inv`` from Debian's Python documentation.

SQLAlchemy's signatures name ``typing`` and built-in objects; intersphinx links
them to docs.python.org from this copy of Python's own ``objects.inv``, so the
build needs no network.  Debian's ``python3.11-doc`` package ships it; this
script installs the package with apt when it is missing (as root) and copies
the inventory.

Usage::

    python docs/_tools/python_inventory.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "python3.11-doc"
SOURCE = Path("/usr/share/doc/python3.11/html/objects.inv")
OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "_inventories" / "python.inv"


def main() -> int:
    if not SOURCE.is_file():
        if os.geteuid() != 0:
            print(f"install Debian's {PACKAGE} first", file=sys.stderr)
            return 1
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["update", "-qq"], ["install", "-y", "-qq", PACKAGE]):
            subprocess.run(["apt-get", *command], check=True, env=env)
    shutil.copyfile(SOURCE, OUTPUT)
    print(f"copied {SOURCE} to {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
