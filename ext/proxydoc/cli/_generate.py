"""Regenerate the proxy regions of one file, refusing any result that does not parse."""

from __future__ import annotations

import ast
import inspect
import io
import itertools
import os
import shlex
import subprocess
import textwrap
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from proxydoc.cli._bindings import DefaultCheck, ModuleNames
from proxydoc.cli._chain import load_module_text
from proxydoc.cli._config import Config, StubConfig
from proxydoc.cli._emitted import (
    check_proxy_names,
    check_stub_defaults,
    stub_imports,
    under_type_checking,
)
from proxydoc.cli._errors import ProxydocError, bug_error
from proxydoc.cli._facades import (
    Declared,
    FacadeSpec,
    bound_names,
    documented_facade_name,
    hand_written,
    module_name,
    read_declarations,
)
from proxydoc.cli._files import Fingerprint, write_file
from proxydoc.cli._regions import (
    Region,
    find_marked_region,
    find_regions,
    line_number,
    splice,
    whole_file_region,
)
from proxydoc.cli._render import Unwritable, indent_lines, render_region
from proxydoc.cli._sources import SourceCache
from proxydoc.cli._stubs import layout_for, member_names, read_member, render_member
from proxydoc.cli._targets import (
    Attribute,
    Method,
    TargetClass,
    bind_defaults,
)
from proxydoc.core.imports import ImportEffect, import_target, isolated, silenced
from proxydoc.core.names import public_name


@dataclass
class FileResult:
    """The outcome for one file: its old and new text, or the errors found."""

    display: str
    path: Path
    old: str = ""
    new: str = ""
    encoding: str = "utf-8"
    errors: list[ProxydocError] = field(default_factory=list)
    sources: set[Path] = field(default_factory=set)  # files the targets come from
    #: Of those, the ones read as regenerated earlier in this run, not from disk.
    fresh_sources: set[Path] = field(default_factory=set)
    #: What the file held when read: it is written only if it still holds that.
    read: Fingerprint | None = None

    @property
    def changed(self) -> bool:
        return not self.errors and self.new != self.old


