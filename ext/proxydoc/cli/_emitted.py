"""Checks that the names generated code uses mean the target's objects.

A proxy region's defaults and annotations are the target's text, read in the
facade's module and class body; a stub region's are ``repr()`` texts and the
names proxydoc writes itself (``Any``, ``overload``, ``contextmanager``, the
``call``).  Each name must be bound where it is read, to the object the
target's signature means (see ``cli._bindings``); otherwise the region is
refused, exit 2, naming the import to add, or (a stub region at a module's
top level) imports what proxydoc writes itself.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import textwrap
import typing
from pathlib import Path

from proxydoc.cli._bindings import (
    KNOWN_IMPORTS,
    DefaultCheck,
    ModuleNames,
    expression_names,
    used_names,
)
from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._facades import bound_names, hand_written
from proxydoc.cli._regions import Region
from proxydoc.cli._sources import is_type_checking
from proxydoc.cli._stubs import StubMember
from proxydoc.cli._targets import (
    Attribute,
    Method,
    annotation_texts,
    unbound_annotation_names,
)

#: Where a message points: the file as messages name it, and the line.
At = tuple[str, int]


def check_proxy_names(
    members: list[Method | Attribute],
    names: ModuleNames,
    target: type,
    region: Region,
    bound: set[str],
    lazy: bool,
    at: At,
) -> None:
    """Refuse proxies whose annotations use names the facade's module does not
    bind, or binds to other objects, or that read a member of the class."""
    # under lazy annotations, a name bound for type checkers only (under
    # ``if TYPE_CHECKING:``) is enough; typing.get_type_hints needs it at runtime
    missing = _unbound(members, names.typed if lazy else bound)
    if missing and not lazy:
        raise ProxydocError(
            f"annotations of the proxies use {', '.join(sorted(missing))}, not "
            "bound in this module (import them, or use "
            "'from __future__ import annotations')",
            *at,
        )
    check = DefaultCheck(names, target)
    if missing:
        origins = _origins(members, check, missing)
        raise ProxydocError(
            f"annotations of the proxies use {', '.join(sorted(missing))}, which "
            "this module does not import, not even under 'if TYPE_CHECKING:' "
            f"({_imports_to_add(missing, origins)})",
            *at,
        )
    _check_objects(members, check, region, lazy, at)


def _origins(
    members: list[Method | Attribute], check: DefaultCheck, missing: set[str]
) -> dict[str, str]:
    """The module each of *missing* can be imported from: the target's module
    whose function (or class) annotates with it."""
    origins: dict[str, str] = {}
    for member in members:
        scope = check.scope(member.name)
        for name in missing - origins.keys():
            if name in scope and isinstance(scope.get("__name__"), str):
                origins[name] = scope["__name__"]
    return origins


def stub_imports(
    code: str, region: Region, tree: ast.Module, path: Path, where: str, at: At
) -> list[str]:
    """The import lines a stub region writes for the names its *code* uses and
    its file lacks; refused where it cannot hold them (a class body) or
    proxydoc does not know where they come from."""
    missing = _stub_unbound(code, region, tree, path)
    lines = []
    if region.class_node is None and missing & KNOWN_IMPORTS.keys():
        lines.append(_import_lines(missing & KNOWN_IMPORTS.keys()))
        missing -= KNOWN_IMPORTS.keys()
    if missing:
        raise ProxydocError(
            f"{where}: the stubs use {', '.join(sorted(missing))}, not bound in "
            "this file where they are read: import them "
            f"({_imports_to_add(missing)})",
            *at,
        )
    return lines


def check_stub_defaults(member: StubMember, target: type, check: DefaultCheck) -> None:
    """Refuse a default a stub writes as names its file binds otherwise (a
    ``repr()`` that reads as a name), or does not bind, where it is evaluated
    (a type checker reads a default's type alone)."""
    sig = member.implementation or (member.signatures or (None,))[0]
    if sig is None:
        return
    try:
        params = inspect.signature(getattr(target, member.name)).parameters
    except (TypeError, ValueError):
        return
    for param in sig.params:
        if param.default is None or param.name not in params:
            continue
        value = params[param.name].default
        wrong = check.differing(member.name, param.default, value)
        if wrong:
            raise LookupError(
                f"{member.name}(): default of {param.name!r} is {param.default}, "
                f"its repr(), but this file binds {', '.join(wrong)} to another "
                "object than the target's module does, or not at all: import "
                f"{', '.join(wrong)} from where the target's module has it"
            )


def _check_objects(
    members: list[Method | Attribute],
    check: DefaultCheck,
    region: Region,
    lazy: bool,
    at: At,
) -> None:
    """Refuse proxies whose annotations mean other objects than the target's,
    or that use a name the facade class itself binds above them."""
    for member in members:
        wrong = check.other_objects(member.name, annotation_texts(member))
        if wrong:
            module = check.scope(member.name).get("__name__", "its module")
            raise ProxydocError(
                f"annotations of the proxy of {member.name} use "
                f"{', '.join(wrong)}, which this module binds to other objects "
                f"than the target's module does: import them from {module}",
                *at,
            )
    above = _class_names_above(region)
    for member in members:
        shadowed = sorted(_evaluated_names(member, lazy) & above)
        if shadowed:
            raise ProxydocError(
                f"the proxy of {member.name} uses {', '.join(shadowed)}, which the "
                "facade class binds above it (a member of that name), so the "
                "class body would read that member instead of the module's "
                "name: list the proxies in another order, or leave that member out"
                + ("" if lazy else ", or use 'from __future__ import annotations'"),
                *at,
            )
        above.add(member.name)


def _class_names_above(region: Region) -> set[str]:
    """The names the facade's class body binds before the region."""
    if region.class_node is None:
        return set()
    written = hand_written(region.class_node.body, region.start_line, region.end_line)
    return {name for name, line in written.items() if line < region.start_line}


def _evaluated_names(member: Method | Attribute, lazy: bool) -> set[str]:
    """The names a proxy reads while its class body runs: decorators, defaults,
    and annotations unless they are lazy."""
    texts = [] if lazy else annotation_texts(member)
    if isinstance(member, Attribute):
        texts.append("property")
    else:
        if member.kind != "method":
            texts.append(member.kind)
        for sig in (member.signature, *member.overloads):
            texts.extend(p.default for p in sig.params if p.default is not None)
            texts.extend(sig.decorators)
    return set().union(*(expression_names(text) for text in texts))


def _imports_to_add(names: set[str], origins: dict[str, str] | None = None) -> str:
    """What to import for *names*: from where proxydoc knows, or ``typing``, or
    the module *origins* gives."""
    texts = []
    for name in sorted(names):
        module = KNOWN_IMPORTS.get(name) or ("typing" if hasattr(typing, name) else "")
        module = module or (origins or {}).get(name, "")
        texts.append(f"'from {module} import {name}'" if module else f"import {name}")
    return "; ".join(texts)


def _import_lines(names: set[str]) -> str:
    """The imports of *names* a module-level stub region holds itself."""
    modules = sorted({KNOWN_IMPORTS[name] for name in names})
    return "".join(
        f"from {module} import "
        f"{', '.join(sorted(n for n in names if KNOWN_IMPORTS[n] == module))}\n"
        for module in modules
    )


def _stub_unbound(code: str, region: Region, tree: ast.Module, path: Path) -> set[str]:
    """The names a stub region's *code* uses (see ``used_names``) that its
    file does not bind where they are read: type checkers alone read a
    ``.pyi`` file and the body of ``if TYPE_CHECKING:``."""
    skip = (region.start_line, region.end_line)
    typed = path.suffix == ".pyi" or under_type_checking(tree, region.start_line)
    bound = bound_names(tree, runtime=not typed, skip=skip)
    missing = used_names(textwrap.dedent(code)) - bound
    return {name for name in missing if not hasattr(builtins, name)}


def under_type_checking(tree: ast.Module, line: int) -> bool:
    """Whether *line* is in the body of an ``if TYPE_CHECKING:``."""
    return any(
        isinstance(node, ast.If)
        and is_type_checking(node.test)
        and node.body[0].lineno - 1 <= line <= (node.body[-1].end_lineno or 0)
        for node in ast.walk(tree)
    )


def _unbound(members: list[Method | Attribute], bound: set[str]) -> set[str]:
    names: set[str] = set()
    for member in members:
        names |= unbound_annotation_names(member, bound)
    return names
