import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
autodoc_typehints = "description"
# types only for the parameters a docstring documents: the others stay undocumented
autodoc_typehints_description_target = "documented"

project = "pd-siglinks"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
