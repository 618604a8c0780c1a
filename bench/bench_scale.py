"""Scale: N generated functions and methods, built three ways.

Each object has 8 documented parameters and one ``:paramref:`` into another
module: functions name their target in full, methods with the ``.Class.method``
form that is searched by suffix.  Modes: *bare* (``:paramref:`` as plain code),
*paramlinks* (sphinx-paramlinks, configured as SQLAlchemy's anchor build) and
*proxydoc*.  Two sources of the same objects: *autodoc* (a generated package,
documented with ``autofunction`` / ``autoclass``, as SQLAlchemy is; every mode)
and *rst* (the ``py:`` directives written out, as recorded before; sphinx-paramlinks
reads only autodoc docstrings, so that source has no paramlinks mode).
*proxydoc-lean* is proxydoc without the outputs a large project may leave out:
index entries, search-index objects and signature links of parameters.  Modes are
interleaved within each run.  Writes ``bench/results/scale.json``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from proxydoc_bench.analyse import check_site, read_site
from proxydoc_bench.build import BuildResult, as_json, cache_dir, median, sphinx_build
from proxydoc_bench.report import RESULTS, environment, pct, table, write_results

PER_MODULE = 100  # 50 functions and 5 classes of 10 methods
PARAMS = [f"p{i}" for i in range(8)]
SIGNATURE = ", ".join(PARAMS)
MODES = ("bare", "paramlinks", "proxydoc", "proxydoc-lean")
#: The modes of the rst source (sphinx-paramlinks reads autodoc docstrings only).
RST_MODES = ("bare", "proxydoc")
#: The mode that builds with another proxydoc tree (``--before``): the code
#: before a change, measured in the same run as the change.
BEFORE = "proxydoc-before"
SOURCES = ("autodoc", "rst")
#: Module groups whose share of the build is reported (proxydoc's by feature).
GROUPS = {
    "proxydoc": ("proxydoc",),
    "sphinx_paramlinks": ("sphinx_paramlinks",),
    "proxydoc anchors": ("proxydoc.params._anchors", "proxydoc.params._fields"),
    "proxydoc domain": ("proxydoc._pydomain",),
    "proxydoc signature links": ("proxydoc.params._siglinks",),
    "proxydoc synopses": ("proxydoc.params._synopsis",),
    "proxydoc output": ("proxydoc.params._output",),
}
CONF = """\
import os, sys
sys.path.insert(0, {lib!r})
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
project = "scale"
extensions = ["proxydoc_bench.timing_ext", "sphinx.ext.autodoc"]
if os.environ.get("PROXYDOC_BENCH_MEMTRACE"):
    extensions.append("proxydoc_bench.memtrace_ext")
if os.environ.get("PROXYDOC_BENCH_PYCODE_FIX"):  # Sphinx's pinned pages released
    extensions.append("proxydoc_bench.pycode_leak")
_MODE = os.environ["PROXYDOC_BENCH_MODE"]
if os.environ.get("PROXYDOC_BENCH_EXT"):  # another proxydoc tree (--before)
    sys.path.insert(0, os.environ["PROXYDOC_BENCH_EXT"])
if _MODE.startswith("proxydoc"):
    extensions.append("proxydoc")
if _MODE == "proxydoc-lean":  # the outputs a large project may leave out
    proxydoc_param_index = proxydoc_param_search = proxydoc_signature_links = False
elif _MODE == "paramlinks":
    extensions.append("sphinx_paramlinks")  # as SQLAlchemy's conf.py: defaults
else:
    extensions.append("proxydoc_bench.plain_paramref")
# PROXYDOC_BENCH_CONF: extra settings of one measurement ("name=value;...")
for _item in filter(None, os.environ.get("PROXYDOC_BENCH_CONF", "").split(";")):
    _name, _, _value = _item.partition("=")
    globals()[_name.strip()] = eval(_value)
