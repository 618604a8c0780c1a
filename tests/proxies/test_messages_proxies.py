"""The exact text of the messages of ``autoproxy``, ``proxydoc_proxies`` and the
"Proxied by" lists, each the whole warning line of a real build."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import warnings_of

LEFT_OUT = '; it is left out of "Proxied by" lists'


def proxydoc_warnings(app: object) -> list[str]:
    """The ``proxydoc.*`` warning lines of a build, the source folder left out."""
    srcdir = f"{Path(app.srcdir)}/"  # type: ignore[attr-defined]
    return [
        line.replace(srcdir, "")
        for line in warnings_of(app._warning)  # type: ignore[attr-defined]
        if "[proxydoc." in line
    ]


def test_autoproxy_without_target_and_a_bad_entry(shared_build) -> None:
    """The conf.py entry of ``pd_msgproxy.Facade`` is dropped for its bad
    ``members``; an autoproxy of that facade without ``:target:`` then warns."""
    app = shared_build("messages-proxies")
    assert proxydoc_warnings(app) == [
        "WARNING: proxydoc_proxies['pd_msgproxy.Facade'] must be a dict with "
        "'target': str and optional 'members': list of str; ignored "
        "[proxydoc.config]",
        "index.rst:4: WARNING: autoproxy pd_msgproxy.Facade: no :target: option "
        "and no proxydoc_proxies entry [proxydoc.proxy]",
    ]
    assert app.config.proxydoc_proxies == {}


def test_proxies_config_not_a_dict(shared_build) -> None:
    app = shared_build("messages-proxies", proxydoc_proxies=["pd_msgproxy.Facade"])
    assert proxydoc_warnings(app) == [
        "WARNING: proxydoc_proxies must be a dict; ignored [proxydoc.config]",
        "index.rst:4: WARNING: autoproxy pd_msgproxy.Facade: no :target: option "
        "and no proxydoc_proxies entry [proxydoc.proxy]",
    ]


def test_proxy_cycles(shared_build) -> None:
    """Each member of a cycle warns once, at its note (docutils 0.22 numbers the
    note by its directive's line, older versions two lines below)."""
    app = shared_build("proxy-cycles")
    lines = proxydoc_warnings(app)
    expected = [
        ("index.rst", 14, "cycles.Mirror.look proxies itself"),
        (
            "index.rst",
            23,
            "cycles.A.run is in a proxy cycle "
            "(cycles.A.run -> cycles.B.run -> cycles.A.run)",
        ),
        (
            "other.rst",
            13,
            "cycles.B.run is in a proxy cycle "
            "(cycles.B.run -> cycles.A.run -> cycles.B.run)",
        ),
    ]
    assert len(lines) == len(expected), lines
    for (where, line, text), found in zip(expected, lines, strict=True):
        assert found in [
            f"{where}:{n}: WARNING: {text}{LEFT_OUT} [proxydoc.proxy]"
            for n in (line, line + 2)
        ]
