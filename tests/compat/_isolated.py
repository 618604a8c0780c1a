"""HTML builds in a subprocess, for extensions that patch Sphinx when imported.

sphinx-immaterial's modules change Sphinx's Python domain as they are
imported, and sphinx-autodoc-typehints patches autodoc when set up; built in
the test process, every later test would see the change.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import copy_root, strip_ansi

#: The checkout: the build runs there, so a root's conf.py can import
#: ``tests.compat._library`` (``python -m`` puts the working folder on sys.path).
CHECKOUT = Path(__file__).resolve().parents[2]


class Build:
    """An HTML build made in a subprocess: its output folder and warnings."""

    def __init__(self, outdir: Path, warnings: list[str]) -> None:
        self.outdir = outdir
        self.warnings = warnings


def build_isolated(
    root: str,
    base: Path,
    extensions: list[str] | None = None,
    **overrides: str,
) -> Build:
    """Build a fresh copy of ``test-<root>`` in *base* with ``python -m sphinx``.

    *extensions*, when given, replaces the root's ``extensions``; each of
    *overrides* sets a config value (both with ``-D``).
    """
    src = copy_root(root, base / "src")
    out = base / "html"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q"]
    if extensions is not None:
        command += ["-D", "extensions=" + ",".join(extensions)]
    for name, value in overrides.items():
        command += ["-D", f"{name}={value}"]
    done = subprocess.run(
        [*command, str(src), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=CHECKOUT,
    )
    assert done.returncode == 0, done.stderr
    lines = strip_ansi(done.stderr).splitlines()
    return Build(out, [line for line in lines if "WARNING" in line])
