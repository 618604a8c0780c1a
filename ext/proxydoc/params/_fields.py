"""Parameter entries in field lists, as Sphinx, napoleon and numpydoc write them."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes

from proxydoc.core.fields import param_field_name, written_name
from proxydoc.params._immaterial import immaterial_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.domains import Domain

#: Set on a description's content: where each ``:param x:`` was written.
LINES_ATTR = "proxydoc_param_lines"

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


def param_labels(domain: Domain) -> frozenset[str]:
    """Labels of parameter fields, in the build's language and in English.

    Read from the field types of the domain's ``function`` directive, the
    ones every Python object description shares.
    """
    directive = domain.directives.get("function")
    local = {
        str(f.label)
        for f in getattr(directive, "doc_field_types", ())
        if f.name in ("parameter", "keyword")
    }
    return ENGLISH_LABELS | local


class ParamEntry(NamedTuple):
    """One item of a parameter list."""

    #: The paragraph or term that starts with the parameter's name.
    node: nodes.Element
    #: What takes the anchor: the whole list item, field body or term.
    holder: nodes.Element
    name_node: nodes.Element
    #: Parameter names (``x``), and as written where that differs (``*args``).
    names: tuple[str, ...]
    written: tuple[str, ...]


def _names_in(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    written = [written_name(part) for part in text.split(",")]
    pairs = [(w.lstrip("*"), w) for w in written if w.lstrip("*").isidentifier()]
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def holder_of(node: nodes.Element) -> nodes.Element:
    """What takes the anchors of the item *node* starts: its list item or field
    body when *node* is all or the start of it, else *node* itself."""
    parent = node.parent
    if isinstance(parent, nodes.list_item) and parent.children[0] is node:
        return parent
    if isinstance(parent, nodes.field_body) and len(parent.children) == 1:
        return parent
    return node


def _entry_from(node: nodes.Element) -> ParamEntry | None:
    if (found := immaterial_name(node)) is not None:  # sphinx-immaterial's terms
        name_node, as_written = found
        bare = as_written.lstrip("*")
        return ParamEntry(node, holder_of(node), name_node, (bare,), (as_written,))
    for child in node.children:
        if isinstance(child, (addnodes.index, nodes.target)):
            continue
        if isinstance(child, (nodes.strong, addnodes.literal_strong)):
            names, written = _names_in(child.astext())
            if not names:
                return None
            return ParamEntry(node, holder_of(node), child, names, written)
        if isinstance(child, nodes.Element) or str(child).strip():
            return None
    return None


def _candidates(body: nodes.Element) -> Iterator[nodes.Element]:
    for child in body.children:
        if isinstance(child, nodes.paragraph):
            yield child
        elif isinstance(child, (nodes.bullet_list, nodes.definition_list)):
            for item in child.children:
                if isinstance(item, nodes.Element) and item.children:
                    first = item.children[0]
                    if isinstance(first, (nodes.paragraph, nodes.term)):
                        yield first


def _field_bodies(
    content: nodes.Element, labels: frozenset[str] | None = None
) -> Iterator[nodes.field_body]:
    """Bodies of the fields directly inside *content* (with one of *labels*)."""
    for field_list in content.children:
        if not isinstance(field_list, nodes.field_list):
            continue
        for field in field_list.children:
            if not isinstance(field, nodes.field):
                continue
            name, body = field.children[0], field.children[-1]
            if isinstance(body, nodes.field_body) and (
                labels is None or name.astext().strip() in labels
            ):
                yield body


def entry_nodes(content: nodes.Element) -> Iterator[nodes.Element]:
    """Paragraphs and terms that may start a parameter item in a field list."""
    for body in _field_bodies(content):
        yield from _candidates(body)


def param_entries(
    content: nodes.Element, labels: frozenset[str]
) -> Iterator[ParamEntry]:
    """Parameter items of the field lists directly inside *content*."""
    for body in _field_bodies(content, labels):
        for candidate in _candidates(body):
            entry = _entry_from(candidate)
            if entry is not None:
                yield entry


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
            name = param_field_name(field[0].astext())  # type: ignore[index]
            if name is not None and field.source:
                lines.setdefault(name, f"{field.source}:{field.line}")
    if lines:
        content[LINES_ATTR] = lines


def take_field_lines(content: nodes.Element) -> dict[str, str]:
    """The lines noted on *content*, removed: they are not kept in the doctree."""
    lines: dict[str, str] = content.attributes.pop(LINES_ATTR, {})
    return lines
