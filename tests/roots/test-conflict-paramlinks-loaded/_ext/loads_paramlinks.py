"""A theme-like extension that brings sphinx-paramlinks with it."""


def setup(app):
    app.setup_extension("sphinx_paramlinks")
    return {"parallel_read_safe": True}