"""


def param_fields(indent: str) -> str:
    """The eight documented parameters of one object."""
    return "".join(f"{indent}:param {p}: the parameter {p}.\n" for p in PARAMS)


def function_link(f: int, other: str) -> str:
    return f"Function {f}; see :paramref:`scale.{other}.f_{f}.p{f % 8}`."


def method_link(index: int, modules: int, c: int, m: int) -> str:
    target = f".C{(index + 1) % modules:05d}_{c}.meth_{m}.p{m % 8}"
    return f"Method {m}; see :paramref:`{target}`."


def module_page(index: int, modules: int) -> str:
    """One module: 50 functions and 5 classes of 10 methods, each linking onward."""
    name, other = f"m{index:05d}", f"m{(index + 1) % modules:05d}"
    out = [f"Module {name}\n{'=' * (7 + len(name))}\n\n.. py:module:: scale.{name}\n"]
    for f in range(50):
        out.append(
            f"\n.. py:function:: f_{f}({SIGNATURE})\n\n"
            f"   {function_link(f, other)}\n\n" + param_fields("   ")
        )
    for c in range(5):
        out.append(f"\n.. py:class:: C{index:05d}_{c}\n\n   Class {c}.\n")
        for m in range(10):
            out.append(
                f"\n   .. py:method:: meth_{m}({SIGNATURE})\n\n"
                f"      {method_link(index, modules, c, m)}\n\n"
                + param_fields("      ")
            )
    return "".join(out)


def module_source(index: int, modules: int) -> str:
    """The same objects as Python code with docstrings, for autodoc."""
    other = f"m{(index + 1) % modules:05d}"
    out = ['"""Generated for the scale bench."""\n']
    for f in range(50):
        out.append(
            f"\n\ndef f_{f}({SIGNATURE}):\n"
            f'    """{function_link(f, other)}\n\n{param_fields("    ")}    """\n'
        )
    for c in range(5):
        out.append(f'\n\nclass C{index:05d}_{c}:\n    """Class {c}."""\n')
        for m in range(10):
            out.append(
                f"\n    def meth_{m}(self, {SIGNATURE}):\n"
                f'        """{method_link(index, modules, c, m)}\n\n'
                f'{param_fields("        ")}        """\n'
            )
    return "".join(out)


def autodoc_page(index: int) -> str:
    """The page of one generated module: each object by autodoc, in order."""
    name = f"m{index:05d}"
    out = [f"Module {name}\n{'=' * (7 + len(name))}\n\n.. py:module:: scale.{name}\n"]
    out += [f"\n.. autofunction:: scale.{name}.f_{f}\n" for f in range(50)]
    out += [
        f"\n.. autoclass:: scale.{name}.C{index:05d}_{c}\n"
        f"   :members: {', '.join(f'meth_{m}' for m in range(10))}\n"
        "   :member-order: bysource\n"
        for c in range(5)
    ]
    return "".join(out)


def generate(n: int, source: str = "rst") -> Path:
    """Write the project for *n* objects from *source* into the cache, once."""
    suffix = "" if source == "rst" else f"-{source}"
    root = cache_dir() / "work" / "scale" / f"src-{n}{suffix}"
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
    if source == "autodoc":
        package = root / "scale"
        package.mkdir(exist_ok=True)
        (package / "__init__.py").write_text('"""Generated for the scale bench."""\n')
    for i, name in enumerate(names):
        if source == "autodoc":
            (package / f"{name}.py").write_text(module_source(i, modules))
            (root / f"{name}.rst").write_text(autodoc_page(i))
        else:
            (root / f"{name}.rst").write_text(module_page(i, modules))
    if source == "autodoc":  # byte-compiled now, not by the first build to import it
        compileall.compile_dir(package, quiet=1)
    marker.touch()
    return root


def build(
    n: int, source: str, mode: str, run: int, conf: str = "", before: str = ""
) -> BuildResult:
    """One fresh build of the N-object project."""
    src = generate(n, source)
    workdir = cache_dir() / "work" / "scale" / f"{n}-{source}-{mode}-{run}"
    env = {"PROXYDOC_BENCH_CONF": conf} if conf else {}
    if mode == BEFORE:
        env["PROXYDOC_BENCH_EXT"] = before
    result = sphinx_build(mode, src, src, workdir, env)
    print(
        f"  N={n:6} {source:7} {mode:10} run {run}: {result.wall_seconds:7.1f} s "
        f"{result.peak_rss_mib:6.0f} MiB  rc={result.returncode}",
        flush=True,
    )
    return result


#: Output files whose size is reported: the ones each parameter adds to.
OUTPUTS = ("genindex.html", "searchindex.js", "objects.inv")


def mode_summary(n: int, results: list[BuildResult]) -> dict[str, Any]:
    """Medians of one mode at one size, its share by group, what it wrote."""
    site = check_site(read_site(Path(results[0].outdir)))
    shares = {}
    for group, prefixes in GROUPS.items():
        values = [f for r in results if (f := r.fraction(*prefixes)) is not None]
        shares[group] = median(values) if values and any(values) else None
    outdir = Path(results[0].outdir)
    return {
        "seconds": median([r.wall_seconds for r in results]),
        "cpu_seconds": median([r.cpu_seconds for r in results]),
        "rss_mib": median([r.peak_rss_mib for r in results]),
        "gc_seconds": median([r.timing.get("gc_seconds", 0.0) for r in results]),
        "in_build_fraction": shares,
        "ext_seconds": median(
            [sum(r.timing["module_seconds_corrected"].values()) for r in results]
        ),
        "paramref_links": site.links,
        "broken_links": len(site.broken),
        "unresolved": site.unresolved,
        "params_ids": len(site.params_ids),
        "output_bytes": {
            name: (outdir / name).stat().st_size if (outdir / name).exists() else 0
            for name in OUTPUTS
        },
        "failed_runs": sum(r.returncode != 0 for r in results),
    }


