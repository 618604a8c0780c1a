"""A rewritten file keeps its identity: hard links, owner, group and mode stay;
a read-only file, or one edited since it was read, is refused and left as it is."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import ping_facade, ping_target

as_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="giving a file another owner needs root",
)
OTHER, THIRD = 1234, 1235  # users (and groups) that are not this process's
GENERATED = "def ping(self) -> str:"
SUMMARY = "proxydoc generate: 1 files, 0 rewritten, 1 with errors"


@pytest.fixture(autouse=True)
def _forget_targets() -> Iterator[None]:
    yield
    for name in [n for n in sys.modules if n.startswith("pxdid_")]:
        del sys.modules[name]


def make_facade(folder: Path, name: str = "facade_id", *, prelude: str = "") -> Path:
    """*name*.py proxying ``Target.ping`` of pxdid_<name>, which runs *prelude*."""
    module = f"pxdid_{name}"
    (folder / f"{module}.py").write_text(ping_target(prelude=prelude))
    path = folder / f"{name}.py"
    path.write_text(ping_facade(module))
    return path


def owner(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)


def test_every_hard_link_shows_the_new_text(project: Path, run) -> None:
    facade = make_facade(project)
    other = project / "other_name.txt"
    os.link(facade, other)
    inode = facade.stat().st_ino
    result = run("generate", "--no-progress", str(facade))
    assert result.status == 0, result.err
    assert GENERATED in facade.read_text()
    assert other.read_bytes() == facade.read_bytes()
    assert facade.stat().st_ino == inode == other.stat().st_ino
    assert facade.stat().st_nlink == 2


def test_a_symlink_to_a_hard_linked_file_stays_a_link(project: Path, run) -> None:
    real = make_facade(project)
    other = project / "other_name.txt"
    os.link(real, other)
    link = project / "link.py"
    link.symlink_to(real.name)
    result = run("generate", "--no-progress", str(link))
    assert result.status == 0, result.err
    assert link.is_symlink() and os.readlink(link) == real.name
    assert GENERATED in other.read_text()
    assert other.read_bytes() == real.read_bytes()


@as_root
@pytest.mark.parametrize(
    "mode", [0o644, 0o6755, 0o2640], ids=lambda mode: f"{mode:04o}"
)
def test_owner_group_and_mode_are_kept(project: Path, run, mode: int) -> None:
    facade = make_facade(project)
    os.chown(facade, OTHER, OTHER)
    os.chmod(facade, mode)  # after chown, which clears setuid and setgid
    result = run("generate", "--no-progress", str(facade))
    assert result.status == 0, result.err
    assert GENERATED in facade.read_text()
    assert owner(facade) == (OTHER, OTHER, mode)
    assert not [p.name for p in project.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o555], ids=lambda mode: f"{mode:04o}")
def test_a_read_only_file_is_refused(project: Path, run, mode: int) -> None:
    facade = make_facade(project)
    os.chmod(facade, mode)
    before = facade.read_bytes()
    uid, gid, _ = owner(facade)
    assert run("check", "--no-progress", str(facade)).status == 1  # reading is fine
    result = run("generate", "--no-progress", str(facade))
    assert result.status == 2
    assert result.err.splitlines() == [
        f"facade_id.py: read-only (mode {mode:04o}, owner {uid}:{gid}): nothing "
        "written; make it writable to regenerate it",
        SUMMARY,
    ]
    assert facade.read_bytes() == before
    assert owner(facade) == (uid, gid, mode)


#: A target module whose import, during ``generate``, saves an edit of the facade.
EDITS_THE_FACADE = """\
from pathlib import Path

with Path(__file__).with_name("facade_id.py").open("a") as _facade:
    _facade.write("# saved while proxydoc ran\\n")
"""


@pytest.mark.parametrize("links", [1, 2])
def test_an_edit_saved_during_the_run_is_kept(project: Path, run, links: int) -> None:
    facade = make_facade(project, prelude=EDITS_THE_FACADE)
    if links == 2:  # written in place, not replaced: checked all the same
        os.link(facade, project / "other_name.txt")
    before = facade.read_text()
    result = run("generate", "--no-progress", str(facade))
    assert result.status == 2
    assert result.err.splitlines() == [
        "facade_id.py: changed on disk since proxydoc read it: nothing written; "
        "run 'proxydoc generate' again",
        SUMMARY,
    ]
    assert facade.read_text() == before + "# saved while proxydoc ran\n"


def test_a_file_deleted_during_the_run_is_not_made_again(project: Path, run) -> None:
    facade = make_facade(
        project,
        prelude='from pathlib import Path\nPath(__file__).with_name("facade_id.py").unlink()\n',
    )
    result = run("generate", "--no-progress", str(facade))
    assert result.status == 2
    assert result.err.splitlines() == [
        "facade_id.py: changed on disk since proxydoc read it: nothing written; "
        "run 'proxydoc generate' again",
        SUMMARY,
    ]
    assert not facade.exists()


# -- As a user who may write the file but not give a new file its owner -----


@contextlib.contextmanager
def as_user(uid: int) -> Iterator[None]:
    """Run the block with *uid* as effective user and group (real ids stay root)."""
    os.setegid(uid)
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared(samples_on_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder every user may add files to, as the working folder."""
    folder = Path(tempfile.mkdtemp())
    os.chmod(folder, 0o777)
    (folder / "pyproject.toml").write_text("[tool.proxydoc]\n")
    monkeypatch.chdir(folder)
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    shutil.rmtree(folder)


@as_root
def test_a_file_of_another_owner_is_written_in_place(shared: Path, run) -> None:
    facade = make_facade(shared)
    os.chown(facade, THIRD, THIRD)
    os.chmod(facade, 0o666)  # writable by the user that runs proxydoc
    inode = facade.stat().st_ino
    with as_user(OTHER):
        result = run("generate", "--no-progress", str(facade))
    assert result.status == 0, result.err
    assert GENERATED in facade.read_text()
    assert owner(facade) == (THIRD, THIRD, 0o666)
    assert facade.stat().st_ino == inode


@as_root
def test_a_file_this_user_may_not_write_is_refused(shared: Path, run) -> None:
    facade = make_facade(shared)
    os.chown(facade, THIRD, THIRD)
    os.chmod(facade, 0o644)  # the folder is writable, the file is not
    before = facade.read_bytes()
    with as_user(OTHER):
        result = run("generate", "--no-progress", str(facade))
    assert result.status == 2
    assert result.err.splitlines() == [
        f"facade_id.py: read-only (mode 0644, owner {THIRD}:{THIRD}): nothing "
        "written; make it writable to regenerate it",
        SUMMARY,
    ]
    assert facade.read_bytes() == before
    assert owner(facade) == (THIRD, THIRD, 0o644)


@as_root
def test_a_file_in_a_folder_this_user_may_not_add_to_is_written_in_place(
    shared: Path, run
) -> None:
    facade = make_facade(shared)
    os.chown(facade, OTHER, OTHER)  # this user's own file ...
    os.chmod(shared, 0o755)  # ... in a folder of root's
    inode = facade.stat().st_ino
    with as_user(OTHER):
        result = run("generate", "--no-progress", str(facade))
    assert result.status == 0, result.err
    assert GENERATED in facade.read_text()
    assert owner(facade) == (OTHER, OTHER, 0o644)
    assert facade.stat().st_ino == inode
