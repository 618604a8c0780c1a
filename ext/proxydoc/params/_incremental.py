"""Incremental builds: rewrite pages whose ``:paramref:`` targets changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from proxydoc._pydomain import ProxydocPythonDomain, python_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def docs_to_rewrite(domain: ProxydocPythonDomain) -> list[str]:
    """Documents whose ``:paramref:`` links may have changed target in this build."""
    lasts = {owner.rpartition(".")[2] for owner in domain.touched_owners}
    return sorted(
        doc
        for doc, names in domain.paramref_owners.items()
        if doc not in domain.docs_read and names & lasts
    )


def _note_docs_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    python_domain(env).docs_read = set(docnames)


def _docs_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = python_domain(env)
    stale = docs_to_rewrite(domain)
    domain.touched_owners.clear()
    domain.docs_read.clear()
    return stale


def setup_incremental(app: Sphinx) -> None:
    """Connect the events that keep unchanged pages' links current."""
    app.connect("env-before-read-docs", _note_docs_read)
    app.connect("env-updated", _docs_to_rewrite)
