"""Write time: "Proxied by" lines on targets and a proxy summary on facades."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from proxydoc._static import add_stylesheet
from proxydoc._walk import find_blocks
from proxydoc._warnings import warn
from proxydoc.proxies._graph import ObjRef, ProxyRecord, proxy_graph
from proxydoc.proxies._markers import (
    OPTIONAL,
    first_signature,
    full_name,
    last_name,
    ref_of,
    xref_to,
)
from proxydoc.proxies._nodes import (
    PROXIED_BY_CLASS,
    SUMMARY_CLASS,
    proxied_by,
    proxy_note,
    proxy_summary,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

CSS_FILE = "proxydoc-proxies.css"


def _content_of(desc: addnodes.desc) -> addnodes.desc_content | None:
    for child in desc.children:
        if isinstance(child, addnodes.desc_content):
            return child
    return None


def insert_before_members(content: addnodes.desc_content, node: nodes.Node) -> None:
    """Put *node* after the object's own text, before any nested description."""
    for position, child in enumerate(content.children):
        if isinstance(child, addnodes.desc):
            content.insert(position, node)
            return
    content.append(node)


class AddProxyLists(SphinxPostTransform):
    """Link every documented target to its proxies, and every facade to its members."""

    # Before the ReferencesResolver (10), which resolves the links made here.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        self.domain = domain = proxy_graph(self.env)
        if not domain.proxies:
            return
        for desc in find_blocks(self.document, addnodes.desc):
            content = _content_of(desc)
            if desc.get("domain") != "py" or content is None:
                continue
            ids = [
                i
                for sig in desc.children
                if isinstance(sig, addnodes.desc_signature)
                for i in sig["ids"]
            ]
            self.add_proxied_by(content, ids)
            self.add_summary(content, ids)
            self.warn_cycle(desc, content)

    def warn_cycle(self, desc: addnodes.desc, content: addnodes.desc_content) -> None:
        """Warn, at its note, when the proxy *desc* describes leads back to itself."""
        sig = first_signature(desc)
        if sig is None or not sig["ids"] or not sig.get("fullname"):
            return
        cycle = self.domain.cycle_of(full_name(sig))
        if not cycle or self.domain.proxies[cycle[0]].anchor != sig["ids"][0]:
            return
        notes = [c for c in content.children if isinstance(c, proxy_note)]
        if len(cycle) == 1:
            why = "proxies itself"
        else:
            why = f"is in a proxy cycle ({' -> '.join((*cycle, cycle[0]))})"
        warn(
            f'{cycle[0]} {why}; it is left out of "Proxied by" lists',
            "proxy",
            location=notes[0] if notes else desc,
        )

    @staticmethod
    def link(record: ProxyRecord, text: str) -> addnodes.pending_xref:
        """A reference to the description of the proxy *record* (resolved at 10)."""
        role = "meth" if record.callable else "attr"
        return xref_to(ObjRef(record.proxy), text, role)

    def add_proxied_by(self, content: addnodes.desc_content, ids: list[str]) -> None:
        records = self.records(ids, self.domain.proxies_of)
        if not records:
            return
        para = nodes.paragraph()
        para += nodes.Text(_("Proxied by") + " ")
        for position, record in enumerate(records):
            if position:
                para += nodes.Text(", ")
            suffix = "()" if record.callable else ""
            para += self.link(record, record.display + suffix)
        para += nodes.Text(".")
        insert_before_members(content, proxied_by("", para, classes=[PROXIED_BY_CLASS]))

    def add_summary(self, content: addnodes.desc_content, ids: list[str]) -> None:
        records = self.records(ids, self.domain.proxied_by_facade)
        if not records:
            return
        by_target: dict[str, list[ProxyRecord]] = {}
        for record in records:
            place = self.domain.locate(record.target_class)
            name = place.name if place else record.target_class.target
            by_target.setdefault(name, []).append(record)
        summary = proxy_summary(classes=[SUMMARY_CLASS])
        for target in sorted(by_target):
            summary += self.summary_line(by_target[target])
        insert_before_members(content, summary)

    def summary_line(self, records: list[ProxyRecord]) -> nodes.paragraph:
        """ "Proxies for ``Target``: ``a()``, ``b``." for one target class."""
        target = self.domain.as_documented(records[0].target_class)
        para = nodes.paragraph()
        para += nodes.Text(_("Proxies for") + " ")
        para += xref_to(target, last_name(target.target), "class")
        para += nodes.Text(": ")
        records = sorted(records, key=lambda r: r.display.rpartition(".")[2])
        for position, record in enumerate(records):
            if position:
                para += nodes.Text(", ")
            name = record.display.rpartition(".")[2]
            para += self.link(record, name + ("()" if record.callable else ""))
        para += nodes.Text(".")
        return para

    @staticmethod
    def records(
        ids: list[str], lookup: Callable[[str], list[ProxyRecord]]
    ) -> list[ProxyRecord]:
        """The records *lookup* gives for any of *ids*, once each, by proxy name."""
        seen: dict[str, ProxyRecord] = {}
        for node_id in ids:
            for record in lookup(node_id):
                seen.setdefault(record.proxy, record)
        return [seen[name] for name in sorted(seen)]


class NamesAsDocumented(SphinxPostTransform):
    """Each link of a note names its object as documented (:mod:`._names`).

    A marker may name ``pkg._base.Target`` where the docs describe
    ``pkg.Target``; the link then goes to ``pkg.Target``, and an undocumented
    object is looked up (by intersphinx too) by its public name.  A module
    facade, shown by its full name, is shown by that name.
    """

    # Before the ReferencesResolver (10).
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = proxy_graph(self.env)
        for note in list(self.document.findall(proxy_note)):
            for xref in list(note.findall(addnodes.pending_xref)):
                written = ref_of(xref)
                named = domain.as_documented(written)
                if named == written:
                    continue
                xref["reftarget"] = named.target
                xref["py:module"], xref["py:class"] = named.module, named.cls
                xref["refspecific"] = named.specific
                for code in xref.findall(nodes.literal):
                    if "py-mod" in code["classes"]:
                        code.clear()
                        code += nodes.Text(named.target)


class OneLinkPerName(SphinxPostTransform):
    """Text, man and Texinfo show every link: ``Session.close()`` becomes one link.

    HTML and LaTeX draw two adjacent links as one name; formats that print a
    link's address or a cross-reference note after it would split the name.
    """

    default_priority = 5
    formats = ("text", "man", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for note in self.document.findall(proxy_note):
            for code in note.findall(nodes.literal):
                xrefs = [
                    c for c in code.children if isinstance(c, addnodes.pending_xref)
                ]
                if len(xrefs) == 2 and xrefs[1].get(OPTIONAL):
                    merge_links(code, *xrefs)


def merge_links(
    code: nodes.literal, cls: addnodes.pending_xref, member: addnodes.pending_xref
) -> None:
    """One link, to the member, showing the class and member names."""
    text = cls.astext() + member.astext()
    member.children = []
    member += nodes.Text(text)
    code.remove(cls)


def setup_lists(app: Sphinx) -> None:
    """Register the write-time lists and the proxy stylesheet."""
    app.add_post_transform(AddProxyLists)
    app.add_post_transform(NamesAsDocumented)
    app.add_post_transform(OneLinkPerName)
    add_stylesheet(app, CSS_FILE)
