"""The ``:paramref:`` role, and the warning for a link that finds no parameter."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx.domains.python import PyXRefRole

from proxydoc._compat import enclosing_object_name
from proxydoc._pydomain import python_domain
from proxydoc._warnings import warn
from proxydoc.core.targets import (
    PARAMS,
    canonical_target,
    normalise_owner,
    split_written,
)
from proxydoc.params._resolve import WRITTEN_ATTR, ParamRefTarget, nitpick_ignored
from proxydoc.prefixes._roles import prefixed

if TYPE_CHECKING:
    from docutils.nodes import Element, Node
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

#: The title the role gave, kept so that other extensions' rewrites can be undone.
TITLE_ATTR = "proxydoc_title"

#: Whitespace with a line break in it: where a long target was wrapped.
_LINE_BREAK = re.compile(r"\s*\n\s*")


def join_lines(target: str) -> str:
    """*target* as one line: a target wrapped in the source is read as if unwrapped.

    No Python name holds whitespace, so ``.AlterColumnOp.`` and
    ``server_default`` on the next line are ``.AlterColumnOp.server_default``.
    Whitespace within a line is kept (and reported: a target has none).
    """
    return _LINE_BREAK.sub("", target)


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
        target = join_lines(target)
        if not has_explicit_title:
            title = join_lines(title)
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
            python_domain(env).note_paramref(env.docname, owner)
        if owner and PARAMS in target:  # or parameter of a function named params
            python_domain(env).note_paramref(env.docname, f"{owner}.params")
        refnode[TITLE_ATTR] = title
        return title, canonical_target(owner, param) if owner else f"params.{param}"


def _enclosing_object(env: BuildEnvironment, refnode: Element) -> str:
    """Full name of the object whose description holds a bare ``:paramref:``."""
    obj = enclosing_object_name(env)
    if not obj:
        return ""
    module = refnode.get("py:module")
    return f"{module}.{obj}" if module else obj


def warn_missing_paramref(
    app: Sphinx, domain: Domain, node: pending_xref
) -> bool | None:
    """Replace Sphinx's generic warning for a dangling ``:paramref:`` with ours."""
    if node.get("reftype") != "paramref" or node.get("refdomain") != "py":
        return None
    ref = ParamRefTarget.from_node(node)
    diagnosis = python_domain(app.env).explain_missing(ref)
    owner, _, param = node["reftarget"].rpartition(PARAMS)
    names = {node["reftarget"], f"{owner}.{param}", *diagnosis.ignore_names()}
    if not nitpick_ignored(app.config, "paramref", names):
        warn(diagnosis.message, "paramref", location=node)
    return True


def other_readings_elsewhere(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Node | None:
    """Ask another project's inventory for the readings intersphinx did not try.

    Intersphinx looks the target up as written; this asks it again for the
    parameter under its other names (``kw``, ``*kw``, ``**kw``: proxydoc lists
    the bare name and the starred one, sphinx-paramlinks only the starred one)
    and for ``m.params.x`` read as parameter x of a function ``m.params``, as
    the domain does for this project.
    """
    if node.get("reftype") != "paramref" or node.get("refdomain") != "py":
        return None
    if "sphinx.ext.intersphinx" not in app.extensions:
        return None
    from sphinx.ext.intersphinx import missing_reference

    ref = ParamRefTarget.from_node(node)
    readings = [ref, ref.in_function_named_params()]
    for reading in readings:
        if reading is None or not reading.owner:
            continue
        for stars in ("", "*", "**"):
            if reading is ref and stars == ref.stars:
                continue  # as written: intersphinx asked for it
            retry = node.deepcopy()
            retry["reftarget"] = canonical_target(reading.owner, stars + ref.param)
            found = missing_reference(app, env, retry, contnode)  # type: ignore[arg-type]
            if found is not None:
                return found
    return None


def setup_paramref(app: Sphinx) -> None:
    """Add the role to the Python domain; connect the warning for dangling links."""
    app.add_role_to_domain("py", "paramref", prefixed(ParamRefRole(warn_dangling=True)))
    app.connect("warn-missing-reference", warn_missing_paramref)
    # after intersphinx (500), which reads the target as written first
    app.connect("missing-reference", other_readings_elsewhere, priority=501)