class Generator:
    """Regenerates files with one cache of target sources shared between them."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.sources = SourceCache()
        self._sources: set[Path] = set()
        #: Files whose regenerated text later files import (chained facades).
        self.in_memory: set[Path] = set()
        #: The stub regions configured for each file, by its real path.
        self.stubs: dict[Path, list[StubConfig]] = {}
        for stub in config.stubs:
            where = real_path(config.root / stub.file)
            self.stubs.setdefault(where, []).append(stub)
        #: The modules of the ``[tool.proxydoc.proxies]`` keys.
        self.proxy_modules = {key.partition(":")[0] for key in config.proxies}
        #: The modules of the files processed, and their real paths.
        self.modules: set[str] = set()
        self.files: set[Path] = set()
        self._module_names: dict[Path, str] = {}

    def use_regenerated(self, module: str, result: FileResult) -> None:
        """Let the files processed next import *module* as *result* regenerated it."""
        path = real_path(result.path)
        if load_module_text(module, path, result.new):
            self.sources.use_text(str(path), result.new)
            self.in_memory.add(path)

    def process(self, path: Path, display: str) -> FileResult:
        """The regenerated text of *path*; errors are collected, never raised."""
        result = FileResult(display, path)
        self._sources = result.sources
        self.files.add(real_path(path))
        if self.proxy_modules:  # read or not, the module's file was met
            self.modules.add(self._module_of(path))
        try:
            data = read_bytes(path, display)
            result.read = Fingerprint.of(data)
            result.old, result.encoding = decode_source(data, display)
            result.new = self._regenerate(result.old, path, display, result.encoding)
            _check_encodable(result.new, result.encoding, display)
            result.fresh_sources = result.sources & self.in_memory
        except ProxydocError as exc:
            result.errors.append(exc)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # a bug, or the target's code ending the run
            result.errors.append(bug_error(exc, display))
        return result

    def _regenerate(self, source: str, path: Path, display: str, encoding: str) -> str:
        stubs = self.stubs.get(real_path(path), [])
        keyed = self._module_of(path) in self.proxy_modules
        decorated = f"{self.config.decorator}(" in source
        if "PROXY METHODS" not in source and not (stubs or keyed or decorated):
            return source
        tree = _parse(source, display)
        regions = (
            find_regions(source, tree, display) if "PROXY METHODS" in source else []
        )
        if not (regions or stubs or keyed or decorated):
            return source
        declared = read_declarations(tree, path, self.config, display)
        _check_markers(declared, regions, display)
        bound = bound_names(tree)
        lazy = _has_future_annotations(tree)
        module = module_name(path, self.config.import_roots)
        names = ModuleNames(tree, module, path.name == "__init__.py")
        pairs = [
            (
                region,
                self._region(
                    region, declared, tree, bound, lazy, display, encoding, names
                ),
            )
            for region in regions
        ]
        for stub in stubs:
            if stub.start is None:
                region = whole_file_region(source)
            else:
                region = find_marked_region(source, tree, display, stub.start, stub.end)
            pairs.append(
                (region, self._stub_region(stub, region, tree, path, display, encoding))
            )
        pairs.sort(key=lambda pair: pair[0].body_start)
        for (first, _), (second, _) in itertools.pairwise(pairs):
            if second.body_start < first.body_end:
                raise ProxydocError(
                    "two generated regions overlap (this one starts inside the one "
                    f"starting at line {first.start_line})",
                    display,
                    second.start_line,
                )
        bodies = []
        for region, body in pairs:
            old = region.text(source)
            as_written = old == body.replace("\n", region.newline)  # no parse needed
            if as_written or _equivalent(old, body, region.indent):
                bodies.append(old)
            else:
                formatted = self._format(body, region, display)
                bodies.append(formatted.replace("\n", region.newline))
        new = splice(source, [region for region, _ in pairs], bodies)
        if new != source:
            _parse(new, display, "generated code does not parse")
        return new

    def _module_of(self, path: Path) -> str:
        """The module name of *path* when proxies are keyed by module, else ""."""
        if not self.proxy_modules:
            return ""
        if path not in self._module_names:
            try:
                name = module_name(path, self.config.import_roots)
            except (OSError, RuntimeError, ValueError):  # a link loop: no module
                name = ""
            self._module_names[path] = name
        return self._module_names[path]

    def config_errors(self, default_run: bool) -> list[ProxydocError]:
        """What in the configuration matched nothing in this run.

        A stub whose file does not exist; on a run of the configured ``paths``
        (*default_run*), a stub file or a proxies key's module that is no file
        read.  (A key whose module was read but has no such class is an error
        of that file.)
        """
        config = self.config
        where = f"{config.source}: [tool.proxydoc]"
        paths = list(config.paths)
        errors = []
        for stub in config.stubs:
            path = config.root / stub.file
            table = f'{where}.stubs."{stub.name}"'
            if not path.is_file():
                errors.append(
                    ProxydocError(f"{table}: file: no such file: {stub.file!r}")
                )
            elif default_run and real_path(path) not in self.files:
                errors.append(
                    ProxydocError(
                        f"{table}: file {stub.file!r} is not among the files read "
                        f"(paths {paths}, exclude); add it to paths"
                    )
                )
        if default_run:
            for key in config.proxies:
                module = key.partition(":")[0]
                if module not in self.modules:
                    errors.append(
                        ProxydocError(
                            f'{where}.proxies."{key}": no file read is the module '
                            f"{module} (paths {paths}); check the module's name, "
                            "paths and import_paths"
                        )
                    )
        return errors

    def _stub_region(
        self,
        stub: StubConfig,
        region: Region,
        tree: ast.Module,
        path: Path,
        display: str,
        encoding: str,
    ) -> str:
        """The text of one configured stub region (see ``_stubs``)."""
        where = f"stub region {stub.name!r}"
        target = self._import(stub.target, display, region.start_line)
        facade_module = module_name(path, self.config.import_roots)
        if region.class_node is not None:
            name = documented_facade_name(facade_module, path, region.class_name)
            facade = f":class:`{name}`"
        else:
            facade = f":mod:`{facade_module}`"
        layout = layout_for(
            stub,
            path,
            region.class_node is not None,
            stub.target_name or f":class:`{documented_name(target)}`",
            stub.facade_name or facade,
            self.config.line_length - len(region.indent),
            encoding,
        )
        blocks = [self.config.header + "\n"]
        with silenced():  # reading signatures may run the target's code
            module_names = ModuleNames(tree, facade_module, path.name == "__init__.py")
            check = DefaultCheck(module_names, target)
            evaluated = path.suffix != ".pyi" and not under_type_checking(
                tree, region.start_line
            )
            try:
                names = member_names(target, stub)
            except LookupError as exc:
                raise ProxydocError(
                    f"{where}: {exc.args[0]}", display, region.start_line
                ) from exc
            _check_hand_written(region, tree, names, display)
            for name in names:
                try:
                    member = read_member(target, name, stub)
                    if evaluated:
                        check_stub_defaults(member, target, check)
                    blocks.append(render_member(member, stub, layout))
                except LookupError as exc:
                    raise ProxydocError(
                        f"{where}: {exc.args[0]}", display, region.start_line
                    ) from exc
                except Unwritable as exc:
                    raise ProxydocError(
                        f"{where}: {name}() {exc}", display, region.start_line
                    ) from exc
        at = (display, region.start_line)
        blocks[1:1] = stub_imports("\n".join(blocks), region, tree, path, where, at)
        try:
            _check_encodable("\n".join(blocks), encoding, display)
        except ProxydocError as exc:  # its line counts from the region's text
            raise ProxydocError(exc.message, display, region.start_line) from exc
        body = "\n" + indent_lines("\n".join(blocks), region.indent)
        if stub.start is None:  # the whole file: it starts with the header
            return body.lstrip("\n")
        return body if stub.end is None else body + "\n"

    def _region(
        self,
        region: Region,
        declared: list[Declared],
        tree: ast.Module,
        bound: set[str],
        lazy: bool,
        display: str,
        encoding: str,
        names: ModuleNames,
    ) -> str:
        spec = next((d.spec for d in declared if d.node is region.class_node), None)
        if spec is None:
            raise ProxydocError(
                f"no proxy declaration for class {region.class_name} "
                f"(decorator {self.config.decorator}() or [tool.proxydoc.proxies])",
                display,
                region.start_line,
            )
        generated = (*spec.methods, *spec.attributes, *spec.classmethods)
        _check_hand_written(region, tree, generated, display)
        target = self._target(spec, display)
        members = self._members(spec, target, bound, names, display)
        if spec.target_name is None:  # configured without one: as documented
            spec = replace(spec, target_name=f":class:`{documented_name(target)}`")
        at = (display, spec.line)
        text = render_region(  # first: its refusals name the import that fixes most
            spec,
            members,
            region.indent,
            self.config.header,
            self.config.line_length,
            encoding=encoding,
        )
        check_proxy_names(members, names, target, region, bound, lazy, at)
        return text

    def _members(
        self,
        spec: FacadeSpec,
        cls: type,
        bound: set[str],
        names: ModuleNames,
        display: str,
    ) -> list[Method | Attribute]:
        members: list[Method | Attribute] = []
        with silenced():  # reading defaults and signatures may run the target's code
            target = TargetClass(cls, self.sources)
            check = DefaultCheck(names, target.cls)
            try:
                for name in spec.methods:
                    members.append(bind_defaults(target.method(name), bound, check))
                members.extend(target.attribute(name) for name in spec.attributes)
                for name in spec.classmethods:
                    members.append(bind_defaults(target.method(name), bound, check))
            except LookupError as exc:
                raise ProxydocError(str(exc.args[0]), display, spec.line) from exc
        return members

    def _target(self, spec: FacadeSpec, display: str) -> type:
        return self._import(spec.target_ref, display, spec.line)

    def _import(self, ref: str, display: str, line: int) -> type:
        try:
            with isolated():  # importing runs arbitrary code
                target = import_target(ref)
        except ImportEffect as exc:
            raise ProxydocError(_import_failure(ref, exc), display, line) from exc
        if not isinstance(target, type):
            raise ProxydocError(f"target {ref} is not a class", display, line)
        self._sources.update(_source_files(target))
        return target

    def _format(self, body: str, region: Region, display: str) -> str:
        """*body* as the formatter writes it, refused unless it is the same code."""
        command = self.config.formatter
        if not command:
            return body
        inside = bool(region.indent)  # a class body; else a module's top level
        code = textwrap.dedent(body)
        snippet = (
            "class _ProxydocRegion:\n" + indent_lines(code, "    ") if inside else code
        )
        try:
            output = _run_formatter(command, snippet, self.config.root)
        except ProxydocError as exc:
            raise ProxydocError(exc.message, display, region.start_line) from exc
        if inside:
            output = output.split("\n", 1)[1] if "\n" in output else ""
        inner = textwrap.dedent(output).strip("\n")
        formatted = "\n" + indent_lines(inner, region.indent) + "\n"
        if body.endswith("\n\n"):  # a blank line before the end marker
            formatted += "\n"
        _check_formatted(formatted, body, region, f"formatter {command!r}", display)
        return formatted


def _check_markers(
    declared: list[Declared], regions: list[Region], display: str
) -> None:
    """Refuse a declared facade class whose body has no region to fill."""
    filled = {id(region.class_node) for region in regions}
    for found in declared:
        if id(found.node) in filled:
            continue
        how = (
            f'[tool.proxydoc.proxies."{found.key}"]'
            if found.key is not None
            else "its decorator"
        )
        name = found.node.name
        raise ProxydocError(
            f"class {found.qualname} is declared by {how} but its body has no "
            f"'# START PROXY METHODS {name}' / '# END PROXY METHODS {name}' "
            "markers: nothing would be generated; add them",
            display,
            found.node.lineno,
        )


def _check_hand_written(
    region: Region, tree: ast.Module, names: Iterable[str], display: str
) -> None:
    """Refuse generated members that the class body (or the module, for a
    region at its top level) also binds by hand, outside the region."""
    body = tree.body if region.class_node is None else region.class_node.body
    owner = "this module" if region.class_node is None else f"class {region.class_name}"
    written = hand_written(body, region.start_line, region.end_line)
    clashes = sorted((written[n], n) for n in set(names) if n in written)
    if clashes:
        line, name = clashes[0]
        raise ProxydocError(
            f"{name!r} is defined here by hand and generated in the region of "
            f"{owner} (line {region.start_line}), which would replace one by the "
            "other; remove it here or from the region's members",
            display,
            line,
        )


def _run_formatter(command: str, snippet: str, cwd: Path) -> str:
    """What *command* prints for *snippet* on its stdin; a failure is an error."""
    try:
        done = subprocess.run(
            shlex.split(command),
            input=snippet,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            cwd=cwd,
            check=False,
        )
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        # ValueError: unbalanced quotes in the command, or output not UTF-8
        raise ProxydocError(f"formatter failed: {command!r}: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.strip() or f"exit status {done.returncode}"
        raise ProxydocError(f"formatter failed: {command!r}: {message}")
    return done.stdout


def _check_formatted(
    formatted: str, body: str, region: Region, who: str, display: str
) -> None:
    """Refuse formatted code that does not parse or is not AST-equal to *body*."""
    try:
        _region_tree(formatted, region.indent)
    except (SyntaxError, ValueError) as exc:
        raise ProxydocError(
            f"{who}: generated code does not parse after formatting ({exc}); "
            "nothing written",
            display,
            region.start_line,
        ) from exc
    if not _equivalent(formatted, body, region.indent):
        raise ProxydocError(
            f"{who}: its output is not the same code as the generated region "
            "(the ASTs differ); nothing written",
            display,
            region.start_line,
        )


def _import_failure(ref: str, failure: ImportEffect) -> str:
    """Why importing the target *ref* failed, in one line."""
    if isinstance(failure.cause, Exception):
        return f"unknown target {ref}: {failure}"
    return f"importing target {ref} raised {failure} (a target must not end the run)"


def documented_name(target: type) -> str:
    """The name a target class is documented under: its shortest public
    re-export (``alembic.operations.Operations``), else where it is defined."""
    return public_name(target) or f"{target.__module__}.{target.__qualname__}"


def _has_future_annotations(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


def _source_files(target: type) -> set[Path]:
    files = set()
    for klass in target.__mro__:
        try:
            name = inspect.getsourcefile(klass)
        except (TypeError, OSError):
            continue
        if name is not None:
            files.add(real_path(Path(name)))
    return files


def _check_encodable(text: str, encoding: str, display: str) -> None:
    """Refuse a text the file's own encoding cannot hold, naming the line."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = text[exc.start]
        raise ProxydocError(
            f"cannot write {char!r} (U+{ord(char):04X}) in this file's encoding "
            f"{encoding}: declare another encoding, or change the target's text",
            display,
            line_number(text, exc.start),
        ) from exc


