"""Write time: "Proxied by" lines on targets and a proxy summary on facades."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from proxydoc._static import add_stylesheet
from proxydoc._walk import find_blocks
from proxydoc.proxies._graph import ObjRef, ProxyRecord, proxy_graph
from proxydoc.proxies._markers import last_name, ref_of, xref_to
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


def documents_of(tree: nodes.Node) -> dict[int, str]:
    """The document each description in *tree* comes from, when it joins several.

    singlehtml, LaTeX and Texinfo inline every document into one tree, each
    under a ``start_of_file`` naming it (whose children still name their old
    parent, so this walks down); an inner one is met after the outer one.
    """
    found = {}
    for start in find_blocks(tree, addnodes.start_of_file):
        for desc in find_blocks(start, addnodes.desc):
            found[id(desc)] = str(start["docname"])
    return found


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
        documents = documents_of(self.document)
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
            docname = documents.get(id(desc), self.env.docname)
            self.add_proxied_by(content, ids, docname)
            self.add_summary(content, ids, docname)

    @staticmethod
    def link(record: ProxyRecord, text: str, docname: str) -> addnodes.pending_xref:
        """A reference to the description of the proxy *record* (resolved at 10)."""
        role = "meth" if record.callable else "attr"
        return xref_to(ObjRef(record.proxy), text, role, docname)

    def add_proxied_by(
        self, content: addnodes.desc_content, ids: list[str], docname: str
    ) -> None:
        records = self.records(ids, self.domain.proxies_of)
        if not records:
            return
        para = nodes.paragraph()
        para += nodes.Text(_("Proxied by") + " ")
        for position, record in enumerate(records):
            if position:
                para += nodes.Text(", ")
            suffix = "()" if record.callable else ""
            para += self.link(record, record.display + suffix, docname)
        para += nodes.Text(".")
        insert_before_members(content, proxied_by("", para, classes=[PROXIED_BY_CLASS]))

    def add_summary(
        self, content: addnodes.desc_content, ids: list[str], docname: str
    ) -> None:
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
            summary += self.summary_line(by_target[target], docname)
        insert_before_members(content, summary)

    def summary_line(self, records: list[ProxyRecord], docname: str) -> nodes.paragraph:
        """ "Proxies for ``Target``: ``a()``, ``b``." for one target class."""
        target = self.domain.as_documented(records[0].target_class)
        para = nodes.paragraph()
        para += nodes.Text(_("Proxies for") + " ")
        para += xref_to(target, last_name(target.target), "class", docname)
        para += nodes.Text(": ")
        records = sorted(records, key=lambda r: r.display.rpartition(".")[2])
        for position, record in enumerate(records):
            if position:
                para += nodes.Text(", ")
            name = record.display.rpartition(".")[2]
            suffix = "()" if record.callable else ""
            para += self.link(record, name + suffix, docname)
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
        for note in find_blocks(self.document, proxy_note):  # block-level
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
    """A note's ``Target.member`` becomes one link, nested as Sphinx nests its own.

    Sphinx writes a reference as a link holding the code (``reference >
    literal``); themes style that.  Once both links of the name are resolved,
    the name becomes one code span inside the member's link, else inside the
    class's (an undocumented member), else a code span without a link.  The
    name is the code span of a note that no link holds (the facade's is in its
    link, or alone and left as it is); doctrees cached by earlier versions,
    written the same way, are read alike.
    """

    # After the ReferencesResolver (10), so every way of resolving has run.
    default_priority = 11

    def run(self, **kwargs: Any) -> None:
        for note in find_blocks(self.document, proxy_note):  # block-level
            for code in list(note.findall(nodes.literal)):
                if not isinstance(code.parent, nodes.reference):
                    # not replace_self, which would copy the code's classes to the link
                    code.parent.replace(code, one_link(code))


def one_link(code: nodes.literal) -> nodes.Element:
    """*code*'s text as one code span, in the last link *code* holds (if any)."""
    text = code.astext()
    name = nodes.literal(text, text, classes=code["classes"])
    links = [c for c in code.children if isinstance(c, nodes.reference)]
    if not links:
        return name
    link = links[-1].copy()
    link += name
    return link


class SameDocumentLinks(SphinxPostTransform):
    """singlehtml: proxydoc's links lead to the anchor on the one page.

    From Sphinx 8.2, singlehtml writes a link into another document as
    ``#document-api#pkg.Engine.connect``, which leads nowhere (Sphinx issue
    14221); every document is on the one page, so the anchor alone is kept.
    """

    default_priority = 12
    builders = ("singlehtml",)

    def run(self, **kwargs: Any) -> None:
        kinds = (proxy_note, proxied_by, proxy_summary)
        for block in find_blocks(self.document, kinds):
            for link in block.findall(nodes.reference):
                if link.get("internal") and "refuri" in link:
                    link["refuri"] = same_page(link["refuri"])


def same_page(uri: str) -> str:
    """``#pkg.X`` for ``#document-api#pkg.X``; *uri* when it has one fragment."""
    page, _, fragment = uri.partition("#")
    if "#" not in fragment:
        return uri
    return f"{page}#{fragment.rpartition('#')[2]}"


def setup_lists(app: Sphinx) -> None:
    """Register the write-time lists and the proxy stylesheet."""
    app.add_post_transform(AddProxyLists)
    app.add_post_transform(NamesAsDocumented)
    app.add_post_transform(OneLinkPerName)
    app.add_post_transform(SameDocumentLinks)
    add_stylesheet(app, CSS_FILE)
