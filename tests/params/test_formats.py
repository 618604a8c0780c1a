"""Every builder: anchors and links where the format has them, no errors anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import warnings_of

TIMEOUT = "pd_params.engine.Engine.connect.params.timeout"


def page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("builder", "index", "refs", "link"),
    [
        ("dirhtml", "index.html", "refs/index.html", f"../#{TIMEOUT}"),
        ("singlehtml", "index.html", "index.html", f"#{TIMEOUT}"),
        ("epub", "index.xhtml", "refs.xhtml", f"index.xhtml#{TIMEOUT}"),
    ],
    ids=["dirhtml", "singlehtml", "epub"],
)
def test_html_builders_keep_anchors_and_links(shared_build, builder, index, refs, link):
    app = shared_build("params", builder)
    out = Path(app.outdir)
    target = page(out / index).find(id=TIMEOUT)
    assert target is not None and "proxydoc-param" in target["class"]
    symbols = [a["href"] for a in target.select("a.proxydoc-paramlink")]
    assert symbols == [f"#{TIMEOUT}"]
    hrefs = [c.parent["href"] for c in page(out / refs).select("a > code.py-paramref")]
    assert link in hrefs
    assert warnings_of(app._warning) == []


@pytest.mark.parametrize("builder", ["latex", "texinfo"])
def test_print_builders_get_labels(shared_build, builder):
    app = shared_build("params", builder)
    text = "\n".join(p.read_text() for p in Path(app.outdir).glob("*.te*"))
    if builder == "latex":
        assert f"\\label{{\\detokenize{{index:{TIMEOUT}}}}}" in text
        assert f"\\hyperref[\\detokenize{{index:{TIMEOUT}}}]" in text
        for name in ("timeout", "args", "retry", "kw"):  # one \\index each
            entry = f"\\index{{{name} (pd\\_params.engine.Engine.connect parameter)"
            assert text.count(entry) == 1, name
    else:  # Texinfo node names have no dots; the link goes through a number
        anchor = f"@anchor{{index {TIMEOUT.replace('.', ' ')}}}@anchor{{"
        number = text.split(anchor)[1].split("}")[0]
        assert f"@ref{{{number},,Engine.connect.timeout}}" in text
    assert "¶" not in text
    assert warnings_of(app._warning) == []


@pytest.mark.parametrize("builder", ["text", "man"])
def test_plain_builders_show_names_without_symbols(shared_build, builder):
    app = shared_build("params", builder)
    text = "\n".join(p.read_text() for p in Path(app.outdir).rglob("*") if p.is_file())
    assert "Engine.connect.timeout" in text
    assert "¶" not in text
    assert warnings_of(app._warning) == []
