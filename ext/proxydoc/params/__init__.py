"""Parameter links: every documented parameter an anchored object; ``:paramref:``.

Read time: :mod:`._fields` finds parameter items in every docstring style,
:mod:`._anchors` gives them ids, index entries and ``py:parameter`` objects, and
announces each described object's parameters (``proxydoc-object-params``), which
:mod:`._signature` checks against the signature; each parameter's synopsis
(:mod:`._synopsis`) is kept for the links' titles.  Resolve time:
:mod:`._paramref` (the role, owner search, diagnosis of bad links).  Write
time: :mod:`._siglinks` (signature names link to their entries),
:mod:`._output` (self-links, print targets, stylesheet) and
:mod:`._incremental` (pages whose links changed target); :mod:`._backlinks`
records where each ``:paramref:`` stands and lists it under its parameter;
:mod:`._kwargs` links keyword arguments in sphinx-codeautolink's examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_params(app: Sphinx) -> None:
    """Register every part of the parameter-links feature."""
    from proxydoc.params._anchors import OBJECT_PARAMS_EVENT, setup_anchors
    from proxydoc.params._backlinks import setup_backlinks
    from proxydoc.params._incremental import setup_incremental
    from proxydoc.params._kwargs import setup_kwargs
    from proxydoc.params._output import setup_output
    from proxydoc.params._paramref import setup_paramref
    from proxydoc.params._siglinks import setup_siglinks
    from proxydoc.params._signature import setup_signature

    # The anchors announce each object's parameters; the signature check listens.
    app.add_event(OBJECT_PARAMS_EVENT)
    setup_anchors(app)
    setup_paramref(app)
    setup_signature(app)
    setup_siglinks(app)
    setup_output(app)
    setup_backlinks(app)
    setup_kwargs(app)
    setup_incremental(app)
