"""Proxied members: the ``class_bases`` marker becomes a note; targets list proxies.

Read time: :mod:`._markers` recognises the marker sentence (grammar in
:mod:`proxydoc.core.markers`), replaces it by a note (:mod:`._nodes`), records
the proxy in the graph (:mod:`._graph`) and reports stale copies
(:mod:`._drift`); :mod:`._autoproxy` documents run-time facades from their
target.  Once all is read, :mod:`._graph` warns for proxies in a cycle.
Write time: :mod:`._lists` adds "Proxied by" lines and facade summaries, and
points the notes' links at each object's documented name, which
:mod:`._names` finds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_proxies(app: Sphinx) -> None:
    """Register every part of the proxied-members feature."""
    from proxydoc.proxies._autoproxy import setup_autoproxy
    from proxydoc.proxies._graph import setup_graph
    from proxydoc.proxies._lists import setup_lists
    from proxydoc.proxies._markers import setup_markers
    from proxydoc.proxies._nodes import setup_nodes

    setup_nodes(app)
    setup_graph(app)
    setup_markers(app)
    setup_lists(app)
    setup_autoproxy(app)
