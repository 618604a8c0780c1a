"""Classes defined in ``pd_names._base``, documented as ``pd_names.X``."""

from pd_names._base import Engine, Facade, Hidden, Session, Target

__all__ = ["Engine", "Facade", "Hidden", "Session", "Target"]
