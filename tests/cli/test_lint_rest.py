"""``proxydoc lint`` reads docstrings as reST, as the build does, and a finding
can be silenced: ``.. noqa`` in the docstring, ``# noqa: PXD001`` after it,
``per_file_ignores``; its findings are the build's ``proxydoc.paramref``
warnings."""

from __future__ import annotations

import ast
import io
import re
import textwrap
from pathlib import Path

import pytest
from docutils.parsers.rst import directives, roles, states
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors
from tests.helpers import copy_root

#: One docstring of ``def f(a)``: its text after the summary line and the blank
#: line (so its first line is line 4 of the file), and the lines where lint
#: reports ``:paramref:`nope```.
CONSTRUCTS = [
    pytest.param("See :paramref:`nope`.", [4], id="paragraph"),
    pytest.param("First line of a paragraph,\nthen :paramref:`nope`.", [5], id="line"),
    pytest.param("Example::\n\n    f(:paramref:`nope`)", [], id="literal-block"),
    pytest.param("::\n\n    :paramref:`nope`", [], id="literal-block-alone"),
    pytest.param(
        "Example::\n\n    :paramref:`nope`\n\nThen :paramref:`nope`.",
        [8],
        id="literal-block-then-the-same-text",
    ),
    pytest.param(
        ".. highlight:: rst\n\nExample::\n\n    :paramref:`nope`",
        [],
        id="highlight-literal-block",
    ),
    pytest.param(".. code-block:: rst\n\n    :paramref:`nope`", [], id="code-block"),
    pytest.param(
        ".. code:: rst\n    :number-lines:\n\n    :paramref:`nope`", [], id="code"
    ),
    pytest.param(".. sourcecode:: rst\n\n    :paramref:`nope`", [], id="sourcecode"),
    pytest.param(
        ".. code-block:: rst\n\n    :paramref:`nope`\n\nThen :paramref:`nope`.",
        [8],
        id="code-block-then-the-same-text",
    ),
    pytest.param(".. doctest::\n\n    >>> ':paramref:`nope`'", [], id="doctest"),
    pytest.param(".. testcode::\n\n    ':paramref:`nope`'", [], id="testcode"),
    pytest.param("Write ``:paramref:`nope``` here.", [], id="inline-literal"),
    pytest.param(
        "Write ``:paramref:`nope``` or :paramref:`nope`.",
        [4],
        id="inline-literal-then-the-same-text",
    ),
    pytest.param(
        "Write ``:paramref:`nope```\nor :paramref:`nope`.",
        [5],
        id="inline-literal-then-the-same-text-next-line",
    ),
    pytest.param(".. see :paramref:`nope`\n   and :paramref:`nope`", [], id="comment"),
    pytest.param(">>> f(':paramref:`nope`')\n'a'", [], id="doctest-block"),
    pytest.param(
        ">>> f(1)\n\nSee :paramref:`nope`.", [6], id="doctest-block-then-text"
    ),
    pytest.param(".. versionadded:: 1.0\n   :paramref:`nope`", [5], id="versionadded"),
    pytest.param(".. note:: :paramref:`nope`", [4], id="note"),
    pytest.param(".. only:: html\n\n   :paramref:`nope`", [6], id="only"),
    pytest.param(
        ".. autoclass:: Thing\n   :members:\n\n   :paramref:`nope`",
        [7],
        id="unknown-directive-content",
    ),
    pytest.param("- item\n- :paramref:`nope`", [5], id="list"),
    pytest.param("Suffix form: `nope`:paramref:.", [4], id="role-after-its-text"),
]


def _module(body: str, closing: str = '"""') -> str:
    """A module with ``def f(a)`` whose docstring holds *body*."""
    text = textwrap.indent(body, "    ")
    return f'def f(a):\n    """Summary.\n\n{text}\n    {closing}\n'


def _finding(line: int, name: str = "m.py") -> str:
    return f"{name}:{line}: PXD001 :paramref:`nope` names no parameter 'nope' of f"


def _lint(project: Path, run, source: str) -> tuple[int, list[str]]:
    (project / "m.py").write_text(source, encoding="utf-8")
    result = run("lint", "--no-progress", "m.py")
    return result.status, result.out.splitlines()


