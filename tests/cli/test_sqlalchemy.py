"""Against SQLAlchemy's own source: generated regions equal the committed ones."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run_proxydoc
from cli_sdist import (
    MODULES,
    extract_lib,
    module_file,
    normalized_region,
    region_functions,
)

#: SQLAlchemy's sdist is downloaded once (``pip download``) into ~/.cache/proxydoc.
pytestmark = pytest.mark.slow

_REGION = re.compile(
    r"(?P<start>^ *# START PROXY METHODS (?P<name>\w+)\n)(?P<body>.*?)"
    r"(?=^ *# END PROXY METHODS (?P=name)\n)",
    re.MULTILINE | re.DOTALL,
)


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return extract_lib(tmp_path_factory.mktemp("sqlalchemy"))


def regions(text: str) -> dict[str, str]:
    """Class name -> region text, found without proxydoc's own region code."""
    return {m["name"]: m["body"] for m in _REGION.finditer(text)}


def normalized(region: str) -> str:
    return normalized_region(region)


def members(region: str) -> int:
    return len(region_functions(region))


@pytest.mark.parametrize("module", MODULES)
def test_emptied_regions_are_restored(lib: Path, module: str, run) -> None:
    """Each region, emptied, is generated AST-equal to the one SQLAlchemy committed."""
    path = module_file(lib, module)
    text = path.read_text(encoding="utf-8")
    committed = regions(text)
    assert committed
    emptied = _REGION.sub(lambda m: m["start"] + "\n", text)
    assert all(not body.strip() for body in regions(emptied).values())
    # a sibling file: same package, so relative imports resolve the same way
    copy = path.with_name(f"_emptied_{path.name}")
    copy.write_text(emptied, encoding="utf-8")
    result = run("generate", str(copy))
    assert result.status == 0, result.err
    generated = regions(copy.read_text(encoding="utf-8"))
    assert generated.keys() == committed.keys()
    for name, region in committed.items():
        assert members(generated[name]) == members(region) > 0
        assert normalized(generated[name]) == normalized(region), name
    outside = _REGION.sub(lambda m: m["start"], copy.read_text(encoding="utf-8"))
    assert outside == _REGION.sub(lambda m: m["start"], emptied)


def test_check_on_the_untouched_tree_exits_0(lib: Path) -> None:
    """In a fresh interpreter, with targets imported from the sdist's own source."""
    files = [str(module_file(lib, m).relative_to(lib.parent)) for m in MODULES]
    (lib.parent / "pyproject.toml").write_text(
        '[tool.proxydoc]\nimport_paths = ["lib"]\n'
    )
    done = subprocess.run(
        [sys.executable, "-m", "proxydoc", "check", *files],
        cwd=lib.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 files, 0 stale, 0 with errors" in done.stderr
    assert done.stdout == ""


def _proxydoc(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_proxydoc(root, *argv, "--no-progress")


def test_all_regions_emptied_at_once_come_back_in_one_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """async_scoped_session proxies AsyncSession, itself regenerated in the run."""
    lib = extract_lib(tmp_path_factory.mktemp("sqlalchemy-emptied"))
    root = lib.parent
    (root / "pyproject.toml").write_text('[tool.proxydoc]\nimport_paths = ["lib"]\n')
    paths = [module_file(lib, m) for m in MODULES]
    committed: dict[str, str] = {}
    emptied: dict[Path, bytes] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        committed.update(regions(text))
        path.write_text(_REGION.sub(lambda m: m["start"] + "\n", text), "utf-8")
        emptied[path] = path.read_bytes()
    assert len(committed) == 5
    files = [str(p.relative_to(root)) for p in reversed(paths)]  # dependents first

    check = _proxydoc(root, "check", "-q", *files)
    assert check.returncode == 1, check.stderr
    assert "4 files, 4 stale, 0 with errors" in check.stderr
    assert {p: p.read_bytes() for p in paths} == emptied

    done = _proxydoc(root, "generate", *files)
    assert done.returncode == 0, done.stderr
    assert "again" not in done.stderr
    generated: dict[str, str] = {}
    for path in paths:
        generated.update(regions(path.read_text(encoding="utf-8")))
    assert generated.keys() == committed.keys()
    for name, region in committed.items():
        assert normalized(generated[name]) == normalized(region), name
    assert _proxydoc(root, "check", *files).returncode == 0
