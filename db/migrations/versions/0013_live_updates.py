"""live updates (reserved: issue 13: notifications for live updates between windows)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 15:50:00

Reserved in the chain so that work on several issues at once keeps one line of revisions.
The work that owns it replaces this docstring and fills upgrade/downgrade; until then it
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
