"""Bench-only Sphinx extension: stop Sphinx's module-analyser cache pinning pages.

``sphinx.pycode.ModuleAnalyzer.for_module`` caches a module it cannot analyse
(``builtins``, a C extension) as the ``PycodeError`` it raised, and raises that
same object again on each later call.  Each raise adds the caller's frames to
the exception's traceback, so the cache keeps alive every frame of every
autodoc call that asked, and through them the doctree each was reading: every
page stays in memory after it is written (Sphinx 7.4 to 9.2).  This extension
drops those tracebacks after each document is read, to measure what the pinned
pages cost.  Loaded by the scale bench when ``PROXYDOC_BENCH_PYCODE_FIX`` is
set; not part of proxydoc.
"""

from __future__ import annotations

from typing import Any


def drop_tracebacks(app: Any, doctree: Any) -> None:
    from sphinx.errors import PycodeError
    from sphinx.pycode import ModuleAnalyzer

    for entry in ModuleAnalyzer.cache.values():
        if isinstance(entry, PycodeError):
            entry.__traceback__ = None


def setup(app: Any) -> dict[str, Any]:
    app.connect("doctree-read", drop_tracebacks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
