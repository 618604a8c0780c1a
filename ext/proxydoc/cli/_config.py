"""The ``[tool.proxydoc]`` table of ``pyproject.toml``, read and validated once."""

from __future__ import annotations

import ast
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proxydoc.cli._codes import CODES
from proxydoc.cli._conf_prefixes import (
    ConfPrefixes,
    find_sphinx_conf,
    read_conf_prefixes,
)
from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._files import DEFAULT_EXCLUDE, WalkRules
from proxydoc.core.prefixes import invalid_prefix_entries

DEFAULT_HEADER = (
    "# code within this block is **programmatically,\n"
    "# statically generated** by `proxydoc generate`"
)

_LIST_KEYS = ("methods", "attributes", "classmethods", "use_intermediate_variable")
#: The lists of a facade's declaration that name the members written.
MEMBER_LISTS = ("methods", "attributes", "classmethods")

_PROXY_KEYS = {"target", "target_name", "facade_name", *_LIST_KEYS}
_TOP_KEYS = {
    "paths",
    "exclude",
    "import_paths",
    "formatter",
    "module_prefixes",
    "sphinx_conf",
    "decorator",
    "header",
    "line_length",
    "proxies",
    "stubs",
    "per_file_ignores",
}
_STUB_LIST_KEYS = ("members", "exclude", "context_managers", "aliases")
_STUB_KEYS = {
    "file",
    "target",
    "start",
    "end",
    "call",
    "note",
    "annotations",
    "target_name",
    "facade_name",
    *_STUB_LIST_KEYS,
}


@dataclass(frozen=True)
class ProxyConfig:
    """One ``[tool.proxydoc.proxies."pkg.mod:Facade"]`` entry."""

    facade: str
    target: str
    target_name: str | None = None
    facade_name: str | None = None
    methods: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    classmethods: tuple[str, ...] = ()
    use_intermediate_variable: tuple[str, ...] = ()


@dataclass(frozen=True)
class StubConfig:
    """One ``[tool.proxydoc.stubs.<name>]`` entry: functions or method
    declarations made from a target class's members, written between two
    marker comments of one file (or from the start marker to the file's end).
    """

    name: str
    file: str  # relative to the pyproject.toml
    target: str  # "package.module:Class"
    #: The start marker comment, as the line holds it (stripped); None: the
    #: region is the whole file
    start: str | None
    end: str | None = None  # None: the region runs to the end of the file
    members: tuple[str, ...] = ()  # empty: every public member, as dir() lists them
    exclude: tuple[str, ...] = ()
    context_managers: tuple[str, ...] = ()
    call: str | None = None  # None: declarations; else "return <call>.m(...)"
    note: bool = True  # the proxy note in each docstring
    annotations: str = "as-written"  # or "evaluated": type aliases expanded
    aliases: tuple[str, ...] = ()  # "module:name" values written by name
    target_name: str | None = None
    facade_name: str | None = None


