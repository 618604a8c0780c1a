"""Every name the generated code uses means the object the target's signature means.

Each facade here is generated, imported and called: a default written as a
name must be the target's very object (``is``), or a plain value of the same
type, or ``generate`` refuses with ``file:line``; a name the proxy calls the
target by is never a parameter; the names a region writes itself (``Any``,
``overload``) are imported, with or without ``from __future__ import
annotations``.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

_numbers = itertools.count()

TARGET = '''\
import enum

DEFAULT = object()
LIMIT = 5


class Mode(enum.Enum):
    FAST = 1
    SLOW = 2


class Opaque:
    def __repr__(self) -> str:
        return "<opaque>"


OPAQUE = Opaque()


class Engine:
    def run(self, mode=DEFAULT, speed=Mode.FAST, limit=LIMIT, thing=OPAQUE):
        """Run."""
        return (mode, speed, limit, thing)
'''

FACADE = """\
{future}from pxdsample.util import create_proxy_methods
{imports}


@create_proxy_methods({target_expr}, ":class:`.Engine`", ":class:`.Facade`", {lists})
class Facade:
    def __init__(self, target: object) -> None:
        self._proxied = target

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
"""


def write_target(project: Path, source: str) -> str:
    """A fresh target module holding *source*; its name."""
    name = f"facade_tgt_{next(_numbers)}"
    (project / f"{name}.py").write_text(source, encoding="utf-8")
    return name


def write_facade(
    project: Path,
    imports: str,
    lists: str = "methods=['run']",
    *,
    future: bool = False,
    target_expr: str = "Engine",
) -> Path:
    name = f"facade_names_{next(_numbers)}"
    path = project / f"{name}.py"
    text = FACADE.format(
        future="from __future__ import annotations\n" if future else "",
        imports=imports,
        target_expr=target_expr,
        lists=lists,
    )
    path.write_text(text, encoding="utf-8")
    return path


def declaration_line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith("@create"))


def hints_of_every_member(cls: type, names: list[str]) -> None:
    """``typing.get_type_hints`` of each generated function, getter and setter."""
    for name in names:
        raw = inspect.getattr_static(cls, name)
        if isinstance(raw, property):
            funcs = [f for f in (raw.fget, raw.fset) if f is not None]
        else:
            funcs = [getattr(raw, "__func__", raw)]
        for func in funcs:
            typing.get_type_hints(func)


def is_plain(value: Any) -> bool:
    """Whether a copy of *value* is as good as it (the test's own answer)."""
    if type(value) in (type(None), bool, int, float, str, bytes):
        return True
    return type(value) is tuple and all(is_plain(item) for item in value)


def same_default(facade: Any, target: Any) -> bool:
    """The facade's default is the target's object, or an equal plain value."""
    if is_plain(target):
        return type(facade) is type(target) and facade == target
    return facade is target


# -- Defaults written as names ----------------------------------------------


@pytest.mark.parametrize(
    ("rebinding", "param", "default", "names"),
    [
        ("DEFAULT = object()", "mode", "DEFAULT", "DEFAULT"),
        ("class Mode(enum.Enum):\n    FAST = 1", "speed", "Mode.FAST", "Mode"),
        ("OPAQUE = None", "thing", "OPAQUE", "OPAQUE"),
    ],
    ids=["sentinel", "enum", "invalid-repr"],
)
def test_a_default_bound_to_another_object_is_refused(
    project: Path, run, rebinding: str, param: str, default: str, names: str
) -> None:
    target = write_target(project, TARGET)
    imports = f"import enum\nfrom {target} import DEFAULT, LIMIT, OPAQUE, Engine, Mode"
    path = write_facade(project, f"{imports}\n{rebinding}")
    before = path.read_bytes()
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:{declaration_line(path)}: default of {param!r} in run() is "
        f"{default}, but the facade's module binds {names} to another object than "
        f"the target's module does: import {names} from {target} there"
    ) in result.err
    assert path.read_bytes() == before


