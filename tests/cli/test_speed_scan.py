"""Shortcuts taken for facades of thousands of proxies give the answers of the
plain code they replace: classes found from statements alone, free names
memoised per expression, target modules parsed with the collector paused."""

from __future__ import annotations

import ast
import builtins
import gc
from pathlib import Path

import pytest

from proxydoc.cli._facades import class_defs
from proxydoc.cli._sources import expr_text, parse_module, split_lines
from proxydoc.cli._targets import _free_names

NESTED = """\
class A:
    class B:
        pass
    def f(self, x=lambda: 1):
        try:
            class C: pass
        except ValueError:
            class B: pass
        else:
            class D: pass
        finally:
            class E: pass
        match x:
            case [1]:
                class F: pass
            case _:
                class A: pass
        with x:
            for i in x:
                class G: pass
            else:
                class H: pass
if x:
    class I: pass
else:
    class B: pass
def g():
    class J:
        class K: pass
class L: pass
"""


def _walked(tree: ast.AST) -> list[ast.ClassDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]


def test_class_defs_is_ast_walk_restricted_to_classes() -> None:
    tree = ast.parse(NESTED)
    found = list(class_defs(tree))
    assert found == _walked(tree)
    assert [n.name for n in found][:3] == ["A", "L", "B"]


@pytest.mark.parametrize(
    "name",
    ["ast", "inspect", "dataclasses", "typing", "argparse", "asyncio/base_events"],
)
def test_class_defs_on_the_standard_library(name: str) -> None:
    path = Path(ast.__file__).parent / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert list(class_defs(tree)) == _walked(tree)


def _free_names_plain(expression: str) -> set[str]:
    tree = ast.parse(expression, mode="eval")
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    return names - set(dir(builtins))


EXPRESSIONS = [
    "int",
    "Optional[int]",
    "dict[str, Sequence[Foo]] | None",
    "x.y.z",
    "lambda a: a + b",
    "[i for i in range(n)]",
    "'a string'",
    "1",
    "__name__",
    "Foo(len=len, bar=Bar)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_free_names_as_before(expression: str) -> None:
    assert _free_names(expression) == _free_names_plain(expression)
    assert _free_names(expression) == _free_names_plain(expression)  # memoised


def test_free_names_follow_the_builtins_of_now(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _free_names("Foo | int") == {"Foo"}
    monkeypatch.setattr(builtins, "Foo", 1, raising=False)
    assert _free_names("Foo | int") == set() == _free_names_plain("Foo | int")
    monkeypatch.delattr(builtins, "Foo")
    assert _free_names("Foo | int") == {"Foo"} == _free_names_plain("Foo | int")


def test_free_names_ask_a_dir_of_the_builtins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builtins, "__dir__", lambda: ["Foo"], raising=False)
    assert _free_names("Foo | int") == {"int"} == _free_names_plain("Foo | int")


def test_free_names_of_a_bad_expression_raise_each_time() -> None:
    for _ in range(2):
        with pytest.raises(SyntaxError):
            _free_names("a b")


def test_expr_text_slices_by_utf8_columns() -> None:
    source = "def f(a: 'é' = 'ü', b: int = 1, c: X = x[0]): pass\n"
    tree = ast.parse(source)
    lines = split_lines(source)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    args = func.args
    nodes = [a.annotation for a in args.args] + list(args.defaults)
    texts = [expr_text(n, lines) for n in nodes if n is not None]
    assert texts == ["'é'", "int", "X", "'ü'", "1", "x[0]"]
    plain = source.replace("é", "e").replace("ü", "u")
    func = ast.parse(plain).body[0]
    assert isinstance(func, ast.FunctionDef)
    assert expr_text(func.args.defaults[0], split_lines(plain)) == "'u'"


@pytest.mark.parametrize("enabled", [True, False])
def test_parse_module_leaves_the_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        tree = parse_module("x = 1\n", "<x>")
        assert gc.isenabled() is enabled
        with pytest.raises(SyntaxError):
            parse_module("x = = 1\n", "<x>")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    assert ast.dump(tree) == ast.dump(ast.parse("x = 1\n"))
