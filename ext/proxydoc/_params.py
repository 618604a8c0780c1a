"""Parameter anchors: each documented parameter gets an id, self-link, index entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from proxydoc._config import settings
from proxydoc._domain import ParamOwner
from proxydoc._fields import PARAM_OBJTYPES, ParamEntry, param_entries, param_labels
from proxydoc._paramref import canonical_target, normalise_owner
from proxydoc._render import ENTRY_CLASS, param_link
from proxydoc._signature import check_signature, take_field_lines
from proxydoc._walk import find_blocks

if TYPE_CHECKING:
    from sphinx.application import Sphinx

NAME_CLASS = "proxydoc-param-name"


def owner_of(sig: addnodes.desc_signature) -> tuple[str, str]:
    """Full name and reader's name (``Session.close``) of the object *sig* describes."""
    fullname = normalise_owner(sig.get("fullname", ""))
    module = sig.get("module")
    return (f"{module}.{fullname}" if module else fullname), fullname


class AnchorParameters(SphinxTransform):
    """Give every documented parameter of a Python object an id and index entry."""

    # Before SphinxDomains (850) collects index entries and objects.
    default_priority = 840

    def apply(self, **kwargs: object) -> None:
        labels = param_labels()
        self.link_style = settings(self.config).param_link_style
        for desc in find_blocks(self.document, addnodes.desc):
            if desc.get("domain") == "py" and desc.get("objtype") in PARAM_OBJTYPES:
                self.anchor_object(desc, labels)

    def anchor_object(self, desc: addnodes.desc, labels: frozenset[str]) -> None:
        sigs = [c for c in desc.children if isinstance(c, addnodes.desc_signature)]
        contents = [c for c in desc.children if isinstance(c, addnodes.desc_content)]
        if not sigs or not contents:
            return
        lines = take_field_lines(contents[0])
        entries = list(param_entries(contents[0], labels))
        if not entries:
            return
        owner = owner_of(sigs[0])
        if not owner[1]:
            return  # Sphinx could not parse the signature: there is no name to anchor
        # A :no-index: copy keeps its anchors (links to it exist on the web) but
        # is neither an object nor an index entry.
        indexed = bool(sigs[0].get("ids"))
        with_index = indexed and not (
            desc.get("no-index-entry") or desc.get("noindexentry")
        )
        params: dict[str, str] = {}
        for entry in entries:
            self.anchor_entry(entry, owner[0], params, with_index)
        if indexed and params:
            self.env.domains["py"].note_params(  # type: ignore[attr-defined]
                owner[0],
                ParamOwner(self.env.docname, desc["objtype"], owner[1], params),
            )
        check_signature(self.config, sigs, entries, owner, lines)

    def anchor_entry(
        self, entry: ParamEntry, owner: str, params: dict[str, str], with_index: bool
    ) -> None:
        anchors = []
        for name, written in zip(entry.names, entry.written, strict=True):
            if name in params:
                continue
            anchor = canonical_target(owner, name)
            # sphinx-paramlinks kept the stars (``params.*args``): keep that id too.
            for node_id in dict.fromkeys((anchor, canonical_target(owner, written))):
                if node_id not in self.document.ids:
                    entry.holder["ids"].append(node_id)
                    self.document.ids[node_id] = entry.holder
            params[name] = anchor
            anchors.append(anchor)
            if with_index:
                text = f"{name} ({owner} parameter)"
                index = addnodes.index(entries=[("single", text, anchor, "", None)])
                entry.node.insert(0, index)
        if anchors:
            entry.holder["classes"].append(ENTRY_CLASS)
            entry.name_node["classes"].append(NAME_CLASS)
            self.add_self_link(entry, anchors[0])

    def add_self_link(self, entry: ParamEntry, anchor: str) -> None:
        """The link a reader clicks to copy a parameter's address."""
        name = entry.name_node
        position = entry.node.index(name)
        if self.link_style in ("symbol", "both"):
            entry.node.insert(position + 1, param_link(refid=anchor))
        if self.link_style in ("name", "both"):
            wrapped = nodes.reference(
                "", "", refid=anchor, classes=["proxydoc-paramname"]
            )
            entry.node.replace(name, wrapped)
            wrapped += name


def setup_params(app: Sphinx) -> None:
    """Register the transform that anchors parameters."""
    app.add_transform(AnchorParameters)
