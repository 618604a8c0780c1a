"""Write time: ``¶`` self-links and their writers, print targets, tooltips, CSS."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from proxydoc._config import settings
from proxydoc._static import add_stylesheet
from proxydoc._walk import find_blocks
from proxydoc.params._anchors import (
    ANCHOR_ATTR,
    ENTRY_CLASS,
    NAME_CLASS,
    NAME_LINK_CLASS,
    first_param_id,
)
from proxydoc.params._fields import entry_nodes, holder_of

if TYPE_CHECKING:
    from docutils.nodes import NodeVisitor
    from sphinx.application import Sphinx


#: The class of a parameter name in a signature that links to its entry.
SIGLINK_CLASS = "proxydoc-siglink"
#: The class of a link whose title the stylesheet shows as a tooltip.
TOOLTIP_CLASS = "proxydoc-tooltip"


class param_link(nodes.Inline, nodes.Element):
    """The ``¶`` after a parameter's name that links to the parameter (HTML only).

    Used where the name is itself a link (``proxydoc_param_link_style =
    "both"``); a plain name becomes a :class:`param_name` instead.
    """


def _self_link(refid: str) -> str:
    title = _("Link to this parameter")
    return (
        f'<a class="proxydoc-paramlink headerlink" href="#{refid}" '
        f'title="{title}">¶</a>'
    )


def visit_param_link_html(self: Any, node: param_link) -> None:
    self.body.append(_self_link(node["refid"]))
    raise nodes.SkipNode


class param_name(addnodes.literal_strong):
    """A parameter's name written as Sphinx writes it, then its ``¶`` self-link.

    A name node becomes one in place at write time (its class is changed, no
    node is made): Sphinx's autodoc keeps the doctrees of the pages it read
    alive after they are written (a module it cannot analyse is cached as an
    exception whose traceback grows by the frames of each later attempt), so
    a node made per parameter at write time stays for the rest of the build.
    """


class param_name_strong(nodes.strong):
    """:class:`param_name` for a name Sphinx wrote as plain ``strong``."""


#: The class a name node of each kind becomes.
SELF_LINKED: dict[type[nodes.Element], type[nodes.Element]] = {
    addnodes.literal_strong: param_name,
    nodes.strong: param_name_strong,
}


def anchor_of_name(name: nodes.Element) -> str | None:
    """The id the ``¶`` after *name* links to (``_anchors.add_self_link``)."""
    entry = name.parent
    if not isinstance(entry, nodes.Element):
        return None
    return entry.get(ANCHOR_ATTR) or first_param_id(holder_of(entry))


def write_as_base(translator: Any, how: str, node: nodes.Element) -> None:
    """Visit or depart (*how*) *node* as the translator writes the node it was.

    *node*'s class was changed in place to a subclass of its own: the method
    is looked up along that class's bases, as Sphinx's translators dispatch.
    """
    for cls in type(node).__mro__[1:]:
        method = getattr(translator, f"{how}_{cls.__name__}", None)
        if method is not None:
            method(node)
            return
    getattr(translator, f"unknown_{how}")(node)


def visit_param_name_html(self: Any, node: nodes.Element) -> None:
    write_as_base(self, "visit", node)


def depart_param_name_html(self: Any, node: nodes.Element) -> None:
    write_as_base(self, "depart", node)
    anchor = anchor_of_name(node)
    if anchor:
        self.body.append(_self_link(anchor))


def skip(self: NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _name_node(entry: nodes.Element) -> nodes.Element | None:
    for child in entry.children:
        if isinstance(child, nodes.Element) and (
            NAME_CLASS in child["classes"] or NAME_LINK_CLASS in child["classes"]
        ):
            return child
    return None


class AddSelfLinks(SphinxPostTransform):
    """Put the ``¶`` self-link after each anchored parameter name (HTML only).

    Made at write time, not when the document is read, and without a node of
    its own where the name is plain text (:class:`param_name`): the doctrees
    of a build stay in memory, and a node per parameter with them.
    """

    default_priority = 20
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if settings(self.config).param_link_style not in ("symbol", "both"):
            return
        for content in find_blocks(self.document, addnodes.desc_content):
            for entry in entry_nodes(content):
                name = _name_node(entry)
                anchor = anchor_of_name(name) if name is not None else None
                if name is None or not anchor:
                    continue
                swapped = SELF_LINKED.get(type(name))
                if swapped is not None:
                    name.__class__ = swapped
                else:  # a link already (link style "both"): the symbol after it
                    entry.insert(entry.index(name) + 1, param_link(refid=anchor))


def _is_param_entry(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and ENTRY_CLASS in node["classes"]


def _is_param_name(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and NAME_CLASS in node["classes"]


class TargetParameters(SphinxPostTransform):
    """LaTeX and Texinfo make labels from targets, not from ids of other nodes.

    An item's ids are on the item; the ids sphinx-paramlinks gave starred
    names (``params.*args``) on the name.
    """

    default_priority = 400
    formats = ("latex", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for entry in list(self.document.findall(_is_param_entry)):
            assert isinstance(entry, nodes.Element)
            ids = list(entry["ids"])
            for name in entry.findall(_is_param_name):
                assert isinstance(name, nodes.Element)
                ids += name["ids"]
                name["ids"] = []
            if ids:
                entry.insert(0, nodes.target("", "", ids=ids))
                entry["ids"] = []


def inline_extra_ids(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Move the ids after an HTML item's first onto its name (``:param x, y:``).

    HTML writes each id after an element's first as an empty ``<span>`` before
    the element, which spaces that item apart from the others; on the name the
    span is inline and takes no room.  Done once the page's backlinks, which
    read the item's ids, are in (``doctree-resolved``, late).
    """
    if app.builder.format != "html":
        return
    # Block-level walk: an item is a list item, field body, paragraph or term,
    # never inside a paragraph's inline text (most of a page's nodes).
    for entry in find_blocks(doctree, nodes.Element):
        if not _is_param_entry(entry):
            continue
        name = next(entry.findall(_is_param_name), None)
        if name is not None and len(entry["ids"]) > 1:
            assert isinstance(name, nodes.Element)
            name["ids"][:0] = entry["ids"][1:]
            del entry["ids"][1:]


