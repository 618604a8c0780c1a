# sphinx-paramlinks first, then proxydoc (as a project that only appended
# "proxydoc" would have it).
extensions = ["sphinx.ext.autodoc", "sphinx_paramlinks", "proxydoc"]
