"""The package's stylesheets: one static folder, each sheet added for HTML builders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Sphinx, config: Config) -> None:
    # At config-inited, not builder-inited: the environment compares the config
    # before the builder exists, so a path added later reads as a config change.
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def setup_static(app: Sphinx) -> None:
    """Put the package's ``static`` folder on the HTML static path."""
    app.connect("config-inited", _add_static_path)


def add_stylesheet(app: Sphinx, filename: str) -> None:
    """Link *filename* (in ``static``) from every page of HTML-format builders."""

    def add_css(app: Sphinx) -> None:
        if app.builder.format == "html":
            app.add_css_file(filename)

    app.connect("builder-inited", add_css)
