"""What a ``:paramref:`` asks for, the owners it may mean, and why it found none."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from proxydoc.core.hints import did_you_mean
from proxydoc.core.targets import PARAMS, canonical_target, split_stars

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from docutils.nodes import Element
    from sphinx.config import Config

WRITTEN_ATTR = "proxydoc_written"


@dataclass(frozen=True)
class ParamRefTarget:
    """What a ``:paramref:`` node asks for, with the context it was written in."""

    owner: str
    #: The parameter's name, without the stars it may be written with.
    param: str
    module: str | None = None
    classname: str | None = None
    specific: bool = False
    #: The target as the author wrote it, for messages.
    written: str = ""
    #: The stars before the parameter's name as written (``**kw``): kept for
    #: the link's text and intersphinx, never needed to find the parameter.
    stars: str = ""

    @classmethod
    def from_node(cls, node: Element, target: str | None = None) -> ParamRefTarget:
        """What *node* asks for; *target* replaces its own target when given."""
        if target is None:
            target = node["reftarget"]
        if PARAMS in target:
            owner, _, param = target.rpartition(PARAMS)
        else:
            owner, param = "", target.removeprefix("params.")
        stars, param = split_stars(param)
        return cls(
            owner=owner,
            param=param,
            module=node.get("py:module"),
            classname=node.get("py:class"),
            specific=node.hasattr("refspecific"),
            written=node.get(WRITTEN_ATTR, ""),
            stars=stars,
        )

    @property
    def shown(self) -> str:
        """The target as the author wrote it, for messages."""
        if self.written:
            return self.written
        return f"{self.owner}.{self.starred}" if self.owner else self.starred

    @property
    def starred(self) -> str:
        """The parameter as written: its name with its stars (``**kw``)."""
        return self.stars + self.param

    def in_function_named_params(self) -> ParamRefTarget | None:
        """``m.params.x`` read as parameter x of a function or method ``m.params``.

        ``.params.`` also separates an owner from its parameter in anchors, so
        such a target is first read as parameter x of ``m``; this is the other
        reading, or None when the author did not write ``.params.``.
        """
        if not self.owner or PARAMS not in self.written.lstrip("~."):
            return None
        return replace(self, owner=f"{self.owner}.params")


def candidate_owners(
    ref: ParamRefTarget, by_suffix: Mapping[str, list[str]]
) -> Iterator[str]:
    """Owner full names *ref* may mean, most specific first, as Sphinx searches."""
    yield from exact_owners(ref)
    yield from suffix_owners(ref, by_suffix)


def exact_owners(ref: ParamRefTarget) -> list[str]:
    """The full names *ref*'s owner is, read in its module and class context."""
    mod, cls, name = ref.module, ref.classname, ref.owner
    exact = [
        f"{mod}.{cls}.{name}" if mod and cls else "",
        f"{cls}.{name}" if cls else "",
        f"{mod}.{name}" if mod else "",
        name,
    ]
    if not ref.specific:
        exact.reverse()
    return [e for e in exact if e]


def suffix_owners(ref: ParamRefTarget, by_suffix: Mapping[str, list[str]]) -> list[str]:
    """Owners whose full name ends with ``.`` + *ref*'s owner (``.Class.method``).

    Only for a target written with a leading dot, as Sphinx's "fuzzy" search;
    in the order of their full names.
    """
    if not ref.specific:
        return []
    suffix = "." + ref.owner
    key = ".".join(ref.owner.split(".")[-2:])
    return [o for o in by_suffix.get(key, ()) if o.endswith(suffix)]


class OwnerChoice(NamedTuple):
    """The owner a ``:paramref:`` links to, and the owners it could not choose among."""

    owner: str | None
    #: When more than one owner documents the parameter and neither the
    #: context nor the proxies decide: all of them (*owner* is the first).
    ambiguous: tuple[str, ...] = ()


