"""Bad input: each mistake warns once, with its place and a proxydoc subtype."""

from __future__ import annotations

import re

import pytest
from docutils.nodes import Element

from tests.helpers import soup, unresolved_paramrefs, warnings_of


def by_subtype(warning):
    found = {}
    for line in warnings_of(warning):
        m = re.search(r"\[(proxydoc\.[\w-]+)\]$", line)
        assert m, f"warning without a proxydoc subtype: {line}"
        found.setdefault(m.group(1), []).append(line)
    return found


def test_each_mistake_warns_once_with_place(shared_build):
    app = shared_build("badrefs")
    found = by_subtype(app._warning)
    param = found.pop("proxydoc.param")
    assert len(param) == 1
    assert re.search(
        r"pd_bad\.py:docstring of pd_bad\.connect:4: WARNING: connect documents "
        r"parameter 'timout', which its signature does not have \(it has: timeout, url\)",
        param[0],
    )
    refs = found.pop("proxydoc.paramref")
    assert found == {}
    expected = [
        (
            r"docstring of pd_bad\.quiet:1",
            r"pd_bad\.connect has no documented parameter 'tmeout' .*did you mean 'timout'\?",
        ),
        (
            r"index\.rst:12",
            r"pd_bad\.connect has no documented parameter 'tiemout' \(it documents: url, timout\); did you mean 'timout'\?",
        ),
        (
            r"index\.rst:14",
            r"unknown object 'pd_bad\.nothing' in :paramref: 'pd_bad\.nothing\.x'",
        ),
        (r"index\.rst:16", r"pd_bad\.quiet documents no parameters"),
        (
            r"index\.rst:18",
            r"bare :paramref: 'lonely' is outside any object description",
        ),
        (r"index\.rst:20", r"is not a parameter target"),
        (r"index\.rst:20", r"is not a parameter target"),
        (r"index\.rst:20", r"is not a parameter target"),
        (r"index\.rst:22", r"no documented parameter 'ignored_one'"),
    ]
    assert len(refs) == len(expected), refs
    for line, (where, what) in zip(refs, expected, strict=True):
        assert re.search(where + r": WARNING: .*" + what, line), line
    # Where each parameter was written is needed while reading, not kept after.
    for docname in app.env.found_docs:
        doctree = app.env.get_doctree(docname)
        assert not any(
            "proxydoc_param_lines" in n.attributes for n in doctree.findall(Element)
        )


def test_dangling_paramrefs_render_as_plain_text(shared_build):
    app = shared_build("badrefs")
    page = soup(app)
    assert "pd_bad.connect.tiemout" in unresolved_paramrefs(page)
    hrefs = [a["href"] for a in page.select("a[href]")]
    assert not [h for h in hrefs if "tiemout" in h or "nothing" in h or "lonely" in h]


@pytest.mark.sphinx(
    "html",
    testroot="badrefs",
    freshenv=True,
    confoverrides={
        "nitpick_ignore": [("py:paramref", "pd_bad.connect.ignored_one")],
        "nitpick_ignore_regex": [("py:paramref", r"pd_bad\.nothing\..*")],
    },
)
def test_nitpick_ignore_silences_one_target(app, warning):
    app.build()
    lines = "\n".join(warnings_of(warning))
    assert "ignored_one" not in lines
    assert "pd_bad.nothing" not in lines
    assert "tiemout" in lines


@pytest.mark.sphinx(
    "html",
    testroot="badrefs",
    freshenv=True,
    confoverrides={"suppress_warnings": ["proxydoc.paramref"]},
)
def test_suppress_warnings_by_subtype(app, warning):
    app.build()
    found = by_subtype(warning)
    assert list(found) == ["proxydoc.param"]


@pytest.mark.sphinx(
    "html",
    testroot="badrefs",
    freshenv=True,
    confoverrides={
        "nitpick_ignore": [("py:parameter", "pd_bad.connect.params.timout")]
    },
)
def test_nitpick_ignore_silences_one_signature_warning(app, warning):
    app.build()
    assert "proxydoc.param" not in by_subtype(warning)


@pytest.mark.sphinx(
    "html",
    testroot="badrefs",
    freshenv=True,
    confoverrides={
        "proxydoc_module_prefixes": {"_ok": "pd_bad", "bad.key": "x", "_n": 3},
        "proxydoc_param_link_style": "sparkles",
    },
)
def test_bad_config_warns_and_falls_back(app, warning):
    app.build()
    config = by_subtype(warning)["proxydoc.config"]
    assert any("proxydoc_param_link_style must be one of" in w for w in config)
    assert any("'bad.key'" in w and "'_n'" in w for w in config)
    assert app.config.proxydoc_module_prefixes == {"_ok": "pd_bad"}
    assert soup(app).select("a.proxydoc-paramlink")  # the default style is used


@pytest.mark.sphinx("html", testroot="weird", freshenv=True)
def test_odd_input_never_breaks_the_build(app, warning):
    app.build()  # raises on any exception inside proxydoc
    lines = warnings_of(warning)
    assert lines, "the odd input should be reported"
    for line in lines:
        assert re.match(
            r".*index\.rst:\d+: WARNING: .* \[proxydoc\.param(ref)?\]$", line
        ), line
    page = soup(app)
    ids = {el["id"] for el in page.select("[id]") if ".params." in el["id"]}
    assert ids == {
        "pd_weird.oddities.params.a",
        "pd_weird.oddities.params.c",
        "pd_weird.oddities.params.literal",
        "pd_weird.twice.params.x",
        "pd_weird.orphan.params.y",
        "pd_weird.starred.params.args",
        "pd_weird.starred.params.kwargs",
        "pd_weird.starred.params.*args",
        "pd_weird.starred.params.**kwargs",
    }
    hrefs = {a["href"] for a in page.select("a[href^='#']")}
    assert {h for h in hrefs if ".params." in h} <= {f"#{i}" for i in ids}


def paramref_texts(app) -> list[str]:
    return [c.get_text() for c in soup(app).select("code.py-paramref")]


def test_titles_survive_an_extension_that_rewrites_them(shared_build):
    """zzzeeksphinx rewrites every paramref title from the target; proxydoc
    shows the title its role gave, linked or not."""
    plain = paramref_texts(shared_build("badrefs"))
    assert {
        "connect.url",
        "url",
        "the address",
        "pd_bad.connect.tiemout",
    } <= set(plain)
    rewritten = shared_build(
        "badrefs", extensions=["sphinx.ext.autodoc", "proxydoc", "title_rewriter"]
    )
    assert paramref_texts(rewritten) == plain
    assert not [t for t in plain if t.startswith("params.")]
