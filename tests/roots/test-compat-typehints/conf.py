import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# sphinx-autodoc-typehints removes the annotations from the signature and
# writes each parameter's type into its :param: field (a :type: field).
extensions = ["sphinx.ext.autodoc", "sphinx_autodoc_typehints", "proxydoc"]
always_document_param_types = True

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
