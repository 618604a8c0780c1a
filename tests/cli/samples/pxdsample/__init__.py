"""Sample target classes for the ``proxydoc`` command tests."""
