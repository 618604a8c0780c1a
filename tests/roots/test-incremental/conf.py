extensions = ["proxydoc"]
