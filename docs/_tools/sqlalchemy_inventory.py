"""Regenerate ``docs/_inventories/sqlalchemy.inv`` from SQLAlchemy's doc sources.

SQLAlchemy's sdist holds its documentation sources (``doc/build``).  This script
reads them straight from the tarball and writes an intersphinx inventory with:

* ``std:label`` for every ``.. _label:`` (with the title of the section it names),
* ``std:term`` for every glossary term, ``std:doc`` for every page,
* ``py:*`` for every object an ``auto*`` or plain Python directive documents,
  its members (``:members:``, ``:inherited-members:``, found by importing the
  installed SQLAlchemy, which must be the same version), the canonical names
  autodoc adds for them, and ``py:parameter`` for each ``:param:`` field, with
  the ``<object>.params.<name>`` anchors sphinx-paramlinks and proxydoc give them.

Usage::

    python docs/_tools/sqlalchemy_inventory.py [--sdist PATH] [--output PATH]

Without ``--sdist`` the sdist of the installed SQLAlchemy version is downloaded
with ``pip download`` into ``~/.cache/proxydoc`` (or ``$PROXYDOC_CACHE``).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import re
import subprocess
import sys
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = ROOT / "docs" / "_inventories" / "sqlalchemy.inv"
DOC_ROOT = "doc/build/"
SKIPPED_DIRS = ("build/", "changelog/unreleased")
UNDERLINE = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}\s*$")
LABEL = re.compile(r"^\.\. _([^:`]+|`[^`]+`):\s*$")
DIRECTIVE = re.compile(r"^(\s*)\.\. ([a-z:]+)::\s*(.*?)\s*$")
OPTION = re.compile(r"^\s+:([a-z-]+):\s*(.*?)\s*$")
PARAM_FIELD = re.compile(
    r"^\s*:param\s+(?:[^:]*\s)?\\?\*{0,2}([A-Za-z_]\w*)(?:\s*=[^:]*)?\s*:", re.M
)
AUTO_MODULE_LEVEL = {"autoclass", "autoexception", "autofunction", "autodata"}
AUTO_CLASS_LEVEL = {"automethod", "autoattribute"}
PLAIN = {"class", "function", "method", "attribute", "data", "exception"}


@dataclass
class Entry:
    """One inventory line."""

    name: str
    role: str
    uri: str
    dispname: str = "-"
    priority: int = 1


@dataclass
class Inventory:
    """Inventory entries, the first one of each (name, role) kept."""

    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries.setdefault((entry.name, entry.role), entry)

    def dump(self, path: Path, version: str) -> None:
        lines = [
            f"{e.name} {e.role} {e.priority} {_short_uri(e)} {e.dispname or '-'}\n"
            for e in sorted(self.entries.values(), key=lambda e: (e.role, e.name))
        ]
        header = (
            "# Sphinx inventory version 2\n"
            "# Project: SQLAlchemy\n"
            f"# Version: {version}\n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        body = zlib.compress("".join(lines).encode(), 9)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(header.encode() + body)


def _short_uri(entry: Entry) -> str:
    if entry.uri.endswith("#" + entry.name):
        return entry.uri[: -len(entry.name)] + "$"
    return entry.uri


def make_id(text: str) -> str:
    """docutils' id for a name: lower case, runs of other characters as ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# -- reST sources ---------------------------------------------------------------


@dataclass
class Directive:
    """An ``auto*`` or plain Python directive with the module it was read in."""

    docname: str
    kind: str
    argument: str
    module: str | None
    options: dict[str, str]
    enclosing_class: str | None = None


@dataclass
class Page:
    """What one reST page defines."""

    docname: str
    title: str | None = None
    labels: list[tuple[str, str | None]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)


