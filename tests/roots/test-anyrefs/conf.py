extensions = ["myst_parser", "proxydoc"]
myst_heading_anchors = 2
project = "pd-anyrefs"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
