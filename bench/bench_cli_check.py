"""Benchmark: ``proxydoc check`` on SQLAlchemy 2.1.9's four facade modules and
on Alembic 1.20.1's four generated regions.

Downloads SQLAlchemy's sdist into ``$PROXYDOC_CACHE`` (default
``~/.cache/proxydoc``) once, unpacks its ``lib/`` into a temporary folder and
times ``python -m proxydoc check`` there, targets imported from that source.
Byte-code caching is on (as in a real checkout), after one warm-up run.
Prints the wall time of each run and the median; a benchmark, not a test.

Alembic: its sdist unpacked whole, ``tests/cli/samples/alembic-stubs.toml``
appended to its ``pyproject.toml``; ``check`` must exit 0 there (its regions as
released are current); the figures go to ``bench/results/alembic_check.json``
for the performance page.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "cli"))

from cli_sdist import ALEMBIC_VERSION, MODULES, extract_lib, extract_sdist, module_file

RUNS = 5


#: What each measurement covers: code run before the clock starts, if any.
SETUPS = {
    "whole command (fresh interpreter)": None,
    "inside main() (targets imported on the way)": "",
    "inside main(), SQLAlchemy already imported": (
        "import sys; sys.path.insert(0, 'lib'); "
        "import sqlalchemy.orm, sqlalchemy.ext.asyncio"
    ),
}


def time_check(root: Path, files: list[str], setup: str | None) -> float:
    """Seconds one ``check`` takes, measured as *setup* describes."""
    if setup is None:
        argv = [sys.executable, "-m", "proxydoc", "check", "--no-progress", *files]
    else:
        code = (
            f"{setup}\nimport time, sys\nfrom proxydoc.cli import main\n"
            "t = time.perf_counter()\n"
            f"s = main(['check', '--no-progress', *{files!r}])\n"
            "print(time.perf_counter() - t)\nsys.exit(s)\n"
        )
        argv = [sys.executable, "-c", code]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=root, capture_output=True, text=True, check=False, env=env
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"check failed ({done.returncode}):\n{done.stderr}")
    return elapsed if setup is None else float(done.stdout.split()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        lib = extract_lib(root)
        (root / "pyproject.toml").write_text(
            '[tool.proxydoc]\nimport_paths = ["lib"]\n'
        )
        files = [str(module_file(lib, m).relative_to(root)) for m in MODULES]
        time_check(root, files, None)  # warm-up: byte-compile the unpacked sdist
        for label, setup in SETUPS.items():
            runs = [time_check(root, files, setup) for _ in range(RUNS)]
            shown = ", ".join(f"{r:.3f}" for r in runs)
            print(
                f"proxydoc check, 4 SQLAlchemy modules, {label}: "
                f"median {statistics.median(runs):.3f} s ({shown})"
            )


ALEMBIC_FILES = ("alembic/op.pyi", "alembic/context.pyi", "alembic/operations/base.py")
ALEMBIC_CONFIG = Path(__file__).parents[1] / "tests/cli/samples/alembic-stubs.toml"
RESULTS = Path(__file__).parent / "results" / "alembic_check.json"


def alembic() -> None:
    """``check`` on Alembic's three files holding its four regions."""
    with tempfile.TemporaryDirectory() as folder:
        root = extract_sdist("alembic", ALEMBIC_VERSION, Path(folder))
        pyproject = root / "pyproject.toml"
        pyproject.write_text(
            pyproject.read_text(encoding="utf-8")
            + "\n"
            + ALEMBIC_CONFIG.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        files = list(ALEMBIC_FILES)
        time_check(root, files, None)  # warm-up; exits non-zero -> SystemExit
        runs = [time_check(root, files, None) for _ in range(RUNS)]
        inside = [time_check(root, files, "") for _ in range(RUNS)]
    shown = ", ".join(f"{r:.3f}" for r in runs)
    print(
        f"proxydoc check, Alembic {ALEMBIC_VERSION}'s 4 regions (3 files), whole "
        f"command: median {statistics.median(runs):.3f} s ({shown}); exit 0"
    )
    RESULTS.write_text(
        json.dumps(
            {
                "alembic": ALEMBIC_VERSION,
                "regions": 4,
                "files": files,
                "exit_status": 0,
                "runs": RUNS,
                "whole_command_s": round(statistics.median(runs), 3),
                "inside_main_s": round(statistics.median(inside), 3),
                "python": platform.python_version(),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
    alembic()
