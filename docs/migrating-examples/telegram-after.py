extensions = [
    # ... chango.sphinx_ext and the others, unchanged
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "proxydoc",
    "sphinx_copybutton",
]
nitpicky = True
# proxydoc reads the old name too; the new one says what it is:
proxydoc_param_link_style = "name"
