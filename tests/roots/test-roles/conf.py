extensions = ["proxydoc"]
zzzeeksphinx_module_prefixes = {"_zz": "pd_roles.core"}
proxydoc_module_prefixes = {"_core": "pd_roles.core"}
