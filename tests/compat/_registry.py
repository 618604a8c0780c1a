"""What each compatibility test checks, for the docs' compatibility table.

``docs/_ext/compat_table.py`` reads this folder's test modules with
:mod:`ast` (nothing is imported, so the docs build needs no test-only
package): every test decorated with :func:`checks` is one row, and
:data:`ELSEWHERE` names the tests of other folders that check themes and
builders.  Arguments must therefore be plain string literals.
``tests/compat/test_registry.py`` checks that every row names a test that exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Test = TypeVar("Test", bound=Callable[..., object])

#: The kinds of thing the table lists, in its order.
KINDS = ("extension", "theme", "builder")


def checks(subject: str, kind: str, *what: str) -> Callable[[Test], Test]:
    """Record that the decorated test checks *what* of proxydoc with *subject*.

    *subject* is the package (``"sphinx-autoapi"``) or builder name, *kind* one
    of :data:`KINDS`, each *what* a short phrase shown in the table.
    """
    if kind not in KINDS or not what:
        raise ValueError(f"checks({subject!r}, {kind!r}, ...): bad kind or no checks")

    def mark(test: Test) -> Test:
        test.compat_checks = (subject, kind, what)  # type: ignore[attr-defined]
        return test

    return mark


#: Themes and builders checked by tests outside this folder:
#: (subject or subjects, kind, what it checks, "path::test function").
ELSEWHERE: tuple[tuple[str | tuple[str, ...], str, str, str], ...] = (
    ("alabaster", "theme", "a :paramref: scrolls to the parameter, highlighted (Chromium)", "tests/docs/test_browser.py::test_paramref_scrolls_to_and_highlights_the_parameter"),
    ("alabaster", "theme", "the proxy note leads to the proxied method (Chromium)", "tests/docs/test_browser.py::test_proxied_for_note_leads_to_session_close"),
    ("alabaster", "theme", "a parameter's second id (*args) sits on its name, not before the item", "tests/browser/test_theme_markup.py::test_alias_ids_are_on_the_name_not_before_the_item"),
    ("furo", "theme", "a :paramref: scrolls to the parameter, highlighted (Chromium)", "tests/docs/test_browser.py::test_furo_theme_highlights_the_parameter"),
    ("furo", "theme", "the proxy note leads to the proxied method (Chromium)", "tests/docs/test_browser.py::test_furo_theme_shows_the_proxied_for_note"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "a signature link scrolls to its entry and highlights it, light and dark (Chromium)", "tests/docs/test_browser_themes.py::test_signature_link_leads_to_the_highlighted_entry"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "the params.*args alias highlights the same item", "tests/docs/test_browser_themes.py::test_the_alias_id_leads_to_the_same_highlighted_entry"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "a link's title is the parameter's synopsis, shown as a tooltip on hover", "tests/docs/test_browser_themes.py::test_the_synopsis_is_the_title_and_the_tooltip"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "the tooltip shows on keyboard focus", "tests/docs/test_browser_themes.py::test_the_tooltip_shows_on_keyboard_focus"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "a tooltip at the screen's edge stays on screen", "tests/docs/test_browser_themes.py::test_a_tooltip_at_the_screen_edge_stays_on_it"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "the Referenced by list under a parameter, its links leading back", "tests/docs/test_browser_themes.py::test_backlinks_list_and_lead_to_the_referring_place"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "parameter items evenly spaced; the self-link moves nothing", "tests/docs/test_browser_themes.py::test_parameter_items_are_evenly_spaced"),
    (("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme"), "theme", "nothing of proxydoc's widens a phone-wide (390 px) screen", "tests/docs/test_browser_themes.py::test_pages_fit_a_phone_screen"),
    ("dirhtml", "builder", "parameter anchors, self-links and :paramref: links", "tests/params/test_formats.py::test_html_builders_keep_anchors_and_links"),
    ("singlehtml", "builder", "parameter anchors, self-links and :paramref: links", "tests/params/test_formats.py::test_html_builders_keep_anchors_and_links"),
    ("epub", "builder", "parameter anchors, self-links and :paramref: links", "tests/params/test_formats.py::test_html_builders_keep_anchors_and_links"),
    ("epub", "builder", "proxy notes and their stylesheet", "tests/proxies/test_formats.py::test_epub"),
    ("latex", "builder", "a label and an index entry per parameter; :paramref: hyperrefs", "tests/params/test_formats.py::test_print_builders_get_labels"),
    ("latex", "builder", "a label for each id of a parameter (*args too)", "tests/browser/test_theme_markup.py::test_latex_labels_both_ids"),
    ("latex", "builder", "proxy notes linking the proxied member; Proxied by lines", "tests/proxies/test_formats.py::test_latex"),
    ("texinfo", "builder", "an anchor per parameter; :paramref: references", "tests/params/test_formats.py::test_print_builders_get_labels"),
    ("texinfo", "builder", "proxy notes and Proxied by lines as references", "tests/proxies/test_formats.py::test_texinfo"),
    ("text", "builder", "parameter names without link symbols", "tests/params/test_formats.py::test_plain_builders_show_names_without_symbols"),
    ("text", "builder", "proxy notes and Proxied by lines", "tests/proxies/test_formats.py::test_text"),
    ("man", "builder", "parameter names without link symbols", "tests/params/test_formats.py::test_plain_builders_show_names_without_symbols"),
    ("man", "builder", "proxy notes and Proxied by lines", "tests/proxies/test_formats.py::test_man"),
)  # fmt: skip
