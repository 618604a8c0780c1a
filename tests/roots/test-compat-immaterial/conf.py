import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tests.compat._library import write_library

# The module this root documents: the compat roots' one library, written
# here from tests/compat/_library.py (the tests build a copy of the root).
write_library(
    __file__,
    "pd_compat_immaterial.py",
    "A library with a facade, documented under sphinx-immaterial.",
)

# sphinx-immaterial's theme and its Python domain features (parameter objects,
# synopses, object ids), listed before proxydoc; the tests also build it after.
extensions = [
    "sphinx_immaterial",
    "sphinx_immaterial.apidoc.python.apigen",
    "sphinx.ext.autodoc",
    "proxydoc",
]
html_theme = "sphinx_immaterial"

project = "pd-compat-immaterial"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
# No network in tests: immaterial would fetch Google Fonts' metadata.
html_theme_options = {"font": False}
