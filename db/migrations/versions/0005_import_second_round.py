"""import second round (reserved: issue 10: import second round (e.g. contact last-met date, import batch of a whole workbook))

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 15:40:00

Reserved in the chain so that work on several issues at once keeps one line of revisions.
The work that owns it replaces this docstring and fills upgrade/downgrade; until then it
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
