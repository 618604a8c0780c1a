extensions = [
    "sphinx.ext.autodoc",
    "zzzeeksphinx",
    "changelog",
    "proxydoc",
    "sphinx_copybutton",
]
# zzzeeksphinx_module_prefixes = {"_sa": "sqlalchemy", "_orm": "sqlalchemy.orm", ...}
# stays as it is, above these lines; proxydoc takes it over:
proxydoc_module_prefixes = zzzeeksphinx_module_prefixes
zzzeeksphinx_module_prefixes = {}
