"""Scale: N generated functions and methods, built with and without proxydoc.

Each object has 8 documented parameters and one ``:paramref:`` into another
module: functions name their target in full, methods with the ``.Class.method``
form that is searched by suffix.  Writes ``bench/results/scale.json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from proxydoc_bench.analyse import check_site, read_site
from proxydoc_bench.build import BuildResult, as_json, cache_dir, median, sphinx_build
from proxydoc_bench.report import environment, pct, table, write_results

PER_MODULE = 100  # 50 functions and 5 classes of 10 methods
PARAMS = [f"p{i}" for i in range(8)]
SIGNATURE = ", ".join(PARAMS)
CONF = """\
import os, sys
sys.path.insert(0, {lib!r})
project = "scale"
extensions = ["proxydoc_bench.timing_ext"]
if os.environ["PROXYDOC_BENCH_MODE"] == "proxydoc":
    extensions.append("proxydoc")
else:
    extensions.append("proxydoc_bench.plain_paramref")
"""


def param_fields(indent: str) -> str:
    """The eight documented parameters of one object."""
    return "".join(f"{indent}:param {p}: the parameter {p}.\n" for p in PARAMS)


def module_page(index: int, modules: int) -> str:
    """One module: 50 functions and 5 classes of 10 methods, each linking onward."""
    name, other = f"m{index:05d}", f"m{(index + 1) % modules:05d}"
    out = [f"Module {name}\n{'=' * (7 + len(name))}\n\n.. py:module:: scale.{name}\n"]
    for f in range(50):
        out.append(
            f"\n.. py:function:: f_{f}({SIGNATURE})\n\n"
            f"   Function {f}; see :paramref:`scale.{other}.f_{f}.p{f % 8}`.\n\n"
            + param_fields("   ")
        )
    for c in range(5):
        out.append(f"\n.. py:class:: C{index:05d}_{c}\n\n   Class {c}.\n")
        for m in range(10):
            out.append(
                f"\n   .. py:method:: meth_{m}({SIGNATURE})\n\n"
                f"      Method {m}; see :paramref:`.C{(index + 1) % modules:05d}_{c}"
                f".meth_{m}.p{m % 8}`.\n\n" + param_fields("      ")
            )
    return "".join(out)


def generate(n: int) -> Path:
    """Write the project for *n* objects into the cache, once."""
    root = cache_dir() / "work" / "scale" / f"src-{n}"
    modules = n // PER_MODULE
    marker = root / ".complete"
    root.mkdir(parents=True, exist_ok=True)
    lib = Path(__file__).resolve().parent / "lib"
    (root / "conf.py").write_text(CONF.format(lib=str(lib)))
    if marker.exists():
        return root
    names = [f"m{i:05d}" for i in range(modules)]
    toc = "".join(f"   {n}\n" for n in names)
    (root / "index.rst").write_text(
        f"Scale\n=====\n\n.. toctree::\n   :maxdepth: 1\n\n{toc}"
    )
    for i, name in enumerate(names):
        (root / f"{name}.rst").write_text(module_page(i, modules))
    marker.touch()
    return root


def build(n: int, mode: str, run: int) -> BuildResult:
    """One fresh build of the N-object project."""
    src = generate(n)
    workdir = cache_dir() / "work" / "scale" / f"{n}-{mode}-{run}"
    result = sphinx_build(mode, src, src, workdir, {})
    print(
        f"  N={n:6} {mode:9} run {run}: {result.wall_seconds:7.1f} s "
        f"{result.peak_rss_mib:6.0f} MiB  rc={result.returncode}",
        flush=True,
    )
    return result


def summarise(n: int, results: dict[str, list[BuildResult]]) -> dict[str, Any]:
    """Medians and the proxydoc share of one size."""
    bare, prox = results["bare"], results["proxydoc"]
    site = check_site(read_site(Path(prox[0].outdir)))
    fractions = [f for r in prox if (f := r.fraction("proxydoc")) is not None]
    seconds = [r.timing["module_seconds"].get("proxydoc._pydomain", 0.0) for r in prox]
    return {
        "n": n,
        "bare_seconds": median([r.wall_seconds for r in bare]),
        "proxydoc_seconds": median([r.wall_seconds for r in prox]),
        "bare_rss_mib": median([r.peak_rss_mib for r in bare]),
        "proxydoc_rss_mib": median([r.peak_rss_mib for r in prox]),
        "proxydoc_fraction": median(fractions),
        "proxydoc_ext_seconds": median(
            [sum(r.timing["module_seconds"].values()) for r in prox if r.timing]
        ),
        "resolver_seconds": median(seconds),
        "paramref_links": site.links,
        "broken_links": len(site.broken),
        "unresolved": site.unresolved,
        "params_ids": len(site.params_ids),
        "failed_runs": sum(r.returncode != 0 for r in bare + prox),
        "runs": {m: [as_json(r) for r in rs] for m, rs in results.items()},
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    """The scale table of ``docs/performance.rst``."""
    print(table(
        ["N", "bare", "proxydoc", "time ratio", "bare RSS", "proxydoc RSS",
         "RSS ratio", "proxydoc code", "its seconds", "µs per object", "links",
         "broken"],
        [[r["n"], f"{r['bare_seconds']:.1f} s", f"{r['proxydoc_seconds']:.1f} s",
          f"{r['proxydoc_seconds'] / r['bare_seconds']:.3f}",
          f"{r['bare_rss_mib']:.0f} MiB", f"{r['proxydoc_rss_mib']:.0f} MiB",
          f"{r['proxydoc_rss_mib'] / r['bare_rss_mib']:.3f}",
          pct(r["proxydoc_fraction"]), f"{r['proxydoc_ext_seconds']:.2f} s",
          f"{1e6 * r['proxydoc_ext_seconds'] / r['n']:.0f}",
          r["paramref_links"], r["broken_links"]] for r in rows],
    ))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        results: dict[str, list[BuildResult]] = {"bare": [], "proxydoc": []}
        for run in range(args.runs):
            for mode in results:
                results[mode].append(build(n, mode, run))
        rows.append(summarise(n, results))
    command = f"python bench/bench_scale.py --sizes {args.sizes} --runs {args.runs}"
    data = {"environment": environment(), "command": command, "sizes": rows}
    write_results("scale", data)
    print_table(rows)
    return 1 if any(r["failed_runs"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
