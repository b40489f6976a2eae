"""confidential letters: a letter drafted from a confidential meeting or action is confidential

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 05:30:00

Letters had no confidential status: one drafted from a confidential meeting was listed unmarked
in Tools → Letters, printed unmarked in other organisations' briefs, and on a team database seen
by everyone (row-level security covered organisation, contact, meeting and action only).

Adds ``letter.confidential`` (false by default) and sets it on the letters, live or in the
trash, of a confidential action, of a confidential meeting, or of an action of a confidential
meeting. On a PostgreSQL database set up for a team (``ketnoi admin init``: its function
``ketnoi_staff_id`` exists) the letter gets the policy ``db/team.py`` gives it — written out
here, as a migration stays as written; ``ketnoi admin init`` run again sets the same. Downgrading
drops the policy and the column.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ME = "(SELECT ketnoi_staff_id())"
_VISIBLE = (
    "NOT letter.confidential OR (SELECT ketnoi_privileged()) OR letter.owner_id = " + _ME + " OR "
    "EXISTS (SELECT 1 FROM action a WHERE a.id = letter.action_id AND a.confidential) OR "
    "EXISTS (SELECT 1 FROM meeting m WHERE m.id = letter.meeting_id AND m.confidential)"
)


def _team(bind: sa.engine.Connection) -> bool:
    if bind.dialect.name != "postgresql":
        return False
    return bind.exec_driver_sql("SELECT to_regprocedure('ketnoi_staff_id()') IS NOT NULL").scalar() is True


def upgrade() -> None:
    bind = op.get_bind()
    have = {c["name"] for c in sa.inspect(bind).get_columns("letter")}
    if "confidential" not in have:
        with op.batch_alter_table("letter") as batch:
            batch.add_column(sa.Column("confidential", sa.Boolean(), nullable=False, server_default=sa.false()))
    bind.exec_driver_sql(
        "UPDATE letter SET confidential = true WHERE "
        "action_id IN (SELECT id FROM action WHERE confidential) OR "
        "meeting_id IN (SELECT id FROM meeting WHERE confidential) OR "
        "action_id IN (SELECT a.id FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE m.confidential)"
    )
    if _team(bind):
        for statement in (
            "ALTER TABLE letter ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE letter NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS ketnoi_visible ON letter",
            f"CREATE POLICY ketnoi_visible ON letter FOR ALL USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})",
            "DROP TRIGGER IF EXISTS ketnoi_letter_owner ON letter",
            "CREATE TRIGGER ketnoi_letter_owner BEFORE INSERT OR UPDATE ON letter "
            "FOR EACH ROW EXECUTE FUNCTION ketnoi_confidential_owner()",
        ):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if _team(bind):
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS ketnoi_letter_owner ON letter")
        bind.exec_driver_sql("DROP POLICY IF EXISTS ketnoi_visible ON letter")
        bind.exec_driver_sql("ALTER TABLE letter DISABLE ROW LEVEL SECURITY")
    with op.batch_alter_table("letter") as batch:
        batch.drop_column("confidential")
