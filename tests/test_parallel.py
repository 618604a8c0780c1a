"""A ``-j 2`` build gives the same ids, links, inventory and warnings as ``-j 1``."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.helpers import inventory, serial_and_parallel, warnings_of


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
    results = serial_and_parallel(make_app, "parallel", tmp_path, "pd_par", outcome)
    serial, parallel = results
    assert serial[0] == parallel[0]  # ids
    assert serial[1] == parallel[1]  # links
    assert serial[2] == parallel[2]  # objects.inv
    assert serial[3] == parallel[3]  # warnings
    assert len([n for n in serial[2] if ".params." in n]) == 3 * 6
    assert len(serial[3]) == 16
