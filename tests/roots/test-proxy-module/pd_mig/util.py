"""Module facades filled from a class, as Alembic's ``ModuleClsProxy`` fills them."""

from __future__ import annotations

import textwrap
from typing import Any


class ModuleClsProxy:
    """Makes a module-level function for each public method of the class."""

    @classmethod
    def create_module_class_proxy(
        cls, globals_: dict[str, Any], locals_: dict[str, Any]
    ) -> None:
        """Fill a module with functions that call the installed proxy's methods."""
        for name in dir(cls):
            if not name.startswith("_") and callable(getattr(cls, name)):
                locals_[name] = cls._create_method_proxy(name, globals_)

    @classmethod
    def _create_method_proxy(cls, name: str, globals_: dict[str, Any]) -> Any:
        text = textwrap.dedent(
            f"""\
            def {name}(*args, **kw):
                {getattr(cls, name).__doc__!r}
                return _proxy.{name}(*args, **kw)
            """
        )
        made: dict[str, Any] = {}
        exec(text, globals_, made)
        return made[name]

    def install(self, globals_: dict[str, Any]) -> None:
        """Make this instance the one the module's functions call."""
        globals_["_proxy"] = self
