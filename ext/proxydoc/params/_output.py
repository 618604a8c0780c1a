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
)
from proxydoc.params._fields import entry_nodes
from proxydoc.params._siglinks import SIGLINK_CLASS

if TYPE_CHECKING:
    from docutils.nodes import NodeVisitor
    from sphinx.application import Sphinx


class param_link(nodes.Inline, nodes.Element):
    """The ``¶`` after a parameter's name that links to the parameter (HTML only)."""


def visit_param_link_html(self: Any, node: param_link) -> None:
    title = _("Link to this parameter")
    self.body.append(
        f'<a class="proxydoc-paramlink headerlink" href="#{node["refid"]}" '
        f'title="{title}">¶</a>'
    )
    raise nodes.SkipNode


def skip(self: NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _name_position(entry: nodes.Element) -> int | None:
    for position, child in enumerate(entry.children):
        if isinstance(child, nodes.Element) and (
            NAME_CLASS in child["classes"] or NAME_LINK_CLASS in child["classes"]
        ):
            return position
    return None


class AddSelfLinks(SphinxPostTransform):
    """Put the ``¶`` self-link after each anchored parameter name (HTML only).

    Made at write time, not when the document is read: Sphinx keeps every
    doctree in memory from reading until it is written, and a node per
    parameter held there for the whole build is memory the output does not need.
    """

    default_priority = 20
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if settings(self.config).param_link_style not in ("symbol", "both"):
            return
        for content in find_blocks(self.document, addnodes.desc_content):
            for entry in entry_nodes(content):
                anchor = entry.get(ANCHOR_ATTR)
                position = _name_position(entry) if anchor else None
                if position is not None:
                    entry.insert(position + 1, param_link(refid=anchor))


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


#: The class of a link whose title the stylesheet shows as a tooltip.
TOOLTIP_CLASS = "proxydoc-tooltip"
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
    app.add_post_transform(AddSelfLinks)
    app.add_post_transform(TargetParameters)
    app.add_post_transform(MarkTooltips)
    app.connect("doctree-resolved", inline_extra_ids, priority=900)
    add_stylesheet(app, "proxydoc.css")
