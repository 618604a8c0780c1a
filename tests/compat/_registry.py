"""What each compatibility test checks, for the docs' compatibility table.

``docs/_ext/compat_table.py`` reads this folder's test modules with
:mod:`ast` (nothing is imported, so the docs build needs no test-only
package): every test decorated with :func:`checks` is one row, and
:data:`ELSEWHERE` names the tests of other folders that check themes and
builders.  Arguments must therefore be plain string literals.
``tests/compat/test_registry.py`` checks that every row names a test that exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Test = TypeVar("Test", bound=Callable[..., object])

#: The kinds of thing the table lists, in its order.
KINDS = ("extension", "theme", "builder")


def checks(subject: str, kind: str, *what: str) -> Callable[[Test], Test]:
    """Record that the decorated test checks *what* of proxydoc with *subject*.

    *subject* is the package (``"sphinx-autoapi"``) or builder name, *kind* one
    of :data:`KINDS`, each *what* a short phrase shown in the table.
    """
    if kind not in KINDS or not what:
        raise ValueError(f"checks({subject!r}, {kind!r}, ...): bad kind or no checks")

    def mark(test: Test) -> Test:
        test.compat_checks = (subject, kind, what)  # type: ignore[attr-defined]
        return test

    return mark


#: Themes and builders checked by tests outside this folder:
#: (subject, kind, what it checks, "path::test function").
ELSEWHERE: tuple[tuple[str, str, str, str], ...] = ()
