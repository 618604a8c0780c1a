"""Alembic's own docs/build/conf.py, run unchanged, then adjusted for one bench mode.

Environment: ``PROXYDOC_BENCH_ALEMBIC_DOC`` (the sdist's ``docs/build``) and
``PROXYDOC_BENCH_MODE``: ``anchor`` (as Alembic builds: sphinx_paramlinks),
``proxydoc`` (``sphinx_paramlinks`` replaced by ``proxydoc`` in place, nothing
else) or ``bare`` (no parameter links at all: the lower bound of build cost).

Common to all modes, so that the build runs offline and from this folder:

* ``intersphinx_mapping`` is empty: no inventory of SQLAlchemy or Python is
  fetched, so links into them resolve in no mode (the bench counts
  references into SQLAlchemy's docs apart).  ``PROXYDOC_BENCH_ALEMBIC_SQLA_INV``
  names a local ``objects.inv`` of SQLAlchemy's docs to use instead (for a
  check by hand; ``make bench`` does not set it);
* ``templates_path`` and ``html_static_path`` are made absolute (the original
  names folders relative to its own folder, and this one is the conf folder);
* the bench's timing extension is loaded first.
"""

import os
import runpy

_DOC = os.environ["PROXYDOC_BENCH_ALEMBIC_DOC"]
_MODE = os.environ["PROXYDOC_BENCH_MODE"]

_cwd = os.getcwd()
os.chdir(_DOC)  # the original puts "../../" (the sdist, to import alembic) on sys.path
try:
    _orig = runpy.run_path(os.path.join(_DOC, "conf.py"), run_name="alembic_conf")
finally:
    os.chdir(_cwd)
globals().update({k: v for k, v in _orig.items() if not k.startswith("__")})

intersphinx_mapping = {}
if os.environ.get("PROXYDOC_BENCH_ALEMBIC_SQLA_INV"):
    intersphinx_mapping["sqla"] = (
        _orig["intersphinx_mapping"]["sqla"][0],
        os.environ["PROXYDOC_BENCH_ALEMBIC_SQLA_INV"],
    )
templates_path = [os.path.join(_DOC, p) for p in _orig["templates_path"]]
html_static_path = [os.path.join(_DOC, p) for p in _orig["html_static_path"]]
extensions = ["proxydoc_bench.timing_ext", *_orig["extensions"]]

if _MODE == "proxydoc":
    # The migration: sphinx_paramlinks out, proxydoc in, in the same place.
    extensions[extensions.index("sphinx_paramlinks")] = "proxydoc"
elif _MODE == "bare":
    # No parameter links: the paramref role renders its text as a literal.
    extensions.remove("sphinx_paramlinks")
    extensions.append("proxydoc_bench.plain_paramref")
elif _MODE != "anchor":
    raise ValueError(f"unknown PROXYDOC_BENCH_MODE {_MODE!r}")
