"""list sort keys: the contact's organisation sort key, and an index for every sortable column

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 15:40:00

Issue 11: a list's ids come from one query that walks an index (``WHERE deleted_at IS NULL
ORDER BY <column>, id``), never from sorting the whole table.

- ``contact.org_sort_key``: the sort key of the contact's organisation, so that the contacts
  list sorts by organisation without a join. Triggers keep it on every write path (the
  services, the import's bulk insert, merges, purges, a renamed organisation): on SQLite
  AFTER triggers, on PostgreSQL a BEFORE trigger on the contact and an AFTER trigger on the
  organisation. Backfilled here from the organisations.
- One ``(deleted_at, column)`` index per sortable list column (``db.models.LIST_SORT_INDEXES``).

A later migration that makes SQLite rebuild ``contact`` or ``organisation`` (batch "move and
copy") drops these triggers with the table: call ``drop_org_sort_triggers`` /
``create_org_sort_triggers`` around it, as for the search indexes (``db/migrations/fts.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SORT_KEY = sa.String(600).with_variant(sa.String(600, collation="C"), "postgresql")

INDEXES = (
    ("organisation", "acronym"),
    ("organisation", "kind"),
    ("organisation", "city"),
    ("contact", "position"),
    ("contact", "org_sort_key"),
    ("meeting", "starts_at"),
    ("meeting", "title"),
    ("meeting", "kind"),
    ("meeting", "location"),
    ("action", "due_date"),
    ("action", "title"),
    ("action", "direction"),
    ("action", "status"),
)

_KEY_OF_ORG = "(SELECT o.sort_key FROM organisation o WHERE o.id = {ref}.organisation_id)"

SQLITE_TRIGGERS = (
    # a new contact with an organisation (the services and bulk imports alike)
    "CREATE TRIGGER contact_org_sort_ai AFTER INSERT ON contact "
    "WHEN new.organisation_id IS NOT NULL BEGIN "
    f"UPDATE contact SET org_sort_key = {_KEY_OF_ORG.format(ref='new')} WHERE id = new.id; END",
    # a contact moved to another organisation, or left one (ON DELETE SET NULL included)
    "CREATE TRIGGER contact_org_sort_au AFTER UPDATE OF organisation_id ON contact BEGIN "
    f"UPDATE contact SET org_sort_key = {_KEY_OF_ORG.format(ref='new')} WHERE id = new.id; END",
    # an organisation renamed: its contacts' keys follow
    "CREATE TRIGGER organisation_sort_au AFTER UPDATE OF sort_key ON organisation "
    "WHEN new.sort_key IS NOT old.sort_key BEGIN "
    "UPDATE contact SET org_sort_key = new.sort_key WHERE organisation_id = new.id; END",
)
SQLITE_TRIGGER_NAMES = ("contact_org_sort_ai", "contact_org_sort_au", "organisation_sort_au")

PG_TRIGGERS = (
    """CREATE FUNCTION contact_org_sort_key() RETURNS trigger AS $$
BEGIN
    IF NEW.organisation_id IS NULL THEN
        NEW.org_sort_key := NULL;
    ELSE
        NEW.org_sort_key := (SELECT o.sort_key FROM organisation o WHERE o.id = NEW.organisation_id);
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER contact_org_sort BEFORE INSERT OR UPDATE OF organisation_id ON contact "
    "FOR EACH ROW EXECUTE FUNCTION contact_org_sort_key()",
    """CREATE FUNCTION organisation_sort_key_to_contacts() RETURNS trigger AS $$
BEGIN
    UPDATE contact SET org_sort_key = NEW.sort_key WHERE organisation_id = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER organisation_sort_au AFTER UPDATE OF sort_key ON organisation "
    "FOR EACH ROW WHEN (OLD.sort_key IS DISTINCT FROM NEW.sort_key) "
    "EXECUTE FUNCTION organisation_sort_key_to_contacts()",
)


def create_org_sort_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for sql in SQLITE_TRIGGERS:
            conn.execute(sa.text(sql))
    elif conn.dialect.name == "postgresql":
        for sql in PG_TRIGGERS:
            conn.execute(sa.text(sql))


def drop_org_sort_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in SQLITE_TRIGGER_NAMES:
            conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
    elif conn.dialect.name == "postgresql":
        conn.execute(sa.text("DROP TRIGGER IF EXISTS organisation_sort_au ON organisation"))
        conn.execute(sa.text("DROP TRIGGER IF EXISTS contact_org_sort ON contact"))
        conn.execute(sa.text("DROP FUNCTION IF EXISTS organisation_sort_key_to_contacts()"))
        conn.execute(sa.text("DROP FUNCTION IF EXISTS contact_org_sort_key()"))


def upgrade() -> None:
    conn = op.get_bind()
    # A plain ADD COLUMN (no batch rebuild on SQLite): the search triggers on contact survive.
    op.add_column("contact", sa.Column("org_sort_key", SORT_KEY, nullable=True))
    op.execute(
        "UPDATE contact SET org_sort_key = "
        "(SELECT o.sort_key FROM organisation o WHERE o.id = contact.organisation_id) "
        "WHERE organisation_id IS NOT NULL"
    )
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_live_{column}", table, ["deleted_at", column], unique=False)
    create_org_sort_triggers(conn)


def downgrade() -> None:
    conn = op.get_bind()
    drop_org_sort_triggers(conn)
    for table, column in reversed(INDEXES):
        op.drop_index(f"ix_{table}_live_{column}", table_name=table)
    # SQLite 3.35+ drops a column in place (no rebuild, so the search triggers stay).
    op.drop_column("contact", "org_sort_key")