def test_a_module_imported_to_follow_a_name_may_print_and_exit(
    project: Path, run
) -> None:
    """Following ``from noisy import DEFAULT`` imports ``noisy``, isolated."""
    target = write_target(project, TARGET)
    noisy = write_target(project, "print('noise')\nraise SystemExit(3)\n")
    imports = f"from {target} import LIMIT, OPAQUE, Engine, Mode\n"
    path = write_facade(project, imports + f"from {noisy} import DEFAULT")
    result = run("generate", path.name)
    assert result.status == 2
    assert "default of 'mode' in run() is DEFAULT, but the facade's module " in (
        result.err
    )
    assert "noise" not in result.out + result.err


def test_a_plain_default_bound_to_another_value_is_written_as_the_value(
    project: Path, run
) -> None:
    target = write_target(project, TARGET)
    imports = f"from {target} import DEFAULT, OPAQUE, Engine, Mode\nLIMIT = 6"
    path = write_facade(project, imports)
    result = run("generate", path.name)
    assert result.status == 0, result.err
    assert "limit=5" in path.read_text(encoding="utf-8")
    facade = importlib.import_module(path.stem)
    module = importlib.import_module(target)
    params = inspect.signature(facade.Facade.run).parameters
    default = params["limit"].default
    assert default == 5 and type(default) is int
    # the names the facade imports from the target: the target's objects
    assert params["mode"].default is module.DEFAULT
    assert params["speed"].default is module.Mode.FAST
    assert params["thing"].default is module.OPAQUE
    called = facade.Facade(module.Engine()).run()
    assert called == (module.DEFAULT, module.Mode.FAST, 5, module.OPAQUE)
    assert called[0] is module.DEFAULT and called[3] is module.OPAQUE
    hints_of_every_member(facade.Facade, ["run"])
    assert run("check", path.name).status == 0


# -- A parameter named like the target class ---------------------------------

SHADOWING = '''\
class Engine:
    @classmethod
    def make(cls, Engine=3):
        """Make."""
        return ("made", Engine)

    @staticmethod
    def build(Engine, size=1):
        """Build."""
        return ("built", Engine, size)
'''


@pytest.mark.parametrize("member", ["make", "build"])
def test_a_parameter_shadowing_the_target_class_is_refused(
    project: Path, run, member: str
) -> None:
    target = write_target(project, SHADOWING)
    path = write_facade(
        project, f"from {target} import Engine", f"methods=[{member!r}]"
    )
    before = path.read_bytes()
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:{declaration_line(path)}: the proxy of {member}() calls the "
        "target as Engine, but its parameter 'Engine' shadows Engine inside the "
        "function: import the target class under another name as well"
    ) in result.err
    assert path.read_bytes() == before
    # as the message says: the class under another name is what the proxy calls
    path = write_facade(
        project,
        f"from {target} import Engine\nfrom {target} import Engine as _Engine",
        "methods=['make', 'build']",
        target_expr="_Engine",
    )
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    assert facade.Facade.make() == ("made", 3)
    assert facade.Facade.make(Engine=4) == ("made", 4)
    assert facade.Facade.build("e") == ("built", "e", 1)
    hints_of_every_member(facade.Facade, ["make", "build"])
    assert run("check", path.name).status == 0


def test_a_config_facade_calls_the_target_by_its_first_name(project: Path, run) -> None:
    """Declared in pyproject.toml, a facade calls the target class by the first
    name its module imports it under: the alias the refusal suggests."""
    target = write_target(project, SHADOWING)
    path = project / f"facade_names_{next(_numbers)}.py"
    (project / "pyproject.toml").write_text(
        f'[tool.proxydoc]\n\n[tool.proxydoc.proxies."{path.stem}:Facade"]\n'
        f"target = '{target}:Engine'\nmethods = ['make']\n",
        encoding="utf-8",
    )
    body = "\n\nclass Facade:\n    pass\n\n    # START PROXY METHODS Facade\n"
    body += "    # END PROXY METHODS Facade\n"
    path.write_text(f"from {target} import Engine\n" + body, encoding="utf-8")
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        "name _Engine in the decorator, or (a facade of pyproject.toml) import "
        "_Engine before any other name of the class"
    ) in result.err
    imports = f"from {target} import Engine as _Engine\nfrom {target} import Engine\n"
    path.write_text(imports + body, encoding="utf-8")
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    assert facade.Facade.make(Engine=5) == ("made", 5)


# -- Names the generated code writes itself ----------------------------------

UNANNOTATED = '''\
class Engine:
    size = 3

    def run(self, n: int = 1) -> int:
        """Run."""
        return n
'''


