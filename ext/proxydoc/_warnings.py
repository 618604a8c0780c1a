"""The one helper through which proxydoc emits its warnings."""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

logger = logging.getLogger("proxydoc")


def warn(message: str, subtype: str, location: Any = None) -> None:
    """Warn with type ``proxydoc`` so ``suppress_warnings`` can silence one kind."""
    logger.warning(message, type="proxydoc", subtype=subtype, location=location)
