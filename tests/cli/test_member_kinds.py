"""One kind of member each: the proxy ``generate`` writes is imported and called,
and does what calling the target does (or ``generate`` exits 2 and says why)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import itertools
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

_PACKAGES = itertools.count()

FACADE = """\
from typing import Any, AsyncIterator, Iterator

from {package}.target import Target


class Facade:
    def __init__(self, target: Target) -> None:
        self._proxied = target

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
"""


class Project:
    """A package ``pxdkindsN`` in *root*: a target module and a facade module."""

    def __init__(self, root: Path, run: Callable[..., Any]) -> None:
        self.root = root
        self.run = run
        self.package = f"pxdkinds{next(_PACKAGES)}"
        self.facade_path = root / self.package / "facade.py"

    def generate(self, target: str, **lists: list[str]) -> Any:
        """``proxydoc generate`` of the facade proxying *target*'s ``Target``."""
        folder = self.root / self.package
        folder.mkdir()
        (folder / "__init__.py").write_text("", encoding="utf-8")
        (folder / "target.py").write_text(textwrap.dedent(target), encoding="utf-8")
        self.facade_path.write_text(FACADE.format(package=self.package), "utf-8")
        entry = [f'[tool.proxydoc.proxies."{self.package}.facade:Facade"]']
        entry.append(f'target = "{self.package}.target:Target"')
        entry.extend(
            f"{key} = {value!r}".replace("'", '"') for key, value in lists.items()
        )
        (self.root / "pyproject.toml").write_text(
            "[tool.proxydoc]\n" + "\n".join(entry) + "\n", encoding="utf-8"
        )
        return self.run("generate", "--no-progress", str(self.facade_path))

    def facade(self) -> tuple[Any, Any]:
        """``(Facade, Target)``, both freshly imported."""
        module = importlib.import_module(f"{self.package}.facade")
        return module.Facade, sys.modules[f"{self.package}.target"].Target

    def text(self) -> str:
        return self.facade_path.read_text(encoding="utf-8")


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable[..., Any]
) -> Iterator[Project]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    made = Project(tmp_path, run)
    yield made
    for name in [n for n in sys.modules if n.split(".")[0] == made.package]:
        del sys.modules[name]


def generated(project: Project, target: str, **lists: list[str]) -> tuple[Any, Any]:
    done = project.generate(target, **lists)
    assert done.status == 0, done.err
    assert project.run("check", "--no-progress", str(project.facade_path)).status == 0
    return project.facade()


def test_an_async_generator_is_iterated_through_its_proxy(project: Project) -> None:
    """Before: ``return await self._proxied.agen(n)``, a TypeError under
    ``async for``; now the proxy returns the target's async generator."""
    facade_class, target_class = generated(
        project,
        """\
        from typing import AsyncIterator

        class Target:
            async def agen(self, n: int) -> AsyncIterator[int]:
                for i in range(n):
                    yield i
        """,
        methods=["agen"],
    )

    async def collect(agen: Any) -> list[int]:
        return [item async for item in agen]

    facade = facade_class(target_class())
    assert asyncio.run(collect(facade.agen(3))) == [0, 1, 2]
    assert "    def agen(self, n: int) -> AsyncIterator[int]:\n" in project.text()
    assert "return self._proxied.agen(n)\n" in project.text()


def test_a_coroutine_stays_a_coroutine_and_a_generator_a_generator(
    project: Project,
) -> None:
    facade_class, target_class = generated(
        project,
        """\
        class Target:
            async def run(self, x, *, times=2):
                return x * times

            def gen(self, n):
                yield from range(n)
        """,
        methods=["run", "gen"],
    )
    facade = facade_class(target_class())
    assert inspect.iscoroutinefunction(facade_class.run)
    assert asyncio.run(facade.run(3)) == 6
    assert list(facade.gen(2)) == [0, 1]


def test_a_classmethod_written_in_c_stays_a_classmethod(project: Project) -> None:
    """``dict.fromkeys`` on a dict subclass: before, a plain method whose first
    parameter, ``type``, took the facade."""
    facade_class, target_class = generated(
        project, "class Target(dict):\n    pass\n", classmethods=["fromkeys"]
    )
    made = facade_class.fromkeys("ab", 0)
    assert type(made) is target_class and made == {"a": 0, "b": 0}
    assert facade_class(target_class()).fromkeys("c") == {"c": None}
    assert "    @classmethod\n    def fromkeys(type, iterable, value=None, /):" in (
        project.text()
    )
    with pytest.raises(TypeError):
        facade_class.fromkeys()


