"""team mode: logins, confidential records and shares (issue 13)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 15:40:00

Columns and one table, on SQLite and PostgreSQL alike:

- ``staff.login``: the PostgreSQL login of a person (unique; None on SQLite);
- ``confidential`` on organisation, contact, meeting and action, and ``action.owner_id`` (who
  holds a confidential action; no foreign key, because SQLite adds one only by rebuilding the
  table, which drops its search triggers);
- ``change.login``: the database login that wrote a history row;
- ``record_share``: a confidential record shown to a named colleague.

The roles, grants, row-level security policies and triggers that make these mean something on
PostgreSQL are not here: ``ketnoi admin init`` (db/team.py) sets them up, as the database's
owner, with role names the administrator chooses. A database never set up that way works as
before (everyone sees everything).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONFIDENTIAL_TABLES = ("organisation", "contact", "meeting", "action")


def upgrade() -> None:
    op.add_column("staff", sa.Column("login", sa.String(length=63), nullable=True))
    op.create_index("ix_staff_login", "staff", ["login"], unique=True)
    for table in CONFIDENTIAL_TABLES:
        op.add_column(
            table, sa.Column("confidential", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.add_column("action", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.create_index("ix_action_owner_id", "action", ["owner_id"])
    op.add_column("change", sa.Column("login", sa.String(length=63), nullable=False, server_default=""))
    op.create_table(
        "record_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("shared_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["shared_by_id"], ["staff.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_record_share_staff_id", "record_share", ["staff_id"])
    op.create_index("ux_record_share", "record_share", ["kind", "record_id", "staff_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_record_share", table_name="record_share")
    op.drop_index("ix_record_share_staff_id", table_name="record_share")
    op.drop_table("record_share")
    op.drop_column("change", "login")
    op.drop_index("ix_action_owner_id", table_name="action")
    op.drop_column("action", "owner_id")
    for table in CONFIDENTIAL_TABLES:
        op.drop_column(table, "confidential")
    op.drop_index("ix_staff_login", table_name="staff")
    op.drop_column("staff", "login")
