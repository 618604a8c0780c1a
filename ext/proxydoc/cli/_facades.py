"""What each facade class proxies, read statically from its decorator or from config."""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from proxydoc.cli._config import Config, ProxyConfig, check_member_lists
from proxydoc.cli._definitions import absolute_module, names_bound
from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._sources import flat_body

_LISTS = ("methods", "attributes", "classmethods", "use_intermediate_variable")


@dataclass(frozen=True)
class FacadeSpec:
    """The members one facade class proxies from its target class."""

    facade: str
    target_ref: str  # "package.module:Qual.Name", importable
    target_expr: str | None  # how the facade's module spells the target class
    #: Sphinx markup, e.g. ":class:`_orm.Session`"; None: the target's public
    #: name, known once it is imported (``cli._generate.documented_name``)
    target_name: str | None
    facade_name: str
    methods: tuple[str, ...]
    attributes: tuple[str, ...]
    classmethods: tuple[str, ...]
    use_intermediate_variable: tuple[str, ...]
    line: int
    display: str | None = None  # the facade's file, as messages name it


def module_name(path: Path, roots: tuple[Path, ...] = ()) -> str:
    """The dotted module name of *path*: below an import root, else by packages."""
    path = path.resolve()
    parts = [] if path.name == "__init__.py" else [path.stem]
    for root in roots:
        if path.is_relative_to(root.resolve()):
            folders = path.parent.relative_to(root.resolve()).parts
            return ".".join([*folders, *parts])
    folder = path.parent
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts)


@dataclass(frozen=True)
class Declared:
    """A facade class of one module and its declaration."""

    node: ast.ClassDef
    qualname: str  # "Outer.Facade" for a nested class
    spec: FacadeSpec
    key: str | None = None  # its [tool.proxydoc.proxies] key, if declared there


def read_specs(
    tree: ast.Module, path: Path, config: Config, display: str
) -> dict[str, FacadeSpec]:
    """Every facade class of one module, by qualified name (see
    :func:`read_declarations`)."""
    return {d.qualname: d.spec for d in read_declarations(tree, path, config, display)}


def read_declarations(
    tree: ast.Module, path: Path, config: Config, display: str
) -> list[Declared]:
    """Every facade class of one module: declared by its decorator or by a
    ``[tool.proxydoc.proxies]`` key of this module.

    Errors: a key of this module that names no class, or (a bare name) several
    nested classes; a class declared by two keys, or by a key and its decorator.
    """
    module = module_name(path, config.import_roots)
    imports = ImportMap(tree, module, path.name == "__init__.py")
    bound = bound_names(tree)
    classes = qualified_classes(tree)
    keyed = _keyed_classes(classes, module, config, display)
    found: list[Declared] = []
    for qualname, node in classes:
        key = keyed.get(id(node))
        decorators = [
            deco
            for deco in node.decorator_list
            if _is_proxy_decorator(deco, config.decorator)
        ]
        if len(decorators) > 1:
            raise ProxydocError(
                f"class {qualname} is declared twice: by {len(decorators)} "
                f"{config.decorator}() decorators; keep one",
                display,
                decorators[1].lineno,
            )
        if key is not None:
            if decorators:
                raise ProxydocError(
                    f"class {qualname} is declared twice: by its decorator "
                    f"{config.decorator}() here and by "
                    f'[tool.proxydoc.proxies."{key}"] in {config.display_source}; '
                    "keep one",
                    display,
                    decorators[0].lineno,
                )
            entry = config.proxies[key]
            spelling = imports.spelling(entry.target, bound)
            facade = documented_facade_name(module, path, qualname)
            spec = _from_config(entry, node, display, spelling, facade)
            found.append(Declared(node, qualname, spec, key))
        for deco in decorators:
            assert isinstance(deco, ast.Call)
            spec = _from_decorator(deco, node, imports, display)
            found.append(Declared(node, qualname, spec))
    return found


def qualified_classes(tree: ast.Module) -> list[tuple[str, ast.ClassDef]]:
    """Every class of *tree* with its qualified name, in the order of
    :func:`class_defs` (``Outer.Inner``; ``f.<locals>.C`` in a function)."""
    todo: deque[tuple[ast.AST, str]] = deque([(tree, "")])
    found: list[tuple[str, ast.ClassDef]] = []
    while todo:
        node, prefix = todo.popleft()
        if isinstance(node, ast.ClassDef):
            found.append((prefix + node.name, node))
            prefix = f"{prefix}{node.name}."
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            prefix = f"{prefix}{node.name}.<locals>."
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list) and value and isinstance(value[0], _BLOCKS):
                todo.extend((child, prefix) for child in value)
    return found