def test_a_signature_a_decorator_declares_is_the_proxys(project: Project) -> None:
    """``__signature__`` adds the keyword ``flag``: before, the proxy had the
    parameters of the ``def`` only, and refused ``flag``."""
    facade_class, target_class = generated(
        project,
        """\
        import functools
        import inspect

        def with_flag(func):
            @functools.wraps(func)
            def wrapper(*args, flag=False, **kwargs):
                return flag, func(*args, **kwargs)
            sig = inspect.signature(func)
            extra = inspect.Parameter("flag", inspect.Parameter.KEYWORD_ONLY, default=False)
            wrapper.__signature__ = sig.replace(parameters=[*sig.parameters.values(), extra])
            return wrapper

        class Target:
            @with_flag
            def m(self, a: int, b: str = "b") -> str:
                return f"{a}{b}"
        """,
        methods=["m"],
    )
    facade = facade_class(target_class())
    assert facade.m(1, flag=True) == (True, "1b")
    assert str(inspect.signature(facade.m)) == str(inspect.signature(facade._proxied.m))
    assert list(inspect.signature(facade.m).parameters) == ["a", "b", "flag"]
    assert 'def m(self, a: int, b: str = "b", *, flag=False) -> str:' in (
        project.text()
    )


def test_a_keyword_a_wraps_wrapper_adds_is_the_proxys(project: Project) -> None:
    """A ``functools.wraps`` wrapper taking ``timeout``: ``inspect.signature``
    shows the wrapped function's parameters, the call takes ``timeout`` too."""
    facade_class, target_class = generated(
        project,
        """\
        import functools

        def with_timeout(func):
            @functools.wraps(func)
            def wrapper(*args, timeout=None, **kwargs):
                return timeout, func(*args, **kwargs)
            return wrapper

        class Target:
            @with_timeout
            def m(self, a, **options):
                return a, options

            @with_timeout
            @classmethod
            def c(cls, a):
                return a
        """,
        methods=["m"],
    )
    facade = facade_class(target_class())
    assert facade.m(1, timeout=5, x=2) == (5, (1, {"x": 2}))
    assert facade.m(1) == (None, (1, {}))
    assert "def m(self, a, *, timeout=None, **options):" in project.text()
    assert "return self._proxied.m(a, timeout=timeout, **options)" in project.text()


def test_a_wrapper_passing_everything_on_keeps_the_def_as_written(
    project: Project,
) -> None:
    """A wrapper of ``*args, **kwargs`` alone (``contextmanager``, ``wraps``)
    takes what the ``def`` takes: the proxy keeps its text."""
    facade_class, target_class = generated(
        project,
        """\
        import contextlib
        import functools
        from typing import Iterator

        def logged(func):
            @functools.wraps(func)
            def wrapper(*args, **kwargs):
                return func(*args, **kwargs)
            return wrapper

        class Target:
            @logged
            def m(self, a: int = 0x10) -> int:
                return a

            @contextlib.contextmanager
            def opened(self, name: str) -> Iterator[str]:
                yield name
        """,
        methods=["m", "opened"],
    )
    facade = facade_class(target_class())
    assert facade.m() == 16
    with facade.opened("x") as name:
        assert name == "x"
    assert "def m(self, a: int = 0x10) -> int:" in project.text()


def test_a_property_deleter_is_proxied(project: Project) -> None:
    """Before, the proxy had a getter and a setter only: ``del`` raised
    AttributeError where the target's deleter ran."""
    facade_class, target_class = generated(
        project,
        """\
        class Target:
            def __init__(self):
                self.values = {}

            @property
            def p(self):
                return self.values.get("p", "initial")

            @p.setter
            def p(self, value):
                self.values["p"] = value

            @p.deleter
            def p(self):
                del self.values["p"]

            @property
            def ro(self):
                return 1
        """,
        attributes=["p", "ro"],
    )
    target = target_class()
    facade = facade_class(target)
    facade.p = 3
    assert target.p == 3
    del facade.p
    assert target.p == "initial"
    with pytest.raises(KeyError):  # the target's deleter, run by the proxy
        del facade.p
    with pytest.raises(AttributeError):
        del facade.ro
    with pytest.raises(AttributeError):
        facade.ro = 2
    assert (
        "    @p.deleter\n    def p(self) -> None:\n        del self._proxied.p\n"
        in (project.text())
    )


def test_a_staticmethod_made_from_another_function_takes_no_self(
    project: Project,
) -> None:
    """No ``def`` of its name in the class: its signature is read at run time,
    and a static method's first parameter is not ``self``."""
    facade_class, target_class = generated(
        project,
        """\
        def _scale(*, by=2):
            return by * 10

        class Target:
            scale = staticmethod(_scale)
        """,
        classmethods=["scale"],
    )
    assert facade_class.scale() == 20
    assert facade_class.scale(by=3) == target_class.scale(by=3)
    assert "    @staticmethod\n    def scale(*, by=2):" in project.text()


