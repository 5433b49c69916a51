"""Alembic migrations, shipped inside the package and run from code (see desktop.store.migrate)."""
