"""The marker grammar for module facades: "... on behalf of the :mod:`x` module."."""

from __future__ import annotations

import re

import pytest

from proxydoc.core.markers import (
    EXPECTED_WORDINGS,
    Reference,
    Sentence,
    copy_pieces,
    copy_text,
    placeholder,
    read_sentence,
    read_wording,
)


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        (
            "Proxied for the {class} class on behalf of the {mod} module.",
            Sentence("copy", module=True),
        ),
        (
            "Proxied for the {class} class on\nbehalf of the {obj} module",
            Sentence("copy", module=True),
        ),
        (
            "Proxy for the {attr} attribute on behalf of the {mod} module.",
            Sentence("pointer", module=True),
        ),
        (
            "Proxied for the {class} class on behalf of the {class} class.",
            Sentence("copy", module=False),
        ),
        (
            "Proxy for the {meth} method on behalf of the {class} class.",
            Sentence("pointer", module=False),
        ),
        # the facade's role and its word go together
        ("Proxied for the {class} class on behalf of the {class} module.", None),
        ("Proxied for the {class} class on behalf of the {mod} class.", None),
        ("Proxied for the {mod} class on behalf of the {mod} module.", None),
        ("Proxied for the {class} class on behalf of the {mod} module..", None),
    ],
)
def test_read_sentence(sentence: str, read: Sentence | None) -> None:
    assert read_sentence(sentence) == read
    assert read_wording(sentence) == (read.wording if read else None)


def test_copy_pieces_for_a_module_facade() -> None:
    assert copy_pieces("pkg.Operations", "pkg.op", module=True) == [
        "Proxied for the ",
        Reference("class", "pkg.Operations"),
        " class on behalf of the ",
        Reference("mod", "pkg.op"),
        " module.",
    ]


_ROLE = re.compile(r":(\w+):`[^`]*`")


@pytest.mark.parametrize("on_first_line", [True, False])
def test_module_copy_text_is_read_back(on_first_line: bool) -> None:
    text = copy_text(
        ":class:`.Operations`",
        ":mod:`alembic.op`",
        on_first_line=on_first_line,
        module=True,
    )
    assert text.endswith("behalf of the :mod:`alembic.op` module.")
    read = read_sentence(_ROLE.sub(lambda m: placeholder(m[1]), text))
    assert read == Sentence("copy", module=True)


def test_the_message_for_unreadable_markers_is_unchanged() -> None:
    """Existing projects' warnings stay byte for byte what they were."""
    assert "module" not in EXPECTED_WORDINGS
