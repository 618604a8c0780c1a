"""Nodes of proxied members: the note, "Proxied by" and a facade's summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import _

from proxydoc._compat import allow_latex_floats, forbid_latex_floats

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

NOTE_CLASS = "proxydoc-proxy-note"
PROXIED_BY_CLASS = "proxydoc-proxied-by"
SUMMARY_CLASS = "proxydoc-proxy-summary"


class proxy_note(nodes.container):
    """ "Proxied for ``Target.member`` on behalf of ``Facade``" on a proxy member.

    A container subclass, so a writer proxydoc does not know renders it as a
    plain container holding a paragraph.
    """


class proxied_by(nodes.container):
    """ "Proxied by ``Facade.member``, ..." on a documented target member."""


class proxy_summary(nodes.container):
    """A facade class's list of the members it proxies, per target class."""


def _visit_html(self: HTML5Translator, node: nodes.Element) -> None:
    if isinstance(node, proxy_note):
        self.body.append(self.starttag(node, "div", "", role="note"))
    else:
        self.body.append(self.starttag(node, "div", ""))


def _depart_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def _visit_latex_note(self: LaTeXTranslator, node: nodes.Element) -> None:
    title = self.encode(_("Proxy"))
    self.body.append(f"\n\\begin{{sphinxadmonition}}{{note}}{{{title}:}}")
    forbid_latex_floats(self)


def _depart_latex_note(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{sphinxadmonition}\n")
    allow_latex_floats(self)


def _visit_plain(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Text, man and Texinfo: the paragraph inside says it all."""


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with a visitor per output format."""
    plain = (_visit_plain, _visit_plain)
    for node in (proxy_note, proxied_by, proxy_summary):
        latex = (_visit_latex_note, _depart_latex_note) if node is proxy_note else plain
        app.add_node(
            node,
            html=(_visit_html, _depart_html),
            latex=latex,
            text=plain,
            man=plain,
            texinfo=plain,
        )
