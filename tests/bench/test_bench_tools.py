"""The bench's own readers and timers, checked on real builds of a test root."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

BENCH_LIB = Path(__file__).resolve().parents[2] / "bench" / "lib"
ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-params"
sys.path.insert(0, str(BENCH_LIB))

from proxydoc_bench.analyse import check_site, lost_links, read_site  # noqa: E402
from proxydoc_bench.build import sphinx_build  # noqa: E402


def links_by_soup(outdir: Path) -> list[tuple[str, str]]:
    """(page, href) of every resolved paramref, read with BeautifulSoup instead."""
    found = []
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.parts:
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        name = page.relative_to(outdir).as_posix()
        found += [(name, c.parent["href"]) for c in html.select("a > code.py-paramref")]
    return found


@pytest.mark.sphinx("html", testroot="params")
def test_site_reader_counts_links_and_finds_broken_ones(app):
    app.build()
    outdir = Path(app.outdir)
    expected = links_by_soup(outdir)
    assert expected, "the test root must have paramref links"
    before = read_site(outdir)
    report = check_site(before)
    assert report.links == len(expected)
    assert report.broken == []
    assert any(".params." in i for i in report.params_ids)

    page, href = expected[0]
    path, _, fragment = href.partition("#")
    target = (outdir / page).parent / path if path else outdir / page
    text = target.read_text(encoding="utf-8")
    assert f'id="{fragment}"' in text
    target.write_text(text.replace(f'id="{fragment}"', 'id="gone"'), encoding="utf-8")
    after = read_site(outdir)
    broken = check_site(after).broken
    hits = sum(1 for _, h in expected if h.partition("#")[2] == fragment)
    assert len(broken) == hits
    assert all(b.endswith(f"#{fragment}") for b in broken)
    # The hrefs are unchanged, so no link went missing; only its anchor did.
    assert sum(lost_links(before, after).values()) == 0


def test_timing_extension_charges_proxydoc_code(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text()
        + '\nextensions = ["proxydoc_bench.timing_ext", *extensions]\n',
        "utf-8",
    )
    result = sphinx_build("proxydoc", src, src, tmp_path / "out", {})
    assert result.returncode == 0, (tmp_path / "out" / "stderr.txt").read_text()
    timing = result.timing
    modules = timing["module_seconds"]
    assert {"proxydoc._params", "proxydoc._domain"} <= set(modules)
    assert all(v >= 0 for v in modules.values())
    assert 0 < sum(modules.values()) < timing["build_seconds"]
    assert 0 < timing["overhead_per_call"] < 1e-4
    fraction = result.fraction("proxydoc")
    assert fraction is not None and 0 < fraction < 1
    assert result.peak_rss_mib > 10
