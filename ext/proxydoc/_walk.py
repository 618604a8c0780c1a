"""Shared tree walks: block-level searches and a description's first signature."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from collections.abc import Iterable

N = TypeVar("N", bound=nodes.Element)


def find_blocks(root: nodes.Node, kinds: type[N] | tuple[type[N], ...]) -> list[N]:
    """Body elements under *root* (itself included) of *kinds*, in document order.

    The inline content of text elements (paragraphs, titles, signatures), where
    most of a document's nodes are, cannot hold a body element and is not
    visited: about six times less work than ``findall`` on real documents.
    Collected first, so callers may change the tree while they go through it.
    """
    found: list[N] = []
    stack: list[nodes.Node] = [root]
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        if isinstance(node, kinds):
            found.append(node)
        if not isinstance(node, nodes.TextElement):
            children: Iterable[nodes.Node] = node.children
            push(reversed(children))  # type: ignore[call-overload]
    return found


def first_signature(desc: addnodes.desc) -> addnodes.desc_signature | None:
    """The first signature of *desc*."""
    for child in desc.children:
        if isinstance(child, addnodes.desc_signature):
            return child
    return None
