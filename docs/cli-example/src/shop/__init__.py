"""A small shop: a cart, and a facade that proxies it."""
