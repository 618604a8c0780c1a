"""Module facades (``alembic.op``): functions made from a class's methods at import."""

from __future__ import annotations

import sys

from ..helpers import inventory, warnings_of
from .helpers import (
    at_marker,
    notes_by_member,
    proxied_by,
    proxy_warnings,
    soup,
    text_of,
)

OPS = "pd_mig.operations.Operations"
ENV = "pd_mig.environment.EnvironmentContext"


def test_autoproxy_documents_the_module_and_its_functions(shared_build):
    app = shared_build("proxy-module")
    page = soup(app, "op")
    assert page.find(id="module-pd_mig.op") is not None
    assert "Functions made at import time from" in text_of(page.select_one("div.body"))
    add = page.find("dt", id="pd_mig.op.add_column")
    assert text_of(add).startswith(
        "pd_mig.op.add_column(table_name: str, column: str, *, schema: str | None"
    )
    assert "Add a column to a table." in text_of(add.find_next("dd"))
    # a coroutine stays async, an inherited method is there
    assert text_of(page.find("dt", id="pd_mig.op.run_async")).startswith(
        "async pd_mig.op.run_async(fn: object)"
    )
    assert "pd_mig.op.get_bind" in [dt["id"] for dt in page.select("dt[id]")]


def test_default_members_are_the_methods_the_module_proxies(shared_build):
    """No :members:: the module's public functions named after a target's method.

    pd_mig.op also binds the class Operations and proxies of the classmethods
    create_module_class_proxy and register_operation: machinery, left out.
    """
    app = shared_build("proxy-module")
    module = sys.modules["pd_mig.op"]  # as the build imported it
    assert {"Operations", "create_module_class_proxy", "register_operation"} <= set(
        vars(module)
    )
    page = soup(app, "op")
    assert sorted(dt["id"] for dt in page.select("dl.py.function > dt[id]")) == [
        f"pd_mig.op.{name}"
        for name in ("add_column", "drop_column", "get_bind", "install", "run_async")
    ]


def test_a_classmethod_named_in_members_is_described(shared_build):
    app = shared_build("proxy-module")
    page = soup(app, "machinery")
    functions = page.select("dl.py.function > dt")
    assert [text_of(dt).split("(")[0] for dt in functions] == [
        "pd_mig.op.register_operation"
    ]
    # a classmethod loses cls
    assert text_of(functions[0]).startswith("pd_mig.op.register_operation(name: str)")


def test_notes_name_the_target_member_and_the_module(shared_build):
    app = shared_build("proxy-module")
    notes = notes_by_member(soup(app, "op"))
    assert notes["pd_mig.op.add_column"] == (
        "Proxied for Operations.add_column() on behalf of pd_mig.op.",
        [
            f"operations.html#{OPS}.add_column",
            "#module-pd_mig.op",
        ],
    )
    # a member the target's page leaves out is named without a link
    assert notes["pd_mig.op.install"][1] == [
        f"operations.html#{OPS}",
        "#module-pd_mig.op",
    ]


def test_anchors_inventory_and_paramrefs(shared_build):
    app = shared_build("proxy-module")
    page = soup(app, "op")
    for param in ("table_name", "column", "schema"):
        assert page.find(id=f"pd_mig.op.add_column.params.{param}") is not None
    inv = inventory(app)
    assert inv["pd_mig.op"] == ("py:module", "op.html#module-pd_mig.op", "pd_mig.op")
    assert inv["pd_mig.op.add_column"][0:2] == (
        "py:function",
        "op.html#pd_mig.op.add_column",
    )
    assert inv["pd_mig.op.add_column.params.column"][0:2] == (
        "py:parameter",
        "op.html#pd_mig.op.add_column.params.column",
    )
    links = [a["href"] for a in soup(app, "index").select("div.body p a")]
    assert "op.html#pd_mig.op.add_column.params.column" in links
    assert "op.html#pd_mig.op.drop_column" in links
    assert "context.html#pd_mig.context.configure.params.url" in links


