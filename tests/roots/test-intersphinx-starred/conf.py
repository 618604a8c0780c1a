extensions = ["sphinx.ext.intersphinx", "proxydoc"]
proxydoc_module_prefixes = {"_st": "pd_starred.api"}
# The test points intersphinx_mapping at the inventory of a test-params-starred build.
intersphinx_mapping = {}

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
