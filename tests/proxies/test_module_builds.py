"""Module facades in parallel and incremental builds."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers import copy_root, serial_and_parallel, status_of
from tests.params.test_incremental import edit
from tests.test_parallel import outcome

from .helpers import proxied_by, soup

OPS = "pd_mig.operations.Operations"
ENV = "pd_mig.environment.EnvironmentContext"


def forget_package() -> None:
    """Each build imports pd_mig from its own srcdir."""
    for name in [m for m in sys.modules if m.split(".")[0] == "pd_mig"]:
        del sys.modules[name]


def test_parallel_build_equals_serial(make_app, tmp_path):
    results = serial_and_parallel(make_app, "proxy-module", tmp_path, "pd_mig", outcome)
    serial, parallel = results
    assert serial == parallel
    ids, links, _inventory, warnings = serial
    assert "pd_mig.op.add_column.params.column" in ids["op.html"]
    assert "op.html#pd_mig.op.add_column" in links["index.html"]
    assert len(warnings) == 1  # the stale copy in context.rst


def test_removed_stub_function_leaves_the_targets_page(make_app, tmp_path):
    forget_package()
    srcdir = copy_root("proxy-module", tmp_path / "src")
    first = make_app("html", srcdir=srcdir)
    first.build()
    assert proxied_by(soup(first, "environment"))[f"{ENV}.is_offline_mode"] == [
        "context.html#pd_mig.context.is_offline_mode"
    ]
    operations_written = (Path(first.outdir) / "operations.html").stat().st_mtime_ns
    first.cleanup()

    context = srcdir / "context.rst"
    text = context.read_text()
    edit(context, text[text.index(".. py:function:: is_offline_mode") :], "")
    second = make_app("html", srcdir=srcdir)
    second.build()
    assert "1 changed" in status_of(second)  # only context.rst was read again
    lines = proxied_by(soup(second, "environment"))
    assert f"{ENV}.is_offline_mode" not in lines  # environment.html written again
    assert lines[f"{ENV}.configure"] == ["context.html#pd_mig.context.configure"]
    operations = Path(second.outdir) / "operations.html"
    assert operations.stat().st_mtime_ns == operations_written  # not written again
    second.cleanup()
