"""The exact text of every ``proxydoc.paramref`` and ``proxydoc.param`` message.

One build of ``test-messages`` gives each case once; ``ignored.rst`` holds the
links that the ``nitpick_ignore`` tests silence, one form of name each.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import paramref_links, soup, warnings_of

_LINE = re.compile(
    r"(?:.*/)?(?P<where>[^/]+?): WARNING: (?P<text>.*) \[(?P<kind>\S+)\]$"
)

#: The signature check: a documented parameter the signature lacks.
PARAM = [
    (
        "pd_msg_ops.py:docstring of pd_msg_ops.connect:5",
        "connect documents parameter 'retries', which its signature does not have "
        "(it has: timeout, url)",
    ),
    (
        "pd_msg_ops.py:docstring of pd_msg_ops.ping:3",
        "ping documents parameter 'host', which its signature does not have "
        "(it has: no parameters)",
    ),
]

#: A ``:paramref:`` that finds nothing, one line of index.rst per cause.
PARAMREF = [
    (
        "index.rst:15",
        ":paramref: 'a b.c' is not a parameter target; write Class.method.param, "
        "module.function.param or a bare parameter name",
    ),
    (
        "index.rst:17",
        "bare :paramref: 'lonely' is outside any object description; "
        "write Class.method.param",
    ),
    (
        "index.rst:19",
        "pd_msg_ops.connect has no documented parameter 'timeot' "
        "(it documents: url, timeout, retries); did you mean 'timeout'?",
    ),
    (
        "index.rst:21",
        "pd_msg_ops.connect has no documented parameter 'zzz' "
        "(it documents: url, timeout, retries)",
    ),
    (
        "index.rst:23",
        "pd_msg_ops.AlterColumnOp.alter has no documented parameter 'nope' "
        "(it documents: server_default)",
    ),
    (
        "index.rst:25",
        "pd_msg_api.run has no documented parameter 'c' (it documents: a, b)",
    ),
    (
        "index.rst:27",
        "pd_msg_ops.params has no documented parameter 'y' (it documents: x)",
    ),
    (
        "index.rst:29",
        "pd_msg_ops.quiet documents no parameters: "
        ":paramref: 'pd_msg_ops.quiet.x' has no target",
    ),
    (
        "index.rst:31",
        "AlterColumnOp documents no parameters: "
        ":paramref: '.AlterColumnOp.server_default' has no target",
    ),
    (
        "index.rst:33",
        "AlterColumnOp.execute documents no parameters: "
        ":paramref: '.AlterColumnOp.execute.server_default' has no target",
    ),
    (
        "index.rst:35",
        "unknown object 'pd_msg_ops.nothing' in :paramref: 'pd_msg_ops.nothing.x'",
    ),
    ("index.rst:37", "unknown object 'Nothing' in :paramref: '.Nothing.x'"),
    (
        "index.rst:45",
        "pd_msg_ops.AlterColumnOp.alter has no documented parameter 'server_defualt' "
        "(it documents: server_default); did you mean 'server_default'?",
    ),
]

#: The links of ignored.rst, as they warn when nothing ignores them.
IGNORABLE = [
    (
        f"ignored.rst:{line}",
        f"pd_msg_ops.AlterColumnOp.alter has no documented parameter {name!r} "
        "(it documents: server_default)",
    )
    for line, name in [
        (6, "by_full"),
        (8, "by_params"),
        (10, "by_written"),
        (14, "by_regex_full"),
        (16, "by_regex_params"),
        (18, "by_regex_written"),
    ]
] + [
    (
        "ignored.rst:12",
        "AddColumnOp documents no parameters: "
        ":paramref: '.AddColumnOp.by_full_noparams' has no target",
    )
]


def messages(warning, kind):
    """(place, text) of each warning of subtype *kind*, sorted."""
    found = []
    for line in warnings_of(warning):
        m = _LINE.match(line)
        assert m, f"not a proxydoc warning: {line}"
        if m["kind"] == kind:
            found.append((m["where"], m["text"]))
    return sorted(found)


def test_param_messages(shared_build):
    app = shared_build("messages")
    assert messages(app._warning, "proxydoc.param") == sorted(PARAM)


def test_paramref_messages(shared_build):
    app = shared_build("messages")
    assert messages(app._warning, "proxydoc.paramref") == sorted(PARAMREF + IGNORABLE)


def test_no_other_warnings(shared_build):
    app = shared_build("messages")
    kinds = {_LINE.match(line)["kind"] for line in warnings_of(app._warning)}
    assert kinds == {"proxydoc.param", "proxydoc.paramref"}


def test_wrapped_target_is_read_as_one_line(shared_build):
    """A target broken over two lines resolves as if written on one."""
    links = paramref_links(soup(shared_build("messages")))
    anchor = "#pd_msg_ops.AlterColumnOp.alter.params.server_default"
    assert links["AlterColumnOp.alter.server_default"] == anchor
    page = soup(shared_build("messages"))
    titled = [a for a in page.select("a[href]") if a.get_text() == "the default"]
    assert [a["href"] for a in titled] == [anchor]


IGNORE = [
    # the full name the warning prints, the .params. form, the form as written
    ("py:paramref", "pd_msg_ops.AlterColumnOp.alter.by_full"),
    ("py:paramref", "pd_msg_ops.AlterColumnOp.alter.params.by_params"),
    ("py:paramref", ".AlterColumnOp.alter.by_written"),
    ("paramref", "pd_msg_ops.AddColumnOp.by_full_noparams"),
    # the signature check: the dotted name as well as the .params. form
    ("py:parameter", "pd_msg_ops.connect.retries"),
]
IGNORE_REGEX = [
    ("py:paramref", r"pd_msg_ops\.AlterColumnOp\.alter\.by_regex_full"),
    ("py:param.*", r"pd_msg_ops\.AlterColumnOp\.alter\.params\.by_regex_params"),
    ("py:paramref", r"\.AlterColumnOp\.alter\.by_regex_w.*"),
    ("py:parameter", r"pd_msg_ops\.ping\.params\.host"),
]


@pytest.mark.parametrize("nitpicky", [False, True])
def test_nitpick_ignore_takes_each_form(shared_build, nitpicky):
    app = shared_build(
        "messages",
        nitpick_ignore=IGNORE,
        nitpick_ignore_regex=IGNORE_REGEX,
        nitpicky=nitpicky,
    )
    assert messages(app._warning, "proxydoc.paramref") == sorted(PARAMREF)
    assert messages(app._warning, "proxydoc.param") == []


def test_nitpick_ignore_names_only_its_own_link(shared_build):
    """The full name of one owner does not silence links to other owners."""
    app = shared_build(
        "messages", nitpick_ignore=[("py:paramref", "pd_msg_ops.AlterColumnOp.by_full")]
    )
    assert messages(app._warning, "proxydoc.paramref") == sorted(PARAMREF + IGNORABLE)
