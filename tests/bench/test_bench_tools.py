"""The bench's own readers and timers, checked on real builds of a test root."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

BENCH_LIB = Path(__file__).resolve().parents[2] / "bench" / "lib"
sys.path.insert(0, str(BENCH_LIB))

from proxydoc_bench.analyse import (  # noqa: E402
    broken_note_links,
    check_site,
    lost_links,
    missing_notes,
    read_site,
)
from proxydoc_bench.build import sphinx_build  # noqa: E402
from proxydoc_bench.memtrace_ext import compare  # noqa: E402

from tests.helpers import copy_root, strip_ansi  # noqa: E402


def links_by_soup(outdir: Path) -> list[tuple[str, str]]:
    """(page, href) of every resolved paramref, read with BeautifulSoup instead."""
    found = []
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.parts:
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        name = page.relative_to(outdir).as_posix()
        found += [(name, c.parent["href"]) for c in html.select("a > code.py-paramref")]
    return found


def test_site_reader_counts_links_and_finds_broken_ones(make_app, tmp_path):
    app = make_app("html", srcdir=copy_root("params", tmp_path / "src"))
    app.build()  # its own build: the test breaks an anchor in it
    outdir = Path(app.outdir)
    expected = links_by_soup(outdir)
    assert expected, "the test root must have paramref links"
    before = read_site(outdir)
    report = check_site(before)
    assert report.links == len(expected)
    assert report.broken == []
    assert any(".params." in i for i in report.params_ids)

    page, href = expected[0]
    path, _, fragment = href.partition("#")
    target = (outdir / page).parent / path if path else outdir / page
    text = target.read_text(encoding="utf-8")
    assert f'id="{fragment}"' in text
    target.write_text(text.replace(f'id="{fragment}"', 'id="gone"'), encoding="utf-8")
    after = read_site(outdir)
    broken = check_site(after).broken
    hits = sum(1 for _, h in expected if h.partition("#")[2] == fragment)
    assert len(broken) == hits
    assert all(b.endswith(f"#{fragment}") for b in broken)
    # The hrefs are unchanged, so no link went missing; only its anchor did.
    assert sum(lost_links(before, after).values()) == 0


def test_site_reader_compares_proxy_notes_apart(make_app, tmp_path: Path) -> None:
    """Links in proxy notes (the container or pointer as written, proxydoc's
    note) are counted apart from the other internal links, note by note."""
    written_src = copy_root("proxy-sqlalchemy", tmp_path / "written")
    conf = written_src / "conf.py"
    conf.write_text(f'{conf.read_text()}\nextensions = ["sphinx.ext.autodoc"]\n')
    written = make_app("html", srcdir=written_src)
    written.build()
    noted = make_app("html", srcdir=copy_root("proxy-sqlalchemy", tmp_path / "noted"))
    noted.build()
    before, after = read_site(Path(written.outdir)), read_site(Path(noted.outdir))

    page = Path(noted.outdir) / "scoping.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    notes = html.select("div.proxydoc-proxy-note")

    def internal(tag: Any) -> list[str]:  # what the reader counts: plain xrefs
        found = tag.select("a.reference.internal")
        return [a["href"] for a in found if a["class"] == ["reference", "internal"]]

    in_notes = [href for n in notes for href in internal(n)]
    everywhere = internal(html)
    assert notes and in_notes
    assert after["scoping.html"].notes == len(notes)
    assert after["scoping.html"].note_links == in_notes
    assert len(after["scoping.html"].internal) == len(everywhere) - len(in_notes)
    # as written: a class_bases container per copied method, a pointer
    # paragraph per attribute proxy; proxydoc makes a note of each
    old = BeautifulSoup(
        (Path(written.outdir) / "scoping.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    containers = old.select("div.class-bases")
    pointers = [p for p in old.select("dd > p") if p.text.startswith("Proxy for the ")]
    assert containers and pointers
    assert before["scoping.html"].notes == len(containers) + len(pointers)
    assert before["scoping.html"].notes == len(notes)
    assert missing_notes(before, after) == 0
    assert broken_note_links(after) == 0

    # a note gone is missing; a note's link to a gone anchor is broken
    text = page.read_text(encoding="utf-8")
    first = str(notes[0])
    assert first in text
    page.write_text(text.replace(first, "", 1), encoding="utf-8")
    assert missing_notes(before, read_site(Path(noted.outdir))) == 1
    fragment = in_notes[-1].partition("#")[2]
    target = page.parent / (in_notes[-1].partition("#")[0] or page.name)
    target.write_text(
        target.read_text(encoding="utf-8").replace(f'id="{fragment}"', 'id="gone"'),
        encoding="utf-8",
    )
    assert broken_note_links(read_site(Path(noted.outdir))) >= 1


def params_root_with(tmp_path: Path, extensions: str) -> Path:
    """A copy of the test-params project whose conf.py ends with *extensions*."""
    src = copy_root("params", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text(f"{conf.read_text()}\nextensions = {extensions}\n", "utf-8")
    return src


def test_timing_extension_charges_proxydoc_code(tmp_path: Path) -> None:
    src = params_root_with(tmp_path, '["proxydoc_bench.timing_ext", *extensions]')
    result = sphinx_build("proxydoc", src, src, tmp_path / "out", {})
    assert result.returncode == 0, (tmp_path / "out" / "stderr.txt").read_text()
    timing = result.timing
    modules = timing["module_seconds"]
    assert {"proxydoc.params._anchors", "proxydoc._pydomain"} <= set(modules)
    assert all(v >= 0 for v in modules.values())
    assert 0 < sum(modules.values()) < timing["build_seconds"]
    assert 0 < timing["overhead_per_call"] < 1e-4
    fraction = result.fraction("proxydoc")
    assert fraction is not None and 0 < fraction < 1
    assert result.peak_rss_mib > 10
    # Calls into the Sphinx code a measured function wraps are counted apart:
    # every role proxydoc wraps calls Sphinx's role exactly once.
    assert timing["base_overhead_per_call"] >= 0
    role = "proxydoc.prefixes._roles:PrefixedRole.__call__"
    assert timing["function_base_calls"][role] == timing["function_calls"][role]


def test_memory_trace_marks_every_phase(tmp_path: Path) -> None:
    src = params_root_with(tmp_path, '[*extensions, "proxydoc_bench.memtrace_ext"]')
    trace = tmp_path / "mem.json"
    env = {
        "PROXYDOC_BENCH_MEMTRACE": str(trace),
        "PROXYDOC_BENCH_MEMTRACE_EVERY": "1",
        "PROXYDOC_BENCH_MEMTRACE_GC": "2",
    }
    result = sphinx_build("proxydoc", src, src, tmp_path / "out", env)
    assert result.returncode == 0, (tmp_path / "out" / "stderr.txt").read_text()
    marks = json.loads(trace.read_text())
    docs = len(list(src.glob("*.rst")))
    phases = [phase for _, phase, _ in marks]
    assert phases == [
        "setup",
        "read",
        *(f"read {n}" for n in range(1, docs + 1)),
        "read done",
        *(f"resolved {n}" for n in range(1, docs + 1)),
        "finished",
    ]
    peaks = [sizes["VmHWM"] for _, _, sizes in marks]
    assert peaks == sorted(peaks)
    assert all(0 < s["VmRSS"] <= s["VmHWM"] and s["blocks"] > 0 for _, _, s in marks)
    assert peaks[-1] <= result.peak_rss_mib + 1
    table = compare(marks, marks)
    assert len(table) == len(marks) + 1 and table[-1].endswith("+0")


@pytest.mark.sphinx("html", testroot="badrefs", freshenv=True)
def test_new_warnings_are_checked_against_anchors_and_signatures(app):
    from proxydoc_bench.analyse import warning_lines
    from proxydoc_bench.classify import DOC_ERROR, HIDDEN, UNEXPLAINED, classify

    app.build()
    pages = read_site(Path(app.outdir))
    plain = strip_ansi(app._warning.getvalue())
    paramref = [w for w in warning_lines(plain) if "[proxydoc.paramref]" in w]
    assert any("tiemout" in w for w in paramref)
    # This build's own ids stand for the anchor build: its broken references
    # have no id there either.
    assert classify(paramref, pages, "")["by_cause"][HIDDEN] == len(paramref)
    # A parameter the build does link stands for one the anchor build linked.
    documented = next(
        h.rpartition("#")[2] for p in pages.values() for h in p.links if ".params." in h
    )
    owner, _, name = documented.rpartition(".params.")
    linked = f"x.rst:1: WARNING: {owner} has no documented parameter '{name}' [proxydoc.paramref]"
    kw = "docstring of json.dumps:3: WARNING: dumps documents parameter 'nope', which its signature does not have [proxydoc.param]"
    lacks = "docstring of os.path.join:3: WARNING: join documents parameter 'nope', which its signature does not have [proxydoc.param]"
    result = classify([linked, kw, lacks], pages, "")
    assert result["by_cause"] == {HIDDEN: 0, DOC_ERROR: 1, UNEXPLAINED: 2}
    assert result["unexplained_examples"] == [linked, kw]


def test_references_into_other_projects_are_told_apart() -> None:
    from proxydoc_bench.classify import HIDDEN, OTHER_PROJECT, UNEXPLAINED, classify

    real = "x.rst:1: WARNING: unknown object 'json.dumps' in :paramref: '~json.dumps.indent' [proxydoc.paramref]"
    typo = "x.rst:2: WARNING: unknown object 'json.dumps' in :paramref: '~json.dumps.indnet' [proxydoc.paramref]"
    # Without other projects the causes are the three of before.
    assert classify([real, typo], {}, "")["by_cause"] == {
        HIDDEN: 2,
        "documented parameter the code lacks": 0,
        UNEXPLAINED: 0,
    }
    # A parameter the other project's object has is a reference into its docs;
    # one it lacks is still an error.
    causes = classify([real, typo], {}, "", ("json",))["by_cause"]
    assert causes[OTHER_PROJECT] == 1 and causes[HIDDEN] == 1


ALEMBIC_LIKE_CONF = """
extensions = ["sphinx.ext.autodoc", "sphinx.ext.intersphinx", "changelog",
              "sphinx_paramlinks", "sphinx_copybutton"]
