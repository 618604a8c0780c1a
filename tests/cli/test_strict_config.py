"""Strict configuration: every configured facade, stub file, target and member
matches something, once, or ``generate`` / ``check`` exit 2 saying what.

Each test writes a small project (the ``project`` fixture's folder, emptied of
its sample facades), runs the command and compares stderr whole.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

TARGET = "pxdsample.target:Engine"  # methods run, fetch, get, describe; ...

PLAIN = """\
from pxdsample.target import Engine


class Plain:
    def __init__(self, engine: Engine) -> None:
        self._proxied = engine

    # START PROXY METHODS Plain
    # END PROXY METHODS Plain
"""

DECORATED = """\
from pxdsample.target import Engine
from pxdsample.util import create_proxy_methods


@create_proxy_methods(Engine, ":class:`.Engine`", ":class:`.Deco`", {lists})
class Deco:
    def __init__(self, engine: Engine) -> None:
        self._proxied = engine

    # START PROXY METHODS Deco
    # END PROXY METHODS Deco
"""


@pytest.fixture
def tree(project: Path) -> Path:
    """The ``project`` folder without the sample facades it copies."""
    for name in ("facade_decorated.py", "facade_config.py"):
        (project / name).unlink()
    return project


def write(folder: Path, files: dict[str, str], toml: str = "") -> None:
    """*files* (dedented) below *folder*, and its pyproject.toml."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (folder / "pyproject.toml").write_text(
        "[tool.proxydoc]\n" + textwrap.dedent(toml), encoding="utf-8"
    )


def proxies(key: str, **lists: list[str]) -> str:
    body = "".join(f"{name} = {value!r}\n" for name, value in lists.items())
    return f'\n[tool.proxydoc.proxies."{key}"]\ntarget = "{TARGET}"\n{body}'


def summary(command: str, files: int, *, errors: int = 0, config: int = 0) -> str:
    verb = "stale" if command == "check" else "rewritten"
    more = f", {config} configuration errors" if config else ""
    return f"proxydoc {command}: {files} files, 0 {verb}, {errors} with errors{more}\n"


# -- stub files and proxies keys that match no file ---------------------------


def test_a_stub_whose_file_does_not_exist(tree: Path, run) -> None:
    write(
        tree,
        {"plain.py": "x = 1\n"},
        f'[tool.proxydoc.stubs.op]\nfile = "missing.pyi"\ntarget = "{TARGET}"\n',
    )
    pyproject = tree / "pyproject.toml"
    for argv in (["check"], ["generate"], ["check", "plain.py"]):
        result = run(*argv)
        assert result.status == 2
        assert result.err == (
            f'proxydoc: error: {pyproject}: [tool.proxydoc].stubs."op": file: no '
            "such file: 'missing.pyi'\n" + summary(argv[0], 1, config=1)
        )


def test_a_stub_file_outside_paths(tree: Path, run) -> None:
    write(
        tree,
        {"src/plain.py": "x = 1\n", "typings/op.pyi": "# S\n"},
        'paths = ["src"]\n[tool.proxydoc.stubs.op]\n'
        f'file = "typings/op.pyi"\ntarget = "{TARGET}"\nstart = "# S"\n',
    )
    result = run("check")
    assert result.status == 2
    assert result.err == (
        f'proxydoc: error: {tree / "pyproject.toml"}: [tool.proxydoc].stubs."op": '
        "file 'typings/op.pyi' is not among the files read (paths ['src'], "
        "exclude); add it to paths\n" + summary("check", 1, config=1)
    )


def test_a_proxies_key_with_a_typo_in_the_class(tree: Path, run) -> None:
    deco = DECORATED.format(lists='methods=["describe"]')
    files = {"plain.py": PLAIN, "deco.py": deco}
    write(tree, files, proxies("plain:Plian", methods=["describe"]))
    before = (tree / "plain.py").read_bytes()
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        'plain.py: [tool.proxydoc.proxies."plain:Plian"] names no class of this '
        "module (its classes: Plain)\n"
        "proxydoc generate: 2 files, 1 rewritten, 1 with errors\n"
    )
    assert (tree / "plain.py").read_bytes() == before
    assert "def describe(" in (tree / "deco.py").read_text()  # the others: written


def test_a_proxies_key_with_a_typo_in_the_module(tree: Path, run) -> None:
    write(tree, {"plain.py": "x = 1\n"}, proxies("plian:Plain", methods=["describe"]))
    result = run("check")
    assert result.status == 2
    assert result.err == (
        f"proxydoc: error: {tree / 'pyproject.toml'}: [tool.proxydoc].proxies."
        "\"plian:Plain\": no file read is the module plian (paths ['.']); check "
        "the module's name, paths and import_paths\n" + summary("check", 1, config=1)
    )
    # files named on the command line (pre-commit): other modules are not asked for
    assert run("check", "plain.py").status == 0


