"""The Sphinx internals in proxydoc._compat, on the Sphinx under test."""

from __future__ import annotations

from typing import Any

import pytest
from sphinx.writers.latex import LaTeXTranslator

from proxydoc._compat import (
    allow_latex_floats,
    find_python_object,
    forbid_latex_floats,
)
from proxydoc._pydomain import python_domain
from tests.helpers import soup


@pytest.mark.sphinx("html", testroot="compat")
def test_enclosing_object_and_document_data_while_reading(app: Any) -> None:
    app.build()
    shown = [c.get_text() for c in soup(app).select("code.whereami")]
    assert shown == [
        "|1",
        "Engine|2",
        "Engine.connect|3",
        "create_engine|1",
        "|1",
    ]
    assert [c.get_text() for c in soup(app, "other").select("code.whereami")] == ["|1"]


@pytest.mark.sphinx("html", testroot="compat")
def test_find_python_object_searches_as_references_do(app: Any) -> None:
    app.build()
    domain = python_domain(app.env)
    exact = find_python_object(domain, "", "", "pd_compat.Engine.connect", False)
    assert [name for name, _ in exact] == ["pd_compat.Engine.connect"]
    assert exact[0][1].docname == "index"
    by_suffix = find_python_object(domain, "", "", "Engine.connect", True)
    assert [name for name, _ in by_suffix] == ["pd_compat.Engine.connect"]
    assert find_python_object(domain, "", "", "Engine.connect", False) == []


@pytest.mark.sphinx("latex", testroot="compat")
def test_latex_float_counter(app: Any) -> None:
    app.build()
    doctree = app.env.get_doctree("index")
    theme = app.builder.themes.get("manual")
    translator = app.builder.create_translator(doctree, app.builder, theme)
    assert isinstance(translator, LaTeXTranslator)
    before = translator.no_latex_floats
    forbid_latex_floats(translator)
    forbid_latex_floats(translator)
    assert translator.no_latex_floats == before + 2
    allow_latex_floats(translator)
    allow_latex_floats(translator)
    assert translator.no_latex_floats == before


@pytest.mark.parametrize("builder", ["html", "dirhtml", "latex", "text"])
def test_builder_format_of_a_post_transform(make_app, tmp_path, builder) -> None:
    from sphinx.transforms.post_transforms import SphinxPostTransform

    from proxydoc._compat import builder_format

    seen: list[str] = []

    class Probe(SphinxPostTransform):
        default_priority = 999

        def run(self, **kwargs: Any) -> None:
            seen.append(builder_format(self))

    (tmp_path / "conf.py").write_text("")
    (tmp_path / "index.rst").write_text("Probe\n=====\n")
    app = make_app(builder, srcdir=tmp_path)
    app.add_post_transform(Probe)
    app.build()
    expected = {"html": "html", "dirhtml": "html", "latex": "latex", "text": "text"}
    assert seen and set(seen) == {expected[builder]}
