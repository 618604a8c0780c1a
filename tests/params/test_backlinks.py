"""Backlinks: the places that link to a parameter, listed under it."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import (
    copy_root,
    serial_and_parallel,
    soup,
    status_of,
    warnings_of,
)


def backlinks(app, docname: str, anchor: str) -> list[tuple[str, str]]:
    """(text, href) of the "Referenced by" links under parameter *anchor*."""
    item = soup(app, docname).find(id=anchor)
    assert item is not None, anchor
    para = item.find("p", class_="proxydoc-backlinks")
    if para is None:
        return []
    assert para.get_text().startswith("Referenced by: ")
    return [(a.get_text(), a["href"]) for a in para.find_all("a")]


def test_places_that_link_are_listed(shared_build) -> None:
    app = shared_build("backlinks")
    # a section twice (once listed), an object's description, in toctree order;
    # connect's own url entry links to it too, but that is its own description
    assert backlinks(app, "api", "connect.params.timeout") == [
        ("Timeouts", "guide.html#timeouts"),
        ("retry", "recipes.html#retry"),
    ]
    assert backlinks(app, "api", "Pool.params.size") == [("Pools", "guide.html#pools")]
    assert backlinks(app, "api", "connect.params.url") == [("More", "more.html#more")]
    assert backlinks(app, "recipes", "retry.params.times") == [
        ("Extra", "extra.html#extra")
    ]
    # the wrong link is reported as always, and lists nowhere
    assert [w for w in warnings_of(app._warning) if "nope" in w]


def test_off_by_default(shared_build) -> None:
    app = shared_build("backlinks", proxydoc_param_backlinks=False)
    assert soup(app, "api").select("p.proxydoc-backlinks") == []


def test_parallel_equals_serial(make_app, tmp_path: Path) -> None:
    def outcome(app):
        return {
            anchor: backlinks(app, "api", anchor)
            for anchor in (
                "connect.params.timeout",
                "connect.params.url",
                "Pool.params.size",
            )
        }

    serial, parallel = serial_and_parallel(
        make_app, "backlinks", tmp_path, "pd_none", outcome
    )
    assert serial == parallel
    assert serial["connect.params.timeout"] == [
        ("Timeouts", "guide.html#timeouts"),
        ("retry", "recipes.html#retry"),
    ]


def test_a_page_that_stops_linking_drops_out(make_app, tmp_path: Path) -> None:
    srcdir = copy_root("backlinks", tmp_path / "src")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert backlinks(app, "api", "connect.params.timeout")[0][0] == "Timeouts"
    guide = srcdir / "guide.rst"
    guide.write_text(
        guide.read_text("utf-8").replace(
            "Set :paramref:`connect.timeout`; again, :paramref:`connect.timeout`.",
            "No link here any more.",
        ),
        "utf-8",
    )
    app2 = make_app("html", srcdir=srcdir)
    app2.build()
    status = status_of(app2)
    read = status.split("reading sources...", 1)[1].split("\n", 1)[0]
    assert "guide" in read and "api" not in read  # api.rst is not read again ...
    assert "api" in status.split("writing output...", 1)[1]  # ... but written
    assert backlinks(app2, "api", "connect.params.timeout") == [
        ("retry", "recipes.html#retry")
    ]
    # and a page that starts linking appears
    (srcdir / "more.rst").write_text(
        "More\n====\n\n:paramref:`connect.url` and :paramref:`Pool.size`.\n", "utf-8"
    )
    app3 = make_app("html", srcdir=srcdir)
    app3.build()
    assert backlinks(app3, "api", "Pool.params.size") == [
        ("Pools", "guide.html#pools"),
        ("More", "more.html#more"),
    ]
