"""Docstrings the facade's file cannot hold as written: escaped literals, or refused.

A docstring is written as a literal that Python reads back to exactly the
intended text and that the facade's encoding can hold; text outside docstrings
(a default, the header) that the encoding lacks is refused with ``file:line``.
"""

from __future__ import annotations

import ast
import inspect

import pytest
from cli_helpers import encodes, facade_spec
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.util.docstrings import prepare_docstring

from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._render import (
    attribute_note,
    docstring_literal,
    inject_note,
    method_note,
    render_region,
)
from proxydoc.cli._sources import split_lines
from proxydoc.cli._targets import Attribute, Method, signature_from_ast
from proxydoc.core.markers import pointer_text

ENCODINGS = ["utf-8", "latin-1", "ascii", "cp1252"]
SPEC = facade_spec(methods=("m",), attributes=("a",), line=7, display="pkg/facade.py")
TARGET = "class Target:\n    def m(self, a, *, b=1):\n        return a\n"


def method(doc: str | None, target: str = TARGET) -> Method:
    """``Target.m`` as written in *target*, with the docstring *doc*."""
    node = ast.parse(target).body[0].body[0]  # type: ignore[attr-defined]
    return Method("m", "method", signature_from_ast(node, split_lines(target)), (), doc)


def region_docstrings(region: str) -> list[str]:
    """The value of each docstring literal in *region*, read with literal_eval."""
    source = "class Facade:" + region
    tree = ast.parse(source)
    values = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                segment = ast.get_source_segment(source, first.value)
                assert segment is not None
                values.append(ast.literal_eval(segment))
    return values


# -- docstring_literal -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "literal"),
    [
        ("a\rb", "utf-8", '"""a\\rb\n    """'),
        ("a\r\nb", "utf-8", '"""a\\r\n    b\n    """'),
        ("nul\x00here", "utf-8", '"""nul\\x00here\n    """'),
        (
            "bell\x07 esc\x1b del\x7f",
            "utf-8",
            '"""bell\\x07 esc\\x1b del\\x7f\n    """',
        ),
        ("ff\x0c vt\x0b nel\x85", "utf-8", '"""ff\\x0c vt\\x0b nel\\x85\n    """'),
        ("line\u2028sep", "utf-8", '"""line\\u2028sep\n    """'),
        ("price \u20ac", "latin-1", '"""price \\u20ac\n    """'),
        ("price \u20ac", "cp1252", '"""price \u20ac\n    """'),
        ("caf\xe9", "latin-1", '"""caf\xe9\n    """'),
        ("caf\xe9", "ascii", '"""caf\\xe9\n    """'),
        ("smile \U0001f600", "cp1252", '"""smile \\U0001f600\n    """'),
        ("\\d+ and \u20ac", "ascii", '"""\\\\d+ and \\u20ac\n    """'),
        ("\\d+ and\r", "utf-8", '"""\\\\d+ and\\r\n    """'),
        ("ends in \\", "utf-8", 'r"""ends in \\\n    """'),
        ("ends in \\\\", "latin-1", 'r"""ends in \\\\\n    """'),
        ("ends in \\ and \u20ac", "latin-1", '"""ends in \\\\ and \\u20ac\n    """'),
        ('ends in "', "utf-8", '"""ends in "\n    """'),
        ("ends in '", "utf-8", '"""ends in \'\n    """'),
        ("""mixed \"\"\" and ''' """, "utf-8", None),
        ('"""starts', "utf-8", None),
        ('""""""', "ascii", None),
        ('\\"""', "utf-8", None),
    ],
)
def test_docstring_literal_escapes_what_the_file_cannot_hold(
    text: str, encoding: str, literal: str | None
) -> None:
    written = docstring_literal(text, "    ", encoding)
    if literal is not None:
        assert written == literal
    written.encode(encoding)
    assert ast.literal_eval(written) == text.replace("\n", "\n    ") + "\n    "


def test_the_default_encoding_is_utf8() -> None:
    assert docstring_literal("caf\xe9 \u20ac", "") == '"""caf\xe9 \u20ac\n"""'


@pytest.mark.parametrize("member", ["method", "attribute"])
def test_a_lone_surrogate_in_a_docstring_is_refused(member: str) -> None:
    """Python 3.13 cannot compile a docstring holding one, even escaped."""
    doc = "half a pair: \ud83d."
    members: list[Method | Attribute] = (
        [method(doc)] if member == "method" else [Attribute("a", "int", doc, True)]
    )
    with pytest.raises(ProxydocError) as info:
        render_region(SPEC, members, "    ", "# h", 88)
    message = str(info.value)
    assert message.startswith("pkg/facade.py:7: the proxy of ")
    assert "has a docstring holding a lone surrogate" in message
    assert "U+D83D" in message and "lone surrogate" in message


