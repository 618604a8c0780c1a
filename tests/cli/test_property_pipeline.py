"""Property: random target classes and random facade files through ``python -m
proxydoc generate``, each example in a fresh interpreter.

Targets have methods of random signatures (positional-only, defaults of several
kinds, ``*args``, keyword-only, ``**kwargs``, annotations from builtins and
``typing``), async methods, class and static methods, ``@overload`` variants,
properties with and without setters, plain attributes, and odd docstrings.
Facades have random line endings, encodings, text around the region, and are
sometimes reached through a symlink.  Whatever the input: exit 0, 1 or 2 and
no traceback; exit 0 leaves the bytes outside the region alone, writes a module
that imports and whose proxies return what the target returns, and converges;
exit 2 leaves the file alone and says ``file:line:``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from cli_helpers import encodes, facade_spec
from hypothesis import event, given, settings
from hypothesis import strategies as st

from proxydoc.cli._render import inject_note, method_note

# -- the model of a target ---------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # posonly, normal, vararg, kwonly, varkw
    annotation: str | None = None
    default: str | None = None  # as written in the target's source


@dataclass(frozen=True)
class Signature:
    params: tuple[Param, ...]
    returns: str | None


@dataclass(frozen=True)
class Member:
    name: str
    #: method, async, classmethod, staticmethod, property, attribute
    kind: str
    signature: Signature
    doc: str | None = None
    overloads: tuple[Signature, ...] = ()
    overload_spelling: str = "overload"
    first: str = "self"  # the name of self or cls
    setter: bool = False  # a property's
    keep_result: bool = False  # listed in use_intermediate_variable


#: Module constants of the target, by name: (source, the value's repr).
CONSTANTS = {
    "LIMIT": ("7", "7"),
    "LABEL": ('"na\\u00efve"', "'naïve'"),
    "EMPTY": ("()", "()"),
    "SENTINEL": ("object()", ""),  # no literal: the facade must import it
}
PARAM_NAMES = ["a", "b", "key", "value", "result", "options", "naïve", "ключ", "x_1"]
ANNOTATIONS = [
    "int",
    "str",
    "bytes",
    "float",
    "None",
    "object",
    "int | None",
    "list[int]",
    "dict[str, Any]",
    "tuple[int, ...]",
    "Optional[str]",
    "List[int]",
    "Dict[str, int]",
    "Union[int, str]",
    "Tuple[int, ...]",
    "Callable[..., Any]",
    "Sequence[str]",
    "Any",
    '"Target"',
    "Target",
]
TYPING = "Any, Callable, Dict, List, Optional, Sequence, Tuple, Union"

#: Characters for string defaults and docstrings: any but lone surrogates
#: (test_literals_pipeline covers those), plus the awkward ones, often.
ODD = ["\\", '"', "'", '"""', "'''", "#", "\r", "\r\n", "\x00", "\x1b", "\t"]
ODD += ["\x85", "\u2028", "é", "€", "\U0001f600", "\n", "\n\n", "    "]
CHARS = st.characters(exclude_categories=("Cs",)) | st.sampled_from(ODD)
TEXTS = st.lists(CHARS, max_size=12).map("".join)

LITERALS = st.one_of(
    st.integers(-(10**6), 10**6).map(repr),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    TEXTS.flatmap(lambda s: st.sampled_from([repr(s), ascii(s)])),
    st.binary(max_size=4).map(repr),
    st.sampled_from(["None", "True", "False", "...", "(1, 'two')"]),
)
DEFAULTS = LITERALS | st.sampled_from(list(CONSTANTS))
ANNOTATION = st.none() | st.sampled_from(ANNOTATIONS)
DOCS = st.none() | st.lists(TEXTS, max_size=4).map("\n".join)


@st.composite
def signatures(
    draw: st.DrawFn, defaults: st.SearchStrategy[str] = DEFAULTS
) -> Signature:
    """Random parameters in a legal order (the first, self or cls, not included)."""
    names = draw(st.lists(st.sampled_from(PARAM_NAMES), unique=True, max_size=6))
    n_pos = draw(st.integers(0, len(names)))
    positional, rest = names[:n_pos], names[n_pos:]
    n_posonly = draw(st.integers(0, n_pos))
    first_default = draw(st.integers(0, n_pos))
    params = [
        Param(
            name,
            "posonly" if i < n_posonly else "normal",
            draw(ANNOTATION),
            draw(defaults) if i >= first_default else None,
        )
        for i, name in enumerate(positional)
    ]
    varkw = rest.pop() if rest and draw(st.booleans()) else None
    if rest and draw(st.booleans()):
        params.append(Param(rest.pop(0), "vararg", draw(ANNOTATION)))
    for name in rest:
        default = draw(st.none() | defaults)
        params.append(Param(name, "kwonly", draw(ANNOTATION), default))
    if varkw is not None:
        params.append(Param(varkw, "varkw", draw(ANNOTATION)))
    return Signature(tuple(params), draw(ANNOTATION))


