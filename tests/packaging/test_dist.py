"""The sdist and wheel a PyPI user gets: built for real, checked by twine.

One build per module, in an isolated environment with the oldest setuptools
line ``[build-system] requires`` allows (``setuptools>=77``: 77.x), so the
floor is proven to build the metadata (``license = "MIT"`` and
``license-files`` need setuptools 77).
"""

from __future__ import annotations

import ast
import email
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.message import Message
from pathlib import Path

import pytest

from tests.packaging.sample import ROOT, checkout_copy

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE = ROOT / "ext" / "proxydoc"


def matrix_pythons() -> list[str]:
    """The Python versions of ``.ci/test_matrix.py``'s cells, lowest first."""
    tree = ast.parse((ROOT / ".ci" / "test_matrix.py").read_text(encoding="utf-8"))
    (cells,) = (
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "CELLS" for t in node.targets)
    )
    return sorted(
        {python for python, _sphinx in cells},
        key=lambda v: tuple(map(int, v.split("."))),
    )


def setuptools_floor() -> str:
    """The lowest setuptools ``[build-system] requires`` allows."""
    (requirement,) = (
        r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")
    )
    found = re.fullmatch(r"setuptools\s*>=\s*([\d.]+)", requirement)
    assert found, f"expected 'setuptools>=N', got {requirement!r}"
    return found.group(1)


class Dist:
    """The built sdist and wheel: their file names and metadata."""

    def __init__(self, outdir: Path) -> None:
        (self.sdist,) = outdir.glob("*.tar.gz")
        (self.wheel,) = outdir.glob("*.whl")
        with tarfile.open(self.sdist) as archive:
            self.sdist_names = [m.name.split("/", 1)[1] for m in archive if m.isfile()]
        with zipfile.ZipFile(self.wheel) as archive:
            self.wheel_names = archive.namelist()
            (metadata,) = (
                n for n in self.wheel_names if n.endswith(".dist-info/METADATA")
            )
            self.metadata: Message = email.message_from_bytes(archive.read(metadata))
            wheel_info = metadata.replace("/METADATA", "/WHEEL")
            self.generator = email.message_from_bytes(archive.read(wheel_info))[
                "Generator"
            ]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """``python -m build`` (sdist, then the wheel from it) of this checkout."""
    source = checkout_copy(tmp_path_factory.mktemp("source"))
    constraints = source.parent / "constraints.txt"
    constraints.write_text(f"setuptools=={setuptools_floor()}.*\n")
    outdir = source.parent / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(outdir), str(source)],
        env={**os.environ, "PIP_CONSTRAINT": str(constraints)},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return Dist(outdir)


@pytest.mark.slow
def test_built_with_the_setuptools_floor(dist: Dist) -> None:
    assert dist.generator.startswith(f"setuptools ({setuptools_floor()}."), (
        dist.generator
    )


@pytest.mark.slow
def test_twine_check_strict(dist: Dist) -> None:
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            str(dist.sdist),
            str(dist.wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2, checked.stdout


@pytest.mark.slow
def test_license_in_sdist_and_wheel(dist: Dist) -> None:
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the proxydoc authors" in license_text
    assert "LICENSE" in dist.sdist_names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in dist.wheel_names)
    assert dist.metadata["License-Expression"] == "MIT"
    assert dist.metadata.get_all("License-File") == ["LICENSE"]


@pytest.mark.slow
def test_wheel_holds_the_package_data(dist: Dist) -> None:
    """Every file of the package on disk, ``py.typed`` and static files included."""
    on_disk = {
        "proxydoc/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {"proxydoc/py.typed", "proxydoc/static/proxydoc.css"} <= on_disk
    packaged = {n for n in dist.wheel_names if n.startswith("proxydoc/")}
    assert packaged == on_disk


@pytest.mark.slow
def test_sdist_holds_no_tests(dist: Dist) -> None:
    """No part of the suite: it needs the whole repository (roots, docs, .ci)."""
    assert "pyproject.toml" in dist.sdist_names
    assert "ext/proxydoc/__init__.py" in dist.sdist_names
    strays = [
        n
        for n in dist.sdist_names
        if n.split("/")[0] in {"tests", "docs", "bench", ".ci"}
    ]
    assert strays == []


@pytest.mark.slow
def test_pythons_are_the_tested_ones(dist: Dist) -> None:
    """Classifiers name exactly the matrix's Pythons; the floor is its lowest."""
    pythons = matrix_pythons()
    classified = [
        c.rsplit(" :: ", 1)[1]
        for c in dist.metadata.get_all("Classifier", [])
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert classified == pythons
    assert dist.metadata["Requires-Python"] == f">={pythons[0]}"


@pytest.mark.slow
def test_project_urls(dist: Dist) -> None:
    urls = dict(u.split(", ", 1) for u in dist.metadata.get_all("Project-URL", []))
    assert sorted(urls) == ["Changelog", "Documentation", "Issues", "Source"]
    assert all(u.startswith("https://") for u in urls.values()), urls
