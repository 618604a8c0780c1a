"""Functions made at import time from :class:`pd_mig.operations.Operations`."""

from pd_mig.operations import Operations

Operations.create_module_class_proxy(globals(), locals())
