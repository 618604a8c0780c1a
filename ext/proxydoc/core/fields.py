"""Parameter fields as written in docstrings: ``:param int x:``, ``*args``, ``x=5``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Field names that list one parameter each (``:param x:``), before Sphinx groups them.
PARAM_FIELD_NAMES = frozenset(
    {"param", "parameter", "arg", "argument", "keyword", "kwarg", "kwparam"}
)

#: A field marker starting a line, as docutils reads one (``:param int x:``).
_FIELD_MARKER = re.compile(
    r"^[ \t]*:(?![: ])((?:[^:\\\n]|\\.|:(?!(?:[ `]|$)))*)(?<! ):(?:[ \t]+|$)",
    re.MULTILINE,
)


def written_name(text: str) -> str:
    """A name as sphinx-paramlinks keeps it: markup gone, stars kept."""
    name = text.strip().strip("`").replace("\\", "")
    return name.partition("=")[0].partition(":")[0].strip()


def clean_name(text: str) -> str:
    """``**kw``, ``\\*args``, ``x=5`` and ````x```` all name the same parameter."""
    return written_name(text).lstrip("*")


def param_field_name(field_name: str) -> str | None:
    """The parameter a field name documents (``param int x`` -> ``x``), or None."""
    words = field_name.split()
    if len(words) >= 2 and words[0] in PARAM_FIELD_NAMES:
        return clean_name(words[-1])
    return None


def documented_params(doc: str) -> Iterator[str]:
    """Parameters the field lists of raw docstring text document, in order."""
    for match in _FIELD_MARKER.finditer(doc):
        name = param_field_name(match[1])
        if name is not None:
            yield name
