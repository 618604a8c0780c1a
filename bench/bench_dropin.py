"""proxydoc as a drop-in on two more projects: dogpile.cache 1.5.0 and Mako 1.4.3.

Each project's docs are built from its sdist twice, by its own ``conf.py`` run
unchanged and then adjusted by ``bench/lib/proxydoc_bench/dropin_conf/conf.py``:
*anchor* as shipped (``sphinx_paramlinks``) and *proxydoc* (only
``"sphinx_paramlinks"`` replaced by ``"proxydoc"`` in ``extensions``; Mako's
zzzeeksphinx has no module prefix table and needs nothing else).  The builds
run offline: ``intersphinx_mapping`` is emptied in both modes (dogpile.cache
maps Python's docs; Mako maps none).  Compared: ids kept, links (internal ones
and ``:paramref:`` ones), ``objects.inv`` entries, warnings by kind (each one
the proxydoc build adds checked by ``proxydoc_bench.classify``), wall and CPU
time, peak RSS.  Writes ``bench/results/dropin.json`` and prints tables.  Run
through ``make bench`` or as ``python bench/bench_dropin.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from bench_sqlalchemy import links, new_warnings, without_machine_paths
from proxydoc_bench.analyse import Page, read_site, warning_lines
from proxydoc_bench.build import (
    BuildResult,
    as_json,
    cache_dir,
    from_json,
    sphinx_build,
    summarise_modes,
)
from proxydoc_bench.classify import DOC_ERROR, HIDDEN, OTHER_PROJECT, classify
from proxydoc_bench.report import PACKAGES, environment, pct, table, write_results

HERE = Path(__file__).resolve().parent
CONF = HERE / "lib" / "proxydoc_bench" / "dropin_conf"
MODES = ("anchor", "proxydoc")
#: Module groups whose in-build time is reported, per mode.
GROUPS = {"proxydoc": ("proxydoc",), "sphinx_paramlinks": ("sphinx_paramlinks",)}
#: One line of ``objects.inv``: name (may hold spaces), type, priority, uri, text.
_INV_LINE = re.compile(r"(.+?)\s+(\S+:\S+)\s+-?\d+\s+(\S*)\s+.*")
#: Causes of a new warning that make it a true one (see classify.py).
TRUE_CAUSES = (HIDDEN, DOC_ERROR, OTHER_PROJECT)


@dataclass(frozen=True)
class Project:
    """One drop-in project: its PyPI name, version and where its docs are."""

    name: str
    requirement: str
    folder: str  # the sdist's top folder, also its file name without .tar.gz
    docs: str  # the folder of conf.py inside the sdist


PROJECTS = (
    Project(
        "dogpile.cache", "dogpile.cache==1.5.0", "dogpile_cache-1.5.0", "docs/build"
    ),
    Project("Mako", "mako==1.4.3", "mako-1.4.3", "doc/build"),
)
#: Versions recorded with the results: the projects' docs need these.
DROPIN_PACKAGES = (*PACKAGES, "changelog", "sphinx-book-theme", "stevedore", "mako")


def fetch_sdist(project: Project) -> Path:
    """The project's sdist, downloaded once into the cache and unpacked there."""
    cache = cache_dir()
    tree = cache / project.folder
    if (tree / project.docs / "conf.py").exists():
        return tree
    sdist = cache / f"{project.folder}.tar.gz"
    if not sdist.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "-d", str(cache), project.requirement],
            check=True,
        )  # fmt: skip
    with tarfile.open(sdist) as archive:
        archive.extractall(cache, filter="data")
    return tree


def slug(project: Project) -> str:
    return project.folder.partition("-")[0]


def build(project: Project, mode: str, root: Path, run: int) -> BuildResult:
    """One fresh build of *project*'s docs in *mode*."""
    workdir = cache_dir() / "work" / "dropin" / slug(project) / f"{mode}-{run}"
    docs = root / project.docs
    env = {"PROXYDOC_BENCH_DROPIN_DOC": str(docs)}
    result = sphinx_build(mode, docs, CONF, workdir, env)
    status = "ok" if result.returncode == 0 else f"FAILED rc={result.returncode}"
    print(
        f"  {project.name:13} {mode:8} run {run}: {result.wall_seconds:6.1f} s "
        f"{result.peak_rss_mib:6.0f} MiB  {status}",
        flush=True,
    )
    return result


