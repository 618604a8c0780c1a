"""Which ``:paramref:`` roles of a docstring the build renders, read with docutils.

A docstring is parsed as reST the way Sphinx reads it, so lint skips what the
build shows as text: literal blocks (``::``), code and doctest directives,
inline literals, comments and ``>>>`` doctest blocks.  The parse uses no
global docutils state (a Sphinx application alive in the same process
registers its own roles and directives there): every role but ``paramref``
is read as plain text, a directive named in :data:`LITERAL_DIRECTIVES` as a
literal block, and any other directive as one whose argument and content are
reST (``.. versionadded::``, ``.. note::``, ``.. autoclass::``).
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docutils import frontend, nodes, utils
from docutils.parsers.rst import Directive, Parser, states

#: Directives whose content (and argument) the build does not read as reST.
LITERAL_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "highlight",
        "literalinclude",
        "include",
        "raw",
        "math",
        "doctest",
        "testcode",
        "testoutput",
        "testsetup",
        "testcleanup",
        "productionlist",
        "graphviz",
        "graph",
        "digraph",
        "index",
        "role",
        "default-role",
        "ipython",
        "jupyter-execute",
        "plot",
    }
)

#: A role as written: ``:paramref:`content``` (or ```content`:paramref:``).
ROLE = re.compile(r":paramref:`([^`]+)`|`([^`]+)`:paramref:")
_NOQA = re.compile(
    r"noqa\b(?:\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.IGNORECASE
)
#: What a block the parse keeps holds: a role, or a ``.. noqa`` comment.
_KEEP = re.compile("paramref|noqa", re.IGNORECASE)
#: Characters ``str.splitlines`` breaks at, besides ``\n``: kept out of the
#: parse so that its line numbers are the docstring's.
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass
class Rendered:
    """The roles of a docstring the build renders, and its ``.. noqa`` comments.

    *roles* are matches of :data:`ROLE` in the docstring's text; *noqa* is
    None (no comment), or the codes a comment names (empty: every code).
    """

    roles: list[re.Match[str]]
    noqa: frozenset[str] | None = None


def noqa_codes(text: str) -> frozenset[str] | None:
    """The codes ``noqa`` / ``noqa: PXD001, PXD002`` at the start of *text* names.

    None when *text* is no noqa; an empty set for a bare ``noqa`` (every code).
    """
    match = _NOQA.match(text.strip())
    if match is None:
        return None
    codes = match["codes"]
    return frozenset(re.split(r"[\s,]+", codes.upper())) if codes else frozenset()


def merged_noqa(
    first: frozenset[str] | None, second: frozenset[str] | None
) -> frozenset[str] | None:
    """Two noqa settings as one: the codes of both, or every code (empty)."""
    if first is None or second is None:
        return first if second is None else second
    return first | second if first and second else frozenset()


def silenced(code: str, noqa: frozenset[str] | None) -> bool:
    """Does a noqa setting silence *code*?"""
    return noqa is not None and (not noqa or code in noqa)


def rendered_roles(text: str) -> Rendered:
    """The ``:paramref:`` roles of docstring *text* that the build renders."""
    written = list(ROLE.finditer(text))
    try:
        document = _parse(_role_blocks(_prepared(text)))
    except Exception:  # never worse than reading every role, as before
        return Rendered(written)
    starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def block_start(node: nodes.Node) -> int:
        """Where the block of *node* starts in *text* (inline nodes have no line)."""
        while node.line is None and node.parent is not None:
            node = node.parent
        return starts[min(max((node.line or 1) - 1, 0), len(starts) - 1)]

    taken = _in_literals(text, written, document, block_start)
    by_words: dict[str, list[re.Match[str]]] = {}
    for role in written:
        by_words.setdefault(_words(role[0]), []).append(role)
    roles: list[re.Match[str]] = []
    for node in document.findall(_ParamRef):
        same = by_words.get(_words(node.rawsource), [])
        found = _written_at(same, taken, block_start(node))
        if found is not None:
            roles.append(found)
    noqa: frozenset[str] | None = None
    for comment in document.findall(nodes.comment):
        codes = noqa_codes(comment.astext().partition("\n")[0])
        if codes is not None:
            noqa = merged_noqa(noqa, codes)
    return Rendered(sorted(roles, key=lambda m: m.start()), noqa)


def _in_literals(
    text: str,
    written: list[re.Match[str]],
    document: nodes.document,
    block_start: Callable[[nodes.Node], int],
) -> set[int]:
    """The starts of the roles in *written* that sit in an inline literal: not
    to be taken for a role of the same text later in the block."""
    inside: set[int] = set()
    for literal in document.findall(nodes.literal):
        if "paramref" not in literal.rawsource:
            continue
        words = map(re.escape, literal.rawsource.split())
        found = re.compile(r"\s+".join(words)).search(text, block_start(literal))
        if found is not None:
            inside.update(
                m.start() for m in written if found.start() <= m.start() < found.end()
            )
    return inside


def _written_at(
    same: list[re.Match[str]], taken: set[int], start: int
) -> re.Match[str] | None:
    """The match, of those written as a role is (*same*), that the role was
    parsed from: the first not *taken* at or after *start* (the start of its
    block), else the last before."""
    free = [m for m in same if m.start() not in taken]
    match = next((m for m in free if m.start() >= start), free[-1] if free else None)
    if match is not None:
        taken.add(match.start())
    return match


def _words(role: str) -> str:
    return " ".join(role.split())


def _prepared(text: str) -> str:
    """*text* dedented as Sphinx does, one line for each of its lines."""
    lines = _OTHER_BREAKS.sub(" ", text.expandtabs(8)).split("\n")
    indents = [len(s) - len(s.lstrip()) for s in lines[1:] if s.strip()]
    margin = min(indents, default=0)
    return "\n".join([lines[0].lstrip(), *(s[margin:] for s in lines[1:])])


def _role_blocks(text: str) -> str:
    """*text* with each top-level block that holds no ``:paramref:`` blanked.

    A block starts at an unindented line after a blank line and runs to the
    next (a block after one ending in ``::`` is its quoted literal block, so
    the same block); its parse reads no other block, so a blanked block
    changes no role's reading, and the parse skips code examples and prose
    without roles.  A block with a ``noqa`` comment is kept too.  Lines are
    kept, so line numbers hold.
    """
    lines = text.split("\n")
    starts = [0]
    for i in range(1, len(lines)):
        if lines[i][:1] not in ("", " ") and not lines[i - 1].strip():
            before = next((s for s in reversed(lines[starts[-1] : i]) if s.strip()), "")
            if not before.rstrip().endswith("::"):
                starts.append(i)
    kept: list[str] = []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        block = lines[start:end]
        kept.extend(block if any(_KEEP.search(s) for s in block) else [""] * len(block))
    return "\n".join(kept)


class _ParamRef(nodes.Inline, nodes.TextElement):
    """A ``:paramref:`` role the parse met (its rawsource as written)."""


def _interpreted(
    inliner: states.Inliner, rawsource: str, text: str, role: str, lineno: int
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Interpreted text without the role registry: ``paramref`` noted, the rest text."""
    if role.lower() == "paramref":
        node = _ParamRef(rawsource, text)
        node.line = lineno
        return [node], []
    return [nodes.Text(text)], []