def title_at(lines: list[str], i: int) -> str | None:
    """The section title starting at line *i*, if there is one."""
    text = lines[i].strip() if i < len(lines) else ""
    if not text:
        return None
    if (
        UNDERLINE.match(lines[i])
        and i + 2 < len(lines)
        and UNDERLINE.match(lines[i + 2])
    ):
        return lines[i + 1].strip() or None
    underlined = (
        i + 1 < len(lines)
        and UNDERLINE.match(lines[i + 1]) is not None
        and not UNDERLINE.match(lines[i])
        and not lines[i].startswith(" ")
    )
    if underlined and len(lines[i + 1].rstrip()) >= len(text):
        return text
    return None


def options_after(lines: list[str], i: int) -> dict[str, str]:
    """The ``:option: value`` lines that follow the directive on line *i*."""
    options: dict[str, str] = {}
    for line in lines[i + 1 :]:
        match = OPTION.match(line)
        if not match:
            break
        options[match.group(1)] = match.group(2)
    return options


def glossary_terms(lines: list[str], start: int, indent: int) -> list[str]:
    """Term lines of the ``.. glossary::`` directive on line *start*."""
    terms: list[str] = []
    term_indent: int | None = None
    for line in lines[start + 1 :]:
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip())
        if depth <= indent:
            break
        if line.strip().startswith(":") and term_indent is None:
            continue  # directive options such as :sorted:
        if term_indent is None:
            term_indent = depth
        if depth == term_indent:
            terms.append(line.strip())
    return terms


def parse_page(docname: str, text: str) -> Page:
    """Labels, terms, title and Python directives of one page."""
    page = Page(docname)
    lines = text.splitlines()
    pending: list[str] = []
    module: str | None = None
    classes: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        label = LABEL.match(line)
        if label:
            pending.append(label.group(1).strip("`").lower())
            continue
        title = title_at(lines, i)
        if title is not None:
            page.title = page.title or title
            page.labels += [(name, title) for name in pending]
            pending = []
            continue
        if not line.strip() or UNDERLINE.match(line):
            continue
        page.labels += [(name, None) for name in pending]
        pending = []
        directive = DIRECTIVE.match(line)
        if directive:
            module = read_directive(page, lines, i, directive, module, classes)
    page.labels += [(name, None) for name in pending]
    return page


def read_directive(
    page: Page,
    lines: list[str],
    i: int,
    match: re.Match[str],
    module: str | None,
    classes: list[tuple[int, str]],
) -> str | None:
    """Record the directive on line *i*; return the module in force after it."""
    indent, kind, argument = len(match.group(1)), match.group(2), match.group(3)
    kind = kind.removeprefix("py:")
    while classes and classes[-1][0] >= indent:
        classes.pop()
    options = options_after(lines, i)
    if kind in ("module", "currentmodule", "automodule"):
        if kind != "currentmodule":
            page.directives.append(
                Directive(page.docname, kind, argument, None, options)
            )
        return None if argument == "None" else argument
    if kind == "glossary":
        page.terms += glossary_terms(lines, i, indent)
    elif kind.startswith("auto") or kind in PLAIN:
        enclosing = classes[-1][1] if classes else None
        page.directives.append(
            Directive(page.docname, kind, argument, module, options, enclosing)
        )
        if kind in ("class", "autoclass"):
            classes.append((indent, argument.partition("(")[0].strip()))
    return module


def read_pages(sdist: Path) -> Iterator[Page]:
    """Every documentation page of the sdist at *sdist*."""
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            _, _, inner = member.name.partition("/")
            if not (member.isfile() and inner.startswith(DOC_ROOT)):
                continue
            relative = inner.removeprefix(DOC_ROOT)
            if not relative.endswith(".rst") or relative.startswith(SKIPPED_DIRS):
                continue
            data = tar.extractfile(member)
            assert data is not None
            yield parse_page(relative.removesuffix(".rst"), data.read().decode("utf-8"))


# -- Python objects ---------------------------------------------------------------


