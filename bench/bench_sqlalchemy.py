"""SQLAlchemy 2.1.9's real documentation built three ways: anchor, proxydoc and bare.

Writes ``bench/results/sqlalchemy.json`` and prints a table.  Run through
``make bench`` (which installs the ``bench`` extra into ``.venv-bench``) or as
``python bench/bench_sqlalchemy.py [--runs N] [--no-parallel]``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from proxydoc_bench.analyse import (
    Page,
    broken_note_links,
    check_site,
    lost_links,
    missing_notes,
    read_site,
    warning_lines,
)
from proxydoc_bench.build import (
    BuildResult,
    as_json,
    cache_dir,
    from_json,
    sphinx_build,
    summarise_modes,
)
from proxydoc_bench.classify import classify
from proxydoc_bench.report import environment, pct, table, write_results

VERSION = "2.1.9"
HERE = Path(__file__).resolve().parent
MODES = ("bare", "anchor", "proxydoc")
#: Module groups whose in-build time is reported, per mode.
GROUPS = {
    "proxydoc": ("proxydoc",),
    "sphinx_paramlinks": ("sphinx_paramlinks",),
    "zzzeeksphinx": ("zzzeeksphinx",),
    # zzzeeksphinx's reference features: prefixes and link titles, and the
    # handler that turns links to undocumented base classes into plain text.
    "zzzeeksphinx refs": (
        "zzzeeksphinx.render_pydomains",
        "zzzeeksphinx.autodoc_mods:missing_reference",
    ),
    # proxydoc's reader features (issue 14), each a share of the whole build
    "proxydoc signature links": ("proxydoc.params._siglinks",),
    "proxydoc synopses": ("proxydoc.params._synopsis",),
    "proxydoc backlinks": ("proxydoc.params._backlinks",),
}

_SIGLINK = re.compile(r'<a class="[^"]*\bproxydoc-siglink\b')
_SYNOPSIS = re.compile(r'title="[^"]*\u2014 parameter')
_BACKLINKS = re.compile(r'<p class="proxydoc-backlinks">(.*?)</p>', re.DOTALL)


def reader_features(outdir: Path) -> dict[str, int]:
    """How many signature links, links titled with a synopsis and backlinks
    (and pages holding backlinks) a build's HTML has."""
    counts = {"signature_links": 0, "links_with_synopsis": 0, "backlinks": 0}
    counts["parameters_with_backlinks"] = 0
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        counts["signature_links"] += len(_SIGLINK.findall(text))
        counts["links_with_synopsis"] += len(_SYNOPSIS.findall(text))
        for para in _BACKLINKS.findall(text):
            counts["parameters_with_backlinks"] += 1
            counts["backlinks"] += para.count("<a ")
    return counts


def fetch_docs() -> Path:
    """SQLAlchemy's ``doc/build`` from the sdist, downloaded once into the cache."""
    cache = cache_dir()
    tree = cache / f"sqlalchemy-{VERSION}"
    if (tree / "doc" / "build" / "conf.py").exists():
        return tree / "doc" / "build"
    sdist = cache / f"sqlalchemy-{VERSION}.tar.gz"
    if not sdist.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", "sqlalchemy", "-d", str(cache), f"sqlalchemy=={VERSION}"],
            check=True,
        )  # fmt: skip
    with tarfile.open(sdist) as archive:
        archive.extractall(cache, filter="data")
    return tree / "doc" / "build"


def build(mode: str, docs: Path, run: int, jobs: int = 1) -> BuildResult:
    """One fresh build of SQLAlchemy's docs in *mode*."""
    workdir = cache_dir() / "work" / "sqlalchemy" / f"{mode}-j{jobs}-{run}"
    env = {"PROXYDOC_BENCH_SQLA_DOC": str(docs)}
    result = sphinx_build(mode, docs, HERE / "sqla_conf", workdir, env, jobs)
    status = "ok" if result.returncode == 0 else f"FAILED rc={result.returncode}"
    print(
        f"  {mode:9} -j{jobs} run {run}: {result.wall_seconds:7.1f} s "
        f"{result.peak_rss_mib:7.0f} MiB  {status}",
        flush=True,
    )
    return result


