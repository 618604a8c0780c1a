import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx.ext.autodoc", "proxydoc"]
proxydoc_proxies = {
    "proxy_auto_mod.Configured": {
        "target": "proxy_auto_mod.Engine",
        "members": ["connect", "name"],
    },
}
