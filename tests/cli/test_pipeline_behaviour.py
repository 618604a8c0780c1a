"""Property: a generated proxy behaves like calling its target.

Random target classes with every kind of member (functions, coroutines, async
generators, generators, class and static methods, a C-implemented classmethod,
properties with and without setter and deleter, ``@overload`` variants,
decorators that change a signature through ``__signature__`` or a
``functools.wraps`` wrapper taking one more keyword) and random signatures go
through ``proxydoc generate`` in this process.  The facade is then imported and
every proxy called with generated arguments, valid and not: the result, the
exception type, the awaited and the iterated values must be the target's; the
proxy's parameters must be the ones the target accepts.  Last, ``check`` exits
0 and a second ``generate`` changes nothing.

Names are drawn to collide: a parameter may be named like the target class or
like a global of the facade's module, and a default may be a name of the
target's module (a sentinel ``object()``, an enum member, an object whose repr
is no Python) that the facade's module imports from the target, binds to an
object of its own, or does not bind.  Either ``generate`` writes proxies whose
defaults are the target's very objects, or it exits 2 naming ``file:line``,
writes nothing, and ``check`` exits 2 as well; with no such hazard drawn, it
must succeed.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import io
import itertools
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from proxydoc.cli import main

# -- the model of a target ---------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # posonly, normal, vararg, kwonly, varkw
    default: str | None = None  # source text: a literal or a NAMED default


@dataclass(frozen=True)
class Member:
    name: str
    #: method, async, agen, gen, classmethod, staticmethod, overload, signed,
    #: wrapped, callable (an object with __call__: no descriptor, no self),
    #: property, attribute (plain, in the class body)
    kind: str
    params: tuple[Param, ...] = ()
    setter: bool = False
    deleter: bool = False
    on_class: bool = False  # signed, wrapped: under @classmethod too


#: Parameter names, some of them names the facade's module binds (``Target``,
#: the target class, ``Facade``, ``Any``, ``overload``, the NAMED defaults'
#: globals); never ``flag`` and ``timeout``, the keywords the decorators add.
PLAIN_NAMES = ["a", "b", "key", "value", "items", "n", "x_1", "naïve"]
CLASHING_NAMES = ["Target", "Facade", "Any", "overload", "SENTINEL", "Mode", "OPAQUE"]
NAMES = PLAIN_NAMES + CLASHING_NAMES
LITERALS = ["0", "-1", "7", "1.5", "'s'", '"d"', "None", "True", "b'x'", "(1, 'a')"]
#: Defaults written as a name of the target's module: a sentinel, enum members,
#: an object whose repr (``<opaque>``) is no Python.
NAMED = {"SENTINEL": "SENTINEL", "Mode.FAST": "Mode", "Mode.SLOW": "Mode"}
NAMED["OPAQUE"] = "OPAQUE"
#: How the facade's module binds each of those names: imported from the target
#: (more often: the one binding that never refuses), an object of its own, or
#: not at all.
BINDINGS = st.sampled_from(["imported", "imported", "own", "unbound"])
OWN = {
    "SENTINEL": "SENTINEL = object()",
    "Mode": "class Mode(enum.Enum):\n    FAST = 1\n    SLOW = 2",
    "OPAQUE": "OPAQUE = object()",
}
KINDS = [
    "method",
    "async",
    "agen",
    "gen",
    "classmethod",
    "staticmethod",
    "overload",
    "signed",
    "wrapped",
    "callable",
    "property",
    "attribute",
]
VALUES = st.sampled_from([0, 1, -2, "s", None, (1, 2), b"b"])


@st.composite
def signatures(draw: st.DrawFn) -> tuple[Param, ...]:
    """Random parameters in a legal order (self or cls not included)."""
    names = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=5))
    n_pos = draw(st.integers(0, len(names)))
    positional, rest = names[:n_pos], names[n_pos:]
    n_posonly = draw(st.integers(0, n_pos))
    first_default = draw(st.integers(0, n_pos))
    literal = st.sampled_from(LITERALS) | st.sampled_from(sorted(NAMED))
    params = [
        Param(
            name,
            "posonly" if i < n_posonly else "normal",
            draw(literal) if i >= first_default else None,
        )
        for i, name in enumerate(positional)
    ]
    varkw = rest.pop() if rest and draw(st.booleans()) else None
    if rest and draw(st.booleans()):
        params.append(Param(rest.pop(0), "vararg"))
    params.extend(Param(n, "kwonly", draw(st.none() | literal)) for n in rest)
    if varkw is not None:
        params.append(Param(varkw, "varkw"))
    return tuple(params)


@st.composite
def members(draw: st.DrawFn, index: int) -> Member:
    kind = draw(st.sampled_from(KINDS))
    if kind == "property":
        return Member(f"p{index}", kind, (), draw(st.booleans()), draw(st.booleans()))
    if kind == "attribute":
        return Member(f"p{index}", kind)
    on_class = kind in ("signed", "wrapped") and draw(st.booleans())
    return Member(f"m{index}", kind, draw(signatures()), on_class=on_class)


# -- writing the target ------------------------------------------------------

TARGET_HEAD = '''\
"""Targets drawn by test_pipeline_behaviour."""

import asyncio
import enum
import functools
import inspect
from typing import overload

SENTINEL = object()


class Mode(enum.Enum):
    FAST = 1
    SLOW = 2


class Opaque:
    def __repr__(self):
        return "<opaque>"


OPAQUE = Opaque()


def with_flag(func):
    """Adds the keyword ``flag`` and says so in ``__signature__``."""

    @functools.wraps(func)
    def wrapper(*args, flag=False, **kwargs):
        return (flag, func(*args, **kwargs))

    sig = inspect.signature(func)
    params = list(sig.parameters.values())
    where = len(params)
    if params and params[-1].kind is inspect.Parameter.VAR_KEYWORD:
        where -= 1
    extra = inspect.Parameter("flag", inspect.Parameter.KEYWORD_ONLY, default=False)
    params.insert(where, extra)
    wrapper.__signature__ = sig.replace(parameters=params)
    return wrapper


def with_timeout(func):
    """Adds the keyword ``timeout``; ``inspect.signature`` does not show it."""

    @functools.wraps(func)
    def wrapper(*args, timeout=None, **kwargs):
        return (timeout, func(*args, **kwargs))

    return wrapper
'''
TARGET_CLASS = '''

class Target(dict):
    """A target."""

    def __init__(self):
        super().__init__()
        self.values = {}
'''


def params_text(first: str, params: tuple[Param, ...]) -> str:
    texts = [first] if first else []
    for i, param in enumerate(params):
        if param.kind == "kwonly" and all(
            p.kind not in ("vararg", "kwonly") for p in params[:i]
        ):
            texts.append("*")
        stars = {"vararg": "*", "varkw": "**"}.get(param.kind, "")
        default = "" if param.default is None else f"={param.default}"
        texts.append(stars + param.name + default)
        if param.kind == "posonly" and (
            i + 1 == len(params) or params[i + 1].kind != "posonly"
        ):
            texts.append("/")
    return ", ".join(texts)


def record(member: Member, who: str) -> str:
    """A tuple of everything the member got: it is what it returns or yields."""
    values = ", ".join([repr(member.name), who, *(p.name for p in member.params)])
    return f"({values},)"


def member_lines(member: Member) -> list[str]:
    name = member.name
    if member.kind == "property":
        lines = [
            "    @property",
            f"    def {name}(self):",
            f"        return self.values.get({name!r}, 'initial')",
        ]
        if member.setter:
            lines += [
                f"    @{name}.setter",
                f"    def {name}(self, value):",
                f"        self.values[{name!r}] = value",
            ]
        if member.deleter:  # a KeyError when not set: the proxy must raise it too
            lines += [
                f"    @{name}.deleter",
                f"    def {name}(self):",
                f"        del self.values[{name!r}]",
            ]
        return lines
    if member.kind == "callable":
        return [f"    {name} = _{name.capitalize()}()"]
    if member.kind == "attribute":
        return [f"    {name} = 'initial'"]
    kind = "classmethod" if member.on_class else member.kind
    first = {"classmethod": "cls", "staticmethod": ""}.get(kind, "self")
    who = {"classmethod": "cls.__name__", "staticmethod": "None"}.get(
        kind, "type(self).__name__"
    )
    signature = params_text(first, member.params)
    head = f"    def {name}({signature}):"
    body = [f"        return {record(member, who)}"]
    lines = ["    @classmethod"] if member.on_class else []
    if member.kind in ("classmethod", "staticmethod"):
        lines.append(f"    @{member.kind}")
    elif member.kind == "signed":
        lines.append("    @with_flag")
    elif member.kind == "wrapped":
        lines.append("    @with_timeout")
    elif member.kind == "overload":
        for returns in ("int", "str"):
            lines += ["    @overload", f"    def {name}({signature}) -> {returns}: ..."]
    elif member.kind == "async":
        head = "    async " + head.lstrip()
        body = ["        await asyncio.sleep(0)", *body]
    elif member.kind == "agen":
        head = "    async " + head.lstrip()
        body = [
            f"        for item in {record(member, who)}:",
            "            await asyncio.sleep(0)",
            "            yield item",
        ]
    elif member.kind == "gen":
        body = [f"        yield from {record(member, who)}"]
    return [*lines, head, *body]


def target_source(targets: list[Member]) -> str:
    lines = [TARGET_HEAD]
    for member in targets:
        if member.kind == "callable":
            signature = params_text("self", member.params)
            lines += [f"class _{member.name.capitalize()}:"]
            lines += [f"    def __call__({signature}):"]
            lines += [f"        return {record(member, 'None')}", ""]
    lines.append(TARGET_CLASS)
    for member in targets:
        lines.extend(member_lines(member))
        lines.append("")
    return "\n".join(lines)


def facade_source(package: str, future: bool, bindings: dict[str, str]) -> str:
    imported = sorted(n for n, how in bindings.items() if how == "imported")
    own = [OWN[n] for n, how in sorted(bindings.items()) if how == "own"]
    return "\n".join(
        [
            '"""A facade drawn by test_pipeline_behaviour."""',
            *(["from __future__ import annotations"] if future else []),
            "",
            "import enum",
            "from typing import Any, overload",
            "",
            f"from {package}.target import Target",
            *(
                [f"from {package}.target import {', '.join(imported)}"]
                if imported
                else []
            ),
            "",
            *own,
            "",
            "",
            "class Facade:",
            '    """Proxies a Target."""',
            "",
            "    def __init__(self, target: Target) -> None:",
            "        self._proxied = target",
            "",
            "    # START PROXY METHODS Facade",
            "    # END PROXY METHODS Facade",
            "",
        ]
    )


def pyproject(package: str, targets: list[Member], fromkeys: bool) -> str:
    on_class = [
        m.name
        for m in targets
        if m.on_class or m.kind in ("classmethod", "staticmethod")
    ]
    methods = [
        m.name
        for m in targets
        if m.kind not in ("property", "attribute") and m.name not in on_class
    ]
    classmethods = list(on_class)
    if fromkeys:
        classmethods.append("fromkeys")
    attributes = [m.name for m in targets if m.kind in ("property", "attribute")]
    return "\n".join(
        [
            "[tool.proxydoc]",
            'import_paths = ["."]',
            f'[tool.proxydoc.proxies."{package}.facade:Facade"]',
            f'target = "{package}.target:Target"',
            f"methods = {methods!r}".replace("'", '"'),
            f"attributes = {attributes!r}".replace("'", '"'),
            f"classmethods = {classmethods!r}".replace("'", '"'),
            "",
        ]
    )


# -- what the target accepts -------------------------------------------------


def expected_parameters(member: Member, scope: Any) -> list[tuple[str, str, Any]]:
    """(name, kind, default) of each parameter the member takes, but self/cls;
    a default is the object its text means in the target's module *scope*."""
    params = list(member.params)
    extra = {"signed": ("flag", "False"), "wrapped": ("timeout", "None")}
    if member.kind in extra:
        name, default = extra[member.kind]
        where = len(params) - (bool(params) and params[-1].kind == "varkw")
        params.insert(where, Param(name, "kwonly", default))
    empty = inspect.Parameter.empty
    return [
        (p.name, p.kind, empty if p.default is None else eval(p.default, vars(scope)))
        for p in params
    ]


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "posonly",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "normal",
    inspect.Parameter.VAR_POSITIONAL: "vararg",
    inspect.Parameter.KEYWORD_ONLY: "kwonly",
    inspect.Parameter.VAR_KEYWORD: "varkw",
}


