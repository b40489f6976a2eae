"""import second round (issue 10): a contact's last-contacted date

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 15:40:00

``contact.last_contacted_on``: the "last met" / "Ngày liên hệ" / "Lần liên hệ cuối" column of an
imported sheet, stored instead of thrown away. A date on the contact rather than a made-up
meeting: the sheet says when, not what was discussed or with whom, and an invented meeting
would show in the meetings list, the calendar and the counts of meetings held.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("contact", sa.Column("last_contacted_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("last_contacted_on")
