"""The signature check: a documented parameter the signature does not have warns."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes

from proxydoc._config import settings
from proxydoc._warnings import warn
from proxydoc.core.fields import clean_name
from proxydoc.core.hints import did_you_mean
from proxydoc.core.targets import canonical_target
from proxydoc.params._anchors import OBJECT_PARAMS_EVENT
from proxydoc.params._resolve import nitpick_ignored

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from proxydoc.params._fields import ParamEntry


class SignatureNames(NamedTuple):
    """Parameter names of an object's signatures, when they can be read."""

    names: frozenset[str]
    takes_any_keyword: bool


def parameter_name(param: addnodes.desc_parameter) -> str | None:
    """The name of one parameter; None where Sphinx kept unparsed text."""
    sig_name = sig_name_of(param)
    if sig_name is not None:
        return clean_name(sig_name.astext())
    text = param.astext().strip()
    return "" if text in ("*", "/") else None


def sig_name_of(param: addnodes.desc_parameter) -> addnodes.desc_sig_name | None:
    """The first ``desc_sig_name`` of *param*: its name.  Sphinx makes it the
    first child; an extension may have wrapped it (sphinx-immaterial does)."""
    for child in param.children:
        if isinstance(child, addnodes.desc_sig_name):
            return child
        if isinstance(child, nodes.Element):
            found = next(child.findall(addnodes.desc_sig_name), None)
            if found is not None:
                return found
    return None


def signature_of(sigs: list[addnodes.desc_signature]) -> SignatureNames | None:
    """The parameter names of all *sigs*, or None where one cannot be read."""
    names: set[str] = set()
    any_keyword = False
    for sig in sigs:
        plists = [c for c in sig.children if isinstance(c, addnodes.desc_parameterlist)]
        if not plists:
            return None
        for param in plists[0].findall(addnodes.desc_parameter):
            name = parameter_name(param)
            if name is None:
                return None  # Sphinx could not parse it: nothing to check against
            if param.astext().lstrip().startswith("**"):
                any_keyword = True
            if name:
                names.add(name)
    return SignatureNames(frozenset(names), any_keyword)


def check_signature(
    config: Config,
    sigs: list[addnodes.desc_signature],
    entries: list[ParamEntry],
    owner: tuple[str, str],
    lines: Mapping[str, str],
) -> None:
    """Warn for each documented parameter that the signature does not have.

    *lines* gives where each parameter was written (``source:line``).  A
    description that documents none of the signature's parameters, but more
    names than there are parameters, documents something else (the keys of a
    mapping argument, as dogpile.cache's backends do): only a near miss of a
    parameter warns there.
    """
    signature = signature_of(sigs)
    if signature is None or signature.takes_any_keyword:
        return
    fullname, display = owner
    documented = {name for entry in entries for name in entry.names}
    keys_only = documents_other_names(signature.names, documented)
    known = ", ".join(sorted(signature.names)) or "no parameters"
    for entry in entries:
        for name in entry.names:
            ignorable = (canonical_target(fullname, name), f"{fullname}.{name}")
            if name in signature.names or nitpick_ignored(
                config, "parameter", ignorable
            ):
                continue
            hint = did_you_mean(name, signature.names)
            if keys_only and not hint:
                continue
            warn(
                f"{display} documents parameter {name!r}, which its "
                f"signature does not have (it has: {known}){hint}",
                "param",
                location=lines.get(name) or entry.node,
            )


def documents_other_names(signature: frozenset[str], documented: set[str]) -> bool:
    """Whether the entries name the keys of a mapping argument or the like,
    not parameters: the signature has parameters (``self`` and ``cls``
    aside), the entries document none of them, and there are more entries
    than parameters, so they cannot all be stale names of them."""
    own = signature - {"self", "cls"}
    return bool(own) and not own & documented and len(documented) > len(own)


def _written(param: addnodes.desc_parameter, name: str) -> str:
    text = param.astext().lstrip()
    return (
        "**" if text.startswith("**") else "*" if text.startswith("*") else ""
    ) + name


def check_undocumented(
    config: Config,
    sigs: list[addnodes.desc_signature],
    entries: list[ParamEntry],
    owner: tuple[str, str],
) -> None:
    """Warn for each parameter of the signatures that no entry documents.

    ``self``, ``cls`` and private names (``_x``) never warn; ``*args`` and
    ``**kwargs`` only when the setting is ``"all"``.  A ``:no-index:`` copy
    is not checked: its original is.
    """
    mode = settings(config).check_undocumented
    if not mode or not sigs or not sigs[0].get("ids"):
        return
    documented = {name for entry in entries for name in entry.names}
    fullname, display = owner
    seen: set[str] = set()
    for sig in sigs:
        plists = [c for c in sig.children if isinstance(c, addnodes.desc_parameterlist)]
        for param in plists[0].findall(addnodes.desc_parameter) if plists else ():
            name = parameter_name(param)
            if not name or name in seen or name in documented:
                continue
            seen.add(name)
            written = _written(param, name)
            if name in ("self", "cls") or name.startswith("_"):
                continue
            if written != name and mode != "all":
                continue
            if nitpick_ignored(
                config, "parameter", (canonical_target(fullname, name),)
            ):
                continue
            warn(
                f"{display}: parameter {written!r} of the signature is not documented",
                "param-undocumented",
                location=_location(sig),
            )


def _location(sig: addnodes.desc_signature) -> nodes.Node:
    """Where a signature was written; autodoc's have no line, their docstring has."""
    if sig.source and sig.line:
        return sig
    desc = sig.parent
    for content in desc.children if desc is not None else ():
        if isinstance(content, addnodes.desc_content):
            for node in content.findall(nodes.Element):
                if node.source and node.line:
                    return node
    return sig


def _check_object(
    app: Sphinx,
    desc: addnodes.desc,
    owner: tuple[str, str],
    entries: list[ParamEntry],
    lines: Mapping[str, str],
) -> None:
    sigs = [c for c in desc.children if isinstance(c, addnodes.desc_signature)]
    if entries:
        check_signature(app.config, sigs, entries, owner, lines)
    check_undocumented(app.config, sigs, entries, owner)


def setup_signature(app: Sphinx) -> None:
    """Check each described object's parameters once they are anchored."""
    app.connect(OBJECT_PARAMS_EVENT, _check_object)
