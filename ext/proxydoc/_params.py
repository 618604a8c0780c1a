"""Parameter anchors: each documented parameter gets an id and an index entry."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.python import PyObject  # type: ignore[attr-defined]
from sphinx.transforms import SphinxTransform

from proxydoc._domain import ParamOwner
from proxydoc._paramref import canonical_target, normalise_owner
from proxydoc._warnings import warn

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

#: Object types whose descriptions list parameters (a class lists its constructor's).
PARAM_OBJTYPES = frozenset(
    {
        "function",
        "method",
        "classmethod",
        "staticmethod",
        "class",
        "exception",
        "decorator",
        "decoratormethod",
    }
)

#: Field labels of parameter lists written by Sphinx, napoleon and numpydoc.
ENGLISH_LABELS = frozenset(
    {
        "Parameters",
        "Parameter",
        "Other Parameters",
        "Keyword Arguments",
        "Keyword Args",
        "Arguments",
        "Args",
    }
)

#: Field names that list one parameter each (``:param x:``), before Sphinx groups them.
PARAM_FIELD_NAMES = frozenset(
    {"param", "parameter", "arg", "argument", "keyword", "kwarg", "kwparam"}
)

ENTRY_CLASS = "proxydoc-param"
LINES_ATTR = "proxydoc_param_lines"
NAME_CLASS = "proxydoc-param-name"
ANCHOR_ATTR = "proxydoc_anchor"


def param_labels() -> frozenset[str]:
    """Labels of parameter fields, in the build's language and in English."""
    local = {
        str(f.label)
        for f in PyObject.doc_field_types
        if f.name in ("parameter", "keyword")
    }
    return ENGLISH_LABELS | local


class ParamEntry(NamedTuple):
    """One item of a parameter list: the node to anchor and its parameter names."""

    node: nodes.Element
    name_node: nodes.Element
    names: tuple[str, ...]


class Signature(NamedTuple):
    """Parameter names of an object's signatures, when they can be read."""

    names: frozenset[str]
    takes_any_keyword: bool


def clean_name(text: str) -> str:
    """``**kw``, ``\\*args``, ``x=5`` and ````x```` all name the same parameter."""
    name = text.strip().strip("`").replace("\\", "").lstrip("*")
    return name.partition("=")[0].partition(":")[0].strip()


def names_in(text: str) -> tuple[str, ...]:
    """Parameter names in a list item's name text (numpydoc allows ``x, y``)."""
    names = (clean_name(part) for part in text.split(","))
    return tuple(n for n in names if n.isidentifier())


def _entry_from(node: nodes.Element) -> ParamEntry | None:
    for child in node.children:
        if isinstance(child, (addnodes.index, nodes.target)):
            continue
        if isinstance(child, (nodes.strong, addnodes.literal_strong)):
            names = names_in(child.astext())
            return ParamEntry(node, child, names) if names else None
        if isinstance(child, nodes.Element) or str(child).strip():
            return None
    return None


def _entries_in_body(body: nodes.Element) -> Iterator[ParamEntry]:
    for child in body.children:
        candidates: list[nodes.Element] = []
        if isinstance(child, nodes.paragraph):
            candidates = [child]
        elif isinstance(child, (nodes.bullet_list, nodes.definition_list)):
            items = [item for item in child.children if isinstance(item, nodes.Element)]
            candidates = [item[0] for item in items if item.children]  # type: ignore[misc]
        for candidate in candidates:
            entry = _entry_from(candidate)
            if entry is not None:
                yield entry


def param_entries(
    content: nodes.Element, labels: frozenset[str]
) -> Iterator[ParamEntry]:
    """Parameter items of the field lists directly inside *content*."""
    for field_list in content.children:
        if not isinstance(field_list, nodes.field_list):
            continue
        for field in field_list.children:
            if not isinstance(field, nodes.field):
                continue
            name, body = field.children[0], field.children[-1]
            if isinstance(body, nodes.field_body) and name.astext().strip() in labels:
                yield from _entries_in_body(body)


def signature_of(sigs: list[addnodes.desc_signature]) -> Signature | None:
    """The parameter names of all *sigs*, or None where one has no parameter list."""
    names: set[str] = set()
    any_keyword = False
    for sig in sigs:
        plists = [c for c in sig.children if isinstance(c, addnodes.desc_parameterlist)]
        if not plists:
            return None
        for param in plists[0].findall(addnodes.desc_parameter):
            text = param.astext()
            if text.lstrip().startswith("**"):
                any_keyword = True
            sig_names = list(param.findall(addnodes.desc_sig_name))
            name = clean_name(sig_names[0].astext() if sig_names else text)
            if name.isidentifier():
                names.add(name)
    return Signature(frozenset(names), any_keyword)


