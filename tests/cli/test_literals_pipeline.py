"""Property: any target docstring goes through ``proxydoc generate`` into a facade
of any encoding and line ending: written (escaped where needed), importable,
cleaned back to the target's text, stable; nothing outside the region touched."""

from __future__ import annotations

import importlib
import inspect
import itertools
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cli_helpers import facade_spec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proxydoc.cli._render import inject_note, method_note

ODD = ["\n", "\r", "\r\n", "\x00", "\x0c", "\x1b", "\x85", "\u2028", "\ud800", "\t"]
QUOTES = ["\\", '"', '"""', "'", "'''", "  ", "\xe9", "\u20ac", "\U0001f600"]
DOCS = st.none() | st.lists(
    st.characters() | st.sampled_from([*ODD, *QUOTES]), max_size=30
).map("".join)
ENCODINGS = ["utf-8", "latin-1", "ascii", "cp1252"]
START = "    # START PROXY METHODS Facade\n"
END = "    # END PROXY METHODS Facade\n"
FACADE = """\
# -*- coding: {encoding} -*-
from __future__ import annotations

from {target} import Target
from pxdsample.util import create_proxy_methods


@create_proxy_methods(Target, ":class:`.Target`", ":class:`.Facade`", methods=["get"])
class Facade:
    def __init__(self, target: Target) -> None:
        self._proxied = target

{start}{end}
    def after(self) -> str:
        return "after"
"""
SPEC = facade_spec(target_ref="", methods=("get",))
_names = itertools.count()


def target_source(doc: str | None) -> str:
    """A target whose ``get`` has *doc* as its docstring, however odd."""
    assign = "" if doc is None else f"    get.__doc__ = {doc!r}\n"
    return (
        "class Target:\n"
        '    def get(self, key: str = "k") -> str:\n'
        "        return key\n" + assign
    )


@contextmanager
def project() -> Iterator[Path]:
    """A fresh folder, the working folder and first on ``sys.path``."""
    before = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "pyproject.toml").write_text("[tool.proxydoc]\n")
        sys.path.insert(0, folder)
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(before)
            sys.path.remove(folder)


def outside(data: bytes, newline: str, encoding: str) -> tuple[bytes, bytes]:
    """The bytes before the region's body and from its END line on."""
    start = START.replace("\n", newline).encode(encoding)
    end = END.replace("\n", newline).encode(encoding)
    return data[: data.index(start) + len(start)], data[data.index(end) :]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(DOCS, st.sampled_from(ENCODINGS), st.sampled_from(["\n", "\r\n"]))
def test_generate_writes_any_docstring(
    samples_on_path: Path, run, doc: str | None, encoding: str, newline: str
) -> None:
    n = next(_names)
    name, target = f"facade_pipe_{n}", f"facade_pipe_target_{n}"
    with project() as folder:
        (folder / f"{target}.py").write_text(target_source(doc), encoding="utf-8")
        text = FACADE.format(encoding=encoding, target=target, start=START, end=END)
        path = folder / f"{name}.py"
        path.write_bytes(text.replace("\n", newline).encode(encoding))
        before = path.read_bytes()
        result = run("generate", path.name)
        if any("\ud800" <= char <= "\udfff" for char in doc or ""):
            # Python 3.13 cannot compile such a docstring, escaped or not
            assert result.status == 2
            assert f"{name}.py:8: " in result.err and "lone surrogate" in result.err
            assert path.read_bytes() == before
            return
        assert result.status == 0, result.err
        written = path.read_bytes()
        written.decode(encoding)
        assert outside(written, newline, encoding) == outside(before, newline, encoding)
        module = importlib.import_module(name)
        proxy = module.Facade(importlib.import_module(target).Target())
        assert proxy.get() == "k" and proxy.after() == "after"
        expected = inject_note(doc or "", method_note(SPEC))
        assert inspect.cleandoc(module.Facade.get.__doc__) == expected
        assert run("generate", path.name).status == 0
        assert path.read_bytes() == written
        assert run("check", path.name).status == 0
