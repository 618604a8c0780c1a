"""Alembic 1.20.1's real documentation built three ways: anchor, proxydoc and bare.

Alembic's own ``docs/build/conf.py`` runs unchanged, then
``bench/lib/proxydoc_bench/alembic_conf/conf.py`` adjusts it per mode: anchor
as shipped (sphinx_paramlinks), proxydoc (``sphinx_paramlinks`` replaced by
``proxydoc`` in place) and bare (no parameter links).  The builds run offline:
``intersphinx_mapping`` is emptied in every mode.  Writes
``bench/results/alembic.json`` and prints a table.  Run through ``make bench``
or as ``python bench/bench_alembic.py [--runs N] [--no-parallel]``.

The readers shared with the SQLAlchemy bench (links, lost ids, new warnings,
``-j 2`` comparison) are imported from ``bench_sqlalchemy``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from bench_sqlalchemy import MODES, compare_parallel, links, new_warnings, reload
from proxydoc_bench.analyse import read_site
from proxydoc_bench.build import (
    BuildResult,
    as_json,
    cache_dir,
    sphinx_build,
    summarise_modes,
)
from proxydoc_bench.classify import classify
from proxydoc_bench.report import PACKAGES, environment, pct, table, write_results

VERSION = "1.20.1"
HERE = Path(__file__).resolve().parent
CONF = HERE / "lib" / "proxydoc_bench" / "alembic_conf"
#: Module groups whose in-build time is reported, per mode.
GROUPS = {"proxydoc": ("proxydoc",), "sphinx_paramlinks": ("sphinx_paramlinks",)}
#: Projects whose parameters Alembic's docs link to through intersphinx.
OTHER_PROJECTS = ("sqlalchemy",)
#: Versions recorded with the results: Alembic builds with no zzzeeksphinx.
ALEMBIC_PACKAGES = (
    *(p for p in PACKAGES if p != "zzzeeksphinx"),
    "changelog",
    "sphinx-book-theme",
    "sqlalchemy",
    "mako",
)


#: Checks run on the sdist's source besides the builds, each giving one row of
#: the "source checks" table: a dict of column name to value, the same columns
#: for every row.  Called with the sdist's root folder.  The ``proxydoc check``
#: row over Alembic's four generated regions belongs here.
def proxydoc_check_row(root: Path, runs: int = 3) -> dict[str, Any]:
    """``proxydoc check`` over Alembic's four generated regions (``op.pyi``,
    ``context.pyi``, the ``op_cls`` and ``batch_op`` blocks), configured by
    ``tests/cli/samples/alembic-stubs.toml`` alone, on a copy of the sdist."""
    config = HERE.parent / "tests" / "cli" / "samples" / "alembic-stubs.toml"
    files = ["alembic/op.pyi", "alembic/context.pyi", "alembic/operations/base.py"]
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "alembic"
        shutil.copytree(root, tree, ignore=shutil.ignore_patterns("_build", "build"))
        pyproject = tree / "pyproject.toml"
        pyproject.write_text(
            pyproject.read_text("utf-8") + "\n" + config.read_text("utf-8"), "utf-8"
        )
        command = [sys.executable, "-m", "proxydoc", "check", "--no-progress", *files]
        times, done = [], None
        for _ in range(runs + 1):  # the first run byte-compiles the copy
            start = time.perf_counter()
            done = subprocess.run(
                command, cwd=tree, capture_output=True, text=True, check=False
            )
            times.append(time.perf_counter() - start)
    assert done is not None
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return {
        "check": "proxydoc check: op.pyi, context.pyi, op_cls, batch_op",
        "files": len(files),
        "exit status": done.returncode,
        "result": summary.removeprefix("proxydoc check: "),
        "median time": f"{statistics.median(times[1:]):.2f} s",
    }


SOURCE_CHECKS: list[Callable[[Path], dict[str, Any]]] = [proxydoc_check_row]


def fetch_sdist() -> Path:
    """Alembic's sdist, downloaded once into the cache and unpacked there."""
    cache = cache_dir()
    tree = cache / f"alembic-{VERSION}"
    if (tree / "docs" / "build" / "conf.py").exists():
        return tree
    sdist = cache / f"alembic-{VERSION}.tar.gz"
    if not sdist.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "-d", str(cache), f"alembic=={VERSION}"],
            check=True,
        )  # fmt: skip
    with tarfile.open(sdist) as archive:
        archive.extractall(cache, filter="data")
    return tree


def build(mode: str, root: Path, run: int, jobs: int = 1) -> BuildResult:
    """One fresh build of Alembic's docs in *mode*."""
    workdir = cache_dir() / "work" / "alembic" / f"{mode}-j{jobs}-{run}"
    docs = root / "docs" / "build"
    env = {"PROXYDOC_BENCH_ALEMBIC_DOC": str(docs)}
    result = sphinx_build(mode, docs, CONF, workdir, env, jobs)
    status = "ok" if result.returncode == 0 else f"FAILED rc={result.returncode}"
    print(
        f"  {mode:9} -j{jobs} run {run}: {result.wall_seconds:7.1f} s "
        f"{result.peak_rss_mib:7.0f} MiB  {status}",
        flush=True,
    )
    return result


