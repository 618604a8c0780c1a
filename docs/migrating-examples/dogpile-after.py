extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "changelog",
    "proxydoc",
]
