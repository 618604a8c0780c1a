"""Incremental builds: rewrite pages whose ``:paramref:`` targets changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from proxydoc._domain import ProxydocPythonDomain, docs_to_rewrite

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _domain(env: BuildEnvironment) -> ProxydocPythonDomain | None:
    domain = env.domains["py"]
    return domain if isinstance(domain, ProxydocPythonDomain) else None


def _note_docs_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    domain = _domain(env)
    if domain is not None:
        domain.docs_read = set(docnames)


def _docs_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = _domain(env)
    if domain is None:
        return []
    stale = docs_to_rewrite(domain)
    domain.touched_owners.clear()
    domain.docs_read.clear()
    return stale


def setup_incremental(app: Sphinx) -> None:
    """Connect the events that keep unchanged pages' links current."""
    app.connect("env-before-read-docs", _note_docs_read)
    app.connect("env-updated", _docs_to_rewrite)
