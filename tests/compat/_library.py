"""The library the compat roots document, written into a root's copy by its conf.py.

Each ``tests/roots/test-compat-*`` root that documents Python source (read by
autodoc, apigen, sphinx-autoapi or sphinx-autodoc2) has the same two classes
in a module of its own name: its ``conf.py`` calls :func:`write_library` with
that module's path and docstring, so the module is there before any extension
looks for it (sphinx-autoapi and sphinx-autodoc2 read the file, not the
imported module).  The tests build copies of the roots; the module is written
beside the copy's ``conf.py``.  numpydoc's root keeps its own module: its
docstrings are in NumPy's style.
"""

from __future__ import annotations

from pathlib import Path

#: ``Session.close(force, *args, timeout)`` and its proxy, with SQLAlchemy's
#: ``class_bases`` marker; the tests' readers are in :mod:`._facade`.
CLASSES = '''\
class Session:
    """The object that does the work."""

    def close(self, force: bool = False, *args: object, timeout: float = 1.0) -> None:
        """Close the session.

        :param force: close even while a transaction is open.
        :param args: passed on to the engine.
        :param timeout: seconds to wait; see :paramref:`.Session.close.force`.
        """


class ScopedSession:
    """A facade that hands each call to the current :class:`.Session`."""

    def close(self, force: bool = False, *args: object, timeout: float = 1.0) -> None:
        """Close the session.

        .. container:: class_bases

            Proxied for the :class:`.Session` class on
            behalf of the :class:`.ScopedSession` class.

        :param force: close even while a transaction is open.
        :param args: passed on to the engine.
        :param timeout: seconds to wait; see :paramref:`.Session.close.force`.
        """
'''


def library_text(docstring: str, head: str = "") -> str:
    """The module's source: *docstring*, then *head* (``__all__``, an import)."""
    start = f'"""{docstring}"""\n\n'
    return start + (f"{head}\n\n\n" if head else "\n") + CLASSES


def write_library(conf_file: str, path: str, docstring: str, head: str = "") -> None:
    """Write the library at *path* (``pd_compat_x.py``, ``pd_compat_x/__init__.py``)
    beside *conf_file*, unless it is there with the same text."""
    target = Path(conf_file).resolve().parent / path
    text = library_text(docstring, head)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
