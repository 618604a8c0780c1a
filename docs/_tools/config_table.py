"""Write the README's configuration table from the config values proxydoc registers.

The table and the reference page (``docs/reference/config.rst``, the
``proxydoc-config`` directive) both come from the values a Sphinx application
holds once proxydoc is set up: names, types and defaults as registered, the
descriptions given to ``add_config_value`` (``LEGACY_DESCRIPTIONS`` of
``docs/_ext/proxydoc_docs.py`` for sphinx-paramlinks' and zzzeeksphinx's).
The README holds the table between two marker comments.

Usage::

    python docs/_tools/config_table.py           # print the table
    python docs/_tools/config_table.py --write   # rewrite it in README.md
    python docs/_tools/config_table.py --check   # exit 1 when README.md differs
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from io import StringIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
START = (
    "<!-- proxydoc-config-table: written by docs/_tools/config_table.py "
    "from the registered config values; do not edit -->\n"
)
END = "<!-- end of proxydoc-config-table -->\n"

sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from proxydoc_docs import markdown_table  # noqa: E402


def sphinx_config(extensions: list[str]) -> Any:
    """The config of a real Sphinx application set up with *extensions*."""
    from sphinx.application import Sphinx

    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder)
        (src / "conf.py").write_text(f"extensions = {extensions!r}\n")
        (src / "index.rst").write_text("Index\n=====\n")
        app = Sphinx(
            str(src),
            str(src),
            str(src / "_build"),
            str(src / "_build" / ".doctrees"),
            "html",
            status=None,
            warning=StringIO(),
        )
        return app.config


def readme_table(text: str) -> str:
    """The table between the markers of *text*; ValueError without them."""
    start = text.index(START) + len(START)
    return text[start : text.index(END, start)]


def with_table(text: str, table: str) -> str:
    """*text* with the table between its markers replaced by *table*."""
    start = text.index(START) + len(START)
    return text[:start] + table + text[text.index(END, start) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite README.md")
    action.add_argument("--check", action="store_true", help="exit 1 if stale")
    args = parser.parse_args(argv)
    table = markdown_table(sphinx_config(["proxydoc"]))
    if not (args.write or args.check):
        sys.stdout.write(table)
        return 0
    text = README.read_text(encoding="utf-8")
    if readme_table(text) == table:
        return 0
    if args.check:
        print(
            "README.md's configuration table is stale: "
            "run python docs/_tools/config_table.py --write",
            file=sys.stderr,
        )
        return 1
    README.write_text(with_table(text, table), encoding="utf-8")
    print(f"rewrote the configuration table of {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