templates_path = ["_templates"]
html_static_path = ["_static"]
intersphinx_mapping = {"sqla": ("https://docs.sqlalchemy.org/en/latest/", None)}
project = "Alembic"
"""


@pytest.mark.parametrize(
    ("mode", "extensions"),
    [
        ("anchor", ["changelog", "sphinx_paramlinks", "sphinx_copybutton"]),
        ("proxydoc", ["changelog", "proxydoc", "sphinx_copybutton"]),
        (
            "bare",
            ["changelog", "sphinx_copybutton", "proxydoc_bench.plain_paramref"],
        ),
    ],
)
def test_alembic_conf_swaps_the_extension_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, extensions: list[str]
) -> None:
    import runpy

    (tmp_path / "conf.py").write_text(ALEMBIC_LIKE_CONF, "utf-8")
    monkeypatch.setenv("PROXYDOC_BENCH_ALEMBIC_DOC", str(tmp_path))
    monkeypatch.setenv("PROXYDOC_BENCH_MODE", mode)
    monkeypatch.delenv("PROXYDOC_BENCH_ALEMBIC_SQLA_INV", raising=False)
    conf = runpy.run_path(
        str(BENCH_LIB / "proxydoc_bench" / "alembic_conf" / "conf.py")
    )
    assert conf["extensions"] == [
        "proxydoc_bench.timing_ext",
        "sphinx.ext.autodoc",
        "sphinx.ext.intersphinx",
        *extensions,
    ]
    # Offline in every mode; the project's folders found from the conf folder.
    assert conf["intersphinx_mapping"] == {}
    assert conf["templates_path"] == [str(tmp_path / "_templates")]
    assert conf["html_static_path"] == [str(tmp_path / "_static")]
    assert conf["project"] == "Alembic"


def test_pycode_leak_extension_releases_pages(make_app, tmp_path: Path) -> None:
    """Sphinx caches a module it cannot analyse as the error it raised and
    raises it again for each later caller: its traceback keeps their frames,
    and the pages they were reading, alive.  The bench extension drops it."""
    from sphinx.errors import PycodeError
    from sphinx.pycode import ModuleAnalyzer

    (tmp_path / "leaky_mod.py").write_text(
        '"""M."""\n\n\nclass Plain:\n    """A class with object\'s __init__."""\n'
    )
    for page in ("one", "two"):
        (tmp_path / f"{page}.rst").write_text(
            f"{page}\n===\n\n.. autoclass:: leaky_mod.Plain\n   :no-index:\n"
        )
    (tmp_path / "index.rst").write_text("I\n=\n\n.. toctree::\n\n   one\n   two\n")
    conf = "import sys; sys.path.insert(0, {!r})\nextensions = {!r}\n"

    def cached_error(extensions: list[str]) -> PycodeError:
        ModuleAnalyzer.cache.pop(("module", "builtins"), None)
        (tmp_path / "conf.py").write_text(conf.format(str(tmp_path), extensions))
        make_app("html", srcdir=tmp_path, freshenv=True).build()
        error = ModuleAnalyzer.cache[("module", "builtins")]
        assert isinstance(error, PycodeError)
        return error

    leaky = cached_error(["sphinx.ext.autodoc"])
    raises, tb = 0, leaky.__traceback__
    while tb is not None:
        raises += tb.tb_frame.f_code.co_name == "for_module"
        tb = tb.tb_next
    assert raises >= 2  # one raise per caller, each caller's frames kept
    fixed = cached_error(["sphinx.ext.autodoc", "proxydoc_bench.pycode_leak"])
    assert fixed.__traceback__ is None
