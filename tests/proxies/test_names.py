"""Names as documented: a target defined in ``pd_names._base``, documented as ``pd_names.X``.

Markers and ``:target:`` name ``pd_names._base.Target``; the docs describe
``pd_names.Target`` (autodoc adds the alias ``:canonical:``) and
``pd_names.Engine`` (by hand: no alias).  Every note, "Proxied by" line and
summary links the documented name and shows it as the link's title.
"""

from __future__ import annotations

import re

from tests.helpers import serial_and_parallel, warnings_of

from .helpers import soup, text_of

TARGET = "pd_names.Target"


def links_of(app, docname: str, selector: str) -> list[tuple[str, list[tuple]]]:
    """Each proxydoc block on the page: its text and its links' (href, title)."""
    return [
        (text_of(block), [(a["href"], a.get("title")) for a in block.select("a")])
        for block in soup(app, docname).select(selector)
    ]


NOTE = "div.proxydoc-proxy-note"
PROXIED_BY = "div.proxydoc-proxied-by"
SUMMARY = "div.proxydoc-proxy-summary"


def test_a_note_naming_the_defining_module_links_the_documented_class(shared_build):
    app = shared_build("proxy-names")
    assert links_of(app, "facade", NOTE) == [
        (
            "Proxied for Target.add() on behalf of Facade.",
            [
                (f"target.html#{TARGET}.add", f"{TARGET}.add"),
                ("#pd_names.Facade", "pd_names.Facade"),
            ],
        )
    ]


def test_the_summary_names_the_documented_class(shared_build):
    app = shared_build("proxy-names")
    assert links_of(app, "facade", SUMMARY) == [
        (
            "Proxies for Target: add().",
            [
                (f"target.html#{TARGET}", TARGET),
                ("#pd_names.Facade.add", "pd_names.Facade.add"),
            ],
        )
    ]


def test_proxied_by_lines_on_the_documented_members(shared_build):
    app = shared_build("proxy-names")
    lines = {
        block.find_parent("dd").find_previous_sibling("dt")["id"]: text_of(block)
        for block in soup(app, "target").select(PROXIED_BY)
    }
    assert lines == {
        f"{TARGET}.add": "Proxied by Facade.add(), pd_names.op.add().",
        # inherited from pd_names._base.Base, documented on pd_names.Target
        f"{TARGET}.ping": "Proxied by pd_names.op.ping().",
        f"{TARGET}.remove": "Proxied by pd_names.op.remove().",
    }


def test_module_facade_with_the_target_s_defining_name(shared_build):
    """``:target: pd_names._base.Target``: the notes link ``pd_names.Target``."""
    app = shared_build("proxy-names")
    notes = links_of(app, "op", NOTE)
    assert [text for text, _ in notes] == [
        f"Proxied for Target.{name}() on behalf of pd_names.op."
        for name in ("add", "ping", "remove")
    ]
    assert notes[0][1] == [
        (f"target.html#{TARGET}.add", f"{TARGET}.add"),
        ("#module-pd_names.op", "pd_names.op"),
    ]


def test_a_class_documented_by_hand_is_found_through_its_import(shared_build):
    """No ``:canonical:`` alias: ``pd_names._base.Engine`` imports as ``pd_names.Engine``."""
    app = shared_build("proxy-names")
    assert links_of(app, "engine", NOTE)[0][1] == [
        ("#pd_names.Engine.connect", "pd_names.Engine.connect"),
        ("#pd_names.Session", "pd_names.Session"),
    ]
    assert links_of(app, "engine", PROXIED_BY) == [
        (
            "Proxied by Session.connect().",
            [("#pd_names.Session.connect", "pd_names.Session.connect")],
        )
    ]
    assert links_of(app, "engine", SUMMARY)[0][1][0] == (
        "#pd_names.Engine",
        "pd_names.Engine",
    )


def test_undocumented_targets_are_named_by_their_public_name(shared_build):
    """The public re-export (``pd_names.Hidden``), else the defining module."""
    app = shared_build("proxy-names")
    missing = sorted(
        {
            re.sub(r".*reference target not found: ", "", line)
            for line in warnings_of(app._warning)
        }
    )
    assert missing == [
        "pd_names.Hidden [ref.obj]",
        "pd_names._base.Internal [ref.obj]",
    ]


def test_a_module_facade_written_relatively_is_shown_by_its_full_name(shared_build):
    """``:mod:`.op``` in ``pd_names``: the note shows and links ``pd_names.op``."""
    app = shared_build("proxy-names")
    assert links_of(app, "stub", NOTE) == [
        (
            "Proxied for Target.remove() on behalf of pd_names.op.",
            [
                (f"target.html#{TARGET}.remove", f"{TARGET}.remove"),
                ("op.html#module-pd_names.op", "pd_names.op"),
            ],
        )
    ]


def names_outcome(app):
    """Every proxydoc block of every page with its links, and the warnings."""
    pages = {
        name: links_of(app, name, f"{NOTE}, {PROXIED_BY}, {SUMMARY}")
        for name in ("target", "facade", "engine", "op", "undocumented", "stub")
    }
    srcdir = re.escape(str(app.srcdir))
    return pages, sorted(re.sub(srcdir, "", w) for w in warnings_of(app._warning))


def test_parallel_build_equals_serial(make_app, tmp_path):
    serial, parallel = serial_and_parallel(
        make_app, "proxy-names", tmp_path, "pd_names", names_outcome
    )
    assert serial == parallel
    assert serial[0]["target"][0][1][0] == (
        "facade.html#pd_names.Facade.add",
        "pd_names.Facade.add",
    )


def test_docstring_handlers_get_the_documented_name(shared_build):
    """autoproxy passes ``pd_names.Target.add``, as autodoc does, not ``_base``."""
    app = shared_build("proxy-names")

    def read_as(docname: str, anchor: str) -> list[str]:
        dd = soup(app, docname).find("dt", id=anchor).find_next_sibling("dd")
        return [text_of(p) for p in dd.find_all("p") if "Read as" in p.get_text()]

    assert read_as("target", f"{TARGET}.add") == [f"Read as {TARGET}.add."]
    assert read_as("op", "pd_names.op.add") == [f"Read as {TARGET}.add."]
    assert read_as("engine", "pd_names.Session.connect") == [
        "Read as pd_names.Engine.connect."
    ]