# -- declared facades without markers ----------------------------------------


def test_a_configured_facade_without_markers(tree: Path, run) -> None:
    text = PLAIN.replace("    # START PROXY METHODS Plain\n", "")
    write(
        tree,
        {"plain.py": text.replace("    # END PROXY METHODS Plain\n", "")},
        proxies("plain:Plain", methods=["describe"]),
    )
    result = run("check")
    assert result.status == 2
    assert result.err == (
        'plain.py:4: class Plain is declared by [tool.proxydoc.proxies."plain:Plain"]'
        " but its body has no '# START PROXY METHODS Plain' / '# END PROXY METHODS "
        "Plain' markers: nothing would be generated; add them\n"
        + summary("check", 1, errors=1)
    )


def test_a_decorated_facade_without_markers(tree: Path, run) -> None:
    text = DECORATED.format(lists='methods=["describe"]')
    text = text.replace("    # START PROXY METHODS Deco\n", "")
    write(tree, {"deco.py": text.replace("    # END PROXY METHODS Deco\n", "")})
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        "deco.py:6: class Deco is declared by its decorator but its body has no "
        "'# START PROXY METHODS Deco' / '# END PROXY METHODS Deco' markers: "
        "nothing would be generated; add them\n" + summary("generate", 1, errors=1)
    )


# -- the walk: exclude -------------------------------------------------------


def test_a_configured_facade_in_a_folder_named_build_is_read(tree: Path, run) -> None:
    write(
        tree,
        {"build/__init__.py": "", "build/plain.py": PLAIN},
        proxies("build.plain:Plain", methods=["describe"]),
    )
    result = run("generate")
    assert result.status == 0, result.err
    assert result.err == "proxydoc generate: 2 files, 1 rewritten, 0 with errors\n"
    assert "def describe(self) -> str:" in (tree / "build/plain.py").read_text()


def test_a_package_skipped_by_the_default_excludes_gets_a_note(tree: Path, run) -> None:
    deco = DECORATED.format(lists='methods=["describe"]')
    write(tree, {"dist/__init__.py": "", "dist/deco.py": deco, "build/x.py": ""})
    result = run("check")
    assert result.status == 0
    assert result.err == (
        "dist: note: package not read: excluded by the default pattern 'dist'; "
        "name it in paths, or set [tool.proxydoc] exclude, to read it\n"
        "proxydoc check: 0 files, 0 stale, 0 with errors\n"
    )  # build/ holds no __init__.py: no note
    assert run("check", "dist").status == 1  # named: read, and stale


def test_a_folder_named_in_paths_is_walked_and_read_once(tree: Path, run) -> None:
    deco = DECORATED.format(lists='methods=["describe"]')
    write(
        tree,
        {"build/__init__.py": "", "build/deco.py": deco},
        'paths = [".", "build"]\n',
    )
    result = run("check")
    assert result.status == 1
    assert result.err == "proxydoc check: 2 files, 1 stale, 0 with errors\n"


def test_exclude_replaces_the_defaults(tree: Path, run) -> None:
    deco = DECORATED.format(lists='methods=["describe"]')
    files = {"dist/__init__.py": "", "dist/deco.py": deco, "src/gen/g.py": deco}
    files |= {"legacy/old.py": deco, "src/keep.py": "x = 1\n"}
    write(tree, files, 'exclude = ["legacy", "src/gen/*.py"]\n')
    result = run("generate")
    assert result.status == 0, result.err
    assert result.err == "proxydoc generate: 3 files, 1 rewritten, 0 with errors\n"
    assert "def describe(" in (tree / "dist/deco.py").read_text()
    assert "def describe(" not in (tree / "legacy/old.py").read_text()
    assert "def describe(" not in (tree / "src/gen/g.py").read_text()


def test_a_configured_stub_file_is_read_whatever_exclude_says(tree: Path, run) -> None:
    stub = f'[tool.proxydoc.stubs.op]\nfile = "gen/op.pyi"\ntarget = "{TARGET}"\n'
    write(tree, {"gen/op.pyi": "# S\n"}, f'exclude = ["gen", "*.pyi"]\n{stub}')
    (tree / "pyproject.toml").write_text(
        (tree / "pyproject.toml").read_text() + 'start = "# S"\nmembers = ["run"]\n'
    )
    result = run("generate")
    assert result.status == 0, result.err
    assert result.err == "proxydoc generate: 1 files, 1 rewritten, 0 with errors\n"
    assert "def run(" in (tree / "gen/op.pyi").read_text()


