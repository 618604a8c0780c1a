"""Parameter links on five themes in headless Chromium: tests/roots/test-themes.

Each theme builds the root once (backlinks and tooltips on); each test opens
the pages and measures what a reader sees: where a click leads and what is
highlighted there, the tooltip on hover and on keyboard focus, the backlinks,
the spacing of parameter items, field lists beside a wide code example, a
phone-wide screen, light and dark modes.  Sizes are compared with each other
(tests/docs/layout.py), never with pixel values: the tests hold whatever
fonts the machine has.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from docsbuild import ROOT, Site, serve
from layout import WIDER_TEXT, overflow, spilling_lists, squeezed_labels
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

THEMES = (
    "alabaster",
    "furo",
    "sphinx_rtd_theme",
    "pydata_sphinx_theme",
    "sphinx_book_theme",
)
#: How each theme with a dark mode is switched to it.
DARK_MODES = {
    "furo": "document.body.dataset.theme = 'dark'",
    "pydata_sphinx_theme": "document.documentElement.dataset.theme = 'dark'",
    "sphinx_book_theme": "document.documentElement.dataset.theme = 'dark'",
}
#: Each theme in light mode, and those with a dark mode in dark mode too.
MODES = [(theme, False) for theme in THEMES] + [(theme, True) for theme in DARK_MODES]
MODE_IDS = [f"{theme}-{'dark' if dark else 'light'}" for theme, dark in MODES]
OWNER = "pd_themes.Connection"
ARGS = f"{OWNER}.params.args"
ARGS_ALIAS = f"{OWNER}.params.*args"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def theme_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The root built with each theme (in parallel), all served from one folder."""
    out = tmp_path_factory.mktemp("themes")
    source = out / "src"
    shutil.copytree(
        ROOT / "tests" / "roots" / "test-themes",
        source,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    builds = {
        theme: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-b",
                "html",
                "-W",
                "--keep-going",
                "-q",
                "-E",
                "-d",
                str(out / f"{theme}.doctrees"),
                "-D",
                f"html_theme={theme}",
                "-D",
                "proxydoc_param_tooltip=1",
                str(source),
                str(out / theme),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for theme in THEMES
    }
    failed = {}
    for theme, process in builds.items():
        _, stderr = process.communicate()
        if process.returncode:
            failed[theme] = stderr
    assert not failed, failed
    yield from serve(out)


def url(site: Site, theme: str, page: str) -> str:
    return site.url(f"{theme}/{page}")


def open_page(
    browser: Any, site: Site, theme: str, page: str, *, dark: bool = False, **context
) -> Any:
    """A new tab on *page*; the caller closes ``tab.context``."""
    context.setdefault("viewport", {"width": 1280, "height": 800})
    tab = browser.new_context(**context).new_page()
    tab.goto(url(site, theme, page))
    if dark:
        tab.evaluate(DARK_MODES[theme])
        page = COLOUR_JS + "() => luminance(backdrop(document.querySelector('p')))"
        assert tab.evaluate(page) < 0.1, f"{theme} is dark"
    return tab


def in_viewport(tab: Any, element_id: str) -> bool:
    """Whether the element is on screen, once any smooth scrolling has settled."""
    try:
        tab.wait_for_function(
            """id => {
                const r = document.getElementById(id).getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
            }""",
            arg=element_id,
            timeout=5000,
        )
    except PlaywrightTimeout:
        return False
    return True


#: Colours and contrast as a reader sees them: translucent layers are blended
#: over what is under them, up to the page.
COLOUR_JS = """
const parse = c => { const m = c.match(/[\\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
const backdrop = el => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a === 1) break;
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
};
const luminance = c => {
    const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
};
const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
};
"""


def highlight(tab: Any, element_id: str) -> dict[str, Any]:
    """Whether the item holding *element_id* is the highlighted target, and how."""
    return dict(
        tab.evaluate(
            COLOUR_JS
            + """
            id => {
                const item = document.getElementById(id).closest('.proxydoc-param');
                const style = getComputedStyle(item);
                const text = parse(getComputedStyle(item.querySelector('p')).color);
                const lit = backdrop(item);
                const page = backdrop(item.parentElement);
                return {
                    item: item.id,
                    target: document.querySelector(':target')?.id ?? null,
                    background: parse(style.backgroundColor).a > 0,
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                    text_contrast: contrast(over(text, lit), lit),
                    against_page: contrast(lit, page),
                };
            }""",
            element_id,
        )
    )


def check_highlighted(tab: Any, element_id: str, item_id: str) -> None:
    assert in_viewport(tab, element_id)
    seen = highlight(tab, element_id)
    assert seen["target"] == element_id
    assert seen["item"] == item_id
    assert seen["background"] and seen["outline"], seen
    assert seen["text_contrast"] >= 4.5, seen  # still readable
    assert seen["against_page"] > 1.05, seen  # and visibly marked
    # the highlight is the :target rule's: with another target, it is gone
    tab.evaluate("location.hash = '#pd_themes.Connection.execute'")
    assert not highlight(tab, element_id)["background"]


@pytest.mark.parametrize(("theme", "dark"), MODES, ids=MODE_IDS)
def test_signature_link_leads_to_the_highlighted_entry(
    browser: Any, theme_sites: Site, theme: str, dark: bool
) -> None:
    anchor = f"{OWNER}.params.options"
    tab = open_page(
        browser, theme_sites, theme, "api.html", dark=dark,
        viewport={"width": 1280, "height": 260},
    )  # fmt: skip
    try:
        link = tab.locator(f'dt a.proxydoc-siglink[href="#{anchor}"]')
        assert link.count() == 1
        # the link at the foot of the screen, its entry below it
        link.evaluate("a => a.scrollIntoView({block: 'end'})")
        start = tab.evaluate("window.scrollY")
        assert tab.evaluate(
            "id => document.getElementById(id).getBoundingClientRect().top"
            " >= window.innerHeight",
            anchor,
        ), "the entry starts below the screen"
        link.click()
        tab.wait_for_url(f"**/api.html#{anchor}")
        assert in_viewport(tab, anchor)  # once any smooth scrolling is done
        assert tab.evaluate("window.scrollY") > start
        check_highlighted(tab, anchor, anchor)
    finally:
        tab.context.close()


@pytest.mark.parametrize("theme", THEMES)
def test_the_alias_id_leads_to_the_same_highlighted_entry(
    browser: Any, theme_sites: Site, theme: str
) -> None:
    """``params.*args``, the id sphinx-paramlinks wrote: its whole item is lit."""
    tab = open_page(
        browser, theme_sites, theme, "api.html", viewport={"width": 1280, "height": 420}
    )
    try:
        tab.evaluate(f"location.hash = '#{ARGS_ALIAS}'")
        check_highlighted(tab, ARGS_ALIAS, ARGS)
    finally:
        tab.context.close()


SIGLINKS_JS = """() => [...document.querySelectorAll('dt a.proxydoc-siglink')].map(a => {
    const entry = document.getElementById(a.getAttribute('href').slice(1));
    const name = entry.querySelector('.proxydoc-param-name').textContent.replace(/^\\*+/, '');
    const text = entry.querySelector('p').textContent;
    return {name: a.textContent, title: a.title, entry: name,
            description: text.slice(text.indexOf('\\u2013') + 1).trim()};
})"""


def tooltip_box(tab: Any, selector: str) -> dict[str, float]:
    """Where the link's ``::after`` box is drawn, as Chromium laid it out."""
    cdp = tab.context.new_cdp_session(tab)
    try:
        document = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})
        node = cdp.send(
            "DOM.querySelector",
            {"nodeId": document["root"]["nodeId"], "selector": selector},
        )
        link = cdp.send("DOM.describeNode", {"nodeId": node["nodeId"], "depth": 1})
        after = next(
            p for p in link["node"]["pseudoElements"] if p["pseudoType"] == "after"
        )
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": after["backendNodeId"]})
    finally:
        cdp.detach()
    xs, ys = quad["model"]["border"][0::2], quad["model"]["border"][1::2]
    return {"left": min(xs), "top": min(ys), "right": max(xs), "bottom": max(ys)}