def links(pages: dict[str, dict[str, Page]]) -> dict[str, Any]:
    """Paramref links, broken ones and lost ``.params.`` ids, from each first run."""
    sites = {m: check_site(p) for m, p in pages.items()}
    anchor_ids = sites["anchor"].params_ids
    found: dict[str, Any] = {}
    for mode, site in sites.items():
        lost = sorted(anchor_ids - site.params_ids)
        links_lost = lost_links(pages["anchor"], pages[mode])
        internal_lost = lost_links(pages["anchor"], pages[mode], "internal")
        found[mode] = {
            "internal_links": sum(len(p.internal) for p in pages[mode].values()),
            "anchor_internal_links_lost": sum(internal_lost.values()),
            "anchor_internal_links_lost_examples": sorted(
                f"{p} -> {t}#{f} (x{n})" for (p, t, f), n in internal_lost.items()
            )[:60],
            # proxy notes: links to the member (proxydoc) or to the classes
            # (the container as written), so not among the internal links above
            "proxy_notes": sum(p.notes for p in pages[mode].values()),
            "anchor_proxy_notes_missing": missing_notes(pages["anchor"], pages[mode]),
            "proxy_note_links_broken": broken_note_links(pages[mode]),
            "anchor_links_lost": sum(links_lost.values()),
            "anchor_links_lost_examples": sorted(
                f"{p} -> {t}#{f} (x{n})" for (p, t, f), n in links_lost.items()
            )[:40],
            "paramref_links": site.links,
            "paramref_unresolved": site.unresolved,
            "broken_links": len(site.broken),
            "broken_examples": sorted(site.broken)[:40],
            "params_ids": len(site.params_ids),
            "anchor_params_ids_lost": len(lost),
            "lost_examples": lost[:40],
        }
    return found


def without_machine_paths(line: str) -> str:
    """*line* with the cache and the repository shown as ``<cache>/`` and ``./``."""
    line = line.replace(str(cache_dir()) + "/", "<cache>/")
    return line.replace(str(HERE.parent) + "/", "./")


def new_warnings(by_mode: dict[str, list[BuildResult]], mode: str) -> list[str]:
    """Warning lines of *mode* that the anchor build did not give."""

    def lines(result: BuildResult) -> set[str]:
        text = (Path(result.outdir).parent / "warnings.txt").read_text(errors="replace")
        return set(warning_lines(text))

    new = lines(by_mode[mode][0]) - lines(by_mode["anchor"][0])
    return sorted(without_machine_paths(w) for w in new)


def compare_parallel(serial: BuildResult, parallel: BuildResult) -> dict[str, Any]:
    """Speed-up of ``-j 2`` and whether ids, links and warnings are the same."""
    one, two = read_site(Path(serial.outdir)), read_site(Path(parallel.outdir))
    ids_differ = sorted(
        p
        for p in one.keys() | two.keys()
        if p not in one or p not in two or one[p].ids != two[p].ids
    )
    links_differ = sorted(
        p
        for p in one.keys() & two.keys()
        if sorted(one[p].links) != sorted(two[p].links)
    )

    def warns(r: BuildResult) -> list[str]:
        text = (Path(r.outdir).parent / "warnings.txt").read_text(errors="replace")
        return warning_lines(text)

    w1, w2 = warns(serial), warns(parallel)
    return {
        "j1_seconds": serial.wall_seconds,
        "j2_seconds": parallel.wall_seconds,
        "speedup": serial.wall_seconds / parallel.wall_seconds,
        "j2_peak_rss_mib": parallel.peak_rss_mib,
        "pages_with_different_ids": ids_differ[:20],
        "pages_with_different_links": links_differ[:20],
        "warnings_only_j1": [
            without_machine_paths(w) for w in sorted(set(w1) - set(w2))[:20]
        ],
        "warnings_only_j2": [
            without_machine_paths(w) for w in sorted(set(w2) - set(w1))[:20]
        ],
        "same": not ids_differ and not links_differ and sorted(w1) == sorted(w2),
    }


