""":paramref: into another project through the objects.inv that proxydoc wrote."""

from __future__ import annotations

from tests.helpers import soup, unresolved_paramrefs, warnings_of

BASE = "https://docs.example.invalid/pd/"
ENGINE = "pd_params.engine"


def test_paramref_through_intersphinx(make_app, rootdir, sphinx_test_tempdir):
    import shutil

    provider_src = sphinx_test_tempdir / "intersphinx-provider"
    consumer_src = sphinx_test_tempdir / "intersphinx-consumer"
    for src, root in (
        (provider_src, "test-params"),
        (consumer_src, "test-intersphinx"),
    ):
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(rootdir / root, src)
    provider = make_app("html", srcdir=provider_src, freshenv=True)
    provider.build()
    inventory = str(provider.outdir / "objects.inv")
    provider.cleanup()

    consumer = make_app(
        "html",
        srcdir=consumer_src,
        freshenv=True,
        confoverrides={"intersphinx_mapping": {"pd": (BASE, inventory)}},
    )
    consumer.build()
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
    assert unresolved_paramrefs(page) == [f"{ENGINE}.Engine.connect.nope"]
    lines = warnings_of(consumer._warning)
    assert len(lines) == 1
    assert "index.rst:4" in lines[0] and "unknown object" in lines[0]
    assert "[proxydoc.paramref]" in lines[0]
