"""Notes and "Proxied by" lines read well in text, man, LaTeX, Texinfo and EPUB."""

from __future__ import annotations

import re

import pytest


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.sphinx("text", testroot="proxy-basic")
def test_text(app):
    app.build()
    facade = squeeze((app.outdir / "facade.txt").read_text())
    assert 'Proxied for "Session.close()" on behalf of "ScopedSession".' in facade
    assert 'Proxies for "Session": "bind", "close()", "flush()", "info",' in facade
    session = squeeze((app.outdir / "session.txt").read_text())
    assert 'Proxied by "ScopedSession.close()".' in session


@pytest.mark.sphinx("man", testroot="proxy-basic")
def test_man(app):
    app.build()
    (page,) = app.outdir.glob("*.1")
    # as man shows it: no font changes, zero-width escapes or (docutils 0.22)
    # the address written after each link
    roff = re.sub(r"\s*\\%<[^>]*>", "", page.read_text())
    text = squeeze(re.sub(r"\\f[BIPR]|\\%|\\&", "", roff))
    assert text.count("Proxied for Session.close() on behalf of ScopedSession.") == 2
    assert text.count("Proxied for Session.") == 6  # one copy is :no-index:
    assert "Proxied by ScopedSession.close()." in text
    assert text.count("Proxied by ") == 5


@pytest.mark.sphinx("latex", testroot="proxy-basic")
def test_latex(app):
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    source = tex.read_text()
    assert source.count("\\begin{sphinxadmonition}{note}{Proxy:}") == 6
    # the member link points at the target's label, the "Proxied by" at the proxy's
    assert "\\hyperref[\\detokenize{session:proxy_basic_mod.Session.close}]" in source
    assert (
        "\\hyperref[\\detokenize{facade:proxy_basic_mod.ScopedSession.close}]" in source
    )
    assert "Proxied by" in source


@pytest.mark.sphinx("texinfo", testroot="proxy-basic")
def test_texinfo(app):
    app.build()
    (info,) = app.outdir.glob("*.texi")
    text = squeeze(info.read_text())
    # one cross-reference per name (Info prints a note after each), as Sphinx
    # writes its own: the name inside the reference
    note = r"Proxied for @ref\{\w+,,Session\.close\(\)\} on behalf of "
    assert len(re.findall(note + r"@ref\{\w+,,ScopedSession\}\.", text)) == 2
    assert text.count("Proxied by @ref{") == 5


@pytest.mark.sphinx("epub", testroot="proxy-basic")
def test_epub(app):
    app.build()
    page = (app.outdir / "facade.xhtml").read_text()
    assert 'class="proxydoc-proxy-note"' in page
    assert "proxydoc-proxies.css" in (app.outdir / "facade.xhtml").read_text()