def read_source(path: Path, display: str) -> tuple[str, str]:
    """The text of *path* with its newlines untouched, and its encoding."""
    return decode_source(read_bytes(path, display), display)


def read_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ProxydocError(f"cannot read: {exc}", display, 1) from exc


def decode_source(data: bytes, display: str) -> tuple[str, str]:
    """The text of a file's *data*, and the encoding it declares."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding), encoding
    except (SyntaxError, UnicodeError, LookupError) as exc:
        raise ProxydocError(f"cannot read: {exc}", display, 1) from exc


def real_path(path: Path) -> Path:
    """*path* absolute, symlinks followed; a symlink loop is left as it is."""
    return Path(os.path.realpath(path))  # Path.resolve raises on a loop


def write_result(result: FileResult) -> None:
    """Write *result*'s new text over its file (see :func:`~._files.write_file`)."""
    assert result.read is not None, "a changed file was read"
    data = result.new.encode(result.encoding)
    write_file(result.path, data, result.read, result.display)


def _parse(source: str, display: str, why: str = "cannot parse") -> ast.Module:
    try:
        return ast.parse(source, display)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        raise ProxydocError(f"{why}: {exc}", display, line) from exc


def _equivalent(old: str, new: str, indent: str) -> bool:
    """Whether two region texts hold the same code, docstrings compared cleaned."""
    if _has_code(old) != _has_code(new):  # an emptied region: no parse needed
        return False
    dumps = []
    for text in (old, new):
        try:
            tree = _region_tree(text, indent)
        except (SyntaxError, ValueError):
            return False
        dumps.append(ast.dump(_clean_docstrings(tree)))
    return dumps[0] == dumps[1]


def _region_tree(text: str, indent: str) -> ast.Module:
    """A region's text parsed: in a class body when indented, else as a module."""
    if not indent:
        return ast.parse(text)
    return ast.parse(f"class _Region:\n{text}\n{indent}pass\n")


def _has_code(region: str) -> bool:
    """Whether *region* has a line that is neither blank nor a comment.

    A string literal cannot start a region's line without code before it, so
    a region of blank and comment lines alone holds no code.
    """
    return any(
        line.strip() and not line.lstrip().startswith("#")
        for line in region.splitlines()
    )


def _clean_docstrings(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        first = node.body[0]
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            first.value.value = inspect.cleandoc(first.value.value)
    return tree
