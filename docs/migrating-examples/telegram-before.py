extensions = [
    # ... chango.sphinx_ext and the others, unchanged
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_paramlinks",
    "sphinx_copybutton",
]
nitpicky = True
paramlinks_hyperlink_param = "name"
