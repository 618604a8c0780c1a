"""The exact text of each error of the ``proxydoc`` command, from real runs.

Each case writes a small project (a facade, maybe a target module, maybe a
``[tool.proxydoc]`` table), runs ``proxydoc check`` or ``generate`` on it and
compares stderr line for line.  Stub-region and region-marker messages of
``cli._stubs`` and ``cli._regions.find_marked_region`` are in test_stubs.py.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SUMMARY_ERROR = "proxydoc {command}: 1 files, 0 {verb}, 1 with errors"


@pytest.fixture(autouse=True)
def _forget_target_modules() -> Iterator[None]:
    """Each test writes its own ``msg_*`` target modules; none outlives it."""
    yield
    for name in [n for n in sys.modules if n.startswith("msg_")]:
        del sys.modules[name]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """*text*, dedented, as the file *name* of *folder*."""
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding=encoding)
    return path


def errors_of(result: Any, command: str = "check") -> list[str]:
    """The lines a run printed on stderr, less its summary of one failed file."""
    verb = "stale" if command == "check" else "rewritten"
    lines = result.err.splitlines()
    assert result.status == 2, result.err
    assert lines[-1] == SUMMARY_ERROR.format(command=command, verb=verb)
    return lines[:-1]


# -- [tool.proxydoc] in pyproject.toml ---------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[tool]\nproxydoc = 1\n", "[tool.proxydoc]: must be a table"),
        (
            '[tool.proxydoc]\npaths = "src"\n',
            "[tool.proxydoc]: paths must be a list of strings",
        ),
        (
            "[tool.proxydoc]\nimport_paths = ['src', 3]\n",
            "[tool.proxydoc]: import_paths must be a list of strings",
        ),
        (
            "[tool.proxydoc]\nformatter = ['ruff', 'format', '-']\n",
            "[tool.proxydoc]: formatter must be a string",
        ),
        (
            '[tool.proxydoc]\nheader = "# generated\\nby proxydoc"\n',
            "[tool.proxydoc]: header lines must be comments",
        ),
        (
            "[tool.proxydoc]\nline_length = 20\n",
            "[tool.proxydoc]: line_length must be an integer above 20",
        ),
        (
            "[tool.proxydoc]\nline_length = true\n",
            "[tool.proxydoc]: line_length must be an integer above 20",
        ),
        (
            "[tool.proxydoc]\nproxies = ['facade:Facade']\n",
            "[tool.proxydoc]: proxies must be a table",
        ),
        (
            "[tool.proxydoc.proxies.Facade]\ntarget = 'pxdsample.target:Engine'\n",
            "[tool.proxydoc].proxies.\"Facade\": the key must be 'package.module:Class'",
        ),
        (
            "[tool.proxydoc.proxies]\n'facade:Facade' = 'pxdsample.target:Engine'\n",
            '[tool.proxydoc].proxies."facade:Facade": must be a table',
        ),
        (
            "[tool.proxydoc.proxies.'facade:Facade']\n"
            "target = 'pxdsample.target:Engine'\nmethods = 'run'\n",
            '[tool.proxydoc].proxies."facade:Facade": methods must be a list of strings',
        ),
        (
            "[tool.proxydoc.proxies.'facade:Facade']\n"
            "target = 'pxdsample.target:Engine'\ntarget_name = 3\n",
            '[tool.proxydoc].proxies."facade:Facade": target_name must be a string',
        ),
        (
            "[tool.proxydoc]\nstubs = 'op.pyi'\n",
            "[tool.proxydoc]: stubs must be a table",
        ),
        (
            "[tool.proxydoc.stubs]\nop = 'op.pyi'\n",
            '[tool.proxydoc].stubs."op": must be a table',
        ),
    ],
)
def test_config_messages(
    project: Path, run: Callable[..., Any], toml: str, message: str
) -> None:
    pyproject = write(project, "pyproject.toml", toml)
    result = run("check", "--no-progress")
    assert result.status == 2
    assert result.err == f"proxydoc: error: {pyproject}: {message}\n"


# -- The decorator that declares a facade ------------------------------------

DECORATED = '''\
from pxdsample.target import Engine
from pxdsample.util import create_proxy_methods


@create_proxy_methods({arguments})
class Facade:
    """A facade."""

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
'''


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            'Engine, ":class:`.Engine`"',
            "the proxy decorator needs (Target, target_name, facade_name)",
        ),
        (
            'Engine, ENGINE, ":class:`.Facade`"',
            "the Sphinx names of the two classes must be string literals",
        ),
        ('Engine, "E", "F", method=["run"]', "unknown keyword 'method'"),
        (
            'Engine, "E", "F", methods="run"',
            "methods must be a list of string literals",
        ),
        (
            'Engine, "E", "F", attributes=[NAME]',
            "attributes must be a list of string literals",
        ),
        ('Motor, "E", "F"', "cannot tell where Motor is imported from"),
        ('engines[0], "E", "F"', "cannot tell where engines[0] is imported from"),
    ],
)
def test_decorator_messages(
    project: Path, run: Callable[..., Any], arguments: str, message: str
) -> None:
    write(project, "facade_x.py", DECORATED.format(arguments=arguments))
    result = run("check", "facade_x.py")
    assert errors_of(result) == [f"facade_x.py:5: {message}"]


def test_region_of_an_undeclared_class(project: Path, run: Callable[..., Any]) -> None:
    write(
        project,
        "facade_x.py",
        '''\
        class Plain:
            """Not a facade."""

            # START PROXY METHODS Plain
            # END PROXY METHODS Plain
        ''',
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:4: no proxy declaration for class Plain "
        "(decorator create_proxy_methods() or [tool.proxydoc.proxies])"
    ]


# -- Markers -----------------------------------------------------------------


def test_marker_after_code(project: Path, run: Callable[..., Any]) -> None:
    write(
        project,
        "facade_x.py",
        DECORATED.format(arguments='Engine, "E", "F"').replace(
            "    # START", "    x = 1  # START"
        ),
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:9: a marker must be alone on its line"
    ]


def test_second_region_for_one_class(project: Path, run: Callable[..., Any]) -> None:
    text = DECORATED.format(arguments='Engine, "E", "F", methods=["describe"]')
    write(
        project,
        "facade_x.py",
        text + "\n    # START PROXY METHODS Facade\n    # END PROXY METHODS Facade\n",
    )
    assert errors_of(run("check", "facade_x.py")) == [
        "facade_x.py:12: second region for class Facade"
    ]