def read_inventory(outdir: Path) -> dict[tuple[str, str], str]:
    """``objects.inv`` as ``{(type, name): page}`` (the page without its anchor)."""
    raw = (outdir / "objects.inv").read_bytes()
    start = 0
    for _ in range(4):  # the four header lines
        start = raw.index(b"\n", start) + 1
    entries = {}
    for line in zlib.decompress(raw[start:]).decode().splitlines():
        match = _INV_LINE.match(line)
        if match:
            name, typ, uri = match.groups()
            entries[typ, name] = uri.partition("#")[0]
    return entries


def inventory_changes(anchor: Path, proxydoc: Path) -> dict[str, Any]:
    """Entries of ``objects.inv`` lost, added, or moved to another page."""
    old, new = read_inventory(anchor), read_inventory(proxydoc)
    moved = sorted(
        f"{name}: {old[typ, name]} -> {new[typ, name]}"
        for typ, name in old.keys() & new.keys()
        if old[typ, name] != new[typ, name]
    )
    lost = sorted(f"{t} {n}" for t, n in old.keys() - new.keys())
    added = sorted(f"{t} {n}" for t, n in new.keys() - old.keys())
    return {
        "anchor_entries": len(old),
        "proxydoc_entries": len(new),
        "params_entries": {
            m: sum(".params." in n for _, n in inv)
            for m, inv in (("anchor", old), ("proxydoc", new))
        },
        "lost": len(lost),
        "lost_examples": lost[:40],
        "added": len(added),
        "added_examples": added[:40],
        "moved": len(moved),
        "moved_pages": _moved_pages(old, new),
        "moved_examples": moved[:40],
    }


