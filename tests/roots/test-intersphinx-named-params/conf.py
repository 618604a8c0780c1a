extensions = ["sphinx.ext.intersphinx", "proxydoc"]
# The test points intersphinx_mapping at the inventory of a test-params-named-params build.
intersphinx_mapping = {}

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
