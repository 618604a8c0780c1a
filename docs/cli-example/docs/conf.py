project = "shop"
extensions = ["sphinx.ext.autodoc", "proxydoc"]

# One prefix table for the docs build and for `proxydoc lint`
proxydoc_module_prefixes = {"_cart": "shop.cart"}
