"""The Architecture page names every module of the package, and shows its picture."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from docsbuild import ROOT, DocsBuild

PACKAGE = ROOT / "ext" / "proxydoc"


def page_text(build: DocsBuild) -> str:
    html = (build.outdir / "architecture.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text(" ")


def module_names() -> list[tuple[str, str]]:
    """Each module as (its dotted name, the short form the page may use)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] in ("__init__", "__main__"):
            parts = parts[:-1]
        if not parts:
            continue
        dotted = ".".join(("proxydoc", *parts))
        short = ".".join(parts)
        found.append((dotted, short))
    return found


def test_every_module_is_on_the_architecture_page(docs_build: DocsBuild) -> None:
    text = page_text(docs_build)
    missing = [
        dotted
        for dotted, short in module_names()
        if dotted not in text and short not in text
    ]
    assert module_names(), "no module found: wrong package path"
    assert missing == []


def test_the_picture_is_shown(docs_build: DocsBuild) -> None:
    html = (docs_build.outdir / "architecture.html").read_text(encoding="utf-8")
    images = BeautifulSoup(html, "html.parser").find_all("img")
    sources = [img["src"] for img in images]
    assert any(src.endswith("architecture.svg") for src in sources)
    assert Path(docs_build.outdir, "_images", "architecture.svg").is_file()
