"""calendar and vcard (issue 14: calendar invitations and this database's own id)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 15:40:00

``meeting_calendar``: a meeting that came from an ``.ics`` invitation, with the invitation's UID
(unique: importing the same invitation again finds the meeting and updates it), the organiser
as written and the invitation's SEQUENCE. The ``setting`` row ``database.uuid`` gives this
database an id of its own that exported calendar events carry in their UIDs
(``meeting-<id>@<uuid>.ketnoi``): a calendar that imports the file again updates its events
instead of adding them twice, wherever the database file has been moved. vCards need no table.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "database.uuid"


def upgrade() -> None:
    op.create_table(
        "meeting_calendar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("ical_uid", sa.String(length=255), nullable=False),
        sa.Column("organizer", sa.Text(), server_default="", nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ical_uid"),
        sa.UniqueConstraint("meeting_id"),
    )
    setting = sa.table("setting", sa.column("key", sa.String()), sa.column("value", sa.JSON()))
    bind = op.get_bind()
    if bind.execute(sa.select(setting.c.key).where(setting.c.key == KEY)).first() is None:
        op.execute(setting.insert().values(key=KEY, value=str(uuid.uuid4())))


def downgrade() -> None:
    op.drop_table("meeting_calendar")
    setting = sa.table("setting", sa.column("key", sa.String()))
    op.execute(setting.delete().where(setting.c.key == KEY))
