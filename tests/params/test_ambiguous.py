"""A ``.``-prefixed ``:paramref:`` that more than one owner documents.

It warns as Sphinx's roles do ("more than one target found"), naming the
owners, and links to the first by full name, unless the link's module or
class context decides, or the owners are a proxy and its target.
"""

from __future__ import annotations

from tests.helpers import copy_root, serial_and_parallel, soup, warnings_of
from tests.test_parallel import outcome

ROOT = "params-ambiguous"
HOW = "(write more of its owner's name to choose) [proxydoc.paramref]"


def _links(app, docname: str) -> list[tuple[str, str]]:
    page = soup(app, docname)
    return [(a.get_text(), a["href"]) for a in page.select("a:has(> code.xref)")]


#: Sphinx's own warning for an ambiguous :any: (typed ``ref.any`` from Sphinx
#: 8.0; Sphinx 7.4 gives it no type, so it is found by its words).
ANY_AMBIGUOUS = "more than one target found for 'any' cross-reference"


def test_ambiguous_links_warn_with_the_candidates(shared_build):
    app = shared_build(ROOT)
    warnings = [w for w in warnings_of(app._warning) if "[proxydoc.paramref]" in w]
    expected = [
        (
            "in_m.rst:6",
            "'.run.x': m.Facade.run, m.Target.run (each documents 'x'); "
            "linked to m.Facade.run's",
        ),
        (
            "index.rst:14",
            "'.run.x': m.Facade.run, m.Target.run, n.Target.run (each documents "
            "'x'); linked to m.Facade.run's",
        ),
        (
            "index.rst:16",
            "'.Target.run.x': m.Target.run, n.Target.run (each documents 'x'); "
            "linked to m.Target.run's",
        ),
    ]
    assert len(warnings) == len(expected), warnings
    for warning, (where, what) in zip(sorted(warnings), expected, strict=True):
        assert warning.endswith(
            f"{where}: WARNING: more than one target found for :paramref: {what} {HOW}"
        ), warning
    any_role = [w for w in warnings_of(app._warning) if ANY_AMBIGUOUS in w]
    assert len(warnings_of(app._warning)) == len(expected) + len(any_role)


def test_an_ambiguous_link_goes_to_the_first_owner_by_full_name(shared_build):
    app = shared_build(ROOT)
    assert _links(app, "index") == [
        ("Facade.run.x", "facade.html#m.Facade.run.params.x"),
        ("Target.run.x", "target.html#m.Target.run.params.x"),
        # the proxy p.ScopedStore.get copies its target's parameters: the
        # target is the one meant, and no warning
        ("Store.get.key", "proxies.html#p.Store.get.params.key"),
        ("Target.run.y", "other.html#n.Target.run.params.y"),
        ("Target.run.x", "target.html#m.Target.run.params.x"),
    ]


def test_the_links_context_decides_without_a_warning(shared_build):
    app = shared_build(ROOT)
    # in module n, of the three owners of x only n's is there
    assert _links(app, "in_n") == [
        ("Target.run.x", "other.html#n.Target.run.params.x"),
    ]
    # in module m two owners are; in Facade's description, Facade's
    assert _links(app, "in_m") == [
        ("Facade.run.x", "facade.html#m.Facade.run.params.x"),
        ("Facade.run.x", "facade.html#m.Facade.run.params.x"),
    ]


def test_the_any_role_finds_every_owner_and_sphinx_warns(shared_build):
    app = shared_build(ROOT)
    warnings = [w for w in warnings_of(app._warning) if ANY_AMBIGUOUS in w]
    assert len(warnings) == 1, warnings
    assert "any.rst:4: WARNING: more than one target found for 'any' " in warnings[0]
    titles = ["Facade.run.x", "Target.run.x", "Target.run.x"]
    assert warnings[0].count(":py:paramref:") == len(titles)
    assert [t for t in titles if f":py:paramref:`{t} " in warnings[0]] == titles
    page = soup(app, "any")
    hrefs = [a["href"] for a in page.select("a.reference.internal")]
    # the parameter links (Sphinx 7.4's alabaster adds its sidebar's page links)
    assert [h for h in hrefs if ".params." in h] == [
        "facade.html#m.Facade.run.params.x",
        "other.html#n.Target.run.params.y",
    ]


def test_parallel_build_warns_and_links_as_the_serial_one(make_app, tmp_path):
    serial, parallel = serial_and_parallel(make_app, ROOT, tmp_path, "", outcome)
    assert serial == parallel
    ambiguous = [w for w in serial[3] if "more than one target found" in w]
    assert len(ambiguous) == 4


def test_a_proxy_and_its_target_in_sqlalchemy_are_not_ambiguous(make_app, tmp_path):
    """scoped_session.get proxies Session.get and documents its parameters too."""
    srcdir = copy_root("proxy-sqlalchemy", tmp_path / "src")
    with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
        index.write(
            "\nLinks: :paramref:`.get.ident`, :paramref:`.execute.statement`.\n"
        )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert not [w for w in warnings_of(app._warning) if "more than one" in w]
    session = "session.html#sqlalchemy.orm.Session"
    assert _links(app, "index")[-2:] == [
        ("Session.get.ident", f"{session}.get.params.ident"),
        ("Session.execute.statement", f"{session}.execute.params.statement"),
    ]
