"""Parameter fields read from raw docstring text, as ``proxydoc lint`` reads them."""

from __future__ import annotations

from proxydoc.core.fields import PARAM_FIELD_NAMES, documented_params


def test_every_parameter_field_name_counts() -> None:
    doc = "\n".join(f":{name} p_{name}: text" for name in sorted(PARAM_FIELD_NAMES))
    assert set(documented_params(doc)) == {f"p_{n}" for n in PARAM_FIELD_NAMES}


def test_names_as_the_extension_reads_them() -> None:
    doc = """Connect.

    :param url: where
    :parameter int timeout: seconds
    :keyword bool echo: log
    :param \\*args: more
    :param ``**kw``: the rest
    :param retries=3: how often
    :arg a:b: odd but a field
    """
    assert list(documented_params(doc)) == [
        "url",
        "timeout",
        "echo",
        "args",
        "kw",
        "retries",
        "a",
    ]


def test_other_fields_and_text_do_not_count() -> None:
    doc = """Connect.

    :type url: str
    :returns: a connection
    :param: no name
    See :param x: in running text.
    :param y:no space after the marker
    :: a literal block marker
    """
    assert list(documented_params(doc)) == []
