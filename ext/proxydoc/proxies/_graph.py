"""The proxy graph: which documented member proxies which, kept per document."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from sphinx.domains import Domain

from proxydoc._pydomain import STAND_IN_EVENT, python_domain
from proxydoc._warnings import warn
from proxydoc.proxies._names import find_documented, undocumented_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils import nodes
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class ObjRef(NamedTuple):
    """A Python object as a cross-reference names it, with the context it is read in."""

    target: str
    module: str | None = None
    cls: str | None = None
    specific: bool = False


class Place(NamedTuple):
    """Where a documented object is: its document, anchor and full name."""

    docname: str
    node_id: str
    name: str


class ProxyRecord(NamedTuple):
    """One documented proxy member and what it proxies."""

    docname: str
    #: Full name of the proxy member and the anchor of its description.
    proxy: str
    anchor: str
    #: The reader's name of the proxy (``scoped_session.close``).
    display: str
    callable: bool
    target_member: ObjRef
    target_class: ObjRef
    facade: ObjRef
    #: Where the proxy's note is (its marker's file and line), for warnings.
    source: str | None = None
    line: int | None = None

    @property
    def location(self) -> str | None:
        """The note's place as Sphinx prints a node's: ``/path/api.rst:12``."""
        if not self.source:
            return None
        return f"{os.path.abspath(self.source)}:{self.line or ''}"


class ProxyDomain(Domain):
    """Holds the proxy graph; resolves nothing itself."""

    name = "proxydoc"
    label = "proxydoc"
    initial_data: ClassVar[dict[str, Any]] = {"proxies": {}, "listed": {}}
    #: 2: a ProxyRecord keeps where its note is.
    data_version = 2

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._targets: dict[str, list[ProxyRecord]] | None = None
        self._facades: dict[str, list[ProxyRecord]] | None = None
        #: Anchor of each located target or facade -> its document.
        self._docs: dict[str, str] = {}
        #: Many proxies name the same classes: resolve each reference once.
        self._located: dict[ObjRef, Place | None] = {}
        #: An undocumented object's public name, per reference (it does not change).
        self._public: dict[ObjRef, ObjRef] = {}
        #: Proxy member -> the cycle of proxies it is on, starting with itself.
        self._cycles: dict[str, tuple[str, ...]] = {}

    @property
    def proxies(self) -> dict[str, ProxyRecord]:
        """Proxy member full name -> its record."""
        proxies: dict[str, ProxyRecord] = self.data.setdefault("proxies", {})
        return proxies

    @property
    def listed(self) -> dict[str, tuple[str, ...]]:
        """What each target or facade listed at the end of the last read phase."""
        listed: dict[str, tuple[str, ...]] = self.data.setdefault("listed", {})
        return listed

    def note_proxy(self, record: ProxyRecord) -> None:
        """Record a documented proxy member."""
        self.proxies[record.proxy] = record
        self.forget_index()

    def clear_doc(self, docname: str) -> None:
        for name in [n for n, r in self.proxies.items() if r.docname == docname]:
            del self.proxies[name]
        self.forget_index()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name, record in otherdata.get("proxies", {}).items():
            if record.docname in docnames:
                self.proxies[name] = record
        self.forget_index()

    def forget_index(self) -> None:
        """Drop the resolved graph; objects or proxies have changed."""
        self._targets = self._facades = None
        self._located.clear()
        self._cycles = {}

    def locate(self, ref: ObjRef) -> Place | None:
        """The documented object *ref* names, by the name it is documented under.

        Resolved as Sphinx resolves links, else through the names the object
        goes by when imported (:mod:`._names`).
        """
        if ref not in self._located:
            self._located[ref] = self._find(ref)
        return self._located[ref]

    def _find(self, ref: ObjRef) -> Place | None:
        found = find_documented(python_domain(self.env), ref)
        if found is None:
            return None
        name, entry = found
        return Place(entry.docname, entry.node_id, name)

    def as_documented(self, ref: ObjRef) -> ObjRef:
        """*ref* by the full name its object is documented under, else its public name.

        A reference to nothing that imports is left as it is, in its context.
        """
        place = self.locate(ref)
        if place is not None:
            return ObjRef(place.name)
        if ref not in self._public:
            name = undocumented_name(ref)
            self._public[ref] = ObjRef(name) if name else ref
        return self._public[ref]

    def _build_index(self) -> None:
        targets: dict[str, list[ProxyRecord]] = {}
        facades: dict[str, list[ProxyRecord]] = {}
        docs: dict[str, str] = {}
        self._cycles = self._find_cycles()
        for name in sorted(self.proxies):
            record = self.proxies[name]
            for ref, index in (
                (record.target_member, targets),
                (record.facade, facades),
            ):
                if index is targets and name in self._cycles:
                    continue  # a "Proxied by" line would lead back to itself
                place = self.locate(ref)
                if place is not None:
                    index.setdefault(place.node_id, []).append(record)
                    docs[place.node_id] = place.docname
        self._targets, self._facades, self._docs = targets, facades, docs

    def _find_cycles(self) -> dict[str, tuple[str, ...]]:
        """Proxies whose targets, followed, lead back to them: each -> its cycle.

        A proxy has one target, so following targets from any proxy ends
        outside the graph or enters one cycle.
        """
        by_anchor = {r.anchor: r.proxy for r in self.proxies.values()}
        cycles: dict[str, tuple[str, ...]] = {}
        done: set[str] = set()
        for start in sorted(self.proxies):
            path: list[str] = []
            name: str | None = start
            while name is not None and name not in done and name not in path:
                path.append(name)
                place = self.locate(self.proxies[name].target_member)
                name = by_anchor.get(place.node_id) if place is not None else None
            if name is not None and name in path:
                cycle = path[path.index(name) :]
                for position, member in enumerate(cycle):
                    cycles[member] = (*cycle[position:], *cycle[:position])
            done.update(path)
        return cycles

    def cycle_of(self, proxy: str) -> tuple[str, ...]:
        """The cycle of proxies *proxy* is on, starting with it; empty if none."""
        if self._targets is None:
            self._build_index()
        return self._cycles.get(proxy, ())

    def proxies_of(self, node_id: str) -> list[ProxyRecord]:
        """The documented proxies of the member described at *node_id*.

        Keyed by anchor alone: LaTeX, Texinfo and man assemble many documents
        into one tree, and a Python object's anchor is unique in a project.
        """
        if self._targets is None:
            self._build_index()
        assert self._targets is not None
        return self._targets.get(node_id, [])

    def proxied_by_facade(self, node_id: str) -> list[ProxyRecord]:
        """The documented proxy members whose facade is the class at *node_id*."""
        if self._facades is None:
            self._build_index()
        assert self._facades is not None
        return self._facades.get(node_id, [])

    def current_lists(self) -> dict[str, tuple[str, ...]]:
        """What each page's proxy lines name, keyed ``kind:docname#id``.

        ``by`` and ``facade`` keys hold the proxies a target or facade lists;
        ``note`` keys hold where a proxy's note links to, so the proxy's page
        is rewritten when its target appears or goes away.
        """
        self.forget_index()  # the Python objects have changed since the last look
        self._build_index()
        assert self._targets is not None and self._facades is not None
        lists: dict[str, tuple[str, ...]] = {}
        for kind, index in (("by", self._targets), ("facade", self._facades)):
            for node_id, records in index.items():
                key = f"{kind}:{self._docs[node_id]}#{node_id}"
                lists[key] = tuple(sorted(f"{r.docname}#{r.anchor}" for r in records))
        for record in self.proxies.values():
            refs = (record.target_member, record.target_class, record.facade)
            places = (self.locate(ref) for ref in refs)
            key = f"note:{record.docname}#{record.anchor}"
            lists[key] = tuple(f"{p.docname}#{p.node_id}" if p else "" for p in places)
        return lists

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []


def proxy_graph(env: BuildEnvironment) -> ProxyDomain:
    """The proxy graph of *env*."""
    domain = env.domains[ProxyDomain.name]
    assert isinstance(domain, ProxyDomain)
    return domain


def _changed_docs(
    old: dict[str, tuple[str, ...]], new: dict[str, tuple[str, ...]]
) -> set[str]:
    keys = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
    return {key.partition(":")[2].rpartition("#")[0] for key in keys}


def _docs_with_changed_lists(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """Pages whose "Proxied by" lines or facade summary changed in this build."""
    domain = proxy_graph(env)
    new = domain.current_lists()
    stale = _changed_docs(domain.listed, new) & env.all_docs.keys()
    domain.data["listed"] = new
    return sorted(stale)


def warn_cycles(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn, at its note, for each proxy whose target leads back to itself.

    Run on ``env-check-consistency``: once per build that read something, in
    the main process, once every document is read and merged (also with
    ``-j``), so each member of a cycle warns once, wherever its page is.
    """
    domain = proxy_graph(env)
    for record in sorted(domain.proxies.values(), key=_document_order):
        cycle = domain.cycle_of(record.proxy)
        if not cycle:
            continue
        if len(cycle) == 1:
            why = "proxies itself"
        else:
            why = f"is in a proxy cycle ({' -> '.join((*cycle, cycle[0]))})"
        warn(
            f'{cycle[0]} {why}; it is left out of "Proxied by" lists',
            "proxy",
            location=record.location,
        )


