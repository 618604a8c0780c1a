"""Fixtures for the proxied-members tests (the same ``rootdir`` as the suite's)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test projects live in ``tests/roots/test-*``."""
    return Path(__file__).parent.parent / "roots"
