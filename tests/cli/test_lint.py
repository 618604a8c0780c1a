"""``proxydoc lint``: :paramref: targets checked against real signatures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def lint_project(project: Path) -> Path:
    shutil.copy(SAMPLES / "lint_sample.py", project)
    (project / "pyproject.toml").write_text(
        '[tool.proxydoc]\nmodule_prefixes = {_t = "pxdsample.target"}\n'
    )
    return project


def test_findings_with_codes_and_lines(lint_project: Path, run) -> None:
    result = run("lint", "lint_sample.py")
    assert result.status == 1
    lines = result.out.splitlines()
    assert lines == [
        "lint_sample.py:13: PXD001 :paramref:`gamma` names no parameter 'gamma' "
        "of helper",
        "lint_sample.py:19: PXD001 :paramref:`_t.Engine.run.nope` names no parameter "
        "'nope' of pxdsample.target.Engine.run",
        "lint_sample.py:25: PXD002 :paramref:`pxdsample.nowhere.f.x`: "
        "target not found: pxdsample.nowhere.f",
        "lint_sample.py:26: PXD003 :paramref:`pxdsample.target.Engine.closed.x`: "
        "target has no signature: pxdsample.target.Engine.closed",
    ]
    assert "1 files, 4 problems" in result.err


def test_strict_reports_unresolvable_relative_targets(lint_project: Path, run) -> None:
    result = run("lint", "--strict", "lint_sample.py")
    assert result.status == 1
    assert (
        "lint_sample.py:26: PXD005 :paramref:`.Unknown.f.x`: relative target "
        "cannot be resolved without Sphinx" in result.out
    )


#: One module linted alone: its name, its source, the one finding it gives.
ONE_FILE_CASES = [
    pytest.param(
        "bare.py",
        '"""See :paramref:`x`."""\n',
        "bare.py:1: PXD004 :paramref:`x`: bare parameter name outside a function "
        "or class docstring",
        id="bare-name-at-module-level",
    ),
    # ``f.params.a`` in a docstring of f's module finds f, as Sphinx does
    pytest.param(
        "local.py",
        "def f(alpha):\n"
        '    """See :paramref:`f.params.alpha`, :paramref:`.f.params.alpha` and\n'
        '    :paramref:`C.m.beta`, :paramref:`f.nope`."""\n\n\n'
        "class C:\n"
        "    def m(self, beta):\n"
        '        """See :paramref:`m.beta` and :paramref:`.m.beta`."""\n',
        "local.py:3: PXD001 :paramref:`f.nope` names no parameter 'nope' of local.f",
        id="same-module-without-a-dot",
    ),
    pytest.param(
        "sub.py",
        "from pxdsample.target import Engine\n\n\n"
        "class Sub(Engine):\n"
        '    """Takes :paramref:`pool_size`, not :paramref:`size`."""\n',
        "sub.py:5: PXD001 :paramref:`size` names no parameter 'size' of Sub; "
        "did you mean 'pool_size'?",
        id="bare-names-in-a-subclass-use-the-inherited-constructor",
    ),
    pytest.param(
        "rel.py",
        "from pxdsample.target import Engine\n\n\n"
        'def f():\n    """:paramref:`.Engine.nope.x`"""\n',
        "rel.py:5: PXD002 :paramref:`.Engine.nope.x`: target not found: "
        "rel.Engine.nope",
        id="relative-target-whose-head-is-imported",
    ),
    pytest.param(
        "rel.py",
        "from pxdsample.target import Engine\n\n\n"
        'def f():\n    """:paramref:`.Engine.run.nope`"""\n',
        "rel.py:5: PXD001 :paramref:`.Engine.run.nope` names no parameter 'nope' "
        "of pxdsample.target.Engine.run",
        id="relative-target-named-where-it-is-defined",
    ),
    # as Sphinx: ``.helper`` in class C is C.helper only if that takes parameters
    pytest.param(
        "skip.py",
        "def helper(x):\n    pass\n\n\n"
        "class C:\n"
        "    helper = None\n\n"
        "    def m(self):\n"
        '        """:paramref:`.helper.x` and :paramref:`.helper.y`."""\n',
        "skip.py:9: PXD001 :paramref:`.helper.y` names no parameter 'y' of skip.helper",
        id="relative-targets-skip-owners-without-a-signature",
    ),
    pytest.param(
        "one.py",
        'def f():\n    """:paramref:`nowhere.x`"""\n',
        "one.py:2: PXD002 :paramref:`nowhere.x`: target not found: nowhere",
        id="one-word-owner-not-found",
    ),
]