def test_lazy_annotations_need_the_any_they_use(project: Path, run) -> None:
    target = write_target(project, UNANNOTATED)
    path = write_facade(
        project,
        f"from {target} import Engine",
        "methods=['run'], attributes=['size']",
        future=True,
    )
    before = path.read_bytes()
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:{declaration_line(path)}: annotations of the proxies use Any, "
        "which this module does not import, not even under 'if TYPE_CHECKING:' "
        "('from typing import Any')"
    ) in result.err
    assert path.read_bytes() == before
    # imported for type checkers only: enough where annotations are not evaluated
    imports = (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        f"    from typing import Any\n\nfrom {target} import Engine"
    )
    path = write_facade(project, imports, "attributes=['size']", future=True)
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    assert facade.Facade(importlib.import_module(target).Engine()).size == 3
    # imported: the annotations evaluate
    path = write_facade(
        project,
        f"from typing import Any\n\nfrom {target} import Engine",
        "methods=['run'], attributes=['size']",
        future=True,
    )
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    module = importlib.import_module(target)
    hints_of_every_member(facade.Facade, ["run", "size"])
    proxy = facade.Facade(module.Engine())
    assert proxy.size == 3 and proxy.run(2) == 2
    proxy.size = 4
    assert proxy._proxied.size == 4
    assert run("check", path.name).status == 0


RESULTS = '''\
class Result:
    pass


class Engine:
    size: Result

    def run(self, n: int = 1) -> Result:
        """Run."""
        return Result()
'''


def test_lazy_method_annotations_need_their_names(project: Path, run) -> None:
    """Under lazy annotations a method's annotations are the target's text too:
    a class the facade never imports is refused, as it would make
    ``typing.get_type_hints`` raise NameError (and ruff report F821)."""
    target = write_target(project, RESULTS)
    path = write_facade(project, f"from {target} import Engine", future=True)
    before = path.read_bytes()
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:{declaration_line(path)}: annotations of the proxies use "
        "Result, which this module does not import, not even under 'if "
        f"TYPE_CHECKING:' ('from {target} import Result')"
    ) in result.err
    assert path.read_bytes() == before
    module = importlib.import_module(target)
    # imported for type checkers only: generated; the hints resolve where the
    # names are importable, as a type checker or Sphinx resolves them
    imports = (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        f"    from {target} import Result\n\nfrom {target} import Engine"
    )
    path = write_facade(project, imports, future=True)
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    assert isinstance(facade.Facade(module.Engine()).run(), module.Result)
    hints = typing.get_type_hints(facade.Facade.run, localns={"Result": module.Result})
    assert hints["return"] is module.Result
    assert run("check", path.name).status == 0
    # imported at runtime: the hints resolve in the facade's module alone
    path = write_facade(project, f"from {target} import Engine, Result", future=True)
    assert run("generate", path.name).status == 0
    facade = importlib.import_module(path.stem)
    assert typing.get_type_hints(facade.Facade.run)["return"] is module.Result


@pytest.mark.parametrize("future", [True, False], ids=["lazy", "eager"])
@pytest.mark.parametrize("member", ["run", "size"])
def test_an_annotation_bound_to_another_class_is_refused(
    project: Path, run, future: bool, member: str
) -> None:
    target = write_target(project, RESULTS)
    lists = f"methods=[{member!r}]" if member == "run" else f"attributes=[{member!r}]"
    imports = f"from {target} import Engine\n\n\nclass Result:\n    pass"
    path = write_facade(project, imports, lists, future=future)
    before = path.read_bytes()
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:{declaration_line(path)}: annotations of the proxy of {member} "
        "use Result, which this module binds to other objects than the target's "
        f"module does: import them from {target}"
    ) in result.err
    assert path.read_bytes() == before
    # imported from the target: the annotation evaluates to the target's class
    path = write_facade(
        project, f"from {target} import Engine, Result", lists, future=future
    )
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    module = importlib.import_module(target)
    raw = inspect.getattr_static(facade.Facade, member)
    func = raw.fget if isinstance(raw, property) else raw
    assert typing.get_type_hints(func)["return"] is module.Result
    hints_of_every_member(facade.Facade, [member])
    assert run("check", path.name).status == 0