def parameters(func: Any) -> list[tuple[str, str, Any]]:
    return [
        (p.name, _KINDS[p.kind], p.default)
        for p in inspect.signature(func).parameters.values()
    ]


def valid_call(member: Member, data: st.DataObject) -> tuple[list[Any], dict[str, Any]]:
    """Arguments the target accepts: each parameter given, or left to its default."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    by_keyword = False
    for param in member.params:
        give = param.default is None or data.draw(st.booleans())
        if param.kind == "vararg":
            if not by_keyword:
                args.extend(data.draw(st.lists(VALUES, max_size=2)))
        elif param.kind == "varkw":
            kwargs.update(data.draw(st.dictionaries(st.just("zz"), VALUES)))
        elif param.kind == "kwonly" or (param.kind == "normal" and by_keyword):
            if give:
                kwargs[param.name] = data.draw(VALUES)
        elif give and not by_keyword:
            if param.kind == "normal" and data.draw(st.booleans()):
                by_keyword = True
                kwargs[param.name] = data.draw(VALUES)
            else:
                args.append(data.draw(VALUES))
        elif not give and param.kind == "normal":
            by_keyword = True  # a later positional must be passed by name
    if member.kind in ("signed", "wrapped") and data.draw(st.booleans()):
        kwargs["flag" if member.kind == "signed" else "timeout"] = data.draw(VALUES)
    return args, kwargs


def any_call(data: st.DataObject) -> tuple[list[Any], dict[str, Any]]:
    """Arguments of any number and names: most of these calls are refused."""
    names = st.sampled_from([*NAMES, "flag", "timeout", "zz"])
    return (
        data.draw(st.lists(VALUES, max_size=4)),
        data.draw(st.dictionaries(names, VALUES, max_size=3)),
    )


def outcome(
    member: Member, func: Any, args: list[Any], kwargs: dict[str, Any]
) -> tuple[str, Any]:
    """What calling *func* gives: the value, awaited or iterated; or the error."""
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        return "raised", type(exc)
    try:
        if member.kind == "async":
            result = asyncio.run(result)
        elif member.kind == "agen":
            result = asyncio.run(_collect(result))
        elif member.kind == "gen":
            result = list(result)
    except Exception as exc:
        if inspect.iscoroutine(result):  # awaited nowhere: say so here, not later
            result.close()
        return "raised", type(exc)
    if isinstance(result, dict):  # fromkeys: a new Target
        return "returned", (type(result).__name__, dict(result))
    return "returned", result


async def _collect(agen: Any) -> list[Any]:
    return [item async for item in agen]


# -- running it --------------------------------------------------------------

_COUNTER = itertools.count()


def proxydoc(*argv: str) -> tuple[int, str]:
    """``proxydoc ARGV`` in this process: its exit status and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main([*argv, "--no-progress"])
    return status, out.getvalue()


