"""Every Python role, and ``:paramref:``, with targets that may start with a prefix."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.python import PythonDomain
from sphinx.errors import ExtensionError

from proxydoc._compat import document_data
from proxydoc._pydomain import python_domain
from proxydoc.core.prefixes import expand_prefix
from proxydoc.prefixes._references import strip_first_text

#: Key of the per-document list of references shortened by a prefix.
SHORTENED = "proxydoc_shortened_references"

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from docutils.nodes import Element, Node, system_message
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction


class PrefixedRole:
    """A Python role whose targets may start with a module prefix.

    Expanding where the role makes its node costs no walk over the doctree,
    and warnings and ``nitpick_ignore`` then see the full target.  References
    no role made (signature annotations) are expanded when they are resolved.
    """

    def __init__(self, inner: RoleFunction | Any) -> None:
        self.inner = inner

    def __call__(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[Node], list[system_message]]:
        result, messages = self.inner(
            name, rawtext, text, lineno, inliner, options or {}, content or []
        )
        env = inliner.document.settings.env
        prefixes = python_domain(env).module_prefixes
        for node in result:
            if not isinstance(node, addnodes.pending_xref) or not node.children:
                continue
            target = node["reftarget"]
            if target.partition(".")[0] not in prefixes:
                continue
            node["reftarget"] = expand_prefix(target, prefixes)
            title = node[0]
            if node.get("refexplicit") or not isinstance(title, nodes.Element):
                continue
            changed = strip_first_text(title, prefixes)
            if changed is not None:
                shortened(env).append((node, *changed))
        return result, messages


def shortened(env: BuildEnvironment) -> list[tuple[Element, nodes.Text, str]]:
    """References of this document whose title lost a prefix: new and old text."""
    found: list[tuple[Element, nodes.Text, str]] = document_data(env).setdefault(
        SHORTENED, []
    )
    return found


def prefixed(role: RoleFunction | Any) -> PrefixedRole:
    """*role*, expanding a leading module prefix of the targets it makes."""
    return PrefixedRole(role)


def setup_roles(app: Sphinx) -> None:
    """Replace each of the Python domain's roles by its prefixed form."""
    for name, role in PythonDomain.roles.items():
        # another extension's role of that name wins, as with any domain role
        with contextlib.suppress(ExtensionError):
            app.add_role_to_domain("py", name, prefixed(role))
