import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
proxydoc_param_backlinks = True

project = "pd-themes"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
# Short enough for pydata-sphinx-theme's phone-wide header, which has no room
# for "pd-themes 1.0 documentation" beside its buttons.
html_title = "pd-themes"
