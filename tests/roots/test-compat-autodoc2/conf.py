from tests.compat._library import write_library

# The module this root documents: the compat roots' one library, written
# here from tests/compat/_library.py (the tests build a copy of the root).
write_library(
    __file__,
    "pd_compat_autodoc2/__init__.py",
    "A library with a facade, read by sphinx-autodoc2 (its own analysis, not imported).",
)

# sphinx-autodoc2 analyses the package statically and writes its pages under
# apidocs/ in the source folder; the path is relative to this folder.
extensions = ["autodoc2", "proxydoc"]
autodoc2_packages = ["pd_compat_autodoc2"]

project = "pd-compat"
author = "proxydoc"
copyright = "2026, proxydoc"
version = release = "1.0"
show_warning_types = True
