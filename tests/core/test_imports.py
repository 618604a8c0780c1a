"""Dotted names to objects, as the extension, ``generate`` and ``lint`` need them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from proxydoc.core.imports import (
    MISSING,
    candidate_names,
    import_first,
    import_object,
    import_target,
)


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """``pd_imp``: a class, a module ``__getattr__`` that raises, two submodules."""
    root = tmp_path / "pd_imp"
    root.mkdir()
    (root / "__init__.py").write_text(
        "def __getattr__(name):\n"
        "    raise (RuntimeError if name == 'exploding' else AttributeError)(name)\n"
        "class Engine:\n"
        "    @classmethod\n"
        "    def make(cls, url): ...\n"
        "    @property\n"
        "    def broken(self):\n"
        "        raise RuntimeError('not called')\n"
    )
    (root / "extra.py").write_text("def helper(a, b=1): ...\n")
    (root / "bad.py").write_text("raise ImportError('bad on purpose')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "pd_imp"
    for name in [n for n in sys.modules if n.startswith("pd_imp")]:
        del sys.modules[name]


def test_import_object_reads_the_last_name_statically(package: str) -> None:
    make = import_object("pd_imp.Engine.make")
    assert isinstance(make, classmethod)
    assert isinstance(import_object("pd_imp.Engine.broken"), property)
    assert import_object("pd_imp.extra.helper").__name__ == "helper"  # type: ignore[attr-defined]


def test_import_object_never_raises(package: str) -> None:
    assert import_object("pd_imp.Engine.nothing") is MISSING
    assert import_object("pd_imp.exploding.x") is MISSING
    assert import_object("pd_imp.bad.x") is MISSING
    assert import_object("pd_nowhere.x") is MISSING


def test_import_object_uses_modules_imported_already(
    package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = type(sys)("pd_imp")
    stand_in.Engine = "from sys.modules"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pd_imp", stand_in)
    assert import_object("pd_imp.Engine") == "from sys.modules"


def test_candidate_names_in_search_order() -> None:
    assert list(candidate_names(".close", "pkg.orm", "Session")) == [
        "pkg.orm.Session.close",
        "pkg.orm.close",
        "close",
    ]
    assert list(candidate_names("Session.close", None, "Session")) == ["Session.close"]


def test_import_first(package: str) -> None:
    found = import_first(["pd_imp.nothing", "pd_imp.extra.helper"])
    assert found is import_object("pd_imp.extra.helper")
    assert import_first(["pd_imp.nothing"]) is MISSING


def test_import_target_raises_what_importing_raises(package: str) -> None:
    assert import_target("pd_imp:Engine").__name__ == "Engine"
    assert import_target("pd_imp:extra.helper").__name__ == "helper"
    with pytest.raises(ImportError, match="bad on purpose"):
        import_target("pd_imp.bad:X")
    with pytest.raises(ModuleNotFoundError):
        import_target("pd_imp:Engine.nothing")
