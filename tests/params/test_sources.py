"""Anchors wherever the parameter list comes from: napoleon, numpydoc, type hints."""

from __future__ import annotations

import pytest

from tests.helpers import paramref_links, soup, warnings_of


def documented(app):
    """Object id -> parameter names listed in its own description, in order."""
    found = {}
    for desc in soup(app).select("dl.py"):
        sig, body = desc.find("dt"), desc.find("dd")
        fields = body.find("dl", class_="field-list", recursive=False)
        if fields is None or not sig.get("id"):
            continue
        entries = fields.select(".proxydoc-param")
        names = [e.find(class_="proxydoc-param-name").get_text() for e in entries]
        ids = [i for e in entries for i in e["id"].split() if e.get("id")]
        found[sig["id"]] = (names, ids)
    return found


def anchors(app):
    return {el["id"] for el in soup(app).select("[id]") if ".params." in el["id"]}


@pytest.mark.sphinx("html", testroot="napoleon", freshenv=True)
def test_napoleon_google_and_numpy(app, warning):
    app.build()
    mod = "pd_napoleon"
    assert anchors(app) == {
        f"{mod}.Client.params.base",
        f"{mod}.Client.get.params.path",
        *(
            f"{mod}.google.params.{p}"
            for p in ("url", "retries", "args", "kwargs", "timeout")
        ),
        # the ids sphinx-paramlinks gave starred names, kept for links on the web
        f"{mod}.google.params.*args",
        f"{mod}.google.params.**kwargs",
        *(f"{mod}.numpy.params.{p}" for p in ("url", "retries", "verbose")),
    }
    assert documented(app)[f"{mod}.google"][0] == [
        "url",
        "retries",
        "*args",
        "**kwargs",
        "timeout",
    ]
    assert paramref_links(soup(app)) == {"Client.base": f"#{mod}.Client.params.base"}
    assert warnings_of(warning) == []


@pytest.mark.sphinx(
    "html",
    testroot="napoleon",
    freshenv=True,
    confoverrides={"napoleon_use_param": False},
)
def test_napoleon_without_param_fields(app, warning):
    app.build()
    mod = "pd_napoleon"
    assert f"{mod}.google.params.retries" in anchors(app)
    assert f"{mod}.numpy.params.verbose" in anchors(app)
    assert documented(app)[f"{mod}.numpy"][0] == ["url", "retries", "verbose"]
    assert warnings_of(warning) == []


@pytest.mark.sphinx("html", testroot="numpydoc", freshenv=True)
def test_numpydoc(app, warning):
    app.build()
    mod = "pd_numpydoc"
    assert anchors(app) == {
        f"{mod}.Filter.params.order",
        f"{mod}.Filter.params.low",
        f"{mod}.Filter.params.high",
        f"{mod}.Filter.apply.params.signal",
        *(f"{mod}.resample.params.{p}" for p in ("data", "rate", "args", "kwargs")),
        f"{mod}.resample.params.*args",
        f"{mod}.resample.params.**kwargs",
    }
    assert paramref_links(soup(app)) == {
        "Filter.order": f"#{mod}.Filter.params.order",
    }
    assert warnings_of(warning) == []


STORE_PARAMS = {
    "Store": ["path", "readonly"],
    "Store.put": ["key", "value", "sync"],
}


@pytest.mark.parametrize("typehints", ["description", "both", "signature", "none"])
@pytest.mark.parametrize("target", ["all", "documented"])
def test_autodoc_typehints_lists_each_parameter_once(shared_build, typehints, target):
    app = shared_build(
        "typehints",
        autodoc_typehints=typehints,
        autodoc_typehints_description_target=target,
    )
    found = documented(app)
    for obj, params in STORE_PARAMS.items():
        names, ids = found[f"pd_typehints.{obj}"]
        assert names == params, (typehints, target, names)
        assert ids == [f"pd_typehints.{obj}.params.{p}" for p in params]
    assert paramref_links(soup(app)) == {
        "Store.readonly": "#pd_typehints.Store.params.readonly"
    }
    assert warnings_of(app._warning) == []


@pytest.mark.sphinx("html", testroot="sat", freshenv=True)
def test_sphinx_autodoc_typehints(app, warning):
    app.build()
    found = documented(app)
    for obj, params in STORE_PARAMS.items():
        names, ids = found[f"pd_sat.{obj}"]
        assert names == params
        assert ids == [f"pd_sat.{obj}.params.{p}" for p in params]
    put = soup(app).find(id="pd_sat.Store.put.params.key")
    assert "str" in put.get_text()  # the injected type sits in the same entry
    assert warnings_of(warning) == []
