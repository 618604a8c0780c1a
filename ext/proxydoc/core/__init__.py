"""Text rules shared by the Sphinx extension and the ``proxydoc`` command.

Nothing here imports Sphinx or docutils: ``proxydoc lint`` and ``proxydoc
generate`` load only this package and the standard library.
"""