def test_type_variables_and_aliases_of_the_facade_s_own_are_kept(
    project: Path, run
) -> None:
    """A type variable or alias assigned in both modules (SQLAlchemy's ``_T``,
    ``_Ts``) is an equivalent copy: not compared, not refused."""
    source = (
        "from typing import TypeVar, Union\n\n_T = TypeVar('_T')\n"
        "Key = Union[int, str]\n\n\nclass Engine:\n"
        "    def first(self, items: list[_T], key: Key = 0) -> _T:\n"
        "        return items[0]\n"
    )
    target = write_target(project, source)
    imports = (
        f"from typing import TypeVar, Union\n\nfrom {target} import Engine\n\n"
        "_T = TypeVar('_T')\nKey = Union[int, str]"
    )
    path = write_facade(project, imports, "methods=['first']")
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    proxy = facade.Facade(importlib.import_module(target).Engine())
    assert proxy.first([3, 4]) == 3
    hints_of_every_member(facade.Facade, ["first"])


SETS = '''\
class Engine:
    def tags(self, which: set[str] = frozenset()) -> set[str]:
        """Tags."""
        return set(which)

    def set(self, key: str) -> str:
        """Set."""
        return key
'''


def test_a_name_the_facade_class_binds_above_the_proxy_is_refused(
    project: Path, run
) -> None:
    """``set[str]`` read in a class body after ``def set`` is that function."""
    target = write_target(project, SETS)
    path = write_facade(
        project, f"from {target} import Engine", "methods=['set', 'tags']"
    )
    before = path.read_bytes()
    result = run("generate", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:{declaration_line(path)}: the proxy of tags uses set, which "
        "the facade class binds above it (a member of that name), so the class "
        "body would read that member instead of the module's name: list the "
        "proxies in another order, or leave that member out, or use "
        "'from __future__ import annotations'"
    ) in result.err
    assert path.read_bytes() == before
    path = write_facade(
        project, f"from {target} import Engine", "methods=['tags', 'set']"
    )
    result = run("generate", path.name)
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    module = importlib.import_module(target)
    hints_of_every_member(facade.Facade, ["tags", "set"])
    proxy = facade.Facade(module.Engine())
    assert proxy.tags(["a"]) == {"a"} and proxy.set("k") == "k"
    assert run("check", path.name).status == 0


# -- Stub regions -------------------------------------------------------------

STUB_MODULE = """\
{future}from {target} import Engine

_engine = Engine()

# START STUBS
# END STUBS
"""

STUB_CLASS = """\
from {target} import Engine


class Facade:
    # START STUBS
    # END STUBS
    pass
"""


def configure_stub(project: Path, file: str, target: str, call: str = "") -> None:
    (project / "pyproject.toml").write_text(
        "[tool.proxydoc]\n\n[tool.proxydoc.stubs.s]\n"
        f'file = "{file}"\ntarget = "{target}:Engine"\n'
        'start = "# START STUBS"\nend = "# END STUBS"\n' + call,
        encoding="utf-8",
    )


@pytest.mark.parametrize("future", [True, False], ids=["lazy", "eager"])
def test_a_module_stub_region_imports_what_it_writes(
    project: Path, run, future: bool
) -> None:
    target = write_target(project, UNANNOTATED)
    path = project / f"facade_stub_{next(_numbers)}.py"
    future_line = "from __future__ import annotations\n\n" if future else ""
    path.write_text(STUB_MODULE.format(future=future_line, target=target), "utf-8")
    configure_stub(project, path.name, target, 'call = "_engine"\n')
    result = run("generate", "--no-progress", path.name)
    assert result.status == 0, result.err
    assert "from typing import Any\n" in path.read_text(encoding="utf-8")
    module = importlib.import_module(path.stem)
    assert typing.get_type_hints(module)["size"] is Any
    typing.get_type_hints(module.run)
    assert module.run(7) == 7
    assert run("check", "--no-progress", path.name).status == 0


def test_a_class_stub_region_names_the_import_to_add(project: Path, run) -> None:
    target = write_target(project, UNANNOTATED)
    path = project / f"facade_stub_{next(_numbers)}.py"
    path.write_text(STUB_CLASS.format(target=target), encoding="utf-8")
    configure_stub(project, path.name, target)
    before = path.read_bytes()
    result = run("generate", "--no-progress", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:5: stub region 's': the stubs use Any, not bound in this file "
        "where they are read: import them ('from typing import Any')"
    ) in result.err
    assert path.read_bytes() == before


