extensions = ["proxydoc"]

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True

# Neither is a dict: each is ignored, with a warning.
proxydoc_module_prefixes = [("_orm", "sqlalchemy.orm")]
zzzeeksphinx_module_prefixes = "_orm=sqlalchemy.orm"
