# proxydoc first, sphinx-paramlinks after it (autodoc first: sphinx-paramlinks
# connects to its events, as every project that uses it loads it).
extensions = ["sphinx.ext.autodoc", "proxydoc", "sphinx_paramlinks"]
