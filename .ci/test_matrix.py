"""Run the test suite against each supported Sphinx line, one venv per cell.

Cells: Sphinx 7.4, 8.1 and 8.2 on Python 3.11; Sphinx 9.x on Python 3.12 and
3.13.  The package's ``requires-python`` is the lowest cell's Python and its
Python classifiers are the cells' (``tests/packaging/test_dist.py`` compares
them); there is no 3.10 cell, as the suite's SQLAlchemy 2.1 needs 3.11.  Each
interpreter is looked up on PATH (``python3.11`` ...), then among pyenv's
installed versions (a pyenv shim on PATH fails for a version that is not
selected); an absent one is skipped with a line saying so.  Venvs live in
``.venv-matrix/<py>-<sphinx>/`` and are reused while ``pyproject.toml`` is
unchanged; they are made with uv (installed from PyPI into ``.venv-matrix/uv``
on first use), or with pip when uv cannot be had.  Each cell runs pytest with
``-n 2`` (``--workers``).  Exit status: 0 when every cell that ran passed.

``--prepare`` only makes the venvs (``.ci/run`` does so while ``make test``
runs).  ``--slim`` is for a run right after ``make test``, which ran every test
on the newest Sphinx with this interpreter's Python: the cells of that Python
then leave out the test files of the code that imports neither Sphinx nor
docutils (``proxydoc.cli``, ``proxydoc.core``), those in ``tests/cli`` and
``tests/core`` that name neither, nor a build fixture.  Usage:
``python3 .ci/test_matrix.py [--only 3.11-7.4,...] [--budget SECONDS]
[--prepare] [--slim] [pytest args]``.  The 3.11 / 8.2 cell also installs
zzzeeksphinx (``CELL_EXTRAS``), which pins that Sphinx line.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The project's own documentation (``tests/docs``: furo, browser, the docs'
#: helper extensions) is built with the newest Sphinx only, by ``make test``;
#: so is the packaging (``tests/packaging``: sdist and wheel, pre-commit hooks,
#: the Docs CI examples), which no Sphinx line changes.
IGNORE = ("--ignore=tests/docs", "--ignore=tests/packaging")
#: The tests of the Sphinx-free code: ``--slim`` leaves out those that name
#: neither Sphinx nor docutils nor a build fixture (the rest compare with
#: Sphinx, or build).
SPHINX_FREE = ("tests/cli", "tests/core")
#: Packages a cell installs beside the test extra: zzzeeksphinx pins its Sphinx
#: line (tests/test_migrating.py builds SQLAlchemy's and Mako's setups with it).
CELL_EXTRAS = {"8.2": ("zzzeeksphinx>=1.6.2,<1.7",)}
CELLS = (
    ("3.11", "7.4"),
    ("3.11", "8.1"),
    ("3.11", "8.2"),
    ("3.12", "9"),
    ("3.13", "9"),
)


def interpreter(python: str) -> str | None:
    """A working ``python3.X``: on PATH, else a pyenv version not made global."""
    found = shutil.which(f"python{python}")
    if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
        return found
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return None
    root = subprocess.run(
        [pyenv, "root"], capture_output=True, text=True
    ).stdout.strip()
    versions = sorted(Path(root, "versions").glob(f"{python}.*/bin/python{python}"))
    return str(versions[-1]) if root and versions else None


def stamp() -> str:
    """Fingerprint of what a cell's venv was installed from."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]


def uv() -> str | None:
    """uv: on PATH, else installed from PyPI into ``.venv-matrix/uv``; None if not."""
    found = shutil.which("uv")
    if found:
        return found
    venv = ROOT / ".venv-matrix" / "uv"
    exe = venv / "bin" / "uv"
    if not exe.exists():
        done = subprocess.run([sys.executable, "-m", "venv", str(venv)]).returncode == 0
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "uv"]
        if not done or subprocess.run(pip).returncode != 0 or not exe.exists():
            print("uv could not be installed: the venvs are made with pip")
            shutil.rmtree(venv, ignore_errors=True)
            return None
    return str(exe)


