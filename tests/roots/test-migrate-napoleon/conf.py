# The unchanged part of a conf.py like python-telegram-bot's (Google-style
# docstrings); tests/test_migrating.py appends docs/migrating-examples/telegram-after.py.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

show_warning_types = True
