"""``proxydoc lint``: each ``:paramref:`` must name a parameter of its target."""

from __future__ import annotations

import ast
import inspect
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._facades import ImportMap, module_name
from proxydoc.cli._generate import read_source
from proxydoc.core.fields import documented_params
from proxydoc.core.imports import import_dotted
from proxydoc.core.prefixes import expand_prefix
from proxydoc.core.targets import split_written

if TYPE_CHECKING:
    from proxydoc.cli._cli import Progress
    from proxydoc.cli._config import Config

_ROLE = re.compile(r":paramref:`([^`]+)`")
_TITLED = re.compile(r"^.*<([^<>]+)>\s*$", re.DOTALL)

CODES = {
    "PXD001": "names no parameter",
    "PXD002": "target not found",
    "PXD003": "target has no signature",
    "PXD004": "bare parameter name outside a function or class docstring",
    "PXD005": "relative target cannot be resolved without Sphinx",
}

_Function = ast.FunctionDef | ast.AsyncFunctionDef
_Owner = _Function | ast.ClassDef | ast.Module


@dataclass(frozen=True)
class Finding:
    """One problem with one ``:paramref:``."""

    display: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.display}:{self.line}: {self.code} {self.message}"


def run_lint(
    files: list[Path], config: Config, *, strict: bool, progress: Progress
) -> int:
    """Lint *files*; exit status 0 clean, 1 findings, 2 errors."""
    from proxydoc.cli._cli import display_path

    checker = ParamChecker(config.module_prefixes, config.import_roots)
    findings: list[Finding] = []
    errors = 0
    for done, path in enumerate(files, 1):
        display = display_path(path)
        progress.update(done, display)
        try:
            findings.extend(checker.lint_file(path, display, strict=strict))
        except ProxydocError as exc:
            errors += 1
            print(exc, file=sys.stderr)
    progress.finish()
    for finding in findings:
        print(finding)
    print(
        f"proxydoc lint: {len(files)} files, {len(findings)} problems, "
        f"{errors} with errors",
        file=sys.stderr,
    )
    return 2 if errors else (1 if findings else 0)


class ParamChecker:
    """Resolves ``:paramref:`` targets, caching what each callable accepts."""

    def __init__(self, prefixes: dict[str, str], roots: tuple[Path, ...] = ()) -> None:
        self.prefixes = prefixes
        self.roots = roots
        self._accepted: dict[str, tuple[str, set[str]] | Finding] = {}

    def lint_file(self, path: Path, display: str, *, strict: bool) -> list[Finding]:
        """Findings for every ``:paramref:`` in the docstrings of one file."""
        source, _ = read_source(path, display)
        if ":paramref:" not in source:
            return []
        try:
            tree = ast.parse(source, display)
        except SyntaxError as exc:
            raise ProxydocError(
                f"cannot parse: {exc.msg}", display, exc.lineno or 1
            ) from exc
        module = module_name(path, self.roots)
        imports = ImportMap(tree, module, path.name == "__init__.py")
        found: list[Finding] = []
        for owner, doc, line in _docstrings(tree):
            for match in _ROLE.finditer(doc):
                at = line + doc.count("\n", 0, match.start())
                finding = self._check(match[1], owner, imports, display, at)
                if finding is not None and (strict or finding.code != "PXD005"):
                    found.append(finding)
        return found

    def _check(
        self, content: str, owner: _Owner, imports: ImportMap, display: str, line: int
    ) -> Finding | None:
        target = _role_target(content)
        if "." not in target:
            return self._check_local(target, owner, display, line, content)
        if target.startswith("."):
            head, _, rest = target.lstrip(".").partition(".")
            ref = imports.resolve(ast.Name(head))
            if ref is None or not rest:
                return Finding(
                    display, line, "PXD005", f":paramref:`{content}`: {CODES['PXD005']}"
                )
            module, _, qualname = ref.partition(":")
            target = f"{module}.{qualname}.{rest}" if qualname else f"{module}.{rest}"
        path, name = split_written(expand_prefix(target, self.prefixes))
        accepted = self._accepts(path)
        if isinstance(accepted, Finding):
            return Finding(
                display,
                line,
                accepted.code,
                f":paramref:`{content}`: {accepted.message}",
            )
        if name in accepted[1]:
            return None
        message = f":paramref:`{content}` names no parameter {name!r} of {accepted[0]}"
        return Finding(display, line, "PXD001", message)

    def _check_local(
        self, name: str, owner: _Owner, display: str, line: int, content: str
    ) -> Finding | None:
        names = _local_params(owner)
        if names is None:
            return Finding(
                display, line, "PXD004", f":paramref:`{content}`: {CODES['PXD004']}"
            )
        if name in names:
            return None
        where = getattr(owner, "name", "?")
        message = f":paramref:`{content}` names no parameter {name!r} of {where}"
        return Finding(display, line, "PXD001", message)

    def _accepts(self, path: str) -> tuple[str, set[str]] | Finding:
        if path not in self._accepted:
            self._accepted[path] = _accepted_names(path)
        return self._accepted[path]


def _role_target(content: str) -> str:
    titled = _TITLED.match(content)
    target = titled[1] if titled else content
    return target.strip().lstrip("~!")


def _accepted_names(path: str) -> tuple[str, set[str]] | Finding:
    obj = import_dotted(path)
    if obj is None:
        return Finding("", 0, "PXD002", f"{CODES['PXD002']}: {path}")
    try:
        names = set(inspect.signature(obj).parameters)
    except (TypeError, ValueError):
        return Finding("", 0, "PXD003", f"{CODES['PXD003']}: {path}")
    for doc in _docs_of(obj):
        names.update(documented_params(doc))
    return path, names


def _docs_of(obj: Any) -> Iterator[str]:
    for item in (
        obj,
        getattr(obj, "__init__", None) if isinstance(obj, type) else None,
    ):
        doc = getattr(item, "__doc__", None)
        if isinstance(doc, str):
            yield doc


def _docstrings(tree: ast.Module) -> Iterator[tuple[_Owner, str, int]]:
    for node in ast.walk(tree):
        if not isinstance(
            node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        ):
            continue
        body = node.body
        if (
            body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            yield node, body[0].value.value, body[0].value.lineno


def _local_params(owner: _Owner) -> set[str] | None:
    if isinstance(owner, ast.ClassDef):
        inits = [
            n
            for n in owner.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            and n.name == "__init__"
        ]
        return _arg_names(inits[-1]) if inits else None
    if isinstance(owner, ast.Module):
        return None
    return _arg_names(owner)


def _arg_names(node: _Function) -> set[str]:
    args = node.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    return {a.arg for a in every if a is not None}