def import_path(dotted: str) -> Any:
    """The object at *dotted*, importing the longest module prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(dotted)


def documented_name(directive: Directive) -> str:
    """The full name autodoc gives the object a directive names."""
    name = directive.argument.partition("(")[0].strip()
    if directive.kind in AUTO_MODULE_LEVEL and "." in name:
        return name
    nested = ("method", "attribute", "automethod", "autoattribute")
    if directive.enclosing_class and directive.kind in nested and "." not in name:
        name = f"{directive.enclosing_class}.{name}"
        if "." in name.partition("(")[0]:
            return (
                name if name.startswith("sqlalchemy") else f"{directive.module}.{name}"
            )
    return f"{directive.module}.{name}" if directive.module else name


def has_doc(obj: Any) -> bool:
    return bool(inspect.getdoc(obj))


def member_role(cls: type, name: str, value: Any) -> str:
    """The inventory role autodoc's directive gives a class member."""
    raw = inspect.getattr_static(cls, name, None)
    if isinstance(raw, property):
        return "py:property"
    if isinstance(raw, (classmethod, staticmethod)) or inspect.isroutine(value):
        return "py:method"
    return "py:attribute"


def class_members(cls: type, options: dict[str, str]) -> Iterator[tuple[str, Any]]:
    """Members ``:members:`` (and ``:inherited-members:``) document for *cls*."""
    if "members" not in options:
        return
    wanted = {m.strip() for m in options["members"].split(",") if m.strip()}
    excluded = {m.strip() for m in options.get("exclude-members", "").split(",")}
    excluded.add("__new__")
    inherited = "inherited-members" in options
    owners = [c for c in cls.__mro__ if c is not object] if inherited else [cls]
    names = sorted({n for c in owners for n in vars(c)} | {"__init__"})
    for name in names:
        if name in excluded or (wanted and name not in wanted):
            continue
        if name.startswith("_") and name != "__init__":
            continue
        if name == "__init__" and "__init__" not in vars(cls):
            continue
        try:
            value = getattr(cls, name)
        except AttributeError:
            continue
        if has_doc(value) or name in wanted:
            yield name, value


@dataclass
class ObjectCollector:
    """Turns documented objects into ``py:*`` and ``py:parameter`` entries."""

    inventory: Inventory
    problems: list[str] = field(default_factory=list)

    def add(self, name: str, role: str, docname: str, obj: Any) -> None:
        uri = f"{docname}.html#{name}"
        self.inventory.add(Entry(name, role, uri))
        for param in parameters_of(obj):
            owner = name.removesuffix(".__init__")
            anchor = f"{owner}.params.{param}"
            self.inventory.add(
                Entry(anchor, "py:parameter", f"{docname}.html#{anchor}")
            )
        canonical = canonical_name(obj)
        if canonical and canonical != name and not name.endswith("." + canonical):
            self.inventory.add(Entry(canonical, role, uri, name, -1))

    def collect(self, directive: Directive) -> None:
        if "noindex" in directive.options or "no-index" in directive.options:
            return
        name = documented_name(directive)
        kind = directive.kind.removeprefix("auto")
        if directive.kind in ("module", "automodule"):
            uri = f"{directive.docname}.html#module-{directive.argument}"
            self.inventory.add(Entry(directive.argument, "py:module", uri))
            if directive.kind == "automodule":
                self.collect_module_members(directive)
            return
        try:
            obj = import_path(name) if directive.kind.startswith("auto") else None
        except (ImportError, AttributeError) as exc:
            self.problems.append(f"{directive.docname}: cannot import {name}: {exc}")
            return
        role = "py:" + ("method" if kind == "method" else kind)
        if kind == "class" and isinstance(obj, type) and issubclass(obj, BaseException):
            role = "py:exception"
        self.add(name, role, directive.docname, obj)
        if isinstance(obj, type):
            for member, value in class_members(obj, directive.options):
                role = member_role(obj, member, value)
                self.add(f"{name}.{member}", role, directive.docname, value)
                if member != "__init__":
                    canon = canonical_name(obj)
                    if canon and canon != name:
                        uri = f"{directive.docname}.html#{name}.{member}"
                        alias = Entry(
                            f"{canon}.{member}", role, uri, f"{name}.{member}", -1
                        )
                        self.inventory.add(alias)

    def collect_module_members(self, directive: Directive) -> None:
        if "members" not in directive.options:
            return
        module = importlib.import_module(directive.argument)
        names = getattr(module, "__all__", None) or [
            n for n in vars(module) if not n.startswith("_")
        ]
        for name in names:
            value = getattr(module, name, None)
            if value is None or not has_doc(value):
                continue
            if getattr(value, "__module__", directive.argument) != directive.argument:
                continue
            kind = "class" if isinstance(value, type) else "function"
            if kind == "function" and not callable(value):
                kind = "data"
            sub = Directive(
                directive.docname,
                "auto" + kind,
                name,
                directive.argument,
                {"members": ""} if kind == "class" else {},
            )
            self.collect(sub)


