"""Against Alembic's own source: its four generated regions, from a config file.

Alembic 1.20.1 writes ``alembic/op.pyi``, ``alembic/context.pyi`` and two
``if TYPE_CHECKING:`` blocks of ``alembic/operations/base.py`` with its own
script (``tools/write_pyi.py``).  Here ``proxydoc`` does it from
``samples/alembic-stubs.toml`` alone, appended to Alembic's ``pyproject.toml``.

Deliberate differences, none of them in the code a type checker reads:

- the import block of the stubs stays Alembic's (kept by hand, above the
  ``### end imports ###`` marker: outside the region);
- the comments at the top of a region are proxydoc's header, not Alembic's;
- layout: Alembic runs black on its output, proxydoc writes its own layout
  (a ``formatter`` setting runs black too); regions are compared as ASTs, with
  docstrings put through ``inspect.cleandoc``;
- an emptied ``if TYPE_CHECKING:`` block must hold ``pass`` to parse, so the
  emptied class blocks below hold ``pass``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_helpers import run_proxydoc
from cli_sdist import (
    ALEMBIC_VERSION,
    extract_sdist,
    normalized_region,
    region_functions,
)

#: Alembic's sdist is downloaded once (``pip download``) into ~/.cache/proxydoc.
pytestmark = pytest.mark.slow

CONFIG = Path(__file__).parent / "samples" / "alembic-stubs.toml"
STUBS = ("alembic/op.pyi", "alembic/context.pyi")
BASE = "alembic/operations/base.py"
BLOCKS = ("op_cls", "batch_op")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return extract_sdist("alembic", ALEMBIC_VERSION, tmp_path_factory.mktemp("sdist"))


@pytest.fixture
def tree(pristine: Path, tmp_path: Path) -> Path:
    """A copy of Alembic's sdist with the configuration appended."""
    root = tmp_path / "alembic-src"
    for path in pristine.rglob("*"):
        if path.is_file():
            copy = root / path.relative_to(pristine)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + "\n" + CONFIG.read_text("utf-8"),
        encoding="utf-8",
    )
    return root


def stub_region(text: str) -> str:
    """A stub's region, found without proxydoc's code: after the imports marker."""
    return text.split("### end imports ###\n", 1)[1]


def block_region(text: str, name: str) -> str:
    match = re.search(
        rf"# START STUB FUNCTIONS: {name}\n(.*?)^ *# END STUB FUNCTIONS: {name}\n",
        text,
        re.MULTILINE | re.DOTALL,
    )
    assert match, name
    return match[1]


def normalized(region: str, indented: bool) -> str:
    return normalized_region(region, indented)


def functions(region: str, indented: bool) -> list[str]:
    return region_functions(region, indented)


def test_check_passes_on_alembics_tree(tree: Path) -> None:
    """Alembic's committed regions are what proxydoc generates: check exits 0,
    generate writes nothing."""
    before = {p: (tree / p).read_bytes() for p in (*STUBS, BASE)}
    done = run_proxydoc(tree, "check", "--no-progress")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 stale, 0 with errors" in done.stderr
    done = run_proxydoc(tree, "generate", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert {p: (tree / p).read_bytes() for p in before} == before


def test_emptied_regions_are_regenerated(tree: Path) -> None:
    """All four regions emptied at once; one generate restores each AST-equal."""
    committed_stubs = {p: stub_region((tree / p).read_text("utf-8")) for p in STUBS}
    base_text = (tree / BASE).read_text("utf-8")
    committed_blocks = {name: block_region(base_text, name) for name in BLOCKS}
    for path in STUBS:
        text = (tree / path).read_text("utf-8")
        (tree / path).write_text(text[: -len(stub_region(text))], encoding="utf-8")
    for name in BLOCKS:
        base_text = base_text.replace(block_region(base_text, name), "        pass\n")
    (tree / BASE).write_text(base_text, encoding="utf-8")
    emptied_base = base_text

    done = run_proxydoc(tree, "check", "--no-progress")
    assert done.returncode == 1, done.stderr
    done = run_proxydoc(tree, "generate", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert "3 rewritten, 0 with errors" in done.stderr

    for path, region in committed_stubs.items():
        generated = stub_region((tree / path).read_text("utf-8"))
        assert functions(generated, False) == functions(region, False)
        assert len(functions(region, False)) > 10
        assert normalized(generated, False) == normalized(region, False), path
    base_text = (tree / BASE).read_text("utf-8")
    for name, region in committed_blocks.items():
        generated = block_region(base_text, name)
        assert functions(generated, True) == functions(region, True)
        assert len(functions(region, True)) > 10
        assert normalized(generated, True) == normalized(region, True), name
    # outside the regions, base.py is as it was
    outside = base_text
    for name in BLOCKS:
        outside = outside.replace(block_region(base_text, name), "        pass\n")
    assert outside == emptied_base
    done = run_proxydoc(tree, "check", "--no-progress")
    assert done.returncode == 0, done.stderr


def test_check_sees_a_changed_target(tree: Path) -> None:
    """The targets are imported from the tree itself: a docstring changed in
    ``ops.py`` makes ``op.pyi`` and the ``op_cls`` block stale."""
    ops = tree / "alembic/operations/ops.py"
    text = ops.read_text("utf-8")
    old = 'Issue an "add column" instruction using the current'
    assert text.count(old) == 2  # Operations.add_column, BatchOperations.add_column
    ops.write_text(text.replace(old, "Issue an ADD COLUMN using the current"), "utf-8")
    done = run_proxydoc(tree, "check", "--no-progress")
    assert done.returncode == 1
    assert "2 stale, 0 with errors" in done.stderr
    assert "+++ b/alembic/op.pyi" in done.stdout
    assert "+++ b/alembic/operations/base.py" in done.stdout
    assert "Issue an ADD COLUMN" in done.stdout
