"""Objects named by dotted names (``pkg.mod.Class.member``) or ``pkg.mod:Class``.

Two needs: drift checks and ``autoproxy`` want the raw attribute and never an
exception (:func:`import_object`); ``proxydoc generate`` wants the exception
to report (:func:`import_target`, run inside :func:`isolated`).  ``proxydoc
lint`` imports nothing: it reads targets in source (``cli._definitions``).
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import os
import sys
import tempfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: What :func:`import_object` returns for a name that cannot be imported.
MISSING = object()


def import_object(name: str) -> object:
    """The object a dotted *name* names, or ``MISSING`` when it cannot be imported.

    A module imported already is used as it is; the last name is read with
    :func:`inspect.getattr_static` (a descriptor, not what it computes).
    """
    parts = name.split(".")
    for split in range(len(parts), 0, -1):  # a module imported already: no lookup
        module = sys.modules.get(".".join(parts[:split]))
        if module is not None:
            found = _attribute_path(module, parts[split:])
            if found is not MISSING:
                return found
            break
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except Exception:  # importing user code may raise anything
            continue
        return _attribute_path(obj, parts[split:])
    return MISSING


def _attribute_path(obj: object, names: list[str]) -> object:
    for position, name in enumerate(names):
        last = position == len(names) - 1
        try:
            obj = inspect.getattr_static(obj, name) if last else getattr(obj, name)
        except Exception:  # so may a descriptor
            return MISSING
    return obj


def candidate_names(target: str, module: str | None, cls: str | None) -> Iterator[str]:
    """Full names *target* may stand for, read in *module* and *cls*.

    In the order Python cross-references are searched: in the class, in the
    module, then as written.
    """
    target = target.lstrip(".")
    if module and cls:
        yield f"{module}.{cls}.{target}"
    if module:
        yield f"{module}.{target}"
    yield target


def import_first(names: Iterable[str]) -> object:
    """The object the first importable of *names* names, or ``MISSING``."""
    for name in names:
        obj = import_object(name)
        if obj is not MISSING:
            return obj
    return MISSING


def import_target(ref: str) -> Any:
    """The object named by ``package.module:Qual.Name``; raises what importing raises.

    A name the object lacks is tried as a submodule (``package:module.Class``).
    """
    module_name, _, qualname = ref.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in qualname.split(".") if qualname else ():
        try:
            obj = getattr(obj, part)
        except AttributeError:
            module_name = f"{module_name}.{part}"
            obj = importlib.import_module(module_name)
    return obj


class ImportEffect(Exception):
    """Code run by :func:`isolated` raised; ``cause`` is what, even ``SystemExit``."""

    def __init__(self, cause: BaseException) -> None:
        detail = f": {cause}" if str(cause) else ""
        super().__init__(f"{type(cause).__name__}{detail}")
        self.cause = cause


@contextlib.contextmanager
def isolated() -> Iterator[None]:
    """Run user code (imports) that may print or end the process, without effect.

    What it writes to ``sys.stdout``, ``sys.stderr`` or file descriptors 1 and 2
    is dropped; any exception it raises, ``SystemExit`` included, becomes an
    :class:`ImportEffect`.  Only ``KeyboardInterrupt`` (a user's Ctrl-C) passes.
    """
    try:
        with silenced():
            yield
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # SystemExit too: user code must not end the run
        raise ImportEffect(exc) from exc


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """stdout and stderr, Python's and the process's, sent to a discarded file."""
    _flush()
    with tempfile.TemporaryFile() as sink, contextlib.ExitStack() as stack:
        for fd in (1, 2):
            stack.enter_context(_redirected_fd(fd, sink.fileno()))
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
        stack.callback(_flush)  # what went to sys.__stdout__ goes to the sink too
        yield


@contextlib.contextmanager
def _redirected_fd(fd: int, to: int) -> Iterator[None]:
    try:
        saved = os.dup(fd)
    except OSError:  # not open: nothing to protect
        yield
        return
    os.dup2(to, fd)
    try:
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