@pytest.mark.parametrize(("name", "source", "finding"), ONE_FILE_CASES)
def test_one_finding_in_a_file(
    lint_project: Path, run, name: str, source: str, finding: str
) -> None:
    path = lint_project / name
    path.write_text(source)
    result = run("lint", "--no-progress", str(path))
    assert (result.status, result.out) == (1, finding + "\n")


def test_clean_file_exits_0(lint_project: Path, run) -> None:
    path = lint_project / "clean.py"
    path.write_text('def f(a):\n    """Takes :paramref:`a`."""\n')
    assert run("lint", str(path)).status == 0


def test_unparseable_file_exits_2(lint_project: Path, run) -> None:
    path = lint_project / "broken.py"
    path.write_text('def f(:\n    """:paramref:`a`"""\n')
    result = run("lint", str(path))
    assert result.status == 2
    assert "broken.py:1: cannot parse" in result.err


@pytest.fixture
def keyword_target(lint_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``pxd_kwtarget.connect(**kw)``: its keywords documented, not in its signature."""
    (lint_project / "pxd_kwtarget.py").write_text(
        "def connect(url, **kw):\n"
        '    """Connect.\n\n'
        "    :keyword echo: log statements\n"
        "    :parameter int timeout: seconds\n"
        "    :kwarg \\\\*pool: pool settings\n"
        '    """\n'
    )
    yield lint_project
    monkeypatch.delitem(sys.modules, "pxd_kwtarget", raising=False)


def test_every_parameter_field_documents_a_parameter(keyword_target: Path, run) -> None:
    """The fields the extension reads (``:keyword x:``, ``:parameter int x:``) count."""
    path = keyword_target / "uses.py"
    path.write_text(
        '"""See :paramref:`pxd_kwtarget.connect.echo`,\n'
        ":paramref:`pxd_kwtarget.connect.timeout`, "
        ":paramref:`pxd_kwtarget.connect.pool` and\n"
        ':paramref:`pxd_kwtarget.connect.nope`."""\n'
    )
    result = run("lint", str(path))
    assert result.out.splitlines() == [
        "uses.py:3: PXD001 :paramref:`pxd_kwtarget.connect.nope` names no "
        "parameter 'nope' of pxd_kwtarget.connect"
    ]


def test_canonical_targets_name_the_owner(keyword_target: Path, run) -> None:
    """``Owner.params.name``, the form anchors use, is read as ``Owner.name``."""
    path = keyword_target / "canonical.py"
    path.write_text(
        '"""See :paramref:`pxd_kwtarget.connect.params.url` and\n'
        ':paramref:`~pxd_kwtarget.connect.params.nope`."""\n'
    )
    result = run("lint", str(path))
    assert result.out.splitlines() == [
        "canonical.py:2: PXD001 :paramref:`~pxd_kwtarget.connect.params.nope` "
        "names no parameter 'nope' of pxd_kwtarget.connect"
    ]


