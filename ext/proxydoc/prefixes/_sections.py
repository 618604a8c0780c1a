"""Sections titled with a prefixed role keep the id their title gave with the prefix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform

from proxydoc.prefixes._roles import shortened

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx


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
        for xref, new, old in shortened(self.env):
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
                self.document.set_id(section)


def setup_sections(app: Sphinx) -> None:
    """Register the transform that keeps prefixed section titles' ids."""
    app.add_transform(KeepSectionIds)
