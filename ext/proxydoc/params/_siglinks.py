"""Signature to description: each documented parameter's name in a signature
links to its entry, with the parameter's synopsis as the link's title.

Made when the anchors are (``proxydoc-object-params``), in the description's
own page, so the links are plain in-page references every builder writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from proxydoc._config import settings
from proxydoc._pydomain import python_domain
from proxydoc.core.targets import canonical_target
from proxydoc.params._anchors import OBJECT_PARAMS_EVENT
from proxydoc.params._signature import parameter_name
from proxydoc.params._synopsis import synopsis

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx

    from proxydoc.params._fields import ParamEntry

#: The class of a parameter name in a signature that links to its entry.
SIGLINK_CLASS = "proxydoc-siglink"


def link_signatures(
    app: Sphinx,
    desc: addnodes.desc,
    owner: tuple[str, str],
    entries: list[ParamEntry],
    lines: Mapping[str, str],
) -> None:
    """Link each documented parameter's name in *desc*'s signatures to its entry."""
    if not entries or not settings(app.config).signature_links:
        return
    targets: dict[str, tuple[str, ParamEntry]] = {}
    for entry in entries:
        for name in entry.names:
            anchor = canonical_target(owner[0], name)
            if name not in targets and anchor in entry.holder["ids"]:
                targets[name] = (anchor, entry)
    if not targets:
        return
    # Made by the anchors just before, for an indexed description: shared.
    known = python_domain(app.env).param_owners.get(owner[0])
    titles = dict(known.synopses) if known and known.docname == app.env.docname else {}
    for sig in desc.children:
        if not isinstance(sig, addnodes.desc_signature):
            continue
        for param in sig.findall(addnodes.desc_parameter):
            found = parameter_name(param)
            if not found or found not in targets:
                continue
            name = found
            sig_name = next(param.findall(addnodes.desc_sig_name), None)
            if sig_name is None or isinstance(
                sig_name.parent, (nodes.reference, addnodes.pending_xref)
            ):
                continue  # linked already (sphinx-immaterial links it itself)
            anchor, entry = targets[name]
            if name not in titles:
                titles[name] = synopsis(owner[1], name, entry)
            link = nodes.reference(
                "",
                "",
                refid=anchor,
                internal=True,
                reftitle=titles[name],
                classes=[SIGLINK_CLASS],
            )
            # Element.replace, not replace_self: that would give the link the
            # name's classes and ids
            sig_name.parent.replace(sig_name, link)
            link += sig_name


def setup_siglinks(app: Sphinx) -> None:
    """Link signatures to descriptions once the parameters are anchored."""
    app.connect(OBJECT_PARAMS_EVENT, link_signatures)
