"""Modules documented on several pages, to split over processes."""
