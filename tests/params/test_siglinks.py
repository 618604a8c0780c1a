"""Signature to description links, synopses as link titles, and the
undocumented-parameter check."""

from __future__ import annotations

import re

import pytest
from docutils import nodes

from proxydoc._pydomain import python_domain
from proxydoc.params._output import SIGLINK_CLASS
from proxydoc.params._siglinks import param_sig_name
from tests.helpers import copy_root, serial_and_parallel, soup, warnings_of


def siglinks(app, object_id: str) -> list[tuple[str, str, str]]:
    """(name, href, title) of each parameter link in *object_id*'s signatures."""
    page = soup(app)
    sig = page.find(id=object_id)
    assert sig is not None, object_id
    desc = sig.find_parent("dl")
    return [
        (a.get_text(), a["href"], a.get("title", ""))
        for dt in desc.find_all("dt", recursive=False)
        for a in dt.select("a.proxydoc-siglink")
    ]


def test_signature_names_link_to_their_entries(shared_build) -> None:
    app = shared_build("siglinks")
    assert siglinks(app, "pd_sig.Engine") == [
        (
            "url",
            "#pd_sig.Engine.params.url",
            "Engine.url \u2014 parameter, str: Where the database is.",
        ),
        (
            "echo",
            "#pd_sig.Engine.params.echo",
            "Engine.echo \u2014 parameter, bool: Log every statement.",
        ),
    ]  # _private is not documented: plain text
    connect = siglinks(app, "pd_sig.Engine.connect")
    assert [(n, h) for n, h, _ in connect] == [
        ("timeout", "#pd_sig.Engine.connect.params.timeout"),
        ("args", "#pd_sig.Engine.connect.params.args"),
    ]
    assert connect[0][2] == (
        "Engine.connect.timeout \u2014 parameter, float: Seconds to wait, at most; "
        "afterwards the attempt fails."
    )
    # every target the links name is an id on the page
    page = soup(app)
    for link in page.select("a.proxydoc-siglink"):
        assert link["class"] == ["proxydoc-siglink", "reference", "internal"]
        assert [c.name for c in link.children] == ["span"]  # the name, unchanged
        assert link.span["class"] == ["n"]
    for _, href, _ in connect:
        assert page.find(id=href[1:]) is not None, href
    # Made at write time: the doctree Sphinx keeps from reading holds no link,
    # and in HTML the name itself is written as the link (no node made).
    stored = app.env.get_doctree("index")
    assert not [
        n for n in stored.findall(nodes.reference) if SIGLINK_CLASS in n["classes"]
    ]
    assert not list(stored.findall(param_sig_name))


def test_overloads_and_handwritten_signatures(shared_build) -> None:
    app = shared_build("siglinks")
    fetch = siglinks(app, "pd_sig.fetch")
    # two signatures: n in each, strict in the second
    assert [(n, h) for n, h, _ in fetch] == [
        ("n", "#pd_sig.fetch.params.n"),
        ("n", "#pd_sig.fetch.params.n"),
        ("strict", "#pd_sig.fetch.params.strict"),
    ]
    hand = siglinks(app, "handwritten")
    assert hand == [
        (
            "alpha",
            "#handwritten.params.alpha",
            "handwritten.alpha \u2014 parameter, int: The first.",
        ),
        (
            "beta",
            "#handwritten.params.beta",
            "handwritten.beta \u2014 parameter, int or None: The second.",
        ),
    ]  # gamma is not documented


def test_paramref_links_carry_the_synopsis(shared_build) -> None:
    app = shared_build("siglinks")
    page = soup(app)
    titles = {
        a["href"]: a.get("title")
        for a in page.select("p a.reference")
        if ".params." in a.get("href", "")
    }
    assert titles == {
        "#pd_sig.Engine.connect.params.timeout": (
            "Engine.connect.timeout \u2014 parameter, float: Seconds to wait, at "
            "most; afterwards the attempt fails."
        ),
        "#handwritten.params.alpha": "handwritten.alpha \u2014 parameter, int: The first.",
        "#pd_sig.Engine.params.url": "Engine.url \u2014 parameter, str: Where the database is.",
    }
    assert warnings_of(app._warning) == []


def test_signature_links_can_be_turned_off(shared_build) -> None:
    app = shared_build("siglinks", proxydoc_signature_links=False)
    assert soup(app).select("a.proxydoc-siglink") == []
    # the entries keep their anchors
    assert soup(app).find(id="pd_sig.Engine.connect.params.timeout") is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            True,
            [
                "Engine.undocumented: parameter 'b' of the signature is not documented",
                "handwritten: parameter 'gamma' of the signature is not documented",
            ],
        ),
        (
            "all",
            [
                "Engine.connect: parameter '**kwargs' of the signature is not documented",
                "Engine.undocumented: parameter 'b' of the signature is not documented",
                "Engine.undocumented: parameter '*rest' of the signature is not documented",
                "Engine.undocumented: parameter '**options' of the signature is not documented",
                "handwritten: parameter 'gamma' of the signature is not documented",
            ],
        ),
    ],
)
def test_undocumented_parameters(shared_build, value, expected) -> None:
    app = shared_build("siglinks", proxydoc_check_undocumented=value)
    found = [
        line.split("WARNING: ", 1)[1].removesuffix(" [proxydoc.param-undocumented]")
        for line in warnings_of(app._warning)
        if "[proxydoc.param-undocumented]" in line
    ]
    assert sorted(found) == sorted(expected)
    # each names the signature's line
    where = {
        line.split(": WARNING")[0].split("/src/")[-1]
        for line in warnings_of(app._warning)
        if "[proxydoc.param-undocumented]" in line
    }
    assert where == {
        "pd_sig.py:docstring of pd_sig.Engine.undocumented:1",
        "index.rst:25",
    } | (
        {"pd_sig.py:docstring of pd_sig.Engine.connect:1"} if value == "all" else set()
    )


