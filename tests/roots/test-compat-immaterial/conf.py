import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

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
