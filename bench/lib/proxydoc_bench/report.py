"""Results: JSON under ``bench/results/`` and plain-text tables on stdout."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parents[2] / "results"
PACKAGES = (
    "sphinx",
    "docutils",
    "sphinx-proxydoc",
    "zzzeeksphinx",
    "sphinx-paramlinks",
)


def environment(packages: tuple[str, ...] = PACKAGES) -> dict[str, Any]:
    """Versions (of *packages*) and machine facts needed to read the numbers."""
    versions = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": sys.platform,
        "packages": versions,
    }


def commit() -> str | None:
    """The repository's commit (``+`` when the work tree has changes), if known."""
    root = RESULTS.parent.parent
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "ext"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+" if dirty else "")


def write_results(name: str, data: dict[str, Any]) -> Path:
    """Write *data* to ``bench/results/<name>.json``."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, sort_keys=True, default=str) + "\n")
    return path


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A reStructuredText simple table (readable as plain text too)."""
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    rule = "  ".join("=" * w for w in widths)
    lines = [
        rule,
        "  ".join(c.ljust(w) for c, w in zip(cells[0], widths, strict=True)).rstrip(),
        rule,
    ]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in cells[1:]
    ]
    return "\n".join([*lines, rule])


def pct(value: float | None, digits: int = 2) -> str:
    """A fraction as a percentage, or a dash."""
    return "-" if value is None else f"{100 * value:.{digits}f} %"