def owner_of(sig: addnodes.desc_signature) -> tuple[str, str]:
    """Full name and reader's name (``Session.close``) of the object *sig* describes."""
    fullname = normalise_owner(sig.get("fullname", ""))
    module = sig.get("module")
    return (f"{module}.{fullname}" if module else fullname), fullname


def remember_field_lines(
    app: Sphinx, domain: str, objtype: str, content: addnodes.desc_content
) -> None:
    """Note where each ``:param x:`` was written, before Sphinx regroups the fields."""
    if domain != "py":
        return
    lines: dict[str, str] = {}
    for field_list in content.children:
        if not isinstance(field_list, nodes.field_list):
            continue
        for field in field_list.children:
            words = field[0].astext().split()  # type: ignore[index]
            if len(words) >= 2 and words[0] in PARAM_FIELD_NAMES and field.source:
                lines.setdefault(clean_name(words[-1]), f"{field.source}:{field.line}")
    if lines:
        content[LINES_ATTR] = lines


def _location(entry: ParamEntry, name: str, content: nodes.Element) -> object:
    lines: dict[str, str] = content.get(LINES_ATTR, {})
    return lines.get(name) or entry.node


class AnchorParameters(SphinxTransform):
    """Give every documented parameter of a Python object an id and index entry."""

    # Before SphinxDomains (850) collects index entries and objects.
    default_priority = 840

    def apply(self, **kwargs: object) -> None:
        labels = param_labels()
        for desc in self.document.findall(addnodes.desc):
            if desc.get("domain") == "py" and desc.get("objtype") in PARAM_OBJTYPES:
                self.anchor_object(desc, labels)

    def anchor_object(self, desc: addnodes.desc, labels: frozenset[str]) -> None:
        sigs = [c for c in desc.children if isinstance(c, addnodes.desc_signature)]
        contents = [c for c in desc.children if isinstance(c, addnodes.desc_content)]
        if not sigs or not contents or not sigs[0].get("ids"):
            return  # :no-index: objects get no targets, so their parameters neither
        owner, display = owner_of(sigs[0])
        entries = list(param_entries(contents[0], labels))
        if not entries:
            return
        with_index = not (desc.get("no-index-entry") or desc.get("noindexentry"))
        params: dict[str, str] = {}
        for entry in entries:
            self.anchor_entry(entry, owner, params, with_index)
        self.env.domains["py"].note_params(  # type: ignore[attr-defined]
            owner, ParamOwner(self.env.docname, desc["objtype"], display, params)
        )
        self.check_signature(sigs, entries, display, contents[0])

    def anchor_entry(
        self, entry: ParamEntry, owner: str, params: dict[str, str], with_index: bool
    ) -> None:
        for name in entry.names:
            anchor = canonical_target(owner, name)
            if name in params or anchor in self.document.ids:
                continue
            params[name] = anchor
            entry.node["ids"].append(anchor)
            self.document.ids[anchor] = entry.node
            entry.node.setdefault(ANCHOR_ATTR, anchor)
            if with_index:
                text = f"{name} ({owner} parameter)"
                index = addnodes.index(entries=[("single", text, anchor, "", None)])
                entry.node.insert(0, index)
        if ANCHOR_ATTR in entry.node:
            entry.node["classes"].append(ENTRY_CLASS)
            entry.name_node["classes"].append(NAME_CLASS)

    def check_signature(
        self,
        sigs: list[addnodes.desc_signature],
        entries: list[ParamEntry],
        display: str,
        content: nodes.Element,
    ) -> None:
        signature = signature_of(sigs)
        if signature is None or signature.takes_any_keyword:
            return
        for entry in entries:
            for name in entry.names:
                if name not in signature.names:
                    known = ", ".join(sorted(signature.names)) or "no parameters"
                    warn(
                        f"{display} documents parameter {name!r}, which its "
                        f"signature does not have (it has: {known})",
                        "param",
                        location=_location(entry, name, content),
                    )


def setup_params(app: Sphinx) -> None:
    """Register the transform that anchors parameters."""
    app.add_transform(AnchorParameters)
    app.connect("object-description-transform", remember_field_lines)
