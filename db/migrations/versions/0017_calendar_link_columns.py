"""calendar links: what a link keeps and the step that made it, on the invitation's own row

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 16:00:00

An invitation (.ics) for a meeting logged by hand is linked to it (``app/invitation_links.py``):
its UID goes on the meeting (``meeting_calendar``) and the fields the officer wrote that its
updates leave alone (title, agenda) were remembered in a ``setting`` row
"calendar.linked.<meeting id>". That row outlived the link: an undo of the link left it (and the
UID), and it outlived the meeting: SQLite gives the highest id out again after the trash is
emptied, and a new meeting took over "keep the title" with the id.

Two columns on ``meeting_calendar``: ``kept`` (the fields kept, a JSON list; NULL for a meeting
the invitation made) and ``group_id`` (the history group of the step that made the row: its undo
removes a link, its redo puts it back). Each "calendar.linked.N" row is moved onto the row of
meeting N when that row still holds the UID it names, and deleted (also when it does not: the
meeting it was about is gone). Rows made before this revision have no group (""): the step that
linked them is not known for sure, and their undo leaves the link as it did.

On both databases in the migration's one transaction. Downgrading writes the setting rows back
from the column and drops the columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREFIX = "calendar.linked."
OFFICERS = ("title", "agenda")  # app.invitation_links.OFFICERS, written out (a migration stays as written)

SETTING = sa.table("setting", sa.column("key", sa.String()), sa.column("value", sa.JSON()))
CAL = sa.table(
    "meeting_calendar",
    sa.column("meeting_id", sa.Integer()),
    sa.column("ical_uid", sa.String()),
    sa.column("kept", sa.JSON()),
)


def _kept(value: Any) -> list[str]:
    kept = value.get("kept") if isinstance(value, dict) else None
    return [str(f) for f in kept if f in OFFICERS] if isinstance(kept, list) else []


def upgrade() -> None:
    bind = op.get_bind()
    # Columns added unless there (a file whose recorded version was set back by hand, as tests
    # and the upgrade benchmark make an "older" file, already has them: upgrading it again
    # must not fail on a duplicate column)
    have = {c["name"] for c in sa.inspect(bind).get_columns("meeting_calendar")}
    if "kept" not in have:
        op.add_column("meeting_calendar", sa.Column("kept", sa.JSON(), nullable=True))
    if "group_id" not in have:
        op.add_column(
            "meeting_calendar", sa.Column("group_id", sa.String(length=40), server_default="", nullable=False)
        )
    rows = bind.execute(sa.select(SETTING.c.key, SETTING.c.value).where(SETTING.c.key.like(PREFIX + "%"))).all()
    for key, value in rows:
        ident = str(key)[len(PREFIX) :]
        if not ident.isdigit():
            continue
        uid = value.get("uid") if isinstance(value, dict) else None
        where = CAL.c.meeting_id == int(ident)
        if uid:  # a row of another invitation on a meeting of the same id: not this link's
            where = sa.and_(where, CAL.c.ical_uid == str(uid))
        bind.execute(CAL.update().where(where).values(kept=_kept(value)))
    bind.execute(SETTING.delete().where(SETTING.c.key.like(PREFIX + "%")))


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(CAL.c.meeting_id, CAL.c.ical_uid, CAL.c.kept)).all()
    for meeting_id, uid, kept in rows:
        if not isinstance(kept, list):  # (NULL, or JSON null: a meeting the invitation made)
            continue
        bind.execute(
            SETTING.insert().values(key=f"{PREFIX}{meeting_id}", value={"kept": list(kept or []), "uid": uid})
        )
    with op.batch_alter_table("meeting_calendar") as batch:
        batch.drop_column("group_id")
        batch.drop_column("kept")
