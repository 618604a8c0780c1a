import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# numpydoc turns the NumPy sections into its own field lists and definition
# lists before autodoc hands the docstring on.
extensions = ["sphinx.ext.autodoc", "numpydoc", "proxydoc"]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
