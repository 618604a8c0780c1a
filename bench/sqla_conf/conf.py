"""SQLAlchemy's own doc/build/conf.py, run unchanged, then adjusted for one bench mode.

Environment: ``PROXYDOC_BENCH_SQLA_DOC`` (the sdist's ``doc/build``) and
``PROXYDOC_BENCH_MODE``: ``anchor`` (as SQLAlchemy builds), ``proxydoc`` (the
migration described in ``bench/MIGRATION-NOTES.md``) or ``bare`` (no reference
features at all: the lower bound of build cost).
"""

import os
import runpy
import sys

_DOC = os.environ["PROXYDOC_BENCH_SQLA_DOC"]
_MODE = os.environ["PROXYDOC_BENCH_MODE"]
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(_HERE), "lib"))  # bench/lib

_cwd = os.getcwd()
os.chdir(_DOC)  # the original conf.py computes paths relative to its folder
try:
    _orig = runpy.run_path(os.path.join(_DOC, "conf.py"), run_name="sqla_conf")
finally:
    os.chdir(_cwd)
globals().update({k: v for k, v in _orig.items() if not k.startswith("__")})
_sqla_setup = _orig["setup"]

# Common to all modes: PyPI's newest zzzeeksphinx is older than the version the
# sdist pins (it asks for the git main branch), and the bench times the
# extensions' own code from an extension loaded before all others.
needs_extensions = {}
extensions = ["proxydoc_bench.timing_ext", *_orig["extensions"]]
if os.environ.get("PROXYDOC_BENCH_MEMTRACE"):  # memory over time, on request
    extensions.append("proxydoc_bench.memtrace_ext")

if _MODE == "proxydoc":
    # The migration: sphinx_paramlinks out, proxydoc in.  proxydoc reads
    # zzzeeksphinx_module_prefixes itself and expands the prefixes in its read
    # transform, before zzzeeksphinx's doctree-read handler sees the targets;
    # moving them to proxydoc_module_prefixes leaves zzzeeksphinx nothing to do.
    extensions[extensions.index("sphinx_paramlinks")] = "proxydoc"
    proxydoc_module_prefixes = dict(_orig["zzzeeksphinx_module_prefixes"])
    zzzeeksphinx_module_prefixes = {}
    # A reader feature SQLAlchemy would turn on: "Referenced by" under each
    # parameter (signature links and synopses are on by default).
    proxydoc_param_backlinks = True
elif _MODE == "bare":
    # Neither extension's reference features: no paramlinks, no prefixes; the
    # paramref role renders its text as a literal, unresolved.
    extensions.remove("sphinx_paramlinks")
    extensions.append("proxydoc_bench.plain_paramref")
    zzzeeksphinx_module_prefixes = {}
elif _MODE != "anchor":
    raise ValueError(f"unknown PROXYDOC_BENCH_MODE {_MODE!r}")


def setup(app):
    """SQLAlchemy's own setup hook."""
    return _sqla_setup(app)
