# Pages written in MyST Markdown: the API described with MyST's own directive
# and field-list syntax, links by {py:paramref} and by [text](#anchor).
extensions = ["myst_parser", "proxydoc"]
myst_enable_extensions = ["colon_fence", "fieldlist"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
