import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
nitpicky = True

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True


def say_name(app, what, name, obj, options, lines):
    """Show the name autodoc-process-docstring handlers are given."""
    if what in ("method", "function") and name.startswith("pd_names."):
        lines.extend(["", f"Read as ``{name}``."])


def setup(app):
    app.connect("autodoc-process-docstring", say_name)
