"""The ``:paramref:`` role: targets, owner lookup and the diagnosis of bad links."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.domains.python import PyXRefRole

from proxydoc._warnings import warn

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

PARAMS = ".params."
WRITTEN_ATTR = "proxydoc_written"
#: The title the role gave, kept so that other extensions' rewrites can be undone.
TITLE_ATTR = "proxydoc_title"


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


@dataclass(frozen=True)
class ParamRefTarget:
    """What a ``:paramref:`` node asks for, with the context it was written in."""

    owner: str
    param: str
    module: str | None = None
    classname: str | None = None
    specific: bool = False
    #: The target as the author wrote it, for messages.
    written: str = ""

    @classmethod
    def from_node(cls, node: Element, target: str | None = None) -> ParamRefTarget:
        """What *node* asks for; *target* replaces its own target when given."""
        if target is None:
            target = node["reftarget"]
        if PARAMS in target:
            owner, _, param = target.rpartition(PARAMS)
        else:
            owner, param = "", target.removeprefix("params.")
        return cls(
            owner=owner,
            param=param,
            module=node.get("py:module"),
            classname=node.get("py:class"),
            specific=node.hasattr("refspecific"),
            written=node.get(WRITTEN_ATTR, ""),
        )


class ParamRefRole(PyXRefRole):
    """``:paramref:`Class.method.param``` — a link to one documented parameter."""

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        tilde = not has_explicit_title and title.startswith("~")
        refnode[WRITTEN_ATTR] = target
        title, target = super().process_link(
            env, refnode, has_explicit_title, title, target
        )
        owner, param = split_written(target)
        if not owner:
            owner = _enclosing_object(env, refnode)
            refnode["refexplicit"] = True
            if "refspecific" in refnode:
                del refnode["refspecific"]
        elif tilde:
            refnode["refexplicit"] = True
        owner = normalise_owner(owner)
        if owner:
            _domain(env).note_paramref(env.docname, owner)
        refnode[TITLE_ATTR] = title
        return title, canonical_target(owner, param) if owner else f"params.{param}"


def _domain(env: BuildEnvironment) -> Any:
    return env.domains["py"]


def _enclosing_object(env: BuildEnvironment, refnode: Element) -> str:
    """Full name of the object whose description holds a bare ``:paramref:``."""
    current = getattr(env, "current_document", None)  # Sphinx 8.2 and newer
    obj = current.obj_desc_name if current is not None else env.temp_data.get("object")
    if isinstance(obj, tuple):  # Sphinx before 8.2 kept (fullname, prefix)
        obj = obj[0]
    if not obj:
        return ""
    module = refnode.get("py:module")
    return f"{module}.{obj}" if module else str(obj)


def candidate_owners(
    ref: ParamRefTarget, by_suffix: Mapping[str, list[str]]
) -> Iterator[str]:
    """Owner full names *ref* may mean, most specific first, as Sphinx searches."""
    mod, cls, name = ref.module, ref.classname, ref.owner
    exact = [
        f"{mod}.{cls}.{name}" if mod and cls else "",
        f"{cls}.{name}" if cls else "",
        f"{mod}.{name}" if mod else "",
        name,
    ]
    if not ref.specific:
        exact.reverse()
    yield from (e for e in exact if e)
    if ref.specific:
        suffix = "." + name
        key = ".".join(name.split(".")[-2:])
        yield from (o for o in by_suffix.get(key, ()) if o.endswith(suffix))


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


def diagnose(
    ref: ParamRefTarget,
    owners: Mapping[str, Any],
    by_suffix: Mapping[str, list[str]],
    objects: Mapping[str, Any],
) -> str:
    """A message that says why *ref* resolves to nothing, and what is close."""
    shown = ref.written or (f"{ref.owner}.{ref.param}" if ref.owner else ref.param)
    parts = [*ref.owner.split("."), ref.param] if ref.owner else [ref.param]
    if not all(part.isidentifier() for part in parts):
        return (
            f":paramref: {shown!r} is not a parameter target; write "
            "Class.method.param, module.function.param or a bare parameter name"
        )
    if not ref.owner:
        return (
            f"bare :paramref: {ref.param!r} is outside any object description; "
            "write Class.method.param"
        )
    found = next(resolve_owner(ref, owners, by_suffix), None)
    if found is not None:
        names = list(owners[found].params)
        close = difflib.get_close_matches(ref.param, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return (
            f"{found} has no documented parameter {ref.param!r} "
            f"(it documents: {', '.join(names)}){hint}"
        )
    if any(o in objects for o in candidate_owners(ref, {})):
        return (
            f"{ref.owner} documents no parameters: :paramref: {shown!r} has no target"
        )
    return f"unknown object {ref.owner!r} in :paramref: {shown!r}"


def _is_ignored(config: Any, node: pending_xref) -> bool:
    owner, _, param = node["reftarget"].rpartition(PARAMS)
    names = {node["reftarget"], f"{owner}.{param}"}
    for dtype, target in config.nitpick_ignore:
        if dtype in ("py:paramref", "paramref") and target in names:
            return True
    for dtype, target in config.nitpick_ignore_regex:
        if re.fullmatch(dtype, "py:paramref") and any(
            re.fullmatch(target, n) for n in names
        ):
            return True
    return False


def warn_missing_paramref(
    app: Sphinx, domain: Domain, node: pending_xref
) -> bool | None:
    """Replace Sphinx's generic warning for a dangling ``:paramref:`` with ours."""
    if node.get("reftype") != "paramref" or node.get("refdomain") != "py":
        return None
    if _is_ignored(app.config, node):
        return True
    ref = ParamRefTarget.from_node(node)
    warn(domain.explain_missing(ref), "paramref", location=node)  # type: ignore[attr-defined]
    return True


def setup_paramref(app: Sphinx) -> None:
    """Connect the warning for dangling ``:paramref:`` links."""
    app.connect("warn-missing-reference", warn_missing_paramref)
