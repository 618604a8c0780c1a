"""Functions made at import time from :class:`.EnvironmentContext`."""

from pd_mig.environment import EnvironmentContext

EnvironmentContext.create_module_class_proxy(globals(), locals())


def is_offline_mode() -> bool:  # written by hand: its docstring is a stale copy
    """Is the migration offline?"""
    return False
