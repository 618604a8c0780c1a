"""The text of one method proxy: literal layouts first, then properties over random
signatures and docstrings, each checked by Python's own parser, never by proxydoc."""

from __future__ import annotations

import ast
import asyncio
import inspect
import keyword
from dataclasses import dataclass
from typing import Any

import pytest
from cli_helpers import facade_spec
from hypothesis import given, settings
from hypothesis import strategies as st

# The code under test, kept to these lines (its names still move).
from proxydoc.cli._render import docstring_literal, render_method
from proxydoc.cli._sources import split_lines
from proxydoc.cli._targets import Method, signature_from_ast

SPEC = facade_spec(methods=("m",), line=1)
#: The note as autodoc reads it from the proxy's docstring, written out by hand.
NOTE = [
    ".. container:: class_bases",
    "",
    "    Proxied for the :class:`.Target` class on",
    "    behalf of the :class:`.Facade` class.",
]
SIMPLE_TARGET = "class Target:\n    def m(self, a, *, b=1):\n        return a\n"


def proxy_text(target_source: str, doc: str | None) -> str:
    """The proxy of ``Target.m`` in *target_source*, given the docstring *doc*."""
    source = "from __future__ import annotations\n" + target_source
    node = ast.parse(source).body[1].body[0]  # type: ignore[attr-defined]
    signature = signature_from_ast(node, split_lines(source))
    return render_method(Method("m", "method", signature, (), doc), SPEC, 88)


def docstring_of(proxy: str) -> str | None:
    """The proxy's docstring as Python, and so autodoc, reads it (cleaned)."""
    return ast.get_docstring(ast.parse(proxy).body[0])  # type: ignore[arg-type]


# -- Literal layouts ---------------------------------------------------------

ONE_LINE = '''\
def m(self, a, *, b=1):
    """Do it.

    .. container:: class_bases

        Proxied for the :class:`.Target` class on
        behalf of the :class:`.Facade` class.
    """

    return self._proxied.m(a, b=b)
'''

INDENTED_PARAGRAPHS = '''\
def m(self, a, *, b=1):
    """Leading.
      indented

    .. container:: class_bases

        Proxied for the :class:`.Target` class on
        behalf of the :class:`.Facade` class.

    x
    """

    return self._proxied.m(a, b=b)
'''

BACKSLASH = '''\
def m(self, a, *, b=1):
    r"""Match ``\\d+`` keys.

    .. container:: class_bases

        Proxied for the :class:`.Target` class on
        behalf of the :class:`.Facade` class.

    Then more.
    """

    return self._proxied.m(a, b=b)
'''

TRIPLE_QUOTES = '''\
def m(self, a, *, b=1):
    """Say \\"\\"\\"hi\\"\\"\\".

    .. container:: class_bases

        Proxied for the :class:`.Target` class on
        behalf of the :class:`.Facade` class.
    """

    return self._proxied.m(a, b=b)
'''


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Do it.", ONE_LINE),
        ("  Leading.\n    indented\n\n  x\n\n", INDENTED_PARAGRAPHS),
        ("Match ``\\d+`` keys.\n\nThen more.", BACKSLASH),
        ('Say """hi""".', TRIPLE_QUOTES),
    ],
    ids=["one-line", "indented-paragraphs", "backslash-raw", "triple-quotes"],
)
def test_docstring_layouts(doc: str, expected: str) -> None:
    assert proxy_text(SIMPLE_TARGET, doc) == expected


@pytest.mark.parametrize("doc", [None, ""])
def test_a_member_without_docstring_still_gets_the_note(doc: str | None) -> None:
    assert docstring_of(proxy_text(SIMPLE_TARGET, doc)) == "\n".join(NOTE)


def test_an_indented_first_line_is_kept() -> None:
    doc = "\n        A block quote first.\n    Then text.\n"
    assert docstring_of(proxy_text(SIMPLE_TARGET, doc)) == "\n".join(
        ["    A block quote first.", "Then text.", "", *NOTE]
    )


