"""Recognise ``.. container:: class_bases`` proxy markers and record the proxy graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms import SphinxTransform

from proxydoc._config import settings
from proxydoc._walk import find_blocks, first_signature
from proxydoc._warnings import warn
from proxydoc.core.markers import (
    EXPECTED_WORDINGS,
    MARKER_CLASS,
    placeholder,
    read_sentence,
)
from proxydoc.core.prefixes import expand_prefix
from proxydoc.proxies._drift import check_drift
from proxydoc.proxies._graph import ObjRef, ProxyRecord, proxy_graph
from proxydoc.proxies._nodes import NOTE_CLASS, proxy_note

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

#: docutils turns the class ``class_bases`` into ``class-bases``.
CONTAINER_CLASSES = frozenset({MARKER_CLASS.replace("_", "-"), MARKER_CLASS})
CALLABLE_OBJTYPES = frozenset({"method", "classmethod", "staticmethod", "function"})
#: Descriptions that can be a proxy: members of a facade class.
MEMBER_OBJTYPES = CALLABLE_OBJTYPES | {"attribute", "property", "data"}

#: Set on the member link proxydoc adds to a note: plain text if undocumented.
OPTIONAL = "proxydoc_optional"

#: Set on a marker built from the target at build time: it cannot drift.
GENERATED = "proxydoc_generated"


class Wording(NamedTuple):
    """A recognised proxy sentence: copy or pointer, two references, module facade?"""

    copy: bool
    target: addnodes.pending_xref
    facade: addnodes.pending_xref
    module: bool = False


def wording_of(paragraph: nodes.Element) -> Wording | None:
    """The proxy sentence *paragraph* holds, in either wording, or None."""
    parts: list[str] = []
    refs: list[addnodes.pending_xref] = []
    for child in paragraph.children:
        if isinstance(child, addnodes.pending_xref) and child.get("refdomain") == "py":
            parts.append(placeholder(str(child.get("reftype"))))
            refs.append(child)
        elif isinstance(child, nodes.Text):
            parts.append(child.astext())
        else:
            return None
    if len(refs) != 2:
        return None
    read = read_sentence("".join(parts))
    if read is None:
        return None
    return Wording(read.wording == "copy", refs[0], refs[1], read.module)


def ref_of(xref: addnodes.pending_xref, suffix: str = "") -> ObjRef:
    """The object *xref* names (plus ``.suffix``), with the context it resolves in."""
    return ObjRef(
        xref["reftarget"] + suffix,
        xref.get("py:module"),
        xref.get("py:class"),
        bool(xref.get("refspecific")),
    )


def _xref(ref: ObjRef, content: nodes.Node, docname: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref(
        "",
        content,
        refdomain="py",
        reftype="obj",
        reftarget=ref.target,
        refexplicit=True,
        refspecific=ref.specific,
        refdoc=docname,
    )
    xref["py:module"] = ref.module
    xref["py:class"] = ref.cls
    return xref


def xref_to(ref: ObjRef, title: str, role: str, docname: str) -> addnodes.pending_xref:
    """A Python cross-reference to *ref* showing *title* as code, as ``:role:`` does.

    *docname* is the document the link stands in, as a role records it: builders
    that put several documents in one output (singlehtml, LaTeX) and
    ``missing-reference`` handlers read it.
    """
    return _xref(
        ref, nodes.literal(title, title, classes=["xref", "py", f"py-{role}"]), docname
    )


def last_name(target: str) -> str:
    """``Session`` for ``sqlalchemy.orm.Session``."""
    return target.rpartition(".")[2]


def make_note(
    target_class: ObjRef,
    member: str,
    facade: ObjRef,
    is_callable: bool,
    docname: str,
    *,
    module: bool = False,
) -> proxy_note:
    """ "Proxied for ``Target.member`` on behalf of ``Facade``", each name a link.

    ``Target.member`` is one name: a code span holding a link to the class
    and one to the member, both resolved as Sphinx resolves references;
    :mod:`._lists` then makes it one link, to the member (to the class when
    the member is not documented), nested as Sphinx nests its own.  A
    *module* facade is shown by its full name (``alembic.op``).
    """
    role = "meth" if is_callable else "attr"
    member_ref = target_class._replace(target=f"{target_class.target}.{member}")
    name = nodes.literal("", "", classes=["xref", "py", f"py-{role}"])
    name += _xref(target_class, nodes.Text(last_name(target_class.target)), docname)
    member_xref = _xref(
        member_ref, nodes.Text(f".{member}{'()' if is_callable else ''}"), docname
    )
    member_xref[OPTIONAL] = True  # proxydoc's own link: no nitpick if undocumented
    name += member_xref
    para = nodes.paragraph()
    para += nodes.Text(_("Proxied for") + " ")
    para += name
    para += nodes.Text(" " + _("on behalf of") + " ")
    if module:
        para += xref_to(facade, facade.target.lstrip("."), "mod", docname)
    else:
        para += xref_to(facade, last_name(facade.target), "class", docname)
    para += nodes.Text(".")
    return proxy_note("", para, classes=[NOTE_CLASS])


def with_line(node: nodes.Element) -> nodes.Element:
    """*node*, or the first node inside it that knows its line, for warnings.

    docutils before 0.22 gives a container no line number; its paragraph has one.
    """
    for candidate in node.findall(nodes.Element):
        if candidate.line is not None:
            return candidate
    return node


def enclosing_desc(node: nodes.Node) -> addnodes.desc | None:
    """The object description *node* belongs to (its nearest ``desc``)."""
    parent = node.parent
    while parent is not None and not isinstance(parent, addnodes.desc):
        parent = parent.parent
    return parent


def full_name(sig: addnodes.desc_signature) -> str:
    """``module.Class.member`` of the object *sig* describes."""
    module = sig.get("module")
    return f"{module}.{sig['fullname']}" if module else str(sig["fullname"])


class Marker(NamedTuple):
    """A recognised proxy marker, the description it is in, and what it names."""

    node: nodes.Element
    wording: Wording
    desc: addnodes.desc | None
    sig: addnodes.desc_signature | None


def enclosing_class(sig: addnodes.desc_signature | None) -> str:
    """``scoped_session`` for the signature of ``scoped_session.close``."""
    if sig is None:
        return ""
    return str(sig.get("class") or sig["fullname"].rpartition(".")[0]).rpartition(".")[
        2
    ]


def direct_markers(markers: list[Marker]) -> set[int]:
    """Per description, the marker that names its own class as the facade.

    A copy of a proxy's docstring keeps the target's own marker too
    (``async_scoped_session.add`` is a copy of ``AsyncSession.add``, itself a
    copy of ``Session.add``): that one is shown, but the chain's next link is
    recorded where it is documented, not here. Without a match, the first wins.
    """
    chosen: dict[int, Marker] = {}
    for marker in markers:
        known = chosen.get(id(marker.desc))
        if known is None or (_is_own(marker) and not _is_own(known)):
            chosen[id(marker.desc)] = marker
    return {id(m.node) for m in chosen.values()}


def _is_own(marker: Marker) -> bool:
    facade = last_name(marker.wording.facade["reftarget"])
    if marker.wording.module:
        return marker.sig is not None and facade == last_name(module_of(marker.sig))
    return facade == enclosing_class(marker.sig)


def module_of(sig: addnodes.desc_signature) -> str:
    """``alembic.op`` for the signature of a function ``alembic.op.add_column``."""
    return "" if sig.get("class") else str(sig.get("module") or "")


def targets_of(wording: Wording, sig: addnodes.desc_signature) -> tuple[ObjRef, ObjRef]:
    """The target member and target class a marker names."""
    if wording.copy:
        target_class = ref_of(wording.target)
        member = last_name(sig["fullname"])
        return ref_of(wording.target, f".{member}"), target_class
    member_ref = ref_of(wording.target)
    return member_ref, member_ref._replace(target=member_ref.target.rpartition(".")[0])


def _may_be_marker(node: nodes.Node) -> bool:
    if isinstance(node, nodes.container):
        return not isinstance(node, proxy_note) and bool(
            CONTAINER_CLASSES & set(node["classes"])
        )
    return isinstance(node, nodes.paragraph) and isinstance(
        node.parent, addnodes.desc_content
    )


def _body(container: nodes.Element) -> list[nodes.Node]:
    return [c for c in container.children if not isinstance(c, nodes.comment)]


class RecognizeProxies(SphinxTransform):
    """Turn proxy markers into notes and record each proxy in the proxy graph.

    Registered to run after ``doctree-read``: handlers that copy a member's
    first paragraph as its summary (zzzeeksphinx's member tables) must still
    see the marker sentence, with its links.  Sphinx emits ``doctree-read``
    from its ``DoctreeReadEvent`` transform (priority 880, Sphinx 7.4 to 9.x),
    so a transform of a higher priority runs once every handler has run.
    """

    #: Just after Sphinx's ``DoctreeReadEvent`` (880).
    default_priority = 881

    def apply(self, **kwargs: object) -> None:
        markers = [m for m in self.find_markers() if self.is_placed(m)]
        prefixes = settings(self.config).module_prefixes
        for marker in markers:  # the graph keeps full names: _orm.X is sqlalchemy.orm.X
            for xref in (marker.wording.target, marker.wording.facade):
                xref["reftarget"] = expand_prefix(xref["reftarget"], prefixes)
        direct = direct_markers(markers)
        for marker in markers:
            self.replace(marker, id(marker.node) in direct)

    def find_markers(self) -> Iterator[Marker]:
        """Markers: ``class_bases`` containers, then pointer paragraphs.

        One walk over block-level nodes finds both kinds of place.
        """
        blocks = find_blocks(self.document, (nodes.container, addnodes.desc_content))
        nested: set[int] = set()  # read with the container around them
        for block in blocks:
            if (
                isinstance(block, nodes.container)
                and _may_be_marker(block)
                and id(block) not in nested
            ):
                yield from self.recognise_container(block, nested)
        for block in blocks:
            if not isinstance(block, addnodes.desc_content):
                continue
            for node in block.children:
                if isinstance(node, nodes.paragraph):
                    wording = wording_of(node)
                    if wording is not None and not wording.copy:
                        yield self.marker(node, wording)

    def recognise_container(
        self, container: nodes.container, nested: set[int]
    ) -> Iterator[Marker]:
        """The marker *container* holds, alone or in nested ``class_bases`` blocks.

        Containers nested in it are added to *nested*: the marker is read once,
        and the note replaces the outermost container.
        """
        inner, body = container, _body(container)
        while len(body) == 1 and isinstance(body[0], nodes.container):
            if not _may_be_marker(body[0]):
                break
            inner = body[0]
            nested.add(id(inner))
            body = _body(inner)
        wording = None
        if len(body) == 1 and isinstance(body[0], nodes.paragraph):
            wording = wording_of(body[0])
        if wording is None:
            warn(
                f"class_bases container does not read {EXPECTED_WORDINGS}; "
                "left as it is",
                "proxy",
                location=with_line(inner),
            )
            return
        yield self.marker(container, wording)

    @staticmethod
    def marker(node: nodes.Element, wording: Wording) -> Marker:
        desc = enclosing_desc(node)
        sig = first_signature(desc) if desc is not None else None
        return Marker(node, wording, desc, sig)

    def is_placed(self, marker: Marker) -> bool:
        """Is *marker* in the description of a Python class member?"""
        desc = marker.desc
        if desc is None or desc.get("domain") != "py" or marker.sig is None:
            self.warn_unknown(marker.node, "it is outside a Python object description")
            return False
        if desc.get("objtype") not in MEMBER_OBJTYPES:
            self.warn_unknown(marker.node, f"a {desc.get('objtype')} is not a member")
            return False
        if not marker.wording.copy and "." not in marker.wording.target["reftarget"]:
            self.warn_unknown(marker.node, "the proxied attribute is not Class.member")
            return False
        return True

    def replace(self, marker: Marker, direct: bool) -> None:
        assert marker.desc is not None and marker.sig is not None  # is_placed
        is_callable = marker.desc.get("objtype") in CALLABLE_OBJTYPES
        member_ref, target_class = targets_of(marker.wording, marker.sig)
        facade = ref_of(marker.wording.facade)
        member = last_name(member_ref.target)
        module = marker.wording.module
        note = make_note(
            target_class, member, facade, is_callable, self.env.docname, module=module
        )
        node = marker.node
        located = with_line(node)
        note.source, note.line = located.source, located.line
        node.parent.replace(node, note)
        if not direct:
            return
        self.record(
            marker.sig,
            note,
            is_callable,
            member_ref,
            target_class,
            facade,
            module=module,
        )
        if isinstance(node, nodes.container) and not node.get(GENERATED):
            check_drift(full_name(marker.sig), member_ref, note)

    @staticmethod
    def warn_unknown(marker: nodes.Element, why: str) -> None:
        warn(
            f"proxy marker not understood: {why}; left as it is",
            "proxy",
            with_line(marker),
        )

    def record(
        self,
        sig: addnodes.desc_signature,
        note: proxy_note,
        is_callable: bool,
        member: ObjRef,
        target_class: ObjRef,
        facade: ObjRef,
        *,
        module: bool = False,
    ) -> None:
        """Note the proxy and where its *note* is; one for a module facade is
        shown by its full name."""
        if not sig.get("ids"):
            return  # :no-index: descriptions have no anchor to link to
        proxy_graph(self.env).note_proxy(
            ProxyRecord(
                self.env.docname,
                full_name(sig),
                sig["ids"][0],
                full_name(sig) if module else str(sig["fullname"]),
                is_callable,
                member,
                target_class,
                facade,
                note.source,
                note.line,
            )
        )


def _optional_link(
    app: Sphinx, env: object, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Node | None:
    """An undocumented target member is shown as text, without a nitpick."""
    return contnode if node.get(OPTIONAL) else None


def setup_markers(app: Sphinx) -> None:
    """Recognise proxy markers once a document is read."""
    app.add_transform(RecognizeProxies)
    # after intersphinx (500), which may still find the member elsewhere
    app.connect("missing-reference", _optional_link, priority=900)