def owner_proxied_by_the_others(app: Sphinx, owners: tuple[str, ...]) -> str | None:
    """Of *owners*, the one every other proxies (directly or through proxies).

    A proxy copies its target's parameters, so a ``.``-prefixed ``:paramref:``
    finds both; the target is the one documented, the proxy a stand-in.
    """
    domain = proxy_graph(app.env)
    proxying: set[str] = set()
    for owner in owners:
        name: str | None = owner
        seen: set[str] = set()
        while name in domain.proxies and name not in seen:
            seen.add(name)
            place = domain.locate(domain.proxies[name].target_member)
            name = place.name if place is not None else None
            if name in owners and name != owner:
                proxying.add(owner)
                break
    rest = [o for o in owners if o not in proxying]
    return rest[0] if len(rest) == 1 else None


def _document_order(record: ProxyRecord) -> tuple[str, int, str]:
    return record.docname, record.line or 0, record.proxy


def setup_graph(app: Sphinx) -> None:
    """Register the domain, the rewrite of pages whose lists changed, cycle checks."""
    app.add_domain(ProxyDomain)
    app.connect("env-updated", _docs_with_changed_lists)
    app.connect("env-check-consistency", warn_cycles)
    app.connect(STAND_IN_EVENT, owner_proxied_by_the_others)
