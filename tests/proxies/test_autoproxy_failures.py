"""``autoproxy`` says why it cannot use a name: the import's error, or what it is."""

from __future__ import annotations

import sys

import pytest

from .helpers import proxy_warnings, soup


@pytest.fixture
def clean_modules():
    """The root's modules are imported afresh, and forgotten after."""
    names = ("pd_autobad", "pd_autobroken", "pd_autodep")
    for name in names:
        sys.modules.pop(name, None)
    yield
    for name in names:
        sys.modules.pop(name, None)


@pytest.mark.sphinx("html", testroot="proxy-auto-bad", freshenv=True)
@pytest.mark.usefixtures("clean_modules")
def test_each_failure_names_its_cause(app):
    app.build()
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    expected = [
        (
            4,
            "cannot import pd_autobad.Missing (AttributeError: "
            "module 'pd_autobad' has no attribute 'Missing')",
        ),
        (7, "pd_autobad.not_a_class is not a class (its type is function)"),
        (
            10,
            "cannot import pd_autobroken.Facade (RuntimeError: no database here)",
        ),
        (
            13,
            "cannot import pd_autodep.Facade (ModuleNotFoundError: "
            "No module named 'pd_not_installed_anywhere')",
        ),
        (
            16,
            "cannot import pd_nowhere.Engine (ModuleNotFoundError: "
            "No module named 'pd_nowhere')",
        ),
        (19, "pd_autobad.CONSTANT is not a class (its type is int)"),
    ]
    assert len(warnings) == len(expected), warnings
    for warning, (line, what) in zip(warnings, expected, strict=True):
        assert f"index.rst:{line}: WARNING: autoproxy: {what}" in warning


@pytest.mark.sphinx("html", testroot="proxy-module-lazy", freshenv=True)
def test_module_facade_with_no_members_found_says_how_to_list_them(app):
    for name in ("pd_modlazy", "pd_modempty"):
        sys.modules.pop(name, None)
    app.build()
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    how = "name them with :members: a, b or with proxydoc_proxies"
    expected = [
        (
            4,
            "autoproxy pd_modlazy: pd_modlazy binds no function that proxies a "
            "method of Target (its module __getattr__ makes them on demand: they "
            f"cannot be listed); {how}['pd_modlazy']['members']",
        ),
        (
            7,
            "autoproxy pd_modempty: pd_modempty binds no function that proxies a "
            f"method of Target; {how}['pd_modempty']['members']",
        ),
    ]
    assert len(warnings) == len(expected), warnings
    for warning, (line, what) in zip(warnings, expected, strict=True):
        assert f"index.rst:{line}: WARNING: {what} [proxydoc.proxy]" in warning
    # listed by name, the functions __getattr__ makes are documented
    assert soup(app, "index").find(id="pd_modlazy.run") is None  # :no-index:
    assert "Run one step." in soup(app, "index").get_text()
