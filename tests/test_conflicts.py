"""proxydoc loaded together with sphinx-paramlinks fails with a message naming it.

Without the check, whichever of the two comes second fails in Sphinx's
registry ("The 'paramref' role is already registered to domain py"), which
Sphinx reports as an error of its own to be filed at sphinx-doc.  The roots
load both, in either order, or sphinx-paramlinks through another extension.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

from tests.helpers import copy_root

MESSAGE = (
    "'sphinx_paramlinks' (sphinx-paramlinks) is loaded together with 'proxydoc': "
    "remove 'sphinx_paramlinks' from extensions: proxydoc replaces it "
    "(both define the :paramref: role and the parameters' anchors)"
)


@pytest.mark.parametrize("order", ["after", "before", "loaded"])
def test_sphinx_paramlinks_with_proxydoc_is_a_config_error(
    order: str, tmp_path: Path
) -> None:
    srcdir = copy_root(f"conflict-paramlinks-{order}", tmp_path / "src")
    with pytest.raises(ConfigError, match=f"^{re.escape(MESSAGE)}$"):
        SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())


def test_the_command_line_prints_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    srcdir = copy_root("conflict-paramlinks-after", tmp_path / "src")
    status = build_main(["-b", "html", "-q", str(srcdir), str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert MESSAGE in err
    assert "already registered" not in err