def choose_owner(
    ref: ParamRefTarget,
    owners: Mapping[str, Any],
    by_suffix: Mapping[str, list[str]],
    stand_in_for: Callable[[tuple[str, ...]], str | None],
) -> OwnerChoice:
    """The documented owner of parameter *ref* names, as Sphinx resolves ``:meth:``.

    An exact name (read in the module and class context) wins, in Sphinx's
    order.  Else, for a ``.``-prefixed target, the owners whose name ends with
    it: one decides; of several, those in the link's class, else its module,
    are preferred; of several still, the one the others proxy
    (*stand_in_for*).  Otherwise the first by full name, with all of them in
    ``ambiguous`` for the warning.
    """

    def documents(owner: str) -> bool:
        return owner in owners and ref.param in owners[owner].params

    exact = exact_owners(ref)
    found = next((o for o in exact if documents(o)), None)
    if found is not None:
        return OwnerChoice(found)
    matches = [o for o in suffix_owners(ref, by_suffix) if documents(o)]
    if len(matches) <= 1:
        return OwnerChoice(matches[0] if matches else None)
    matches = in_context(ref, matches)
    if len(matches) == 1:
        return OwnerChoice(matches[0])
    meant = stand_in_for(tuple(matches))
    if meant in matches:
        return OwnerChoice(meant)
    return OwnerChoice(matches[0], tuple(matches))


def in_context(ref: ParamRefTarget, matches: list[str]) -> list[str]:
    """Of *matches*, those in the link's class, else in its module, else all."""
    mod, cls = ref.module, ref.classname
    for scope in (f"{mod}.{cls}." if mod and cls else "", f"{mod}." if mod else ""):
        inside = [o for o in matches if scope and o.startswith(scope)]
        if inside:
            return inside
    return matches


def ambiguity_message(ref: ParamRefTarget, choice: OwnerChoice) -> str:
    """The warning for a ``:paramref:`` that more than one owner documents."""
    return (
        f"more than one target found for :paramref: {ref.shown!r}: "
        f"{', '.join(choice.ambiguous)} (each documents {ref.starred!r}); "
        f"linked to {choice.owner}'s (write more of its owner's name to choose)"
    )


def resolve_owner(
    ref: ParamRefTarget,
    owners: Mapping[str, Any],
    by_suffix: Mapping[str, list[str]],
) -> Iterator[str]:
    """Documented owners that *ref* may mean, in search order."""
    seen: set[str] = set()
    for owner in candidate_owners(ref, by_suffix):
        if owner in owners and owner not in seen:
            seen.add(owner)
            yield owner


#: What a signature's markers are called, for a target that names one.
_MARKERS = {"*": "keyword-only", "/": "positional-only"}


class Diagnosis(NamedTuple):
    """Why a ``:paramref:`` found nothing, and the owners the message names."""

    message: str
    #: What the link was read as (a function named ``params`` may be meant).
    ref: ParamRefTarget
    #: Full names of the documented objects the link's owner was found as.
    owners: tuple[str, ...] = ()

    def ignore_names(self) -> set[str]:
        """The names ``nitpick_ignore`` may give for this link.

        The target as written (with its leading dot or without), the full name
        of each owner found, and each in the ``.params.`` form.
        """
        ref = self.ref
        written = ref.written.lstrip("~")
        owners = [ref.owner, *self.owners] if ref.owner else []
        names = {ref.written, written, written.lstrip(".")}
        for owner in owners:
            for param in {ref.param, ref.starred}:
                names.add(f"{owner}.{param}")
                names.add(canonical_target(owner, param))
        names.discard("")
        return names


class Elsewhere(NamedTuple):
    """An owner found in another project's inventory (intersphinx)."""

    project: str
    owner: str
    #: The parameters the inventory lists for it (proxydoc's ``py:parameter``).
    params: tuple[str, ...]


