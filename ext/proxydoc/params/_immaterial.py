"""sphinx-immaterial: its parameter items (terms that carry ``paramname``), its search.

sphinx-immaterial's Python domain replaces each parameter field with a
definition list (class ``api-field``) whose terms hold the parameter's
declaration copied from the signature (``*``, the name, ``: type``, ``= value``)
and name it in a ``paramname`` attribute, without the stars.  Its own ids on the
term stay; proxydoc adds its ``.params.`` ids beside them.  It also makes each
of those parameters a ``py:parameter`` object of its own and builds the HTML
search index itself (:func:`immaterial_search_index`).
"""

from __future__ import annotations

import sphinx.search
from docutils import nodes
from sphinx import addnodes

#: The attribute sphinx-immaterial sets on each parameter's term.
PARAMNAME_ATTR = "paramname"

_NAMES = (addnodes.desc_sig_name, addnodes.desc_name)


def immaterial_name(term: nodes.Element) -> tuple[nodes.Element, str] | None:
    """The node holding the name of an immaterial parameter *term*, and the
    name as written (``*args``); None when *term* is not one of its items."""
    name = term.get(PARAMNAME_ATTR)
    if not isinstance(term, nodes.term) or not isinstance(name, str):
        return None
    stars = ""
    for child in term.children:
        if isinstance(child, addnodes.desc_sig_operator):
            stars += child.astext().strip()
        elif isinstance(child, _NAMES) and child.astext().lstrip("*") == name:
            return child, stars + child.astext()
        elif not isinstance(child, (addnodes.index, nodes.target)):
            return None
    return None


def immaterial_search_index() -> bool:
    """Whether sphinx-immaterial builds the HTML search index.

    Its ``search_adapt`` (set up with its theme, which also makes every
    parameter it finds an object of its own) puts its ``IndexBuilder`` in
    Sphinx's place.  That builder reads an object's anchor back from the name
    shown, which it expects to be the full name: a proxydoc parameter (shown
    as ``Session.close.force``, anchored ``pkg.Session.close.params.force``)
    would be warned about, "Unable to determine anchor", once per parameter.
    """
    module: str = sphinx.search.IndexBuilder.__module__
    return module.startswith("sphinx_immaterial.")
