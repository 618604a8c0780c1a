"""The class the facade proxies: its signatures and docstrings are copied."""

from __future__ import annotations


class Cart:
    """A shopping cart."""

    #: The currency of the prices.
    currency: str = "EUR"

    def __init__(self) -> None:
        self.items: dict[str, int] = {}

    def add(self, sku: str, quantity: int = 1) -> int:
        """Put *quantity* of the article *sku* in the cart.

        :param sku: the article number.
        :param quantity: how many; :paramref:`_cart.Cart.total.prices` must
           have a price for *sku*.
        :return: how many of *sku* the cart holds now.
        """
        self.items[sku] = self.items.get(sku, 0) + quantity
        return self.items[sku]

    def total(self, prices: dict[str, float], *, discount: float = 0.0) -> float:
        """The price of the cart.

        :param prices: the price of each article number.
        :param discount: a fraction taken off the sum.
        """
        amount = sum(prices[sku] * count for sku, count in self.items.items())
        return round(amount * (1 - discount), 2)

    @classmethod
    def empty(cls) -> Cart:
        """A new cart, with nothing in it."""
        return cls()