def test_exclude_patterns_must_be_relative(tree: Path, run) -> None:
    write(tree, {}, 'exclude = ["/abs", "ok"]\n')
    result = run("check")
    assert result.status == 2
    assert result.err == (
        f"proxydoc: error: {tree / 'pyproject.toml'}: [tool.proxydoc]: exclude "
        "patterns must be relative to the project root: ['/abs']\n"
    )


# -- members listed twice ----------------------------------------------------


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        (
            {"methods": ["describe", "describe"]},
            "member 'describe' is listed twice (methods twice); list it once",
        ),
        (
            {"methods": ["describe"], "attributes": ["describe"]},
            "member 'describe' is listed twice (methods and attributes); list it once",
        ),
        (
            {"methods": ["run"], "classmethods": ["run"]},
            "member 'run' is listed twice (methods and classmethods); list it once",
        ),
        (
            {"methods": ["run"], "use_intermediate_variable": ["get"]},
            "use_intermediate_variable names 'get', which is not in methods or "
            "classmethods",
        ),
    ],
)
def test_a_member_listed_twice_in_pyproject(
    tree: Path, run, lists: dict[str, list[str]], message: str
) -> None:
    write(tree, {"plain.py": PLAIN}, proxies("plain:Plain", **lists))
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        f"proxydoc: error: {tree / 'pyproject.toml'}: [tool.proxydoc].proxies."
        f'"plain:Plain": {message}\n'
    )


def test_a_member_listed_twice_in_the_decorator(tree: Path, run) -> None:
    lists = 'methods=["describe"], attributes=["describe"]'
    write(tree, {"deco.py": DECORATED.format(lists=lists)})
    before = (tree / "deco.py").read_bytes()
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        "deco.py:5: member 'describe' is listed twice (methods and attributes); "
        "list it once\n" + summary("generate", 1, errors=1)
    )
    assert (tree / "deco.py").read_bytes() == before


STUB = f'[tool.proxydoc.stubs.op]\nfile = "op.pyi"\ntarget = "{TARGET}"\n'


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        (
            'members = ["run", "run"]\n',
            'proxydoc: error: {pyproject}: [tool.proxydoc].stubs."op": members '
            "lists 'run' more than once",
        ),
        (
            'exclude = ["run", "nope"]\n',
            "op.pyi:1: stub region 'op': exclude names ['nope'], not among the "
            "public members of Engine",
        ),
        (
            'members = ["run"]\nexclude = ["get"]\n',
            "op.pyi:1: stub region 'op': exclude names ['get'], not among members",
        ),
        (
            'members = ["run"]\ncontext_managers = ["get"]\n',
            "op.pyi:1: stub region 'op': context_managers names ['get'], not among "
            "the members written",
        ),
    ],
)
def test_stub_members_that_match_nothing(
    tree: Path, run, lists: str, message: str
) -> None:
    write(tree, {"op.pyi": ""}, STUB + lists)
    result = run("generate")
    assert result.status == 2
    message = message.format(pyproject=tree / "pyproject.toml")
    end = "" if message.startswith("proxydoc") else summary("generate", 1, errors=1)
    assert result.err == f"{message}\n{end}"
    assert (tree / "op.pyi").read_text() == ""


# -- declared twice ------------------------------------------------------------


def test_decorator_and_pyproject_declaring_one_facade(tree: Path, run) -> None:
    deco = DECORATED.format(lists='methods=["run"]')
    write(tree, {"deco.py": deco}, proxies("deco:Deco", methods=["describe"]))
    before = (tree / "deco.py").read_bytes()
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        "deco.py:5: class Deco is declared twice: by its decorator "
        'create_proxy_methods() here and by [tool.proxydoc.proxies."deco:Deco"] in '
        "pyproject.toml; keep one\n" + summary("generate", 1, errors=1)
    )
    assert (tree / "deco.py").read_bytes() == before


def test_two_keys_naming_one_facade(tree: Path, run) -> None:
    text = "class Outer:\n" + textwrap.indent(PLAIN.split("\n\n\n")[1], "    ")
    toml = proxies("nest:Plain", methods=["run"])
    write(tree, {"nest.py": text}, toml + proxies("nest:Outer.Plain", methods=["get"]))
    result = run("check")
    assert result.status == 2
    assert result.err == (
        "nest.py:2: class Outer.Plain is declared twice: by [tool.proxydoc.proxies."
        '"nest:Outer.Plain"] and by [tool.proxydoc.proxies."nest:Plain"]; keep one\n'
        + summary("check", 1, errors=1)
    )


# -- generated members and hand-written ones -----------------------------------


def test_a_generated_member_replacing_a_hand_written_one(tree: Path, run) -> None:
    text = PLAIN + "\n    def describe(self) -> str:\n        return 'mine'\n"
    write(tree, {"plain.py": text}, proxies("plain:Plain", methods=["describe"]))
    before = (tree / "plain.py").read_bytes()
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        "plain.py:11: 'describe' is defined here by hand and generated in the "
        "region of class Plain (line 8), which would replace one by the other; "
        "remove it here or from the region's members\n"
        + summary("generate", 1, errors=1)
    )
    assert (tree / "plain.py").read_bytes() == before


