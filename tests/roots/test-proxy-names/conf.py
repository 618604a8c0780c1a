import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
nitpicky = True

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