@pytest.mark.parametrize(("body", "lines"), CONSTRUCTS)
def test_roles_the_build_shows_as_text_are_not_checked(
    project: Path, run, body: str, lines: list[int]
) -> None:
    status, out = _lint(project, run, _module(body))
    assert (status, out) == (1 if lines else 0, [_finding(n) for n in lines])


def test_an_escaped_role_is_text(project: Path, run) -> None:
    source = 'def f(a):\n    r"""See \\:paramref:`nope`."""\n'
    assert _lint(project, run, source) == (0, [])


#: A silencing comment: the docstring's text, the closing line, and whether
#: the finding (line 4) is still reported.
NOQA = [
    pytest.param(".. noqa: PXD001", '"""', False, id="rest-comment"),
    pytest.param(".. noqa: PXD002, PXD001", '"""', False, id="rest-comment-codes"),
    pytest.param(".. noqa", '"""', False, id="rest-comment-bare"),
    pytest.param(".. noqa: PXD002", '"""', True, id="rest-comment-other-code"),
    pytest.param("Example::\n\n    .. noqa", '"""', True, id="rest-noqa-in-literal"),
    pytest.param("", '"""  # noqa: PXD001', False, id="python-comment"),
    pytest.param("", '"""  # noqa: E501,PXD001', False, id="python-comment-codes"),
    pytest.param("", '"""  # NOQA:PXD001 (renamed)', False, id="python-comment-case"),
    pytest.param("", '"""  # noqa', True, id="python-comment-bare"),
    pytest.param("", '"""  # noqa: E501', True, id="python-comment-other-code"),
]


@pytest.mark.parametrize(("extra", "closing", "reported"), NOQA)
def test_noqa(project: Path, run, extra: str, closing: str, reported: bool) -> None:
    body = "See :paramref:`nope`.\n\n" + extra if extra else "See :paramref:`nope`."
    (project / "m.py").write_text(_module(body, closing), encoding="utf-8")
    result = run("lint", "--no-progress", "m.py")
    out = result.out.splitlines()
    assert (result.status, out) == ((1, [_finding(4)]) if reported else (0, []))
    summary = "0 with errors" + ("" if reported else ", 1 silenced")
    assert result.err.splitlines()[-1].endswith(summary)


def test_noqa_after_an_assigned_docstring(project: Path, run) -> None:
    source = (
        'def f(a):\n    pass\n\n\nf.__doc__ = "See :paramref:`nope`."  # noqa: PXD001\n'
    )
    assert _lint(project, run, source) == (0, [])
    source = source.replace("  # noqa: PXD001", "")
    assert _lint(project, run, source) == (1, [_finding(5)])


def test_per_file_ignores(project: Path, run) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.proxydoc]\nper_file_ignores = { "made/*" = ["PXD001"] }\n'
    )
    (project / "made").mkdir()
    source = _module("See :paramref:`nope`.")
    (project / "made" / "m.py").write_text(source, encoding="utf-8")
    (project / "m.py").write_text(source, encoding="utf-8")
    result = run("lint", "--no-progress", "m.py", "made/m.py")
    assert (result.status, result.out.splitlines()) == (1, [_finding(4)])
    assert "2 files, 1 problems, 0 with errors, 1 silenced" in result.err


def test_per_file_ignores_names_lint_codes(project: Path, run) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.proxydoc]\nper_file_ignores = { "made/*" = ["PXD01"] }\n'
    )
    (project / "m.py").write_text(_module("See :paramref:`nope`."))
    result = run("lint", "--no-progress", "m.py")
    assert result.status == 2
    assert "per_file_ignores must map path patterns to lists of" in result.err


_WARNING = re.compile(
    r"docstring of lint_agree\.(\w+):(\d+): WARNING: .* '(\w+)' .*\[proxydoc\.paramref\]"
)
_FINDING = re.compile(r"lint_agree\.py:(\d+): PXD001 :paramref:`(\w+)`")


