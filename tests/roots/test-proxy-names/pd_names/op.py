"""Functions made at import time from :class:`pd_names.Target`'s methods."""

from pd_names._base import Target


def _proxy(name):
    method = getattr(Target, name)

    def proxy(*args, **kw):
        return getattr(Target(), name)(*args, **kw)

    proxy.__name__ = proxy.__qualname__ = name
    proxy.__doc__ = method.__doc__
    return proxy


for _name in ("add", "ping", "register", "remove"):
    globals()[_name] = _proxy(_name)
