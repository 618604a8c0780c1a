"""Parameter anchors: each documented parameter gets an id, self-link, index entry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from proxydoc._config import settings
from proxydoc._pydomain import ParamOwner, python_domain
from proxydoc._walk import find_blocks
from proxydoc.core.targets import PARAMS, canonical_target, normalise_owner
from proxydoc.params._fields import (
    PARAM_OBJTYPES,
    ParamEntry,
    param_entries,
    param_labels,
    remember_field_lines,
    take_field_lines,
)
from proxydoc.params._synopsis import synopsis_detail

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: An entry of the general index: type, text, target id, main, key.
IndexEntry = tuple[str, str, str, str, None]

#: Emitted for each described object with anchored parameters, as
#: ``(app, desc, owner, entries, lines)``: *owner* is (full name, reader's
#: name), *lines* where each ``:param x:`` was written (``source:line``).
OBJECT_PARAMS_EVENT = "proxydoc-object-params"

ENTRY_CLASS = "proxydoc-param"
NAME_CLASS = "proxydoc-param-name"
#: The class of the reference a parameter's name becomes (link style "name").
NAME_LINK_CLASS = "proxydoc-paramname"
#: On the paragraph or term that starts a parameter item: the id it links to.
ANCHOR_ATTR = "proxydoc_anchor"


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
        labels = param_labels(python_domain(self.env))
        self.link_style = settings(self.config).param_link_style
        self.with_index = settings(self.config).param_index
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
        owner = owner_of(sigs[0])
        if not owner[1]:
            return  # Sphinx could not parse the signature: there is no name to anchor
        if not entries:  # nothing to anchor; listeners may check the signature
            self.env.events.emit(OBJECT_PARAMS_EVENT, desc, owner, entries, lines)
            return
        # A :no-index: copy keeps its anchors (links to it exist on the web) but
        # is neither an object nor an index entry.  Sphinx marks it on the desc
        # (both spellings, 7.4 to 9); a signature without ids may be indexed
        # (sphinx-immaterial's apigen: a member's page is its anchor).
        indexed = not (desc.get("no-index") or desc.get("noindex"))
        with_index = (
            indexed
            and self.with_index
            and not (desc.get("no-index-entry") or desc.get("noindexentry"))
        )
        params: dict[str, str] = {}
        details: dict[str, str] = {}
        starred: dict[str, str] = {}
        index = object_index(desc) if with_index else None
        for entry in entries:
            anchored = self.anchor_entry(entry, owner[0], params)
            starred.update(
                (name, written)
                for name, written in zip(entry.names, entry.written, strict=True)
                if name in anchored and written != name
            )
            if indexed:
                detail = synopsis_detail(entry)  # one string for the item's names
                details.update(dict.fromkeys(anchored, detail))
            if anchored and with_index:
                if index is None:
                    index = addnodes.index(entries=[])
                    desc.parent.insert(desc.parent.index(desc), index)
                index["entries"].extend(index_entries(owner[0], anchored))
        if indexed and params:
            python_domain(self.env).note_params(
                owner[0],
                ParamOwner(
                    self.env.docname,
                    desc["objtype"],
                    owner[1],
                    params,
                    details,
                    starred,
                ),
            )
        self.env.events.emit(OBJECT_PARAMS_EVENT, desc, owner, entries, lines)

    def anchor_entry(
        self, entry: ParamEntry, owner: str, params: dict[str, str]
    ) -> dict[str, str]:
        """Give *entry* the ids of its parameters; return the names anchored."""
        anchors: dict[str, str] = {}
        for name, written in zip(entry.names, entry.written, strict=True):
            if name in params:
                continue
            anchor = canonical_target(owner, name)
            # sphinx-paramlinks kept the stars (``params.*args``): keep that id
            # too, on the name: HTML writes an element's second id as an empty
            # element before it, which spaces the item apart from the others.
            alias = canonical_target(owner, written)
            holders = [(entry.holder, anchor), (entry.name_node, alias)]
            for node, node_id in holders[: 1 if alias == anchor else 2]:
                if node_id not in self.document.ids:
                    node["ids"].append(node_id)
                    self.document.set_id(node)
            params[name] = anchor
            anchors[name] = anchor
        if anchors:
            entry.holder["classes"].append(ENTRY_CLASS)
            entry.name_node["classes"].append(NAME_CLASS)
            self.add_self_link(entry, next(iter(anchors.values())))
        return anchors

    def add_self_link(self, entry: ParamEntry, anchor: str) -> None:
        """The link a reader clicks to copy a parameter's address.

        The ``¶`` symbol is added at write time, for HTML only
        (:class:`proxydoc.params._output.AddSelfLinks`), to the item's first
        parameter id; an item whose first anchor is not among its ids (the
        same object described twice in a page) keeps it in an attribute.
        Nothing else is stored: Sphinx keeps every doctree in memory, and an
        attribute more on a node costs a larger attribute table on each item.
        """
        if first_param_id(entry.holder) != anchor:  # seldom: a repeated description
            entry.node[ANCHOR_ATTR] = anchor
        if self.link_style in ("name", "both"):
            name = entry.name_node
            wrapped = nodes.reference("", "", refid=anchor, classes=[NAME_LINK_CLASS])
            entry.node.replace(name, wrapped)
            wrapped += name


def first_param_id(holder: nodes.Element) -> str | None:
    """The first parameter id an item holds: where its ``¶`` links to."""
    return next((i for i in holder["ids"] if PARAMS in i), None)


def object_index(desc: addnodes.desc) -> addnodes.index | None:
    """The index node Sphinx put just before *desc*, with the object's own entry.

    The parameters' entries join it (each keeps its own target): Sphinx holds
    every doctree in memory until it is written, and the garbage collector
    walks every node each full collection, so a node of our own per
    description (or per parameter) would cost memory and time all build long.
    Without one, the entries get a node of their own in the same place.
    """
    position = desc.parent.index(desc)
    before = desc.parent[position - 1] if position else None
    if isinstance(before, addnodes.index) and before["entries"]:
        return before
    return None


def is_param_index_entry(entry: tuple[str, ...]) -> bool:
    """One of the general-index entries :func:`index_entries` makes."""
    return PARAMS in entry[2] and entry[1].endswith(" parameter)")


class ParamEntriesOutOfSearch(SphinxPostTransform):
    """HTML: the search index lists a parameter once, as an object.

    Sphinx's search index also lists every general-index entry of a page; a
    parameter's entry would be a second result for the same place (and about
    a hundred bytes of ``searchindex.js`` and of the build's memory per
    parameter).  The general index, which Sphinx made from these entries when
    the page was read, keeps them, and so do other formats' indexes.  With
    ``proxydoc_param_search = False`` parameters are in neither list.
    """

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for index in find_blocks(self.document, addnodes.index):
            entries = index["entries"]
            kept = [e for e in entries if not is_param_index_entry(e)]
            if len(kept) != len(entries):
                index["entries"] = kept


def index_entries(owner: str, anchored: dict[str, str]) -> list[IndexEntry]:
    """General index entries of the parameters *anchored* (name -> id) of *owner*."""
    return [
        ("single", f"{name} ({owner} parameter)", anchor, "", None)
        for name, anchor in anchored.items()
    ]


def setup_anchors(app: Sphinx) -> None:
    """Register the transform that anchors parameters."""
    app.connect("object-description-transform", remember_field_lines)
    app.add_transform(AnchorParameters)
    app.add_post_transform(ParamEntriesOutOfSearch)
