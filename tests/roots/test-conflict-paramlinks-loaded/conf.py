import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# sphinx-paramlinks is not listed: an extension listed before proxydoc loads it.
extensions = ["sphinx.ext.autodoc", "loads_paramlinks", "proxydoc"]