def summarise(
    n: int, source: str, results: dict[str, list[BuildResult]]
) -> dict[str, Any]:
    """Each mode of one size and source, with its ratios to bare."""
    modes = {mode: mode_summary(n, rs) for mode, rs in results.items()}
    bare = modes["bare"]
    for mode in modes.values():
        mode["time_ratio"] = mode["seconds"] / bare["seconds"]
        mode["cpu_ratio"] = mode["cpu_seconds"] / bare["cpu_seconds"]
        mode["rss_ratio"] = mode["rss_mib"] / bare["rss_mib"]
        mode["kib_per_param"] = (
            1024 * (mode["rss_mib"] - bare["rss_mib"]) / (n * len(PARAMS))
        )
    return {
        "n": n,
        "source": source,
        "modes": modes,
        "runs": {m: [as_json(r) for r in rs] for m, rs in results.items()},
    }


def own_share(mode: str, summary: dict[str, Any]) -> float | None:
    """The share of the build spent in the mode's own parameter-link code."""
    group = {
        "proxydoc": "proxydoc",
        "proxydoc-lean": "proxydoc",
        BEFORE: "proxydoc",
        "paramlinks": "sphinx_paramlinks",
    }.get(mode)
    return summary["in_build_fraction"].get(group) if group else None


def table_rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """One line per source, size and mode."""
    out = []
    for row in rows:
        for mode, s in row["modes"].items():
            out.append([
                row["source"], row["n"], mode, f"{s['seconds']:.1f} s",
                f"{s['time_ratio']:.3f}", f"{s['cpu_seconds']:.1f} s",
                f"{s['cpu_ratio']:.3f}", f"{s['rss_mib']:.0f} MiB",
                f"{s['rss_ratio']:.3f}",
                "-" if mode == "bare" else f"{s['kib_per_param']:.2f}",
                f"{s['gc_seconds']:.0f} s", pct(own_share(mode, s)),
                s["paramref_links"], s["broken_links"],
            ])  # fmt: skip
    return out


HEADERS = ["source", "N", "mode", "wall", "/ bare", "CPU", "/ bare", "peak RSS",
           "/ bare", "KiB / param", "GC", "own code", "links", "broken"]  # fmt: skip


def merge(names: list[str], output: str) -> int:
    """Join the sizes of several result files into one, their commands listed."""
    parts = [json.loads((RESULTS / f"{name}.json").read_text()) for name in names]
    data = {
        "environment": parts[0]["environment"],
        "command": " ; ".join(part["command"] for part in parts),
        "sizes": sorted(
            (size for part in parts for size in part["sizes"]),
            key=lambda size: (SOURCES.index(size["source"]), size["n"]),
        ),
    }
    write_results(output, data)
    print(table(HEADERS, table_rows(data["sizes"])))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--sources", default=",".join(SOURCES))
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--conf", default="", help="extra conf.py settings, 'name=value;...'"
    )
    parser.add_argument("--output", default="scale", help="results/<name>.json")
    parser.add_argument(
        "--before",
        default="",
        help=f"the 'ext' folder of another proxydoc tree (git worktree) to build "
        f"as mode {BEFORE}, interleaved with the others",
    )
    parser.add_argument(
        "--merge",
        default="",
        help="join results/<name>.json files (runs made side by side, each with "
        "its own bare builds) into results/<output>.json; builds nothing",
    )
    args = parser.parse_args(argv)
    if args.merge:
        return merge(args.merge.split(","), args.output)
    if args.before:
        args.modes += f",{BEFORE}"
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        for source in args.sources.split(","):
            modes = [
                m
                for m in args.modes.split(",")
                if source != "rst" or m in (*RST_MODES, BEFORE)
            ]
            results: dict[str, list[BuildResult]] = {m: [] for m in modes}
            for run in range(args.runs):
                for mode in modes if run % 2 == 0 else reversed(modes):
                    results[mode].append(
                        build(n, source, mode, run, args.conf, args.before)
                    )
            rows.append(summarise(n, source, results))
    command = (
        f"python bench/bench_scale.py --sizes {args.sizes} --sources "
        f"{args.sources} --modes {args.modes} --runs {args.runs}"
        + (f" --conf '{args.conf}'" if args.conf else "")
        + (" --before <tree at the commit before>/ext" if args.before else "")
    )
    data = {"environment": environment(), "command": command, "sizes": rows}
    write_results(args.output, data)
    print(table(HEADERS, table_rows(rows)))
    failed = sum(s["failed_runs"] for r in rows for s in r["modes"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
