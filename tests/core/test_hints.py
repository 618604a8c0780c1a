"""The one "did you mean" rule, and a parameter's stars apart from its name."""

from __future__ import annotations

import pytest

from proxydoc.core.hints import closest, did_you_mean
from proxydoc.core.targets import split_stars


@pytest.mark.parametrize(
    ("written", "split"),
    [
        ("kw", ("", "kw")),
        ("*args", ("*", "args")),
        ("**kw", ("**", "kw")),
        ("*", ("*", "")),  # the keyword-only marker: no name
        ("***kw", ("", "***kw")),  # not Python: no parameter
    ],
)
def test_split_stars(written: str, split: tuple[str, str]) -> None:
    assert split_stars(written) == split


def test_did_you_mean_suggests_the_written_form() -> None:
    names = ["url", "args", "timeout", "kw"]
    assert closest("timout", names) == "timeout"
    assert did_you_mean("kws", names, {"kw": "**kw"}) == "; did you mean '**kw'?"
    assert did_you_mean("timout", names) == "; did you mean 'timeout'?"
    assert did_you_mean("nothing_like_it", names) == ""
