"""Layout relations measured in headless Chromium, whatever font it draws with.

The browser tests assert relations a reader sees -- the page is no wider
than the screen, a label is at least as wide as its longest word -- never
pixel values, which depend on the fonts a machine has (Debian's DejaVu is
wider than Liberation, which Chromium picks for Times and Arial when it is
installed).  A layout that fits only thanks to a narrow font is caught on
every machine: each page is measured once as served and once with every
glyph spaced out by :data:`WIDER_TEXT`.
"""

from __future__ import annotations

from typing import Any

#: Text about a quarter wider: 0.1em more per glyph makes a line of Liberation
#: Serif as wide as the same line of DejaVu Serif (905 -> 1129 px against
#: 1146 px for one sentence at 16px in Chromium), so a page that fits only in
#: the narrower font overflows with it on any machine.
WIDER_TEXT = "*, *::before, *::after { letter-spacing: 0.1em !important; }"

#: Elements that start a sideways overflow of the page: past the screen's
#: right edge while their parent is not, and not inside a box that scrolls
#: or clips its content (a code block).  Empty when the page fits.
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const over = el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 0.5;
    };
    const clipped = el => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
    };
    const found = [...document.body.querySelectorAll('*')]
        .filter(el => over(el) && !over(el.parentElement) && !clipped(el))
        .map(el => ({
            tag: el.tagName.toLowerCase(), classes: el.className,
            parent: el.parentElement.tagName.toLowerCase() + '.'
                + el.parentElement.className,
            text: el.textContent.trim().slice(0, 60),
            proxydoc: el.closest('[class*="proxydoc-"]') !== null,
        }));
    // wider than the screen, but no single element is: say so all the same
    return found.length ? found : [{tag: 'html', classes: '', parent: '',
        text: `scrollWidth ${document.documentElement.scrollWidth} > ${width}`,
        proxydoc: false}];
}"""

#: Each field list of the page: its label's content width beside the width of
#: the label's longest word set on one line in the label's own font, and
#: where the list, its descriptions and the column that holds it end.
FIELD_LISTS_JS = """() => [...document.querySelectorAll('dl.field-list')].map(dl => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
    const right = el => el.getBoundingClientRect().right;
    return [...dl.querySelectorAll(':scope > dt')].map(dt => {
        const words = dt.textContent.split(/\\s+/).filter(Boolean);
        dt.appendChild(probe);
        let longest = 0;
        for (const word of words) {
            probe.textContent = word;
            longest = Math.max(longest, probe.getBoundingClientRect().width);
        }
        probe.remove();
        const style = getComputedStyle(dt);
        const dd = dt.nextElementSibling;
        return {
            label: dt.textContent.trim(),
            width: dt.getBoundingClientRect().width
                - ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
                    .reduce((sum, side) => sum + parseFloat(style[side]), 0),
            longest_word: longest,
            list_right: right(dl),
            description_right: right(dd),
            column_right: right(dl.parentElement),
        };
    });
}).flat()"""


def overflow(tab: Any) -> list[dict[str, Any]]:
    """What makes the page in *tab* wider than its screen (empty: it fits)."""
    return list(tab.evaluate(OVERFLOW_JS))


def overflow_as_served_and_wider(tab: Any) -> dict[str, list[dict[str, Any]]]:
    """:func:`overflow` of the page as served, then with :data:`WIDER_TEXT`.

    The wider text stays on the page until it is loaded again.
    """
    found = {"as served": overflow(tab)}
    tab.add_style_tag(content=WIDER_TEXT)
    found["wider text"] = overflow(tab)
    return {k: v for k, v in found.items() if v}


def squeezed_labels(tab: Any) -> list[dict[str, Any]]:
    """Field-list labels narrower than their longest word (broken inside it)."""
    return [
        item
        for item in tab.evaluate(FIELD_LISTS_JS)
        if item["width"] < item["longest_word"] - 0.5
    ]


def spilling_lists(tab: Any) -> list[dict[str, Any]]:
    """Field lists whose descriptions reach past the list or the list past its
    column: a description's widest part set the width, not the page."""
    return [
        item
        for item in tab.evaluate(FIELD_LISTS_JS)
        if item["description_right"] > item["list_right"] + 0.5
        or item["list_right"] > item["column_right"] + 0.5
    ]
