"""reorganisations and posts (reserved: issue 15: organisation succession and posts with holders)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 15:40:00

Reserved in the chain so that work on several issues at once keeps one line of revisions.
The work that owns it replaces this docstring and fills upgrade/downgrade; until then it
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
