extensions = [
    "sphinx.ext.autodoc",
    "changelog",
    "sphinx_paramlinks",
    "zzzeeksphinx",
]
