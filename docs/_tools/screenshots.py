"""Retake the before/after pictures of the landing page (``make screenshots``).

The same docstring -- SQLAlchemy's ``scoped_session.close`` -- is built by
Sphinx twice, without and with proxydoc, and headless Chromium photographs
its description.  Next to the PNGs, ``screenshots.json`` records a digest of
each photographed HTML fragment; ``tests/docs`` rebuilds the fragments and
fails when they no longer match, so the pictures are retaken whenever the
rendering changes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium import launch

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "docs" / "screenshots"
MANIFEST = OUTPUT / "screenshots.json"
SUBJECT = "sqlalchemy.orm.scoped_session.close"


@dataclass(frozen=True)
class Shot:
    """One picture: how the project is built, and what is photographed."""

    with_proxydoc: bool
    page: str = "index"
    subject: str = SUBJECT
    conf: str = ""
    #: A link inside the subject the pointer rests on (its tooltip shows).
    hover: str | None = None


VARIANTS = {
    "without-proxydoc": Shot(False),
    "with-proxydoc": Shot(True),
    # The reader features: each parameter in the signature links to its entry,
    # its synopsis shows on hover, its entry lists what links to it.
    "reader-features": Shot(
        True,
        page="session",
        subject="sqlalchemy.orm.Session.__init__",
        conf="proxydoc_param_tooltip = True\nproxydoc_param_backlinks = True\n",
        hover="a.proxydoc-siglink",
    ),
}
#: CSS pixels photographed from the top of the description: the signature, the
#: proxy note, the first paragraph and the tip with its ``:paramref:``.
HEIGHT = 480

CONF = """\
extensions = ["sphinx.ext.autodoc"{extra}]
html_theme = "alabaster"
html_theme_options = {{"page_width": "760px", "sidebar_width": "0px"}}
html_sidebars = {{"**": []}}
html_static_path = ["_static"]
html_css_files = ["links.css"]
autodoc_class_signature = "separated"
autodoc_typehints = "none"
proxydoc_module_prefixes = {{"_orm": "sqlalchemy.orm", "_engine": "sqlalchemy.engine"}}
suppress_warnings = ["ref", "app"]
"""

INDEX = """\
scoped_session
==============

.. currentmodule:: sqlalchemy.orm

.. autoclass:: scoped_session
   :members: close
   :no-index-entry:

.. toctree::
   :hidden:

   session
"""

#: The same for both pictures: links in a colour, so a reader sees which are links.
LINKS_CSS = """\
a.reference, a.reference code, a.reference code span { color: #1a5fb4; }
a.reference { text-decoration: underline; text-decoration-color: #1a5fb466; }
"""

SESSION = """\
Session
=======

.. currentmodule:: sqlalchemy.orm

.. autoclass:: Session
   :members: __init__, close
"""


def build(workdir: Path, shot: Shot) -> Path:
    """Build the two-page project into *workdir*; return the photographed page."""
    src = workdir / "src"
    src.mkdir(parents=True)
    extra = ', "proxydoc"' if shot.with_proxydoc else ""
    (src / "conf.py").write_text(CONF.format(extra=extra) + shot.conf)
    (src / "index.rst").write_text(INDEX)
    (src / "session.rst").write_text(SESSION)
    (src / "_static").mkdir()
    (src / "_static" / "links.css").write_text(LINKS_CSS)
    out = workdir / "html"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(src), str(out)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return out / f"{shot.page}.html"


def fragment(html: Path, subject: str = SUBJECT) -> str:
    """The photographed part of the page: the description of *subject*."""
    text = html.read_text()
    start = text.index(f'id="{subject}"')
    start = text.rindex("<dl", 0, start)
    end = text.index("</dl>", start) + len("</dl>")
    return re.sub(r"\s+", " ", text[start:end])


def digest(html: Path, subject: str = SUBJECT) -> str:
    """A digest of the photographed fragment, stored next to the pictures."""
    return hashlib.sha256(fragment(html, subject).encode()).hexdigest()


def build_all(workdir: Path) -> dict[str, Path]:
    """Every variant, built under *workdir*."""
    return {name: build(workdir / name, shot) for name, shot in VARIANTS.items()}


def shoot(pages: dict[str, Path], output: Path) -> None:
    """Photograph the description of :data:`SUBJECT` on each page."""
    from playwright.sync_api import sync_playwright

    output.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(
            viewport={"width": 820, "height": 900}, device_scale_factor=2
        )
        for name, html in pages.items():
            shot = VARIANTS[name]
            page.goto(html.as_uri())
            subject = page.locator(f'[id="{shot.subject}"]').locator("xpath=..")
            box = subject.bounding_box()
            assert box is not None, f"{shot.subject} is not on {html}"
            page.mouse.move(0, 0)
            if shot.hover:
                subject.locator(shot.hover).first.hover()
            margin = 12
            clip = {
                "x": max(box["x"] - margin, 0),
                "y": max(box["y"] - margin, 0),
                "width": box["width"] + 2 * margin,
                "height": min(box["height"] + 2 * margin, HEIGHT),
            }
            page.screenshot(path=str(output / f"{name}.png"), clip=clip, full_page=True)
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pages = build_all(Path(tmp))
        shoot(pages, args.output)
        manifest = {
            name: digest(html, VARIANTS[name].subject) for name, html in pages.items()
        }
    (args.output / MANIFEST.name).write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {', '.join(VARIANTS)} to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
