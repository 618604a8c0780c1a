import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tests.compat._library import write_library

# The module this root documents: the compat roots' one library, written
# here from tests/compat/_library.py (the tests build a copy of the root).
write_library(
    __file__,
    "pd_compat_typehints.py",
    "A library with a facade whose types sphinx-autodoc-typehints writes.",
    head="from __future__ import annotations",
)

# sphinx-autodoc-typehints removes the annotations from the signature and
# writes each parameter's type into its :param: field (a :type: field).
extensions = ["sphinx.ext.autodoc", "sphinx_autodoc_typehints", "proxydoc"]
always_document_param_types = True

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
