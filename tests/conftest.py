"""Shared fixtures: Sphinx test roots, and builds shared by tests that only read them."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers import ROOTS, copy_root


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>``."""
    return ROOTS


@pytest.fixture(scope="module")
def shared_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., SphinxTestApp]:
    """``shared_build(testroot, buildername="html", **confoverrides)``: a finished app.

    Each root, builder and configuration is built once per test module, from a
    fresh copy of the root; tests that ask for the same one get the same app.
    Read its output and its ``_status``/``_warning`` logs; never change them.
    A test that edits the project or rebuilds it makes its own app instead.
    """
    built: dict[tuple[str, str, str], SphinxTestApp] = {}

    def build(testroot: str, buildername: str = "html", **confoverrides: Any) -> Any:
        key = (testroot, buildername, repr(sorted(confoverrides.items())))
        if key not in built:
            srcdir = copy_root(testroot, tmp_path_factory.mktemp(testroot) / "src")
            app = SphinxTestApp(
                buildername,
                srcdir=srcdir,
                confoverrides=confoverrides,
                status=StringIO(),
                warning=StringIO(),
            )
            try:
                app.build()
            finally:
                app.cleanup()  # Sphinx's global state and sys.path, as make_app does
            built[key] = app
        return built[key]

    return build
