"""A drop-in project's own conf.py (dogpile.cache's, Mako's), run unchanged,
then adjusted for one bench mode.

Environment: ``PROXYDOC_BENCH_DROPIN_DOC`` (the sdist's docs folder, where the
original ``conf.py`` is) and ``PROXYDOC_BENCH_MODE``: ``anchor`` (as the project
builds: sphinx_paramlinks) or ``proxydoc`` (``sphinx_paramlinks`` replaced by
``proxydoc`` in place, nothing else: the migration an adopter makes).

Common to both modes, so that the build runs offline and from this folder:

* ``intersphinx_mapping`` is empty: no inventory (Python's, for dogpile.cache)
  is fetched, so links into other projects resolve in neither mode;
* ``templates_path`` and ``html_static_path`` are made absolute (the original
  names folders relative to its own folder, and this one is the conf folder);
* the bench's timing extension is loaded first.
"""

import os
import runpy

_DOC = os.environ["PROXYDOC_BENCH_DROPIN_DOC"]
_MODE = os.environ["PROXYDOC_BENCH_MODE"]

_cwd = os.getcwd()
os.chdir(_DOC)  # the originals put the sdist (to import the project) on sys.path
try:
    _orig = runpy.run_path(os.path.join(_DOC, "conf.py"), run_name="dropin_conf")
finally:
    os.chdir(_cwd)
globals().update({k: v for k, v in _orig.items() if not k.startswith("__")})

intersphinx_mapping = {}
templates_path = [os.path.join(_DOC, p) for p in _orig.get("templates_path", [])]
html_static_path = [os.path.join(_DOC, p) for p in _orig.get("html_static_path", [])]
extensions = ["proxydoc_bench.timing_ext", *_orig["extensions"]]

if _MODE == "proxydoc":
    # The migration: sphinx_paramlinks out, proxydoc in, in the same place.
    extensions[extensions.index("sphinx_paramlinks")] = "proxydoc"
elif _MODE != "anchor":
    raise ValueError(f"unknown PROXYDOC_BENCH_MODE {_MODE!r}")
