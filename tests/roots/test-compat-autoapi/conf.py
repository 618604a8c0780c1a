import os

from tests.compat._library import write_library

# The module this root documents: the compat roots' one library, written
# here from tests/compat/_library.py (the tests build a copy of the root).
write_library(
    __file__,
    "pd_compat_autoapi/__init__.py",
    "A library with a facade, read by sphinx-autoapi (astroid, not imported).",
)

# sphinx-autoapi reads the package's source with astroid and writes its pages
# under autoapi/ in the source folder; proxydoc sees them as any other page.
extensions = ["autoapi.extension", "proxydoc"]
autoapi_dirs = [
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "pd_compat_autoapi")
]
autoapi_add_toctree_entry = False
autoapi_options = ["members", "undoc-members", "show-module-summary"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
