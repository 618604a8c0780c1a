"""``python -m proxydoc.cli``: the same as the ``proxydoc`` command."""

from proxydoc.cli import main

raise SystemExit(main())
