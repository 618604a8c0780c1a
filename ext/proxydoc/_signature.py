"""The signature check: a documented parameter the signature does not have warns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes

from proxydoc._fields import PARAM_OBJTYPES, clean_name
from proxydoc._warnings import warn

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from proxydoc._fields import ParamEntry

#: Field names that list one parameter each (``:param x:``), before Sphinx groups them.
PARAM_FIELD_NAMES = frozenset(
    {"param", "parameter", "arg", "argument", "keyword", "kwarg", "kwparam"}
)
LINES_ATTR = "proxydoc_param_lines"


class Signature(NamedTuple):
    """Parameter names of an object's signatures, when they can be read."""

    names: frozenset[str]
    takes_any_keyword: bool


def _read_parameter(param: addnodes.desc_parameter) -> str | None:
    """The name of one parameter; None where Sphinx kept unparsed text."""
    sig_names = list(param.findall(addnodes.desc_sig_name))
    if sig_names:
        return clean_name(sig_names[0].astext())
    text = param.astext().strip()
    return "" if text in ("*", "/") else None


def signature_of(sigs: list[addnodes.desc_signature]) -> Signature | None:
    """The parameter names of all *sigs*, or None where one cannot be read."""
    names: set[str] = set()
    any_keyword = False
    for sig in sigs:
        plists = [c for c in sig.children if isinstance(c, addnodes.desc_parameterlist)]
        if not plists:
            return None
        for param in plists[0].findall(addnodes.desc_parameter):
            name = _read_parameter(param)
            if name is None:
                return None  # Sphinx could not parse it: nothing to check against
            if param.astext().lstrip().startswith("**"):
                any_keyword = True
            if name:
                names.add(name)
    return Signature(frozenset(names), any_keyword)


def remember_field_lines(
    app: Sphinx, domain: str, objtype: str, content: addnodes.desc_content
) -> None:
    """Note where each ``:param x:`` was written, before Sphinx regroups the fields."""
    if domain != "py" or objtype not in PARAM_OBJTYPES:
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


def take_field_lines(content: nodes.Element) -> dict[str, str]:
    """The lines noted on *content*, removed: they are not kept in the doctree."""
    lines: dict[str, str] = content.attributes.pop(LINES_ATTR, {})
    return lines


def _ignored(config: Config, anchor: str) -> bool:
    if any(
        t in ("py:parameter", "parameter") and name == anchor
        for t, name in config.nitpick_ignore
    ):
        return True
    return any(
        re.fullmatch(t, "py:parameter") and re.fullmatch(name, anchor)
        for t, name in config.nitpick_ignore_regex
    )


def check_signature(
    config: Config,
    sigs: list[addnodes.desc_signature],
    entries: list[ParamEntry],
    owner: tuple[str, str],
    lines: Mapping[str, str],
) -> None:
    """Warn for each documented parameter that the signature does not have.

    *lines* gives where each parameter was written (``source:line``).
    """
    signature = signature_of(sigs)
    if signature is None or signature.takes_any_keyword:
        return
    fullname, display = owner
    known = ", ".join(sorted(signature.names)) or "no parameters"
    for entry in entries:
        for name in entry.names:
            if name in signature.names or _ignored(config, f"{fullname}.params.{name}"):
                continue
            warn(
                f"{display} documents parameter {name!r}, which its "
                f"signature does not have (it has: {known})",
                "param",
                location=lines.get(name) or entry.node,
            )


def setup_signature(app: Sphinx) -> None:
    """Remember where parameters were written, for the check's locations."""
    app.connect("object-description-transform", remember_field_lines)
