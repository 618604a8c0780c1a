"""Fixtures of the documentation tests: real builds of ``docs/``, one per session.

The builds the selected tests need start in their own processes as soon as
collection ends, so they run beside the tests collected before these.  Under
``pytest -n`` every worker collects every test, so a worker builds one only when
a test of its own asks for it, into a folder all workers share, under a lock:
the first to ask builds it and writes its exit status; the others wait, then read.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docsbuild import DocsBuild, PendingBuild, Site, serve, start_docs_build

#: Each is a real build of ``docs/``, SQLAlchemy showcase included (~6 s of CPU),
#: with the ``-D`` overrides it is built with.
DOCS_BUILDS: dict[str, tuple[str, ...]] = {
    "docs_build": (),
    "furo_build": ("html_theme=furo",),
}

_started: dict[str, PendingBuild] = {}
#: Set in a ``pytest -n`` worker (pytest-xdist's ``gw0``, ``gw1``...).
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_workdir: list[Path] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that needs a real build of the documentation."""
    for item in items:
        if DOCS_BUILDS.keys() & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the builds that the selected tests (after ``-m``/``-k``) will read."""
    if session.config.option.collectonly or _XDIST_WORKER:
        return
    for name in sorted(DOCS_BUILDS):
        if any(name in getattr(item, "fixturenames", ()) for item in session.items):
            _start(name)


def pytest_sessionfinish(session: pytest.Session) -> None:
    for build in _started.values():
        build.stop()
    for workdir in _workdir:
        shutil.rmtree(workdir, ignore_errors=True)


def _start(name: str) -> PendingBuild:
    if not _workdir:
        _workdir.append(Path(tempfile.mkdtemp(prefix="proxydoc-docs-")))
    outdir = _workdir[0] / name
    outdir.mkdir()
    _started[name] = start_docs_build(outdir, *DOCS_BUILDS[name])
    return _started[name]


def _finished(name: str, tmp_path_factory: pytest.TempPathFactory) -> DocsBuild:
    """The build *name*, waited for; started now if collection did not see it."""
    if _XDIST_WORKER:
        return _shared(name, tmp_path_factory.getbasetemp().parent / "docs-builds")
    pending = _started.get(name) or _start(name)
    return pending.result()


def _shared(name: str, folder: Path) -> DocsBuild:
    """The build *name* in *folder*, made by the first ``pytest -n`` worker to ask.

    *folder* is in the run's temporary folder, shared by its workers (each has
    ``<run>/popen-gwN`` of its own).
    """
    folder.mkdir(exist_ok=True)
    status = folder / f"{name}.returncode"
    with _locked(folder / f"{name}.lock"):
        if not status.is_file():
            outdir = folder / name
            shutil.rmtree(outdir, ignore_errors=True)  # a build cut short before
            outdir.mkdir()
            build = start_docs_build(outdir, *DOCS_BUILDS[name]).result()
            status.write_text(str(build.returncode), encoding="utf-8")
            return build
    outdir = folder / name
    stderr = outdir.with_name(outdir.name + ".stderr.txt").read_text("utf-8")
    return DocsBuild(outdir, int(status.read_text("utf-8")), stderr)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on *path* (POSIX ``flock``) while the block runs."""
    import fcntl

    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def docs_build(tmp_path_factory: pytest.TempPathFactory) -> DocsBuild:
    """The documentation, built once for the whole session with the default theme."""
    return _finished("docs_build", tmp_path_factory)


@pytest.fixture(scope="session")
def furo_build(tmp_path_factory: pytest.TempPathFactory) -> DocsBuild:
    """The documentation built with the furo theme."""
    return _finished("furo_build", tmp_path_factory)


@pytest.fixture(scope="session")
def docs_site(docs_build: DocsBuild) -> Iterator[Site]:
    assert docs_build.returncode == 0, docs_build.warnings
    yield from serve(docs_build.outdir)


@pytest.fixture(scope="session")
def furo_site(furo_build: DocsBuild) -> Iterator[Site]:
    assert furo_build.returncode == 0, furo_build.warnings
    yield from serve(furo_build.outdir)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's headless Chromium, driven by Playwright.

    Per module, not per session: Playwright's sync API keeps its event loop
    running in this thread while it is open, so an ``asyncio.run`` of a later
    test on the same xdist worker (the CLI's async proxies) would fail.
    """
    from chromium import launch
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()
