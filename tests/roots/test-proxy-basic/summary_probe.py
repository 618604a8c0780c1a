"""Test-only: what a doctree-read handler at the default priority sees.

zzzeeksphinx copies each member's first paragraph into a summary table there.
"""

from docutils import nodes
from sphinx import addnodes

#: Member id -> (node class of the first child of its content, its text).
SEEN = {}


def record_first_children(app, doctree):
    for desc in doctree.findall(addnodes.desc):
        sig, content = desc[0], desc[-1]
        if sig.get("ids") and isinstance(content, addnodes.desc_content) and content:
            first = content[0]
            SEEN[sig["ids"][0]] = (type(first), first.astext())


def setup(app):
    app.connect("doctree-read", record_first_children)
    return {"parallel_read_safe": False}
