"""Module prefixes as text: ``_orm.Session`` stands for ``sqlalchemy.orm.Session``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping


def expand_prefix(target: str, prefixes: Mapping[str, str]) -> str:
    """*target* with its leading prefix token replaced by the module it names."""
    head, dot, rest = target.partition(".")
    module = prefixes.get(head)
    if module is None:
        return target
    return module + dot + rest


def strip_prefix(text: str, prefixes: Mapping[str, str]) -> str:
    """*text* without a leading prefix token, as a reader should see it.

    A prefix that stands alone (``:mod:`_orm```) reads as the module it names.
    """
    head, dot, rest = text.partition(".")
    if head not in prefixes:
        return text
    return rest if dot else prefixes[head]


def is_prefix_entry(token: object, module: object) -> bool:
    """Whether ``token: module`` is a valid entry of a prefix map.

    The token is one name (no dot, no leading ``~``); both are non-empty strings.
    """
    return (
        isinstance(token, str)
        and isinstance(module, str)
        and bool(token)
        and bool(module)
        and "." not in token
        and not token.startswith("~")
    )


def invalid_prefix_entries(value: Mapping[object, object]) -> list[object]:
    """The tokens of *value* whose entries are not valid, in their order."""
    return [
        token for token, module in value.items() if not is_prefix_entry(token, module)
    ]