@contextlib.contextmanager
def imported(root: Path, package: str) -> Iterator[Any]:
    """The facade module of *package*, imported from *root*; forgotten after."""
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(f"{package}.facade")
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.split(".")[0] == package]:
            del sys.modules[name]


def compare_property(member: Member, facade: Any, alone: Any, value: Any) -> None:
    """The same steps on the facade and on a target of its own, step by step."""
    name = member.name
    steps = [
        lambda o: getattr(o, name),
        lambda o: delattr(o, name),  # not set yet: the deleter's KeyError
        lambda o: setattr(o, name, value),
        lambda o: getattr(o, name),
        lambda o: delattr(o, name),
        lambda o: getattr(o, name),
    ]
    if member.kind == "attribute":  # no deleter: see "What a proxy guarantees"
        steps = steps[:4]
    for step in steps:
        got = outcome(member, step, [facade], {})
        want = outcome(member, step, [alone], {})
        assert got == want, (name, got, want)


def hazards(targets: list[Member], bindings: dict[str, str]) -> list[str]:
    """What may make ``generate`` refuse: a NAMED default the facade's module does
    not import from the target, or of a callable object (its signature comes from
    ``inspect``), a parameter named like the target class in a proxy that calls
    the class by that name."""
    found = []
    for member in targets:
        for param in member.params:
            name = NAMED.get(param.default or "")
            if name is not None and bindings[name] != "imported":
                found.append(f"{member.name}: {param.default} {bindings[name]}")
            elif name is not None and member.kind == "callable":
                # a callable object's signature comes from inspect, its default
                # from repr(), which is no Python for these: generate exits 2,
                # "m0(): cannot write the default of a: its repr() ... is not
                # Python code ..."
                found.append(f"{member.name}: {param.default} by its repr")
            on_class = member.on_class or member.kind in ("classmethod", "staticmethod")
            if param.name == "Target" and on_class:
                found.append(f"{member.name}: parameter Target")
    return found


