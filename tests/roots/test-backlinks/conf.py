extensions = ["proxydoc"]
proxydoc_param_backlinks = True
project = "pd-backlinks"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
