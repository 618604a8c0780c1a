extensions = ["proxydoc"]

project = "pd-params-noindex"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
