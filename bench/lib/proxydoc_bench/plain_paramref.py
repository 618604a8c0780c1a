"""Bench-only Sphinx extension for bare builds: ``:paramref:`` as plain literal text.

The lower bound of build cost keeps the role's text but resolves nothing, so the
bare build is not dominated by docutils' "unknown role" errors.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes


def plain_paramref(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Render the target (or explicit title) as code, linked to nothing."""
    title = text.partition(" <")[0] if text.endswith(">") else text.lstrip("~.")
    return [nodes.literal(rawtext, title, classes=["xref", "py", "py-paramref"])], []


def setup(app: Any) -> dict[str, Any]:
    """Register ``paramref`` and ``py:paramref`` as plain roles."""
    app.add_role("paramref", plain_paramref)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