@pytest.mark.parametrize(
    ("text", "indent", "literal"),
    [
        ("plain", "    ", '"""plain\n    """'),
        ("line\n\nmore\n", "    ", '"""line\n\n    more\n\n    """'),
        # cleaned, the literal with "line" after the quotes would lose the indent
        ("line\n\n  more\n", "    ", '"""\n    line\n\n      more\n\n    """'),
        ("  first\nnext", "    ", '"""\n      first\n    next\n    """'),
        ("a\\d+", "    ", 'r"""a\\d+\n    """'),
        ('say """hi"""', "", '"""say \\"\\"\\"hi\\"\\"\\"\n"""'),
        ('both \\ and """', "", '"""both \\\\ and \\"\\"\\"\n"""'),
    ],
)
def test_docstring_literal_examples(text: str, indent: str, literal: str) -> None:
    assert docstring_literal(text, indent) == literal


# -- Properties --------------------------------------------------------------

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


def target_node(shape: Shape) -> ast.FunctionDef:
    """``Target.m`` as Python parses it."""
    return ast.parse(shape.source()).body[0].body[0]  # type: ignore[attr-defined,return-value]


@settings(max_examples=150, deadline=None)
@given(shapes())
def test_signatures_round_trip(shape: Shape) -> None:
    proxy = ast.parse(proxy_text(shape.source(), None)).body[0]
    target = target_node(shape)
    assert isinstance(proxy, type(target))
    assert ast.dump(proxy.args) == ast.dump(target.args)
    assert (proxy.returns is None) == (target.returns is None)
    if target.returns is not None:
        assert ast.dump(proxy.returns) == ast.dump(target.returns)


@settings(max_examples=150, deadline=None)
@given(shapes(), st.data())
def test_proxies_pass_every_argument_on(shape: Shape, data: st.DataObject) -> None:
    text = proxy_text(shape.source(), None)
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
    """The literal, read by Python, is *text* laid out to sit at *indent*:
    every later line that is not blank moved right by *indent*, the closing
    quotes on a line of their own, the first line right after the quotes, or on
    the next line, moved right too, where cleaning would otherwise change the
    text.  Cleaned, it gives *text* back whenever a line of *text* starts at
    column 0 (else no layout can: cleaning takes the common indent away)."""
    literal = docstring_literal(text, indent)
    value = ast.literal_eval(literal)
    assert isinstance(value, str) and value.endswith("\n" + indent)
    written = value[: len(value) - len(indent) - 1].split("\n")
    original = text.split("\n")  # only "\n" ends a line in Python source
    below = len(written) == len(original) + 1
    if below:
        assert written.pop(0) == ""
    else:
        assert len(written) == len(original)
        assert written[0] == original[0].lstrip(" ")
    for line, source_line in list(zip(original, written, strict=True))[1 - below :]:
        if line.strip(" \t"):  # a form feed is text to Python 3.13's cleandoc
            assert source_line == indent + line
        else:
            assert source_line == line
    if "\t" not in text and any(
        line.strip() and not line[:1].isspace() for line in original
    ):
        assert cleaned_lines(value) == cleaned_lines("\n" + text)
    if literal.startswith("r"):
        assert "\\" in text and '"""' not in text
    elif all(c.isprintable() or c in "\n\t" for c in text):
        assert "\\" not in text or '"""' in text


def cleaned_lines(doc: str) -> list[str]:
    """*doc* as Python cleans a docstring, blank lines empty, those at the ends
    dropped."""
    lines = [line if line.strip() else "" for line in inspect.cleandoc(doc).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


@settings(max_examples=100, deadline=None)
@given(shapes(), DOCS)
def test_docstrings_carry_the_note_after_the_first_paragraph(
    shape: Shape, doc: str
) -> None:
    original = cleaned_lines(doc)
    written = docstring_of(proxy_text(shape.source(), doc))
    assert written is not None
    lines = written.split("\n")
    assert lines.count(NOTE[0]) == 1
    at = lines.index(NOTE[0])
    assert lines[at : at + len(NOTE)] == NOTE
    first_paragraph = original[: original.index("")] if "" in original else original
    # a blank line after the first paragraph; none when the text starts blank
    assert lines[:at] == ([*first_paragraph, ""] if first_paragraph else [])
    assert lines[at + len(NOTE) :] == original[len(first_paragraph) :]
