extensions = ["proxydoc"]
zzzeeksphinx_module_prefixes = {"_zz": "pd_roles.core"}
proxydoc_module_prefixes = {"_core": "pd_roles.core"}

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
