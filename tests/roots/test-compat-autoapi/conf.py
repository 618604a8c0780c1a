import os

# sphinx-autoapi reads the package's source with astroid and writes its pages
# under autoapi/ in the source folder; proxydoc sees them as any other page.
extensions = ["autoapi.extension", "proxydoc"]
autoapi_dirs = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "pd_compat_autoapi")]
autoapi_add_toctree_entry = False
autoapi_options = ["members", "undoc-members", "show-module-summary"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