#: A refusal for one of the hazards, at the facade's file and line.
REFUSAL = re.compile(
    r"facade\.py:[1-9][0-9]*: .*(default of '?\w+'? in \w+\(\) is "
    r"|\w+\(\): cannot write the default of |parameter 'Target' shadows Target)"
)


def run_example(
    targets: list[Member],
    future: bool,
    fromkeys: bool,
    data: st.DataObject,
    bindings: dict[str, str] | None = None,
) -> None:
    bindings = bindings or dict.fromkeys(OWN, "imported")
    package = f"pxdbehave{next(_COUNTER)}"
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        (root / package).mkdir()
        (root / package / "__init__.py").write_text("", encoding="utf-8")
        (root / package / "target.py").write_text(
            target_source(targets), encoding="utf-8"
        )
        facade_path = root / package / "facade.py"
        facade_path.write_text(
            facade_source(package, future, bindings), encoding="utf-8"
        )
        config = root / "pyproject.toml"
        config.write_text(pyproject(package, targets, fromkeys), encoding="utf-8")
        args = ("--config", str(config), str(facade_path))
        before = facade_path.read_bytes()
        status, printed = proxydoc("generate", *args)
        found = hazards(targets, bindings)
        event("refused" if status == 2 else "generated")
        if status == 2 and found:  # refused: why and where, nothing written
            assert REFUSAL.search(printed), printed
            # and for a member that has a hazard (a refusal of another is a bug)
            risky = {hazard.partition(":")[0] for hazard in found}
            assert any(f"{name}()" in printed for name in risky), (found, printed)
            assert facade_path.read_bytes() == before
            status, printed = proxydoc("check", *args)
            assert status == 2 and REFUSAL.search(printed), printed
            assert facade_path.read_bytes() == before
            return
        assert status == 0, (found, printed)
        written = facade_path.read_bytes()
        with imported(root, package) as module:
            compare_members(module, targets, fromkeys, data)
        status, printed = proxydoc("check", *args)
        assert status == 0, printed
        assert proxydoc("generate", *args)[0] == 0
        assert facade_path.read_bytes() == written


