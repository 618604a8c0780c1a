"""Debian's headless Chromium via Playwright, one launch for scripts and tests."""

from __future__ import annotations

from typing import Any

EXECUTABLE = "/usr/bin/chromium"

#: Flags for a sandboxed, offline, repeatable headless run as root.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
)


def launch(playwright: Any) -> Any:
    """A headless Chromium browser (``playwright.chromium.launch``)."""
    return playwright.chromium.launch(
        executable_path=EXECUTABLE, headless=True, args=list(LAUNCH_ARGS)
    )
