"""Signature to description: each documented parameter's name in a signature
links to its entry, with the parameter's synopsis as the link's title.

Made at write time (a post-transform), in the description's own page, so the
links are plain in-page references every builder writes.  In HTML the name
itself becomes the link, in place (:class:`param_sig_name`, no node is made):
Sphinx's autodoc keeps the doctrees of the pages it read alive after they are
written, so a node per parameter made at write time would stay in memory for
the rest of the build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from proxydoc._compat import builder_format
from proxydoc._config import settings
from proxydoc._pydomain import python_domain
from proxydoc._walk import find_blocks
from proxydoc.core.targets import canonical_target
from proxydoc.params._anchors import owner_of
from proxydoc.params._fields import PARAM_OBJTYPES, param_entries, param_labels
from proxydoc.params._output import SIGLINK_CLASS, TOOLTIP_CLASS, write_as_base
from proxydoc.params._signature import parameter_name, sig_name_of
from proxydoc.params._synopsis import synopsis

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from proxydoc._pydomain import ParamOwner, ProxydocPythonDomain
    from proxydoc.params._fields import ParamEntry


class param_sig_name(addnodes.desc_sig_name):
    """A parameter's name in an HTML signature, written as a link to its entry.

    Its target and title are looked up when it is written: the owner from
    the signature, the title from the synopsis the domain keeps.
    """


def _signature_of(node: nodes.Node) -> addnodes.desc_signature | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, addnodes.desc_signature):
        parent = parent.parent
    return parent


class _Writing:
    """What the translator of one page keeps for its signature links: the
    link class, the last signature's owner, the links open."""

    def __init__(self, translator: Any) -> None:
        self.domain = python_domain(translator.builder.env)
        tooltip = settings(translator.config).param_tooltip
        self.classes = f"{SIGLINK_CLASS}{' ' + TOOLTIP_CLASS if tooltip else ''}"
        self.sig: addnodes.desc_signature | None = None
        self.owner = ""
        self.known: ParamOwner | None = None
        #: For each open :class:`param_sig_name`, whether its link was opened
        #: (one lookup a name, not one each for visit and depart).
        self.open: list[bool] = []

    def target_of(self, node: nodes.Element) -> tuple[str, str] | None:
        """Anchor and title of the parameter *node* names, from the domain's record."""
        sig, param = _signature_of(node), node.parent
        if sig is None or not isinstance(param, addnodes.desc_parameter):
            return None
        if sig is not self.sig:  # a signature's names are written one after another
            self.sig, self.owner = sig, owner_of(sig)[0]
            self.known = self.domain.param_owners.get(self.owner)
        name = parameter_name(param)
        if not name or self.known is None:
            return None
        title = self.known.synopsis(name)
        return None if title is None else (canonical_target(self.owner, name), title)


#: Translator attribute holding its :class:`_Writing`.
_WRITING = "proxydoc_siglinks"


def _writing(translator: Any) -> _Writing:
    found: _Writing | None = translator.__dict__.get(_WRITING)
    if found is None:
        found = translator.__dict__[_WRITING] = _Writing(translator)
    return found


def visit_param_sig_name_html(self: Any, node: nodes.Element) -> None:
    writing = _writing(self)
    target = writing.target_of(node)
    writing.open.append(target is not None)
    if target is not None:
        anchor, title = target
        self.body.append(
            f'<a class="{writing.classes} reference internal" href="#{anchor}" '
            f'title="{self.attval(title)}">'
        )
    write_as_base(self, "visit", node)


def depart_param_sig_name_html(self: Any, node: nodes.Element) -> None:
    write_as_base(self, "depart", node)
    if _writing(self).open.pop():
        self.body.append("</a>")


class LinkSignatures(SphinxPostTransform):
    """Link each documented parameter's name in a signature to its entry."""

    # After cross-references are resolved (10): a name another extension
    # links (sphinx-immaterial) is a reference by then, and left alone.
    default_priority = 15

    def run(self, **kwargs: Any) -> None:
        if not settings(self.config).signature_links:
            return
        domain = python_domain(self.env)
        labels = param_labels(domain)
        in_place = builder_format(self) == "html"
        for desc in find_blocks(self.document, addnodes.desc):
            if desc.get("domain") == "py" and desc.get("objtype") in PARAM_OBJTYPES:
                link_signatures(domain, desc, labels, in_place, self.env.docname)


def _documented(
    desc: addnodes.desc, owner: str, labels: frozenset[str]
) -> dict[str, ParamEntry]:
    """Each anchored parameter of *desc*'s description -> its entry."""
    contents = [c for c in desc.children if isinstance(c, addnodes.desc_content)]
    targets: dict[str, ParamEntry] = {}
    for entry in param_entries(contents[0], labels) if contents else ():
        for name in entry.names:
            if (
                name not in targets
                and canonical_target(owner, name) in entry.holder["ids"]
            ):
                targets[name] = entry
    return targets


def link_signatures(
    domain: ProxydocPythonDomain,
    desc: addnodes.desc,
    labels: frozenset[str],
    in_place: bool,
    docname: str,
) -> None:
    """Link each documented parameter's name in *desc*'s signatures to its entry."""
    sigs = [c for c in desc.children if isinstance(c, addnodes.desc_signature)]
    if not sigs:
        return
    owner, display = owner_of(sigs[0])
    if not display:
        return
    known = domain.param_owners.get(owner)
    # The description the domain recorded: its parameters and synopses are
    # there, read when the page was; any other (a :no-index: copy) is read now.
    recorded = known if known is not None and known.docname == docname else None
    entries = {} if recorded else _documented(desc, owner, labels)
    names = recorded.params if recorded else entries
    if not names:
        return
    for sig in sigs:
        for param in sig.findall(addnodes.desc_parameter):
            name = parameter_name(param)
            if not name or name not in names:
                continue
            sig_name = sig_name_of(param)
            assert sig_name is not None  # parameter_name found it: a name
            if isinstance(sig_name.parent, (nodes.reference, addnodes.pending_xref)):
                continue  # linked already (sphinx-immaterial links it itself)
            title = recorded.synopsis(name) if recorded else None
            if in_place and title is not None:
                sig_name.__class__ = param_sig_name
                continue
            link = nodes.reference(
                "",
                "",
                refid=canonical_target(owner, name),
                internal=True,
                reftitle=title or synopsis(display, name, entries[name]),
                classes=[SIGLINK_CLASS],
            )
            # Element.replace, not replace_self: that would give the link the
            # name's classes and ids
            sig_name.parent.replace(sig_name, link)
            link += sig_name


def setup_siglinks(app: Sphinx) -> None:
    """Link signatures to descriptions when each page is written."""
    app.add_node(
        param_sig_name, html=(visit_param_sig_name_html, depart_param_sig_name_html)
    )
    app.add_post_transform(LinkSignatures)
