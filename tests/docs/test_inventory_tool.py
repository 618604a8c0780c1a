"""The SQLAlchemy inventory generator, on a small sdist-shaped tarball."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import sqlalchemy_inventory as tool
from sphinx.util.inventory import InventoryFile

SESSION_BASICS = """\
.. currentmodule:: sqlalchemy.orm

.. _session_basics:

==============
Session Basics
==============

.. _session_closing:

Closing
-------

Text.

.. autoclass:: Session
   :members: close

.. _anonymous_target:

A paragraph, not a section.
"""

GLOSSARY = """\
Glossary
========

.. glossary::
    :sorted:

    releases
    released
        Text about releasing.

        .. seealso::

            :ref:`session_closing`

    unit of work
        More text.
"""


def make_sdist(path: Path, pages: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in pages.items():
            data = text.encode()
            info = tarfile.TarInfo(f"sqlalchemy-2.1.9/doc/build/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def load(path: Path) -> dict[str, dict[str, tuple[str, str]]]:
    inventory = InventoryFile.loads(path.read_bytes(), uri="")
    return {
        objtype: {name: (item.uri, item.display_name) for name, item in items.items()}
        for objtype, items in inventory.data.items()
    }


def test_inventory_from_doc_sources(tmp_path: Path) -> None:
    sdist = make_sdist(
        tmp_path / "sqlalchemy-2.1.9.tar.gz",
        {
            "orm/session_basics.rst": SESSION_BASICS,
            "glossary.rst": GLOSSARY,
            "changelog/unreleased_21/1.rst": ".. _skipped:\n\nSkipped\n=======\n",
        },
    )
    inventory, problems = tool.build_inventory(list(tool.read_pages(sdist)))
    inventory.dump(tmp_path / "out.inv", "2.1.9")
    inv = load(tmp_path / "out.inv")
    assert problems == []
    labels = inv["std:label"]
    assert labels["session_closing"] == (
        "orm/session_basics.html#session-closing",
        "Closing",
    )
    assert labels["session_basics"][1] == "Session Basics"
    assert labels["anonymous_target"] == (
        "orm/session_basics.html#anonymous-target",
        "-",
    )
    assert "skipped" not in labels
    terms = inv["std:term"]
    assert set(terms) == {"releases", "released", "unit of work"}
    assert terms["unit of work"][0] == "glossary.html#term-unit-of-work"
    assert inv["std:doc"]["orm/session_basics"][1] == "Session Basics"
    session = "orm/session_basics.html#sqlalchemy.orm.Session"
    assert inv["py:class"]["sqlalchemy.orm.Session"][0] == session
    # autodoc's canonical name, pointing at the same place
    assert inv["py:class"]["sqlalchemy.orm.session.Session"][0] == session
    assert inv["py:method"]["sqlalchemy.orm.Session.close"][0] == session + ".close"
    params = inv["py:parameter"]
    anchor = "sqlalchemy.orm.Session.params.close_resets_only"
    assert params[anchor][0] == f"orm/session_basics.html#{anchor}"
    assert "sqlalchemy.orm.Session.params.autoflush" in params


def test_unimportable_object_is_reported_not_fatal(tmp_path: Path) -> None:
    page = tool.parse_page(
        "core/x", ".. currentmodule:: sqlalchemy\n\n.. autoclass:: NoSuchThing\n"
    )
    inventory, problems = tool.build_inventory([page])
    assert problems and "NoSuchThing" in problems[0]
    assert ("sqlalchemy.NoSuchThing", "py:class") not in inventory.entries
