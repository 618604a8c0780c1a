import sys
from pathlib import Path

from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
nitpicky = True
# EPUB wants both
version = "1.0"
copyright = "2026, the proxydoc authors"

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True

PROXYDOC_BLOCKS = ("proxydoc-proxy-note", "proxydoc-proxied-by", "proxydoc-proxy-summary")


def setup(app):
    """For the tests: ``app.proxydoc_test_refdocs``, each proxydoc link's ``refdoc``."""
    refdocs = app.proxydoc_test_refdocs = []

    class RecordRefdocs(SphinxPostTransform):
        """(description, target, refdoc) of each link in a proxydoc block.

        Just before Sphinx resolves references (10), after proxydoc's lists (5).
        """

        default_priority = 9

        def run(self, **kwargs):
            for xref in self.document.findall(addnodes.pending_xref):
                block = xref.parent
                while block is not None and not set(block.get("classes", ())) & set(
                    PROXYDOC_BLOCKS
                ):
                    block = block.parent
                if block is None:
                    continue
                desc = block.parent
                while not isinstance(desc, addnodes.desc):
                    desc = desc.parent
                sig = desc.next_node(addnodes.desc_signature)
                refdocs.append((sig["ids"][0], xref["reftarget"], xref.get("refdoc")))

    app.add_post_transform(RecordRefdocs)