def test_a_stub_call_shadowed_by_a_parameter_is_refused(project: Path, run) -> None:
    target = write_target(
        project,
        "class Engine:\n    def run(self, _engine: int = 1) -> int:\n"
        "        return _engine\n",
    )
    path = project / f"facade_stub_{next(_numbers)}.py"
    path.write_text(STUB_MODULE.format(future="", target=target), "utf-8")
    configure_stub(project, path.name, target, 'call = "_engine"\n')
    before = path.read_bytes()
    result = run("generate", "--no-progress", path.name)
    assert result.status == 2
    assert (
        "stub region 's': run() calls the target as _engine, but its parameter "
        "'_engine' shadows _engine inside the function: set the stub's call to a "
        "name no parameter has"
    ) in result.err
    assert path.read_bytes() == before
    # in a class body, a call through self means the instance: not shadowed
    path = project / f"facade_stub_{next(_numbers)}.py"
    path.write_text(
        f"from {target} import Engine\n\n\nclass Facade:\n"
        "    def __init__(self) -> None:\n        self._e = Engine()\n\n"
        "    # START STUBS\n    # END STUBS\n",
        "utf-8",
    )
    configure_stub(project, path.name, target, 'call = "self._e"\n')
    result = run("generate", "--no-progress", path.name)
    assert result.status == 0, result.err
    module = importlib.import_module(path.stem)
    assert module.Facade().run(_engine=5) == 5


NAMED_REPR = '''\
class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class Engine:
    def get(self, key: str, default: object = MISSING) -> object:
        """Get."""
        return default
'''


def test_a_stub_default_whose_repr_is_a_name_must_mean_the_target_object(
    project: Path, run
) -> None:
    target = write_target(project, NAMED_REPR)
    path = project / f"facade_stub_{next(_numbers)}.py"
    head = f"from {target} import Engine\nMISSING = object()\n\n_engine = Engine()\n"
    path.write_text(head + "\n# START STUBS\n# END STUBS\n", "utf-8")
    configure_stub(project, path.name, target, 'call = "_engine"\n')
    before = path.read_bytes()
    result = run("generate", "--no-progress", path.name)
    assert result.status == 2
    assert (
        f"{path.name}:6: stub region 's': get(): default of 'default' is MISSING, "
        "its repr(), but this file binds MISSING to another object than the "
        "target's module does, or not at all: import MISSING from where the "
        "target's module has it"
    ) in result.err
    assert path.read_bytes() == before
    head = f"from {target} import MISSING, Engine\n\n_engine = Engine()\n"
    path.write_text(head + "\n# START STUBS\n# END STUBS\n", "utf-8")
    result = run("generate", "--no-progress", path.name)
    assert result.status == 0, result.err
    module = importlib.import_module(path.stem)
    missing = importlib.import_module(target).MISSING
    assert inspect.signature(module.get).parameters["default"].default is missing
    assert module.get("k") is missing
    typing.get_type_hints(module.get)
    assert run("check", "--no-progress", path.name).status == 0


# -- Property: any default, however the facade binds its names ----------------

#: How the facade's module binds a default's names: imported from the target,
#: bound to an object of its own, or not at all; imported more often, the one
#: binding that never refuses a name.
LEANING = st.sampled_from(["imported", "imported", "imported", "own", "unbound"])
PLAINS = st.one_of(
    st.integers(-5, 5),
    st.text("ab'\"", max_size=3),
    st.none(),
    st.booleans(),
    st.tuples(st.integers(0, 3), st.text("xy", max_size=2)),
)


@st.composite
def defaults(draw: st.DrawFn) -> tuple[str, Any, str]:
    """(kind, plain value or None, how the facade binds its name)."""
    kind = draw(st.sampled_from(["sentinel", "enum", "opaque", "plain", "literal"]))
    value = draw(PLAINS) if kind in ("plain", "literal") else None
    return kind, value, draw(LEANING)


