"""Test-only: rewrite every paramref title from its target, as zzzeeksphinx does.

zzzeeksphinx's ``replace_synonyms`` (doctree-read) shows the last two names of
the target, which reads ``params.name`` with proxydoc's targets.
"""

from docutils import nodes
from sphinx.addnodes import pending_xref


def rewrite_titles(app, doctree):
    for xref in doctree.findall(pending_xref):
        if xref.get("reftype") == "paramref" and xref.children:
            shown = ".".join(xref["reftarget"].split(".")[-2:])
            xref[0].children = [nodes.Text(shown)]


def setup(app):
    app.connect("doctree-read", rewrite_titles)
    return {"parallel_read_safe": True}
