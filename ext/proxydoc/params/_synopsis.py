"""A parameter's synopsis: what a reader sees on hovering a link to it.

"``Session.close.reset`` - parameter, bool: Reset the session." -- its full
name as the reader knows it, the word "parameter", its type when the entry
gives one, and the first sentence of its description.  Read from the item
Sphinx (or napoleon, numpydoc) wrote: ``name (type) -- text`` in a paragraph,
or a term ``name : type`` with its definition.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from proxydoc.params._fields import ParamEntry

#: The longest first sentence kept, in characters; longer ones are cut at a word.
MAX_SENTENCE = 160
_SEPARATOR = re.compile(r"^\s*(?:--|\u2013|\u2014|:)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(`*\"'])")
_SPACE = re.compile(r"\s+")


def entry_parts(entry: ParamEntry) -> tuple[str | None, str]:
    """The type (None when not given) and description text of *entry*."""
    node = entry.node
    if isinstance(node, nodes.term):
        item = node.parent
        classifiers = [c for c in item.children if isinstance(c, nodes.classifier)]
        kind = classifiers[0].astext().strip() if classifiers else None
        definition = [c for c in item.children if isinstance(c, nodes.definition)]
        text = _first_paragraph(definition[0]) if definition else ""
        if kind is None:
            kind, text = _term_type(node, entry), text or ""
        return kind or None, text
    rest = _after_name(node, entry)
    kind = None
    if rest.startswith("("):
        depth = 0
        for index, char in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                kind, rest = rest[1:index].strip() or None, rest[index + 1 :]
                break
    return kind, _SEPARATOR.sub("", rest, count=1)


def _after_name(node: nodes.Element, entry: ParamEntry) -> str:
    text = ""
    seen = False
    for child in node.children:
        if seen:
            text += child.astext()
        elif child is entry.name_node or entry.name_node in child.findall():
            seen = True
    return text.lstrip()


def _term_type(term: nodes.term, entry: ParamEntry) -> str | None:
    """A type written in the term itself (``name : type``)."""
    rest = _after_name(term, entry)
    match = re.match(r"^\s*:\s*(.+)$", rest)
    return match[1].strip() if match else None


def _first_paragraph(node: nodes.Element) -> str:
    for paragraph in node.findall(nodes.paragraph):
        return paragraph.astext()
    return node.astext()


def first_sentence(text: str) -> str:
    """The first sentence of *text*, on one line, cut at a word when too long."""
    text = _SPACE.sub(" ", text).strip()
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    cut = sentence[:MAX_SENTENCE].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


def synopsis(display: str, name: str, entry: ParamEntry | None) -> str:
    """The synopsis of parameter *name* of the object the reader knows as *display*."""
    return with_head(display, name, synopsis_detail(entry) if entry else "")


def synopsis_detail(entry: ParamEntry) -> str:
    """What a synopsis says after its head: ``, type: first sentence``.

    What the domain keeps per parameter (:class:`proxydoc._pydomain.ParamOwner`):
    the head is the owner's name and the parameter's, known without it, and
    its dash would make Python store the whole string two bytes a character.
    """
    kind, text = entry_parts(entry)
    detail = f", {_SPACE.sub(' ', kind)}" if kind else ""
    sentence = first_sentence(text)
    return f"{detail}: {sentence}" if sentence else detail


def with_head(display: str, name: str, detail: str) -> str:
    """The synopsis of parameter *name* of *display*, from its *detail*."""
    return f"{display}.{name} \u2014 parameter{detail}"
