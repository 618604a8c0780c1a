"""Sphinx's Python domain plus parameters as objects of type ``parameter``.

Shared by the features: parameter links keep their objects here and resolve
``:paramref:``; module prefixes expand references no role made when they are
resolved.  Reach it through :func:`python_domain`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.domains import ObjType
from sphinx.domains.python import PythonDomain
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util.nodes import make_refnode

from proxydoc._compat import find_python_object
from proxydoc._config import settings
from proxydoc._warnings import warn
from proxydoc.core.targets import PARAMS, split_stars
from proxydoc.params._immaterial import immaterial_search_index
from proxydoc.params._resolve import (
    Diagnosis,
    Elsewhere,
    OwnerChoice,
    ParamRefTarget,
    ambiguity_message,
    choose_owner,
    diagnose,
)
from proxydoc.params._synopsis import with_head
from proxydoc.prefixes._references import expand_reference, restore_title

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class ParamOwner(NamedTuple):
    """A documented object and the parameters its description lists."""

    docname: str
    objtype: str
    #: The name a reader sees before the parameter: ``Session.close``.
    display: str
    #: Parameter name -> anchor id, in the order they are documented.
    params: dict[str, str]
    #: Parameter name -> its synopsis after the head (``params._synopsis``):
    #: the links' title is :meth:`synopsis`.
    details: dict[str, str]
    #: Parameter name -> the name as written with its stars (``kw`` ->
    #: ``**kw``), for those written with stars: the sphinx-paramlinks id
    #: ``owner.params.**kw`` is on the item too, and objects.inv lists it.
    starred: dict[str, str]

    def synopsis(self, name: str) -> str | None:
        """The synopsis of parameter *name*; None if it is not documented here."""
        detail = self.details.get(name)
        return None if detail is None else with_head(self.display, name, detail)


#: Sphinx event, emitted with the full names of the owners an ambiguous
#: ``.``-prefixed ``:paramref:`` finds: the one the others stand in for, or
#: None.  The proxies feature answers it (a proxy copies its target's
#: parameters; the target is the one meant).
STAND_IN_EVENT = "proxydoc-param-owner-among"

#: What proxydoc adds to the Python domain it extends.
EXTRA_OBJECT_TYPES: dict[str, ObjType] = {
    "parameter": ObjType(_("parameter"), "paramref"),
}
EXTRA_DATA: dict[str, Any] = {
    "param_owners": {},
    "paramref_owners": {},
    "param_backrefs": {},
}


class ProxydocPythonDomain(PythonDomain):
    """Sphinx's Python domain plus parameter objects and the ``paramref`` role.

    The class registered for a build is made by :func:`compose_python_domain`
    on top of the Python domain class registered then (Sphinx's, or another
    extension's subclass), so that the order of extensions does not matter.
    """

    object_types: ClassVar[dict[str, ObjType]] = {
        **PythonDomain.object_types,
        **EXTRA_OBJECT_TYPES,
    }
    initial_data: ClassVar[dict[str, Any]] = {**PythonDomain.initial_data, **EXTRA_DATA}
    # Distinct from Sphinx's, so an environment pickled without proxydoc is re-read.
    data_version = PythonDomain.data_version * 1000 + 1

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._by_suffix: dict[str, list[str]] | None = None
        #: (module, class, name, specific) -> ids of the Python objects found
        #: (:meth:`_objects_named`); None once the objects change (an object
        #: noted, a document cleared, data merged).
        self._named: dict[tuple[str, str, str, bool], list[str]] | None = None
        #: Owners changed in this build, for the incremental rewrite.
        self.touched_owners: set[str] = set()
        #: Documents read in this build (they are written anyway).
        self.docs_read: set[str] = set()
        #: ``:paramref:`` targets dropped or added in this build (backlinks).
        self.backref_changes: list[Any] = []
        #: Parameter anchor -> the places that link to it, once per build.
        self.backlinks_cache: dict[str, list[Any]] | None = None
        self._prefixes: dict[str, str] | None = None

    @property
    def module_prefixes(self) -> dict[str, str]:
        """The prefix map of this build, read from the config once."""
        if self._prefixes is None:
            self._prefixes = settings(self.env.config).module_prefixes
        return self._prefixes

    @property
    def param_owners(self) -> dict[str, ParamOwner]:
        """Owner full name -> the parameters its description documents."""
        owners: dict[str, ParamOwner] = self.data.setdefault("param_owners", {})
        return owners

    @property
    def paramref_owners(self) -> dict[str, set[str]]:
        """Document -> last name of each owner its ``:paramref:`` roles name."""
        refs: dict[str, set[str]] = self.data.setdefault("paramref_owners", {})
        return refs

    def note_params(self, owner: str, owner_entry: ParamOwner) -> None:
        """Record the documented parameters of *owner*."""
        known = self.param_owners.get(owner)
        if known is not None and known.docname == owner_entry.docname:
            owner_entry.params.update(
                {k: v for k, v in known.params.items() if k not in owner_entry.params}
            )
            owner_entry.details.update(
                {k: v for k, v in known.details.items() if k not in owner_entry.details}
            )
            owner_entry.starred.update(
                {k: v for k, v in known.starred.items() if k not in owner_entry.params}
            )
        self.param_owners[owner] = owner_entry
        self.touched_owners.add(owner)
        self._by_suffix = None

    @property
    def param_backrefs(self) -> dict[str, list[Any]]:
        """Document -> its ``:paramref:`` targets and the places they stand in
        (``params._backlinks``; recorded only when backlinks are on)."""
        refs: dict[str, list[Any]] = self.data.setdefault("param_backrefs", {})
        return refs

    def note_paramref(self, docname: str, owner: str) -> None:
        """Remember that *docname* links to a parameter of *owner*."""
        self.paramref_owners.setdefault(docname, set()).add(owner.rpartition(".")[2])

    def clear_doc(self, docname: str) -> None:
        super().clear_doc(docname)
        gone = [o for o, e in self.param_owners.items() if e.docname == docname]
        for owner in gone:
            del self.param_owners[owner]
        self.touched_owners.update(gone)
        self.paramref_owners.pop(docname, None)
        self.backref_changes.extend(self.param_backrefs.pop(docname, ()))
        self.backlinks_cache = None
        self._by_suffix = None
        self._named = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        super().merge_domaindata(docnames, otherdata)
        for owner, entry in otherdata.get("param_owners", {}).items():
            if entry.docname in docnames:
                self.param_owners[owner] = entry
                self.touched_owners.add(owner)
        for docname, lasts in otherdata.get("paramref_owners", {}).items():
            if docname in docnames:
                self.paramref_owners[docname] = set(lasts)
        for docname, refs in otherdata.get("param_backrefs", {}).items():
            if docname in docnames:
                self.param_backrefs[docname] = list(refs)
                self.backref_changes.extend(refs)
        self.backlinks_cache = None
        self._by_suffix = None
        self._named = None

    def owners_by_suffix(self) -> dict[str, list[str]]:
        """Owners by their last one and last two names, for ``.``-prefixed search.

        ``.Class.method.param`` is then one lookup, not a scan over every
        ``method`` of the project.
        """
        if self._by_suffix is None:
            index: dict[str, list[str]] = {}
            for owner in sorted(self.param_owners):
                parts = owner.split(".")
                for key in {parts[-1], ".".join(parts[-2:])}:
                    index.setdefault(key, []).append(owner)
            self._by_suffix = index
        return self._by_suffix

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        yield from super().get_objects()
        # Priority -1 keeps a parameter out of the search index, not out of
        # objects.inv: intersphinx links to parameters need it there.
        # sphinx-immaterial's search lists its own parameter objects (the same
        # items) and cannot read proxydoc's.
        searched = settings(self.env.config).param_search
        prio = 2 if searched and not immaterial_search_index() else -1
        for entry in self.param_owners.values():
            display, docname = entry.display, entry.docname
            for name, anchor in entry.params.items():
                yield anchor, f"{display}.{name}", "parameter", docname, anchor, prio
                written = entry.starred.get(name)
                if written is not None:  # sphinx-paramlinks' name and id, kept
                    alias = anchor.removesuffix(name) + written
                    yield alias, f"{display}.{written}", "parameter", docname, alias, -1

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        type: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        target, contnode = expand_reference(  # type: ignore[assignment]
            node, target, contnode, self.module_prefixes
        )
        if type != "paramref":
            return super().resolve_xref(
                env, fromdocname, builder, type, target, node, contnode
            )
        restore_title(node, contnode, self.module_prefixes)
        ref = ParamRefTarget.from_node(node, target)
        found, choice = self.search_param(ref)
        other = ref.in_function_named_params() if found is None else None
        if other is not None:
            ref = other
            found, choice = self.search_param(other)
        if choice.ambiguous:
            warn(ambiguity_message(ref, choice), "paramref", location=node)
        if found is None:
            return None  # Sphinx shows contnode: the title as written
        entry, name = found
        if not node.get("refexplicit"):
            text = f"{entry.display}.{ref.stars}{name}"
            literal = nodes.literal(text, text, classes=contnode["classes"])
            contnode = literal
        return _param_refnode(builder, fromdocname, entry, name, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Sphinx's results, and a parameter when *target* names one.

        ``:any:`` and MyST's ``[text](#target)`` ask every domain this way: a
        parameter's anchor (``pkg.Engine.connect.params.timeout``) finds it,
        and a dotted name (``Engine.connect.timeout``) finds it when no other
        Python object has that name.  Owners that a ``:paramref:`` could not
        choose among are all returned, as Sphinx returns every Python object
        found: the caller then warns that more than one target was found.
        """
        results = super().resolve_any_xref(
            env, fromdocname, builder, target, node, contnode
        )
        if PARAMS not in target and (results or "." not in target):
            return results
        ref = ParamRefTarget.from_node(node, _as_param_target(target))
        found, choice = self.search_param(replace(ref, specific=True))
        if found is None:
            return results
        name = found[1]
        entries = [self.param_owners[o] for o in choice.ambiguous] or [found[0]]
        return [
            *results,
            *(
                ("py:paramref", _param_refnode(builder, fromdocname, e, name, contnode))
                for e in entries
            ),
        ]

    def find_param(self, ref: ParamRefTarget) -> tuple[ParamOwner, str] | None:
        """The owner entry and parameter name that *ref* names, if documented."""
        return self.search_param(ref)[0]

    def search_param(
        self, ref: ParamRefTarget
    ) -> tuple[tuple[ParamOwner, str] | None, OwnerChoice]:
        """:meth:`find_param`, with the owners it could not choose among."""
        choice = choose_owner(
            ref, self.param_owners, self.owners_by_suffix(), self._stand_in_for
        )
        if choice.owner is not None:
            return (self.param_owners[choice.owner], ref.param), choice
        return self._find_param_by_alias(ref), choice

    def _stand_in_for(self, owners: tuple[str, ...]) -> str | None:
        """The one of *owners* the others stand in for, if a listener knows it."""
        meant = self.env.events.emit_firstresult(STAND_IN_EVENT, owners)
        return meant if isinstance(meant, str) else None

    def _find_param_by_alias(
        self, ref: ParamRefTarget
    ) -> tuple[ParamOwner, str] | None:
        """The owner named by an alias (autodoc's canonical names): the object it is."""
        for node_id in self._objects_named(ref):
            found = self.param_owners.get(node_id)
            if found is not None and ref.param in found.params:
                return found, ref.param
        return None

    def _objects_named(self, ref: ParamRefTarget) -> list[str]:
        """Ids of the Python objects *ref*'s owner may name, as Sphinx searches.

        Kept until the objects change: a search for a name not documented
        scans every object, and links are resolved several times (the link,
        its backlink, the pages to rewrite).
        """
        key = (ref.module or "", ref.classname or "", ref.owner, ref.specific)
        if self._named is None:
            self._named = {}
        found = self._named.get(key)
        if found is None:
            found = [obj.node_id for _name, obj in find_python_object(self, *key)]
            self._named[key] = found
        return found

    def note_object(self, *args: Any, **kwargs: Any) -> None:
        self._named = None
        super().note_object(*args, **kwargs)

    def explain_missing(self, ref: ParamRefTarget) -> Diagnosis:
        """Why *ref* did not resolve, with the closest parameter names."""
        return diagnose(
            ref,
            self.param_owners,
            self.owners_by_suffix(),
            self.documented_objects,
            self.in_other_projects,
        )

    def in_other_projects(self, ref: ParamRefTarget) -> Elsewhere | None:
        """The owner of *ref* in an intersphinx inventory, with its parameters."""
        named = getattr(self.env, "intersphinx_named_inventory", None)
        if not named:
            return None
        module, cls = ref.module or "", ref.classname or ""
        wanted = [
            n
            for n in dict.fromkeys(
                [ref.owner, f"{module}.{ref.owner}", f"{module}.{cls}.{ref.owner}"]
            )
            if n and not n.startswith(".")
        ]
        for project, inventory in named.items():
            for objtype, objects in inventory.items():
                if not objtype.startswith("py:") or objtype == "py:parameter":
                    continue
                owner = next((n for n in wanted if n in objects), None)
                if owner is None and ref.specific:
                    suffix = "." + ref.owner
                    owner = next((n for n in objects if n.endswith(suffix)), None)
                if owner is not None:
                    params = _params_listed(inventory.get("py:parameter", {}), owner)
                    return Elsewhere(str(project), owner, params)
        return None

    def documented_objects(self, ref: ParamRefTarget) -> list[str]:
        """Full names of the documented objects the owner of *ref* may mean.

        Searched as Sphinx resolves a link (``.Class.method`` by its ending
        too); an alias is followed by the name it is documented under.
        """
        module, cls = ref.module or "", ref.classname or ""
        names: dict[str, None] = {}
        for name, obj in find_python_object(self, module, cls, ref.owner, ref.specific):
            names[name] = None
            if obj.aliased:
                names[obj.node_id] = None
        return list(names)


def python_domain(env: BuildEnvironment) -> ProxydocPythonDomain:
    """proxydoc's Python domain of *env*: the one way every feature reaches it."""
    domain = env.domains["py"]
    if not isinstance(domain, ProxydocPythonDomain):
        msg = (
            "proxydoc: the Python domain is "
            f"{type(domain).__module__}.{type(domain).__qualname__}, not proxydoc's: "
            "an extension listed after proxydoc replaced it"
        )
        raise ExtensionError(msg)
    return domain


def composed_domain(base: type[PythonDomain]) -> type[ProxydocPythonDomain]:
    """proxydoc's domain on top of *base*, with *base*'s object types and data
    as they are now (an extension may have added to them in place)."""
    if issubclass(base, ProxydocPythonDomain):  # composed before: its own base
        base = next(
            b
            for b in base.__mro__
            if issubclass(b, PythonDomain) and not issubclass(b, ProxydocPythonDomain)
        )
    parents: tuple[type, ...] = (ProxydocPythonDomain,)
    if base is not PythonDomain:
        parents = (ProxydocPythonDomain, base)
    # Each class's data as it is now, the subclass's winning: an extension
    # may add to PythonDomain's dicts in place after a subclass copied them.
    chain = [c for c in reversed(base.__mro__) if issubclass(c, PythonDomain)]
    object_types: dict[str, ObjType] = {}
    initial_data: dict[str, Any] = {}
    for cls in chain:
        object_types.update(cls.object_types)
        initial_data.update(cls.initial_data)
    attrs = {
        "object_types": {**object_types, **EXTRA_OBJECT_TYPES},
        "initial_data": {**initial_data, **EXTRA_DATA},
        "data_version": base.data_version * 1000 + 1,
        "__module__": __name__,
        "__doc__": ProxydocPythonDomain.__doc__,
    }
    return type("ProxydocPythonDomain", parents, attrs)


def compose_python_domain(app: Sphinx, config: object) -> None:
    """Once every extension is set up: proxydoc's domain over the one registered."""
    base = app.registry.domains.get("py", PythonDomain)
    app.add_domain(composed_domain(base), override=True)  # type: ignore[arg-type]


def setup_python_domain(app: Sphinx) -> None:
    """Extend the Python domain (a public, supported API): now, and again once
    all extensions are set up, over whatever Python domain class is then
    registered (:func:`compose_python_domain`)."""
    base = app.registry.domains.get("py", PythonDomain)
    app.add_domain(composed_domain(base), override=True)  # type: ignore[arg-type]
    app.connect("config-inited", compose_python_domain, priority=900)
    app.add_event(STAND_IN_EVENT)


def _param_refnode(
    builder: Builder, fromdocname: str, entry: ParamOwner, name: str, contnode: Element
) -> nodes.reference:
    """A link to parameter *name* of *entry*, titled with its synopsis."""
    title = entry.synopsis(name) or f"parameter {name} of {entry.display}"
    return make_refnode(
        builder, fromdocname, entry.docname, entry.params[name], contnode, title
    )


def _params_listed(parameters: Iterable[str], owner: str) -> tuple[str, ...]:
    """The parameters of *owner* an inventory lists, each once.

    proxydoc lists a starred parameter twice (``kw`` and ``**kw``), the bare
    name first; sphinx-paramlinks only with its stars.
    """
    prefix = owner + PARAMS
    listed = [
        name[len(prefix) :]
        for name in parameters
        if name.startswith(prefix) and PARAMS not in name[len(prefix) :]
    ]
    bare = set(listed)
    return tuple(
        name
        for name in listed
        if name == split_stars(name)[1] or split_stars(name)[1] not in bare
    )


def _as_param_target(target: str) -> str:
    """*target* with ``.params.`` before its last name, as anchors write it."""
    if PARAMS in target:
        return target
    owner, _, param = target.rpartition(".")
    return f"{owner}{PARAMS}{param}"
