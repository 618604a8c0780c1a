"""proxydoc's configuration values, registered and validated in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from proxydoc._warnings import warn
from proxydoc.core.prefixes import invalid_prefix_entries

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

LINK_STYLES = ("symbol", "name", "both", "none")

#: ``paramlinks_hyperlink_param`` values of sphinx-paramlinks, mapped to ours.
LEGACY_LINK_STYLES = {
    "link_symbol": "symbol",
    "name": "name",
    "name_and_symbol": "both",
    "none": "none",
}


@dataclass(frozen=True)
class Settings:
    """The effective settings of one build, derived from the config."""

    module_prefixes: dict[str, str] = field(default_factory=dict)
    param_link_style: str = "symbol"
    signature_links: bool = True
    param_backlinks: bool = False
    param_tooltip: bool = False
    #: False, True (named parameters) or "all" (``*args`` and ``**kwargs`` too)
    check_undocumented: bool | str = False
    #: One general-index entry per documented parameter.
    param_index: bool = True
    #: Parameters as objects of the search index (``objects.inv`` has them anyway).
    param_search: bool = True


@dataclass(frozen=True)
class _Option:
    name: str
    default: Any
    rebuild: Literal["env", "html"]
    types: tuple[type, ...]
    description: str


OPTIONS = (
    _Option(
        "proxydoc_module_prefixes",
        {},
        "env",
        (dict,),
        "Map of a leading target token (``_orm``) to a module (``sqlalchemy.orm``).",
    ),
    _Option(
        "proxydoc_param_link_style",
        "symbol",
        "env",
        (str,),
        "How a parameter links to itself: symbol, name, both or none.",
    ),
    _Option(
        "proxydoc_signature_links",
        True,
        "env",
        (bool,),
        "Link each documented parameter's name in a signature to its description.",
    ),
    _Option(
        "proxydoc_param_backlinks",
        False,
        "env",
        (bool,),
        "Under each parameter's description, list the places that link to it "
        'with ``:paramref:`` ("Referenced by").',
    ),
    _Option(
        "proxydoc_param_tooltip",
        False,
        "html",
        (bool,),
        "Show a parameter link's synopsis in a tooltip in the page while it is "
        "pointed at or has keyboard focus (HTML; no script).",
    ),
    _Option(
        "proxydoc_check_undocumented",
        False,
        "env",
        (bool, str),
        "Warn for signature parameters without a description: ``True`` for named "
        'parameters (not ``self``, ``cls`` or private names), ``"all"`` for '
        "``*args`` and ``**kwargs`` too.",
    ),
    _Option(
        "proxydoc_param_index",
        True,
        "env",
        (bool,),
        "Give each documented parameter an entry in the general index "
        '("timeout (Engine.connect parameter)").',
    ),
    _Option(
        "proxydoc_param_search",
        True,
        "html",
        (bool,),
        "List parameters as objects in the search index; ``objects.inv`` "
        "(intersphinx) lists them either way.",
    ),
)

#: Options of the tools proxydoc replaces, read when a migrating project sets them.
FOREIGN_OPTIONS = (
    _Option("zzzeeksphinx_module_prefixes", {}, "env", (dict,), "zzzeeksphinx"),
    _Option(
        "paramlinks_hyperlink_param", None, "html", (str, type(None)), "paramlinks"
    ),
)


def settings(config: Config) -> Settings:
    """The effective, validated settings for *config*."""
    prefixes = dict(getattr(config, "zzzeeksphinx_module_prefixes", None) or {})
    prefixes.update(config.proxydoc_module_prefixes)
    style = config.proxydoc_param_link_style
    legacy = getattr(config, "paramlinks_hyperlink_param", None)
    if style == "symbol" and isinstance(legacy, str):
        style = LEGACY_LINK_STYLES.get(legacy.lower(), style)
    undocumented = config.proxydoc_check_undocumented
    if undocumented not in (True, False, "all"):
        undocumented = False  # warned once by _validate
    return Settings(
        module_prefixes=prefixes,
        param_link_style=style,
        signature_links=bool(config.proxydoc_signature_links),
        param_backlinks=bool(config.proxydoc_param_backlinks),
        param_tooltip=bool(config.proxydoc_param_tooltip),
        check_undocumented=undocumented,
        param_index=bool(config.proxydoc_param_index),
        param_search=bool(config.proxydoc_param_search),
    )


def _validate(app: Sphinx, config: Config) -> None:
    for option in FOREIGN_OPTIONS:
        if option.name not in config:
            app.add_config_value(
                option.name, option.default, option.rebuild, option.types
            )
    _validate_prefixes(config)
    _validate_link_style(config)
    _validate_undocumented(config)


def _validate_prefixes(config: Config) -> None:
    for name in ("proxydoc_module_prefixes", "zzzeeksphinx_module_prefixes"):
        value = getattr(config, name)
        if not isinstance(value, dict):
            warn(f"{name} must be a dict of str to str; ignored", "config")
            setattr(config, name, {})
            continue
        bad = invalid_prefix_entries(value)
        if bad:
            listed = ", ".join(sorted(map(repr, bad)))
            warn(
                f"{name}: ignoring entries that are not 'token': 'module' "
                f"strings without dots in the token: {listed}",
                "config",
            )
            setattr(config, name, {k: v for k, v in value.items() if k not in bad})


def _validate_link_style(config: Config) -> None:
    style = config.proxydoc_param_link_style
    if style not in LINK_STYLES:
        warn(
            f"proxydoc_param_link_style must be one of {', '.join(LINK_STYLES)}; "
            f"got {style!r}, using 'symbol'",
            "config",
        )
        config.proxydoc_param_link_style = "symbol"
    legacy = getattr(config, "paramlinks_hyperlink_param", None)
    if isinstance(legacy, str) and legacy.lower() not in LEGACY_LINK_STYLES:
        warn(
            f"paramlinks_hyperlink_param {legacy!r} is not one of "
            f"{', '.join(LEGACY_LINK_STYLES)}; ignored",
            "config",
        )


def _validate_undocumented(config: Config) -> None:
    value = config.proxydoc_check_undocumented
    if value not in (True, False, "all"):
        warn(
            "proxydoc_check_undocumented must be True, False or 'all'; "
            f"got {value!r}, using False",
            "config",
        )
        config.proxydoc_check_undocumented = False


def setup_config(app: Sphinx) -> None:
    """Register proxydoc's config values and validate them once."""
    for option in OPTIONS:
        app.add_config_value(
            option.name,
            option.default,
            option.rebuild,
            option.types,
            description=option.description,
        )
    app.connect("config-inited", _validate, priority=100)
