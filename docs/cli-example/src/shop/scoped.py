"""The facade: one cart per request, behind an object with the same methods."""

from __future__ import annotations

from shop.cart import Cart


class ScopedCart:
    """Proxies :class:`shop.cart.Cart`: every call goes to the current cart."""

    def __init__(self, cart: Cart | None = None) -> None:
        self._proxied = cart if cart is not None else Cart()

    # START PROXY METHODS ScopedCart
    # END PROXY METHODS ScopedCart