class _Generic(Directive):
    """A directive lint does not know: its argument and content read as reST."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        found: list[nodes.Node] = []
        if self.arguments:
            inline, _ = self.state.inline_text(self.arguments[0], self.lineno)
            found.append(nodes.paragraph("", "", *inline))
        if self.content:
            box = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, box)
            found.append(box)
        return found


class _Literal(_Generic):
    """A directive whose argument and content the build shows as code."""

    def run(self) -> list[nodes.Node]:
        return []


class _NoRegistry(states.Body):
    """Directives looked up in no registry: literal, else generic."""

    def directive(self, match: re.Match[str], **presets: Any) -> Any:
        name = match.group(1).lower()
        kind = _Literal if name in LITERAL_DIRECTIVES else _Generic
        return self.run_directive(kind, match, name, presets)  # type: ignore[no-untyped-call]


class _Nested(states.RSTState):
    """A state whose nested parses use lint's states and cache, not docutils'.

    docutils' states nest with its module's ``state_classes``, and keep the
    nested state machines in one cache that every parse (Sphinx's too) takes
    from: lint's states would leak into Sphinx's, and docutils' into lint's.
    """

    nested_sm_cache: list[Any] = []  # noqa: RUF012 - the class's own cache

    def __init__(self, state_machine: Any, debug: bool = False) -> None:
        super().__init__(state_machine, debug)
        self.nested_sm_kwargs = {"state_classes": _STATES, "initial_state": "Body"}


def _lint_state(state: type[Any]) -> type[Any]:
    """*state* for lint's parse (:class:`_Nested`, and :class:`_NoRegistry`
    when it reads directives), under its own name: the state machine finds
    states by class name.  A state that reads directives gets its own table of
    explicit constructs: docutils' holds the function ``Body.directive``.
    """
    if not issubclass(state, states.Body):
        return type(state.__name__, (_Nested, state), {})
    new: Any = type(state.__name__, (_Nested, _NoRegistry, state), {})
    constructs = [
        (new.directive if method is states.Body.directive else method, pattern)
        for method, pattern in states.Body.explicit.constructs
    ]
    explicit = states.Body.explicit
    new.explicit = types.SimpleNamespace(**{**vars(explicit), "constructs": constructs})
    made: type[Any] = new
    return made


_STATES = tuple(_lint_state(state) for state in states.state_classes)


def _parse(text: str) -> nodes.document:
    inliner = states.Inliner()
    # An instance attribute: Inliner.init_customizations reads its patterns
    # from vars(type(self)), which a subclass would not have.
    inliner.interpreted = types.MethodType(_interpreted, inliner)  # type: ignore[method-assign]
    parser = Parser(inliner=inliner)
    parser.state_classes = _STATES
    document = utils.new_document("<docstring>", _settings())
    parser.parse(text, document)
    return document


_SETTINGS: list[Any] = []


def _settings() -> Any:
    """Quiet settings that read no file: made once, shared by every parse."""
    if not _SETTINGS:
        settings = frontend.get_default_settings(Parser)
        settings.report_level = 5
        settings.halt_level = 5
        settings.warning_stream = False
        settings.file_insertion_enabled = False
        settings.raw_enabled = False
        settings.line_length_limit = 1 << 30
        settings.character_level_inline_markup = False
        _SETTINGS.append(settings)
    return _SETTINGS[0]
