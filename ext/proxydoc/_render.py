"""Output: parameter link symbols and CSS for HTML, plain targets for other formats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from proxydoc._config import settings
from proxydoc._params import ANCHOR_ATTR, ENTRY_CLASS, NAME_CLASS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"


def _is_param_entry(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and ENTRY_CLASS in node["classes"]


def _name_node(entry: nodes.Element) -> nodes.Element | None:
    for child in entry.children:
        if isinstance(child, nodes.Element) and NAME_CLASS in child["classes"]:
            return child
    return None


def link_parameter(entry: nodes.Element, style: str) -> None:
    """Add the self-link a reader clicks to copy a parameter's address."""
    name = _name_node(entry)
    if name is None or style == "none":
        return
    anchor = entry[ANCHOR_ATTR]
    position = entry.index(name)
    if style in ("name", "both"):
        wrapped = nodes.reference("", "", refid=anchor, classes=["proxydoc-paramname"])
        entry.replace(name, wrapped)
        wrapped += name
    if style in ("symbol", "both"):
        symbol = nodes.reference(
            "",
            "¶",
            refid=anchor,
            reftitle=_("Link to this parameter"),
            classes=["proxydoc-paramlink", "headerlink"],
        )
        entry.insert(position + 1, symbol)


def targets_for_print(entry: nodes.Element) -> None:
    """Writers other than HTML emit labels for targets, not for paragraph ids."""
    if entry["ids"]:
        entry.insert(0, nodes.target("", "", ids=list(entry["ids"])))
        entry["ids"] = []


class LinkParameters(SphinxPostTransform):
    """HTML: the self-link of each parameter (a symbol, the name, or both)."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        style = settings(self.config).param_link_style
        for entry in list(self.document.findall(_is_param_entry)):
            link_parameter(entry, style)  # type: ignore[arg-type]


class TargetParameters(SphinxPostTransform):
    """LaTeX and Texinfo: labels come from target nodes, so give them one each."""

    default_priority = 400
    formats = ("latex", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for entry in list(self.document.findall(_is_param_entry)):
            targets_for_print(entry)  # type: ignore[arg-type]


def _add_static(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("proxydoc.css")


def setup_render(app: Sphinx) -> None:
    """Register the output transform and the HTML stylesheet."""
    app.add_post_transform(LinkParameters)
    app.add_post_transform(TargetParameters)
    app.connect("builder-inited", _add_static)
