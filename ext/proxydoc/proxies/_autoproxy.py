"""``.. autoproxy::``: document what a facade delegates at run time, from the target.

A facade is a class (members delegated to a target instance) or a module whose
functions are made from a class's methods at import time (``alembic.op``).
"""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.inspect import (
    isclassmethod,
    isproperty,
    isstaticmethod,
    stringify_signature,
)
from sphinx.util.inspect import signature as read_signature
from sphinx.util.parsing import nested_parse_to_nodes
from sphinx.util.typing import stringify_annotation

from proxydoc._walk import first_signature
from proxydoc._warnings import warn
from proxydoc.core.imports import MISSING, import_object
from proxydoc.core.markers import MARKER_CLASS, copy_pieces
from proxydoc.core.names import public_name
from proxydoc.proxies._markers import GENERATED

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from proxydoc.core.markers import Reference


class Delegation(NamedTuple):
    """What one facade delegates: its target class and the member names (or none)."""

    target: str
    members: tuple[str, ...]


def import_class(name: str) -> type | str:
    """The class *name* names, or why it cannot be had: not importable, not a class."""
    return _as_class(name, import_object(name))


def import_facade(name: str) -> type | ModuleType | str:
    """The class or module *name* names, or why it cannot be had (as for a class)."""
    obj = import_object(name)
    return obj if isinstance(obj, ModuleType) else _as_class(name, obj)


def _as_class(name: str, obj: object) -> type | str:
    if obj is MISSING:
        return f"cannot import {name} ({import_failure(name)})"
    if not isinstance(obj, type):
        return f"{name} is not a class (its type is {type(obj).__qualname__})"
    return obj


def import_failure(name: str) -> str:
    """Why *name* cannot be imported, as ``Type: text`` of the exception.

    ``import_object`` keeps its exceptions to itself, so the import is tried
    again the same way, longest module first: the cause is the first failure
    other than "no module of exactly this name", or the attribute lookup in
    the longest module that imports.
    """
    parts = name.split(".")
    last: Exception | None = None
    for split in range(len(parts), 0, -1):
        module = ".".join(parts[:split])
        try:
            obj: object = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # a module it needs is missing
                return _described(exc)
            last = exc
            continue
        except Exception as exc:  # importing user code may raise anything
            return _described(exc)
        try:
            for attribute in parts[split:]:
                obj = getattr(obj, attribute)
        except Exception as exc:  # so may a descriptor
            return _described(exc)
        break
    return _described(last) if last is not None else "it is not a plain attribute"