def prepare(python: str, exe_path: str, sphinx: str) -> Path:
    """The cell's venv with proxydoc, its test extra and the pinned Sphinx line."""
    venv = ROOT / ".venv-matrix" / f"{python}-{sphinx}"
    exe = venv / "bin" / "python"
    marker = venv / ".installed"
    extras = CELL_EXTRAS.get(sphinx, ())
    fingerprint = " ".join((stamp(), *extras))
    if marker.exists() and marker.read_text() == fingerprint:
        return exe
    shutil.rmtree(venv, ignore_errors=True)
    wanted = ["-e", f"{ROOT}[test]", f"sphinx=={sphinx}.*", *extras]
    tool = uv()
    if tool:  # a tenth of pip's time and CPU (cache warm: 6 s against 70 s)
        subprocess.run([tool, "venv", "-q", "-p", exe_path, str(venv)], check=True)
        install = [tool, "pip", "install", "-q", "-p", str(exe), *wanted]
    else:
        subprocess.run([exe_path, "-m", "venv", str(venv)], check=True)
        pip = [str(exe), "-m", "pip", "install", "--disable-pip-version-check"]
        install = [*pip, "--quiet", *wanted]
    subprocess.run(install, check=True)
    marker.write_text(fingerprint)
    return exe


def sphinx_free_tests() -> list[str]:
    """The test files ``--slim`` leaves out, as ``--ignore`` options."""
    # Sphinx by name, or a build through a fixture of tests/conftest.py or
    # sphinx.testing's.
    names = re.compile(r"sphinx|docutils|shared_build|make_app|\bapp\b", re.I)
    return [
        f"--ignore={path.relative_to(ROOT).as_posix()}"
        for folder in SPHINX_FREE
        for path in sorted((ROOT / folder).glob("test_*.py"))
        if not names.search(path.read_text(encoding="utf-8"))
    ]


def installed_sphinx(exe: Path) -> str:
    """The Sphinx version a venv really has."""
    code = "import sphinx; print(sphinx.__version__)"
    return subprocess.run(
        [str(exe), "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def run_cell(python: str, found: str, sphinx: str, pytest_args: list[str]) -> str:
    """Install and test one cell; a one-line verdict."""
    started = time.monotonic()
    try:
        exe = prepare(python, found, sphinx)
    except subprocess.CalledProcessError as error:
        return f"FAIL  install failed ({error.returncode})"
    version = installed_sphinx(exe)
    print(f"--- Python {python}, Sphinx {version}", flush=True)
    proc = subprocess.run(
        [str(exe), "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args],
        cwd=ROOT,
    )
    took = time.monotonic() - started
    if proc.returncode == 0:
        verdict = "ok  "
    elif proc.returncode == 5:  # pytest: no test collected
        verdict = "FAIL (no test ran: pytest exit 5)"
    else:
        verdict = f"FAIL (pytest exit {proc.returncode})"
    return f"{verdict} Sphinx {version}, {took:.0f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="cells like 3.11-7.4,3.13-9")
    parser.add_argument("--budget", type=float, default=0, help="stop after SECONDS")
    parser.add_argument("--workers", default="2", help="pytest -n (default 2)")
    parser.add_argument("--prepare", action="store_true", help="only make the venvs")
    parser.add_argument(
        "--slim", action="store_true", help="right after make test: see above"
    )
    args, pytest_args = parser.parse_known_args(argv)
    wanted = set(filter(None, args.only.split(",")))
    here = f"{sys.version_info[0]}.{sys.version_info[1]}"
    started, lines, failed = time.monotonic(), [], False
    for python, sphinx in CELLS:
        cell = f"{python}-{sphinx}"
        if wanted and cell not in wanted:
            continue
        found = interpreter(python)
        if found is None:
            lines.append(
                f"{cell:9} SKIP  no working python{python} on PATH or in pyenv"
            )
        elif args.prepare:
            try:
                prepare(python, found, sphinx)
                lines.append(f"{cell:9} venv ready")
            except subprocess.CalledProcessError as error:
                failed = True
                lines.append(f"{cell:9} FAIL  install failed ({error.returncode})")
        elif args.budget and time.monotonic() - started > args.budget:
            lines.append(f"{cell:9} SKIP  time budget of {args.budget:.0f} s used up")
        else:
            cell_args = ["-n", args.workers, *IGNORE]
            if args.slim and python == here:
                cell_args += sphinx_free_tests()
            verdict = run_cell(python, found, sphinx, [*cell_args, *pytest_args])
            failed |= not verdict.startswith("ok")
            lines.append(f"{cell:9} {verdict}")
        print(lines[-1], flush=True)
    print("\nSphinx compatibility matrix:\n" + "\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
