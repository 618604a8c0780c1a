"""Run every ``bench/bench_*.py`` in turn (or the ones named); exit 1 if any failed.

Usage: ``python bench/run.py [--exclude NAME] [NAME ...]`` where NAME is e.g.
``sqlalchemy`` for ``bench_sqlalchemy.py``.  Extra options for one script go in
the environment variable ``BENCH_<NAME>_ARGS`` (``BENCH_SQLALCHEMY_ARGS="--runs 5"``).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    excluded = set()
    while argv[:1] == ["--exclude"] and len(argv) > 1:
        excluded.add(argv[1])
        argv = argv[2:]
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in argv]
    scripts = [s for s in scripts if s.stem.removeprefix("bench_") not in excluded]
    failed = []
    for script in scripts:
        name = script.stem.removeprefix("bench_")
        extra = shlex.split(os.environ.get(f"BENCH_{name.upper()}_ARGS", ""))
        print(f"\n### {script.name} {' '.join(extra)}", flush=True)
        if subprocess.run([sys.executable, str(script), *extra]).returncode:
            failed.append(script.name)
    if failed:
        print(f"\nFAILED: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
