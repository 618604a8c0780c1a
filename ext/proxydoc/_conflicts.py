"""Refuse to load beside an extension proxydoc replaces, naming what to remove.

sphinx-paramlinks registers the ``:paramref:`` role and anchors the same
parameters; with both loaded, whichever comes second fails in Sphinx's
registry with a generic "role already registered" error.  proxydoc looks
before it registers anything: at its ``setup()`` ``config.extensions`` is the
full list of ``conf.py`` (Sphinx loads it in order), and ``app.extensions``
holds what is already loaded, so both orders are seen.

zzzeeksphinx is not one of these: proxydoc reads its prefix table and expands
a prefix before zzzeeksphinx's ``doctree-read`` handler sees the target, so the
two run together (SQLAlchemy's and Mako's docs keep it for its theme).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx

#: Extensions whose job proxydoc does: their top-level package, and what it is.
REPLACED = {"sphinx_paramlinks": "sphinx-paramlinks"}


def replaced_extensions(names: Iterable[str]) -> list[str]:
    """The names among *names* that load an extension proxydoc replaces."""
    return [name for name in names if name.partition(".")[0] in REPLACED]


def conflict_message(name: str) -> str:
    """What to tell a project that loads *name* together with proxydoc."""
    package = REPLACED[name.partition(".")[0]]
    return (
        f"{name!r} ({package}) is loaded together with 'proxydoc': "
        f"remove {name!r} from extensions: proxydoc replaces it "
        "(both define the :paramref: role and the parameters' anchors)"
    )


def setup_conflicts(app: Sphinx) -> None:
    """Fail with a clear message when an extension proxydoc replaces is loaded."""
    configured = list(app.config.extensions)
    loaded = [name for name in app.extensions if name not in configured]
    found = replaced_extensions([*configured, *loaded])
    if found:
        raise ConfigError(conflict_message(found[0]))