def diagnose(
    ref: ParamRefTarget,
    owners: Mapping[str, Any],
    by_suffix: Mapping[str, list[str]],
    documented: Callable[[ParamRefTarget], list[str]],
    elsewhere: Callable[[ParamRefTarget], Elsewhere | None] | None = None,
) -> Diagnosis:
    """Why *ref* resolves to nothing, and what is close.

    *documented* gives the full names of the documented objects an owner may
    mean, with parameters or without, searched as Sphinx resolves a link;
    *elsewhere* finds the owner in other projects' inventories.
    """
    other = ref.in_function_named_params()
    if (
        other is not None
        and next(resolve_owner(ref, owners, by_suffix), None) is None
        and _names_object(other, owners, by_suffix, documented)
    ):
        ref = other
    shown = ref.shown
    if ref.starred in _MARKERS:
        return Diagnosis(
            f":paramref: {shown!r} names the {_MARKERS[ref.starred]} marker "
            f"{ref.starred!r} of a signature, not a parameter",
            ref,
        )
    parts = [*ref.owner.split("."), ref.param] if ref.owner else [ref.param]
    if not all(part.isidentifier() for part in parts):
        return Diagnosis(
            f":paramref: {shown!r} is not a parameter target; write "
            "Class.method.param, module.function.param or a bare parameter name",
            ref,
        )
    if not ref.owner:
        return Diagnosis(
            f"bare :paramref: {ref.starred!r} is outside any object description; "
            "write Class.method.param",
            ref,
        )
    objects = documented(ref)
    found = next(resolve_owner(ref, owners, by_suffix), None)
    if found is None:  # an owner documented under another name (an alias)
        found = next((o for o in objects if o in owners), None)
    if found is not None:
        names = list(owners[found].params)
        written: dict[str, str] = owners[found].starred
        listed = ", ".join(written.get(name, name) for name in names)
        return Diagnosis(
            f"{found} has no documented parameter {ref.starred!r} "
            f"(it documents: {listed}){did_you_mean(ref.param, names, written)}",
            ref,
            (found,),
        )
    if objects:
        return Diagnosis(
            f"{ref.owner} documents no parameters: :paramref: {shown!r} has no target",
            ref,
            tuple(objects),
        )
    found_elsewhere = elsewhere(ref) if elsewhere is not None else None
    if found_elsewhere is not None:
        project, owner, params = found_elsewhere
        if params:
            by_name = {split_stars(param)[1]: param for param in params}
            return Diagnosis(
                f"{owner} (in {project}'s docs) has no documented parameter "
                f"{ref.starred!r} (it documents: {', '.join(params)})"
                + did_you_mean(ref.param, by_name, by_name),
                ref,
                (owner,),
            )
        return Diagnosis(
            f"{owner} is in {project}'s docs, which list no parameters for it: "
            f":paramref: {shown!r} has no target",
            ref,
            (owner,),
        )
    return Diagnosis(f"unknown object {ref.owner!r} in :paramref: {shown!r}", ref)


def _names_object(
    ref: ParamRefTarget,
    owners: Mapping[str, Any],
    by_suffix: Mapping[str, list[str]],
    documented: Callable[[ParamRefTarget], list[str]],
) -> bool:
    """Whether the owner *ref* names is documented, with parameters or without."""
    return next(resolve_owner(ref, owners, by_suffix), None) is not None or bool(
        documented(ref)
    )


def nitpick_ignored(config: Config, objtype: str, names: Iterable[str]) -> bool:
    """Whether ``nitpick_ignore`` or its regex form names ``py:objtype`` *names*.

    One matcher for links to parameters (``paramref``) and for documented
    parameters the signature lacks (``parameter``).
    """
    names = set(names)
    types = (f"py:{objtype}", objtype)
    for dtype, target in config.nitpick_ignore:
        if dtype in types and target in names:
            return True
    for dtype, target in config.nitpick_ignore_regex:
        if re.fullmatch(dtype, f"py:{objtype}") and any(
            re.fullmatch(target, n) for n in names
        ):
            return True
    return False