def _described(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


def _member_list(value: str | None) -> tuple[str, ...]:
    return tuple(name for name in (value or "").replace(",", " ").split() if name)


def public_members(target: type) -> tuple[str, ...]:
    """The target's own public methods and properties, as autodoc would list them."""
    return tuple(
        sorted(
            name
            for name, value in vars(target).items()
            if not name.startswith("_")
            and (
                callable(value)
                or isproperty(value)
                or isinstance(value, (classmethod, staticmethod))
            )
        )
    )


def module_members(module: ModuleType, target: type) -> tuple[str, ...]:
    """The public functions *module* binds that proxy a public method of *target*.

    A proxy is a function the module binds under the name of a method of the
    target (or of a base): an instance method or a static method.  A
    classmethod is the class's own machinery (Alembic's
    ``register_operation``, ``implementation_for``, ``context``,
    ``create_module_class_proxy``), a class or anything else the module
    imports is not a proxy, and a method the module lacks is not listed.
    """
    return tuple(
        sorted(
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and callable(value)
            and not isinstance(value, type)
            and _is_method(target, name)
        )
    )


def no_members_found(name: str, module: ModuleType, target: type) -> str:
    """Why ``autoproxy`` of module facade *name* lists no function, and the remedy."""
    why = f"{name} binds no function that proxies a method of {target.__qualname__}"
    if "__getattr__" in vars(module):
        why += " (its module __getattr__ makes them on demand: they cannot be listed)"
    return (
        f"autoproxy {name}: {why}; name them with :members: a, b or with "
        f"proxydoc_proxies[{name!r}]['members']"
    )


def _is_method(target: type, name: str) -> bool:
    """Is *name* an instance or static method of *target* (or of a base)?"""
    try:
        raw = inspect.getattr_static(target, name)
    except AttributeError:
        return False
    return inspect.isfunction(raw) or isinstance(raw, staticmethod)


def function_directive(
    target: type, name: str, config: Config
) -> tuple[str, list[str]]:
    """The ``py:function`` (or ``py:data``) line and options for a module's proxy."""
    raw = inspect.getattr_static(target, name)
    if isproperty(raw):
        return f"py:data:: {name}", property_type(raw)
    if not callable(raw) and not isinstance(raw, (classmethod, staticmethod)):
        return f"py:data:: {name}", []
    options = []
    if inspect.iscoroutinefunction(getattr(raw, "__func__", raw)):
        options.append(":async:")
    return f"py:function:: {name}{signature_text(target, name, config)}", options


def member_directive(
    target: type, name: str, shown: str, config: Config
) -> tuple[str, list[str]]:
    """The ``py:`` directive line and its options that describe *target*.*name*."""
    raw = inspect.getattr_static(target, name)
    if isproperty(raw):
        return f"py:property:: {shown}", property_type(raw)
    if not callable(raw) and not isinstance(raw, (classmethod, staticmethod)):
        return f"py:attribute:: {shown}", []
    options = []
    if isclassmethod(raw):
        options.append(":classmethod:")
    elif isstaticmethod(raw, target, name):
        options.append(":staticmethod:")
    if inspect.iscoroutinefunction(getattr(raw, "__func__", raw)):
        options.append(":async:")
    return f"py:method:: {shown}{signature_text(target, name, config)}", options


def property_type(prop: object) -> list[str]:
    """``:type: str`` for a property whose getter declares its return type."""
    getter = getattr(prop, "fget", None) or getattr(prop, "func", None)
    try:
        returns = read_signature(getter).return_annotation if getter else None
    except (TypeError, ValueError):
        return []
    if returns in (None, inspect.Signature.empty):
        return []
    return [f":type: {stringify_annotation(returns, 'smart')}"]


def signature_text(target: type, name: str, config: Config) -> str:
    """``(a, b=1)`` for a method, without ``self``; ``()`` when it cannot be read."""
    raw = inspect.getattr_static(target, name)
    bound = not isstaticmethod(raw, target, name)
    try:
        sig = read_signature(
            getattr(target, name), bound_method=bound and not isclassmethod(raw)
        )
    except (TypeError, ValueError):
        return "()"
    hints = getattr(config, "autodoc_typehints", "signature")
    show = hints not in ("none", "description")
    return stringify_signature(sig, show_annotation=show, show_return_annotation=show)


def class_signature(cls: type, config: Config) -> str:
    """``(engine: Engine)``: how the facade is made, or nothing when unreadable."""
    try:
        sig = read_signature(cls)
    except (TypeError, ValueError):
        return ""
    if not sig.parameters:
        return ""
    show = getattr(config, "autodoc_typehints", "signature") not in (
        "none",
        "description",
    )
    return stringify_signature(sig, show_annotation=show, show_return_annotation=False)


def docstring_lines(obj: object) -> list[str]:
    """The docstring of *obj*, dedented, as lines of reST."""
    doc = inspect.getdoc(obj) or ""
    return doc.splitlines()


def source_of(obj: object, name: str) -> str:
    """Where a docstring's lines come from, in warnings: ``file:docstring of name``."""
    try:
        path = inspect.getsourcefile(obj)  # type: ignore[arg-type]
    except TypeError:
        path = None
    return f"{path or '<unknown>'}:docstring of {name}"


def marker(target: str, facade: str, *, module: bool = False) -> nodes.container:
    """The copy marker naming *target* and *facade*, as nodes, never drift-checked."""
    para = nodes.paragraph()
    for piece in copy_pieces(target, facade, module=module):
        para += nodes.Text(piece) if isinstance(piece, str) else _class_xref(piece)
    container = nodes.container("", para, classes=[MARKER_CLASS.replace("_", "-")])
    container[GENERATED] = True
    return container


def _class_xref(ref: Reference) -> addnodes.pending_xref:
    literal = nodes.literal(
        ref.target, ref.target, classes=["xref", "py", f"py-{ref.role}"]
    )
    return addnodes.pending_xref(
        "",
        literal,
        refdomain="py",
        reftype=ref.role,
        reftarget=ref.target,
        refexplicit=False,
    )


class AutoProxy(SphinxDirective):
    """Document a facade's delegated members with the target's signatures and text.

    ``.. autoproxy:: pkg.Facade`` with ``:target: pkg.Target`` and ``:members:
    a, b`` (no names: the target's public members), or the facade's entry in
    ``proxydoc_proxies``. ``:no-class:`` documents the members alone, for a
    facade already described by ``autoclass``. Each member gets the proxy
    marker, so it gets the note, the anchors and the "Proxied by" back-links.

    A module facade (``.. autoproxy:: alembic.op``) is documented as a module
    and its functions (no names: the functions it binds that proxy the
    target's instance and static methods, see :func:`module_members`).
    ``:no-index:`` describes without indexing, where autodoc already
    describes the objects (and leaves out the module's own description).
    """

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "target": directives.unchanged_required,
        "members": directives.unchanged,
        "no-class": directives.flag,
        "no-index": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        facade_name = self.arguments[0].strip()
        delegation = self.delegation(facade_name)
        if delegation is None:
            return []
        facade, target = import_facade(facade_name), import_class(delegation.target)
        for found in (facade, target):
            if isinstance(found, str):
                self._warn(f"autoproxy: {found}")
                return []
        assert isinstance(target, type)
        if isinstance(facade, ModuleType):
            return self.run_module(facade_name, facade, target, delegation)
        assert isinstance(facade, type)
        for cls in (facade, target):
            self.note_module(cls)
        members = delegation.members or public_members(target)
        lines = self.rst(facade_name, facade, target, members)
        result = nested_parse_to_nodes(self.state, lines, allow_section_headings=False)
        self.add_markers(result, delegation.target, facade_name)
        return result

    def run_module(
        self, name: str, module: ModuleType, target: type, delegation: Delegation
    ) -> list[nodes.Node]:
        """Describe the module facade *name* and the functions it proxies.

        The page's current module is what it was before: each function names
        its module itself, as ``py:class`` members do for a class facade.
        """
        for obj in (module, target):
            self.note_module(obj)
        members = delegation.members or module_members(module, target)
        if not members:
            self._warn(no_members_found(name, module, target))
        out = StringList()
        here = self.get_source_info()
        if "no-index" not in self.options:
            out.append(f".. py:module:: {name}", *here)
            out.append("", *here)
            add_lines(out, docstring_lines(module), source_of(module, name), "   ")
        for member in members:
            self.add_member(out, target, member, "", "", name, function=True)
        context = self.env.ref_context
        current = context.get("py:module")
        try:
            result = nested_parse_to_nodes(
                self.state, out, allow_section_headings=False
            )
        finally:
            if current is None:
                context.pop("py:module", None)
            else:
                context["py:module"] = current
        self.add_markers(result, delegation.target, name, module=True)
        return result

    def delegation(self, facade: str) -> Delegation | None:
        configured = self.config.proxydoc_proxies.get(facade)
        target = self.options.get("target") or (configured or {}).get("target")
        if not target:
            self._warn(
                f"autoproxy {facade}: no :target: option and no proxydoc_proxies entry"
            )
            return None
        if "members" in self.options:
            members = _member_list(self.options["members"])
        else:
            members = tuple((configured or {}).get("members", ()))
        return Delegation(target, members)

    def _warn(self, message: str) -> None:
        warn(message, "proxy", location=self.get_location())

    def note_module(self, cls: type | ModuleType) -> None:
        try:
            path = inspect.getsourcefile(cls)
        except TypeError:
            return
        if path:
            self.env.note_dependency(path)

    def rst(
        self, facade_name: str, facade: type, target: type, members: tuple[str, ...]
    ) -> StringList:
        """The ``py:`` directives describing the facade and its proxied members."""
        module = written_module(facade_name, facade)
        out = StringList()
        here = self.get_source_info()
        prefix, indent = f"{facade.__qualname__}.", ""
        if "no-class" not in self.options:
            prefix, indent = "", "   "
            signature = class_signature(facade, self.config)
            out.append(f".. py:class:: {facade.__qualname__}{signature}", *here)
            out.append(f"   :module: {module}", *here)
            if "no-index" in self.options:
                out.append("   :no-index:", *here)
            out.append("", *here)
            add_lines(
                out, docstring_lines(facade), source_of(facade, facade_name), indent
            )
        for name in members:
            self.add_member(out, target, name, prefix, indent, module)
        return out

    def add_member(
        self,
        out: StringList,
        target: type,
        name: str,
        prefix: str,
        indent: str,
        module: str,
        *,
        function: bool = False,
    ) -> None:
        """Describe *target*.*name* as a member, or as a module's *function*."""
        here = self.get_source_info()
        try:
            obj = inspect.getattr_static(target, name)
        except AttributeError:
            self._warn(f"autoproxy: {target.__qualname__} has no member {name!r}")
            return
        if function:
            head, options = function_directive(target, name, self.config)
        else:
            head, options = member_directive(target, name, prefix + name, self.config)
        if prefix or function:
            options.append(f":module: {module}")
        if "no-index" in self.options:
            options.append(":no-index:")
        out.append(f"{indent}.. {head}", *here)
        for option in options:
            out.append(f"{indent}   {option}", *here)
        out.append("", *here)
        full = f"{public_name(target) or target.__qualname__}.{name}"
        lines = self.processed(full, obj, head.partition(":")[2].partition("::")[0])
        add_lines(out, lines, source_of(target, full), indent + "   ")

    def processed(self, name: str, obj: object, what: str) -> list[str]:
        """The docstring lines, after extensions such as napoleon have seen them.

        Emitted as autodoc emits it, with an empty :class:`sphinx.ext.autodoc.Options`
        (no flag given).  Without autodoc the event is unknown, and so has no
        listeners: ``connect`` refuses unknown events, and ``emit`` of one with
        no listener does nothing (Sphinx 7.4 to 9.x).
        """
        from sphinx.ext.autodoc import Options

        lines = docstring_lines(obj)
        self.env.events.emit(
            "autodoc-process-docstring", what, name, obj, Options(), lines
        )
        return lines

    def add_markers(
        self,
        result: list[nodes.Node],
        target: str,
        facade: str,
        *,
        module: bool = False,
    ) -> None:
        """Mark each generated member as a proxy, where the target's text begins."""
        for top in result:
            for desc in top.findall(addnodes.desc):
                if desc.get("objtype") == "class" or first_signature(desc) is None:
                    continue
                content = desc.children[-1]
                if not isinstance(content, addnodes.desc_content):
                    continue
                position = (
                    1
                    if content.children and isinstance(content[0], nodes.paragraph)
                    else 0
                )
                content.insert(position, marker(target, facade, module=module))


def written_module(written: str, cls: type) -> str:
    """The module part of *written* (``pkg`` for ``pkg.Facade``), as written."""
    suffix = f".{cls.__qualname__}"
    return written.removesuffix(suffix) if written.endswith(suffix) else cls.__module__


def add_lines(out: StringList, lines: list[str], source: str, indent: str) -> None:
    """Append *lines* indented, each keeping its place in *source* for warnings."""
    for offset, line in enumerate(lines):
        out.append(f"{indent}{line}" if line else "", source, offset)
    out.append("", source, len(lines))


def _validate_proxies(app: Sphinx, config: Config) -> None:
    value = config.proxydoc_proxies
    good: dict[str, dict[str, Any]] = {}
    for facade, spec in value.items() if isinstance(value, dict) else []:
        members = spec.get("members", []) if isinstance(spec, dict) else None
        if (
            isinstance(facade, str)
            and isinstance(spec, dict)
            and isinstance(spec.get("target"), str)
            and isinstance(members, (list, tuple))
            and all(isinstance(m, str) for m in members)
        ):
            good[facade] = {"target": spec["target"], "members": list(members)}
        else:
            warn(
                f"proxydoc_proxies[{facade!r}] must be a dict with 'target': str "
                "and optional 'members': list of str; ignored",
                "config",
            )
    if not isinstance(value, dict):
        warn("proxydoc_proxies must be a dict; ignored", "config")
    config.proxydoc_proxies = good


def setup_autoproxy(app: Sphinx) -> None:
    """Register the ``autoproxy`` directive and its config map."""
    app.add_config_value(
        "proxydoc_proxies",
        {},
        "env",
        (dict,),
        description="Facade -> {'target': class, 'members': [names]} for autoproxy.",
    )
    app.connect("config-inited", _validate_proxies, priority=100)
    app.add_directive("autoproxy", AutoProxy)
