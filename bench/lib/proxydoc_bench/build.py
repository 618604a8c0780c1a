"""Run one Sphinx build in a child process: wall time, peak RSS, in-build timings."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from proxydoc_bench.analyse import warnings_by_kind

LIB = Path(__file__).resolve().parents[1]  # bench/lib


def cache_dir() -> Path:
    """Where downloads and build outputs go: never inside the repository."""
    base = os.environ.get("PROXYDOC_CACHE") or Path.home() / ".cache" / "proxydoc"
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class BuildResult:
    """What one build cost and produced."""

    mode: str
    jobs: int
    returncode: int
    wall_seconds: float
    peak_rss_mib: float
    timing: dict[str, Any] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    outdir: str = ""
    #: User plus system CPU time of the build: what the build did, much less
    #: moved than its wall time by other jobs on a shared machine.
    cpu_seconds: float = 0.0

    def fraction(self, *prefixes: str) -> float | None:
        """Share of the in-build time spent in the code named by *prefixes*.

        A prefix is a module (``zzzeeksphinx``, ``zzzeeksphinx.render_pydomains``)
        or ``module:function``.  The timers' own calibrated cost is subtracted,
        per call and per call into the Sphinx code a measured function overrides.
        """
        if not self.timing:
            return None
        timing = self.timing
        by_label = timing.get("function_seconds") or timing["module_seconds"]
        calls = timing.get("function_calls") or timing["module_calls"]
        overhead = timing.get("overhead_per_call", 0.0)
        base_overhead = timing.get("base_overhead_per_call", 0.0)
        base_calls = timing.get("function_base_calls", {})
        seconds = sum(
            max(
                0.0,
                value
                - overhead * calls.get(label, 0)
                - base_overhead * base_calls.get(label, 0),
            )
            for label, value in by_label.items()
            if any(_names(label, prefix) for prefix in prefixes)
        )
        return seconds / timing["build_seconds"]


def _names(label: str, prefix: str) -> bool:
    module = label.partition(":")[0]
    if ":" in prefix:
        return label == prefix or label.startswith(prefix + ".")
    return module == prefix or module.startswith(prefix + ".")


def sphinx_build(
    mode: str,
    srcdir: Path,
    confdir: Path,
    workdir: Path,
    env: dict[str, str],
    jobs: int = 1,
) -> BuildResult:
    """A fresh full HTML build of *srcdir* into *workdir*/html."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    timing = workdir / "timing.json"
    warnings = workdir / "warnings.txt"
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E",
        "-j", str(jobs), "-c", str(confdir), "-d", str(workdir / "doctrees"),
        "-w", str(warnings), str(srcdir), str(workdir / "html"),
    ]  # fmt: skip
    child_env = {
        **os.environ,
        **env,
        "PROXYDOC_BENCH_MODE": mode,
        "PROXYDOC_BENCH_TIMING": str(timing),
        "PYTHONPATH": str(LIB),
        "PYTHONHASHSEED": "0",
    }
    with open(workdir / "stderr.txt", "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, env=child_env, stdout=err, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return BuildResult(
        mode=mode,
        jobs=jobs,
        returncode=proc.returncode,
        wall_seconds=wall,
        peak_rss_mib=usage.ru_maxrss / 1024,
        timing=json.loads(timing.read_text()) if timing.exists() else {},
        warnings=warnings_by_kind(warnings.read_text(errors="replace"))
        if warnings.exists()
        else {},
        outdir=str(workdir / "html"),
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


def median(values: list[float]) -> float:
    """The median, or NaN for no values."""
    return statistics.median(values) if values else float("nan")


def from_json(data: dict[str, Any]) -> BuildResult:
    """A result written by :func:`as_json`, its output folder absolute again."""
    return BuildResult(**{**data, "outdir": str(cache_dir() / data["outdir"])})


def as_json(result: BuildResult) -> dict[str, Any]:
    """A result as plain data, its output folder relative to the cache."""
    data = asdict(result)
    data["outdir"] = Path(result.outdir).relative_to(cache_dir()).as_posix()
    return data


def summarise_modes(
    by_mode: dict[str, list[BuildResult]],
    base: str,
    groups: dict[str, tuple[str, ...]],
) -> dict[str, Any]:
    """Medians per mode, with ratios to the *base* mode's medians and the
    median in-build share of each module group of *groups*."""
    base_wall = median([r.wall_seconds for r in by_mode[base]])
    base_cpu = median([r.cpu_seconds for r in by_mode[base]])
    base_rss = median([r.peak_rss_mib for r in by_mode[base]])
    summary: dict[str, Any] = {}
    for mode, results in by_mode.items():
        wall = median([r.wall_seconds for r in results])
        cpu = median([r.cpu_seconds for r in results])
        rss = median([r.peak_rss_mib for r in results])
        fractions: dict[str, float | None] = {}
        for group, prefixes in groups.items():
            values = [f for r in results if (f := r.fraction(*prefixes)) is not None]
            fractions[group] = median(values) if values and any(values) else None
        summary[mode] = {
            "wall_seconds": wall,
            "wall_ratio": wall / base_wall,
            "cpu_seconds": cpu,
            "cpu_ratio": cpu / base_cpu if base_cpu else None,
            "peak_rss_mib": rss,
            "rss_ratio": rss / base_rss,
            "in_build_fraction": fractions,
            "warnings": results[0].warnings,
            "failed_runs": sum(r.returncode != 0 for r in results),
        }
    return summary
