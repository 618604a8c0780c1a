"""Callables whose parameters are written with stars."""