def test_an_item_or_attribute_assignment_replaces_no_member(tree: Path, run) -> None:
    """``table[describe] = ...`` and ``options.describe = ...`` in the class body
    bind ``table`` and ``options``, not ``describe``; ``describe: str`` alone
    binds nothing: the region's ``describe`` replaces none of them."""
    head = PLAIN.replace(
        "class Plain:\n",
        "describe = 'key'\n\n\nclass Plain:\n"
        "    table = {}\n    table[describe] = 1\n"
        "    options = type('O', (), {})()\n    options.describe = 2\n"
        "    describe: str\n",
    )
    write(tree, {"plain.py": head}, proxies("plain:Plain", methods=["describe"]))
    result = run("generate")
    assert result.status == 0, result.err
    assert "    def describe(self" in (tree / "plain.py").read_text("utf-8")


def test_a_stub_member_replacing_a_hand_written_one(tree: Path, run) -> None:
    text = "class Api:\n    timeout = 3\n\n    # S\n    # E\n"
    stub = f'[tool.proxydoc.stubs.api]\nfile = "api.py"\ntarget = "{TARGET}"\n'
    write(tree, {"api.py": text}, stub + 'start = "# S"\nend = "# E"\n')
    result = run("check")
    assert result.status == 2
    assert result.err == (
        "api.py:2: 'timeout' is defined here by hand and generated in the region "
        "of class Api (line 4), which would replace one by the other; remove it "
        "here or from the region's members\n" + summary("check", 1, errors=1)
    )


def test_a_module_stub_function_replacing_a_hand_written_one(tree: Path, run) -> None:
    text = "from os import path as run\n\n\ndef describe():\n    pass\n\n# S\n"
    stub = f'[tool.proxydoc.stubs.api]\nfile = "api.py"\ntarget = "{TARGET}"\n'
    write(tree, {"api.py": text}, stub + 'start = "# S"\n')
    result = run("check")
    assert result.status == 2
    assert result.err == (
        "api.py:1: 'run' is defined here by hand and generated in the region of "
        "this module (line 7), which would replace one by the other; remove it "
        "here or from the region's members\n" + summary("check", 1, errors=1)
    )


def test_two_decorators_declaring_one_facade(tree: Path, run) -> None:
    deco = DECORATED.format(lists='methods=["run"]')
    line = deco.splitlines()[4]
    write(tree, {"deco.py": deco.replace(line, f"{line}\n{line}")})
    result = run("check")
    assert result.status == 2
    assert result.err == (
        "deco.py:6: class Deco is declared twice: by 2 create_proxy_methods() "
        "decorators; keep one\n" + summary("check", 1, errors=1)
    )


# -- nested facades ----------------------------------------------------------


NESTED = """\
from __future__ import annotations
from typing import Any

from pxdsample.target import Engine


class {outer}:
    class Plain:
        def __init__(self, engine: Engine) -> None:
            self._proxied = engine

        # START PROXY METHODS Plain
        # END PROXY METHODS Plain
"""


def _outer(name: str) -> str:
    """The class *name* of NESTED, without the import."""
    return NESTED.format(outer=name).split("\n\n\n", 1)[1]


def test_a_nested_facade_by_its_qualified_name(tree: Path, run) -> None:
    files = {"nest.py": NESTED.format(outer="One") + "\n\n" + _outer("Two")}
    toml = proxies("nest:One.Plain", methods=["describe"])
    write(tree, files, toml + proxies("nest:Two.Plain", methods=["run"]))
    result = run("generate")
    assert result.status == 0, result.err
    text = (tree / "nest.py").read_text()
    one, two = text.split("class Two:")
    assert "def describe(" in one and "def run(" not in one
    assert "def run(" in two and "def describe(" not in two
    assert "behalf of the :class:`nest.One.Plain` class." in one


def test_a_bare_key_matching_several_nested_facades(tree: Path, run) -> None:
    files = {"nest.py": NESTED.format(outer="One") + "\n\n" + _outer("Two")}
    write(tree, files, proxies("nest:Plain", methods=["describe"]))
    before = (tree / "nest.py").read_bytes()
    result = run("generate")
    assert result.status == 2
    assert result.err == (
        'nest.py: [tool.proxydoc.proxies."nest:Plain"] matches 2 classes: '
        "One.Plain (line 8), Two.Plain (line 17); name one as 'nest:One.Plain'\n"
        + summary("generate", 1, errors=1)
    )
    assert (tree / "nest.py").read_bytes() == before
