"""Property tests: random signatures and docstrings round-trip into valid proxies."""

from __future__ import annotations

import ast
import asyncio
import inspect
import keyword
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from proxydoc.cli._facades import ProxySpec
from proxydoc.cli._render import (
    docstring_literal,
    inject_note,
    method_note,
    render_method,
)
from proxydoc.cli._sources import split_lines
from proxydoc.cli._targets import Method, signature_from_ast

SPEC = ProxySpec(
    facade="Facade",
    target_ref="m:Target",
    target_expr="Target",
    target_name=":class:`.Target`",
    facade_name=":class:`.Facade`",
    methods=("m",),
    attributes=(),
    classmethods=(),
    use_intermediate_variable=(),
    line=1,
)
ANNOTATIONS = [
    None,
    "int",
    "str | None",
    "Optional[List[int]]",
    "'Fwd'",
    "dict[str, Any]",
]
DEFAULTS = ["None", "0", "-1.5", "'a\\\\b'", "(1, (2,))", "True", "b'x'", '"q\\"u"']
NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True).filter(
    lambda n: not keyword.iskeyword(n) and n not in {"self", "zz_extra"}
)
DOCS = st.lists(
    st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(
        ["\n", "\n\n", "\\", '"', '"""', "'", "\t", "\x0c", "\u2028", "  "]
    ),
    max_size=40,
).map("".join)


@dataclass
class Shape:
    """A random signature: parameter names, kinds, annotations and defaults."""

    posonly: list[str]
    normal: list[str]
    vararg: str | None
    kwonly: list[str]
    varkw: str | None
    annotations: dict[str, str | None]
    defaults: dict[str, str]
    returns: str | None
    is_async: bool

    def source(self) -> str:
        """``def m(self, ...)`` that returns the arguments it got."""
        parts = ["self"]
        parts += [self._param(n) for n in self.posonly]
        if self.posonly:
            parts.append("/")
        parts += [self._param(n) for n in self.normal]
        if self.vararg:
            parts.append(self._param(self.vararg, "*"))
        elif self.kwonly:
            parts.append("*")
        parts += [self._param(n) for n in self.kwonly]
        if self.varkw:
            parts.append(self._param(self.varkw, "**"))
        returns = f" -> {self.returns}" if self.returns else ""
        head = f"{'async ' if self.is_async else ''}def m({', '.join(parts)}){returns}:"
        body = "got = dict(locals())\n        del got['self']\n        return got"
        return f"class Target:\n    {head}\n        {body}\n"

    def _param(self, name: str, stars: str = "") -> str:
        text = stars + name
        if self.annotations.get(name):
            text += f": {self.annotations[name]}"
        if name in self.defaults:
            sep = " = " if self.annotations.get(name) else "="
            text += sep + self.defaults[name]
        return text


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    names = draw(st.lists(NAMES, min_size=0, max_size=9, unique=True))
    cut = sorted(draw(st.lists(st.integers(0, len(names)), min_size=2, max_size=2)))
    posonly, normal, kwonly = names[: cut[0]], names[cut[0] : cut[1]], names[cut[1] :]
    extra = draw(
        st.lists(NAMES.filter(lambda n: n not in names), max_size=2, unique=True)
    )
    vararg = extra[0] if extra and draw(st.booleans()) else None
    varkw = extra[-1] if extra and extra[-1] != vararg and draw(st.booleans()) else None
    positional = posonly + normal
    n_defaults = draw(st.integers(0, len(positional)))
    defaulted = positional[len(positional) - n_defaults :]
    defaulted += [n for n in kwonly if draw(st.booleans())]
    every = [*names, *(n for n in (vararg, varkw) if n)]
    return Shape(
        posonly=posonly,
        normal=normal,
        vararg=vararg,
        kwonly=kwonly,
        varkw=varkw,
        annotations={n: draw(st.sampled_from(ANNOTATIONS)) for n in every},
        defaults={n: draw(st.sampled_from(DEFAULTS)) for n in defaulted},
        returns=draw(st.sampled_from(ANNOTATIONS)),
        is_async=draw(st.booleans()),
    )


