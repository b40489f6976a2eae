"""Alembic environment: runs on the connection handed over by :mod:`db.migrate`."""

from __future__ import annotations

import warnings
from typing import Any

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    # Full-text search tables (SQLite FTS5 and its shadow tables) are managed by hand in the
    # migrations (db/migrations/fts.py), not described by the models.
    if name is None:
        return True
    if type_ == "table" and name.startswith("fts_"):
        return False
    # PostgreSQL's GIN expression indexes (ix_<table>_search) are likewise hand-made, and so
    # are its partial list-order indexes (ix_<table>_<column>_live_order, migration 0012) and
    # SQLite's name-start index of contacts (ix_contact_head_search, migration 0014).
    return not (type_ == "index" and name.startswith("ix_") and name.endswith(("_search", "_live_order")))


# SQLAlchemy cannot reflect SQLite's expression index ix_contact_head_search and says so each
# time the contact table is compared; it is hand-made and left out above anyway.
warnings.filterwarnings(
    "ignore", message="Skipped unsupported reflection of expression-based index ix_contact_head_search"
)


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=True,
        include_name=include_name,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {},
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
