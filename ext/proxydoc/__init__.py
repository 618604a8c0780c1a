"""proxydoc: parameter links, module prefixes and proxied members for Sphinx."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the shape of the data proxydoc keeps in the environment changes.
ENV_VERSION = 2


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register every part of proxydoc with Sphinx."""
    from proxydoc._config import setup_config
    from proxydoc._domain import setup_domain
    from proxydoc._incremental import setup_incremental
    from proxydoc._paramref import setup_paramref
    from proxydoc._params import setup_params
    from proxydoc._proxies import setup_proxies
    from proxydoc._render import setup_render
    from proxydoc._signature import setup_signature

    setup_config(app)
    setup_domain(app)
    setup_params(app)
    setup_paramref(app)
    setup_signature(app)
    setup_render(app)
    setup_incremental(app)
    setup_proxies(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
