"""The proxy note names target and facade alike: by the name Sphinx documents.

A class defined in ``mylib.engine`` and re-exported by ``mylib`` is documented
as ``mylib.Engine``; the note says so of the target (imported) and of the
facade (read from the packages' ``__init__.py``, never imported).
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ENGINE = '''\
class Engine:
    """The target."""

    def connect(self, url: str) -> str:
        """Connect to *url*."""
        return url
'''

FACADE = """\
from mylib.engine import Engine


class {name}:
    _proxied: Engine

    # START PROXY METHODS {name}
    # END PROXY METHODS {name}
"""


@pytest.fixture
def mylib(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``mylib`` re-exports Engine (from engine) and Session (from a subpackage
    that re-exports it in turn); Hidden, in ``mylib.hidden``, is not re-exported."""
    package = project / "mylib"
    (package / "orm").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from .engine import Engine\nfrom mylib.orm import Session\n", "utf-8"
    )
    (package / "engine.py").write_text(ENGINE, "utf-8")
    (package / "orm" / "__init__.py").write_text(
        "from .session import Session\n", "utf-8"
    )
    (package / "orm" / "session.py").write_text(FACADE.format(name="Session"), "utf-8")
    (package / "hidden.py").write_text(FACADE.format(name="Hidden"), "utf-8")
    tables = "".join(
        textwrap.dedent(f"""
        [tool.proxydoc.proxies."{facade}"]
        target = "mylib.engine:Engine"
        methods = ["connect"]
        """)
        for facade in ("mylib.orm.session:Session", "mylib.hidden:Hidden")
    )
    (project / "pyproject.toml").write_text("[tool.proxydoc]\n" + tables, "utf-8")
    yield package
    for name in [m for m in sys.modules if m.split(".")[0] == "mylib"]:
        monkeypatch.delitem(sys.modules, name)


def test_note_names_target_and_facade_as_documented(
    mylib: Path, run: Callable[..., object]
) -> None:
    files = [str(mylib / "orm" / "session.py"), str(mylib / "hidden.py")]
    result = run("generate", "--no-progress", *files)
    assert result.status == 0, result.err
    session = (mylib / "orm" / "session.py").read_text("utf-8")
    assert (
        "            Proxied for the :class:`mylib.Engine` class on\n"
        "            behalf of the :class:`mylib.Session` class.\n"
    ) in session
    assert "mylib.orm" not in session.partition("class Session")[2]
    # not re-exported: named where it is defined
    hidden = (mylib / "hidden.py").read_text("utf-8")
    assert (
        "            Proxied for the :class:`mylib.Engine` class on\n"
        "            behalf of the :class:`mylib.hidden.Hidden` class.\n"
    ) in hidden
    assert run("check", "--no-progress", *files).status == 0


def test_class_stub_region_names_its_facade_as_documented(
    mylib: Path, run: Callable[..., object]
) -> None:
    """A stub region in a class body names its class by the same rule."""
    (mylib / "orm" / "session.py").write_text(
        "class Session:\n    # START DECLARATIONS\n    pass\n    # END DECLARATIONS\n",
        "utf-8",
    )
    (mylib.parent / "pyproject.toml").write_text(
        "[tool.proxydoc]\n"
        '[tool.proxydoc.stubs.decl]\nfile = "mylib/orm/session.py"\n'
        'target = "mylib.engine:Engine"\nstart = "# START DECLARATIONS"\n'
        'end = "# END DECLARATIONS"\nmembers = ["connect"]\n',
        "utf-8",
    )
    result = run("generate", "--no-progress", str(mylib / "orm" / "session.py"))
    assert result.status == 0, result.err
    text = (mylib / "orm" / "session.py").read_text("utf-8")
    assert (
        "Proxied for the :class:`mylib.Engine` class on\n"
        "            behalf of the :class:`mylib.Session` class.\n"
    ) in text
