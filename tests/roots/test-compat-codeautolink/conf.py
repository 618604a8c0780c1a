import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# sphinx-codeautolink links names in code examples to their documentation.
extensions = ["sphinx.ext.autodoc", "sphinx_codeautolink", "proxydoc"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
