"""What the core promises: one home for the marker phrase, no Sphinx or docutils."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import proxydoc

PACKAGE = Path(proxydoc.__file__).parent
#: The marker sentence's own words (not the note's "Proxied for", a UI string).
PHRASES = ("on behalf of the", "proxied for the", "proxy for the")


def test_the_marker_phrase_is_written_in_one_module() -> None:
    found = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for phrase in PHRASES
        if phrase in path.read_text(encoding="utf-8").lower()
    }
    assert found == {"core/markers.py"}


def test_the_core_imports_neither_sphinx_nor_docutils() -> None:
    modules = sorted(
        f"proxydoc.core.{path.stem}"
        for path in (PACKAGE / "core").glob("*.py")
        if path.stem != "__init__"
    )
    code = (
        "import sys\n"
        f"for name in {modules!r}: __import__(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sphinx', 'docutils')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout == "[]\n"
    assert len(modules) >= 5
