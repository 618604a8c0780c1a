"""Bench helpers: build runner, readers, reports, bench-only Sphinx extensions."""
