"""reorganisations and posts (issue 15: organisation succession and posts with holders)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 15:40:00

``org_succession``: an organisation merged into, renamed to or split into others from a date
(one row per successor; the predecessor keeps its history). ``post`` and ``post_holder``: a
post in an organisation with a precedence rank, and who held it from when to when by which
appointment decision. ``letter.post_id``: a letter addressed to a post (its current holder);
no foreign key, as SQLite adds one only by rebuilding the table.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "org_succession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("group_id", sa.String(length=40), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["predecessor_id"], ["organisation.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["successor_id"], ["organisation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_org_succession_predecessor_id", "org_succession", ["predecessor_id"])
    op.create_index("ix_org_succession_successor_id", "org_succession", ["successor_id"])
    op.create_index("ix_org_succession_group_id", "org_succession", ["group_id"])
    op.create_index("ux_org_succession", "org_succession", ["predecessor_id", "successor_id"], unique=True)
    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.Text(), server_default="", nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", db.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_post_organisation_id", "post", ["organisation_id"])
    op.create_table(
        "post_holder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("decision", sa.String(length=100), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_post_holder_post_id", "post_holder", ["post_id"])
    op.create_index("ix_post_holder_contact_id", "post_holder", ["contact_id"])
    op.add_column("letter", sa.Column("post_id", sa.Integer(), nullable=True))
    op.create_index("ix_letter_post_id", "letter", ["post_id"])


def downgrade() -> None:
    op.drop_index("ix_letter_post_id", table_name="letter")
    op.drop_column("letter", "post_id")  # SQLite 3.35+ drops a column in place
    op.drop_index("ix_post_holder_contact_id", table_name="post_holder")
    op.drop_index("ix_post_holder_post_id", table_name="post_holder")
    op.drop_table("post_holder")
    op.drop_index("ix_post_organisation_id", table_name="post")
    op.drop_table("post")
    op.drop_index("ux_org_succession", table_name="org_succession")
    op.drop_index("ix_org_succession_group_id", table_name="org_succession")
    op.drop_index("ix_org_succession_successor_id", table_name="org_succession")
    op.drop_index("ix_org_succession_predecessor_id", table_name="org_succession")
    op.drop_table("org_succession")
