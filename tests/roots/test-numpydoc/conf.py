import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
extensions = ["sphinx.ext.autodoc", "numpydoc", "proxydoc"]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()
