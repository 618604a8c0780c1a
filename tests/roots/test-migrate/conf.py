# The part of a migrating project's conf.py that the guide does not change.
# tests/test_migrating.py appends one of docs/migrating-examples/*-after.py
# (and, for SQLAlchemy's style, puts the project's prefix table first).
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

show_warning_types = True
nitpicky = True
