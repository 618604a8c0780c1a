"""Sphinx extension: the build's memory over time, to see where peak RSS comes from.

Loaded by ``bench/sqla_conf`` when ``PROXYDOC_BENCH_MEMTRACE`` names a JSON file
to write.  It records the resident set (``VmRSS``), its high-water mark
(``VmHWM``) and the interpreter's allocated blocks at the phases of the build
and every ``PROXYDOC_BENCH_MEMTRACE_EVERY`` documents read or written.  With
``PROXYDOC_BENCH_MEMTRACE_GC=N`` it also runs a full garbage collection every N
documents: the peak then shows memory that is live, not memory that waits for
Python's collector (slow: use it to compare modes, not to time them).

Linux only (it reads ``/proc/self/status``).  Compare two traces, phase by
phase: ``python -m proxydoc_bench.memtrace_ext BASE.json OTHER.json``.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from typing import Any

PATH = os.environ.get("PROXYDOC_BENCH_MEMTRACE", "")
EVERY = int(os.environ.get("PROXYDOC_BENCH_MEMTRACE_EVERY", "20"))
COLLECT_EVERY = int(os.environ.get("PROXYDOC_BENCH_MEMTRACE_GC", "0"))


class Trace:
    """Marks of one build: (seconds, phase, {VmRSS, VmHWM in MiB, blocks})."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.marks: list[tuple[float, str, dict[str, int]]] = []
        self.read = 0
        self.written = 0

    def mark(self, phase: str) -> None:
        sizes = {"blocks": sys.getallocatedblocks()}
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":")
                    sizes[key] = int(value.split()[0]) // 1024
        self.marks.append((round(time.perf_counter() - self.start, 2), phase, sizes))

    def step(self, what: str, count: int) -> None:
        if COLLECT_EVERY and count % COLLECT_EVERY == 0:
            gc.collect()
        if count % EVERY == 0:
            self.mark(f"{what} {count}")

    def on_read(self, app: Any, doctree: Any) -> None:
        self.read += 1
        self.step("read", self.read)

    def on_written(self, app: Any, doctree: Any, docname: str) -> None:
        self.written += 1
        self.step("resolved", self.written)

    def on_finished(self, app: Any, exception: Exception | None) -> None:
        self.mark("finished")
        with open(PATH, "w", encoding="utf-8") as out:
            json.dump(self.marks, out, indent=0)


def setup(app: Any) -> dict[str, Any]:
    """Mark the phases of the build; write the marks when it ends."""
    if not PATH:
        return {"parallel_read_safe": True, "parallel_write_safe": True}
    trace = Trace()
    trace.mark("setup")
    app.connect("env-before-read-docs", lambda app, env, docs: trace.mark("read"))
    app.connect("doctree-read", trace.on_read)
    app.connect("env-updated", lambda app, env: trace.mark("read done"))
    app.connect("doctree-resolved", trace.on_written)
    app.connect("build-finished", trace.on_finished, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def compare(base: list[Any], other: list[Any]) -> list[str]:
    """Lines of RSS, high-water mark and their difference at the phases both have."""
    by_phase = {phase: sizes for _, phase, sizes in base}
    lines = [f"{'phase':<16}{'RSS':>7}{'HWM':>7}{'RSS':>7}{'HWM':>7}{'diff':>7}"]
    for _, phase, sizes in other:
        if phase in by_phase:
            b = by_phase[phase]
            lines.append(
                f"{phase:<16}{b['VmRSS']:>7}{b['VmHWM']:>7}{sizes['VmRSS']:>7}"
                f"{sizes['VmHWM']:>7}{sizes['VmHWM'] - b['VmHWM']:>+7}"
            )
    return lines


if __name__ == "__main__":
    with open(sys.argv[1]) as first, open(sys.argv[2]) as second:
        print("\n".join(compare(json.load(first), json.load(second))))
