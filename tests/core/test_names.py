"""The names an imported object goes by, with no Sphinx: re-exports, then its home."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from proxydoc.core.names import (
    defining_name,
    names_for,
    names_of,
    public_name,
    reexported_names,
)


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """``pd_nm``: classes defined two levels down, re-exported at each level or not."""
    root = tmp_path / "pd_nm"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text(
        "from pd_nm.sub import Target\n"
        "from pd_nm.sub._impl import Shadowed as Renamed\n"
        "Shadowed = 'not the class'\n"
        "def __getattr__(name):\n"
        "    raise RuntimeError(name)\n"
    )
    (root / "sub" / "__init__.py").write_text(
        "from pd_nm.sub._impl import Target, Only, Shadowed\n"
    )
    (root / "sub" / "_impl.py").write_text(
        "class Base:\n"
        "    def ping(self): ...\n"
        "class Target(Base):\n"
        "    class Inner: ...\n"
        "    def add(self, item): ...\n"
        "class Only: ...\n"
        "class Shadowed: ...\n"
        "class Private: ...\n"
        "def make():\n"
        "    class Local: ...\n"
        "    return Local\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "pd_nm"
    for name in [n for n in sys.modules if n.startswith("pd_nm")]:
        del sys.modules[name]


def test_a_class_is_named_by_each_parent_that_exports_it_shortest_first(
    package: str,
) -> None:
    from pd_nm.sub._impl import Target

    assert names_of(Target) == [
        "pd_nm.Target",
        "pd_nm.sub.Target",
        "pd_nm.sub._impl.Target",
    ]
    assert public_name(Target) == "pd_nm.Target"
    assert defining_name(Target) == "pd_nm.sub._impl.Target"


def test_only_parents_binding_the_same_object_under_the_same_name(
    package: str,
) -> None:
    from pd_nm.sub._impl import Only, Private, Shadowed

    assert names_of(Only) == ["pd_nm.sub.Only", "pd_nm.sub._impl.Only"]
    # pd_nm binds Shadowed to something else, and the class as Renamed
    assert reexported_names(Shadowed) == ["pd_nm.sub.Shadowed"]
    # re-exported nowhere: where it is defined
    assert names_of(Private) == ["pd_nm.sub._impl.Private"]
    assert public_name(Private) == "pd_nm.sub._impl.Private"


def test_nested_classes_modules_and_local_classes(package: str) -> None:
    import pd_nm.sub
    from pd_nm.sub._impl import Target, make

    assert names_of(Target.Inner)[0] == "pd_nm.Target.Inner"
    assert names_of(pd_nm.sub) == ["pd_nm.sub"]
    assert names_of(make()) == []  # defined in a function: no importable name
    assert public_name(42) is None


def test_a_member_takes_its_class_s_names(package: str) -> None:
    assert names_for("pd_nm.sub._impl.Target.add") == [
        "pd_nm.Target.add",
        "pd_nm.sub.Target.add",
        "pd_nm.sub._impl.Target.add",
    ]
    # inherited: named on the class it is read from, not on Base
    assert names_for("pd_nm.sub.Target.ping")[0] == "pd_nm.Target.ping"
    assert names_for("pd_nm.sub._impl.Only") == [
        "pd_nm.sub.Only",
        "pd_nm.sub._impl.Only",
    ]


def test_names_for_what_does_not_import_is_empty(package: str) -> None:
    assert names_for("pd_nm.sub._impl.Target.nothing") == []
    assert names_for("pd_nowhere.Target") == []
