import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# sphinx-immaterial's apigen writes a page per class and per member
# (api/Session.close.rst ...) from the module's __all__.
extensions = [
    "sphinx_immaterial",
    "sphinx_immaterial.apidoc.python.apigen",
    "sphinx.ext.autodoc",
    "proxydoc",
]
html_theme = "sphinx_immaterial"
# No network in tests: immaterial would fetch Google Fonts' metadata.
html_theme_options = {"font": False}
python_apigen_modules = {"pd_compat_apigen": "api/"}

project = "pd-compat-apigen"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