#: The class Sphinx gives the text of a ``:paramref:`` link.
PARAMREF_CLASS = "py-paramref"


def is_param_link(node: nodes.Node) -> bool:
    """A titled link into the project: a signature's, or a ``:paramref:``'s."""
    if not isinstance(node, nodes.reference) or not node.get("reftitle"):
        return False
    if SIGLINK_CLASS in node["classes"]:
        return True
    return bool(node.get("internal")) and any(
        isinstance(child, nodes.Element) and PARAMREF_CLASS in child["classes"]
        for child in node.children
    )


class MarkTooltips(SphinxPostTransform):
    """With ``proxydoc_param_tooltip``, mark each parameter link for a tooltip.

    The stylesheet shows a marked link's title (the parameter's synopsis)
    beside it while it is pointed at or has keyboard focus; the title stays,
    for assistive technology.  No script, nothing fetched.
    """

    default_priority = 20  # once references are resolved (10)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not settings(self.config).param_tooltip:
            return
        for link in self.document.findall(is_param_link):
            assert isinstance(link, nodes.Element)
            link["classes"].append(TOOLTIP_CLASS)


def setup_output(app: Sphinx) -> None:
    """Register the self-link node and transforms, and the HTML stylesheet."""
    app.add_node(
        param_link,
        html=(visit_param_link_html, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    for name_class in SELF_LINKED.values():
        app.add_node(name_class, html=(visit_param_name_html, depart_param_name_html))
    app.add_post_transform(AddSelfLinks)
    app.add_post_transform(TargetParameters)
    app.add_post_transform(MarkTooltips)
    app.connect("doctree-resolved", inline_extra_ids, priority=900)
    add_stylesheet(app, "proxydoc.css")