@st.composite
def members(draw: st.DrawFn, index: int) -> Member:
    kind = draw(
        st.sampled_from(
            ["method", "async", "classmethod", "staticmethod", "property", "attribute"]
        )
    )
    doc = draw(DOCS)
    if kind in ("property", "attribute"):
        returns = draw(ANNOTATION) if kind == "property" else "int"
        signature = Signature((), returns)
        setter = kind == "property" and draw(st.booleans())
        return Member(f"p{index}", kind, signature, doc, setter=setter)
    overloads: tuple[Signature, ...] = ()
    if kind in ("method", "async") and draw(st.booleans()):
        # Not constants: an overload's default naming one the facade lacks is
        # refused (test_an_overload_default_the_facade_cannot_bind_is_refused).
        variants = st.lists(signatures(LITERALS), min_size=2, max_size=2)
        overloads = tuple(draw(variants))
    first = {"classmethod": ["cls", "klass"], "staticmethod": [""]}.get(
        kind, ["self", "this"]
    )
    return Member(
        f"m{index}",
        kind,
        draw(signatures()),
        doc,
        overloads,
        draw(st.sampled_from(["overload", "typing.overload"])),
        draw(st.sampled_from(first)),
        keep_result=draw(st.booleans()),
    )


# -- writing the target ------------------------------------------------------


def params_text(first: str, params: tuple[Param, ...]) -> str:
    texts = [first] if first else []
    for i, param in enumerate(params):
        if param.kind == "kwonly" and all(
            p.kind not in ("vararg", "kwonly") for p in params[:i]
        ):
            texts.append("*")
        stars = {"vararg": "*", "varkw": "**"}.get(param.kind, "")
        text = stars + param.name
        if param.annotation:
            text += f": {param.annotation}"
        if param.default is not None:
            text += f" = {param.default}" if param.annotation else f"={param.default}"
        texts.append(text)
        if param.kind == "posonly" and (
            i + 1 == len(params) or params[i + 1].kind != "posonly"
        ):
            texts.append("/")
    return ", ".join(texts)


def doc_lines(doc: str | None, indent: str) -> list[str]:
    """The docstring statement: triple-quoted when plain, else a repr()."""
    if doc is None:
        return []
    plain = not re.search(r'[\\"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]', doc)
    if not plain:
        return [indent + repr(doc)]
    lines = doc.split("\n")
    body = "\n".join([lines[0], *(indent + line if line else "" for line in lines[1:])])
    return [f'{indent}"""{body}"""']


def def_lines(member: Member, sig: Signature, body: list[str]) -> list[str]:
    head = "async def" if member.kind == "async" else "def"
    returns = f" -> {sig.returns}" if sig.returns else ""
    line = (
        f"    {head} {member.name}({params_text(member.first, sig.params)}){returns}:"
    )
    return [line, *body]


def target_source(targets: list[Member]) -> str:
    lines = [
        "from __future__ import annotations",
        "",
        "import typing",
        f"from typing import {TYPING}, overload",
        "",
        *(f"{name} = {source}" for name, (source, _) in CONSTANTS.items()),
        "",
        "",
        "class Target:",
        '    """The target."""',
        "",
        "    def __init__(self) -> None:",
        *(f"        self._{m.name} = {m.name!r}" for m in targets),
        "        pass",
        "",
    ]
    for member in targets:
        lines.extend(member_lines(member))
        lines.append("")
    return "\n".join(lines) + "\n"


def member_lines(member: Member) -> list[str]:
    doc = doc_lines(member.doc, "        ")
    if member.kind == "attribute":
        return [f"    {member.name}: int = 3"]
    if member.kind == "property":
        lines = ["    @property", *def_lines(member, member.signature, doc)]
        lines.append(f"        return self._{member.name}")
        if member.setter:
            lines += [
                f"    @{member.name}.setter",
                f"    def {member.name}(self, value) -> None:",
                f"        self._{member.name} = value",
            ]
        return lines
    lines = []
    for variant in member.overloads:
        lines.append(f"    @{member.overload_spelling}")
        lines.extend(def_lines(member, variant, ["        ..."]))
    if member.kind in ("classmethod", "staticmethod"):
        lines.append(f"    @{member.kind}")
    names = [p.name for p in member.signature.params]
    who = {"classmethod": f"{member.first}.__name__", "staticmethod": "None"}.get(
        member.kind, f"type({member.first}).__name__"
    )
    result = f"        return ({member.name!r}, {who}, ({', '.join([*names, ''])}))"
    return [*lines, *def_lines(member, member.signature, [*doc, result])]


