"""The showcase in a real browser: headless Chromium follows links and reads styles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docsbuild import DocsBuild, Site
from layout import FIELD_LISTS_JS, overflow_as_served_and_wider, squeezed_labels
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

SHOWCASE = "showcase/scoped_session.html"
CLOSE = "sqlalchemy.orm.scoped_session.close"
PARAM = "sqlalchemy.orm.Session.params.close_resets_only"
SESSION_CLOSE = "sqlalchemy.orm.Session.close"
TRANSPARENT = "rgba(0, 0, 0, 0)"


def description(page: Any, object_id: str) -> Any:
    """The ``<dl>`` that describes *object_id*."""
    return page.locator(f'[id="{object_id}"]').locator("xpath=..")


IN_VIEWPORT = """id => {
    const r = document.getElementById(id).getBoundingClientRect();
    // -1: scrolled to, an element's top may sit a fraction of a pixel above 0
    return r.top > -1 && r.top < window.innerHeight && r.height > 0;
}"""


def in_viewport(page: Any, element_id: str) -> bool:
    """Whether the element is on screen, once any smooth scrolling has settled."""
    try:
        page.wait_for_function(IN_VIEWPORT, arg=element_id, timeout=5000)
    except PlaywrightTimeout:
        return False
    return True


def target_style(page: Any, element_id: str) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """id => {
                const el = document.getElementById(id);
                const style = getComputedStyle(el);
                return {
                    matches: el.matches(':target'),
                    background: style.backgroundColor,
                    outline: style.outlineStyle,
                };
            }""",
            element_id,
        )
    )


def follow_paramref(page: Any, site: Site) -> None:
    """Open the showcase, click the ``close_resets_only`` link of ``close``."""
    page.goto(site.url(SHOWCASE))
    link = description(page, CLOSE).locator(f'a[href$="#{PARAM}"]').first
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"**/showcase/session.html#{PARAM}")


def check_parameter_highlighted(page: Any) -> None:
    assert in_viewport(page, PARAM)
    assert page.evaluate("window.scrollY") > 0, "the browser scrolled down to it"
    style = target_style(page, PARAM)
    assert style["matches"], "the parameter is the :target"
    assert style["background"] != TRANSPARENT
    assert style["outline"] != "none"
    # The highlight is the :target rule: once another element is the target,
    # the parameter has none.
    page.evaluate(f"location.hash = '#{SESSION_CLOSE}'")
    untargeted = target_style(page, PARAM)
    assert not untargeted["matches"]
    assert untargeted["background"] == TRANSPARENT


def check_proxied_for_note(page: Any, site: Site) -> None:
    page.goto(site.url(SHOWCASE))
    note = description(page, CLOSE).get_by_text("Proxied for", exact=False).first
    assert note.is_visible()
    link = note.locator("xpath=ancestor-or-self::*[self::p or self::div][1]").locator(
        f'a[href$="#{SESSION_CLOSE}"]'
    )
    assert link.count() >= 1, "the note links to Session.close"
    link.first.click()
    page.wait_for_url(f"**/showcase/session.html#{SESSION_CLOSE}")
    assert in_viewport(page, SESSION_CLOSE)


def test_paramref_scrolls_to_and_highlights_the_parameter(
    page: Any, docs_site: Site
) -> None:
    follow_paramref(page, docs_site)
    check_parameter_highlighted(page)


def test_proxied_for_note_leads_to_session_close(page: Any, docs_site: Site) -> None:
    check_proxied_for_note(page, docs_site)


def test_furo_theme_highlights_the_parameter(page: Any, furo_site: Site) -> None:
    follow_paramref(page, furo_site)
    check_parameter_highlighted(page)


def test_furo_theme_shows_the_proxied_for_note(page: Any, furo_site: Site) -> None:
    check_proxied_for_note(page, furo_site)


#: The width of a phone's screen, in CSS pixels.
PHONE = {"width": 390, "height": 844}


def built_pages(site_dir: Path) -> list[str]:
    """Every page the build wrote, relative to its output folder."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if not path.relative_to(site_dir).parts[0].startswith(("_", "."))
    )


def test_pages_fit_a_phone_screen(
    browser: Any,
    docs_build: DocsBuild,
    docs_site: Site,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Every page, as served and with wider text (a wider font): no sideways
    scrolling, and each field list keeps its label's words whole."""
    pages = built_pages(docs_build.outdir)
    assert {SHOWCASE, "showcase/session.html", "index.html"} <= set(pages)
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        overflowing, squeezed, measured = {}, {}, 0
        for name in pages:
            page.goto(docs_site.url(name))
            measured += len(page.evaluate(FIELD_LISTS_JS))
            if labels := squeezed_labels(page):
                squeezed[name] = labels
            if found := overflow_as_served_and_wider(page):
                overflowing[name] = found
        page.goto(docs_site.url(SHOWCASE))
        shot: Path = tmp_path_factory.mktemp("phone") / "scoped_session-390px.png"
        page.screenshot(path=str(shot))
        assert shot.read_bytes()[:4] == b"\x89PNG"
    finally:
        context.close()
    assert measured > 10, "the label check found (almost) no field list to measure"
    assert not overflowing, overflowing
    assert not squeezed, squeezed
