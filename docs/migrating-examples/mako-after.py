extensions = [
    "sphinx.ext.autodoc",
    "changelog",
    "proxydoc",
    "zzzeeksphinx",
]
# Nothing else: Mako has no zzzeeksphinx_module_prefixes table to move.