def test_lint_loads_no_sphinx_and_reads_rest_with_docutils(lint_project: Path) -> None:
    """In a fresh interpreter: ``proxydoc lint`` builds nothing (no Sphinx
    module is imported); it reads docstrings as reST with docutils' parser,
    as the build does, and writes nothing with it."""
    code = (
        "import sys\n"
        "from proxydoc.cli import main\n"
        "status = main(['lint', 'lint_sample.py'])\n"
        "sphinx = sorted(m for m in sys.modules if m.split('.')[0] == 'sphinx')\n"
        "writers = sorted(m for m in sys.modules if m.startswith('docutils.writers'))\n"
        "rest = 'docutils.parsers.rst' in sys.modules\n"
        "print(status, sphinx, writers, rest, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=lint_project,
        env={**os.environ, "PYTHONPATH": str(SAMPLES)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr.splitlines()[-1] == "1 [] [] True"
    assert "PXD001" in done.stdout  # it did check the file


@pytest.fixture
def targets(lint_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Target modules lint must read and never import; each says so if imported."""
    files = {
        "pxd_exits.py": "import sys\nsys.exit(0)\n\ndef f(a):\n    pass\n",
        "pxd_prints.py": "print('pxd_prints was imported')\n\ndef f(a):\n    pass\n",
        "pxd_escaped.py": (
            "class Config:\n    def __init__(self, file_, *, path_=None):\n"
            "        pass\n"
        ),
        "pxd_pkg/__init__.py": (
            '"""Re-exports."""\n'
            "from ._impl import connect as connect\n"
            "from pxd_pkg._impl import Engine\n"
            "from . import _sub as sub\n"
            "from ._star import *\n"
            "import pxd_pkg._impl as impl\n"
            "Alias = Engine\n"
            "print('pxd_pkg was imported')\n"
        ),
        "pxd_pkg/_impl.py": (
            "from pxd_pkg._base import Base\n\n"
            "def connect(url, *, echo=False):\n    pass\n\n"
            "class Engine(Base):\n    pass\n"
        ),
        "pxd_pkg/_base.py": (
            "class Base:\n    def __init__(self, size):\n        pass\n\n"
            "    def run(self, statement):\n        pass\n"
        ),
        "pxd_pkg/_sub.py": "def g(b):\n    pass\n",
        "pxd_pkg/_star.py": "def starred(c):\n    pass\n",
        "pxd_cycle/__init__.py": "from pxd_cycle.b import f\n",
        "pxd_cycle/b.py": "from pxd_cycle import f\n",
        "pxd_stub.pyi": (
            "from typing import overload\n\n"
            "def f(a: int) -> None: ...\n\n"
            "@overload\ndef g(a: int) -> None: ...\n\n"
            "@overload\ndef g(b: str) -> None: ...\n"
        ),
        "pxd_overloads.py": (
            "from typing import overload\n\n"
            "@overload\ndef g(a: int) -> None: ...\n\n"
            "@overload\ndef g(b: str) -> None: ...\n\n"
            "def g(*args):\n    pass\n"
        ),
    }
    for name, text in files.items():
        path = lint_project / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
    yield lint_project
    for name in [n for n in sys.modules if n.startswith(("pxd_", "this"))]:
        monkeypatch.delitem(sys.modules, name)


def _lint_doc(project: Path, run, doc: str) -> object:
    path = project / "uses.py"
    path.write_text(f'r"""{doc}"""\n')
    return run("lint", "--no-progress", str(path))


#: A docstring naming targets in the ``targets`` modules, and its one finding
#: ("" for none).  None of those modules is imported: what they do on import
#: (exit, print) never happens.
TARGET_CASES = [
    pytest.param(
        ":paramref:`pxd_exits.f.a`\n:paramref:`pxd_exits.f.nope`",
        "uses.py:2: PXD001 :paramref:`pxd_exits.f.nope` names no parameter "
        "'nope' of pxd_exits.f",
        id="a-target-that-exits-is-read-not-run",
    ),
    pytest.param(
        ":paramref:`pxd_prints.f.a`", "", id="what-a-target-prints-is-never-shown"
    ),
    pytest.param(
        ":paramref:`pxd_escaped.Config.file\\_` and\n"
        ":paramref:`the path <pxd_escaped.Config.params.path\\_>` and\n"
        ":paramref:`!pxd_escaped.Config.nope\\_`",
        "uses.py:3: PXD001 :paramref:`!pxd_escaped.Config.nope\\_` names no "
        "parameter 'nope_' of pxd_escaped.Config",
        id="escaped-names-are-read-as-the-role-reads-them",
    ),
    pytest.param(
        ":paramref:`pxd_pkg.connect.echo`, :paramref:`pxd_pkg.Engine.size`,\n"
        ":paramref:`pxd_pkg.Engine.run.statement`, :paramref:`pxd_pkg.sub.g.b`,\n"
        ":paramref:`pxd_pkg.starred.c`, :paramref:`pxd_pkg.impl.connect.url`,\n"
        ":paramref:`pxd_pkg.Alias.params.size`, :paramref:`pxd_pkg._sub.g.b`,\n"
        ":paramref:`pxd_pkg.Engine.nope`",
        "uses.py:5: PXD001 :paramref:`pxd_pkg.Engine.nope` names no parameter "
        "'nope' of pxd_pkg.Engine",
        id="re-exports-are-followed-in-source",
    ),
    pytest.param(
        ":paramref:`pxd_cycle.f.a`",
        "uses.py:1: PXD002 :paramref:`pxd_cycle.f.a`: target not found: pxd_cycle.f",
        id="a-re-export-cycle-is-not-found",
    ),
    pytest.param(
        ":paramref:`pxd_stub.f.a` :paramref:`pxd_stub.f.b`\n"
        ":paramref:`pxd_stub.g.a` :paramref:`pxd_stub.g.b`",
        "uses.py:1: PXD001 :paramref:`pxd_stub.f.b` names no parameter 'b' of "
        "pxd_stub.f",
        id="a-stub-is-a-source",
    ),
    # as at run time: the implementation's signature; a stub's overloads together
    pytest.param(
        ":paramref:`pxd_overloads.g.a`",
        "uses.py:1: PXD001 :paramref:`pxd_overloads.g.a` names no parameter 'a' "
        "of pxd_overloads.g",
        id="overloads-count-only-without-an-implementation",
    ),
]


@pytest.mark.parametrize(("doc", "finding"), TARGET_CASES)
def test_targets_are_read_never_imported(
    targets: Path, run, doc: str, finding: str
) -> None:
    imported = {name for name in sys.modules if name.startswith("pxd_")}
    result = _lint_doc(targets, run, doc)
    assert result.out == (finding + "\n" if finding else "")
    assert result.status == (1 if finding else 0)
    assert "imported" not in result.err
    assert {name for name in sys.modules if name.startswith("pxd_")} == imported


def test_import_this_prints_no_zen(
    targets: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "this", raising=False)
    result = _lint_doc(targets, run, ":paramref:`this.f.x`")
    assert result.status == 1
    assert result.out == (
        "uses.py:1: PXD002 :paramref:`this.f.x`: target not found: this.f\n"
    )
    assert "Zen" not in result.out + result.err


@pytest.fixture
def shapes(lint_project: Path) -> Path:
    """Targets of every shape: fields, inherited constructors, values, bad source."""
    (lint_project / "pxd_shapes.py").write_text(
        "import dataclasses\n"
        "from typing import NamedTuple\n"
        "from external_unknown import Widget\n\n"
        "LIMIT = 5\n\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class Point:\n"
        "    x: int\n"
        "    y: int = 0\n\n"
        "class Pair(NamedTuple):\n"
        "    left: int\n\n"
        "class Plain:\n"
        "    pass\n\n"
        "Plain.extra = Plain.more = 1\n\n"
        "class Button(Widget):\n"
        "    pass\n\n"
        "class Model:\n"
        "    def __init__(self, **kw):\n"
        "        pass\n\n"
        "class User(Model):\n"
        "    name: str\n\n"
        "class Query:\n"
        "    def params(self, *multiparams, **kw):\n"
        "        pass\n"
        "\n    @util.memoized_property\n"
        "    def rows(self):\n"
        "        pass\n"
    )
    (lint_project / "pxd_broken.py").write_text("def f(a:\n")
    return lint_project


def test_shapes_of_targets(shapes: Path, run) -> None:
    result = _lint_doc(
        shapes,
        run,
        "Good: :paramref:`pxd_shapes.Point.x`, :paramref:`pxd_shapes.Point.params.y`,\n"
        ":paramref:`pxd_shapes.Pair.left`, :paramref:`pxd_shapes.User.name`,\n"
        ":paramref:`pxd_shapes.Query.params.multiparams`.\n"
        "Bad: :paramref:`pxd_shapes.Point.z`, :paramref:`pxd_shapes.Plain.a`,\n"
        ":paramref:`pxd_shapes.Button.label`, :paramref:`pxd_shapes.LIMIT.x`,\n"
        ":paramref:`pxd_broken.f.a`, :paramref:`pxd_shapes.Query.params.nope`,\n"
        ":paramref:`pxd_shapes.Query.rows.x`.",
    )
    assert result.out.splitlines() == [
        "uses.py:4: PXD001 :paramref:`pxd_shapes.Point.z` names no parameter 'z' "
        "of pxd_shapes.Point",
        "uses.py:4: PXD001 :paramref:`pxd_shapes.Plain.a` names no parameter 'a' "
        "of pxd_shapes.Plain",
        "uses.py:5: PXD003 :paramref:`pxd_shapes.Button.label`: target has no "
        "signature: pxd_shapes.Button",
        "uses.py:5: PXD003 :paramref:`pxd_shapes.LIMIT.x`: target has no "
        "signature: pxd_shapes.LIMIT",
        "uses.py:6: PXD002 :paramref:`pxd_broken.f.a`: target not found: pxd_broken.f",
        "uses.py:6: PXD001 :paramref:`pxd_shapes.Query.params.nope` names no "
        "parameter 'nope' of pxd_shapes.Query",
        "uses.py:7: PXD003 :paramref:`pxd_shapes.Query.rows.x`: target has no "
        "signature: pxd_shapes.Query.rows",
    ]


def test_a_relative_owner_without_a_signature_needs_sphinx(
    lint_project: Path, run
) -> None:
    """Sphinx would go on searching every object whose name ends so."""
    path = lint_project / "attr.py"
    path.write_text(
        "class C:\n"
        "    mapper = None\n\n"
        "    def m(self):\n"
        '        """:paramref:`.mapper.x`"""\n'
    )
    assert run("lint", "--no-progress", str(path)).out == ""
    result = run("lint", "--no-progress", "--strict", str(path))
    assert result.out == (
        "attr.py:5: PXD005 :paramref:`.mapper.x`: relative target cannot be "
        "resolved without Sphinx\n"
    )


def test_sources_too_deep_to_parse(lint_project: Path, run) -> None:
    """A target the parser gives up on is not found; a linted file so is an error."""
    deep = "x = " + "+".join(["1"] * 200_000) + "\n"
    (lint_project / "pxd_deep.py").write_text(deep + "def f(a):\n    pass\n")
    uses = lint_project / "uses.py"
    uses.write_text('""":paramref:`pxd_deep.f.a`"""\n')
    result = run("lint", "--no-progress", str(uses))
    assert result.out == (
        "uses.py:1: PXD002 :paramref:`pxd_deep.f.a`: target not found: pxd_deep.f\n"
    )
    uses.write_text('""":paramref:`pxd_deep.f.a`"""\n' + deep)
    result = run("lint", "--no-progress", str(uses))
    assert result.status == 2
    assert result.err.startswith("uses.py:1: cannot parse: ")
    assert "bug" not in result.err


def test_an_unreadable_place_on_the_path_is_skipped(
    lint_project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (lint_project / "pxd_locked").mkdir()
    stat = os.stat

    def refuse(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if "pxd_locked" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, *args, **kwargs)  # type: ignore[arg-type]

    uses = lint_project / "uses.py"
    uses.write_text('""":paramref:`pxd_locked.f.a`"""\n')
    monkeypatch.setattr(os, "stat", refuse)
    result = run("lint", "--no-progress", str(uses))
    assert result.out == (
        "uses.py:1: PXD002 :paramref:`pxd_locked.f.a`: target not found: pxd_locked.f\n"
    )


def test_a_link_loop_on_the_path_is_skipped(
    lint_project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (lint_project / "loop").symlink_to(lint_project / "loop")
    monkeypatch.syspath_prepend(str(lint_project / "loop"))
    uses = lint_project / "uses.py"
    uses.write_text('""":paramref:`pxdsample.target.Engine.run.nope`"""\n')
    result = run("lint", "--no-progress", str(uses))
    assert result.out.startswith("uses.py:1: PXD001 ")


def test_long_and_wide_lookups(lint_project: Path, run) -> None:
    """A method on the last of 120 bases is found; a chain of 300 re-exports ends."""
    (lint_project / "pxd_wide").mkdir()
    for index in range(120):
        body = "def m(self, a):\n        pass" if index == 119 else "pass"
        (lint_project / "pxd_wide" / f"b{index}.py").write_text(
            f"class B{index}:\n    {body}\n"
        )
    bases = ", ".join(f"b{i}.B{i}" for i in range(120))
    (lint_project / "pxd_wide" / "__init__.py").write_text(
        "".join(f"from . import b{i}\n" for i in range(120))
        + f"\n\nclass C({bases}):\n    pass\n"
    )
    (lint_project / "pxd_chain").mkdir()
    (lint_project / "pxd_chain" / "__init__.py").write_text("")
    for index in range(300):
        (lint_project / "pxd_chain" / f"m{index}.py").write_text(
            f"from pxd_chain.m{index + 1} import f\n"
            if index < 299
            else "def f(a):\n    pass\n"
        )
    result = _lint_doc(
        lint_project,
        run,
        ":paramref:`pxd_wide.C.m.a` :paramref:`pxd_wide.C.m.b`\n"
        ":paramref:`pxd_chain.m0.f.a` :paramref:`pxd_chain.m250.f.b`",
    )
    assert result.out.splitlines() == [
        "uses.py:1: PXD001 :paramref:`pxd_wide.C.m.b` names no parameter 'b' of "
        "pxd_wide.C.m",
        "uses.py:2: PXD002 :paramref:`pxd_chain.m0.f.a`: target not found: "
        "pxd_chain.m0.f",
        "uses.py:2: PXD001 :paramref:`pxd_chain.m250.f.b` names no parameter 'b' "
        "of pxd_chain.m250.f",
    ]
    assert result.err.endswith("1 files, 3 problems, 0 with errors\n")


def test_packages_installed_editable_by_a_finder(
    lint_project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """setuptools maps such packages in a finder module: its MAPPING is read."""
    source = lint_project / "src" / "somewhere" / "pxd_mapped"
    source.mkdir(parents=True)
    (source / "__init__.py").write_text("def f(a):\n    pass\n")
    site = lint_project / "site"
    site.mkdir()
    (site / "__editable___pxd_mapped_0_1_finder.py").write_text(
        "print('the finder was run')\n"
        f"MAPPING: dict[str, str] = {{'pxd_mapped': {str(source)!r}}}\n"
    )
    monkeypatch.syspath_prepend(str(site))
    result = _lint_doc(lint_project, run, ":paramref:`pxd_mapped.f.b`")
    assert result.out == (
        "uses.py:1: PXD001 :paramref:`pxd_mapped.f.b` names no parameter 'b' of "
        "pxd_mapped.f\n"
    )
    assert "finder" not in result.err


def test_a_package_stub_reads_its_relative_imports(lint_project: Path, run) -> None:
    (lint_project / "pxd_stubbed").mkdir()
    (lint_project / "pxd_stubbed" / "_impl.pyi").write_text(
        "def f(a: int) -> None: ...\n"
    )
    (lint_project / "pxd_stubbed" / "__init__.pyi").write_text(
        '"""See :paramref:`.f.a` and :paramref:`f.nope`."""\n\nfrom ._impl import f\n'
    )
    result = run("lint", "--no-progress", "pxd_stubbed")
    assert result.out == (
        "pxd_stubbed/__init__.pyi:1: PXD001 :paramref:`f.nope` names no parameter "
        "'nope' of pxd_stubbed._impl.f\n"
    )


def test_docstrings_assigned_as_literals_are_checked(lint_project: Path, run) -> None:
    """``f.__doc__ = "..."`` and ``__doc__ = "..."`` in a class body: read like
    the docstrings they replace; one of an imported function, in its module."""
    path = lint_project / "assigned.py"
    path.write_text(
        "from pxdsample.target import Engine\n\n\n"
        "def f(alpha):\n    pass\n\n\n"
        'f.__doc__ = """Takes :paramref:`alpha`,\n'
        'not :paramref:`beta`."""\n\n\n'
        "class C:\n"
        '    __doc__ = "Made with :paramref:`size`, not :paramref:`nope`."\n\n'
        "    def __init__(self, size):\n        pass\n\n"
        "    def m(self, gamma):\n        pass\n\n\n"
        'C.m.__doc__ = ":paramref:`gamma`, :paramref:`.m.delta`"\n'
        'Engine.run.__doc__ = ":paramref:`statement`, :paramref:`nope`"\n'
    )
    result = run("lint", "--no-progress", str(path))
    assert result.status == 1
    assert result.out.splitlines() == [
        "assigned.py:9: PXD001 :paramref:`beta` names no parameter 'beta' of f",
        "assigned.py:13: PXD001 :paramref:`nope` names no parameter 'nope' of C",
        "assigned.py:22: PXD001 :paramref:`.m.delta` names no parameter 'delta' "
        "of assigned.C.m",
        "assigned.py:23: PXD001 :paramref:`nope` names no parameter 'nope' of run",
    ]
    assert "note" not in result.err


def test_docstrings_lint_cannot_read_are_noted(lint_project: Path, run) -> None:
    """A computed docstring, or one of an object lint cannot find, that holds a
    :paramref: is a note on stderr: not a problem, the exit status is 0."""
    path = lint_project / "made.py"
    path.write_text(
        "def f(alpha):\n    pass\n\n\n"
        'f.__doc__ = "Takes :paramref:`%s`." % "alpha"\n'
        "f.__doc__ += ' and :paramref:`beta`'\n"
        "handler = make_handler()\n"
        'handler.run.__doc__ = ":paramref:`x`"\n'
        'f.__doc__ = "no roles" + f.__doc__\n'
    )
    result = run("lint", "--no-progress", str(path))
    assert (result.status, result.out) == (0, "")
    assert result.err.splitlines() == [
        "made.py:5: note: the value assigned to f.__doc__ is computed at import "
        "time; its :paramref: roles are not checked",
        "made.py:6: note: the value assigned to f.__doc__ is computed at import "
        "time; its :paramref: roles are not checked",
        "made.py:8: note: the value assigned to handler.run.__doc__ documents "
        "something lint cannot find in made; its :paramref: roles are not checked",
        "proxydoc lint: 1 files, 0 problems, 0 with errors, 3 notes",
    ]


@pytest.fixture
def made_at_run_time(lint_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Targets whose docstrings or names a module makes when imported."""
    files = {
        "pxd_assigned.py": (
            "def connect(url, **kw):\n    pass\n\n\n"
            'connect.__doc__ = """Connect.\n\n:keyword echo: log statements\n"""\n\n\n'
            "def render(**kw):\n    pass\n\n\n"
            "render.__doc__ = TEMPLATE.format(name='render')\n\n\n"
            "class Pool:\n"
            "    def __init__(self, **kw):\n        pass\n\n\n"
            'Pool.__init__.__doc__ = ":param size: how many"\n'
        ),
        "pxd_lazy/__init__.py": (
            "import importlib\n\n\n"
            "def real(a):\n    pass\n\n\n"
            "def __getattr__(name):\n"
            "    return getattr(importlib.import_module('pxd_lazy._impl'), name)\n"
        ),
        "pxd_lazy/_impl.py": "def connect(url):\n    pass\n",
        "pxd_attached/__init__.py": (
            "import lazy_loader\n\n"
            "__getattr__, __dir__, __all__ = lazy_loader.attach(\n"
            "    __name__, submod_attrs={'_impl': ['connect']}\n)\n"
        ),
        "pxd_attached/_impl.py": "def connect(url):\n    pass\n",
    }
    for name, text in files.items():
        path = lint_project / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
    yield lint_project
    for name in [n for n in sys.modules if n.startswith("pxd_")]:
        monkeypatch.delitem(sys.modules, name)


def test_targets_documented_at_import_time(made_at_run_time: Path, run) -> None:
    """A literal assigned to a target's ``__doc__`` documents its parameters; a
    finding about a target whose docstring is computed says why it may be wrong."""
    result = _lint_doc(
        made_at_run_time,
        run,
        ":paramref:`pxd_assigned.connect.echo` :paramref:`pxd_assigned.Pool.size`\n"
        ":paramref:`pxd_assigned.connect.nope` :paramref:`pxd_assigned.render.fmt`",
    )
    assert result.out.splitlines() == [
        "uses.py:2: PXD001 :paramref:`pxd_assigned.connect.nope` names no "
        "parameter 'nope' of pxd_assigned.connect",
        "uses.py:2: PXD001 :paramref:`pxd_assigned.render.fmt` names no parameter "
        "'fmt' of pxd_assigned.render (its docstring is computed at import time: "
        "a parameter documented only there is not seen)",
    ]


def test_names_a_module_makes_at_run_time_are_noted(
    made_at_run_time: Path, run
) -> None:
    """A module-level ``__getattr__`` (a function, or bound as lazy_loader does)
    may make any name: a target lint cannot find there is a note, not PXD002."""
    result = _lint_doc(
        made_at_run_time,
        run,
        ":paramref:`pxd_lazy.connect.url` :paramref:`pxd_lazy.real.b`\n"
        ":paramref:`pxd_attached.connect.url` :paramref:`pxd_lazy._impl.nope.x`",
    )
    assert result.status == 1
    assert result.out.splitlines() == [
        "uses.py:1: PXD001 :paramref:`pxd_lazy.real.b` names no parameter 'b' of "
        "pxd_lazy.real",
        "uses.py:2: PXD002 :paramref:`pxd_lazy._impl.nope.x`: target not found: "
        "pxd_lazy._impl.nope",
    ]
    assert result.err.splitlines() == [
        "uses.py:1: note: :paramref:`pxd_lazy.connect.url` not checked: "
        "pxd_lazy.connect is not in the source of pxd_lazy, which makes names at "
        "run time (a module-level __getattr__); lint runs no project code",
        "uses.py:2: note: :paramref:`pxd_attached.connect.url` not checked: "
        "pxd_attached.connect is not in the source of pxd_attached, which makes "
        "names at run time (a module-level __getattr__); lint runs no project code",
        "proxydoc lint: 1 files, 2 problems, 0 with errors, 2 notes",
    ]