def _links_and_titles(app) -> dict[str, list[tuple[str, str, str | None]]]:
    out = {}
    for name in ("index", *(f"page{i}" for i in range(1, 6))):
        page = soup(app, name)
        out[name] = [
            (a.get_text(), a["href"], a.get("title"))
            for a in page.select("a.proxydoc-siglink, a.reference[title]")
        ]
    return out


def test_signature_links_parallel_equal_serial(make_app, tmp_path) -> None:
    serial, parallel = serial_and_parallel(
        make_app, "siglinks", tmp_path, "pd_sig", _links_and_titles
    )
    assert serial == parallel
    assert serial["page3"] == [
        (
            "value",
            "#func3.params.value",
            "func3.value \u2014 parameter: The value of page 3.",
        ),
        (
            "other",
            "#func3.params.other",
            "func3.other \u2014 parameter: Something else.",
        ),
        (
            "func3.value",
            "#func3.params.value",
            "func3.value \u2014 parameter: The value of page 3.",
        ),
        (
            "handwritten.beta",
            "index.html#handwritten.params.beta",
            "handwritten.beta \u2014 parameter, int or None: The second.",
        ),
    ]


@pytest.mark.parametrize(
    ("root", "object_id", "expected"),
    [
        (
            "napoleon",
            "pd_napoleon.Client",
            (
                "base",
                "#pd_napoleon.Client.params.base",
                "Client.base \u2014 parameter: the base address.",
            ),
        ),
        (
            "numpydoc",
            "pd_numpydoc.Filter",
            (
                "order",
                "#pd_numpydoc.Filter.params.order",
                "Filter.order \u2014 parameter, int: The order.",
            ),
        ),
        (
            "typehints",
            "pd_typehints.Store",
            (
                "path",
                "#pd_typehints.Store.params.path",
                "Store.path \u2014 parameter, str: where it lives.",
            ),
        ),
    ],
)
def test_every_docstring_style(shared_build, root, object_id, expected) -> None:
    """Google and NumPy style (napoleon, numpydoc), sphinx-autodoc-typehints."""
    assert siglinks(shared_build(root), object_id)[0] == expected


def test_autoproxy_members_link_their_parameters(shared_build) -> None:
    """A facade's members written by ``autoproxy`` get signature links too."""
    app = shared_build("proxy-auto")
    links = [(n, h) for n, h, _ in siglinks(app, "proxy_auto_mod.Facade.connect")]
    assert links == [
        ("timeout", "#proxy_auto_mod.Facade.connect.params.timeout"),
        ("retries", "#proxy_auto_mod.Facade.connect.params.retries"),
    ]


def test_a_no_index_copy_links_its_own_items(shared_build) -> None:
    """A :no-index: copy is not the description the domain recorded: its
    signature links go to its own items, titled with its own words."""
    app = shared_build("siglinks")
    page = soup(app, "copy")
    links = [
        (a.get_text(), a["href"], a["title"])
        for a in page.select("dt a.proxydoc-siglink")
    ]
    assert links == [
        (
            name,
            f"#handwritten.params.{name}",
            f"handwritten.{name} \u2014 parameter: {text}",
        )
        for name, text in (
            ("alpha", "First, in the copy."),
            ("beta", "Second, in the copy."),
            ("gamma", "Third, in the copy."),
        )
    ]
    for _, href, _ in links:
        assert page.find(id=href[1:]) is not None, href


def test_other_formats_get_reference_nodes(make_app, tmp_path, shared_build) -> None:
    """Outside HTML a signature link is a reference node, made at write time."""
    app = make_app("pseudoxml", srcdir=copy_root("siglinks", tmp_path / "src"))
    app.build()
    text = (app.outdir / "index.pseudoxml").read_text()
    domain = python_domain(app.env)
    timeout = domain.param_owners["pd_sig.Engine.connect"].synopsis("timeout")
    assert timeout is not None
    # docutils before 0.22 prints the internal flag as "True", later as "1"
    expected = re.compile(
        r'<reference classes="proxydoc-siglink" internal="(?:1|True)" '
        + re.escape(
            f'refid="pd_sig.Engine.connect.params.timeout" reftitle="{timeout}">'
        )
    )
    assert expected.search(text), text
    # as many as HTML writes in place, with the same targets
    html = soup(shared_build("siglinks")).select("a.proxydoc-siglink")
    refids = [
        line.split('refid="')[1].split('"')[0]
        for line in text.splitlines()
        if 'classes="proxydoc-siglink"' in line
    ]
    assert refids == [a["href"][1:] for a in html]
    assert len(refids) > 5
