extensions = ["proxydoc"]
proxydoc_module_prefixes = {"_w": "pd_weird"}
