"""attachments and email (reserved: issue 14: attachments and e-mail interactions)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 15:40:00

Reserved in the chain so that work on several issues at once keeps one line of revisions.
The work that owns it replaces this docstring and fills upgrade/downgrade; until then it
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
