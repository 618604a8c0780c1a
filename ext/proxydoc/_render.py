"""Output: the self-link node and its writers, print targets, the HTML stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from docutils.nodes import NodeVisitor
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
ENTRY_CLASS = "proxydoc-param"


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


def _is_param_entry(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and ENTRY_CLASS in node["classes"]


class TargetParameters(SphinxPostTransform):
    """LaTeX and Texinfo make labels from targets, not from ids of other nodes."""

    default_priority = 400
    formats = ("latex", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for entry in list(self.document.findall(_is_param_entry)):
            assert isinstance(entry, nodes.Element)
            if entry["ids"]:
                entry.insert(0, nodes.target("", "", ids=list(entry["ids"])))
                entry["ids"] = []


def _add_static_path(app: Sphinx, config: Config) -> None:
    # At config-inited, not builder-inited: the environment compares the config
    # before the builder exists, so a path added later reads as a config change.
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def _add_css(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file("proxydoc.css")


def setup_render(app: Sphinx) -> None:
    """Register the self-link node, the print transform and the HTML stylesheet."""
    app.add_node(
        param_link,
        html=(visit_param_link_html, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_post_transform(TargetParameters)
    app.connect("config-inited", _add_static_path)
    app.connect("builder-inited", _add_css)
