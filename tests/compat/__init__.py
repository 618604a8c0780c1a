"""proxydoc built together with other Sphinx extensions: one module each."""
