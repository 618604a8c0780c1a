import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
proxydoc_module_prefixes = {"_st": "pd_starred.api"}

project = "pd-starred"

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
