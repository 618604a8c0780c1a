import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
# pd_mig.op is documented from this entry; pd_mig.context by hand (context.rst)
proxydoc_proxies = {"pd_mig.op": {"target": "pd_mig.operations.Operations"}}
nitpicky = True

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True