# -- writing the facade ------------------------------------------------------


@dataclass(frozen=True)
class FacadeFile:
    encoding: str
    coding_line: bool
    newline: str
    future: bool
    alias: str  # how the facade's module spells Target
    imported: tuple[str, ...]  # constants it imports from the target's module
    before: tuple[str, ...]  # comment texts before the class
    inside: tuple[str, ...]  # comment texts in the class, around the region
    after: tuple[str, ...]
    old_body: str  # what the region holds before generate
    symlink: bool
    #: Run on the package's folder (its files ordered by cli._chain, each real
    #: file once), not on the facade's file.
    whole_package: bool = False


def comments(encoding: str) -> st.SearchStrategy[tuple[str, ...]]:
    chars = st.characters(codec=encoding, exclude_categories=("Cc", "Cs", "Zl", "Zp"))
    return st.lists(st.text(chars, max_size=20), max_size=2).map(tuple)


@st.composite
def facade_files(draw: st.DrawFn) -> FacadeFile:
    encoding = draw(st.sampled_from(["utf-8", "latin-1"]))
    return FacadeFile(
        encoding,
        encoding != "utf-8" or draw(st.booleans()),
        draw(st.sampled_from(["\n", "\r\n"])),
        draw(st.booleans()),
        draw(st.sampled_from(["Target", "_Target"])),
        tuple(draw(st.lists(st.sampled_from(list(CONSTANTS)), unique=True))),
        draw(comments(encoding)),
        draw(comments(encoding)),
        draw(comments(encoding)),
        draw(
            st.sampled_from(
                ["", "    def stale(self) -> None:\n        pass\n", "    # old\n"]
            )
        ),
        draw(st.booleans()),
        draw(st.booleans()),
    )


START = "    # START PROXY METHODS Facade"
END = "    # END PROXY METHODS Facade"


def facade_text(facade: FacadeFile, targets: list[Member]) -> tuple[str, str, str]:
    """The facade as (text up to the START line, the region, the END line on)."""

    def listed(*kinds: str) -> str:
        return repr([m.name for m in targets if m.kind in kinds])

    target_import = "Target" + (" as _Target" if facade.alias != "Target" else "")
    head = [
        *([f"# -*- coding: {facade.encoding} -*-"] if facade.coding_line else []),
        '"""A facade."""',
        *(["from __future__ import annotations"] if facade.future else []),
        *(f"# {text}" for text in facade.before),
        "",
        f"from typing import {TYPING}, overload",
        "",
        f"from pkg.target import {', '.join([target_import, *facade.imported])}",
        "from pkg.util import create_proxy_methods",
        "",
        "",
        "@create_proxy_methods(",
        f"    {facade.alias},",
        '    ":class:`.Target`",',
        '    ":class:`.Facade`",',
        f"    methods={listed('method', 'async')},",
        f"    attributes={listed('property', 'attribute')},",
        f"    classmethods={listed('classmethod', 'staticmethod')},",
        f"    use_intermediate_variable={[m.name for m in targets if m.keep_result]},",
        ")",
        "class Facade:",
        '    """Proxies a Target."""',
        "",
        f"    def __init__(self, target: {facade.alias}) -> None:",
        "        self._proxied = target",
        "",
        *(f"    # {text}" for text in facade.inside),
        START,
    ]
    tail = [
        END,
        *(f"    # {text}" for text in facade.inside),
        "",
        "    def after(self) -> str:",
        '        return "after"',
        "",
        *(f"# {text}" for text in facade.after),
        "",
    ]
    return "\n".join(head) + "\n", facade.old_body, "\n".join(tail)


# -- what proxydoc should refuse ---------------------------------------------


def written_default(text: str, imported: tuple[str, ...]) -> str:
    """A default as the facade gets it: as written in the target when the facade
    binds its names, else the value's repr."""
    if text in CONSTANTS and text not in imported:
        return CONSTANTS[text][1]
    return text