def _keyed_classes(
    classes: list[tuple[str, ast.ClassDef]],
    module: str,
    config: Config,
    display: str,
) -> dict[int, str]:
    """The ``[tool.proxydoc.proxies]`` key of each class of *module* one names."""
    keyed: dict[int, str] = {}
    for key in config.proxies:
        key_module, _, wanted = key.partition(":")
        if key_module != module:
            continue
        where = f'[tool.proxydoc.proxies."{key}"]'
        exact = [node for qualname, node in classes if qualname == wanted]
        named = [(q, n) for q, n in classes if n.name == wanted and "." not in wanted]
        if not exact and len(named) > 1:
            listed = ", ".join(f"{q} (line {n.lineno})" for q, n in named)
            raise ProxydocError(
                f"{where} matches {len(named)} classes: {listed}; name one as "
                f"'{module}:{named[0][0]}'",
                display,
            )
        matches = exact or [node for _, node in named]
        if not matches:
            listed = ", ".join(q for q, _ in classes) or "none"
            raise ProxydocError(
                f"{where} names no class of this module (its classes: {listed})",
                display,
            )
        node = matches[0]
        if id(node) in keyed:
            raise ProxydocError(
                f"class {wanted} is declared twice: by {where} and by "
                f'[tool.proxydoc.proxies."{keyed[id(node)]}"]; keep one',
                display,
                node.lineno,
            )
        keyed[id(node)] = key
    return keyed


def hand_written(body: list[ast.stmt], start: int, end: int) -> dict[str, int]:
    """The names a class or module *body* binds outside lines *start*..*end*
    (a generated region), each with the line of its first binding: functions,
    classes, imports and assignments, in ``if`` / ``try`` blocks too."""
    names: dict[str, int] = {}
    for stmt in flat_body(body):
        if start <= stmt.lineno <= end:
            continue
        if isinstance(stmt, ast.AnnAssign) and stmt.value is None:
            continue  # an annotation alone binds nothing
        for name in names_bound(stmt):
            names.setdefault(name, stmt.lineno)
    return names


#: Nodes that hold statements: a class can only be defined among these.
_BLOCKS = (ast.stmt, ast.excepthandler, ast.match_case)


def class_defs(tree: ast.Module) -> Iterator[ast.ClassDef]:
    """Every class definition of *tree*, in the order of ``ast.walk``.

    The same breadth-first walk, but into statements and the blocks holding
    them only: an expression never holds a class, and a facade's expressions
    (its proxies' signatures) are most of its nodes.
    """
    todo: deque[ast.AST] = deque([tree])
    while todo:
        node = todo.popleft()
        if isinstance(node, ast.ClassDef):
            yield node
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list) and value and isinstance(value[0], _BLOCKS):
                todo.extend(value)


def bound_names(
    tree: ast.Module, *, runtime: bool = True, skip: tuple[int, int] | None = None
) -> set[str]:
    """Names a module binds at its top level when imported (imports, definitions,
    assignments); with *runtime* false, also those only type checkers see
    (``if TYPE_CHECKING:``).  Statements starting on the lines *skip* (first,
    last) are left out: a generated region's own."""
    names: set[str] = set()
    for node in flat_body(tree.body, runtime=runtime):
        if skip is not None and skip[0] <= node.lineno <= skip[1]:
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(
                a.asname or a.name.partition(".")[0]
                for a in node.names
                if a.name != "*"
            )
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def documented_facade_name(module: str, path: Path, name: str) -> str:
    """The name a facade class is documented under, as its target is named.

    Its shortest re-export: the first parent package (shortest first) whose
    ``__init__.py`` imports *name* from *module*, or from a package between
    them that re-exports it; else *module*. Read from source: a facade's module
    is not imported (it is the file being written).
    """
    parts = module.split(".")
    # the folder of package parts[:k] is *path*'s folder, climbed up to it
    depth = len(parts) - (0 if path.name == "__init__.py" else 1)
    for length in range(1, len(parts)):
        folder = path.parent
        for _ in range(depth - length):
            folder = folder.parent
        package = ".".join(parts[:length])
        if _reexports(folder, package, module, name):
            return f"{package}.{name}"
    return f"{module}.{name}"


def _reexports(folder: Path, package: str, module: str, name: str) -> bool:
    """Whether package *package* (in *folder*) binds *name* to *module*'s *name*."""
    try:
        tree = ast.parse((folder / "__init__.py").read_bytes())
    except (OSError, SyntaxError, ValueError):
        return False
    origin = ImportMap(tree, package, is_package=True).names.get(name, "")
    source, _, imported = origin.partition(":")
    if imported != name:
        return False
    if source == module:
        return True
    # from a package between them, which must re-export it in turn
    if not (source.startswith(package + ".") and module.startswith(source + ".")):
        return False
    below = folder.joinpath(*source[len(package) + 1 :].split("."))
    return _reexports(below, source, module, name)


