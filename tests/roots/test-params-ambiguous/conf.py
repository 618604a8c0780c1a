extensions = ["proxydoc"]

project = "pd-ambiguous"

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
