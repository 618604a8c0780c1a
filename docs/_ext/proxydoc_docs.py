"""Directives that generate parts of proxydoc's reference from its own code.

* ``.. proxydoc-config::`` -- one entry per ``proxydoc_*`` config value the
  extension registers (name, type, default, description), followed by the
  example from :data:`EXAMPLES`; a value without an example is a warning, so
  a new option cannot ship undocumented (the docs build with ``-W``).
  ``.. proxydoc-config:: legacy`` -- the same for the values of the tools
  proxydoc replaces, which it registers and reads too, described by
  :data:`LEGACY_DESCRIPTIONS`.
* :func:`markdown_table` -- the README's table of the same values, with the
  same type and default texts (``docs/_tools/config_table.py`` writes it).
* ``.. proxydoc-cli::`` -- the command line reference, read from the argparse
  parser that ``proxydoc.cli.build_parser()`` returns.
"""

from __future__ import annotations

import argparse
import importlib
import re
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

logger = logging.getLogger(__name__)

#: A ``conf.py`` example for each config value, keyed by its name.
EXAMPLES: dict[str, str] = {
    "proxydoc_module_prefixes": (
        'proxydoc_module_prefixes = {"_orm": "sqlalchemy.orm", '
        '"_engine": "sqlalchemy.engine"}'
    ),
    "proxydoc_param_link_style": 'proxydoc_param_link_style = "both"',
    "proxydoc_signature_links": "proxydoc_signature_links = False  # plain signatures",
    "proxydoc_param_backlinks": (
        "proxydoc_param_backlinks = True  # 'Referenced by' under each parameter"
    ),
    "proxydoc_check_undocumented": (
        'proxydoc_check_undocumented = "all"  # *args and **kwargs too'
    ),
    "proxydoc_param_tooltip": (
        "proxydoc_param_tooltip = True  # synopsis in a tooltip on hover and focus"
    ),
    "proxydoc_param_index": (
        "proxydoc_param_index = False  # no general-index entry per parameter"
    ),
    "proxydoc_param_search": (
        "proxydoc_param_search = False  # parameters not in the search index"
    ),
    "proxydoc_proxies": (
        "proxydoc_proxies = {\n"
        '    "mylib.ScopedClient": {"target": "mylib.Client", '
        '"members": ["get", "close"]},\n'
        "}"
    ),
}


#: What each value of a replaced tool means to proxydoc (they have no description).
LEGACY_DESCRIPTIONS: dict[str, str] = {
    "zzzeeksphinx_module_prefixes": (
        "zzzeeksphinx's name for :confval:`proxydoc_module_prefixes`, read too, "
        "for projects migrating from zzzeeksphinx.  When both are set they are "
        "merged, and the proxydoc entry wins for a prefix named in both."
    ),
    "paramlinks_hyperlink_param": (
        "sphinx-paramlinks' link style, read when "
        ":confval:`proxydoc_param_link_style` is left at its default: "
        '``"link_symbol"`` means ``"symbol"``, ``"name"`` means ``"name"``, '
        '``"name_and_symbol"`` means ``"both"`` and ``"none"`` means ``"none"``.  '
        "Another value is a ``proxydoc.config`` warning."
    ),
}


def legacy_names() -> tuple[str, ...]:
    """The values of replaced tools that proxydoc registers when they are unset."""
    from proxydoc._config import FOREIGN_OPTIONS

    return tuple(option.name for option in FOREIGN_OPTIONS)


@dataclass(frozen=True)
class ConfigEntry:
    """One config value as the Sphinx application registered it."""

    name: str
    default: Any
    rebuild: str
    types: Any
    description: str


def registered_options(config: Any, *, legacy: bool = False) -> list[ConfigEntry]:
    """Every ``proxydoc_*`` config value registered with the application.

    With *legacy*, the values of the replaced tools instead (registered by
    proxydoc when the configuration is read), described by
    :data:`LEGACY_DESCRIPTIONS`.
    """
    options = getattr(config, "_options", None) or config.values
    names = legacy_names()
    return [
        ConfigEntry(
            name,
            opt.default,
            str(opt.rebuild),
            opt.valid_types,
            LEGACY_DESCRIPTIONS.get(name, "") if legacy else opt.description,
        )
        for name, opt in sorted(options.items())
        if (name in names if legacy else name.startswith("proxydoc_"))
    ]


def type_names(types: Any) -> list[str]:
    """The names of the types a config value accepts, as code; [] for any."""
    candidates = getattr(types, "candidates", None)
    if candidates is not None:  # sphinx.config.ENUM
        return [repr(c) for c in candidates]
    names = sorted(getattr(t, "__name__", str(t)) for t in types or ())
    return ["None" if n == "NoneType" else n for n in names]


def type_text(types: Any, code: str) -> str:
    """``bool or str``, each name between *code* marks (````` or `````)."""
    names = type_names(types)
    if not names:
        return "any"
    joined = " or ".join(f"{code}{n}{code}" for n in names)
    return ("one of " + joined) if getattr(types, "candidates", None) else joined


def _type_names(types: Any) -> str:
    return type_text(types, "``")


