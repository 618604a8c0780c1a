""":paramref: into another project through the objects.inv that proxydoc wrote."""

from __future__ import annotations

from tests.helpers import soup, unresolved_paramrefs, warnings_of

BASE = "https://docs.example.invalid/pd/"
ENGINE = "pd_params.engine"


def test_paramref_through_intersphinx(shared_build):
    inventory = shared_build("params").outdir / "objects.inv"
    consumer = shared_build(
        "intersphinx", intersphinx_mapping={"pd": (BASE, str(inventory))}
    )
    page = soup(consumer)
    links = [(a.get_text(), a["href"]) for a in page.select("a.reference.external")]
    assert links == [
        (
            "Engine.connect.timeout",
            f"{BASE}index.html#{ENGINE}.Engine.connect.params.timeout",
        ),
        ("Engine.echo", f"{BASE}index.html#{ENGINE}.Engine.params.echo"),
        (
            "create_engine.pool_size",
            f"{BASE}index.html#{ENGINE}.create_engine.params.pool_size",
        ),
        ("retry", f"{BASE}index.html#{ENGINE}.Engine.connect.params.retry"),
        ("retries", f"{BASE}index.html#{ENGINE}.Engine.connect.params.retry"),
        ("Engine", f"{BASE}index.html#{ENGINE}.Engine"),
    ]
    assert unresolved_paramrefs(page) == [
        f"{ENGINE}.Engine.connect.nope",
        f"{ENGINE}.nothing",
    ]
    # the owners are in the other project's inventory: said so, with its
    # parameters when it lists them
    lines = [line.split("/src/")[-1] for line in warnings_of(consumer._warning)]
    assert lines == [
        f"index.rst:4: WARNING: {ENGINE}.Engine.connect (in pd's docs) has no "
        "documented parameter 'nope' (it documents: args, kw, retry, timeout) "
        "[proxydoc.paramref]",
        f"index.rst:4: WARNING: {ENGINE} is in pd's docs, which list no "
        f"parameters for it: :paramref: '{ENGINE}.nothing' has no target "
        "[proxydoc.paramref]",
    ]
