"""find_blocks: the block-level walk finds what a full findall finds, in order."""

from __future__ import annotations

import pytest
from docutils import nodes
from sphinx import addnodes

from proxydoc._walk import find_blocks

KINDS = (addnodes.desc, addnodes.desc_content, nodes.container, nodes.field_list)


@pytest.mark.parametrize("root", ["params", "proxy-basic", "napoleon"])
def test_same_nodes_in_the_same_order_as_findall(shared_build, root):
    app = shared_build(root)
    checked = 0
    for docname in sorted(app.env.found_docs):
        doctree = app.env.get_doctree(docname)
        expected = [n for n in doctree.findall(nodes.Element) if isinstance(n, KINDS)]
        assert find_blocks(doctree, KINDS) == expected
        checked += len(expected)
    assert checked > 10  # the roots do hold descriptions, fields and containers
