"""Module prefixes: ``_orm.Session`` stands for ``sqlalchemy.orm.Session``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from docutils.nodes import Element, Node, system_message
    from docutils.parsers.rst.states import Inliner
    from sphinx.util.typing import RoleFunction


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
    """Expand the prefix of a Python reference where the role makes it.

    The node keeps the expanded target (for resolving, intersphinx,
    ``nitpick_ignore`` and warnings); an implicit title loses the prefix.
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


class PrefixedRole:
    """A Python role whose targets may start with a module prefix.

    Expanding where the role makes its node costs no walk over the doctree.
    """

    def __init__(self, inner: RoleFunction | Any) -> None:
        self.inner = inner

    def __call__(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[Node], list[system_message]]:
        result, messages = self.inner(
            name, rawtext, text, lineno, inliner, options or {}, content or []
        )
        env = inliner.document.settings.env
        prefixes = getattr(env.domains["py"], "module_prefixes", {})
        for node in result:
            if isinstance(node, addnodes.pending_xref) and node.children:
                expand_reference(node, node[0], prefixes)  # type: ignore[arg-type]
        return result, messages
