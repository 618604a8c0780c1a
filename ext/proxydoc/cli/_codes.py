"""The codes of ``proxydoc lint``'s findings, read by lint and by the config check."""

from __future__ import annotations

CODES = {
    "PXD001": "names no parameter",
    "PXD002": "target not found",
    "PXD003": "target has no signature",
    "PXD004": "bare parameter name outside a function or class docstring",
    "PXD005": "relative target cannot be resolved without Sphinx",
}
