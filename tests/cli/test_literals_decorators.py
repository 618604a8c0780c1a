"""Names the proxies use at run time are ones the facade's module binds, or refused.

A target's ``@typing.overload`` (or ``@t.overload``) is written the way the
facade's module spells ``overload``, and a config-declared facade calls its
target class the way its module imports it; with no such name, ``generate``
stops with the import to add instead of writing code that fails when run.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import replace
from pathlib import Path

import pytest

from proxydoc.cli._facades import bound_names
from proxydoc.cli._sources import split_lines
from proxydoc.cli._targets import Method, bind_defaults, signature_from_ast


def overloaded(*decorators: str) -> Method:
    """A method ``m`` with one ``@overload`` variant carrying *decorators*."""
    source = "def m(self, x: int) -> int: ...\n"
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    variant = replace(
        signature_from_ast(node, split_lines(source)), decorators=decorators
    )
    return Method("m", "method", variant, (variant,), None)


@pytest.mark.parametrize(
    ("written", "bound", "expected"),
    [
        ("typing.overload", {"overload", "typing"}, "overload"),
        ("t.overload", {"overload"}, "overload"),
        ("overload", {"typing"}, "typing.overload"),
        ("typing.overload", {"typing_extensions"}, "typing_extensions.overload"),
    ],
)
def test_overload_is_spelled_as_the_facade_binds_it(
    written: str, bound: set[str], expected: str
) -> None:
    method = bind_defaults(overloaded(written), bound)
    assert method.overloads[0].decorators == (expected,)


@pytest.mark.parametrize("written", ["overload", "typing.overload", "t.overload"])
def test_overload_the_facade_does_not_bind_is_refused(written: str) -> None:
    with pytest.raises(LookupError) as info:
        bind_defaults(overloaded(written), {"t", "Any"})
    message = str(info.value.args[0])
    assert "m()" in message
    assert "from typing import overload" in message


def test_other_decorators_must_be_bound() -> None:
    method = overloaded("overload", "classmethod", "deprecated('old')")
    with pytest.raises(LookupError) as info:
        bind_defaults(method, {"overload"})
    assert "@deprecated('old')" in str(info.value.args[0])
    assert "deprecated" in str(info.value.args[0])
    kept = bind_defaults(method, {"overload", "deprecated"})
    assert kept.overloads[0].decorators == (
        "overload",
        "classmethod",
        "deprecated('old')",
    )


# -- Through ``proxydoc generate`` -------------------------------------------

TARGET = '''\
import typing as t


class Target:
    @t.overload
    def get(self, key: int) -> int: ...

    @t.overload
    def get(self, key: str) -> str: ...

    def get(self, key: int | str) -> int | str:
        """Get a value."""
        return key
'''
FACADE = """\
from __future__ import annotations
{imports}
from facade_ovl_target import Target
from pxdsample.util import create_proxy_methods


