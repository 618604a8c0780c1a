# sphinx-autodoc2 analyses the package statically and writes its pages under
# apidocs/ in the source folder; the path is relative to this folder.
extensions = ["autodoc2", "proxydoc"]
autodoc2_packages = ["pd_compat_autodoc2"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
