"""Module prefixes: ``_orm.Session`` stands for ``sqlalchemy.orm.Session``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Mapping

    from docutils.nodes import Element


def expand_prefix(target: str, prefixes: Mapping[str, str]) -> str:
    """*target* with its leading prefix token replaced by the module it names."""
    head, dot, rest = target.partition(".")
    module = prefixes.get(head)
    if module is None:
        return target
    return module + dot + rest


def strip_prefix(text: str, prefixes: Mapping[str, str]) -> str:
    """*text* without a leading prefix token, as a reader should see it.

    A prefix that stands alone (``:mod:`_orm```) reads as the module it names.
    """
    head, dot, rest = text.partition(".")
    if head not in prefixes:
        return text
    return rest if dot else prefixes[head]


def expand_reference(
    node: Element, contnode: Element, prefixes: Mapping[str, str]
) -> str:
    """Expand the prefix of a Python reference before it is resolved.

    The node keeps the expanded target (for intersphinx and ``nitpick_ignore``);
    an implicit title loses the prefix, whether the reference resolves or not.
    """
    target: str = node["reftarget"]
    if not prefixes or target.partition(".")[0] not in prefixes:
        return target
    expanded = expand_prefix(target, prefixes)
    node["reftarget"] = expanded
    if not node.get("refexplicit"):
        for text in contnode.findall(nodes.Text):
            shown = strip_prefix(str(text), prefixes)
            if shown != str(text):
                text.parent.replace(text, nodes.Text(shown))
            break
    return expanded
