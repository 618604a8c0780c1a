"""Keyword arguments in code examples link to the parameters they pass.

With sphinx-codeautolink, ``Session(autoflush=False)`` in an example links
``Session`` to its description; this links ``autoflush`` to
``Session.params.autoflush`` too, titled with the parameter's synopsis.

codeautolink links names in the highlighted HTML of each page when the page
is written (``html-page-context``); keyword arguments exist only there, as
Pygments' tokens.  So this runs just after it, on the same HTML: after each
of codeautolink's links (``a.sphinx-codeautolink-a``, whose fragment is the
id of the object it links, its full name) that is followed by ``(``, each
``name=`` at the call's own depth whose object documents a parameter
``name`` becomes a link.  Nothing else in the page changes.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from proxydoc._pydomain import python_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from proxydoc._pydomain import ProxydocPythonDomain

#: The class of a keyword argument linked to its parameter.
KWARG_CLASS = "proxydoc-kwarg"
CODEAUTOLINK = "sphinx_codeautolink"

_TOKEN = re.compile(
    r'(?P<link><a\b[^>]*\bclass="[^"]*\bsphinx-codeautolink-a\b[^"]*"[^>]*>.*?</a>)'
    r'|(?P<span><span class="(?P<cls>[a-z0-9]+)">(?P<text>[^<]*)</span>)'
    r"|(?P<other><[^>]*>|[^<]+)",
    re.DOTALL,
)
_HREF = re.compile(r'\bhref="([^"]*)"')
_PRE = re.compile(r"(<pre>)(.*?)(</pre>)", re.DOTALL)


def link_keyword_arguments(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Link the keyword arguments of the calls codeautolink linked in this page."""
    body = context.get("body")
    if not isinstance(body, str) or "sphinx-codeautolink-a" not in body:
        return
    domain = python_domain(app.env)

    def url(docname: str, anchor: str) -> str:
        return app.builder.get_relative_uri(pagename, docname) + "#" + anchor

    def block(match: re.Match[str]) -> str:
        return match[1] + _link_block(match[2], domain, url) + match[3]

    context["body"] = _PRE.sub(block, body)


def _link_block(code: str, domain: ProxydocPythonDomain, url: Any) -> str:
    tokens = [m for m in _TOKEN.finditer(code)]
    out: list[str] = []
    calls: list[tuple[str, int]] = []  # (owner, depth the call opened at)
    pending: str | None = None  # an owner linked just before, awaiting "("
    depth = 0
    for index, token in enumerate(tokens):
        text = token[0]
        if token["link"]:
            href = _HREF.search(text)
            fragment = html.unescape(href[1]).partition("#")[2] if href else ""
            pending = fragment or None
            out.append(text)
            continue
        if token["span"] and token["cls"] == "p":
            for char in html.unescape(token["text"]):
                if char == "(":
                    depth += 1
                    if pending is not None:
                        calls.append((pending, depth))
                        pending = None
                elif char == ")":
                    if calls and calls[-1][1] == depth:
                        calls.pop()
                    depth -= 1
            out.append(text)
            continue
        if (token["span"] and token["cls"] == "w") or (
            token["other"] and not token["other"].strip()
        ):
            out.append(text)  # whitespace keeps a pending call
            continue
        pending = None
        if (
            token["span"]
            and token["cls"] == "n"
            and calls
            and calls[-1][1] == depth
            and _followed_by_equals(tokens, index)
        ):
            out.append(_kwarg_link(text, token["text"], calls[-1][0], domain, url))
            continue
        out.append(text)
    return "".join(out)


def _followed_by_equals(tokens: list[re.Match[str]], index: int) -> bool:
    for token in tokens[index + 1 :]:
        if token["span"] and token["cls"] == "w":
            continue
        if token["other"] and not token["other"].strip():
            continue
        return bool(token["span"]) and token["cls"] == "o" and token["text"] == "="
    return False


def _kwarg_link(
    text: str, name: str, owner: str, domain: ProxydocPythonDomain, url: Any
) -> str:
    entry = domain.param_owners.get(owner)
    if entry is None or name not in entry.params:
        return text
    title = html.escape(entry.synopsis(name) or "", quote=True)
    href = html.escape(url(entry.docname, entry.params[name]), quote=True)
    return f'<a href="{href}" class="{KWARG_CLASS}" title="{title}">{text}</a>'


def _link_if_codeautolink(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if CODEAUTOLINK in app.extensions:
        link_keyword_arguments(app, pagename, templatename, context, doctree)


def setup_kwargs(app: Sphinx) -> None:
    """After codeautolink's links (priority 500): link the keyword arguments."""
    app.connect("html-page-context", _link_if_codeautolink, priority=600)
