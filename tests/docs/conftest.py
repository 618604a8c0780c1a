"""Fixtures of the documentation tests: real builds of ``docs/``, one per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from docsbuild import DocsBuild, Site, build_docs, serve

#: Each is a real build of ``docs/``, SQLAlchemy showcase included (~10 s).
DOCS_BUILDS = {"docs_build", "furo_build"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that needs a real build of the documentation."""
    for item in items:
        if DOCS_BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def docs_build(tmp_path_factory: pytest.TempPathFactory) -> DocsBuild:
    """The documentation, built once for the whole session with the default theme."""
    return build_docs(tmp_path_factory.mktemp("docs-html"))


@pytest.fixture(scope="session")
def furo_build(tmp_path_factory: pytest.TempPathFactory) -> DocsBuild:
    """The documentation built with the furo theme."""
    return build_docs(tmp_path_factory.mktemp("docs-furo"), "html_theme=furo")


@pytest.fixture(scope="session")
def docs_site(docs_build: DocsBuild) -> Iterator[Site]:
    assert docs_build.returncode == 0, docs_build.warnings
    yield from serve(docs_build.outdir)


@pytest.fixture(scope="session")
def furo_site(furo_build: DocsBuild) -> Iterator[Site]:
    assert furo_build.returncode == 0, furo_build.warnings
    yield from serve(furo_build.outdir)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium, driven by Playwright."""
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