def tooltip(tab: Any, selector: str) -> dict[str, Any]:
    """The link's generated tooltip: shown or not, its text, where, how legible."""
    seen = tab.evaluate(
        COLOUR_JS
        + """
        selector => {
            const a = document.querySelector(selector);
            const box = getComputedStyle(a, '::after');
            if (box.display === 'none') return {shown: false};
            const bg = parse(box.backgroundColor);
            return {
                shown: true,
                text: box.content,
                link: a.getBoundingClientRect().toJSON(),
                screen: document.documentElement.clientWidth,
                contrast: contrast(parse(box.color), over(bg, backdrop(a))),
                focus_visible: a.matches(':focus-visible'),
            };
        }""",
        selector,
    )
    if not seen["shown"]:
        return dict(seen)
    box, link = tooltip_box(tab, selector), seen.pop("link")
    width = box["right"] - box["left"]
    gap = max(box["top"] - link["bottom"], link["top"] - box["bottom"])
    hit = tab.evaluate(
        """([selector, x, y]) =>
            document.elementFromPoint(x, y) === document.querySelector(selector)""",
        [selector, (box["left"] + box["right"]) / 2, (box["top"] + box["bottom"]) / 2],
    )
    return {
        **seen,
        "box": box,
        # just under or over the link, and across from it
        "near": 0 <= gap < 24
        and box["left"] <= link["right"]
        and box["right"] >= link["left"],
        # had it started at the link's left edge, it would not have fitted
        "moved": link["left"] + width > seen["screen"],
        "inside": box["left"] >= 0 and box["right"] <= seen["screen"],
        "on_top": hit,
    }


