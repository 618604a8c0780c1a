"""A migration tool shaped like Alembic: ``op`` and ``context`` are module facades."""
