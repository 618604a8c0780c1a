import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tests.compat._library import write_library

# The module this root documents: the compat roots' one library, written
# here from tests/compat/_library.py (the tests build a copy of the root).
write_library(
    __file__,
    "pd_compat_codeautolink.py",
    "A library with a facade, whose examples sphinx-codeautolink links.",
)

# sphinx-codeautolink links names in code examples to their documentation.
extensions = ["sphinx.ext.autodoc", "sphinx_codeautolink", "proxydoc"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