def config_rst(option: ConfigEntry, *, legacy: bool = False) -> list[str]:
    """reST for one config value: Sphinx's ``confval`` with its example."""
    lines = [
        f".. confval:: {option.name}",
        f"   :type: {_type_names(option.types)}",
        f"   :default: ``{option.default!r}``",
        "",
        f"   {option.description or 'Not described.'}",
        "",
        f"   Changing it rebuilds: ``{option.rebuild or 'nothing'}``.",
        "",
    ]
    if legacy:
        if not option.description:
            logger.warning(
                "config value %s has no entry in LEGACY_DESCRIPTIONS in "
                "docs/_ext/proxydoc_docs.py",
                option.name,
                type="proxydoc-docs",
            )
        return lines
    example = EXAMPLES.get(option.name)
    if example is None:
        logger.warning(
            "config value %s has no example in docs/_ext/proxydoc_docs.py",
            option.name,
            type="proxydoc-docs",
        )
    else:
        lines += ["   Example::", ""]
        lines += [f"      {line}" for line in example.splitlines()]
        lines.append("")
    return lines


#: A reST role as Markdown code: ``:confval:`x``` -> ```x```.
_ROLE = re.compile(r":[\w:-]+:`([^`]+)`")


def markdown_text(rst: str) -> str:
    """One-paragraph reST (code, roles) as Markdown for a table cell."""
    text = _ROLE.sub(r"``\1``", " ".join(rst.split()))
    return text.replace("``", "`").replace("|", "\\|")


def markdown_table(config: Any) -> str:
    """The README's table: every value proxydoc registers, then the legacy ones."""
    rows = ["| name | type | default | meaning |", "| --- | --- | --- | --- |"]
    for legacy in (False, True):
        for option in registered_options(config, legacy=legacy):
            cells = [
                f"`{option.name}`",
                type_text(option.types, "`"),
                f"`{option.default!r}`",
                markdown_text(option.description or "Not described."),
            ]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


class ConfigReference(SphinxDirective):
    """``.. proxydoc-config::`` -- every config value proxydoc registers.

    With the argument ``legacy``: the values of the tools proxydoc replaces.
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        legacy = bool(self.arguments) and self.arguments[0] == "legacy"
        if self.arguments and not legacy:
            raise self.error(f"unknown argument {self.arguments[0]!r} (or 'legacy')")
        lines: list[str] = []
        for option in registered_options(self.config, legacy=legacy):
            lines += config_rst(option, legacy=legacy)
        return self.parse_lines(lines)

    def parse_lines(self, lines: list[str]) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        source = StringList(lines, source=self.get_source_info()[0])
        nested_parse_with_titles(self.state, source, container)
        return list(container.children)


# -- the command line ------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help_of(parser: argparse.ArgumentParser, name: str) -> str:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name:
                    return choice.help or ""
    return ""


OPTION_WORD = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
RST_SPECIAL = re.compile(r"([\\*`|_])")


def rst_text(text: str) -> str:
    """Plain help text as reST: specials escaped, option names as code."""
    return OPTION_WORD.sub(r"``\1``", RST_SPECIAL.sub(r"\\\1", text))


def _usage(parser: argparse.ArgumentParser) -> str:
    """The usage line, wrapped at 80 columns whatever the terminal is."""
    formatter = argparse.HelpFormatter(parser.prog, width=80)
    formatter.add_usage(
        parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix=""
    )
    return formatter.format_help().strip()


def _action_rst(action: argparse.Action) -> list[str]:
    if action.help == argparse.SUPPRESS or isinstance(
        action, argparse._SubParsersAction
    ):
        return []
    if action.option_strings:
        metavar = action.metavar or (action.dest.upper() if action.nargs != 0 else "")
        head = ", ".join(
            f"{opt} {metavar}".strip() if metavar else opt
            for opt in action.option_strings
        )
    else:
        head = str(action.metavar or action.dest)
    body = rst_text((action.help or "").replace("%(default)s", str(action.default)))
    lines = [f".. option:: {head}", "", f"   {body}" if body else "   \\ ", ""]
    if action.choices and not isinstance(action.choices, dict):
        choices = ", ".join(f"``{c}``" for c in action.choices)
        lines += [f"   Choices: {choices}.", ""]
    if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
        lines += [f"   Default: ``{action.default}``.", ""]
    return lines


def parser_rst(parser: argparse.ArgumentParser, underline: str) -> list[str]:
    """reST for one parser: usage, description, options, then its subcommands."""
    usage = [f"   {line}" for line in _usage(parser).splitlines()]
    lines = [".. code-block:: text", "", *usage, ""]
    if parser.description:
        lines += [rst_text(parser.description), ""]
    lines += [f".. program:: {parser.prog}", ""]
    for action in parser._actions:
        lines += _action_rst(action)
    for name, sub in _subcommands(parser).items():
        title = f"``{sub.prog}``"
        lines += [title, underline * len(title), ""]
        summary = _help_of(parser, name)
        if summary and summary != sub.description:
            lines += [rst_text(summary) + ".", ""]
        lines += parser_rst(sub, "^")
    return lines


def find_build_parser() -> Any:
    """``proxydoc.cli.build_parser``, or None in a version without subcommands."""
    return getattr(importlib.import_module("proxydoc.cli"), "build_parser", None)


class CliReference(ConfigReference):
    """``.. proxydoc-cli::`` -- the ``proxydoc`` command, from its argparse parser."""

    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        build_parser = find_build_parser()
        if build_parser is None:
            lines = [
                "This version of proxydoc has no subcommands yet:",
                "``proxydoc --version`` prints its version.",
            ]
        else:
            lines = parser_rst(build_parser(), "-")
        return self.parse_lines(lines)


def setup(app: Any) -> dict[str, Any]:
    """Register the two directives (``confval`` is Sphinx's own, since 7.4)."""
    app.add_directive("proxydoc-config", ConfigReference)
    app.add_directive("proxydoc-cli", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
