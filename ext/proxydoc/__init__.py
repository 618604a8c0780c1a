"""proxydoc: parameter links, module prefixes and proxied members for Sphinx.

The four features, one package each:

- :mod:`proxydoc.params` — parameter anchors and the ``:paramref:`` role;
- :mod:`proxydoc.prefixes` — module prefixes (``_orm.Session``);
- :mod:`proxydoc.proxies` — proxied members: notes, "Proxied by", drift, autoproxy;
- :mod:`proxydoc.cli` — the ``proxydoc`` command (no Sphinx part).

Shared by them: :mod:`proxydoc.core` (text rules that import neither Sphinx nor
docutils, used by the extension and the command alike), :mod:`._pydomain` (the
Python domain with parameter objects), :mod:`._config`, :mod:`._conflicts` (the
extensions proxydoc replaces), :mod:`._compat` (the Sphinx internals proxydoc
cannot avoid), :mod:`._warnings`, :mod:`._walk`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the shape of the data proxydoc keeps in the environment changes
#: (3: the classes stored there moved to proxydoc._pydomain and proxydoc.proxies;
#: 5: a proxy's record keeps where its note is; 6: the domain keeps synopses
#: without their head; 7: and the starred forms of parameters' names).
ENV_VERSION = 7


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register proxydoc's shared parts, then its three Sphinx features."""
    from proxydoc._config import setup_config
    from proxydoc._conflicts import setup_conflicts
    from proxydoc._pydomain import setup_python_domain
    from proxydoc._static import setup_static
    from proxydoc.params import setup_params
    from proxydoc.prefixes import setup_prefixes
    from proxydoc.proxies import setup_proxies

    setup_conflicts(app)
    setup_config(app)
    setup_python_domain(app)
    setup_static(app)
    setup_params(app)
    setup_prefixes(app)
    setup_proxies(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
