"""``proxydoc lint`` reads the module prefixes of the Sphinx ``conf.py``.

One table serves both: the build reads ``proxydoc_module_prefixes`` (or
``zzzeeksphinx_module_prefixes``) from ``conf.py``; lint parses that file,
never runs it, and merges ``[tool.proxydoc] module_prefixes`` over it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

SESSION = '''\
class Session:
    def close(self, close_resets_only: bool = True) -> None:
        """Close.

        :param close_resets_only: reset only.
        """
'''

USER = '''\
def helper() -> None:
    """See :paramref:`_orm.Session.close.close_resets_only`."""
'''

UNRESOLVED = "PXD002 :paramref:`_orm.Session.close.close_resets_only`"


@pytest.fixture
def orm_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``mylib.orm.session.Session`` and a module that links it as ``_orm``."""
    package = tmp_path / "mylib" / "orm"
    package.mkdir(parents=True)
    (tmp_path / "mylib" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("from .session import Session\n")
    (package / "session.py").write_text(SESSION)
    (tmp_path / "user.py").write_text(USER)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def pyproject(project: Path, extra: str = "") -> None:
    write(project / "pyproject.toml", f'[tool.proxydoc]\nimport_paths = ["."]\n{extra}')


def test_without_any_prefix_table_the_target_is_not_found(orm_project, run) -> None:
    pyproject(orm_project)
    result = run("lint", "user.py")
    assert result.status == 1
    assert UNRESOLVED in result.out


@pytest.mark.parametrize("where", ["docs/conf.py", "conf.py", "doc/conf.py"])
def test_prefixes_only_in_a_found_conf_py(orm_project, run, where: str) -> None:
    pyproject(orm_project)
    write(orm_project / where, 'proxydoc_module_prefixes = {"_orm": "mylib.orm"}\n')
    result = run("lint", "user.py")
    assert result.status == 0, result.out + result.err
    assert "1 files, 0 problems, 0 with errors\n" in result.err


def test_sphinx_conf_names_the_file(orm_project, run) -> None:
    pyproject(orm_project, 'sphinx_conf = "site/source/conf.py"\n')
    write(
        orm_project / "site/source/conf.py",
        'zzzeeksphinx_module_prefixes = {"_orm": "mylib.orm"}\n',
    )
    assert run("lint", "user.py").status == 0


def test_sphinx_conf_false_reads_none(orm_project, run) -> None:
    pyproject(orm_project, "sphinx_conf = false\n")
    write(
        orm_project / "docs/conf.py",
        'proxydoc_module_prefixes = {"_orm": "mylib.orm"}\n',
    )
    result = run("lint", "user.py")
    assert result.status == 1
    assert UNRESOLVED in result.out


def test_sphinx_conf_that_names_no_file_is_an_error(orm_project, run) -> None:
    pyproject(orm_project, 'sphinx_conf = "nowhere/conf.py"\n')
    result = run("lint", "user.py")
    assert result.status == 2
    assert "sphinx_conf: no such file: 'nowhere/conf.py'" in result.err


@pytest.mark.parametrize("value", ["true", "3", '["docs/conf.py"]'])
def test_sphinx_conf_of_another_type_is_an_error(orm_project, run, value) -> None:
    pyproject(orm_project, f"sphinx_conf = {value}\n")
    result = run("lint", "user.py")
    assert result.status == 2
    assert (
        "[tool.proxydoc]: sphinx_conf must be a path to conf.py, or false" in result.err
    )


def test_pyproject_wins_per_token(orm_project, run) -> None:
    """conf.py's zzzeeksphinx table, then its proxydoc table, then pyproject."""
    pyproject(orm_project, 'module_prefixes = { _orm = "mylib.orm" }\n')
    write(
        orm_project / "docs/conf.py",
        """\
        zzzeeksphinx_module_prefixes = {"_orm": "elsewhere", "_s": "elsewhere"}
        proxydoc_module_prefixes = {"_s": "mylib.orm.session", "_orm": "elsewhere"}
        """,
    )
    (orm_project / "user.py").write_text(
        USER
        + 'def other() -> None:\n    """:paramref:`_s.Session.close.close_resets_only`"""\n'
    )
    result = run("lint", "user.py")
    assert result.status == 0, result.out + result.err


def test_a_computed_value_is_a_note_and_pyproject_is_used(orm_project, run) -> None:
    pyproject(orm_project)
    write(
        orm_project / "docs/conf.py",
        """\
        import os

        proxydoc_module_prefixes = dict(_orm=os.environ.get("ORM", "mylib.orm"))
        """,
    )
    result = run("lint", "user.py")
    assert result.status == 1
    assert UNRESOLVED in result.out
    assert (
        "docs/conf.py:3: note: proxydoc_module_prefixes is not a literal; lint does "
        "not run conf.py, so it uses [tool.proxydoc] module_prefixes alone for it"
    ) in result.err
    assert "1 problems, 0 with errors, 1 notes" in result.err
    # and with the table in pyproject, the note stays but the link resolves
    pyproject(orm_project, 'module_prefixes = { _orm = "mylib.orm" }\n')
    result = run("lint", "user.py")
    assert result.status == 0
    assert "docs/conf.py:3: note: proxydoc_module_prefixes is not a literal" in (
        result.err
    )


@pytest.mark.parametrize(
    ("after", "line", "why"),
    [
        ('proxydoc_module_prefixes.update({"_x": "y"})', 2, "is changed in place"),
        ('proxydoc_module_prefixes["_x"] = "y"', 2, "is changed in place"),
        (
            'proxydoc_module_prefixes |= {"_x": "y"}',
            2,
            "is changed by an augmented assignment",
        ),
        (
            'if True:\n    proxydoc_module_prefixes = {"_x": "y"}',
            3,
            "is assigned inside a block",
        ),
    ],
)
def test_a_later_change_is_a_note(orm_project, run, after, line, why) -> None:
    pyproject(orm_project)
    (orm_project / "conf.py").write_text(
        f'proxydoc_module_prefixes = {{"_orm": "mylib.orm"}}\n{after}\n'
    )
    result = run("lint", "user.py")
    assert f"conf.py:{line}: note: proxydoc_module_prefixes {why}" in result.err
    assert result.status == 1  # what it holds after the change is not known


def test_a_conf_py_that_would_stop_the_run_is_never_executed(orm_project, run) -> None:
    pyproject(orm_project)
    write(
        orm_project / "docs/conf.py",
        """\
        import pathlib, sys
        pathlib.Path(__file__).with_name("RAN").write_text("conf.py was executed")
        import project_that_is_not_installed
        proxydoc_module_prefixes = {"_orm": "mylib.orm"}
        sys.exit(3)
        raise RuntimeError("conf.py was executed")
        """,
    )
    result = run("lint", "user.py")
    assert result.status == 0, result.out + result.err
    assert not (orm_project / "docs/RAN").exists()


def test_a_conf_py_that_does_not_parse_is_a_note(orm_project, run) -> None:
    pyproject(orm_project, 'module_prefixes = { _orm = "mylib.orm" }\n')
    write(orm_project / "docs/conf.py", "extensions = [\n")
    result = run("lint", "user.py")
    assert result.status == 0
    assert "docs/conf.py:1: note: cannot read module prefixes from it" in result.err


def test_invalid_entries_are_a_note_and_dropped(orm_project, run) -> None:
    pyproject(orm_project)
    write(
        orm_project / "docs/conf.py",
        'proxydoc_module_prefixes = {"_orm": "mylib.orm", "a.b": "c", "_n": 1}\n',
    )
    result = run("lint", "user.py")
    assert result.status == 0
    assert (
        "docs/conf.py:1: note: proxydoc_module_prefixes: ignoring entries that are "
        "not 'token': 'module' strings: 'a.b', '_n'"
    ) in result.err


def test_without_a_pyproject_table_conf_py_is_read_from_the_working_folder(
    orm_project, run
) -> None:
    write(
        orm_project / "docs/conf.py",
        'proxydoc_module_prefixes = {"_orm": "mylib.orm"}\n',
    )
    result = run("lint", "--import-path", ".", "user.py")
    assert result.status == 0, result.out + result.err
