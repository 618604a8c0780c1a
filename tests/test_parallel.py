"""A ``-j 2`` build gives the same ids, links, inventory and warnings as ``-j 1``."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from tests.helpers import copy_root, inventory, status_of, warnings_of


def outcome(app):
    """Everything a reader or a linking project sees, independent of the srcdir."""
    ids, links = {}, {}
    for path in sorted(Path(app.outdir).glob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids[path.name] = sorted(el["id"] for el in page.select("[id]"))
        links[path.name] = [a["href"] for a in page.select("div.body a[href]")]
    srcdir = re.escape(str(app.srcdir))
    warnings = sorted(re.sub(srcdir, "<src>", w) for w in warnings_of(app._warning))
    return ids, links, inventory(app), warnings


def test_parallel_build_equals_serial(make_app, tmp_path):
    results = []
    for jobs in (1, 2):
        for name in [m for m in sys.modules if m.split(".")[0] == "pd_par"]:
            del sys.modules[name]  # each build imports the package from its own srcdir
        srcdir = copy_root("parallel", tmp_path / f"j{jobs}")
        app = make_app("html", srcdir=srcdir, parallel=jobs, freshenv=True)
        app.build()
        if jobs == 2:  # chunks read in worker processes are logged as ranges
            assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
            assert re.search(r"reading sources\.\.\..*\w \.\. \w", status_of(app))
        results.append(outcome(app))
        app.cleanup()
    serial, parallel = results
    assert serial[0] == parallel[0]  # ids
    assert serial[1] == parallel[1]  # links
    assert serial[2] == parallel[2]  # objects.inv
    assert serial[3] == parallel[3]  # warnings
    assert len([n for n in serial[2] if ".params." in n]) == 3 * 6
    assert len(serial[3]) == 16
