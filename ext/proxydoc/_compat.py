"""The Sphinx internals proxydoc cannot avoid, each with why and since when.

Everything else proxydoc does goes through public Sphinx and docutils API.
Each function here is exercised by ``tests/test_compat.py`` on every Sphinx
of the test matrix (``make test-matrix``: 7.4, 8.1, 8.2, 9.x).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sphinx.domains.python import ObjectEntry, PythonDomain
    from sphinx.environment import BuildEnvironment
    from sphinx.transforms.post_transforms import SphinxPostTransform
    from sphinx.writers.latex import LaTeXTranslator


class DocumentData(Protocol):
    """What proxydoc uses of a document's scratch data."""

    def setdefault(self, key: str, default: Any, /) -> Any:
        """The value of *key*, set to *default* first when it has none."""


def document_data(env: BuildEnvironment) -> DocumentData:
    """Scratch data of the document being read, dropped when its reading ends.

    No public API: ``env.current_document`` (Sphinx 8.2+) and ``env.temp_data``
    (before; a deprecated alias of the former since 8.2) are where Sphinx
    keeps such data itself.  Both take extension keys.
    """
    current: DocumentData | None = getattr(env, "current_document", None)  # 8.2+
    if current is not None:
        return current
    data: DocumentData = env.temp_data
    return data


def enclosing_object_name(env: BuildEnvironment) -> str:
    """Name of the object whose description is being read (``Class.method``).

    No public API: Sphinx's ``ObjectDescription`` keeps it in
    ``env.current_document.obj_desc_name`` (Sphinx 8.2+), before that in
    ``env.temp_data['object']`` (a ``(fullname, prefix)`` tuple or a name).
    """
    current = getattr(env, "current_document", None)
    obj = current.obj_desc_name if current is not None else env.temp_data.get("object")
    if isinstance(obj, tuple):  # Sphinx before 8.2 kept (fullname, prefix)
        obj = obj[0]
    return str(obj) if obj else ""


def find_python_object(
    domain: PythonDomain, module: str, cls: str, name: str, specific: bool
) -> list[tuple[str, ObjectEntry]]:
    """Python objects *name* may mean, searched as Sphinx resolves a reference.

    No public API: ``PythonDomain.find_obj`` is undocumented but has kept its
    signature ``(env, modname, classname, name, type, searchmode)`` since
    Sphinx 1.x; ``resolve_xref`` would need a builder and a node.
    """
    mode = 1 if specific else 0
    found: list[tuple[str, ObjectEntry]] = domain.find_obj(
        domain.env, module, cls, name, None, mode
    )
    return found


def forbid_latex_floats(translator: LaTeXTranslator) -> None:
    """Start a region (an admonition) where LaTeX figures and tables must not float.

    No public API: ``LaTeXTranslator.no_latex_floats`` is the counter Sphinx's
    own admonition visitors raise (Sphinx 1.x to 9.x).
    """
    translator.no_latex_floats += 1


def allow_latex_floats(translator: LaTeXTranslator) -> None:
    """End the region :func:`forbid_latex_floats` started."""
    translator.no_latex_floats -= 1


def builder_format(transform: SphinxPostTransform) -> str:
    """The output format (``html``, ``latex`` ...) *transform* is run for.

    No public API: a post-transform's ``formats`` selects transforms by format,
    and Sphinx reads the format itself from ``env._builder_cls`` (Sphinx 9+)
    or from ``app.builder`` (before; ``SphinxTransform.app`` is deprecated
    since Sphinx 9).
    """
    builder_cls = getattr(transform.env, "_builder_cls", None)  # Sphinx 9+
    if builder_cls is not None:
        return str(builder_cls.format)
    return str(transform.app.builder.format)