@dataclass(frozen=True)
class Config:
    """The effective settings of one ``proxydoc`` run."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    paths: tuple[str, ...] = (".",)
    #: Glob patterns of what a walk skips; None: :data:`DEFAULT_EXCLUDE`
    exclude: tuple[str, ...] | None = None
    import_paths: tuple[str, ...] = ()
    formatter: str | None = None
    #: The Sphinx ``conf.py`` prefixes, updated with ``[tool.proxydoc]``'s
    module_prefixes: dict[str, str] = field(default_factory=dict)
    #: The ``conf.py`` the prefixes were read from, if one was
    sphinx_conf: Path | None = None
    #: What could not be read from it, as ``file:line: note: ...`` lines
    notes: tuple[str, ...] = ()
    decorator: str = "create_proxy_methods"
    header: str = DEFAULT_HEADER
    line_length: int = 88
    proxies: dict[str, ProxyConfig] = field(default_factory=dict)
    stubs: tuple[StubConfig, ...] = ()
    #: ``lint`` codes silenced per file: {"glob": ("PXD001", ...)}
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def walk_rules(self) -> WalkRules:
        """How a walk of this project skips folders.

        Never skipped: a folder named in ``paths``, and the folders holding a
        configured stub file or the module of a ``[tool.proxydoc.proxies]`` key
        (below the project root or an import path).
        """
        keep = [Path(os.path.realpath(self.root / stub.file)) for stub in self.stubs]
        keep.extend(Path(os.path.realpath(self.root / path)) for path in self.paths)
        for key in self.proxies:
            parts = key.partition(":")[0].split(".")
            for base in (self.root, *self.import_roots):
                keep.append(Path(os.path.realpath(base)).joinpath(*parts))
        if self.exclude is None:
            return WalkRules(self.root, DEFAULT_EXCLUDE, True, tuple(keep))
        return WalkRules(self.root, self.exclude, False, tuple(keep))

    @property
    def display_source(self) -> str:
        """The ``pyproject.toml`` read, as messages name it."""
        return "pyproject.toml" if self.source is None else _display(self.source)

    @property
    def import_roots(self) -> tuple[Path, ...]:
        """The ``import_paths`` folders, relative to the ``pyproject.toml``."""
        return tuple(self.root / p for p in self.import_paths)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above *start* with a proxydoc table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "proxydoc" in _tool_table(candidate):
            return candidate
    return None


def load_config(path: Path | None) -> Config:
    """The settings read from *path*, or the defaults when it is ``None``."""
    if path is None:
        conf = _conf_prefixes(Path.cwd(), {}, "(no [tool.proxydoc])")
        return Config(
            module_prefixes=conf.prefixes or {},
            sphinx_conf=conf.path,
            notes=conf.notes,
        )
    table = _tool_table(path).get("proxydoc", {})
    where = f"{path}: [tool.proxydoc]"
    _require(isinstance(table, dict), where, "must be a table")
    unknown = sorted(set(table) - _TOP_KEYS)
    _require(not unknown, where, f"unknown keys {unknown}")
    conf = _conf_prefixes(path.parent, table, where)
    return Config(
        root=path.parent,
        source=path,
        paths=_strings(table, "paths", where) or (".",),
        exclude=_exclude(table, where),
        import_paths=_strings(table, "import_paths", where),
        formatter=_optional_str(table, "formatter", where),
        module_prefixes={
            **(conf.prefixes or {}),
            **_prefixes(table.get("module_prefixes", {}), where),
        },
        sphinx_conf=conf.path,
        notes=conf.notes,
        decorator=_optional_str(table, "decorator", where) or "create_proxy_methods",
        header=_header(table, where),
        line_length=_line_length(table.get("line_length", 88), where),
        proxies=_proxies(table.get("proxies", {}), where),
        stubs=_stubs(table.get("stubs", {}), where),
        per_file_ignores=_per_file_ignores(table.get("per_file_ignores", {}), where),
    )


def _per_file_ignores(value: object, where: str) -> dict[str, tuple[str, ...]]:
    rule = f"per_file_ignores must map path patterns to lists of {sorted(CODES)}"
    ok = isinstance(value, dict) and all(
        isinstance(codes, list) and all(code in CODES for code in codes)
        for codes in value.values()
    )
    _require(ok, where, rule)
    assert isinstance(value, dict)
    return {pattern: tuple(codes) for pattern, codes in value.items()}


def _conf_prefixes(root: Path, table: dict[str, Any], where: str) -> ConfPrefixes:
    """The prefixes of the Sphinx ``conf.py``: ``sphinx_conf``, else found.

    ``sphinx_conf = false`` reads none; a path that names no file is an error.
    """
    setting = table.get("sphinx_conf")
    ok = setting is None or setting is False or isinstance(setting, str)
    _require(ok, where, "sphinx_conf must be a path to conf.py, or false")
    if isinstance(setting, str):
        named = root / setting
        _require(named.is_file(), where, f"sphinx_conf: no such file: {setting!r}")
        return read_conf_prefixes(named, _display(named))
    found = None if setting is False else find_sphinx_conf(root)
    return (
        ConfPrefixes() if found is None else read_conf_prefixes(found, _display(found))
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _tool_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProxydocError(f"{path}: cannot read: {exc}") from exc
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _require(ok: bool, where: str, message: str) -> None:
    if not ok:
        raise ProxydocError(f"{where}: {message}")


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    _require(ok, where, f"{key} must be a list of strings")
    return tuple(value)


def _optional_str(table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    _require(value is None or isinstance(value, str), where, f"{key} must be a string")
    return value


def _header(table: dict[str, Any], where: str) -> str:
    header = _optional_str(table, "header", where)
    if header is None:
        return DEFAULT_HEADER
    lines = header.strip("\n").splitlines()
    _require(
        all(line.startswith("#") for line in lines),
        where,
        "header lines must be comments",
    )
    return "\n".join(lines)


def _line_length(value: object, where: str) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 20
    _require(ok, where, "line_length must be an integer above 20")
    assert isinstance(value, int)
    return value


def _prefixes(value: object, where: str) -> dict[str, str]:
    rule = (
        "module_prefixes must map tokens without dots to modules "
        "(non-empty strings, no leading '~')"
    )
    _require(isinstance(value, dict), where, rule)
    assert isinstance(value, dict)
    bad = invalid_prefix_entries(value)
    _require(not bad, where, f"{rule}; not valid: {', '.join(map(repr, bad))}")
    return dict(value)


def _proxies(value: object, where: str) -> dict[str, ProxyConfig]:
    _require(isinstance(value, dict), where, "proxies must be a table")
    assert isinstance(value, dict)
    return {key: _proxy(key, entry, f"{where}.proxies") for key, entry in value.items()}


def _proxy(key: str, entry: object, where: str) -> ProxyConfig:
    where = f'{where}."{key}"'
    _require(":" in key, where, "the key must be 'package.module:Class'")
    _require(isinstance(entry, dict), where, "must be a table")
    assert isinstance(entry, dict)
    unknown = sorted(set(entry) - _PROXY_KEYS)
    _require(not unknown, where, f"unknown keys {unknown}")
    target = entry.get("target")
    ok = isinstance(target, str) and ":" in target
    _require(ok, where, "target must be 'package.module:Class'")
    assert isinstance(target, str)
    lists = {name: _strings(entry, name, where) for name in _LIST_KEYS}
    check_member_lists(lists, lambda message: ProxydocError(f"{where}: {message}"))
    return ProxyConfig(
        facade=key,
        target=target,
        target_name=_optional_str(entry, "target_name", where),
        facade_name=_optional_str(entry, "facade_name", where),
        **lists,
    )


def _stubs(value: object, where: str) -> tuple[StubConfig, ...]:
    _require(isinstance(value, dict), where, "stubs must be a table")
    assert isinstance(value, dict)
    return tuple(_stub(key, entry, f"{where}.stubs") for key, entry in value.items())


def _stub(key: str, entry: object, where: str) -> StubConfig:
    where = f'{where}."{key}"'
    _require(isinstance(entry, dict), where, "must be a table")
    assert isinstance(entry, dict)
    unknown = sorted(set(entry) - _STUB_KEYS)
    _require(not unknown, where, f"unknown keys {unknown}")
    for required in ("file", "target"):
        value = entry.get(required)
        ok = isinstance(value, str) and bool(value.strip())
        _require(ok, where, f"{required} must be a non-empty string")
    target = entry["target"]
    _require(":" in target, where, "target must be 'package.module:Class'")
    for key_ in ("start", "end"):
        marker = entry.get(key_)
        ok = marker is None or (
            isinstance(marker, str)
            and marker.strip().startswith("#")
            and not any(c in marker.strip() for c in "\r\n")
        )
        _require(ok, where, f"{key_} must be one comment line, starting with '#'")
    ok = entry.get("start") is not None or entry.get("end") is None
    _require(ok, where, "end needs a start marker (without both: the whole file)")
    note = entry.get("note", True)
    _require(isinstance(note, bool), where, "note must be true or false")
    call = _optional_str(entry, "call", where)
    if call is not None:
        _require(
            _is_expression(call), where, f"call must be a Python expression: {call!r}"
        )
    lists = {name: _strings(entry, name, where) for name in _STUB_LIST_KEYS}
    for name, values in lists.items():
        twice = _repeated(values)
        _require(not twice, where, f"{name} lists {twice} more than once")
    bad = [alias for alias in lists["aliases"] if ":" not in alias]
    _require(not bad, where, f"aliases must be 'package.module:name': {bad}")
    annotations = entry.get("annotations", "as-written")
    ok = annotations in ("as-written", "evaluated")
    _require(ok, where, "annotations must be 'as-written' or 'evaluated'")
    end = _optional_str(entry, "end", where)
    return StubConfig(
        name=key,
        file=entry["file"],
        target=target,
        start=(entry.get("start") or "").strip() or None,
        end=None if end is None else end.strip(),
        call=call,
        note=note,
        annotations=annotations,
        target_name=_optional_str(entry, "target_name", where),
        facade_name=_optional_str(entry, "facade_name", where),
        **lists,
    )


def check_member_lists(
    lists: dict[str, tuple[str, ...]], fail: Callable[[str], ProxydocError]
) -> None:
    """Refuse, with *fail*'s error, a facade's member lists that write a member
    twice, or a ``use_intermediate_variable`` entry that names no method."""
    seen: dict[str, str] = {}
    for key in MEMBER_LISTS:
        for name in lists.get(key, ()):
            if name in seen:
                both = (
                    f"{key} twice" if seen[name] == key else f"{seen[name]} and {key}"
                )
                raise fail(f"member {name!r} is listed twice ({both}); list it once")
            seen[name] = key
    calls = {n for n in seen if seen[n] != "attributes"}
    for name in lists.get("use_intermediate_variable", ()):
        if name not in calls:
            raise fail(
                f"use_intermediate_variable names {name!r}, which is not in "
                "methods or classmethods"
            )


def _repeated(values: tuple[str, ...]) -> str:
    """The first value listed twice in *values*, quoted, or ""."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return repr(value)
        seen.add(value)
    return ""


def _exclude(table: dict[str, Any], where: str) -> tuple[str, ...] | None:
    if "exclude" not in table:
        return None
    patterns = _strings(table, "exclude", where)
    bad = [p for p in patterns if not p.strip("/") or p.startswith(("/", "../"))]
    _require(
        not bad, where, f"exclude patterns must be relative to the project root: {bad}"
    )
    return patterns


def _is_expression(text: str) -> bool:
    try:
        ast.parse(text, mode="eval")
    except SyntaxError:
        return False
    return "\n" not in text
