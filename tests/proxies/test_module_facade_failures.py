"""Module facades that cannot be documented warn, with the same messages as classes."""

from __future__ import annotations

from .helpers import at_marker, notes_by_member, proxy_warnings, soup

ROOT = "proxy-module-bad"


def test_each_mistake_warns_once_at_its_directive(shared_build):
    app = shared_build(ROOT)
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    assert len(warnings) == 6
    expected = {
        4: "autoproxy: pd_modbad is not a class (its type is module)",
        8: "autoproxy: Target has no member 'nothing'",
        12: "autoproxy: pd_modbad.helper is not a class (its type is function)",
        15: "autoproxy: cannot import pd_modbad_missing "
        "(ModuleNotFoundError: No module named 'pd_modbad_missing')",
    }
    for position, (line, text) in enumerate(expected.items()):
        assert (
            f"index.rst:{line}: WARNING: {text} [proxydoc.proxy]"
            in (warnings[position])
        )


def test_module_markers_outside_module_functions(shared_build):
    app = shared_build(ROOT)
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    assert at_marker(warnings[4], "index.rst", 20)
    assert warnings[4].endswith(
        "proxy marker not understood: a class is not a member; left as it is "
        "[proxydoc.proxy]"
    )
    # the facade's role and word go together: :class:`x` module reads as nothing
    assert at_marker(warnings[5], "index.rst", 27)
    assert "class_bases container does not read 'Proxied for the" in warnings[5]


def test_the_members_that_could_be_documented_are(shared_build):
    app = shared_build(ROOT)
    notes = notes_by_member(soup(app, "index"))
    assert notes["pd_modbad.run"] == (
        "Proxied for Target.run() on behalf of pd_modbad.",
        ["#module-pd_modbad"],  # Target is documented nowhere: text
    )
