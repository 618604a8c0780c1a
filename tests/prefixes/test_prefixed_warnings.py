"""Warnings about links written with a prefix name the objects in full."""

from __future__ import annotations

from tests.helpers import soup, unresolved_paramrefs, warnings_of

MOD = "pd_prefbad.orm"


def test_dangling_prefixed_paramrefs_name_full_owners(shared_build):
    app = shared_build("prefixes-badrefs")
    lines = warnings_of(app._warning)
    expected = [
        f"{MOD}.Session.close has no documented parameter 'y' (it documents: x)",
        f"{MOD}.Session.quiet documents no parameters: "
        ":paramref: '_orm.Session.quiet.x' has no target",
        f"unknown object '{MOD}.Nothing' in :paramref: '_orm.Nothing.x'",
        f"{MOD}.Session.close has no documented parameter 'z' (it documents: x)",
        f"{MOD}.params has no documented parameter 'b' (it documents: a)",
    ]
    assert len(lines) == len(expected), lines
    for line, what in zip(lines, expected, strict=True):
        assert f"index.rst:20: WARNING: {what} [proxydoc.paramref]" in line, line
    # the links that do resolve are not affected
    assert len(unresolved_paramrefs(soup(app))) == len(expected)