def compare_members(
    module: Any, targets: list[Member], fromkeys: bool, data: st.DataObject
) -> None:
    scope = sys.modules[module.__name__.rpartition(".")[0] + ".target"]
    target_class = scope.Target
    facade_class = module.Facade
    for member in targets:
        target = target_class()
        facade = facade_class(target)
        if member.kind in ("property", "attribute"):
            compare_property(member, facade, target_class(), data.draw(VALUES))
            continue
        name = member.name
        owner = isinstance(inspect.getattr_static(target_class, name), classmethod)
        pairs = [(getattr(facade, name), getattr(target, name))]
        if owner or member.kind == "staticmethod":
            pairs.append((getattr(facade_class, name), getattr(target_class, name)))
        via_facade = getattr(facade, name)
        assert parameters(via_facade) == expected_parameters(member, scope), name
        for (_, _, got), (_, _, want) in zip(
            parameters(via_facade), expected_parameters(member, scope), strict=True
        ):  # the target's very object, or an equal plain value of its type
            if isinstance(want, (int, float, str, bytes, tuple, type(None))):
                assert type(got) is type(want) and got == want, (name, got, want)
            else:
                assert got is want, (name, got, want)
        if member.kind in ("async",):
            assert inspect.iscoroutinefunction(via_facade), name
        calls = [valid_call(member, data) for _ in range(2)]
        calls += [any_call(data) for _ in range(2)]
        for args, kwargs in calls:
            for proxy, real in pairs:
                got = outcome(member, proxy, args, kwargs)
                want = outcome(member, real, args, kwargs)
                assert got == want, (name, args, kwargs, got, want)
    if fromkeys:
        keys = data.draw(st.lists(st.sampled_from("abc"), max_size=3))
        fake = Member("fromkeys", "classmethod")
        for proxy, real in [
            (facade_class.fromkeys, target_class.fromkeys),
            (facade_class(target_class()).fromkeys, target_class().fromkeys),
        ]:
            assert parameters(proxy) == parameters(real)
            for args in ([keys], [keys, 1], [], [keys, 1, 2]):
                got = outcome(fake, proxy, args, {})
                want = outcome(fake, real, args, {})
                assert got == want, ("fromkeys", args, got, want)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.integers(1, 5).flatmap(lambda n: st.tuples(*(members(i) for i in range(n)))),
    st.booleans(),
    st.booleans(),
    st.fixed_dictionaries({name: BINDINGS for name in OWN}),
    st.data(),
)
def test_generated_proxies_behave_like_their_targets(
    drawn: tuple[Member, ...],
    future: bool,
    fromkeys: bool,
    bindings: dict[str, str],
    data: st.DataObject,
) -> None:
    run_example(list(drawn), future, fromkeys, data, bindings)


def test_every_kind_of_member_once() -> None:
    """The example the property starts from: each kind of member once, with
    every kind of parameter."""
    every = (
        Param("a", "posonly"),
        Param("b", "normal", "1"),
        Param("n", "vararg"),
        Param("key", "kwonly", "'k'"),
        Param("value", "varkw"),
    )
    targets = [Member(f"m{i}", kind, every) for i, kind in enumerate(KINDS[:-2])]
    targets += [
        Member("p0", "property"),
        Member("p1", "property", setter=True),
        Member("p2", "property", setter=True, deleter=True),
        Member("p3", "property", deleter=True),
        Member("p4", "attribute"),
        Member("m99", "wrapped", every, on_class=True),
        Member("m98", "signed", every, on_class=True),
    ]
    run_example_once(targets)


def run_example_once(targets: list[Member]) -> None:
    @given(st.data())
    @settings(max_examples=3, deadline=None, database=None, phases=[Phase.generate])
    def example(data: st.DataObject) -> None:
        run_example(targets, False, True, data)

    example()