def refusals(targets: list[Member], facade: FacadeFile) -> list[str]:
    """Why proxydoc must exit 2 on this input; empty when it must exit 0."""
    why = []
    for member in targets:
        signatures = (member.signature, *member.overloads)
        # lazy annotations too: a name used there must be imported, at least
        # under TYPE_CHECKING, or typing.get_type_hints fails on the proxy
        if facade.alias != "Target":
            texts = [p.annotation or "" for s in signatures for p in s.params]
            texts += [s.returns or "" for s in signatures]
            if "Target" in texts:  # a bare name; '"Target"' is a string
                why.append(f"{member.name}: Target is not bound in the facade")
        for param in (p for s in signatures for p in s.params):
            default = param.default
            if default == "SENTINEL" and "SENTINEL" not in facade.imported:
                why.append(f"{member.name}: SENTINEL is not imported")
                continue
            text = param.name + written_default(default or "", facade.imported)
            if not encodes(text, facade.encoding):
                why.append(f"{member.name}: {text!r} not in {facade.encoding}")
    return why


# -- running it --------------------------------------------------------------

UTIL = '''\
def create_proxy_methods(target, target_name, proxy_name, **lists):
    """A no-op at run time."""
    return lambda cls: cls
'''

#: Imports the facade in a fresh interpreter, calls each proxy and the target
#: member it proxies with the same arguments, prints what it found as JSON.
CHECKER = r"""
import asyncio, inspect, json, sys
from pkg.facade import Facade
from pkg.target import Target

members = json.loads(sys.argv[1])
target = Target()
facade = Facade(target)
docs = {}


def calls(params):
    # the required only; all, positionally where they may be; all, by keyword
    # where they may be (no extra positional ones)
    kinds = {kind for _, kind, _ in params}
    extra = {"zz_extra": [1]} if "varkw" in kinds else {}
    least, every, named = ([], dict(extra)), ([], dict(extra)), ([], dict(extra))
    for name, kind, has_default in params:
        value = f"<{name}>"
        if kind in ("posonly", "normal"):
            if not has_default:
                least[0].append(value)
            every[0].append(value)
            if kind == "posonly":
                named[0].append(value)
            else:
                named[1][name] = value
        elif kind == "vararg":
            every[0].extend(["v1", 2])
        elif kind == "kwonly":
            if not has_default:
                least[1][name] = value
            every[1][name] = value
            named[1][name] = value
    return [least, every, named]


for name, kind, params, setter in members:
    if kind in ("property", "attribute"):
        assert getattr(facade, name) == getattr(target, name), name
        if kind == "attribute" or setter:
            setattr(facade, name, ["new"])
            assert getattr(target, name) == ["new"], name
        else:
            try:
                setattr(facade, name, 1)
            except AttributeError:
                pass
            else:
                raise AssertionError(f"{name} is read-only on the target")
        continue
    owner, proxy = (target, facade) if kind in ("method", "async") else (Target, Facade)
    for args, kwargs in calls(params):
        got = getattr(proxy, name)(*args, **kwargs)
        want = getattr(owner, name)(*args, **kwargs)
        if kind == "async":
            got, want = asyncio.run(got), asyncio.run(want)
        assert got == want, (name, args, kwargs, got, want)
    docs[name] = [getattr(Target, name).__doc__ or "",
                  inspect.cleandoc(getattr(Facade, name).__doc__)]
assert facade.after() == "after"
print(json.dumps(docs))
"""

SPEC = facade_spec(target_ref="pkg.target:Target", line=1)
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}


def python(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv],
        cwd=folder,
        env=ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
    )


def proxydoc(
    folder: Path, command: str, facade: FacadeFile
) -> subprocess.CompletedProcess[str]:
    path = "pkg" if facade.whole_package else "pkg/facade.py"
    done = python(folder, "-m", "proxydoc", command, path)
    assert done.returncode in {0, 1, 2}, done
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert "this is a bug in proxydoc" not in done.stderr, done.stderr
    return done


def write_package(folder: Path, targets: list[Member], facade: FacadeFile) -> bytes:
    """The package ``pkg`` in *folder*; returns the facade's bytes."""
    package = folder / "pkg"
    package.mkdir()
    (folder / "pyproject.toml").write_text("[tool.proxydoc]\n", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "util.py").write_text(UTIL, encoding="utf-8")
    (package / "target.py").write_text(target_source(targets), encoding="utf-8")
    text = "".join(facade_text(facade, targets))
    data = text.replace("\n", facade.newline).encode(facade.encoding)
    if facade.symlink:
        (package / "_facade_real.py").write_bytes(data)
        (package / "facade.py").symlink_to("_facade_real.py")
    else:
        (package / "facade.py").write_bytes(data)
    return data


def around_region(data: bytes, facade: FacadeFile) -> tuple[bytes, bytes]:
    """The bytes up to the end of the START line, and from the END line on."""
    start = (START + facade.newline).encode(facade.encoding)
    end = END.encode(facade.encoding)
    head_end = data.index(start) + len(start)
    return data[:head_end], data[data.index(end, head_end) :]