def accessible(tab: Any, selector: str) -> tuple[str, str]:
    """The link's accessible name and description, as Chromium gives them."""
    cdp = tab.context.new_cdp_session(tab)
    try:
        document = cdp.send("DOM.getDocument")
        node = cdp.send(
            "DOM.querySelector",
            {"nodeId": document["root"]["nodeId"], "selector": selector},
        )
        found = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"]})
    finally:
        cdp.detach()
    link = next(n for n in found["nodes"] if n.get("role", {}).get("value") == "link")
    return link["name"]["value"], link.get("description", {}).get("value", "")


#: Lets the test hit-test the tooltip box (it lets the pointer through).
HITTABLE = "a.proxydoc-tooltip::after { pointer-events: auto !important; }"


@pytest.mark.parametrize(("theme", "dark"), MODES, ids=MODE_IDS)
def test_the_synopsis_is_the_title_and_the_tooltip(
    browser: Any, theme_sites: Site, theme: str, dark: bool
) -> None:
    tab = open_page(browser, theme_sites, theme, "api.html", dark=dark)
    try:
        links = tab.evaluate(SIGLINKS_JS)
        assert len(links) == 8
        for link in links:
            assert link["name"] == link["entry"], link
            # "Connection.url — parameter: <the description's first sentence>"
            head, _, sentence = link["title"].partition(" \u2014 parameter: ")
            assert head.endswith("." + link["name"]), link
            assert sentence and link["description"].startswith(sentence), link
        tab.add_style_tag(content=HITTABLE)
        selector = f'dt a.proxydoc-siglink[href="#{OWNER}.params.timeout"]'
        title = tab.get_attribute(selector, "title")
        assert not tooltip(tab, selector)["shown"]
        tab.hover(selector)
        shown = tooltip(tab, selector)
        assert shown["shown"] and shown["on_top"] and shown["inside"], shown
        assert shown["near"], shown
        assert shown["text"] == f'"{title}" / ""'
        assert shown["contrast"] >= 4.5, shown
        assert accessible(tab, selector) == ("timeout", title)
    finally:
        tab.context.close()


