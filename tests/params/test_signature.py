"""Reading parameter names from signature nodes, as each Sphinx version writes them."""

from __future__ import annotations

from sphinx import addnodes

from proxydoc.params._signature import signature_of


def parameter(*parts: tuple[type, str]) -> addnodes.desc_parameter:
    param = addnodes.desc_parameter()
    for cls, text in parts:
        param += cls(text, text)
    return param


def signature(*params: addnodes.desc_parameter) -> addnodes.desc_signature:
    sig = addnodes.desc_signature()
    plist = addnodes.desc_parameterlist()
    for param in params:
        plist += param
    sig += plist
    return sig


def test_names_stars_and_markers():
    sig = signature(
        parameter((addnodes.desc_sig_name, "a")),
        parameter((addnodes.desc_sig_operator, "/")),
        parameter((addnodes.desc_sig_operator, "*"), (addnodes.desc_sig_name, "args")),
        parameter((addnodes.desc_sig_name, "b")),
    )
    found = signature_of([sig])
    assert found is not None
    assert found.names == {"a", "args", "b"}
    assert not found.takes_any_keyword


def test_var_keyword_accepts_anything():
    sig = signature(
        parameter((addnodes.desc_sig_operator, "**"), (addnodes.desc_sig_name, "kw")),
    )
    found = signature_of([sig])
    assert found is not None and found.takes_any_keyword


def test_text_sphinx_could_not_parse_means_unreadable():
    # Sphinx 8.2 keeps a signature it cannot parse as one plain-text parameter.
    sig = signature(addnodes.desc_parameter("", "opstring: str, precedence: int = 0"))
    assert signature_of([sig]) is None


def test_no_parameter_list_means_unreadable():
    assert signature_of([addnodes.desc_signature()]) is None


def test_overloads_pool_their_names():
    one = signature(parameter((addnodes.desc_sig_name, "x")))
    two = signature(parameter((addnodes.desc_sig_name, "y")))
    found = signature_of([one, two])
    assert found is not None and found.names == {"x", "y"}