def proxied_by_lines(app, docname):
    """Anchor of each member with a "Proxied by" line -> the line's text."""
    return {
        div.find_parent("dd").find_previous_sibling("dt")["id"]: text_of(div)
        for div in soup(app, docname).select("div.proxydoc-proxied-by")
    }


def test_targets_list_their_module_proxies(shared_build):
    app = shared_build("proxy-module")
    lines = proxied_by_lines(app, "operations")
    assert lines[f"{OPS}.add_column"] == "Proxied by pd_mig.op.add_column()."
    assert proxied_by_lines(app, "environment")[f"{ENV}.configure"] == (
        "Proxied by pd_mig.context.configure()."
    )
    links = proxied_by(soup(app, "operations"))
    assert links[f"{OPS}.add_column"] == ["op.html#pd_mig.op.add_column"]
    assert links[f"{OPS}.run_async"] == ["op.html#pd_mig.op.run_async"]
    assert proxied_by(soup(app, "environment"))[f"{ENV}.is_offline_mode"] == [
        "context.html#pd_mig.context.is_offline_mode"
    ]


def test_hand_written_functions_with_the_module_marker(shared_build):
    """A stub's functions, each with the marker: :mod: or :obj:, full stop or none."""
    app = shared_build("proxy-module")
    page = soup(app, "context")
    notes = notes_by_member(page)
    assert notes["pd_mig.context.configure"] == (
        "Proxied for EnvironmentContext.configure() on behalf of pd_mig.context.",
        [
            f"environment.html#{ENV}.configure",
            "#module-pd_mig.context",
        ],
    )
    assert notes["pd_mig.context.is_offline_mode"][0] == (
        "Proxied for EnvironmentContext.is_offline_mode() on behalf of pd_mig.context."
    )
    # the pointer wording, a py:data's whole docstring
    assert notes["pd_mig.context.config"] == (
        "Proxied for EnvironmentContext.config on behalf of pd_mig.context.",
        [
            f"environment.html#{ENV}.config",
            "#module-pd_mig.context",
        ],
    )
    assert proxied_by_lines(app, "environment")[f"{ENV}.config"] == (
        "Proxied by pd_mig.context.config."
    )
    assert not page.select("div.class-bases")
    assert page.find(id="pd_mig.context.configure.params.url") is not None


def test_no_index_describes_without_indexing(shared_build):
    app = shared_build("proxy-module")
    page = soup(app, "tutorial")
    assert page.find(id="module-pd_mig.op") is None
    assert not page.select("dt[id^='pd_mig.op']")
    assert not page.select("dt[id^='pd_mig.operations']")
    notes = [text_of(n) for n in page.select("div.proxydoc-proxy-note")]
    assert notes == [
        "Proxied for Operations.add_column() on behalf of pd_mig.op.",
        # a class facade too, described by autoclass on the targets' page
        "Proxied for Operations.drop_column() on behalf of BatchOperations.",
    ]
    assert proxied_by(soup(app, "operations"))[f"{OPS}.drop_column"] == [
        "op.html#pd_mig.op.drop_column"
    ]
    # the page's current module is what it was before the directive
    assert page.find("dt", id="upgrade") is not None
    assert inventory(app)["pd_mig.op.add_column"][1] == "op.html#pd_mig.op.add_column"


def test_warnings_are_only_the_stale_copy(shared_build):
    """Nitpicky: every link resolves; a hand-written function drifted from its target."""
    app = shared_build("proxy-module")
    assert [w.split("WARNING: ")[1] for w in warnings_of(app._warning)] == [
        "the docstring of pd_mig.context.is_offline_mode is a copy of "
        f"{ENV}.is_offline_mode's but differs from it; regenerate the proxy or "
        "update the copy [proxydoc.proxy-drift]"
    ]
    drift = proxy_warnings(app._warning.getvalue(), "proxy-drift")
    assert at_marker(drift[0], "context.rst", 29)
