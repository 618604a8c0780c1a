"""Finding the files ``proxydoc`` reads: order, skipped folders, links, depth."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._files import iter_python_files

SAMPLES = Path(__file__).parent / "samples"


def _found(root: Path, *paths: Path) -> list[str]:
    return [
        p.relative_to(root).as_posix() for p in iter_python_files(list(paths or [root]))
    ]


def _touch(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x = 1\n")


@pytest.fixture
def deep() -> Iterator[Callable[[Path, int], Path]]:
    """Makes *depth* nested folders below a root, removed after the test.

    ``os.makedirs`` and ``shutil.rmtree`` (so pytest's own clean-up of old
    temporary folders) recurse once per level: both are done here level by level.
    """
    made: list[tuple[Path, Path]] = []

    def make(root: Path, depth: int) -> Path:
        folder = root
        for _ in range(depth):
            folder /= "d"
            folder.mkdir()
        made.append((root, folder))
        return folder

    yield make
    for root, folder in made:
        while folder != root:
            for child in folder.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
            folder.rmdir()
            folder = folder.parent


def test_stubs_are_found_with_modules(tmp_path: Path) -> None:
    _touch(tmp_path, "pkg/__init__.py", "pkg/__init__.pyi", "pkg/m.pyi", "n.pyc")
    assert _found(tmp_path) == ["pkg/__init__.py", "pkg/__init__.pyi", "pkg/m.pyi"]


def test_skipped_folders_and_stable_order(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "z.py",
        "b/a.py",
        "a/b.py",
        "a/.hidden.py",
        ".git/c.py",
        "build/d.py",
        "dist/e.py",
        "node_modules/f.py",
        "site-packages/g.py",
        "a/__pycache__/h.py",
    )
    assert _found(tmp_path) == ["a/b.py", "b/a.py", "z.py"]


def test_a_folder_link_loop_is_walked_once(tmp_path: Path) -> None:
    _touch(tmp_path, "pkg/m.py")
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path / "pkg", target_is_directory=True)
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    assert _found(tmp_path) == ["pkg/m.py"]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    _touch(tmp_path, "real/m.py")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "link.py").symlink_to(tmp_path / "real" / "m.py")
    assert _found(tmp_path) == ["real/m.py"]  # its own path, not a link's
    named = _found(tmp_path, tmp_path / "alias" / "m.py", tmp_path)
    assert named == ["alias/m.py"]  # the path named first


def test_a_linked_file_keeps_the_path_of_its_link(tmp_path: Path) -> None:
    """Writes go through the link, so the link is what is reported."""
    _touch(tmp_path, "elsewhere/m.py")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "m.py").symlink_to(tmp_path / "elsewhere" / "m.py")
    assert _found(tmp_path, tmp_path / "src") == ["src/m.py"]


def test_dangling_links_and_odd_entries_are_skipped(tmp_path: Path) -> None:
    _touch(tmp_path, "m.py")
    (tmp_path / "gone.py").symlink_to(tmp_path / "missing.py")
    (tmp_path / "gone").symlink_to(tmp_path / "missing", target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.py")
    assert _found(tmp_path) == ["m.py"]


def test_1100_nested_folders(tmp_path: Path, deep) -> None:
    inner = deep(tmp_path, 1100)
    (inner / "m.py").write_text("x = 1\n")
    found = list(iter_python_files([tmp_path]))
    assert found == [inner / "m.py"]


def test_an_unreadable_folder_is_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _touch(tmp_path, "closed/m.py")
    scandir = os.scandir

    def refuse(path: Path) -> object:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(ProxydocError, match="closed: cannot read: Permission denied"):
        list(iter_python_files([tmp_path]))


@pytest.mark.parametrize("command", ["generate", "check", "lint"])
def test_each_command_walks_a_deep_tree(project: Path, run, deep, command: str) -> None:
    inner = deep(project, 1100)
    (inner / "m.py").write_text('def f(a):\n    """:paramref:`b`."""\n')
    result = run(command, "--no-progress", str(project / "d"))
    assert "Traceback" not in result.err
    if command == "lint":
        assert result.status == 1
        assert result.out.endswith(
            "m.py:2: PXD001 :paramref:`b` names no parameter 'b' of f\n"
        )
    else:
        assert result.status == 0
        assert "1 files" in result.err


def test_lint_reports_a_file_in_a_link_loop_once(project: Path, run) -> None:
    (project / "pkg").mkdir()
    (project / "pkg" / "m.py").write_text('def f(a):\n    """:paramref:`b`."""\n')
    (project / "pkg" / "loop").symlink_to(project / "pkg", target_is_directory=True)
    result = run("lint", "pkg")
    assert result.out.splitlines() == [
        "pkg/m.py:2: PXD001 :paramref:`b` names no parameter 'b' of f"
    ]
    assert "1 files, 1 problems" in result.err


def test_stubs_are_linted(project: Path, run) -> None:
    (project / "m.pyi").write_text('def f(a: int) -> None:\n    """:paramref:`b`."""\n')
    result = run("lint", ".")
    assert result.out.splitlines() == [
        "m.pyi:2: PXD001 :paramref:`b` names no parameter 'b' of f"
    ]


def test_stubs_are_read_by_check_and_generate(project: Path, run) -> None:
    """A stub with a proxy region is regenerated like the module it copies."""
    (project / "facade_config.py").unlink()  # needs its own configuration
    shutil.copy(project / "facade_decorated.py", project / "facade_decorated.pyi")
    result = run("generate", "--no-progress")
    assert result.status == 0, result.err
    assert "2 files, 2 rewritten" in result.err
    module = (project / "facade_decorated.py").read_text()
    assert (project / "facade_decorated.pyi").read_text() == module
    result = run("check", "--no-progress")
    assert result.status == 0, result.out + result.err
    assert "2 files, 0 stale" in result.err
