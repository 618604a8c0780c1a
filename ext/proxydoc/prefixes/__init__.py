"""Module prefixes: ``_orm.Session`` stands for ``sqlalchemy.orm.Session``.

Expanded where a role makes its node (:mod:`._roles`: every Python role and
``:paramref:``), in references no role made when they are resolved (the Python
domain calls :func:`._roles.expand_reference`), and section titles keep the id
they had with the prefix (:mod:`._sections`).  The text-only rules live in
:mod:`proxydoc.core.prefixes`, shared with the ``proxydoc`` command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_prefixes(app: Sphinx) -> None:
    """Wrap the Python roles and keep prefixed section titles' ids."""
    from proxydoc.prefixes._roles import setup_roles
    from proxydoc.prefixes._sections import setup_sections

    setup_roles(app)
    setup_sections(app)
