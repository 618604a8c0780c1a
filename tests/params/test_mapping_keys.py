"""Entries that document a mapping's keys (dogpile.cache's backends) do not warn.

``pd_mapkeys.RedisBackend.__init__(self, arguments)`` documents the keys of its
``arguments`` dictionary as ``:param url:`` etc.: none of the signature's
parameters is documented and there are more entries than parameters, so the
entries describe something else than the signature and are not checked
against it, yet they stay anchored, indexed and linkable.  An ordinary typo still warns, and so do dangling references.
"""

from __future__ import annotations

import re

from tests.helpers import inventory, paramref_links, soup, warnings_of

ROOT = "params-mapping-keys"


def _by_kind(app) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in warnings_of(app._warning):
        m = re.search(r"WARNING: (.*) \[(proxydoc\.[\w-]+)\]$", line)
        assert m, f"warning without a proxydoc subtype: {line}"
        found.setdefault(m.group(2), []).append(m.group(1))
    return found


def test_mapping_keys_do_not_warn(shared_build) -> None:
    param = _by_kind(shared_build(ROOT)).get("proxydoc.param", [])
    assert not [w for w in param if "RedisBackend" in w], param


def test_mapping_keys_stay_anchored_and_linkable(shared_build) -> None:
    app = shared_build(ROOT)
    page = soup(app)
    keys = ("url", "host", "port")
    for key in keys:
        anchor = f"pd_mapkeys.RedisBackend.params.{key}"
        assert page.find(id=anchor) is not None, anchor
        assert inventory(app)[anchor][:2] == ("py:parameter", f"index.html#{anchor}")
    links = paramref_links(page)
    assert links == {
        "RedisBackend.url": "#pd_mapkeys.RedisBackend.params.url",
        "RedisBackend.host": "#pd_mapkeys.RedisBackend.params.host",
        "RedisBackend.port": "#pd_mapkeys.RedisBackend.params.port",
    }


def test_typos_and_wrong_references_still_warn(shared_build) -> None:
    found = _by_kind(shared_build(ROOT))
    assert sorted(found) == ["proxydoc.param", "proxydoc.paramref"], found
    assert found["proxydoc.param"] == [
        # an ordinary signature: some of its parameters are documented
        "Connection documents parameter 'timout', which its signature does not "
        "have (it has: timeout, url); did you mean 'timeout'?",
        # keys (two names, one parameter), but one is a near miss of it;
        # 'timeout' is a key and does not warn
        "configure documents parameter 'argumnets', which its signature does "
        "not have (it has: arguments); did you mean 'arguments'?",
        # as many names as parameters: a renamed parameter, not keys
        "handle_error documents parameter 'context', which its signature does "
        "not have (it has: exception_context)",
        # a signature with no parameters has no mapping to document
        "ping documents parameter 'host', which its signature does not have "
        "(it has: no parameters)",
    ]
    paramref = found["proxydoc.paramref"]
    assert len(paramref) == 2, paramref
    assert "unknown object 'MemcacheArgs'" in paramref[0]
    assert "pd_mapkeys.RedisBackend has no documented parameter 'nope'" in paramref[1]


def test_no_index_copies_leave_the_inventory_to_the_original(shared_build) -> None:
    """dogpile.cache's ``usage.rst`` repeats ``api.rst``'s methods with
    ``:noindex:`` and is read after it, as ``old.rst`` and ``new.rst`` are
    read after ``index.rst`` here: ``objects.inv`` lists each parameter on the
    original's page, where its owner's own entry is, not on the copy read last."""
    app = shared_build("params-noindex")
    inv = inventory(app)
    params = {k: v[1] for k, v in inv.items() if v[0] == "py:parameter"}
    assert params == {
        "pd_nx.connect.params.dsn": "index.html#pd_nx.connect.params.dsn",
        "pd_nx.connect.params.timeout": "index.html#pd_nx.connect.params.timeout",
        "pd_nx.Pool.checkout.params.block": "index.html#pd_nx.Pool.checkout.params.block",
    }
    assert inv["pd_nx.connect"][1].startswith("index.html#")
    assert inv["pd_nx.Pool.checkout"][1].startswith("index.html#")
