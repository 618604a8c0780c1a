extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "changelog",
    "sphinx_paramlinks",
]
