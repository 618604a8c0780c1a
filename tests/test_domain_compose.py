"""proxydoc's Python domain is made over whatever Python domain is registered
once every extension is set up: the order of extensions does not matter."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from sphinx.domains.python import PythonDomain

from proxydoc._pydomain import ProxydocPythonDomain
from tests.helpers import paramref_links, soup, warnings_of


@pytest.fixture
def restore_python_domain() -> Iterator[None]:
    """The test extension adds to PythonDomain's class data in place: undo it."""
    data = dict(PythonDomain.initial_data)
    yield
    PythonDomain.initial_data.clear()
    PythonDomain.initial_data.update(data)
    sys.modules.pop("otherdomain", None)


@pytest.mark.parametrize(
    "extensions",
    [["otherdomain", "proxydoc"], ["proxydoc", "otherdomain"]],
    ids=["other-first", "proxydoc-first"],
)
def test_either_order(make_app, tmp_path, restore_python_domain, extensions) -> None:
    from tests.helpers import copy_root

    srcdir = copy_root("domain-compose", tmp_path / "src")
    app = make_app("html", srcdir=srcdir, confoverrides={"extensions": extensions})
    app.build()
    other = sys.modules["otherdomain"]
    domain = app.env.domains["py"]
    mro = type(domain).__mro__
    assert mro.index(ProxydocPythonDomain) < mro.index(other.OtherPythonDomain)
    data = app.env.domaindata["py"]
    assert {"other", "synopses", "param_owners"} <= data.keys()
    assert "get_objects" in other.CALLS  # the other domain's own code ran
    page = soup(app)
    assert page.find(id="connect.params.timeout") is not None
    assert paramref_links(page) == {"connect.timeout": "#connect.params.timeout"}
    assert warnings_of(app._warning) == []