def _is_proxy_decorator(node: ast.expr, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == name
    return isinstance(func, ast.Attribute) and func.attr == name


def _from_config(
    entry: ProxyConfig,
    node: ast.ClassDef,
    display: str,
    spelling: str | None,
    facade: str,
) -> FacadeSpec:
    return FacadeSpec(
        facade=node.name,
        target_ref=entry.target,
        target_expr=spelling,
        target_name=entry.target_name,  # None: named as documented, once imported
        facade_name=entry.facade_name or f":class:`{facade}`",
        methods=entry.methods,
        attributes=entry.attributes,
        classmethods=entry.classmethods,
        use_intermediate_variable=entry.use_intermediate_variable,
        line=node.lineno,
        display=display,
    )


def _from_decorator(
    call: ast.Call, node: ast.ClassDef, imports: ImportMap, display: str
) -> FacadeSpec:
    def fail(message: str, at: ast.AST = call) -> ProxydocError:
        return ProxydocError(message, display, getattr(at, "lineno", call.lineno))

    if len(call.args) != 3:
        raise fail("the proxy decorator needs (Target, target_name, facade_name)")
    target, target_name, facade_name = call.args
    names = [_literal_str(arg) for arg in (target_name, facade_name)]
    if names[0] is None or names[1] is None:
        raise fail("the Sphinx names of the two classes must be string literals")
    lists: dict[str, tuple[str, ...]] = dict.fromkeys(_LISTS, ())
    for keyword in call.keywords:
        if keyword.arg not in lists:
            raise fail(f"unknown keyword {keyword.arg!r}", keyword.value)
        value = _literal_strings(keyword.value)
        if value is None:
            raise fail(f"{keyword.arg} must be a list of string literals", keyword)
        lists[keyword.arg] = value
    check_member_lists(lists, fail)
    ref = imports.resolve(target)
    if ref is None:
        raise fail(f"cannot tell where {ast.unparse(target)} is imported from", target)
    return FacadeSpec(
        facade=node.name,
        target_ref=ref,
        target_expr=ast.unparse(target),
        target_name=names[0],
        facade_name=names[1],
        line=call.lineno,
        display=display,
        **lists,
    )


def _literal_str(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _literal_strings(node: ast.expr) -> tuple[str, ...] | None:
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None
    values = [_literal_str(item) for item in node.elts]
    if any(value is None for value in values):
        return None
    return tuple(v for v in values if v is not None)


class ImportMap:
    """Where the names bound by a module's top-level imports come from."""

    def __init__(self, tree: ast.Module, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.names: dict[str, str] = {}
        self.modules: set[str] = set()  # imported whole: ``import a.b`` gives a.b
        self._scan(tree.body)

    def _scan(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            if isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    bound = alias.asname or alias.name.partition(".")[0]
                    self.names[bound] = alias.name if alias.asname else bound
                    if not alias.asname:
                        self.modules.add(alias.name)
            elif isinstance(stmt, ast.ImportFrom):
                base = absolute_module(stmt, self.package)
                for alias in stmt.names:
                    self.names[alias.asname or alias.name] = f"{base}:{alias.name}"
            elif isinstance(stmt, (ast.ClassDef, ast.FunctionDef)):
                self.names[stmt.name] = f"{self.module}:{stmt.name}"
            elif isinstance(stmt, (ast.If, ast.Try)):
                self._scan(stmt.body)
                self._scan(stmt.orelse)

    def spelling(self, ref: str, bound: set[str]) -> str | None:
        """How code in this module reaches the class *ref* (``module:Qual.Name``)
        through the *bound* names, or None."""
        module, _, qualname = ref.partition(":")
        for name, origin in self.names.items():
            inside = ref == origin or ref.startswith(origin + ".")
            if name in bound and ":" in origin and inside:
                return name + ref[len(origin) :]
        for name, origin in self.names.items():
            if name in bound and origin == module != name:  # import a.b as m
                return f"{name}.{qualname}"
        root = module.partition(".")[0]
        if module in self.modules and root in bound and self.names.get(root) == root:
            return f"{module}.{qualname}"  # import a.b
        return None

    def resolve(self, node: ast.expr) -> str | None:
        """``module:qualname`` of a Name or dotted Attribute expression."""
        attrs: list[str] = []
        while isinstance(node, ast.Attribute):
            attrs.insert(0, node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in self.names:
            return None
        origin = self.names[node.id]
        if ":" not in origin:
            return f"{origin}:{'.'.join(attrs)}" if attrs else None
        return ".".join([origin, *attrs])
