"""The drop-in bench's conf wrapper and its ``objects.inv`` comparison."""

from __future__ import annotations

import runpy
import sys
import zlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path[:0] = [str(BENCH), str(BENCH / "lib")]

from bench_dropin import inventory_changes  # noqa: E402

#: The parts of Mako's doc/build/conf.py the wrapper reads or changes.
MAKO_LIKE_CONF = """
import os, sys
sys.path.insert(0, os.path.abspath("."))
extensions = ["sphinx.ext.autodoc", "changelog", "sphinx_paramlinks", "zzzeeksphinx"]
templates_path = ["templates"]
html_static_path = ["static"]
project = "Mako"
"""


@pytest.mark.parametrize(
    ("mode", "extension"), [("anchor", "sphinx_paramlinks"), ("proxydoc", "proxydoc")]
)
def test_dropin_conf_swaps_only_the_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, extension: str
) -> None:
    (tmp_path / "conf.py").write_text(MAKO_LIKE_CONF, "utf-8")
    monkeypatch.setenv("PROXYDOC_BENCH_DROPIN_DOC", str(tmp_path))
    monkeypatch.setenv("PROXYDOC_BENCH_MODE", mode)
    monkeypatch.setattr(sys, "path", list(sys.path))
    conf = runpy.run_path(
        str(BENCH / "lib" / "proxydoc_bench" / "dropin_conf" / "conf.py")
    )
    assert conf["extensions"] == [
        "proxydoc_bench.timing_ext",
        "sphinx.ext.autodoc",
        "changelog",
        extension,
        "zzzeeksphinx",
    ]
    # Offline in both modes; the project's folders found from the conf folder,
    # and its own relative sys.path entry made from its folder, not ours.
    assert conf["intersphinx_mapping"] == {}
    assert conf["templates_path"] == [str(tmp_path / "templates")]
    assert conf["html_static_path"] == [str(tmp_path / "static")]
    assert str(tmp_path) in sys.path
    assert conf["project"] == "Mako"


def test_dropin_conf_rejects_an_unknown_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "conf.py").write_text(MAKO_LIKE_CONF, "utf-8")
    monkeypatch.setenv("PROXYDOC_BENCH_DROPIN_DOC", str(tmp_path))
    monkeypatch.setenv("PROXYDOC_BENCH_MODE", "bare")
    monkeypatch.setattr(sys, "path", list(sys.path))
    with pytest.raises(ValueError, match="unknown PROXYDOC_BENCH_MODE 'bare'"):
        runpy.run_path(
            str(BENCH / "lib" / "proxydoc_bench" / "dropin_conf" / "conf.py")
        )


def write_inventory(outdir: Path, lines: list[str]) -> Path:
    """An ``objects.inv`` in Sphinx's format (version 2, zlib-compressed body)."""
    outdir.mkdir()
    header = b"# Sphinx inventory version 2\n# Project: p\n# Version: \n# zlib\n"
    body = zlib.compress("".join(f"{line}\n" for line in lines).encode())
    (outdir / "objects.inv").write_bytes(header + body)
    return outdir


def test_inventory_changes_count_lost_added_and_moved(tmp_path: Path) -> None:
    """dogpile.cache's three kinds of change: a starred name listed bare, a
    parameter listed on the indexed page instead of a :noindex: copy's."""
    anchor = write_inventory(tmp_path / "anchor", [
        "m.R.get py:method 1 api.html#$ -",
        "m.R.get.params.key py:parameter 1 usage.html#$ -",
        "m.R.get.params.**kw py:parameter 1 api.html#$ -",
        "a label with spaces std:label -1 usage.html#label A label",
    ])  # fmt: skip
    proxydoc = write_inventory(tmp_path / "proxydoc", [
        "m.R.get py:method 1 api.html#$ -",
        "m.R.get.params.key py:parameter 1 api.html#$ -",
        "m.R.get.params.kw py:parameter 1 api.html#$ -",
        "a label with spaces std:label -1 usage.html#label A label",
    ])  # fmt: skip
    changes = inventory_changes(anchor, proxydoc)
    assert changes["anchor_entries"] == changes["proxydoc_entries"] == 4
    assert changes["params_entries"] == {"anchor": 2, "proxydoc": 2}
    assert changes["lost_examples"] == ["py:parameter m.R.get.params.**kw"]
    assert changes["added_examples"] == ["py:parameter m.R.get.params.kw"]
    assert changes["moved"] == 1
    assert changes["moved_pages"] == {"usage.html -> api.html": 1}
    assert changes["moved_examples"] == ["m.R.get.params.key: usage.html -> api.html"]
