"""Starred parameter targets (``f.**kw``, ``f.*args``), as sphinx-paramlinks' users write them.

A parameter's stars say how it is passed, not what it is called: every form
of the role finds the parameter with its stars or without.  objects.inv keeps
the starred name (``m.f.params.**kw``, sphinx-paramlinks' name and id) beside
the bare one, so other projects' links to either resolve.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from tests.helpers import (
    inventory,
    serial_and_parallel,
    soup,
    unresolved_paramrefs,
    warnings_of,
)
from tests.test_parallel import outcome

API = "pd_starred.api"
FETCH = f"{API}.fetch.params"
SEND = f"{API}.Client.send.params"
BASE = "https://docs.example.invalid/st/"


def _links(app, docname: str) -> list[tuple[str, str]]:
    page = soup(app, docname)
    return [(a.get_text(), a["href"]) for a in page.select("a:has(> code.xref)")]


def test_every_form_of_a_starred_target_links(shared_build):
    app = shared_build("params-starred")
    kw, args = f"#{FETCH}.kw", f"#{FETCH}.args"
    assert _links(app, "index") == [  # bare, in fetch's own description
        ("**kw", kw),
        ("*args", args),
        ("kw", kw),
    ]
    kw, args = f"index.html{kw}", f"index.html{args}"
    assert _links(app, "forms") == [
        ("fetch.**kw", kw),  # the full name
        ("fetch.*args", args),
        ("fetch.**kw", kw),  # .fetch.**kw
        ("**kw", kw),  # ~
        ("the options", kw),  # title <target>
        ("fetch.*args", args),  # _st.fetch.*args
        ("fetch.**kw", kw),  # :py:paramref:
        ("fetch.**kw", kw),  # escaped stars
        # documented without stars, linked with them
        ("Client.send.**options", f"index.html#{SEND}.options"),
        ("Client.send.*parts", f"index.html#{SEND}.parts"),
        ("fetch.timeout", f"index.html#{FETCH}.timeout"),  # keyword-only
    ]
    assert _links(app, "any") == [(f"{FETCH}.**kw", kw), (f"{API}.fetch.**kw", kw)]
    for docname in ("index", "forms", "any"):
        assert unresolved_paramrefs(soup(app, docname)) == []
    assert [w for w in warnings_of(app._warning) if "bad.rst" not in w] == []


def test_starred_names_stay_in_objects_inv_beside_the_bare_ones(shared_build):
    app = shared_build("params-starred")
    params = {k: v for k, v in inventory(app).items() if ".params." in k}
    page = f"index.html#{FETCH}"
    assert params == {
        f"{FETCH}.url": ("py:parameter", f"{page}.url", "fetch.url"),
        f"{FETCH}.args": ("py:parameter", f"{page}.args", "fetch.args"),
        f"{FETCH}.*args": ("py:parameter", f"{page}.*args", "fetch.*args"),
        f"{FETCH}.timeout": ("py:parameter", f"{page}.timeout", "fetch.timeout"),
        f"{FETCH}.kw": ("py:parameter", f"{page}.kw", "fetch.kw"),
        f"{FETCH}.**kw": ("py:parameter", f"{page}.**kw", "fetch.**kw"),
        # documented without stars: no starred id, no starred name
        f"{SEND}.data": ("py:parameter", f"index.html#{SEND}.data", "Client.send.data"),
        f"{SEND}.parts": (
            "py:parameter",
            f"index.html#{SEND}.parts",
            "Client.send.parts",
        ),
        f"{SEND}.options": (
            "py:parameter",
            f"index.html#{SEND}.options",
            "Client.send.options",
        ),
    }
    # each name's anchor is an id of the page, the starred one on the same item
    ids = {tag["id"] for tag in soup(app).select("[id]")}
    assert {uri.partition("#")[2] for _, uri, _ in params.values()} <= ids
    starred = soup(app).find(id=f"{FETCH}.**kw")
    assert starred.find_parent(id=f"{FETCH}.kw") is not None


def test_hints_suggest_only_forms_that_resolve(shared_build):
    app = shared_build("params-starred")
    lines = [w.split("/src/")[-1] for w in warnings_of(app._warning)]
    assert lines == [
        "bad.rst:4: WARNING: :paramref: '.fetch.*' names the keyword-only marker "
        "'*' of a signature, not a parameter [proxydoc.paramref]",
        f"bad.rst:6: WARNING: {API}.fetch has no documented parameter '**kws' "
        "(it documents: url, *args, timeout, **kw); did you mean '**kw'? "
        "[proxydoc.paramref]",
        "bad.rst:8: WARNING: :paramref: '.fetch./' names the positional-only "
        "marker '/' of a signature, not a parameter [proxydoc.paramref]",
        "bad.rst:10: WARNING: :paramref: '.fetch.***kw' is not a parameter target; "
        "write Class.method.param, module.function.param or a bare parameter name "
        "[proxydoc.paramref]",
    ]
    # the form suggested is one that links (in index.rst)
    assert soup(app, "forms").find("code", string="fetch.**kw").parent.name == "a"


def test_nitpick_ignore_names_a_starred_target_by_its_full_name(shared_build):
    app = shared_build(
        "params-starred",
        nitpick_ignore=[("py:paramref", f"{API}.fetch.**kws")],
        nitpick_ignore_regex=[("py:paramref", r".*\*\*\*kw")],
    )
    lines = [w.split("/src/")[-1] for w in warnings_of(app._warning)]
    assert [line.split(": WARNING")[0] for line in lines] == ["bad.rst:4", "bad.rst:8"]


def _consumer(shared_build, inventory_path: Path):
    return shared_build(
        "intersphinx-starred",
        intersphinx_mapping={"st": (BASE, str(inventory_path))},
    )


def _external_links(app) -> list[tuple[str, str]]:
    page = soup(app)
    return [(a.get_text(), a["href"]) for a in page.select("a.reference.external")]


def test_starred_targets_through_intersphinx(shared_build):
    producer = shared_build("params-starred")
    consumer = _consumer(shared_build, Path(producer.outdir) / "objects.inv")
    at = f"{BASE}index.html#"
    assert _external_links(consumer) == [
        ("fetch.**kw", f"{at}{FETCH}.**kw"),  # full
        ("fetch.*args", f"{at}{FETCH}.*args"),
        ("fetch.**kw", f"{at}{FETCH}.**kw"),  # :py:paramref:
        ("fetch.**kw", f"{at}{FETCH}.**kw"),  # the anchor's form
        ("fetch.**kw", f"{at}{FETCH}.**kw"),  # :any:
        ("fetch.*args", f"{at}{FETCH}.*args"),  # :external:py:paramref:
        ("fetch.*args", f"{at}{FETCH}.*args"),  # prefixed
        ("options", f"{at}{FETCH}.**kw"),
        ("fetch.kw", f"{at}{FETCH}.kw"),
        ("Client.send.options", f"{at}{SEND}.options"),  # listed without stars
    ]
    assert unresolved_paramrefs(soup(consumer)) == [
        f"{FETCH.removesuffix('.params')}.**kws"
    ]
    lines = [w.split("/src/")[-1] for w in warnings_of(consumer._warning)]
    assert lines == [
        f"index.rst:4: WARNING: {API}.fetch (in st's docs) has no documented "
        "parameter '**kws' (it documents: args, kw, timeout, url); did you mean "
        "'kw'? [proxydoc.paramref]",
    ]


def _as_sphinx_paramlinks_wrote_it(source: Path, destination: Path) -> Path:
    """*source* (proxydoc's objects.inv) with parameters as sphinx-paramlinks 0.6
    lists them: the starred name only, priority 1, display name ``-``."""
    raw = source.read_bytes()
    end = 0
    for _ in range(4):
        end = raw.index(b"\n", end) + 1
    lines = zlib.decompress(raw[end:]).decode().splitlines()
    starred = {
        line.split()[0].replace("*", "")
        for line in lines
        if "py:parameter" in line and "*" in line.split()[0]
    }
    kept = []
    for line in lines:
        name, objtype, _prio, uri, _disp = line.split(" ", 4)
        if objtype != "py:parameter":
            kept.append(line)
        elif name not in starred:
            kept.append(f"{name} {objtype} 1 {uri.replace('$', name)} -")
    destination.write_bytes(raw[:end] + zlib.compress("\n".join(kept).encode()))
    return destination


def test_starred_targets_into_a_sphinx_paramlinks_inventory(shared_build, tmp_path):
    producer = shared_build("params-starred")
    written = _as_sphinx_paramlinks_wrote_it(
        Path(producer.outdir) / "objects.inv", tmp_path / "objects.inv"
    )
    consumer = _consumer(shared_build, written)
    at = f"{BASE}index.html#"
    # sphinx-paramlinks lists no display name: intersphinx shows the full name
    assert _external_links(consumer) == [
        (f"{API}.fetch.**kw", f"{at}{FETCH}.**kw"),
        (f"{API}.fetch.*args", f"{at}{FETCH}.*args"),
        (f"{API}.fetch.**kw", f"{at}{FETCH}.**kw"),
        (f"{FETCH}.**kw", f"{at}{FETCH}.**kw"),
        (f"{FETCH}.**kw", f"{at}{FETCH}.**kw"),
        (f"{FETCH}.*args", f"{at}{FETCH}.*args"),
        ("fetch.*args", f"{at}{FETCH}.*args"),
        ("options", f"{at}{FETCH}.**kw"),
        # written without stars: found under the starred name
        (f"{API}.fetch.kw", f"{at}{FETCH}.**kw"),
        # listed there without stars (documented so), written here with them
        (f"{API}.Client.send.**options", f"{at}{SEND}.options"),
    ]
    lines = [w.split("/src/")[-1] for w in warnings_of(consumer._warning)]
    assert lines == [
        f"index.rst:4: WARNING: {API}.fetch (in st's docs) has no documented "
        "parameter '**kws' (it documents: **kw, *args, timeout, url); did you "
        "mean '**kw'? [proxydoc.paramref]",
    ]


def test_parallel_build_keeps_the_starred_names(make_app, tmp_path):
    serial, parallel = serial_and_parallel(
        make_app, "params-starred", tmp_path, "pd_starred", outcome
    )
    assert serial == parallel
    assert {f"{FETCH}.**kw", f"{FETCH}.*args", f"{FETCH}.kw"} <= set(serial[2])