def _moved_pages(
    old: dict[tuple[str, str], str], new: dict[tuple[str, str], str]
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in old.keys() & new.keys():
        if old[key] != new[key]:
            move = f"{old[key]} -> {new[key]}"
            counts[move] = counts.get(move, 0) + 1
    return dict(sorted(counts.items()))


def ids_lost(pages: dict[str, dict[str, Page]]) -> dict[str, Any]:
    """Every id (not only ``.params.`` ones) of the anchor build missing after."""
    before, after = pages["anchor"], pages["proxydoc"]
    lost = sorted(
        f"{page}#{i}"
        for page, found in before.items()
        for i in found.ids - (after[page].ids if page in after else set())
    )
    total = sum(len(p.ids) for p in before.values())
    return {"anchor_ids": total, "lost": len(lost), "lost_examples": lost[:40]}


def gone_warnings(by_mode: dict[str, list[BuildResult]]) -> list[str]:
    """Warning lines of the anchor build that the proxydoc build does not give."""

    def lines(result: BuildResult) -> set[str]:
        text = (Path(result.outdir).parent / "warnings.txt").read_text(errors="replace")
        return set(warning_lines(text))

    gone = lines(by_mode["anchor"][0]) - lines(by_mode["proxydoc"][0])
    return sorted(without_machine_paths(w) for w in gone)


def analyse_project(
    project: Project, by_mode: dict[str, list[BuildResult]]
) -> dict[str, Any]:
    """Everything the tables and the JSON report need about one project."""
    root = fetch_sdist(project)
    pages = {m: read_site(Path(rs[0].outdir)) for m, rs in by_mode.items()}
    new = new_warnings(by_mode, "proxydoc")
    checked = classify(new, pages["anchor"], str(root))
    causes = checked["by_cause"]
    true = sum(n for c, n in causes.items() if c in TRUE_CAUSES)
    return {
        "project": project.requirement,
        "summary": summarise_modes(by_mode, "anchor", GROUPS),
        "links": links(pages),
        "ids": ids_lost(pages),
        "inventory": inventory_changes(
            Path(by_mode["anchor"][0].outdir), Path(by_mode["proxydoc"][0].outdir)
        ),
        "warnings_not_in_anchor": new,
        "warnings_only_in_anchor": gone_warnings(by_mode),
        "new_warnings_checked": {**checked, "true": true, "false": len(new) - true},
        "runs": {m: [as_json(r) for r in rs] for m, rs in by_mode.items()},
    }


def print_tables(results: dict[str, Any]) -> None:
    """Per project: cost, ids and links; warnings by kind; inventory changes."""
    for name, data in results["projects"].items():
        summary, found = data["summary"], data["links"]
        rows = []
        for mode in MODES:
            s, f = summary[mode], found[mode]
            frac = s["in_build_fraction"]
            own = {"proxydoc": frac["proxydoc"], "anchor": frac["sphinx_paramlinks"]}
            rows.append([
                mode, f"{s['wall_seconds']:.1f} s", f"{s['cpu_seconds']:.1f} s",
                f"{s['cpu_ratio']:.3f}", f"{s['peak_rss_mib']:.0f} MiB",
                f"{s['rss_ratio']:.3f}", pct(own[mode]), sum(s["warnings"].values()),
                f["internal_links"], f["anchor_internal_links_lost"],
                f["paramref_links"], f["paramref_unresolved"], f["broken_links"],
                f["params_ids"], f["anchor_params_ids_lost"],
            ])  # fmt: skip
        print(f"\n{name}")
        print(table(
            ["mode", "wall", "CPU", "CPU/anchor", "peak RSS", "RSS/anchor",
             "paramref ext", "warnings", "internal links", "lost",
             "paramref links", "unresolved", "broken", ".params. ids", "lost"],
            rows,
        ))  # fmt: skip
        kinds = sorted({k for m in MODES for k in summary[m]["warnings"]})
        print(table(
            ["warning kind", *MODES],
            [[k, *(summary[m]["warnings"].get(k, 0) for m in MODES)] for k in kinds],
        ))  # fmt: skip
        checked = data["new_warnings_checked"]
        print(table(["new warning cause", "count"],
                    [list(i) for i in checked["by_cause"].items()]))  # fmt: skip
        inv, ids = data["inventory"], data["ids"]
        print(
            f"ids lost {ids['lost']} of {ids['anchor_ids']}; objects.inv "
            f"{inv['anchor_entries']} -> {inv['proxydoc_entries']} entries, "
            f"{inv['lost']} lost, {inv['added']} added, {inv['moved']} moved "
            f"{inv['moved_pages']}"
        )


def reload(path: Path) -> dict[str, dict[str, list[BuildResult]]]:
    """The builds recorded in a results file (their outputs still in the cache)."""
    data = json.loads(path.read_text())["projects"]
    return {
        name: {m: [from_json(r) for r in p["runs"][m]] for m in MODES}
        for name, p in data.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--reanalyse", type=Path, help="analyse the builds of a results file again"
    )
    args = parser.parse_args(argv)
    command = f"make bench (python bench/bench_dropin.py --runs {args.runs})"
    if args.reanalyse:
        builds = reload(args.reanalyse)
        command = json.loads(args.reanalyse.read_text())["command"]
    else:
        builds = {}
        for project in PROJECTS:
            root = fetch_sdist(project)
            print(f"{project.name} docs, {args.runs} run(s) per mode", flush=True)
            by_mode: dict[str, list[BuildResult]] = {m: [] for m in MODES}
            for run in range(args.runs):  # interleaved: drift hits both modes alike
                for mode in MODES:
                    by_mode[mode].append(build(project, mode, root, run))
            builds[project.name] = by_mode
    results = {
        "environment": environment(DROPIN_PACKAGES),
        "command": command,
        "projects": {
            p.name: analyse_project(p, builds[p.name])
            for p in PROJECTS
            if p.name in builds
        },
    }
    write_results("dropin", results)
    print_tables(results)
    failed = any(
        r.returncode
        for by_mode in builds.values()
        for rs in by_mode.values()
        for r in rs
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
