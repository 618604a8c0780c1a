"""Proxied members: one entry point for the nodes, domain, transforms and directive."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_proxies(app: Sphinx) -> None:
    """Register every part of the proxied-members feature."""
    from proxydoc._autoproxy import setup_autoproxy
    from proxydoc._proxy_domain import setup_proxy_domain
    from proxydoc._proxy_nodes import setup_proxy_nodes
    from proxydoc._proxy_read import setup_proxy_read
    from proxydoc._proxy_render import setup_proxy_render

    setup_proxy_nodes(app)
    setup_proxy_domain(app)
    setup_proxy_read(app)
    setup_proxy_render(app)
    setup_autoproxy(app)
