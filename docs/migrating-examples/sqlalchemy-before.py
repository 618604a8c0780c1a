extensions = [
    "sphinx.ext.autodoc",
    "zzzeeksphinx",
    "changelog",
    "sphinx_paramlinks",
    "sphinx_copybutton",
]
# zzzeeksphinx_module_prefixes = {"_sa": "sqlalchemy", "_orm": "sqlalchemy.orm", ...}
# stays as it is, above these lines.