def call_plan(targets: list[Member]) -> str:
    return json.dumps(
        [
            [
                m.name,
                m.kind,
                [(p.name, p.kind, p.default is not None) for p in m.signature.params],
                m.setter,
            ]
            for m in targets
        ]
    )


def run_pipeline(targets: list[Member], facade: FacadeFile) -> int:
    """Generate *facade* for *targets* in a fresh package; check every invariant."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        original = write_package(folder, targets, facade)
        path = folder / "pkg" / "facade.py"
        expected = refusals(targets, facade)
        done = proxydoc(folder, "generate", facade)
        written = path.read_bytes()
        assert path.is_symlink() == facade.symlink
        if done.returncode != 0:
            assert done.returncode == 2 and expected, done.stderr
            assert written == original
            assert re.search(r"^pkg/_?facade(_real)?\.py:\d+: ", done.stderr, re.M)
            return done.returncode
        assert not expected, expected
        assert around_region(written, facade) == around_region(original, facade)
        compile(written, str(path), "exec")
        checked = python(folder, "-c", CHECKER, call_plan(targets))
        assert checked.returncode == 0, checked.stderr
        for member, (target_doc, facade_doc) in json.loads(checked.stdout).items():
            assert facade_doc == inject_note(target_doc, method_note(SPEC)), member
        assert proxydoc(folder, "generate", facade).returncode == 0
        assert path.read_bytes() == written
        assert path.is_symlink() == facade.symlink
        assert proxydoc(folder, "check", facade).returncode == 0
        return done.returncode


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(
    st.integers(1, 6).flatmap(lambda n: st.tuples(*(members(i) for i in range(n)))),
    facade_files(),
)
def test_generate_random_targets_and_facades(
    drawn: tuple[Member, ...], facade: FacadeFile
) -> None:
    event(f"exit {run_pipeline(list(drawn), facade)}")


PLAIN = FacadeFile("utf-8", False, "\n", False, "Target", (), (), (), (), "", False)


def test_a_plain_facade_of_every_kind_of_member() -> None:
    """The example the property starts from, each kind of member once."""
    p = Param
    sig = Signature(
        (
            p("a", "posonly", "int"),
            p("b", "normal", "Optional[str]", "None"),
            p("args", "vararg", "Any"),
            p("c", "kwonly"),
            p("d", "kwonly", "Target", "LIMIT"),
            p("kw", "varkw"),
        ),
        "tuple[int, ...]",
    )
    variant = Signature(
        (p("a", "posonly", "int"), p("b", "kwonly", None, """b'"'""")), "int"
    )
    targets = [
        Member("m0", "method", sig, 'Doc with \\ and """.', (variant, variant)),
        Member("m1", "async", sig, "Async.\n\n  Indented.", first="this"),
        Member("m2", "classmethod", sig, None, first="klass", keep_result=True),
        Member("m3", "staticmethod", sig, "Static \x00\r.", first=""),
        Member("p4", "property", Signature((), "int"), "A property.", setter=True),
        Member("p5", "property", Signature((), None), None),
        Member("p6", "attribute", Signature((), "int")),
    ]
    assert run_pipeline(targets, PLAIN) == 0
    latin = replace(PLAIN, encoding="latin-1", coding_line=True, newline="\r\n")
    assert run_pipeline(targets, latin) == 0
    linked = replace(latin, symlink=True, whole_package=True, future=True)
    assert run_pipeline(targets, linked) == 0


def test_an_overload_default_the_facade_cannot_bind_is_refused() -> None:
    """Its value is not the implementation's: refused, not written to fail on import."""
    variant = Signature((Param("a", "kwonly", "int", "LIMIT"),), "int")
    method = Member("m0", "method", Signature((), None), None, (variant, variant))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        original = write_package(folder, [method], PLAIN)
        done = proxydoc(folder, "generate", PLAIN)
        assert done.returncode == 2
        assert re.search(
            r"^pkg/facade\.py:\d+: default of 'a' in m0\(\) is LIMIT, a name the "
            r"facade's module does not bind; import it there$",
            done.stderr,
            re.M,
        ), done.stderr
        assert (folder / "pkg" / "facade.py").read_bytes() == original


def test_an_escaped_default_with_a_hash_stays_escaped() -> None:
    sig = Signature((Param("a", "normal", None, "'\\u20ac#'"),), None)
    latin = replace(PLAIN, encoding="latin-1", coding_line=True)
    assert run_pipeline([Member("m0", "method", sig)], latin) == 0
