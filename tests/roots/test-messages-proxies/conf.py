import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["proxydoc"]

# Warnings end with [type.subtype] on every supported Sphinx (the default from 8.0).
show_warning_types = True

# "members" must be a list: the entry is dropped, with a warning.
proxydoc_proxies = {
    "pd_msgproxy.Facade": {"target": "pd_msgproxy.Engine", "members": "connect"},
}