def test_lint_reports_what_the_build_warns(shared_build, run, monkeypatch) -> None:
    """Same docstrings, same roles: lint's findings are the build's warnings."""
    app = shared_build("lint-agree")
    source = Path(app.srcdir, "lint_agree.py")
    starts = {
        node.name: node.body[0].lineno
        for node in ast.parse(source.read_text()).body
        if isinstance(node, ast.FunctionDef)
    }
    warned = {
        (starts[m[1]] + int(m[2]) - 1, m[3])
        for m in map(_WARNING.search, strip_colors(app.warning.getvalue()).splitlines())
        if m
    }
    monkeypatch.chdir(app.srcdir)
    result = run("lint", "--no-progress", "lint_agree.py")
    found = {
        (int(m[1]), m[2]) for m in map(_FINDING.match, result.out.splitlines()) if m
    }
    assert len(found) == len(result.out.splitlines())
    assert sorted(name for _, name in warned) == sorted(
        set(re.findall(r"wrong_\w+", source.read_text()))
    )
    assert found == warned


def test_lint_touches_no_global_docutils_state(
    tmp_path: Path, project: Path, run
) -> None:
    """Lint beside a live Sphinx app (its roles and directives registered in
    docutils) reads as alone, and leaves docutils' registries and cache as
    they were."""
    srcdir = copy_root("lint-agree", tmp_path / "src")
    body = "See :paramref:`nope`.\n\n.. note::\n\n   - A list, :paramref:`a`.\n\n::\n\n    :paramref:`x`"
    (project / "m.py").write_text(_module(body))
    app = SphinxTestApp(
        "html", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO()
    )
    try:
        before = (dict(roles._roles), dict(directives._directives))
        cache = list(states.RSTState.nested_sm_cache)
        result = run("lint", "--no-progress", "m.py")
        assert (result.status, result.out.splitlines()) == (1, [_finding(4)])
        assert (dict(roles._roles), dict(directives._directives)) == before
        assert states.RSTState.nested_sm_cache == cache
    finally:
        app.cleanup()


#: Pieces of reST that docstrings are made of, odd ones included.
_PIECES = st.sampled_from(
    [
        ":paramref:`a`",
        ":paramref:`nope`",
        "`nope`:paramref:",
        "``",
        "::",
        ".. ",
        ".. code-block:: rst",
        ".. note::",
        ".. noqa: PXD001",
        ">>> ",
        "- ",
        "1. ",
        ":param a: ",
        "|x|",
        ".. |x| replace:: ",
        "=====",
        "+---+",
        "\\",
        "*",
        "`",
        "_",
        "text",
        " ",
        "    ",
        "\t",
        "\n",
        "\n\n",
        "\r",
        "\x0c",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_docstring_reads_without_error(text: str) -> None:
    """Whatever the text, the parse ends without the fallback (which reads
    every role), and keeps only roles that are written."""
    from proxydoc.cli import _rest  # here: the other tests run on code without it
    from proxydoc.cli._rest import ROLE, rendered_roles

    _rest._parse(_rest._role_blocks(_rest._prepared(text)))
    rendered = rendered_roles(text)
    written = {m.start() for m in ROLE.finditer(text)}
    assert {m.start() for m in rendered.roles} <= written
    # A noqa names only codes written in the text (the pieces glue "PXD001"
    # to what follows, "PXD0011" included: a code as written, as flake8 reads it).
    written_codes = {code.upper() for code in re.findall(r"[A-Za-z]+[0-9]+", text)}
    assert rendered.noqa is None or rendered.noqa <= written_codes


_PROSE_WORDS = st.sampled_from([":paramref:`a`", ":paramref:`b.c`", "text", "*em*"])
_PROSE_GAPS = st.sampled_from([" ", "\n", "\n\n", "\n\n    ", "\n\n- "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PROSE_WORDS, _PROSE_GAPS), min_size=1, max_size=30))
def test_every_role_in_prose_is_rendered(words: list[tuple[str, str]]) -> None:
    """Paragraphs, block quotes and list items (no literal markup): every role
    written there renders, so lint reads each one."""
    from proxydoc.cli._rest import ROLE, rendered_roles

    text = "".join(word + gap for word, gap in words)
    written = [m.start() for m in ROLE.finditer(text)]
    assert [m.start() for m in rendered_roles(text).roles] == written