def print_table(results: dict[str, Any]) -> None:
    """The results as the tables of ``docs/performance.rst``."""
    summary, found = results["summary"], results["links"]
    rows = []
    for mode in MODES:
        s, f = summary[mode], found[mode]
        frac = s["in_build_fraction"]
        own = (frac["proxydoc"] or 0) + (frac["sphinx_paramlinks"] or 0)
        rows.append([
            mode, f"{s['wall_seconds']:.0f} s", f"{s['wall_ratio']:.3f}",
            f"{s['peak_rss_mib']:.0f} MiB", f"{s['rss_ratio']:.3f}",
            pct(own if mode != "bare" else None), pct(frac["zzzeeksphinx"]),
            pct(frac["zzzeeksphinx refs"]), sum(s["warnings"].values()),
            f["paramref_links"], f["broken_links"], f["paramref_unresolved"],
            f["anchor_params_ids_lost"], f.get("anchor_links_lost", "-"),
            f.get("anchor_internal_links_lost", "-"),
        ])  # fmt: skip
    print(table(
        ["mode", "wall", "wall/bare", "peak RSS", "RSS/bare", "paramref ext",
         "zzzeeksphinx", "zzz prefixes", "warnings", "paramref links", "broken",
         "unresolved", "anchor ids lost", "links lost", "xrefs lost"],
        rows,
    ))  # fmt: skip
    features = results.get("reader_features")
    if features:
        shares = summary["proxydoc"]["in_build_fraction"]
        print(table(
            ["reader feature", "made", "share of build"],
            [["signature links", features["signature_links"],
              pct(shares.get("proxydoc signature links"))],
             ["links titled with a synopsis", features["links_with_synopsis"],
              pct(shares.get("proxydoc synopses"))],
             ["backlinks (parameters listing them)",
              f"{features['backlinks']} ({features['parameters_with_backlinks']})",
              pct(shares.get("proxydoc backlinks"))]],
        ))  # fmt: skip
    checked = results.get("new_warnings_checked")
    if checked:
        print(table(["proxydoc's warnings the anchor build lacks", "count"],
                    [[c, n] for c, n in checked["by_cause"].items()]))  # fmt: skip
    kinds = sorted({k for m in MODES for k in summary[m]["warnings"]})
    print(
        table(
            ["warning kind", *MODES],
            [[k, *(summary[m]["warnings"].get(k, 0) for m in MODES)] for k in kinds],
        )
    )
    if "parallel" in results:
        p = results["parallel"]
        print(table(
            ["proxydoc -j 1", "-j 2", "speed-up", "-j 2 peak RSS", "ids/links/warns"],
            [[f"{p['j1_seconds']:.0f} s", f"{p['j2_seconds']:.0f} s",
              f"{p['speedup']:.2f}", f"{p['j2_peak_rss_mib']:.0f} MiB",
              "same" if p["same"] else "DIFFER"]],
        ))  # fmt: skip


def analyse(
    by_mode: dict[str, list[BuildResult]], parallel: BuildResult | None, command: str
) -> dict[str, Any]:
    """Everything the table and the JSON report need, from finished builds."""
    pages = {m: read_site(Path(rs[0].outdir)) for m, rs in by_mode.items()}
    new = {m: new_warnings(by_mode, m) for m in ("proxydoc", "bare")}
    lib = str(fetch_docs().parent.parent / "lib")
    results: dict[str, Any] = {
        "environment": environment(),
        "command": command,
        "summary": summarise_modes(by_mode, "bare", GROUPS),
        "links": links(pages),
        "warnings_not_in_anchor": new,
        "new_warnings_checked": classify(new["proxydoc"], pages["anchor"], lib),
        "reader_features": reader_features(Path(by_mode["proxydoc"][0].outdir)),
        "runs": {m: [as_json(r) for r in rs] for m, rs in by_mode.items()},
    }
    if parallel is not None:
        results["parallel"] = compare_parallel(by_mode["proxydoc"][0], parallel)
        results["runs"]["proxydoc-j2"] = [as_json(parallel)]
    return results


def reload(path: Path) -> tuple[dict[str, list[BuildResult]], BuildResult | None]:
    """The builds recorded in a results file (their outputs still in the cache)."""
    runs = json.loads(path.read_text())["runs"]
    by_mode = {m: [from_json(r) for r in runs[m]] for m in MODES}
    parallel = [from_json(r) for r in runs.get("proxydoc-j2", [])]
    return by_mode, (parallel[0] if parallel else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-parallel", action="store_true")
    parser.add_argument(
        "--reanalyse", type=Path, help="analyse the builds of a results file again"
    )
    parser.add_argument("--commit", help="with --reanalyse: the commit that was built")
    args = parser.parse_args(argv)
    command = f"make bench (python bench/bench_sqlalchemy.py --runs {args.runs})"
    if args.reanalyse:
        by_mode, parallel = reload(args.reanalyse)
        command = json.loads(args.reanalyse.read_text())["command"]
    else:
        docs = fetch_docs()
        print(f"SQLAlchemy {VERSION} docs, {args.runs} run(s) per mode", flush=True)
        by_mode = {m: [] for m in MODES}
        for run in range(args.runs):  # interleaved, so drift hits every mode alike
            for mode in MODES:
                by_mode[mode].append(build(mode, docs, run))
        parallel = None if args.no_parallel else build("proxydoc", docs, 0, jobs=2)
    results = analyse(by_mode, parallel, command)
    if args.reanalyse:
        results["environment"] = json.loads(args.reanalyse.read_text())["environment"]
        results["environment"]["commit"] = args.commit
    write_results("sqlalchemy", results)
    print_table(results)
    failed = any(r.returncode for rs in by_mode.values() for r in rs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
