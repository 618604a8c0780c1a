""":paramref: on the params root: every form of the role, in pages and in docstrings."""

from __future__ import annotations

from proxydoc._pydomain import python_domain
from proxydoc.params._resolve import ParamRefTarget
from tests.helpers import copy_root, paramref_links, soup, unresolved_paramrefs

ENGINE = "pd_params.engine"


def test_paramref_forms_resolve_with_reader_text(shared_build):
    app = shared_build("params")
    page = soup(app, "refs")
    links = [
        (c.get_text(), c.parent["href"]) for c in page.select("a > code.py-paramref")
    ]
    assert links == [
        (
            "Engine.connect.timeout",
            f"index.html#{ENGINE}.Engine.connect.params.timeout",
        ),
        ("Engine.echo", f"index.html#{ENGINE}.Engine.params.echo"),
        (
            "create_engine.pool_size",
            f"index.html#{ENGINE}.create_engine.params.pool_size",
        ),
        ("create_engine.url", f"index.html#{ENGINE}.create_engine.params.url"),
        ("Pool.checkout.block", "handwritten.html#pd_hand.Pool.checkout.params.block"),
        ("retry", f"index.html#{ENGINE}.Engine.connect.params.retry"),
        ("the retry count", f"index.html#{ENGINE}.Engine.connect.params.retry"),
        ("connect.dsn", "handwritten.html#pd_hand.connect.params.dsn"),
        ("Engine.url", f"index.html#{ENGINE}.Engine.params.url"),
        ("Engine.echo", f"index.html#{ENGINE}.Engine.params.echo"),
    ]
    assert unresolved_paramrefs(page) == []


def test_paramrefs_inside_docstrings(shared_build):
    app = shared_build("params")
    links = paramref_links(soup(app))
    assert links == {
        "Engine.connect.timeout": f"#{ENGINE}.Engine.connect.params.timeout",
        "Engine.url": f"#{ENGINE}.Engine.params.url",
        "timeout": f"#{ENGINE}.Engine.connect.params.timeout",
    }


def test_alias_lookups_see_objects_noted_later(make_app, tmp_path) -> None:
    """The domain keeps what a search for an owner's name found (the search
    scans every object) only until an object is noted."""
    app = make_app("html", srcdir=copy_root("roles", tmp_path / "src"))
    app.build()
    domain = python_domain(app.env)
    widget = domain.objects["pd_roles.core.Widget"]
    ref = ParamRefTarget(owner="pd_roles.core.Gadget", param="w")
    assert domain.find_param(ref) is None
    assert domain.find_param(ref) is None  # asked twice: kept
    app.env.prepare_settings("index")  # as when a page is read
    domain.note_object("pd_roles.core.Gadget", "class", widget.node_id, True)
    found = domain.find_param(ref)
    assert found is not None
    assert (found[0].display, found[1]) == ("Widget", "w")
