"""The proxy marker sentence, in its two wordings: built, parsed and stripped here only.

The copy wording sits in a ``.. container:: class_bases`` block of a docstring
copied from the target (as SQLAlchemy writes it)::

    Proxied for the :class:`Target` class on behalf of the :class:`Facade` class.

The pointer wording is a proxy's whole docstring::

    Proxy for the :attr:`Target.member` attribute
    on behalf of the :class:`Facade` class.

Either wording may name a module facade instead of a class (``alembic.op``,
whose functions are made from a class's methods)::

    Proxied for the :class:`Target` class on behalf of the :mod:`facade` module.

Each wording is fixed words around two references.  The extension reads a
sentence with each reference replaced by its role as a placeholder
(:func:`placeholder`, :func:`read_wording`) and builds nodes from
:func:`copy_pieces`; the ``proxydoc`` command writes :func:`copy_text` and
:func:`pointer_text`; drift checks compare docstrings :func:`without_markers`.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

#: The class of the container holding a copy marker, as written in reST.
MARKER_CLASS = "class_bases"
#: The directive line that opens a marker block.
MARKER_DIRECTIVE = f".. container:: {MARKER_CLASS}"

_BEHALF = " on behalf of the "
#: The words around the two references: before the first, between, after the last.
COPY_WORDS = ("Proxied for the ", f" class{_BEHALF}", " class.")
POINTER_WORDS = ("Proxy for the ", f" attribute{_BEHALF}", " class.")
#: The last words when the facade is a module, in place of `` class.``.
MODULE_END = " module."

#: Roles each reference may be written with, and the member kinds a pointer names.
_CLASS_ROLES = ("class", "obj", "exc")
_MEMBER_ROLES = ("attr", "meth", "obj", "data", "prop")
_MEMBER_KINDS = ("attribute", "method", "property")
_MODULE_ROLES = ("mod", "obj")

WordingKind = Literal["copy", "pointer"]


class Sentence(NamedTuple):
    """What a marker sentence says: its wording, and whether the facade is a module."""

    wording: WordingKind
    module: bool


class Reference(NamedTuple):
    """A reference in a marker sentence: ``:role:`target```."""

    role: str
    target: str


def placeholder(role: str) -> str:
    """What a reference made with *role* stands as in a sentence to read."""
    return f"{{{role}}}"


def _roles(roles: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(placeholder(r)) for r in roles) + ")"


def _sentence(first: str, middle: str, words: tuple[str, str, str]) -> re.Pattern[str]:
    """A wording: *first* reference, *middle* words, a class or a module facade.

    The full stop is optional; the group ``module`` holds a module facade.
    """
    return re.compile(
        re.escape(words[0])
        + first
        + middle
        + "(?:"
        + _roles(_CLASS_ROLES)
        + re.escape(words[2].removesuffix("."))
        + "|(?P<module>"
        + _roles(_MODULE_ROLES)
        + re.escape(MODULE_END.removesuffix("."))
        + "))"
        + r"\.?",
        re.IGNORECASE,
    )


_COPY = _sentence(_roles(_CLASS_ROLES), re.escape(COPY_WORDS[1]), COPY_WORDS)
_POINTER = _sentence(
    _roles(_MEMBER_ROLES),
    " (?:" + "|".join(_MEMBER_KINDS) + ")" + re.escape(_BEHALF),
    POINTER_WORDS,
)
_WORDINGS: tuple[tuple[WordingKind, re.Pattern[str]], ...] = (
    ("copy", _COPY),
    ("pointer", _POINTER),
)


def read_sentence(sentence: str) -> Sentence | None:
    """What *sentence* says, references written as :func:`placeholder`, or None.

    Runs of whitespace count as one space, so line breaks may fall anywhere.
    """
    normal = " ".join(sentence.split())
    for wording, pattern in _WORDINGS:
        match = pattern.fullmatch(normal)
        if match:
            return Sentence(wording, match.group("module") is not None)
    return None


def read_wording(sentence: str) -> WordingKind | None:
    """The wording of *sentence* (:func:`read_sentence`), whatever the facade."""
    read = read_sentence(sentence)
    return read.wording if read is not None else None


def copy_pieces(
    target: str, facade: str, *, module: bool = False
) -> list[str | Reference]:
    """The copy wording as words and references, for building nodes.

    The facade is a ``:class:``, or a ``:mod:`` when *module*.
    """
    return [
        COPY_WORDS[0],
        Reference("class", target),
        COPY_WORDS[1],
        Reference("mod" if module else "class", facade),
        MODULE_END if module else COPY_WORDS[2],
    ]


def _break_before(words: str, word: str) -> str:
    """*words* with the space before *word* made a line break."""
    return words.replace(f" {word} ", f"\n{word} ", 1)


def copy_text(
    target: str, facade: str, *, on_first_line: bool, module: bool = False
) -> str:
    """The copy wording on two lines, *target* and *facade* written as references.

    The line breaks before "on behalf", or after "on" when *on_first_line*;
    the sentence ends in "module." when *module* (*facade* is a ``:mod:``).
    """
    middle = _break_before(COPY_WORDS[1], "behalf" if on_first_line else "on")
    end = MODULE_END if module else COPY_WORDS[2]
    return COPY_WORDS[0] + target + middle + facade + end


def pointer_text(member: str, facade: str) -> str:
    """The pointer wording to the attribute *member*, broken before "on behalf".

    *facade* is written as a reference already (``:class:`.Facade```).
    """
    middle = _break_before(POINTER_WORDS[1], "on")
    return f"{POINTER_WORDS[0]}:attr:`{member}`{middle}{facade}{POINTER_WORDS[2]}"


def _expected() -> str:
    facade = ":class:`Facade`"
    copy = copy_text(":class:`Target`", facade, on_first_line=False)
    pointer = pointer_text("Target.member", facade)
    return " or ".join(f"'{' '.join(s.split())}'" for s in (copy, pointer))


#: Both wordings, quoted, for a message about a marker that reads as neither.
EXPECTED_WORDINGS = _expected()


def marker_block(sentence: str, indent: str) -> list[str]:
    """The lines of a ``class_bases`` container holding *sentence*, indented."""
    body = [indent + line if line.strip() else line for line in sentence.split("\n")]
    return [MARKER_DIRECTIVE, "", *body]


_BLOCK = re.compile(
    rf"^(?P<indent>[ \t]*)\.\.[ \t]+container::[ \t]+{MARKER_CLASS}[ \t]*$"
)


def without_markers(doc: str) -> str:
    """*doc* without its ``.. container:: class_bases`` blocks."""
    kept: list[str] = []
    indent: int | None = None
    for line in doc.splitlines():
        if indent is not None:
            stripped = line.lstrip()
            if not stripped or len(line) - len(stripped) > indent:
                continue
            indent = None
        match = _BLOCK.match(line)
        if match:
            indent = len(match.group("indent"))
            continue
        kept.append(line)
    return "\n".join(kept)
