"""NumPy style docstrings, read by numpydoc."""


def resample(data, rate=2, *args, **kwargs):
    """Resample data.

    Parameters
    ----------
    data : list of float
        The samples.
    rate : int, optional
        The factor; see :paramref:`pd_numpydoc.Filter.order`.
    *args
        Passed on.
    **kwargs
        Passed on too.

    Returns
    -------
    list of float
        The new samples.
    """
    return data


class Filter:
    """A filter.

    Parameters
    ----------
    order : int
        The order.
    low, high : float
        The band.
    """

    def __init__(self, order, low=0.0, high=1.0):
        self.order = order

    def apply(self, signal):
        """Apply the filter.

        Parameters
        ----------
        signal : list of float
            The input, filtered at :paramref:`.Filter.order`.
        """
        return signal
