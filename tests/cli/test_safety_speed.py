"""Work skipped where the answer is known: a region whose text is exactly what
``generate`` writes is current without parsing it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxydoc.cli import _generate


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_region_as_written_is_not_parsed_again(
    project: Path, run, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    path = project / "facade_decorated.py"
    path.write_bytes(path.read_text().replace("\n", newline).encode())
    assert run("generate", str(path)).status == 0
    written = path.read_bytes()

    def equivalent(old: str, new: str, indent: str) -> bool:
        raise AssertionError("a region as written was compared as code")

    monkeypatch.setattr(_generate, "_equivalent", equivalent)
    assert run("check", str(path)).status == 0
    assert run("generate", str(path)).status == 0
    assert path.read_bytes() == written
