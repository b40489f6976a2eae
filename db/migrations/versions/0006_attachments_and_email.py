"""attachments and email (issue 14: files attached to records; e-mails logged as interactions)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 15:40:00

``attachment_blob``: a file's bytes once, under their SHA-256, with the text read from a PDF or
.docx (capped). ``attachment``: a file attached to one record of any kind (``owner_kind``,
``owner_id``), soft-deleted like a record so that the trash and undo bring it back; its folded
file name and text have a full-text index like the records' (FTS5 on SQLite, GIN on
PostgreSQL). ``email_message``: the message behind a meeting of kind "email", unique by the
SHA-256 of its Message-ID, so the same message logged twice is recognised.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models
from db.migrations.fts import create_search_indexes, drop_search_indexes

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", db.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("owner_kind", sa.String(length=40), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["sha256"], ["attachment_blob.sha256"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_attachment_deleted_at", "attachment", ["deleted_at"], unique=False)
    op.create_index("ix_attachment_import_batch_id", "attachment", ["import_batch_id"], unique=False)
    op.create_index("ix_attachment_sha256", "attachment", ["sha256"], unique=False)
    op.create_index(
        "ix_attachment_owner", "attachment", ["owner_kind", "owner_id", "deleted_at"], unique=False
    )
    op.create_table(
        "email_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("message_key", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.Text(), server_default="", nullable=False),
        sa.Column("sender", sa.Text(), server_default="", nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("file_name", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id"),
        sa.UniqueConstraint("message_key"),
    )
    create_search_indexes(op.get_bind(), ("attachment",))


def downgrade() -> None:
    drop_search_indexes(op.get_bind(), ("attachment",))
    op.drop_table("email_message")
    op.drop_index("ix_attachment_owner", table_name="attachment")
    op.drop_index("ix_attachment_sha256", table_name="attachment")
    op.drop_index("ix_attachment_import_batch_id", table_name="attachment")
    op.drop_index("ix_attachment_deleted_at", table_name="attachment")
    op.drop_table("attachment")
    op.drop_table("attachment_blob")
