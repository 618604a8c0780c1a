"""Rendering skips work whose answer is known: a docstring literal written with
no escape and no raw prefix is not parsed back, and an empty indent leaves the
text as it is.  Each shortcut gives what the full path gives."""

from __future__ import annotations

import ast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from proxydoc.cli import _render
from proxydoc.cli._render import Unwritable, docstring_literal, indent_lines

ALPHABET = st.characters(codec="utf-8") | st.sampled_from(
    ['"', "\\", "\n", "\r", "\x00", "\x0c", " ", "\t", "é", "\u2028", "\x85"]
)


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(ALPHABET, max_size=40),
    indent=st.sampled_from(["", "    ", "\t", '"', '  "']),
    encoding=st.sampled_from(["utf-8", "latin-1", "ascii"]),
)
@example(text='ends in a quote"', indent="", encoding="utf-8")
@example(text='a """ b', indent="    ", encoding="utf-8")
@example(text="", indent="", encoding="utf-8")
def test_docstring_literal_as_with_the_check(
    text: str, indent: str, encoding: str
) -> None:
    def checked() -> str | type[BaseException]:
        try:
            return docstring_literal(text, indent, encoding)
        except (Unwritable, ValueError, SyntaxError) as exc:
            return type(exc)

    fast = checked()
    # The full path, as before the shortcut: a literal led by a space is not
    # taken as plain, so it is parsed back (literal_eval strips the space).
    real_quoted = _render._quoted
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_render, "_quoted", lambda v, e: " " + real_quoted(v, e))
        full = checked()
    assert fast == (full.lstrip(" ") if isinstance(full, str) else full)
    if isinstance(fast, str):
        value = ast.literal_eval(fast)
        assert isinstance(value, str)


@given(st.text(st.sampled_from("ab \t\n\r"), max_size=30))
def test_indent_lines_with_no_prefix_is_the_text(text: str) -> None:
    full = "\n".join("" + line if line.strip() else line for line in text.split("\n"))
    assert indent_lines(text, "") == full == text
