"""sort keys compare bytes on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite compares bytes already; only PostgreSQL needs the "C" collation.
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("organisation", "contact"):
        op.alter_column(
            table, "sort_key", type_=sa.String(600, collation="C"), existing_type=sa.String(600),
            existing_nullable=False,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("organisation", "contact"):
        op.alter_column(
            table, "sort_key", type_=sa.String(600), existing_type=sa.String(600, collation="C"),
            existing_nullable=False,
        )
