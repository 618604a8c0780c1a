"""The marker grammar: both wordings read, written and stripped by one module."""

from __future__ import annotations

import re

import pytest

from proxydoc.core.markers import (
    EXPECTED_WORDINGS,
    Reference,
    copy_pieces,
    copy_text,
    marker_block,
    placeholder,
    pointer_text,
    read_wording,
    without_markers,
)


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("Proxied for the {class} class on behalf of the {class} class.", "copy"),
        ("Proxied for the {class} class on\nbehalf of the {class} class.", "copy"),
        ("  proxied FOR the {obj} class   on behalf of the {exc} class", "copy"),
        ("Proxy for the {attr} attribute on behalf of the {class} class.", "pointer"),
        ("Proxy for the {meth} method\non behalf of the {obj} class.", "pointer"),
        ("Proxy for the {prop} property on behalf of the {class} class.", "pointer"),
        ("Proxy for the {data} attribute on behalf of the {class} class.", "pointer"),
        ("Proxied for the {attr} class on behalf of the {class} class.", None),
        ("Proxy for the {class} attribute on behalf of the {class} class.", None),
        ("Proxy for the {attr} class on behalf of the {class} class.", None),
        ("Proxied for the {class} class on behalf of the {meth} class.", None),
        ("Proxied for the {class} class on behalf of the {class} class..", None),
        ("Proxied for the {class} class on behalf of {class}.", None),
        (
            "See also: proxied for the {class} class on behalf of the {class} class.",
            None,
        ),
        ("Proxied for the class on behalf of the {class} class.", None),
    ],
)
def test_read_wording(sentence: str, wording: str | None) -> None:
    assert read_wording(sentence) == wording


def test_placeholder_is_the_role_in_braces() -> None:
    assert placeholder("class") == "{class}"
    assert read_wording(
        f"Proxied for the {placeholder('class')} class on behalf of the "
        f"{placeholder('class')} class."
    )


def test_copy_text_in_the_two_layouts_the_command_writes() -> None:
    target, facade = ":class:`_orm.Session`", ":class:`.scoped_session`"
    assert copy_text(target, facade, on_first_line=True) == (
        "Proxied for the :class:`_orm.Session` class on\n"
        "behalf of the :class:`.scoped_session` class."
    )
    assert copy_text(target, facade, on_first_line=False) == (
        "Proxied for the :class:`_orm.Session` class\n"
        "on behalf of the :class:`.scoped_session` class."
    )


def test_names_that_hold_the_words_do_not_move_the_line_break() -> None:
    odd = ":class:`on behalf of the`"
    assert copy_text(odd, odd, on_first_line=True) == (
        "Proxied for the :class:`on behalf of the` class on\n"
        "behalf of the :class:`on behalf of the` class."
    )


def test_pointer_text() -> None:
    assert pointer_text("_orm.Session.bind", ":class:`.Facade`") == (
        "Proxy for the :attr:`_orm.Session.bind` attribute\n"
        "on behalf of the :class:`.Facade` class."
    )


_ROLE = re.compile(r":(\w+):`[^`]*`")


@pytest.mark.parametrize("on_first_line", [True, False])
def test_what_is_written_is_read_back(on_first_line: bool) -> None:
    def read(text: str) -> str | None:
        return read_wording(_ROLE.sub(lambda m: placeholder(m[1]), text))

    copy = copy_text(":class:`A`", ":class:`B`", on_first_line=on_first_line)
    assert read(copy) == "copy"
    assert read(pointer_text("A.x", ":class:`B`")) == "pointer"


def test_copy_pieces_for_nodes() -> None:
    assert copy_pieces("pkg.Target", "pkg.Facade") == [
        "Proxied for the ",
        Reference("class", "pkg.Target"),
        " class on behalf of the ",
        Reference("class", "pkg.Facade"),
        " class.",
    ]


def test_expected_wordings_message() -> None:
    assert EXPECTED_WORDINGS == (
        "'Proxied for the :class:`Target` class on behalf of the :class:`Facade` "
        "class.' or 'Proxy for the :attr:`Target.member` attribute on behalf of the "
        ":class:`Facade` class.'"
    )


def test_marker_block() -> None:
    assert marker_block("line one\n\nline two", "    ") == [
        ".. container:: class_bases",
        "",
        "    line one",
        "",
        "    line two",
    ]


def test_without_markers_strips_each_block_and_keeps_the_rest() -> None:
    doc = (
        "Close the session.\n"
        "\n"
        ".. container:: class_bases\n"
        "\n"
        "    Proxied for the :class:`.Session` class on\n"
        "    behalf of the :class:`.scoped_session` class.\n"
        "\n"
        "More text.\n"
        "\n"
        "  ..  container::\tclass_bases  \n"
        "     nested\n"
        "\n"
        "       deeper\n"
        "  kept, at the block's own indent\n"
        ".. container:: other\n"
        "\n"
        "    kept too"
    )
    assert without_markers(doc) == (
        "Close the session.\n"
        "\n"
        "More text.\n"
        "\n"
        "  kept, at the block's own indent\n"
        ".. container:: other\n"
        "\n"
        "    kept too"
    )
