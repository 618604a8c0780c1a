"""``proxydoc lint``: each ``:paramref:`` must name a parameter of its target.

Targets are read from source (:mod:`proxydoc.cli._definitions`), never
imported: linting runs no project code.  So it reads a docstring assigned at
import time (``f.__doc__ = "..."``) only when the value is a string literal,
and a name a module makes at run time (a module-level ``__getattr__``) not at
all (:mod:`proxydoc.cli._assigned` finds both); where that leaves a role
unchecked, or may explain a finding, it says so (a note on stderr, which is not
a problem).

Each docstring is read as reST, as the build reads it (:mod:`proxydoc.cli._rest`):
a role in a literal block, a code or doctest directive, an inline literal, a
comment or a ``>>>`` block renders no link, and is not checked.  A finding is
silenced by ``# noqa: PXD001`` after the docstring's closing quotes, a
``.. noqa: PXD001`` comment in the docstring, or ``per_file_ignores``.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from proxydoc.cli._assigned import (
    OWNERS,
    AssignedDocs,
    Owner,
    made_at_run_time,
    statements,
)
from proxydoc.cli._codes import CODES
from proxydoc.cli._definitions import Definition, SourceIndex, SourceModule, full_name
from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._generate import read_source
from proxydoc.cli._module_files import ModuleFiles, module_name, search_folders
from proxydoc.cli._rest import merged_noqa, noqa_codes, rendered_roles, silenced
from proxydoc.cli._signatures import read_signature
from proxydoc.core.fields import documented_params
from proxydoc.core.hints import did_you_mean
from proxydoc.core.prefixes import expand_prefix
from proxydoc.core.targets import PARAMS, split_stars, split_written

if TYPE_CHECKING:
    from proxydoc.cli._cli import Progress
    from proxydoc.cli._config import Config

_TRAILING_NOQA = re.compile(r"#\s*(noqa\b.*)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TITLED = re.compile(r"^.*<([^<>]+)>\s*$", re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


#: The code of a note: something lint could not check, and why; not a problem.
NOTE = "note"

#: Which finding to report when a target has two readings (``m.params.x``).
_PRIORITY = ("PXD001", "PXD003", "PXD002", "PXD005", NOTE)


@dataclass(frozen=True)
class Finding:
    """One problem with one ``:paramref:``."""

    display: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        if self.code == NOTE:
            return f"{self.display}:{self.line}: note: {self.message}"
        return f"{self.display}:{self.line}: {self.code} {self.message}"


def run_lint(
    files: list[Path], config: Config, *, strict: bool, progress: Progress
) -> int:
    """Lint *files*; exit status 0 clean, 1 findings, 2 errors."""
    from proxydoc.cli._cli import display_path

    checker = ParamChecker(config.module_prefixes, config.import_roots)
    found: list[Finding] = []
    errors = 0
    for done, path in enumerate(files, 1):
        display = display_path(path)
        progress.update(done, display)
        ignored = ignored_codes(path, config)
        try:
            for finding in checker.lint_file(path, display, strict=strict):
                if finding.code in ignored:
                    checker.silenced += 1
                else:
                    found.append(finding)
        except ProxydocError as exc:
            errors += 1
            print(exc, file=sys.stderr)
    progress.finish()
    findings = [f for f in found if f.code != NOTE]
    for note in config.notes:  # what lint could not read from the Sphinx conf.py
        print(note, file=sys.stderr)
    for finding in found:
        print(finding, file=sys.stderr if finding.code == NOTE else sys.stdout)
    notes = len(found) - len(findings) + len(config.notes)
    silenced = checker.silenced
    print(
        f"proxydoc lint: {len(files)} files, {len(findings)} problems, "
        f"{errors} with errors"
        + (f", {notes} notes" if notes else "")
        + (f", {silenced} silenced" if silenced else ""),
        file=sys.stderr,
    )
    return 2 if errors else (1 if findings else 0)


def ignored_codes(path: Path, config: Config) -> set[str]:
    """The codes ``per_file_ignores`` silences in *path*.

    A pattern is matched (:func:`fnmatch.fnmatch`, ``*`` spans ``/``) against
    the path relative to the ``pyproject.toml``'s folder, ``/``-separated.
    """
    if not config.per_file_ignores:
        return set()
    try:
        relative = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return {
        code
        for pattern, codes in config.per_file_ignores.items()
        if fnmatch.fnmatchcase(relative, pattern)
        for code in codes
    }


class ParamChecker:
    """Resolves ``:paramref:`` targets in source and reads what each accepts."""

    def __init__(self, prefixes: dict[str, str], roots: tuple[Path, ...] = ()) -> None:
        self.prefixes = prefixes
        self.roots = roots
        self.index = SourceIndex(ModuleFiles(search_folders(roots, sys.path)))
        self.assigned = AssignedDocs(self.index)
        #: Findings a noqa comment or ``per_file_ignores`` silenced, so far
        self.silenced = 0

    def lint_file(self, path: Path, display: str, *, strict: bool) -> list[Finding]:
        """Findings (and notes) for every ``:paramref:`` in the docstrings of a file."""
        source, _ = read_source(path, display)
        if ":paramref:" not in source:
            return []
        tree = self.index.files.parsed(path) or _parse(source, display)
        self.index.files.remember(path, tree)
        here = SourceModule(module_name(path, self.roots), path, tree)
        lines = _LINE_BREAK.split(source)
        found: list[Finding] = []
        for doc in self._all_docstrings(here, display, found):
            if ":paramref:" not in doc.text:
                continue
            module = doc.module or here
            rendered = rendered_roles(doc.text)
            noqa = merged_noqa(rendered.noqa, _trailing_noqa(lines, doc.expr))
            for match in rendered.roles:
                at = doc.line + doc.text.count("\n", 0, match.start())
                content = match[1] or match[2]
                finding = self._check(content, _Where(module, doc, display, at))
                if finding is None or (finding.code == "PXD005" and not strict):
                    continue
                if finding.code == NOTE or not silenced(finding.code, noqa):
                    found.append(finding)
                else:
                    self.silenced += 1
        return sorted(found, key=lambda finding: finding.line)

    def _all_docstrings(
        self, here: SourceModule, display: str, notes: list[Finding]
    ) -> Iterator[_Docstring]:
        """The docstrings of *here*: written, then assigned as string literals.

        An assigned docstring that holds a ``:paramref:`` but is computed, or
        whose object lint cannot find, is a note in *notes*.
        """
        yield from _docstrings(here.tree)
        for assigned, owner in self.assigned.with_paramref(here):
            text = assigned.text
            if owner is not None and text is not None:
                value = assigned.value
                yield _Docstring(*owner, text=text, line=value.lineno, expr=value)
                continue
            message = f"the value assigned to {assigned.written} "
            if text is None:
                message += "is computed at import time"
            else:
                message += f"documents something lint cannot find in {here.name}"
            message += "; its :paramref: roles are not checked"
            notes.append(Finding(display, assigned.value.lineno, NOTE, message))

    def _check(self, content: str, where: _Where) -> Finding | None:
        target = expand_prefix(role_target(content), self.prefixes)
        if "." not in target:
            return self._check_bare(content, target, where)
        readings = [split_written(target)]
        if PARAMS in target:  # or a parameter of a function named params
            owner, param = readings[0]
            readings.append((f"{owner}.params", param))
        findings = []
        for owner, param in readings:
            finding = self._check_owner(content, owner, param, where)
            if finding is None:
                return None
            findings.append(finding)
        return min(findings, key=lambda finding: _PRIORITY.index(finding.code))

    def _check_owner(
        self, content: str, owner: str, written: str, where: _Where
    ) -> Finding | None:
        param = split_stars(written)[1]  # ``**kw`` names parameter kw
        no_signature = None
        for name, found in self._owners(owner, where):
            accepted = self._accepted(found)
            if accepted is None:
                no_signature = no_signature or name
            elif param in accepted:
                return None
            else:
                message = f":paramref:`{content}` names no parameter {written!r} of "
                message += name + _hint(written, accepted) + self._unseen(found)
                return where.finding("PXD001", message)
        if no_signature is not None and not owner.startswith("."):
            message = f":paramref:`{content}`: {CODES['PXD003']}: {no_signature}"
            return where.finding("PXD003", message)
        lazy = None if owner.startswith(".") else made_at_run_time(self.index, owner)
        if lazy is not None:
            message = (
                f":paramref:`{content}` not checked: {owner} is not in the source "
                f"of {lazy}, which makes names at run time (a module-level "
                "__getattr__); lint runs no project code"
            )
            return where.finding(NOTE, message)
        name = owner
        if owner.startswith("."):  # Sphinx would search further, by suffix
            head = owner.lstrip(".").partition(".")[0]
            if no_signature or next(self._owners(head, where), None) is None:
                message = f":paramref:`{content}`: {CODES['PXD005']}"
                return where.finding("PXD005", message)
            name = where.full_name(owner)
        message = f":paramref:`{content}`: {CODES['PXD002']}: {name}"
        return where.finding("PXD002", message)

    def _owners(self, owner: str, where: _Where) -> Iterator[tuple[str, Definition]]:
        """What *owner* may name, full name and definition, in Sphinx's order.

        As written first, then in the module and the class of the docstring; a
        target starting with ``.`` the other way round.  Only the first owner
        with a signature counts: Sphinx links to owners that have parameters.
        """
        names = owner.lstrip(".").split(".")
        searches: list[Callable[[], Definition | None]] = [
            lambda: self.index.find(".".join(names)),
            lambda: self.index.member(where.module, names),
        ]
        cls = where.doc.cls
        if cls is not None:
            searches.append(lambda: self.index.in_class(cls, where.module, names))
        if owner.startswith("."):
            searches.reverse()
        for search in searches:
            found = search()
            if found is not None:
                as_written = search is searches[0] and not owner.startswith(".")
                yield ".".join(names) if as_written else full_name(found), found

    def _check_bare(self, content: str, written: str, where: _Where) -> Finding | None:
        param = split_stars(written)[1]
        owner = where.doc.owner
        if isinstance(owner, ast.Module):
            return where.finding("PXD004", f":paramref:`{content}`: {CODES['PXD004']}")
        accepted = self._accepted(Definition(owner, where.module))
        if accepted is None:
            message = f":paramref:`{content}`: {CODES['PXD003']}: {owner.name}"
            return where.finding("PXD003", message)
        if param in accepted:
            return None
        message = (
            f":paramref:`{content}` names no parameter {written!r} of {owner.name}"
        )
        return where.finding("PXD001", message + _hint(written, accepted))

    def _accepted(self, found: Definition) -> set[str] | None:
        signature = read_signature(self.index, found)
        if signature is None:
            return None
        names = set(signature.names)
        docs = [*signature.docstrings, *(a.text for a in self.assigned.of(found))]
        for doc in docs:
            if doc is not None:
                names.update(documented_params(doc))
        return names

    def _unseen(self, found: Definition) -> str:
        """A note for a finding about *found*, whose docstring may be computed."""
        if not self.assigned.computed(found):
            return ""
        return (
            " (its docstring is computed at import time: a parameter documented "
            "only there is not seen)"
        )


def _parse(source: str, display: str) -> ast.Module:
    try:
        return ast.parse(source, display)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        raise ProxydocError(f"cannot parse: {exc}", display, line) from exc
    except (RecursionError, MemoryError) as exc:
        message = "cannot parse: nested too deeply for Python's parser"
        raise ProxydocError(message, display, 1) from exc


def role_target(content: str) -> str:
    """The target of a role's text, as the Sphinx role reads it.

    The title of ``title <target>`` dropped, backslash escapes undone
    (``file\\_``), a leading ``~`` or ``!`` dropped.
    """
    titled = _TITLED.match(content)
    target = titled[1] if titled else content
    target = _ESCAPE.sub(lambda m: "" if m[1].isspace() else m[1], target)
    return target.strip().lstrip("~!")


@dataclass(frozen=True)
class _Docstring:
    """A docstring, what it documents and the class it is read in.

    *module* is where the object is defined, when not the linted module (a
    docstring assigned to an imported function).
    """

    owner: Owner
    cls: ast.ClassDef | None
    module: SourceModule | None = None
    text: str = ""
    line: int = 0
    #: The string's expression in the linted file, for a noqa comment after it
    expr: ast.expr | None = None


@dataclass(frozen=True)
class _Where:
    """Where a role is written: the module, its docstring, the file and line."""

    module: SourceModule
    doc: _Docstring
    display: str
    line: int

    def finding(self, code: str, message: str) -> Finding:
        return Finding(self.display, self.line, code, message)

    def full_name(self, relative: str) -> str:
        name = relative.lstrip(".")
        return f"{self.module.name}.{name}" if self.module.name else name


def _docstrings(tree: ast.Module) -> Iterator[_Docstring]:
    """Every docstring, with the class that encloses it (a class's own, itself)."""
    for node, _, cls in statements(tree):
        if isinstance(node, OWNERS):
            doc = _docstring(node)
            if doc is not None:
                text, expr = doc
                yield _Docstring(node, cls, None, text, expr.lineno, expr)


def _docstring(node: Owner) -> tuple[str, ast.Constant] | None:
    body = node.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        return body[0].value.value, body[0].value
    return None


def _trailing_noqa(lines: list[str], expr: ast.expr | None) -> frozenset[str] | None:
    """The codes a ``# noqa: PXD001`` comment after the closing quotes of *expr*
    names.  A bare noqa comment silences nothing here: projects write one after
    a long docstring for their line-length check (SQLAlchemy does), not lint.
    """
    if expr is None or expr.end_lineno is None or expr.end_col_offset is None:
        return None
    if expr.end_lineno > len(lines):
        return None
    line = lines[expr.end_lineno - 1].encode("utf-8", "surrogatepass")
    after = line[expr.end_col_offset :].decode("utf-8", "replace")
    comment = _TRAILING_NOQA.search(after)
    codes = None if comment is None else noqa_codes(comment[1])
    return codes or None


def _hint(written: str, accepted: set[str]) -> str:
    """The build's "did you mean" for a parameter written as *written*: the
    closest name, with the stars the link was written with (``**kws`` ->
    ``'**kw'``), a form that resolves as the bare one does."""
    stars = split_stars(written)[0]
    return did_you_mean(
        split_stars(written)[1], accepted, {n: stars + n for n in accepted}
    )
