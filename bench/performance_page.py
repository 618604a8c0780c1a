"""Render ``docs/performance.rst`` from ``bench/results/*.json``.

Usage: ``python bench/performance_page.py`` after ``make bench``; it prints the
page when given ``-`` and writes ``docs/performance.rst`` otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from proxydoc_bench.report import pct, table

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
MODES = ("bare", "anchor", "proxydoc")

INTRO = """\
Performance
===========

SQLAlchemy's and Alembic's real documentation, each built as the project
builds it and with proxydoc in place of ``sphinx_paramlinks`` (and, for
SQLAlchemy, of zzzeeksphinx's module prefixes), dogpile.cache's and Mako's
as a drop-in, plus a generated project to show how the cost grows.  Every
number on this page comes from::

    make bench                      # runs bench/bench_*.py, writes bench/results/*.json
    .venv-bench/bin/python bench/performance_page.py   # writes this page

The three SQLAlchemy builds use the same Sphinx and the same ``conf.py``
(SQLAlchemy's own, run unchanged and then adjusted per mode by
``bench/sqla_conf/conf.py``):

anchor
    as SQLAlchemy builds: zzzeeksphinx and sphinx_paramlinks from PyPI.
proxydoc
    ``sphinx_paramlinks`` replaced by ``proxydoc``; the module prefixes handed
    from zzzeeksphinx to proxydoc.  Theme, changelog and all other directives
    unchanged.
bare
    neither extension's reference features: no paramlinks, no prefixes,
    ``:paramref:`` rendered as plain code.  The lower bound of build cost.

Whole-build wall times drift by up to a quarter on these shared 2-core
machines, so the bench also measures, from inside each build, the time spent
in the extensions' own code: a bench-only extension loaded first wraps the
measured modules' event listeners, transforms, post-transforms and the methods
of their domain and role classes with timers (exclusive time; a ``super()``
call from proxydoc's domain into the Python domain it extends is not charged,
nor are Sphinx's own role entry points that proxydoc's prefix wrapper calls:
the bare build does that work too).  The timers' own cost, per call and per
call into such base code, is calibrated in each build and subtracted.  That
share of the build is the figure noise cannot hide.
"""


def load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def environment(data: dict[str, Any]) -> str:
    env = data["environment"]
    packages = ", ".join(f"{k} {v}" for k, v in env["packages"].items() if v)
    return (
        f"Measured {env['date']} at commit {env.get('commit') or '?'} "
        f"on Python {env['python']}, {env['cpus']} CPUs; "
        f"{packages}.  Command: ``{data['command']}``.\n"
    )


def sqlalchemy_section(data: dict[str, Any]) -> str:
    summary, found = data["summary"], data["links"]
    runs = len(data["runs"]["bare"])
    rows = []
    for mode in MODES:
        s, f, frac = summary[mode], found[mode], summary[mode]["in_build_fraction"]
        own = {"proxydoc": frac["proxydoc"], "anchor": frac["sphinx_paramlinks"]}.get(
            mode
        )
        refs = (
            None
            if mode == "bare"
            else (own or 0) + (frac["zzzeeksphinx refs"] if mode == "anchor" else 0)
        )
        rows.append([
            mode, f"{s['wall_seconds']:.0f} s", f"{s['wall_ratio']:.3f}",
            f"{s['peak_rss_mib']:.0f} MiB", f"{s['rss_ratio']:.3f}", pct(refs),
            pct(frac["zzzeeksphinx"]), sum(s["warnings"].values()),
            f["paramref_links"], f["broken_links"], f["paramref_unresolved"],
            f["params_ids"], f["anchor_params_ids_lost"],
            f.get("anchor_links_lost", "-"), f.get("anchor_internal_links_lost", "-"),
        ])  # fmt: skip
    out = [
        "SQLAlchemy 2.1.9\n----------------\n",
        environment(data),
        f"\nMedians of {runs} runs per mode, interleaved.  *reference code* is the "
        "share of the build spent in the parameter-link and prefix code: "
        "proxydoc's for proxydoc, sphinx_paramlinks' plus zzzeeksphinx's "
        "``render_pydomains`` for anchor.  *zzzeeksphinx* is all of its code "
        "(autodoc tweaks, theme helpers, prefixes).\n\n",
        table(
            [
                "mode",
                "wall",
                "/ bare",
                "peak RSS",
                "/ bare",
                "reference code",
                "zzzeeksphinx",
                "warnings",
                "paramref links",
                "broken",
                "unresolved",
                ".params. ids",
                "anchor ids lost",
                "links lost",
                "xrefs lost",
            ],
            rows,
        ),
        "\n\n*broken*: a link whose page or anchor does not exist.  *unresolved*: "
        "a ``:paramref:`` rendered without a link.  *anchor ids lost*: "
        "``page#id`` pairs with ``.params.`` of the anchor build that the build "
        "lacks (links on the web that would break).  *links lost*: paramref links "
        "that land in the anchor build and are not links to the same place in "
        "the build.  *xrefs lost*: the same for every internal link (any role, "
        "signatures, toctrees) outside the proxy notes, whose links differ by "
        "design: the ``class_bases`` container links the two classes, "
        "proxydoc's note the proxied member and the facade.\n",
    ]
    return "".join(out)


def warnings_section(data: dict[str, Any], name: str = "sqlalchemy") -> str:
    summary = data["summary"]
    kinds = sorted({k for m in MODES for k in summary[m]["warnings"]})
    rows = [[k, *(summary[m]["warnings"].get(k, 0) for m in MODES)] for k in kinds]
    extra = data["warnings_not_in_anchor"]["proxydoc"]
    text = [
        "\nWarnings by kind (first run of each mode):\n\n",
        table(["kind", *MODES], rows),
    ]
    text.append(
        f"\n\nThe proxydoc build gives {len(extra)} warning line(s) the anchor "
        f"build does not; each is listed in ``bench/results/{name}.json`` "
        "under ``warnings_not_in_anchor``.\n"
    )
    checked = data.get("new_warnings_checked")
    if checked:
        text += [
            "\nEach of them is checked by the bench (``bench/lib/proxydoc_bench/"
            "classify.py``): a ``proxydoc.paramref`` warning is a *broken "
            "reference the anchor build hid* when the anchor build has no "
            "``Owner.params.name`` id for it either (it linked to a missing "
            "anchor or printed plain text); a ``proxydoc.param`` warning is a "
            "*documented parameter the code lacks* when ``inspect.signature`` of "
            "the imported object has no such parameter and no ``**kwargs``.  "
            "Anything else counts as unexplained.\n\n",
            table(["cause", "warnings"], list(checked["by_cause"].items())),
            "\n",
        ]
    return "".join(text)


def alembic_section(data: dict[str, Any]) -> str:
    """Alembic's three builds: cost, parameter links and ids, new warnings."""
    summary, found = data["summary"], data["links"]
    runs = len(data["runs"]["bare"])
    rows = []
    for mode in MODES:
        s, f, frac = summary[mode], found[mode], summary[mode]["in_build_fraction"]
        own = {"proxydoc": frac["proxydoc"], "anchor": frac["sphinx_paramlinks"]}
        rows.append([
            mode, f"{s['wall_seconds']:.1f} s", f"{s['wall_ratio']:.3f}",
            f"{s['peak_rss_mib']:.0f} MiB", f"{s['rss_ratio']:.3f}",
            pct(own.get(mode)), sum(s["warnings"].values()), f["paramref_links"],
            f["broken_links"], f["paramref_unresolved"], f["params_ids"],
            f["anchor_params_ids_lost"], f["anchor_links_lost"],
            f["anchor_internal_links_lost"],
        ])  # fmt: skip
    return "".join([
        "Alembic 1.20.1\n--------------\n",
        environment(data),
        "\nAlembic's own ``docs/build/conf.py``, adjusted per mode by "
        "``bench/lib/proxydoc_bench/alembic_conf/conf.py``: *anchor* as Alembic "
        "builds (``sphinx_paramlinks``); *proxydoc* with ``sphinx_paramlinks`` "
        "replaced by ``proxydoc`` in the same place of ``extensions``, nothing "
        "else; *bare* with no parameter links.  Alembic has no module prefixes "
        "and no zzzeeksphinx.  The builds run offline: ``intersphinx_mapping`` "
        "is emptied in all three modes, so links into SQLAlchemy's and Python's "
        "docs resolve in none of them.  Theme (sphinx-book-theme), changelog "
        f"and copy button as shipped.  Medians of {runs} runs per mode, "
        "interleaved; *parameter-link code* is the share of the build spent in "
        "proxydoc's code or in sphinx_paramlinks'.  Columns as for SQLAlchemy.\n\n",
        table(["mode", "wall", "/ bare", "peak RSS", "/ bare",
               "parameter-link code", "warnings", "paramref links", "broken",
               "unresolved", ".params. ids", "anchor ids lost", "links lost",
               "xrefs lost"], rows),
        "\n",
    ])  # fmt: skip


def other_project_note(data: dict[str, Any]) -> str:
    """What the extra cause of Alembic's checked warnings means."""
    causes = data.get("new_warnings_checked", {}).get("by_cause", {})
    if not any("another project" in c for c in causes):
        return ""
    return (
        "\nA ``proxydoc.paramref`` warning whose target is an object of "
        "SQLAlchemy whose signature has that parameter (``inspect.signature`` of "
        "the installed SQLAlchemy 2.1.9) is a *reference into another project's "
        "docs*: right as written, unresolved only because the bench builds "
        "offline.  The anchor build printed those as plain text.\n"
    )


DROPIN_MODES = ("anchor", "proxydoc")


def dropin_section(data: dict[str, Any]) -> str:
    """dogpile.cache's and Mako's docs as shipped and migrated: one table of cost,
    ids and links, one of warnings by kind, and what moved in ``objects.inv``."""
    projects = dict(sorted(data["projects"].items(), key=lambda i: i[0].lower()))
    runs = min(len(p["runs"]["anchor"]) for p in projects.values())
    rows, kinds_rows, checked_rows = [], [], []
    for name, p in projects.items():
        s, f, ids = p["summary"], p["links"], p["ids"]
        for mode in DROPIN_MODES:
            m, links = s[mode], f[mode]
            frac = m["in_build_fraction"]
            own = frac["proxydoc"] if mode == "proxydoc" else frac["sphinx_paramlinks"]
            rows.append([
                name, mode, f"{m['wall_seconds']:.1f} s", f"{m['cpu_seconds']:.1f} s",
                f"{m['cpu_ratio']:.3f}", f"{m['peak_rss_mib']:.0f} MiB",
                f"{m['rss_ratio']:.3f}", pct(own), links["internal_links"],
                links["anchor_internal_links_lost"], links["paramref_links"],
                links["anchor_links_lost"], links["paramref_unresolved"],
                links["broken_links"],
                links["params_ids"], links["anchor_params_ids_lost"],
                ids["anchor_ids"] if mode == "anchor" else ids["lost"],
            ])  # fmt: skip
        kinds = sorted({k for m in DROPIN_MODES for k in s[m]["warnings"]})
        kinds_rows += [
            [name, k, *(s[m]["warnings"].get(k, 0) for m in DROPIN_MODES)]
            for k in kinds
        ]
        checked = p["new_warnings_checked"]
        causes = ", ".join(f"{c}: {n}" for c, n in checked["by_cause"].items() if n)
        inv = p["inventory"]
        moved = "; ".join(f"{k} ({n})" for k, n in inv["moved_pages"].items())
        checked_rows.append([
            name, len(p["warnings_not_in_anchor"]), checked["true"],
            checked["false"], causes or "-", len(p["warnings_only_in_anchor"]),
            f"{inv['anchor_entries']} / {inv['proxydoc_entries']}", inv["lost"],
            inv["added"], f"{inv['moved']}" + (f": {moved}" if moved else ""),
        ])  # fmt: skip
    return "".join([
        "Drop-in: dogpile.cache 1.5.0 and Mako 1.4.3\n"
        "-------------------------------------------\n",
        environment(data),
        "\nTwo more projects that use sphinx-paramlinks today, each built from "
        "its sdist by its own ``conf.py``, adjusted per mode by "
        "``bench/lib/proxydoc_bench/dropin_conf/conf.py``: *anchor* as shipped "
        "(``sphinx_paramlinks``), *proxydoc* with only ``\"sphinx_paramlinks\"`` "
        "replaced by ``\"proxydoc\"`` in ``extensions``.  Mako also loads "
        "zzzeeksphinx, with no module prefix table: it needs nothing else.  "
        "The builds run offline: ``intersphinx_mapping`` is emptied in both "
        "modes (dogpile.cache maps Python's docs, Mako none).  Medians of "
        f"{runs} interleaved runs per mode; ratios are to the anchor build; "
        "*paramref ext* is the share of the build spent in proxydoc's code or "
        "in sphinx_paramlinks'; *lost* counts what the anchor build had and the "
        "proxydoc build lacks; *ids* is every id of the anchor build's pages, "
        "and in the proxydoc row how many of them are missing.  The wall times "
        "of builds this short follow the machine's load; CPU time moves far "
        "less.\n\n",
        table(["project", "mode", "wall", "CPU", "/ anchor", "peak RSS",
               "/ anchor", "paramref ext", "internal links", "lost",
               "paramref links", "lost", "unresolved", "broken", ".params. ids", "lost",
               "ids"],
              rows),
        "\n\nWarnings by kind (first run of each mode):\n\n",
        table(["project", "kind", *DROPIN_MODES], kinds_rows),
        "\n\nThe warnings the proxydoc build adds, each checked as for SQLAlchemy "
        "(*true*: a broken reference the anchor build hid, or a documented "
        "parameter the code lacks; *false*: unexplained), the ones it no "
        "longer gives, and ``objects.inv`` (entries in each build, lost, "
        "added, moved to another page):\n\n",
        table(["project", "new", "true", "false", "causes", "gone",
               "objects.inv", "lost", "added", "moved"], checked_rows),
        "\n\nEvery line is in ``bench/results/dropin.json``.",
        _inventory_note(projects),
        "  The moved entries are parameters of methods that "
        "dogpile.cache's ``usage.rst`` repeats with ``:noindex:``: "
        "sphinx-paramlinks listed the copy read last, proxydoc lists the "
        "indexed original, on the page of its method's own entry "
        "(:doc:`reference/anchors`).\n",
    ])  # fmt: skip


def _inventory_note(projects: dict[str, Any]) -> str:
    """The ``objects.inv`` entries lost and added, named when there are few."""
    named = []
    for name, p in projects.items():
        found = [
            ("ids lost", p["ids"]["lost"], p["ids"]["lost_examples"]),
            *(
                (f"objects.inv entries {what}", p["inventory"][what],
                 p["inventory"][f"{what}_examples"])
                for what in ("lost", "added")
            ),
        ]  # fmt: skip
        for what, count, examples in found:
            if count:
                shown = ", ".join(f"``{e}``" for e in examples[:2])
                more = f" and {count - 2} more" if count > 2 else ""
                named.append(f"{name}'s {what}: {shown}{more}")
    return ("  " + "; ".join(named) + ".") if named else ""


def source_checks_section(data: dict[str, Any]) -> str:
    """Rows measured on the sdist's source besides the builds, if any."""
    checks = data.get("source_checks")
    if not checks:
        return ""
    columns = list(checks[0])
    rows = [[row[c] for c in columns] for row in checks]
    return "\nChecks on the sdist's source:\n\n" + table(columns, rows) + "\n"


def parallel_section(data: dict[str, Any]) -> str:
    p = data.get("parallel")
    if not p:
        return ""
    same = "same" if p["same"] else "DIFFERENT"
    return (
        "\nParallel build (proxydoc, ``-j 1`` against ``-j 2``, one run each):\n\n"
        + table(["-j 1", "-j 2", "speed-up", "-j 2 peak RSS", "ids, links, warnings"],
                [[f"{p['j1_seconds']:.0f} s", f"{p['j2_seconds']:.0f} s",
                  f"{p['speedup']:.2f}", f"{p['j2_peak_rss_mib']:.0f} MiB", same]])
        + "\n"
    )  # fmt: skip


SCALE_COLUMNS = ["N", "mode", "wall", "/ bare", "CPU", "/ bare", "peak RSS",
                 "/ bare", "KiB / param", "GC", "own code", "links",
                 "broken"]  # fmt: skip


def scale_rows(data: dict[str, Any], source: str) -> list[list[Any]]:
    """One line per size and mode of *source*."""
    rows = []
    for size in data["sizes"]:
        if size["source"] != source:
            continue
        for mode, s in size["modes"].items():
            own = s["in_build_fraction"].get(
                "sphinx_paramlinks" if mode == "paramlinks" else "proxydoc"
            )
            rows.append([
                size["n"], mode, f"{s['seconds']:.0f} s", f"{s['time_ratio']:.3f}",
                f"{s['cpu_seconds']:.0f} s", f"{s['cpu_ratio']:.3f}",
                f"{s['rss_mib']:.0f} MiB", f"{s['rss_ratio']:.3f}",
                "-" if mode == "bare" else f"{s['kib_per_param']:.2f}",
                f"{s['gc_seconds']:.0f} s", "-" if mode == "bare" else pct(own),
                s["paramref_links"], s["broken_links"],
            ])  # fmt: skip
    return rows


FEATURES = ("proxydoc anchors", "proxydoc domain", "proxydoc signature links",
            "proxydoc output")  # fmt: skip
OUTPUTS = ("genindex.html", "searchindex.js", "objects.inv")


def feature_rows(data: dict[str, Any], source: str) -> list[list[Any]]:
    """proxydoc's share of the build by feature, per size, for *source*."""
    rows = []
    for size in data["sizes"]:
        for mode, s in size["modes"].items():
            if size["source"] == source and mode.startswith("proxydoc"):
                share = s["in_build_fraction"]
                rows.append([size["n"], mode, pct(share["proxydoc"]),
                             *(pct(share.get(f)) for f in FEATURES)])  # fmt: skip
    return rows


def output_rows(data: dict[str, Any]) -> list[list[Any]]:
    """What each mode wrote at the largest size of the autodoc source."""
    sizes = [s for s in data["sizes"] if s["source"] == "autodoc"]
    if not sizes:
        return []
    largest = max(sizes, key=lambda s: s["n"])
    return [
        [
            largest["n"],
            mode,
            *(f"{s['output_bytes'][name] / 1024:.0f} KiB" for name in OUTPUTS),
        ]
        for mode, s in largest["modes"].items()
    ]


def scale_section(data: dict[str, Any]) -> str:
    runs = len(data["sizes"][0]["runs"]["bare"])
    parts = [
        "\nScale\n-----\n\n",
        environment(data),
        "\nA generated project: N documented functions and methods (half "
        "module functions, half methods of classes), 8 documented parameters "
        "each, one ``:paramref:`` per object into the next module (functions by "
        "full name, methods by ``.Class.method.param``, which is searched by "
        "suffix): a worst case, as the objects hold nothing but parameters.  "
        "The *autodoc* source documents a generated package with "
        "``autofunction`` and ``autoclass``, as SQLAlchemy does; the *rst* source "
        "writes the same ``py:`` directives out (the project recorded before; "
        "sphinx-paramlinks reads only autodoc docstrings, so it has no paramlinks "
        "build).  Modes: *bare* (``:paramref:`` as plain code), *paramlinks* "
        "(sphinx-paramlinks, configured as SQLAlchemy's docs), *proxydoc* "
        "(defaults), *proxydoc-before* (the code before the latest change, "
        "built in the same run: see the notes), *proxydoc-lean* "
        "(``proxydoc_param_index``, ``proxydoc_param_search`` and "
        "``proxydoc_signature_links`` off).  "
        f"Medians of {runs} run(s) per mode, interleaved.  *CPU* is the build's "
        "user plus system time, far steadier than its wall time on this shared "
        "machine; *KiB / param* the peak RSS above bare per documented "
        "parameter; *GC* the garbage collector's time inside the build; *own "
        "code* the share of the build spent in the mode's parameter-link "
        "code.\n",
    ]
    for source in ("autodoc", "rst"):
        rows = scale_rows(data, source)
        if rows:
            parts += [f"\nSource *{source}*:\n\n", table(SCALE_COLUMNS, rows), "\n"]
    features = feature_rows(data, "autodoc")
    if features:
        parts += [
            "\nproxydoc's share of the build by feature (autodoc source; "
            "*anchors* includes finding the parameter items and their synopses, "
            "*domain* the inventory and search objects and ``:paramref:`` "
            "resolution, *output* the write-time self-links):\n\n",
            table(
                [
                    "N",
                    "mode",
                    "proxydoc",
                    "anchors",
                    "domain",
                    "signature links",
                    "output",
                ],
                features,
            ),
            "\n",
        ]
    outputs = output_rows(data)
    if outputs:
        parts += [
            "\nWhat the parameters add to the files every build writes:\n\n",
            table(
                ["N", "mode", "genindex.html", "searchindex.js", "objects.inv"], outputs
            ),
            "\n",
        ]
    return "".join(parts)


def scale_targets(scale: dict[str, Any]) -> list[list[Any]]:
    """Issue 15's targets at the largest size of the autodoc source."""
    sizes = sizes_of(scale, "autodoc")
    if not sizes:
        return []
    largest = sizes[-1]["modes"]
    links = largest.get("paramlinks")
    n = sizes[-1]["n"]
    shares = [s["modes"]["proxydoc"]["in_build_fraction"]["proxydoc"] or 0.0
              for s in sizes]  # fmt: skip
    rows = []
    for mode in ("proxydoc", "proxydoc-lean"):
        prox = largest.get(mode)
        if prox is None:
            continue
        rows += within_bare(f"scale N={n}, {mode}", prox, (CPU, WALL, RSS))
        if links:
            rows += [
                [f"scale N={n}, {mode}: CPU time below paramlinks",
                 f"{prox['cpu_ratio']:.3f} / {links['cpu_ratio']:.3f}",
                 verdict(prox["cpu_ratio"] < links["cpu_ratio"])],
                [f"scale N={n}, {mode}: peak RSS below paramlinks",
                 f"{prox['rss_ratio']:.3f} / {links['rss_ratio']:.3f}",
                 verdict(prox["rss_ratio"] < links["rss_ratio"])],
            ]  # fmt: skip
    flat = max(shares) <= 2 * min(shares) if min(shares) > 0 else False
    rows.append(["scale: share growing no faster than N",
                 " / ".join(pct(f) for f in shares), verdict(flat)])  # fmt: skip
    return rows + rst_targets(scale)


def sizes_of(scale: dict[str, Any], source: str) -> list[dict[str, Any]]:
    """The sizes measured on *source*, smallest first."""
    return sorted(
        (s for s in scale["sizes"] if s["source"] == source), key=lambda s: s["n"]
    )


def rst_targets(scale: dict[str, Any]) -> list[list[Any]]:
    """The time and memory targets on the rst source (``py:`` directives)."""
    sizes = sizes_of(scale, "rst")
    prox = sizes[-1]["modes"].get("proxydoc") if sizes else None
    if prox is None:
        return []
    label = f"scale N={sizes[-1]['n']} rst source, proxydoc"
    return within_bare(label, prox, (CPU, RSS))


#: The scale targets' ratios to bare: (key in the results, what it measures).
CPU = ("cpu_ratio", "CPU time")
WALL = ("time_ratio", "wall time")
RSS = ("rss_ratio", "peak RSS")


def within_bare(
    label: str, mode: dict[str, Any], ratios: tuple[tuple[str, str], ...]
) -> list[list[Any]]:
    """The rows "*label*: <what> <= 1.05 x bare" for each of *ratios*."""
    return [
        [f"{label}: {what} <= 1.05 x bare", f"{mode[key]:.3f}",
         verdict(mode[key] <= 1.05)]
        for key, what in ratios
    ]  # fmt: skip


def notes_measured(found: dict[str, Any]) -> str:
    """Proxy notes missing and note links broken, of the notes written."""
    if "proxy_notes" not in found:
        return "-"
    return (
        f"{found['anchor_proxy_notes_missing']} missing, "
        f"{found['proxy_note_links_broken']} links broken, "
        f"{found['proxy_notes']} notes"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def targets_section(sqla: dict[str, Any], scale: dict[str, Any] | None) -> str:
    """The targets of issue 6 against the numbers above."""
    prox, found = sqla["summary"]["proxydoc"], sqla["links"]["proxydoc"]
    own = prox["in_build_fraction"]["proxydoc"] or 0.0
    anchor_frac = sqla["summary"]["anchor"]["in_build_fraction"]
    anchor_own = (anchor_frac["sphinx_paramlinks"] or 0) + (
        anchor_frac["zzzeeksphinx refs"] or 0
    )
    extra = sqla["warnings_not_in_anchor"]["proxydoc"]
    causes = sqla.get("new_warnings_checked", {}).get("by_cause")
    rows = [
        ["proxydoc's code <= 1 % of the build", pct(own), verdict(own <= 0.01)],
        ["(anchor: paramlinks + zzzeeksphinx refs)", pct(anchor_own), ""],
        ["peak RSS within 3 % of bare", f"{prox['rss_ratio']:.3f}",
         verdict(prox["rss_ratio"] <= 1.03)],
        ["zero broken paramref links", found["broken_links"],
         verdict(found["broken_links"] == 0)],
        ["no .params. id of the anchor build lost", found["anchor_params_ids_lost"],
         verdict(found["anchor_params_ids_lost"] == 0)],
        ["no paramref link of the anchor build lost",
         found.get("anchor_links_lost", "-"),
         verdict(found.get("anchor_links_lost", 1) == 0)],
        ["no other internal link of the anchor build lost (outside proxy notes)",
         found.get("anchor_internal_links_lost", "-"),
         verdict(found.get("anchor_internal_links_lost", 1) == 0)],
        ["every proxy note of the anchor build kept, its links landing",
         notes_measured(found),
         verdict(found.get("anchor_proxy_notes_missing", 1) == 0
                 and found.get("proxy_note_links_broken", 1) == 0)],
        ["new warnings only for true errors the anchor build hid",
         ", ".join(f"{n} {c}" for c, n in causes.items()) if causes
         else f"{len(extra)} new, not checked",
         verdict(bool(causes) and causes.get("unexplained", 1) == 0)],
    ]  # fmt: skip
    if scale:
        rows += scale_targets(scale)
    if sqla.get("parallel"):
        par = sqla["parallel"]
        differ = len(par["pages_with_different_ids"]) + len(
            par["pages_with_different_links"]
        )
        measured = (
            f"{differ} pages differ, "
            f"{len(par['warnings_only_j1']) + len(par['warnings_only_j2'])} warnings "
            f"differ; speed-up {par['speedup']:.2f}"
        )
        rows.append(["-j 2 gives the same ids, links, warnings", measured,
                     verdict(par["same"])])  # fmt: skip
    return "\nTargets\n-------\n\n" + table(["target", "measured", ""], rows) + "\n"


def page() -> str:
    parts = [INTRO]
    sqla = load("sqlalchemy")
    if sqla:
        parts += [
            "\n",
            sqlalchemy_section(sqla),
            warnings_section(sqla),
            parallel_section(sqla),
        ]
    alembic = load("alembic")
    if alembic:
        parts += [
            "\n",
            alembic_section(alembic),
            warnings_section(alembic, "alembic"),
            other_project_note(alembic),
            source_checks_section(alembic),
            parallel_section(alembic),
        ]
    dropin = load("dropin")
    if dropin:
        parts += ["\n", dropin_section(dropin)]
    scale = load("scale")
    if scale:
        parts.append(scale_section(scale))
    if sqla:
        parts.append(targets_section(sqla, scale))
    extra = ROOT / "bench" / "performance-notes.rst"
    if extra.exists():
        parts += ["\n", extra.read_text()]
    return "".join(parts)


def main(argv: list[str]) -> int:
    text = page()
    if argv[:1] == ["-"]:
        print(text)
    else:
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "performance.rst").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
