"""A role that shows what proxydoc's compatibility helpers see while reading."""

from docutils import nodes

from proxydoc._compat import document_data, enclosing_object_name

extensions = ["proxydoc"]


def whereami(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``:whereami:`x``` -> "<enclosing object>|<count of x in this document>"."""
    env = inliner.document.settings.env
    seen = document_data(env).setdefault("compat_test_" + text, [])
    seen.append(lineno)
    shown = f"{enclosing_object_name(env)}|{len(seen)}"
    return [nodes.literal(shown, shown, classes=["whereami"])], []


def setup(app):
    app.add_role("whereami", whereami)