# -- Text outside docstrings -------------------------------------------------


def test_region_in_latin1_escapes_the_docstring() -> None:
    region = render_region(
        SPEC, [method("Costs \u20ac.")], "    ", "# h", 88, "latin-1"
    )
    region.encode("latin-1")
    assert "Costs \\u20ac." in region
    assert [inspect.cleandoc(d) for d in region_docstrings(region)] == [
        inject_note("Costs \u20ac.", method_note(SPEC))
    ]


@pytest.mark.parametrize(
    ("members", "header", "what"),
    [
        ([], "# h\u20ac", "the header"),
        (
            [method(None, TARGET.replace("b=1", "b='\u20ac'"))],
            "# h",
            "the proxy of m()",
        ),
        ([Attribute("a", "'\u20ac'", None, False)], "# h", "the proxy of a"),
    ],
    ids=["header", "default", "annotation"],
)
def test_text_outside_docstrings_the_encoding_lacks_is_refused(
    members: list[Method | Attribute], header: str, what: str
) -> None:
    with pytest.raises(ProxydocError) as info:
        render_region(SPEC, members, "    ", header, 88, "latin-1")
    message = str(info.value)
    assert message.startswith("pkg/facade.py:7: ")
    assert what in message
    assert "'\u20ac' (U+20AC)" in message and "latin-1" in message


# -- Docstrings as Python and Sphinx clean them --------------------------------


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (None, []),
        ("", []),
        (
            "\n        A block quote first.\n    Then text.\n",
            ["    A block quote first.", "Then text.", ""],
        ),
    ],
    ids=["none", "empty", "indented-first-line"],
)
def test_sphinx_reads_the_note_as_a_container(
    doc: str | None, expected: list[str]
) -> None:
    region = render_region(SPEC, [method(doc)], "    ", "# h", 88)
    (value,) = region_docstrings(region)
    note = [
        ".. container:: class_bases",
        "",
        "    Proxied for the :class:`.Target` class on",
        "    behalf of the :class:`.Facade` class.",
    ]
    assert prepare_docstring(value) == [*expected, *note, ""]
    assert inspect.cleandoc(value).split("\n") == [*expected, *note]


# -- Property: any docstring, any encoding -----------------------------------

ODD = ["\n", "\r", "\r\n", "\x00", "\x0c", "\x85", "\u2028", "\ud800", "\t", "  "]
QUOTES = ["\\", '"', '"""', "'", "'''", "\u20ac"]
CHARS = st.characters() | st.sampled_from([*ODD, *QUOTES])
DOCS = st.none() | st.lists(CHARS, max_size=30).map("".join)
HEADERS = ["# h", "# caf\xe9", "# \u20ac"]


def _has_surrogate(text: str | None) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text or "")


@settings(max_examples=300, deadline=None)
@given(
    DOCS,
    DOCS,
    st.sampled_from(ENCODINGS),
    st.sampled_from(HEADERS),
    st.sampled_from(["    ", "        "]),
)
def test_rendered_regions_hold_their_docstrings(
    method_doc: str | None,
    attribute_doc: str | None,
    encoding: str,
    header: str,
    indent: str,
) -> None:
    """Either refused with a location, for a header the encoding lacks or a
    docstring holding a lone surrogate only (anything else in a docstring can
    be escaped), or encodable, parseable, and each docstring, cleaned as Python
    cleans one, is the intended text."""
    members: list[Method | Attribute] = [
        method(method_doc),
        Attribute("a", "int", attribute_doc, True),
    ]
    header_lacks = not encodes(header, encoding)
    if header_lacks or any(_has_surrogate(d) for d in (method_doc, attribute_doc)):
        with pytest.raises(ProxydocError) as info:
            render_region(SPEC, members, indent, header, 88, encoding)
        assert str(info.value).startswith("pkg/facade.py:7: ")
        reason = "the header" if header_lacks else "lone surrogate"
        assert reason in str(info.value)
        return
    region = render_region(SPEC, members, indent, header, 88, encoding)
    region.encode(encoding)
    pointer = pointer_text(".Target.a", ":class:`.Facade`")
    assert [inspect.cleandoc(d) for d in region_docstrings(region)] == [
        inject_note(method_doc or "", method_note(SPEC)),
        inject_note(attribute_doc, attribute_note(SPEC)) if attribute_doc else pointer,
    ]
