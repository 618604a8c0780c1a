"""Prefixed references: the target expanded, the shown text without the prefix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from proxydoc.core.prefixes import expand_prefix, strip_prefix

if TYPE_CHECKING:
    from collections.abc import Mapping

    from docutils.nodes import Element, Node


def strip_first_text(
    contnode: Element, prefixes: Mapping[str, str]
) -> tuple[nodes.Text, str] | None:
    """Drop the prefix token from *contnode*'s first text: the new text and the old."""
    children = contnode.children
    if children and isinstance(children[0], nodes.Text):  # a role's literal
        text, parent, index = children[0], contnode, 0
    else:
        text = next(iter(contnode.findall(nodes.Text)), None)  # type: ignore[assignment]
        if text is None or text.parent is None:
            return None
        parent = text.parent
        index = parent.index(text)
    old = str(text)
    shown = strip_prefix(old, prefixes)
    if shown == old:
        return None
    new = nodes.Text(shown)
    parent[index] = new
    return new, old


def expand_reference(
    node: Element, target: str, contnode: Node, prefixes: Mapping[str, str]
) -> tuple[str, Node]:
    """Expand the prefix of a Python reference's *target*; a new title if implicit.

    The node keeps the expanded target (for resolving, intersphinx,
    ``nitpick_ignore`` and warnings) when *target* is its own.
    """
    if not prefixes or target.partition(".")[0] not in prefixes:
        return target, contnode
    expanded = expand_prefix(target, prefixes)
    if node.get("reftarget") == target:
        node["reftarget"] = expanded
    if not node.get("refexplicit"):
        if isinstance(contnode, nodes.Text):  # the xrefs Sphinx makes for annotations
            contnode = nodes.Text(strip_prefix(str(contnode), prefixes))
        elif isinstance(contnode, nodes.Element):
            strip_first_text(contnode, prefixes)
    return expanded, contnode


def restore_title(node: Element, contnode: Node, prefixes: Mapping[str, str]) -> None:
    """Show in *contnode* the title the ``:paramref:`` role gave, without its prefix.

    zzzeeksphinx rewrites the title of every ``paramref`` reference from its
    target, which reads ``params.name`` with proxydoc's targets.
    """
    title = node.get("proxydoc_title")
    if title is None or not isinstance(contnode, nodes.Element):
        return
    wanted = strip_prefix(title, prefixes)
    if contnode.astext() == wanted:
        return
    contnode.children = []
    contnode += nodes.Text(wanted)
