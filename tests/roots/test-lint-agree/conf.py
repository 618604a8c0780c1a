import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest", "proxydoc"]

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
