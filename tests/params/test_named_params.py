"""A function or method named ``params``: ``.params.`` is also the anchors' separator."""

from __future__ import annotations

from tests.helpers import soup, unresolved_paramrefs, warnings_of

MOD = "pd_named"


def test_parameters_of_a_function_named_params_are_reachable(shared_build):
    app = shared_build("params-named-params")
    page = soup(app)
    links = [
        (c.get_text(), c.parent["href"]) for c in page.select("a > code.py-paramref")
    ]
    assert links == [
        ("params.x", f"#{MOD}.params.params.x"),
        ("Query.params.a", f"#{MOD}.Query.params.params.a"),
        ("Query.params.a", f"#{MOD}.Query.params.params.a"),
        ("params.y", f"#{MOD}.params.params.y"),
        ("y", f"#{MOD}.params.params.y"),
        ("params.x", f"#{MOD}.params.params.x"),
        ("Query.run.a", f"#{MOD}.Query.run.params.a"),
    ]
    # Query.a is written without .params.: it never means Query.params's a
    assert unresolved_paramrefs(page) == ["pd_named.Query.a", "pd_named.params.nope"]


def test_anchors_keep_owner_params_name(shared_build):
    app = shared_build("params-named-params")
    ids = {el["id"] for el in soup(app).select("[id]") if ".params." in el["id"]}
    assert ids == {
        f"{MOD}.params.params.x",
        f"{MOD}.params.params.y",
        f"{MOD}.Query.params.params.a",
        f"{MOD}.Query.run.params.a",
    }


def test_dangling_links_name_the_owner_they_mean(shared_build):
    app = shared_build("params-named-params")
    lines = warnings_of(app._warning)
    assert len(lines) == 2, lines
    assert (
        f"{MOD}.Query documents no parameters: :paramref: '{MOD}.Query.a' has no target"
        in lines[0]
    )
    assert (
        f"{MOD}.params has no documented parameter 'nope' (it documents: x, y)"
        in lines[1]
    )


def test_parameters_of_a_function_named_params_through_intersphinx(shared_build):
    inventory = shared_build("params-named-params").outdir / "objects.inv"
    base = "https://docs.example.invalid/named/"
    consumer = shared_build(
        "intersphinx-named-params",
        intersphinx_mapping={"named": (base, str(inventory))},
    )
    page = soup(consumer)
    links = [a["href"] for a in page.select("a.reference.external")]
    assert links == [
        f"{base}index.html#{MOD}.params.params.x",
        f"{base}index.html#{MOD}.Query.params.params.a",
        f"{base}index.html#{MOD}.params.params.y",
        f"{base}index.html#{MOD}.Query.run.params.a",
    ]
    assert warnings_of(consumer._warning) == []