def _proxy(shape: Shape, doc: str | None = None) -> tuple[str, ast.FunctionDef]:
    source = "from __future__ import annotations\n" + shape.source()
    node = ast.parse(source).body[1].body[0]  # type: ignore[attr-defined]
    signature = signature_from_ast(node, split_lines(source))
    method = Method("m", "method", signature, (), doc)
    return render_method(method, SPEC, 88), node


@settings(max_examples=150, deadline=None)
@given(shapes())
def test_signatures_round_trip(shape: Shape) -> None:
    text, target = _proxy(shape)
    proxy = ast.parse(text).body[0]
    assert isinstance(proxy, type(target))
    assert ast.dump(proxy.args) == ast.dump(target.args)
    assert (proxy.returns is None) == (target.returns is None)
    if target.returns is not None:
        assert ast.dump(proxy.returns) == ast.dump(target.returns)


@settings(max_examples=150, deadline=None)
@given(shapes(), st.data())
def test_proxies_pass_every_argument_on(shape: Shape, data: st.DataObject) -> None:
    text, _ = _proxy(shape)
    namespace: dict[str, Any] = {}
    header = "from __future__ import annotations\n"
    exec(header + shape.source(), namespace)
    facade = "class Facade:\n    def __init__(self, t):\n        self._proxied = t\n\n"
    exec(
        header + facade + "\n".join("    " + line for line in text.split("\n")),
        namespace,
    )
    args, kwargs = _arguments(shape, data)
    target = namespace["Target"]()
    direct = target.m(*args, **kwargs)
    via_proxy = namespace["Facade"](target).m(*args, **kwargs)
    if shape.is_async:
        direct, via_proxy = asyncio.run(direct), asyncio.run(via_proxy)
    assert via_proxy == direct


def _arguments(shape: Shape, data: st.DataObject) -> tuple[list[int], dict[str, int]]:
    """A valid call: positional up to a cut, keywords after it, some defaults left."""
    positional = shape.posonly + shape.normal
    required = [n for n in shape.posonly if n not in shape.defaults]
    cut = data.draw(st.integers(len(required), len(positional)))
    args = list(range(cut))
    kwargs: dict[str, int] = {}
    for index, name in enumerate(positional[cut:], cut):
        optional = name in shape.defaults
        if optional and (name in shape.posonly or data.draw(st.booleans())):
            continue
        kwargs[name] = 100 + index
    if cut == len(positional) and shape.vararg:
        args += data.draw(st.lists(st.integers(), max_size=3))
    for name in shape.kwonly:
        if name not in shape.defaults or data.draw(st.booleans()):
            kwargs[name] = data.draw(st.integers())
    if shape.varkw and data.draw(st.booleans()):
        kwargs["zz_extra"] = 7
    return args, kwargs


@settings(max_examples=200, deadline=None)
@given(DOCS, st.sampled_from(["", "    ", "        "]))
def test_docstring_literals_round_trip(text: str, indent: str) -> None:
    literal = docstring_literal(text, indent)
    body = "\n".join(
        indent + line if line.strip() else line for line in text.split("\n")
    ).lstrip(" ")
    assert ast.literal_eval(literal) == body + "\n" + indent
    assert literal.startswith("r") == ("\\" in text and '"""' not in text)


@settings(max_examples=100, deadline=None)
@given(shapes(), DOCS)
def test_docstrings_carry_the_note(shape: Shape, doc: str) -> None:
    text, _ = _proxy(shape, doc)
    proxy = ast.parse(text).body[0]
    written = ast.get_docstring(proxy)  # type: ignore[arg-type]
    assert written == inspect.cleandoc(inject_note(doc, method_note(SPEC)))
    assert ".. container:: class_bases" in (written or "")