def canonical_name(obj: Any) -> str | None:
    """``module.qualname`` of a class or function, as autodoc's ``:canonical:``."""
    if not (inspect.isclass(obj) or inspect.isfunction(obj)):
        return None
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if not module or not qualname or "<" in qualname:
        return None
    return f"{module}.{qualname}"


def parameters_of(obj: Any) -> list[str]:
    """The ``:param:`` names of *obj*'s docstring (a class: its ``__init__``)."""
    if obj is None:
        return []
    target = obj.__init__ if inspect.isclass(obj) else obj
    doc = inspect.getdoc(target) or ""
    if inspect.isclass(obj):
        doc += "\n" + (inspect.getdoc(obj) or "")
    return list(dict.fromkeys(PARAM_FIELD.findall(doc)))


# -- main ---------------------------------------------------------------------------


def module_docstring_pages(pages: list[Page]) -> Iterator[Page]:
    """Module docstrings that ``automodule`` puts on a page (they hold labels too)."""
    for page in pages:
        for directive in page.directives:
            if directive.kind != "automodule":
                continue
            try:
                module = importlib.import_module(directive.argument)
            except ImportError:
                continue
            doc = inspect.getdoc(module) or ""
            yield parse_page(page.docname, doc)


def build_inventory(pages: list[Page]) -> tuple[Inventory, list[str]]:
    """The inventory for *pages*, and what could not be imported."""
    inventory = Inventory()
    for page in pages + list(module_docstring_pages(pages)):
        doc_entry = Entry(
            page.docname, "std:doc", f"{page.docname}.html", page.title or "-"
        )
        inventory.add(doc_entry)
        for label, title in page.labels:
            uri = f"{page.docname}.html#{make_id(label)}"
            inventory.add(Entry(label, "std:label", uri, title or "-", -1))
        for term in page.terms:
            uri = f"{page.docname}.html#term-{make_id(term)}"
            inventory.add(Entry(term, "std:term", uri, term, -1))
    collector = ObjectCollector(inventory)
    for page in pages:
        for directive in page.directives:
            collector.collect(directive)
    return inventory, collector.problems


def fetch_sdist(version: str) -> Path:
    """The cached sdist of SQLAlchemy *version*, downloaded with pip when missing."""
    cache = Path(os.environ.get("PROXYDOC_CACHE", Path.home() / ".cache" / "proxydoc"))
    sdist = cache / f"sqlalchemy-{version}.tar.gz"
    if not sdist.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"sqlalchemy=={version}",
                "-d",
                str(cache),
            ],
            check=True,
        )
    return sdist


def main(argv: list[str] | None = None) -> int:
    """Write the inventory; print what could not be resolved."""
    import sqlalchemy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help="SQLAlchemy sdist (.tar.gz)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    version = sqlalchemy.__version__
    sdist = args.sdist or fetch_sdist(version)
    if f"sqlalchemy-{version}" not in sdist.name:
        print(
            f"{sdist.name} is not the installed SQLAlchemy {version}", file=sys.stderr
        )
        return 2
    inventory, problems = build_inventory(list(read_pages(sdist)))
    inventory.dump(args.output, version)
    for problem in problems:
        print("skipped:", problem, file=sys.stderr)
    print(f"wrote {len(inventory.entries)} entries to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
