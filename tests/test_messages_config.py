"""The exact text of the warnings about proxydoc's values in ``conf.py``.

``test-messages-config`` sets both prefix maps to values that are not dicts.
"""

from __future__ import annotations

from tests.helpers import warnings_of

PREFIX_WARNINGS = [
    "WARNING: proxydoc_module_prefixes must be a dict of str to str; ignored "
    "[proxydoc.config]",
    "WARNING: zzzeeksphinx_module_prefixes must be a dict of str to str; "
    "ignored [proxydoc.config]",
]


def test_prefix_maps_that_are_not_dicts(shared_build) -> None:
    app = shared_build("messages-config")
    assert warnings_of(app._warning) == PREFIX_WARNINGS
    assert app.config.proxydoc_module_prefixes == {}
    assert app.config.zzzeeksphinx_module_prefixes == {}


def test_undocumented_check_of_another_value(shared_build) -> None:
    app = shared_build("messages-config", proxydoc_check_undocumented="yes")
    assert warnings_of(app._warning) == [
        *PREFIX_WARNINGS,
        "WARNING: proxydoc_check_undocumented must be True, False or 'all'; "
        "got 'yes', using False [proxydoc.config]",
    ]
    assert app.config.proxydoc_check_undocumented is False