RIGHTMOST_JS = """() => {
    const links = [...document.querySelectorAll('dt a.proxydoc-siglink')];
    const right = a => a.getBoundingClientRect().right;
    const last = links.reduce((a, b) => (right(b) > right(a) ? b : a));
    last.id = 'rightmost';
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_a_tooltip_at_the_screen_edge_stays_on_it(
    browser: Any, theme_sites: Site, theme: str
) -> None:
    tab = open_page(
        browser, theme_sites, theme, "api.html", viewport={"width": 960, "height": 700}
    )
    try:
        tab.add_style_tag(content=HITTABLE)
        tab.evaluate(RIGHTMOST_JS)
        tab.hover("#rightmost")
        shown = tooltip(tab, "#rightmost")
        assert shown["shown"] and shown["moved"], shown
        assert shown["inside"] and shown["on_top"] and shown["near"], shown
    finally:
        tab.context.close()


@pytest.mark.parametrize("theme", THEMES)
def test_the_tooltip_shows_on_keyboard_focus(
    browser: Any, theme_sites: Site, theme: str
) -> None:
    tab = open_page(browser, theme_sites, theme, "guide.html")
    try:
        tab.add_style_tag(content=HITTABLE)
        links = tab.locator("a.proxydoc-tooltip")
        assert links.count() == 6
        # focus the first :paramref: link, then Tab to the second, as a reader would
        links.nth(0).focus()
        tab.keyboard.press("Tab")
        second = tab.evaluate(
            "() => document.activeElement === document.querySelectorAll("
            "'a.proxydoc-tooltip')[1]"
        )
        assert second, "Tab moves to the next :paramref: link"
        selector = "a.proxydoc-tooltip:focus"
        shown = tooltip(tab, selector)
        assert shown["shown"] and shown["focus_visible"] and shown["on_top"], shown
        title = tab.get_attribute(selector, "title")
        assert title and shown["text"] == f'"{title}" / ""'
        assert " \u2014 parameter: " in title
    finally:
        tab.context.close()


BACKLINKS_JS = """() => {
    const listed = {};
    for (const item of document.querySelectorAll('.proxydoc-param')) {
        const list = item.querySelector('.proxydoc-backlinks');
        listed[item.id] = list ? [...list.querySelectorAll('a')].map(
            a => a.getAttribute('href')) : [];
    }
    return listed;
}"""

#: What the guide links to, from where: its sections and the parameters they name.
PARAMREFS_JS = """() => [...document.querySelectorAll('a > code.py-paramref')].map(c => ({
    section: c.closest('section[id], div.section[id]').id,
    anchor: c.parentElement.getAttribute('href').split('#')[1],
}))"""


@pytest.mark.parametrize("theme", THEMES)
def test_backlinks_list_and_lead_to_the_referring_place(
    browser: Any, theme_sites: Site, theme: str
) -> None:
    tab = open_page(browser, theme_sites, theme, "guide.html")
    try:
        expected: dict[str, list[str]] = {}
        for ref in tab.evaluate(PARAMREFS_JS):
            places = expected.setdefault(ref["anchor"], [])
            if f"guide.html#{ref['section']}" not in places:
                places.append(f"guide.html#{ref['section']}")
        tab.goto(url(theme_sites, theme, "api.html"))
        listed = tab.evaluate(BACKLINKS_JS)
        assert {k: v for k, v in listed.items() if v} == expected
        assert len(expected) >= 5
        item = f"{OWNER}.execute.params.echo"
        tab.locator(f'[id="{item}"] .proxydoc-backlinks a').first.click()
        section = expected[item][0].split("#")[1]
        tab.wait_for_url(f"**/guide.html#{section}")
        assert in_viewport(tab, section)
        place = tab.locator(f'[id="{section}"] a[href$="#{item}"]')
        assert place.count() == 1, "the place it leads to links to the parameter"
    finally:
        tab.context.close()


#: Each list of parameter items, measured: where each item is, where its
#: first paragraph starts and how tall it is, and how tall that paragraph is
#: when set on one line (so items are compared whatever the font: how the
#: lines wrap depends on its width), the room between the name and its dash.
LAYOUT_JS = """() => [...document.querySelectorAll('ul')].map(list =>
    [...list.children].filter(li => li.classList.contains('proxydoc-param'))
).filter(items => items.length > 1).map(items => items.map(li => {
    const item = li.getBoundingClientRect();
    const p = li.querySelector('p');
    const first = p.getBoundingClientRect();
    p.style.whiteSpace = 'nowrap';
    const line = p.getBoundingClientRect().height;
    p.style.whiteSpace = '';
    const name = li.querySelector('.proxydoc-param-name');
    let text = name.nextSibling;
    while (text.nodeType !== Node.TEXT_NODE) text = text.nextSibling;
    const dash = document.createRange();
    dash.setStart(text, text.data.indexOf('\\u2013'));
    dash.setEnd(text, text.data.indexOf('\\u2013') + 1);
    const space = document.createRange();
    space.setStart(text, 0);
    space.setEnd(text, 1);
    return {
        id: li.id, top: item.top, bottom: item.bottom,
        offset: first.top - item.top, height: first.height, line: line,
        gap: dash.getBoundingClientRect().left - name.getBoundingClientRect().right,
        space: space.getBoundingClientRect().width,
        dash: dash.getBoundingClientRect().left,
        alias: li.querySelector('.proxydoc-param-name[id]') !== null,
    };
}))"""


@pytest.mark.parametrize("theme", THEMES)
def test_parameter_items_are_evenly_spaced(
    browser: Any, theme_sites: Site, theme: str
) -> None:
    tab = open_page(browser, theme_sites, theme, "api.html")
    try:
        lists = tab.evaluate(LAYOUT_JS)
        assert len(lists) == 2 and sum(map(len, lists)) == 8
        for items in lists:
            gaps = [b["top"] - a["bottom"] for a, b in pairwise(items)]
            assert max(gaps) - min(gaps) <= 1, (gaps, items)
            # an item with an alias id on its name is neither taller nor lower:
            # its paragraph starts where the others' do, is as tall on one line,
            # and on as many lines as it wraps to, as tall as that many lines
            for key in ("offset", "line"):
                values = [item[key] for item in items]
                assert max(values) - min(values) <= 1, (key, items)
            for item in items:
                lines = max(round(item["height"] / item["line"]), 1)
                assert abs(item["height"] - lines * item["line"]) <= lines, item
                # name, one space, dash: the hidden self-link takes no room
                assert abs(item["gap"] - item["space"]) <= 1, item
        # *args, **options, *params: their items were measured with the others
        assert sum(item["alias"] for items in lists for item in items) == 3
        # shown on hover, the self-link moves nothing
        first = lists[0][0]
        tab.hover(f'[id="{first["id"]}"] .proxydoc-param-name')
        symbol = tab.locator(f'[id="{first["id"]}"] a.proxydoc-paramlink')
        assert symbol.is_visible()
        assert symbol.evaluate("a => getComputedStyle(a).opacity") != "0"
        assert tab.evaluate(LAYOUT_JS)[0][0]["dash"] == first["dash"]
        box = symbol.bounding_box()
        name = tab.locator(f'[id="{first["id"]}"] .proxydoc-param-name').bounding_box()
        assert name["x"] + name["width"] <= box["x"] <= first["dash"], (name, box)
    finally:
        tab.context.close()


#: The Read the Docs theme lays out a field list as a grid whose second column
#: is at least 80% wide (``minmax(80%, 95%)``) beside the field names, so the
#: field list overflows a phone's screen with or without proxydoc.
THEME_OVERFLOW = {"sphinx_rtd_theme": {("dd", "dl.field-list")}}
#: The same grid: on a phone its descriptions reach past the list.
GRID_SPILLS = {("sphinx_rtd_theme", PHONE["width"])}


def theme_overflow(theme: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """*found* (:func:`layout.overflow`) less the theme's own grids."""
    allowed = THEME_OVERFLOW.get(theme, set())
    return [
        el
        for el in found
        if el["proxydoc"] or (el["tag"], el["parent"].split(" ")[0]) not in allowed
    ]


