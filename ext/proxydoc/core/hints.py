""" "Did you mean" hints: one rule for the build's warnings and ``proxydoc lint``."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


def closest(name: str, names: Iterable[str]) -> str | None:
    """The name in *names* closest to *name*, if one is close enough (difflib's 0.6)."""
    close = difflib.get_close_matches(name, sorted(set(names)), n=1)
    return close[0] if close else None


def did_you_mean(
    name: str, names: Iterable[str], written: Mapping[str, str] | None = None
) -> str:
    """``"; did you mean 'x'?"`` for the name closest to *name*, or ``""``.

    *written* maps a name to the form to suggest where they differ (``kw`` ->
    ``**kw``), the form the reader wrote the parameter in; both resolve.
    """
    close = closest(name, names)
    if close is None:
        return ""
    return f"; did you mean {(written or {}).get(close, close)!r}?"