@create_proxy_methods(Target, ":class:`.Target`", ":class:`.Facade`", methods=["get"])
class Facade:
    def __init__(self, target: Target) -> None:
        self._proxied = target

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
"""


@pytest.fixture
def facade(project: Path) -> Path:
    (project / "facade_ovl_target.py").write_text(TARGET, encoding="utf-8")
    return project / "facade_ovl.py"


@pytest.mark.parametrize(
    ("imports", "decorator"),
    [
        ("import typing", "    @typing.overload\n"),
        ("from typing import overload", "    @overload\n"),
    ],
)
def test_generated_overloads_import(
    facade: Path, run, imports: str, decorator: str
) -> None:
    facade.write_text(FACADE.format(imports=imports), encoding="utf-8")
    result = run("generate", str(facade))
    assert result.status == 0, result.err
    text = facade.read_text(encoding="utf-8")
    assert text.count(decorator) == 2
    module = importlib.import_module("facade_ovl")
    target = importlib.import_module("facade_ovl_target").Target()
    assert module.Facade(target).get("k") == "k"


def test_overloads_without_an_import_are_refused(facade: Path, run) -> None:
    facade.write_text(FACADE.format(imports=""), encoding="utf-8")
    before = facade.read_bytes()
    result = run("generate", str(facade))
    assert result.status == 2
    assert "facade_ovl.py:7: " in result.err
    assert "from typing import overload" in result.err
    assert "Traceback" not in result.err
    assert facade.read_bytes() == before


@pytest.mark.parametrize("guard", ["TYPE_CHECKING", "typing.TYPE_CHECKING"])
def test_names_imported_for_type_checkers_only_are_not_bound(guard: str) -> None:
    tree = ast.parse(
        "import typing\n"
        "from typing import TYPE_CHECKING\n"
        f"if {guard}:\n"
        "    from typing import overload\n"
        "else:\n"
        "    from typing_extensions import final\n"
        "try:\n"
        "    from typing import Any\n"
        "except ImportError:\n"
        "    pass\n"
    )
    assert bound_names(tree) == {"typing", "TYPE_CHECKING", "final", "Any"}


def test_overload_imported_for_type_checkers_only_is_refused(facade: Path, run) -> None:
    imports = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from typing import overload\n"
    facade.write_text(FACADE.format(imports=imports), encoding="utf-8")
    before = facade.read_bytes()
    result = run("generate", str(facade))
    assert result.status == 2
    assert "from typing import overload" in result.err
    assert facade.read_bytes() == before


# -- The target class, as a config-declared facade's module spells it ---------

CONFIG_FACADE = """\
from __future__ import annotations
{imports}


class Plain:
    def __init__(self, engine: object) -> None:
        self._proxied = engine

    # START PROXY METHODS Plain
    # END PROXY METHODS Plain
"""


def _config_project(project: Path, imports: str, classmethods: str) -> Path:
    (project / "pyproject.toml").write_text(
        "[tool.proxydoc]\n\n"
        '[tool.proxydoc.proxies."facade_cfg:Plain"]\n'
        "target = 'pxdsample.target:Engine'\n"
        f"methods = ['describe']\nclassmethods = [{classmethods}]\n"
    )
    path = project / "facade_cfg.py"
    path.write_text(CONFIG_FACADE.format(imports=imports), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("imports", "callee"),
    [
        ("from pxdsample.target import Engine", "Engine.connect("),
        ("from pxdsample.target import Engine as E", "E.connect("),
        ("import pxdsample.target", "pxdsample.target.Engine.connect("),
        ("import pxdsample.target as t", "t.Engine.connect("),
    ],
)
def test_config_facades_call_the_target_as_their_module_binds_it(
    project: Path, run, imports: str, callee: str
) -> None:
    """The first name binding the class at runtime is the callee; the
    annotations copied from the target (``Any``, ``-> Engine``) need their
    names, for type checkers at least."""
    imports = (
        f"from typing import TYPE_CHECKING, Any\n{imports}\nif TYPE_CHECKING:\n"
        "    from pxdsample.target import Engine"
    )
    path = _config_project(project, imports, "'connect'")
    result = run("generate", str(path))
    assert result.status == 0, result.err
    assert f"return {callee}url, *args, **kw)" in path.read_text(encoding="utf-8")
    facade = importlib.import_module("facade_cfg")
    assert facade.Plain.connect("sqlite://").name == "sqlite://"


@pytest.mark.parametrize(
    "imports",
    [
        "",
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pxdsample.target import Engine",
    ],
    ids=["no-import", "type-checking-only"],
)
def test_config_facades_that_do_not_bind_the_target_are_refused(
    project: Path, run, imports: str
) -> None:
    path = _config_project(project, imports, "'connect'")
    before = path.read_bytes()
    result = run("generate", str(path))
    assert result.status == 2
    line = 5 + imports.count("\n")
    assert f"facade_cfg.py:{line}: the proxy of connect() calls the target class" in (
        result.err
    )
    assert "add 'from pxdsample.target import Engine'" in result.err
    assert path.read_bytes() == before
    # methods alone call self._proxied: no import needed
    path = _config_project(project, imports, "")
    assert run("generate", str(path)).status == 0