def page_overflow(tab: Any, theme: str) -> dict[str, list[dict[str, Any]]]:
    """What widens the page, as served and with wider text (the theme's own
    grids aside)."""
    found = {"as served": theme_overflow(theme, overflow(tab))}
    tab.add_style_tag(content=WIDER_TEXT)
    found["wider text"] = theme_overflow(theme, overflow(tab))
    return {k: v for k, v in found.items() if v}


#: The pages of the root: the API, the guide that links to it, and a parameter
#: whose description holds a code example wider than any screen.
PAGES = ("api.html", "guide.html", "examples.html")


@pytest.mark.parametrize("theme", THEMES)
def test_pages_fit_a_phone_screen(browser: Any, theme_sites: Site, theme: str) -> None:
    tab = open_page(
        browser, theme_sites, theme, "api.html",
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
    )  # fmt: skip
    try:
        found = {}
        for page in PAGES:
            tab.goto(url(theme_sites, theme, page))
            found[page] = page_overflow(tab, theme)
        # a shown tooltip sits at the screen's foot and widens nothing either
        tab.goto(url(theme_sites, theme, "guide.html"))
        tab.add_style_tag(content=HITTABLE)
        tab.locator("a.proxydoc-tooltip").nth(3).focus()  # the second section's
        tab.keyboard.press("Tab")
        shown = tooltip(tab, "a.proxydoc-tooltip:focus")
        assert shown["shown"] and shown["inside"] and shown["on_top"], shown
        found["guide.html, tooltip shown"] = theme_overflow(theme, overflow(tab))
    finally:
        tab.context.close()
    assert not any(found.values()), found


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", [1280, PHONE["width"]], ids=["wide", "phone"])
def test_field_lists_keep_their_label_and_their_column(
    browser: Any, theme_sites: Site, theme: str, width: int
) -> None:
    """The "Parameters" label keeps its word whole, and a description's wide
    code example scrolls in its box instead of widening the list past its
    column, with the font the machine has and with wider text."""
    tab = open_page(
        browser, theme_sites, theme, "examples.html",
        viewport={"width": width, "height": 800},
    )  # fmt: skip
    try:
        found: dict[str, Any] = {}
        for page in ("api.html", "examples.html"):
            tab.goto(url(theme_sites, theme, page))
            assert tab.locator("dl.field-list .proxydoc-param").count() >= 2
            for css in ("", WIDER_TEXT):
                if css:
                    tab.add_style_tag(content=css)
                text = "wider text" if css else "as served"
                if labels := squeezed_labels(tab):
                    found[f"{page}, {text}: label"] = labels
                spilling = spilling_lists(tab)
                if spilling and (theme, width) not in GRID_SPILLS:
                    found[f"{page}, {text}: list"] = spilling
        example = tab.locator("dl.field-list pre").first
        assert example.evaluate("pre => pre.scrollWidth > pre.clientWidth"), (
            "the example is wider than its box, which scrolls"
        )
    finally:
        tab.context.close()
    assert not found, found
