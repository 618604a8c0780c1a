"""Backlinks: under each parameter's description, the places that link to it.

With ``proxydoc_param_backlinks`` on, each ``:paramref:`` is recorded when its
page is read, with the place it stands in: the object whose description
holds it (linked by the object's id), else its section, else its page.  When
a page is written, each of its parameters lists the places whose links
resolve to it ("Referenced by: ..."), once each, in the order of the
documentation (the toctree's, then the page's).  A page that stops linking
drops out: the pages that owned the parameters it linked to are written
again.  Recorded in the Python domain, so parallel reads merge them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import make_refnode

from proxydoc._config import settings
from proxydoc._pydomain import ProxydocPythonDomain, python_domain
from proxydoc._walk import find_blocks, first_signature
from proxydoc.params._anchors import ENTRY_CLASS, owner_of
from proxydoc.params._resolve import ParamRefTarget

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The class of the "Referenced by" paragraph.
BACKLINKS_CLASS = "proxydoc-backlinks"
LABEL = "Referenced by:"


class Place(NamedTuple):
    """Where a ``:paramref:`` stands: a page, and an object or section in it."""

    docname: str
    node_id: str  # "" for the page itself
    title: str
    owner: str  # the enclosing object's full name, "" for a section or page
    position: int  # the link's rank in its page


class BackRef(NamedTuple):
    """One recorded ``:paramref:``: what it asks for, and where it stands."""

    target: ParamRefTarget
    place: Place


def backlinks_enabled(app: Sphinx) -> bool:
    return settings(app.config).param_backlinks


def record_backrefs(app: Sphinx, doctree: nodes.document) -> None:
    """Note each ``:paramref:`` of the page just read and the place it stands in."""
    if not backlinks_enabled(app):
        return
    env = app.env
    domain = python_domain(env)
    if env.docname not in domain.paramref_owners:
        # no :paramref: here names an owner (one without resolves to nothing):
        # no walk over the page's nodes
        return
    refs = []
    for position, node in enumerate(doctree.findall(addnodes.pending_xref)):
        if node.get("refdomain") != "py" or node.get("reftype") != "paramref":
            continue
        refs.append(
            BackRef(ParamRefTarget.from_node(node), _place(env, node, position))
        )
    if refs:
        domain.param_backrefs[env.docname] = refs
        domain.backref_changes.extend(refs)


def _place(env: BuildEnvironment, node: nodes.Node, position: int) -> Place:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.desc):
            sig = first_signature(parent)
            if sig is not None and sig.get("ids"):
                fullname, display = owner_of(sig)
                return Place(env.docname, sig["ids"][0], display, fullname, position)
        if isinstance(parent, nodes.section) and parent.get("ids"):
            title = next(iter(parent.findall(nodes.title)), None)
            text = title.astext() if title is not None else parent["ids"][0]
            return Place(env.docname, parent["ids"][0], text, "", position)
        parent = parent.parent
    return Place(
        env.docname,
        "",
        env.titles[env.docname].astext() if env.docname in env.titles else env.docname,
        "",
        position,
    )


def _resolve(
    domain: ProxydocPythonDomain, ref: ParamRefTarget
) -> tuple[str, str, str] | None:
    """(anchor, page, owner) of the parameter *ref* names, if documented here."""
    found = domain.find_param(ref)
    if found is None:
        other = ref.in_function_named_params()
        found = domain.find_param(other) if other is not None else None
    if found is None:
        return None
    entry, name = found
    owner = entry.params[name].rpartition(".params.")[0]
    return entry.params[name], entry.docname, owner


def backlink_map(env: BuildEnvironment) -> dict[str, list[Place]]:
    """Parameter anchor -> the places linking to it, deduplicated, in order."""
    domain = python_domain(env)
    if domain.backlinks_cache is not None:
        return domain.backlinks_cache
    order = {doc: rank for rank, doc in enumerate(doc_order(env))}
    found: dict[str, dict[tuple[str, str], Place]] = {}
    for refs in domain.param_backrefs.values():
        for ref in refs:
            resolved = _resolve(domain, ref.target)
            if resolved is None:
                continue
            anchor, _, owner = resolved
            if ref.place.owner == owner:
                continue  # the parameter's own description
            places = found.setdefault(anchor, {})
            places.setdefault((ref.place.docname, ref.place.node_id), ref.place)
    result = {
        anchor: sorted(
            places.values(),
            key=lambda p: (order.get(p.docname, len(order)), p.docname, p.position),
        )
        for anchor, places in found.items()
    }
    domain.backlinks_cache = result
    return result


def doc_order(env: BuildEnvironment) -> list[str]:
    """Documents in toctree order from the root; the others after, by name."""
    seen: dict[str, None] = {}
    stack = [env.config.root_doc]
    while stack:
        doc = stack.pop()
        if doc in seen:
            continue
        seen[doc] = None
        stack.extend(reversed(env.toctree_includes.get(doc, [])))
    return [*seen, *sorted(set(env.found_docs) - set(seen))]


def add_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Under each parameter of the page being written, the places linking to it."""
    if not backlinks_enabled(app):
        return
    links = backlink_map(app.env)
    if not links:
        return
    for holder in find_blocks(doctree, nodes.Element):  # items are block-level
        if ENTRY_CLASS not in holder.get("classes", ()):
            continue
        places: dict[tuple[str, str], Place] = {}
        for node_id in holder["ids"]:
            for place in links.get(node_id, ()):
                places.setdefault((place.docname, place.node_id), place)
        if places:
            _insert(holder, _paragraph(app, docname, places.values()))


def _paragraph(app: Sphinx, docname: str, places: Iterable[Place]) -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=[BACKLINKS_CLASS])
    para += nodes.Text(LABEL + " ")
    for index, place in enumerate(places):
        if index:
            para += nodes.Text(", ")
        text = nodes.inline(place.title, place.title)
        para += make_refnode(
            app.builder,
            docname,
            place.docname,
            place.node_id or None,
            text,
            place.title,
        )
    return para


def _insert(holder: nodes.Element, para: nodes.paragraph) -> None:
    """*para* at the end of the parameter's item, wherever its style keeps it."""
    if isinstance(holder, (nodes.list_item, nodes.field_body)):
        holder.append(para)
        return
    parent = holder.parent
    if parent is None:
        return
    if isinstance(holder, nodes.term):  # numpydoc, napoleon: into the definition
        for sibling in parent.children[parent.index(holder) + 1 :]:
            if isinstance(sibling, nodes.definition):
                sibling.append(para)
                return
        parent.append(nodes.definition("", para))
        return
    parent.insert(parent.index(holder) + 1, para)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose parameters gained or lost a backlink in this build."""
    domain = python_domain(env)
    changes, domain.backref_changes = domain.backref_changes, []
    domain.backlinks_cache = None
    if not backlinks_enabled(app):
        return []
    pages = set()
    for ref in changes:
        resolved = _resolve(domain, ref.target)
        if resolved is not None:
            pages.add(resolved[1])
    return sorted(pages - domain.docs_read)


def setup_backlinks(app: Sphinx) -> None:
    """Record links when pages are read; list them where their targets are written."""
    app.connect("doctree-read", record_backrefs)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("doctree-resolved", add_backlinks)
