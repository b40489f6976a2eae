"""letters and working days (issue 15: the letter register, its number counters, the office calendar)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 15:40:00

``letter``: official letters sent and received (number and symbol, trích yếu, addressee,
signer, status, reply deadline, the action or meeting it belongs to). ``letter_counter``: one
row per year and office symbol holding the last number given, updated under the write lock in
the unit of work that signs a letter, so numbers are never given twice nor skipped.
``office_day``: the office's own days off and make-up working days, on top of Vietnam's public
holidays (which come from the ``holidays`` package, not from the database). The letters'
folded ``search_text`` gets the same full-text index as the other records (``fts_letter``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models
from db.migrations.fts import create_search_indexes, drop_search_indexes

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXED = (
    "action_id",
    "contact_id",
    "deleted_at",
    "direction",
    "import_batch_id",
    "letter_date",
    "meeting_id",
    "organisation_id",
    "owner_id",
    "reference",
    "reply_to_id",
    "status",
)


def upgrade() -> None:
    op.create_table(
        "letter_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("symbol", sa.String(length=60), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", "symbol"),
    )
    op.create_table(
        "office_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", db.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("symbol", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=True),
        sa.Column("template", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("subject_en", sa.Text(), server_default="", nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("addressee", sa.Text(), server_default="", nullable=False),
        sa.Column("signer_title", sa.Text(), server_default="", nullable=False),
        sa.Column("signer_name", sa.Text(), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("recipients_copy", sa.Text(), server_default="", nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("reply_to_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reply_due", sa.Date(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["action.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["owner_id"], ["staff.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["reply_to_id"], ["letter.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in _INDEXED:
        op.create_index(f"ix_letter_{column}", "letter", [column], unique=False)
    op.create_index("ix_letter_open_reply", "letter", ["deleted_at", "status", "reply_due"], unique=False)
    op.create_index("uq_letter_number", "letter", ["direction", "year", "symbol", "number"], unique=True)
    create_search_indexes(op.get_bind(), ("letter",))  # the trash and search find letters by words


def downgrade() -> None:
    drop_search_indexes(op.get_bind(), ("letter",))
    op.drop_index("uq_letter_number", table_name="letter")
    op.drop_index("ix_letter_open_reply", table_name="letter")
    for column in _INDEXED:
        op.drop_index(f"ix_letter_{column}", table_name="letter")
    op.drop_table("letter")
    op.drop_table("office_day")
    op.drop_table("letter_counter")
