"""Storage: SQLModel tables, the engine and session factory, Alembic migrations, queries.

Nothing here imports ``app`` or ``ui``.
"""
