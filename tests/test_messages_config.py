"""The exact text of the warnings about proxydoc's values in ``conf.py``."""

from __future__ import annotations

from tests.helpers import warnings_of


def test_prefix_maps_that_are_not_dicts(shared_build) -> None:
    app = shared_build("messages-config")
    assert warnings_of(app._warning) == [
        "WARNING: proxydoc_module_prefixes must be a dict of str to str; ignored "
        "[proxydoc.config]",
        "WARNING: zzzeeksphinx_module_prefixes must be a dict of str to str; "
        "ignored [proxydoc.config]",
    ]
    assert app.config.proxydoc_module_prefixes == {}
    assert app.config.zzzeeksphinx_module_prefixes == {}