def _pieces(index: int, kind: str, value: Any) -> tuple[str, str, str]:
    """(target module line, default text, facade rebinding) of parameter *index*."""
    name = f"D{index}"
    if kind == "sentinel":
        return f"{name} = object()", name, f"{name} = object()"
    if kind == "enum":
        return (
            f"class {name}(enum.Enum):\n    X = 1",
            f"{name}.X",
            f"class {name}(enum.Enum):\n    X = 1",
        )
    if kind == "opaque":
        return f"{name} = Opaque()", name, f"{name} = Opaque()"
    if kind == "plain":
        other = repr((value, 1))
        return f"{name} = {value!r}", name, f"{name} = {other}"
    return "", repr(value), ""


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(defaults(), min_size=1, max_size=4),
    st.sampled_from(["plain", "Engine", "create_proxy_methods"]),
    st.sampled_from(["method", "classmethod"]),
    LEANING,
    st.booleans(),
)
def test_generate_keeps_the_targets_defaults(
    project: Path,
    run,
    specs: list[tuple[str, Any, str]],
    extra: str,
    kind: str,
    returns: str,
    lazy: bool,
) -> None:
    """A generated proxy's defaults are the target's objects (plain values: equal,
    same type), its return annotation the target's class ``R`` (imported by the
    facade, or a class of its own, or not bound; annotations lazy or not), and
    calling it passes the defaults on; else generate exits 2, saying why."""
    lines, params, facade_lines, imported = [], [], [], []
    for index, (what, value, binding) in enumerate(specs):
        line, text, rebinding = _pieces(index, what, value)
        lines.append(line)
        params.append(f"p{index}={text}")
        if what != "literal" and binding == "imported":
            imported.append(f"D{index}")
        elif what != "literal" and binding == "own":
            facade_lines.append(rebinding)
    params.append(f"{extra}=None")  # a name of the facade's module or the target's
    decorator = "    @classmethod\n" if kind == "classmethod" else ""
    first = "cls" if kind == "classmethod" else "self"
    body = f"        return ({', '.join(p.split('=')[0] for p in params)},)\n"
    source = (
        "import enum\n\n\nclass Opaque:\n    def __repr__(self):\n"
        '        return "<opaque>"\n\n\n'
        + "\n".join(lines)
        + "\n\n\nclass R:\n    pass\n\n\nclass Engine:\n"
        f"{decorator}    def run({first}, {', '.join(params)}) -> R:\n{body}"
    )
    target = write_target(project, source)
    imports = [f"import enum\nfrom {target} import Engine, Opaque"]
    if returns == "imported":
        imported.append("R")
    elif returns == "own":
        facade_lines.append("class R:\n    pass")
    if imported:
        imports.append(f"from {target} import {', '.join(imported)}")
    path = write_facade(project, "\n".join([*imports, *facade_lines]), future=lazy)
    before = path.read_bytes()
    result = run("generate", path.name)
    module = importlib.import_module(target)
    engine = module.Engine()
    values = [p.default for p in inspect.signature(engine.run).parameters.values()]
    refused = [
        (what, binding)
        for what, _, binding in specs
        if what in ("sentinel", "enum", "opaque") and binding != "imported"
    ]
    shadowed = extra == "Engine" and kind == "classmethod"
    wrong_return = returns != "imported"  # lazy or not: R must be bound
    event("refused" if refused or shadowed or wrong_return else "generated")
    if refused or shadowed or wrong_return:
        assert result.status == 2, path.read_text(encoding="utf-8")
        assert f"{path.name}:{declaration_line(path)}: " in result.err
        reasons = ["in run() is", "shadows Engine", "annotations of the prox"]
        assert any(reason in result.err for reason in reasons)
        assert path.read_bytes() == before
        return
    assert result.status == 0, result.err
    facade = importlib.import_module(path.stem)
    proxy = facade.Facade(engine)
    written = inspect.signature(proxy.run).parameters.values()
    assert all(same_default(p.default, v) for p, v in zip(written, values, strict=True))
    called = proxy.run()
    assert all(same_default(c, v) for c, v in zip(called, values, strict=True))
    hints_of_every_member(facade.Facade, ["run"])
    run_function = inspect.getattr_static(facade.Facade, "run")
    hints = typing.get_type_hints(getattr(run_function, "__func__", run_function))
    assert hints["return"] is module.R
    assert run("check", path.name).status == 0
