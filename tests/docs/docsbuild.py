"""Helpers of the documentation tests: build ``docs/`` and serve the result."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The docs' scripts (docs/_tools) and their helper extensions (docs/_ext).
for folder in (ROOT / "docs" / "_tools", ROOT / "docs" / "_ext"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@dataclass(frozen=True)
class DocsBuild:
    """One finished build of the documentation."""

    outdir: Path
    returncode: int
    warnings: str

    def page(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def start_docs_build(outdir: Path, *overrides: str) -> PendingBuild:
    """Start building ``docs/`` as ``make html`` does (``-W --keep-going -n``)."""
    args = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-W",
        "--keep-going",
        "-n",
        "-q",
        "-E",
        "-d",
        str(outdir / ".doctrees"),
        "-c",
        str(ROOT),
    ]
    for override in overrides:
        args += ["-D", override]
    args += [str(ROOT / "docs"), str(outdir)]
    stderr = outdir.with_name(outdir.name + ".stderr.txt")
    with stderr.open("w", encoding="utf-8") as stream:
        process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=stream, text=True, cwd=ROOT
        )
    return PendingBuild(outdir, process, stderr)


@dataclass(frozen=True)
class PendingBuild:
    """A build of the documentation running in its own process."""

    outdir: Path
    process: subprocess.Popen[str]
    stderr: Path

    def result(self) -> DocsBuild:
        """The finished build, once its process has ended."""
        returncode = self.process.wait()
        return DocsBuild(self.outdir, returncode, self.stderr.read_text("utf-8"))

    def stop(self) -> None:
        """End the build if it still runs (a session cut short)."""
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def build_docs(outdir: Path, *overrides: str) -> DocsBuild:
    """Build ``docs/`` into *outdir* and wait for it."""
    return start_docs_build(outdir, *overrides).result()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass(frozen=True)
class Site:
    """A built site served over HTTP on the loopback interface."""

    base: str

    def url(self, page: str) -> str:
        return f"{self.base}/{page}"


def serve(directory: Path) -> Iterator[Site]:
    """Serve *directory* on 127.0.0.1 (a free port) until the generator closes."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
