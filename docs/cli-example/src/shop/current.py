"""The cart of this process, as module-level functions."""

from __future__ import annotations

from shop.cart import Cart

_cart = Cart()

# START CART FUNCTIONS
# END CART FUNCTIONS
