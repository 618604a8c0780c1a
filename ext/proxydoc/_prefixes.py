"""Module prefixes: ``_orm.Session`` stands for ``sqlalchemy.orm.Session``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from proxydoc._config import settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx


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


class ExpandModulePrefixes(SphinxTransform):
    """Expand prefix tokens in the targets and default titles of Python xrefs."""

    default_priority = 400

    def apply(self, **kwargs: object) -> None:
        prefixes = settings(self.config).module_prefixes
        if not prefixes:
            return
        for ref in self.document.findall(addnodes.pending_xref):
            if ref.get("refdomain") != "py":
                continue
            target = ref["reftarget"]
            expanded = expand_prefix(target, prefixes)
            if expanded == target:
                continue
            ref["reftarget"] = expanded
            if not ref.get("refexplicit"):
                _strip_title(ref, prefixes)


def _strip_title(ref: addnodes.pending_xref, prefixes: Mapping[str, str]) -> None:
    for text in list(ref.findall(nodes.Text)):
        shown = strip_prefix(str(text), prefixes)
        if shown != str(text):
            text.parent.replace(text, nodes.Text(shown))
        return


def setup_prefixes(app: Sphinx) -> None:
    """Register the prefix transform."""
    app.add_transform(ExpandModulePrefixes)
