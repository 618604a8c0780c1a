"""Module prefixes: ``_orm.Session`` stands for ``sqlalchemy.orm.Session``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

#: Key of the per-document list of references shortened by a prefix.
SHORTENED = "proxydoc_shortened_references"

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


def _strip_first_text(
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
            _strip_first_text(contnode, prefixes)
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


class PrefixedRole:
    """A Python role whose targets may start with a module prefix.

    Expanding where the role makes its node costs no walk over the doctree,
    and warnings and ``nitpick_ignore`` then see the full target.  References
    no role made (signature annotations) are expanded when they are resolved.
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
            if not isinstance(node, addnodes.pending_xref) or not node.children:
                continue
            target = node["reftarget"]
            if target.partition(".")[0] not in prefixes:
                continue
            node["reftarget"] = expand_prefix(target, prefixes)
            title = node[0]
            if node.get("refexplicit") or not isinstance(title, nodes.Element):
                continue
            changed = _strip_first_text(title, prefixes)
            if changed is not None:
                _shortened(env).append((node, *changed))
        return result, messages


def _shortened(env: Any) -> list[tuple[Element, nodes.Text, str]]:
    """References of this document whose title lost a prefix: new and old text."""
    found: list[tuple[Element, nodes.Text, str]] = env.temp_data.setdefault(
        SHORTENED, []
    )
    return found


def _as_written(xref: Element, new: nodes.Text, old: str) -> str:
    """The text *xref* showed before its prefix was dropped."""
    return "".join(
        nodes.unescape(old) if text is new else text.astext()
        for text in xref.findall(nodes.Text)
    )


class KeepSectionIds(SphinxTransform):
    """A section titled with a prefixed role keeps the id it had with the prefix.

    docutils makes a section's id from its title's text; links on the web
    point at ids made while the title still read ``_orm.declarative_base()``.
    """

    default_priority = 200

    def apply(self, **kwargs: object) -> None:
        by_title: dict[int, tuple[nodes.title, dict[int, str]]] = {}
        for xref, new, old in _shortened(self.env):
            title = xref.parent
            if isinstance(title, nodes.title) and isinstance(
                title.parent, nodes.section
            ):
                written = _as_written(xref, new, old)
                by_title.setdefault(id(title), (title, {}))[1][id(xref)] = written
        for title, as_written in by_title.values():
            text = "".join(
                as_written.get(id(child), child.astext()) for child in title.children
            )
            legacy = nodes.make_id(nodes.fully_normalize_name(text))
            if legacy and legacy not in self.document.ids:
                section = title.parent
                section["ids"].insert(0, legacy)  # the first id is the one links use
                self.document.ids[legacy] = section