def analyse(
    by_mode: dict[str, list[BuildResult]], parallel: BuildResult | None, command: str
) -> dict[str, Any]:
    """Everything the table and the JSON report need, from finished builds."""
    root = fetch_sdist()
    pages = {m: read_site(Path(rs[0].outdir)) for m, rs in by_mode.items()}
    new = {m: new_warnings(by_mode, m) for m in ("proxydoc", "bare")}
    checked = classify(new["proxydoc"], pages["anchor"], str(root), OTHER_PROJECTS)
    results: dict[str, Any] = {
        "environment": environment(ALEMBIC_PACKAGES),
        "command": command,
        "summary": summarise_modes(by_mode, "bare", GROUPS),
        "links": links(pages),
        "warnings_not_in_anchor": new,
        "new_warnings_checked": checked,
        "source_checks": [check(root) for check in SOURCE_CHECKS],
        "runs": {m: [as_json(r) for r in rs] for m, rs in by_mode.items()},
    }
    if parallel is not None:
        results["parallel"] = compare_parallel(by_mode["proxydoc"][0], parallel)
        results["runs"]["proxydoc-j2"] = [as_json(parallel)]
    return results


def print_table(results: dict[str, Any]) -> None:
    """The results as the tables of ``docs/performance.rst``."""
    summary, found = results["summary"], results["links"]
    rows = []
    for mode in MODES:
        s, f = summary[mode], found[mode]
        frac = s["in_build_fraction"]
        own = {"proxydoc": frac["proxydoc"], "anchor": frac["sphinx_paramlinks"]}
        rows.append([
            mode, f"{s['wall_seconds']:.1f} s", f"{s['wall_ratio']:.3f}",
            f"{s['peak_rss_mib']:.0f} MiB", f"{s['rss_ratio']:.3f}",
            pct(own.get(mode)), sum(s["warnings"].values()), f["paramref_links"],
            f["broken_links"], f["paramref_unresolved"], f["params_ids"],
            f["anchor_params_ids_lost"], f["anchor_links_lost"],
            f["anchor_internal_links_lost"],
        ])  # fmt: skip
    print(table(
        ["mode", "wall", "wall/bare", "peak RSS", "RSS/bare", "paramref ext",
         "warnings", "paramref links", "broken", "unresolved", ".params. ids",
         "anchor ids lost", "links lost", "xrefs lost"],
        rows,
    ))  # fmt: skip
    causes = results["new_warnings_checked"]["by_cause"]
    print(table(["proxydoc's warnings the anchor build lacks", "count"],
                [list(i) for i in causes.items()]))  # fmt: skip
    kinds = sorted({k for m in MODES for k in summary[m]["warnings"]})
    print(table(
        ["warning kind", *MODES],
        [[k, *(summary[m]["warnings"].get(k, 0) for m in MODES)] for k in kinds],
    ))  # fmt: skip
    checks = results["source_checks"]
    if checks:
        columns = list(checks[0])
        print(table(columns, [[row[c] for c in columns] for row in checks]))
    if "parallel" in results:
        p = results["parallel"]
        print(table(
            ["proxydoc -j 1", "-j 2", "speed-up", "-j 2 peak RSS", "ids/links/warns"],
            [[f"{p['j1_seconds']:.1f} s", f"{p['j2_seconds']:.1f} s",
              f"{p['speedup']:.2f}", f"{p['j2_peak_rss_mib']:.0f} MiB",
              "same" if p["same"] else "DIFFER"]],
        ))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-parallel", action="store_true")
    parser.add_argument(
        "--reanalyse", type=Path, help="analyse the builds of a results file again"
    )
    args = parser.parse_args(argv)
    command = f"make bench (python bench/bench_alembic.py --runs {args.runs})"
    if args.reanalyse:
        by_mode, parallel = reload(args.reanalyse)
        old = json.loads(args.reanalyse.read_text())
        command = old["command"]
    else:
        root = fetch_sdist()
        print(f"Alembic {VERSION} docs, {args.runs} run(s) per mode", flush=True)
        by_mode = {m: [] for m in MODES}
        for run in range(args.runs):  # interleaved, so drift hits every mode alike
            for mode in MODES:
                by_mode[mode].append(build(mode, root, run))
        parallel = None if args.no_parallel else build("proxydoc", root, 0, jobs=2)
    results = analyse(by_mode, parallel, command)
    if args.reanalyse:
        results["environment"] = old["environment"]
    write_results("alembic", results)
    print_table(results)
    failed = any(r.returncode for rs in by_mode.values() for r in rs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