def test_a_declared_default_that_cannot_be_written_is_refused(
    project: Project,
) -> None:
    """A faithful proxy needs the target's default: an ``object()`` sentinel in
    ``__signature__`` has no source text, so exit 2 at the facade, nothing
    written (before: the ``def``'s parameters, exit 0)."""
    done = project.generate(
        """\
        import functools
        import inspect

        _UNSET = object()

        def declared(func):
            @functools.wraps(func)
            def wrapper(self, *args, **kwargs):
                return func(self, *args, **kwargs)
            unset = inspect.Parameter("a", inspect.Parameter.KEYWORD_ONLY, default=_UNSET)
            self_param = inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)
            wrapper.__signature__ = inspect.Signature([self_param, unset])
            return wrapper

        class Target:
            @declared
            def m(self, **kwargs):
                return kwargs
        """,
        methods=["m"],
    )
    assert done.status == 2
    where = f"{project.package}/facade.py:6: "  # the facade class
    assert f"{where}m(): cannot write the default of a: its repr() " in done.err
    assert "# START PROXY METHODS Facade\n    # END PROXY METHODS" in project.text()


def test_a_callable_that_is_no_descriptor_is_called_without_the_instance(
    project: Project,
) -> None:
    """``helper = len`` or a callable object in the class body: the call passes
    no instance.  Before, its first parameter was taken for ``self``
    (``def helper(obj, /): return obj._proxied.helper()``)."""
    facade_class, target_class = generated(
        project,
        """\
        class _Adder:
            def __call__(self, b=1, *, c=0):
                return 10 + b + c

        class _Pair:
            def __call__(this, self, x=0):
                return self, x

        class Target:
            helper = len
            part = _Adder()
            pair = _Pair()
        """,
        methods=["helper", "part", "pair"],
    )
    facade = facade_class(target_class())
    assert facade.pair(1, x=2) == (1, 2)
    assert "    def pair(self_, /, self, x=0):\n" in project.text()
    assert facade.helper("abc") == 3
    assert facade.part(2, c=3) == target_class().part(2, c=3) == 15
    assert facade.part() == 11
    assert "    def helper(self, obj, /):\n" in project.text()
    assert "return self._proxied.part(b=b, c=c)\n" in project.text()


def test_a_stub_region_keeps_a_c_classmethod_a_classmethod(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable[..., Any]
) -> None:
    """Stub regions read the member kind the same way: in a class body,
    ``dict.fromkeys`` is written ``@classmethod`` (before: a plain method)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "pxdkinds_stub_target.py").write_text(
        "class Target(dict):\n    pass\n", encoding="utf-8"
    )
    facade = tmp_path / "pxdkinds_stub_facade.py"
    facade.write_text(
        "from pxdkinds_stub_target import Target\n\n\n"
        "class Facade:\n"
        '    """A facade."""\n\n'
        "    # START STUBS\n"
        "    # END STUBS\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        "[tool.proxydoc]\n"
        "[tool.proxydoc.stubs.kinds]\n"
        'file = "pxdkinds_stub_facade.py"\n'
        'target = "pxdkinds_stub_target:Target"\n'
        'start = "# START STUBS"\n'
        'end = "# END STUBS"\n'
        'members = ["fromkeys"]\n'
        'call = "Target"\n',
        encoding="utf-8",
    )
    try:
        done = run("generate", "--no-progress", str(facade))
        assert done.status == 0, done.err
        assert "    @classmethod\n    def fromkeys(type, iterable, value=None, /):" in (
            facade.read_text(encoding="utf-8")
        )
        module = importlib.import_module("pxdkinds_stub_facade")
        made = module.Facade.fromkeys("ab", 1)
        assert type(made) is module.Target and made == {"a": 1, "b": 1}
    finally:
        for name in [n for n in sys.modules if n.startswith("pxdkinds_stub_")]:
            del sys.modules[name]


def test_a_partial_in_the_class_body_takes_self_until_python_3_14(
    project: Project,
) -> None:
    """A ``functools.partial`` class attribute binds no instance before Python
    3.14 (3.13's ``__get__`` warns and returns it): the proxy adds ``self``.
    Only the text is read: calling it through an instance warns on 3.13."""
    done = project.generate(
        """\
        import functools

        def _add(a, b=1, *, c=0):
            return a + b + c

        class Target:
            part = functools.partial(_add, 10)
        """,
        methods=["part"],
    )
    assert done.status == 0, done.err
    if sys.version_info < (3, 14):
        assert "    def part(self, /, b=1, *, c=0):\n" in project.text()
        assert "return self._proxied.part(b=b, c=c)\n" in project.text()
    else:  # a method: the instance is its first argument, b
        assert "    def part(b=1, *, c=0):\n" in project.text()
