"""Helpers shared by the command's tests: facade declarations and fresh runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from proxydoc.cli._facades import FacadeSpec

#: What a test's facade declares unless it says otherwise.
SPEC_DEFAULTS: dict[str, Any] = {
    "facade": "Facade",
    "target_ref": "m:Target",
    "target_expr": "Target",
    "target_name": ":class:`.Target`",
    "facade_name": ":class:`.Facade`",
    "methods": (),
    "attributes": (),
    "classmethods": (),
    "use_intermediate_variable": (),
    "line": 8,
}


def facade_spec(**fields: Any) -> FacadeSpec:
    """A ``FacadeSpec`` of ``Facade`` proxying ``Target``, with *fields* changed."""
    return FacadeSpec(**{**SPEC_DEFAULTS, **fields})


def run_proxydoc(
    cwd: Path, *argv: str, pythonpath: list[Path] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m proxydoc ARGV`` in a fresh interpreter, in *cwd*."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    return subprocess.run(
        [sys.executable, "-m", "proxydoc", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=timeout,
    )


_PING_TARGET = '''\
{prelude}
class Target:
    def ping(self) -> str:
        """{doc}"""
        return "pong"
'''
_PING_FACADE = """\
{coding}from pxdsample.util import create_proxy_methods
from {module} import Target


@create_proxy_methods(Target, ":class:`.Target`", ":class:`.Facade`", methods=["ping"])
class Facade:
    "A facade."

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
"""


def ping_target(*, prelude: str = "", doc: str = "Answer.") -> str:
    """A target module: *prelude*, then ``Target`` with one method, ``ping``."""
    return _PING_TARGET.format(prelude=prelude, doc=doc)


def ping_facade(module: str, *, encoding: str | None = None) -> str:
    """A facade module proxying ``ping`` of *module*'s ``Target``, region empty."""
    coding = f"# -*- coding: {encoding} -*-\n" if encoding else ""
    return _PING_FACADE.format(coding=coding, module=module)


def encodes(text: str, encoding: str) -> bool:
    """Whether *encoding* can hold *text* (the tests' own answer, not proxydoc's)."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
