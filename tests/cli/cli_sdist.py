"""Real projects' sdists (SQLAlchemy, Alembic), downloaded once with pip into a
cache outside the repo."""

from __future__ import annotations

import ast
import inspect
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from pathlib import Path

VERSION = "2.1.9"
ALEMBIC_VERSION = "1.20.1"
MODULES = (
    "sqlalchemy.orm.scoping",
    "sqlalchemy.ext.asyncio.engine",
    "sqlalchemy.ext.asyncio.session",
    "sqlalchemy.ext.asyncio.scoping",
)


def cache_dir() -> Path:
    """``$PROXYDOC_CACHE`` or ``~/.cache/proxydoc``."""
    folder = os.environ.get("PROXYDOC_CACHE") or Path.home() / ".cache" / "proxydoc"
    return Path(folder)


def sdist_archive(project: str = "sqlalchemy", version: str = VERSION) -> Path:
    """The path of ``<project>-<version>.tar.gz``, downloaded if missing."""
    folder = cache_dir()
    archive = folder / f"{project}-{version}.tar.gz"
    if not archive.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        # Into a folder of its own, then renamed: a ``pytest -n`` worker that
        # downloads it at the same time never reads a half-written archive.
        download = Path(tempfile.mkdtemp(dir=folder))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                # The project's sdist; its build requirements (Cython for
                # SQLAlchemy, which takes minutes to compile) as wheels.
                "--no-binary",
                project,
                f"{project}=={version}",
                "-d",
                str(download),
            ],
            check=True,
        )
        os.replace(download / archive.name, archive)
        shutil.rmtree(download)
    return archive


def extract_lib(destination: Path) -> Path:
    """Unpack the sdist's ``lib/`` folder under *destination*; returns that folder."""
    prefix = f"sqlalchemy-{VERSION}/"
    with tarfile.open(sdist_archive()) as archive:
        members = [
            m for m in archive.getmembers() if m.name.startswith(prefix + "lib/")
        ]
        for member in members:
            member.name = member.name[len(prefix) :]
        archive.extractall(destination, members=members, filter="data")
    return destination / "lib"


def module_file(lib: Path, module: str) -> Path:
    """The file of a dotted module name under *lib*."""
    return lib.joinpath(*module.split(".")).with_suffix(".py")


def extract_sdist(project: str, version: str, destination: Path) -> Path:
    """Unpack the whole sdist under *destination*; returns its top folder."""
    with tarfile.open(sdist_archive(project, version)) as archive:
        archive.extractall(destination, filter="data")
    return destination / f"{project}-{version}"


def region_module(region: str, indented: bool = True) -> str:
    """A region's text as a module: a class body's region inside a class."""
    if not indented:
        return region
    body = textwrap.indent(textwrap.dedent(region), "    ")
    return "class Region:\n" + body + "    pass\n"


def normalized_region(region: str, indented: bool = True) -> str:
    """The AST of a region, docstrings put through ``inspect.cleandoc``: what
    "AST-equal" means for generated regions."""
    tree = ast.parse(region_module(region, indented))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not body:
            continue
        first = body[0]
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            first.value.value = inspect.cleandoc(first.value.value)
    return ast.dump(tree)


def region_functions(region: str, indented: bool = True) -> list[str]:
    """The names of the functions a region defines, in order."""
    tree = ast.parse(region_module(region, indented))
    return [
        n.name
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
