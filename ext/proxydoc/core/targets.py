"""Parameter targets: ``Class.method.param`` as written, ``.params.`` as anchored."""

from __future__ import annotations

#: What separates an owner from its parameter in anchors and inventories.
PARAMS = ".params."


def canonical_target(owner: str, param: str) -> str:
    """The ``owner.params.param`` form: anchor id and inventory name alike."""
    return f"{owner}{PARAMS}{param}"


def split_written(target: str) -> tuple[str, str]:
    """Owner and parameter of a target as written (``Class.method.param``)."""
    if PARAMS in target:
        owner, _, param = target.rpartition(PARAMS)
        return owner, param
    owner, _, param = target.rpartition(".")
    return owner, param


def normalise_owner(owner: str) -> str:
    """Constructor parameters belong to the class, not to ``__init__``."""
    return owner.removesuffix(".__init__")


def split_stars(param: str) -> tuple[str, str]:
    """The stars a parameter is written with, and its name: ``**kw`` -> ``**``, ``kw``.

    Stars say how a parameter is passed, not what it is called: ``f.**kw``,
    ``f.*kw`` and ``f.kw`` all name parameter ``kw`` of ``f``.  The
    keyword-only marker ``*`` is all stars and no name; more than two stars
    are not Python, and the text is returned whole as the name (no parameter).
    """
    name = param.lstrip("*")
    stars = param[: len(param) - len(name)]
    return (stars, name) if len(stars) <= 2 else ("", param)
