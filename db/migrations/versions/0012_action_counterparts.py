"""action counterparts and the list sort keys that make every list column sortable

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 15:40:00

Issue 16 item 4 (follow-ups name their counterpart) needs no new column: an action already
has ``organisation_id`` and ``responsible_contact_id``; the services and the dialogs now fill
them in with the counterpart, not always the meeting's first organisation.

Issue 11 (every list column sorts through an index): the columns a list shows from another
table get a key on the list's own row, kept by triggers on every write path (the services,
imports' bulk inserts, merges, purges' ON DELETE SET NULL / CASCADE, a rename of the record
the key comes from), backfilled here, each with a ``(deleted_at, key)`` index
(``db.models.LIST_SORT_INDEXES``):

- ``action.org_sort_key``: the sort key of the action's organisation;
- ``action.responsible_sort_key``: the responsible staff member's name, else the responsible
  contact's full name (the text the column shows);
- ``meeting.org_sort_key``: the least sort key of the meeting's organisations (the first one
  the column shows), kept by triggers on ``meeting_organisation``;
- ``organisation.owner_sort_key``: the owner's (staff) name;
- ``contact.email_sort_key`` / ``contact.phone_sort_key``: the contact's first e-mail address
  and first phone number (lowest ``position``; phones in E.164), kept by triggers on
  ``contact_method``.

Names compare as written, byte by byte (SQLite's BINARY, PostgreSQL's "C" collation): staff
have no folded sort key. A later migration that makes SQLite rebuild one of these tables must
call ``drop_list_key_triggers`` / ``create_list_key_triggers`` around it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SORT_KEY = sa.String(600).with_variant(sa.String(600, collation="C"), "postgresql")

COLUMNS = (
    ("action", "org_sort_key"),
    ("action", "responsible_sort_key"),
    ("meeting", "org_sort_key"),
    ("organisation", "owner_sort_key"),
    ("contact", "email_sort_key"),
    ("contact", "phone_sort_key"),
)

# PostgreSQL does not take ``deleted_at IS NULL`` as fixing the first column of a
# ``(deleted_at, column)`` index (IS NULL is no equality for its planner), so those indexes do
# not give a list its order there: each list column gets a partial index ``(column, id) WHERE
# deleted_at IS NULL`` on PostgreSQL, which yields the rows in the list's order, ties by id, with
# no sort (tests/app/lists/test_plans_postgresql.py). Hand-made like the search indexes: the
# names end in ``_live_order`` (db/migrations/env.py leaves them out of model comparisons).
PG_ORDER_INDEXES = (
    ("organisation", "sort_key"),
    ("organisation", "acronym"),
    ("organisation", "kind"),
    ("organisation", "city"),
    ("organisation", "owner_sort_key"),
    ("contact", "sort_key"),
    ("contact", "position"),
    ("contact", "org_sort_key"),
    ("contact", "email_sort_key"),
    ("contact", "phone_sort_key"),
    ("meeting", "starts_at"),
    ("meeting", "title"),
    ("meeting", "kind"),
    ("meeting", "org_sort_key"),
    ("meeting", "location"),
    ("action", "due_date"),
    ("action", "title"),
    ("action", "direction"),
    ("action", "status"),
    ("action", "org_sort_key"),
    ("action", "responsible_sort_key"),
)


def pg_order_index_name(table: str, column: str) -> str:
    return f"ix_{table}_{column}_live_order"


# The value of each key for the row ``{r}`` (``new``/``NEW`` in a trigger, the table in the backfill).
ACTION_ORG = "(SELECT o.sort_key FROM organisation o WHERE o.id = {r}.organisation_id)"
ACTION_RESPONSIBLE = (
    "COALESCE((SELECT s.name FROM staff s WHERE s.id = {r}.responsible_staff_id), "
    "(SELECT c.full_name FROM contact c WHERE c.id = {r}.responsible_contact_id))"
)
MEETING_ORG = (
    "(SELECT MIN(o.sort_key) FROM meeting_organisation mo JOIN organisation o "
    "ON o.id = mo.organisation_id WHERE mo.meeting_id = {r})"
)
OWNER = "(SELECT s.name FROM staff s WHERE s.id = {r}.owner_id)"
METHOD = (
    "(SELECT m.value FROM contact_method m WHERE m.contact_id = {r} AND m.kind = '{kind}' "
    "ORDER BY m.position, m.id LIMIT 1)"
)


def _contact_methods_sql(ref: str, kind: str | None = None, differs: str = "IS NOT") -> str:
    """Set the contact's key for ``kind`` (both kinds when None) from its methods now. For one
    kind the row is written only when the key changes (``differs``: SQLite's ``IS NOT``,
    PostgreSQL's ``IS DISTINCT FROM``): an import writes the key with the contact already
    (app.bulk), so that its many methods cost a read each, not a second write of the row."""
    if kind is None:
        keys = ", ".join(f"{k}_sort_key = {METHOD.format(r=ref, kind=k)}" for k in ("email", "phone"))
        return f"UPDATE contact SET {keys} WHERE id = {ref}"
    value = METHOD.format(r=ref, kind=kind)
    return (
        f"UPDATE contact SET {kind}_sort_key = {value} WHERE id = {ref} AND {kind}_sort_key {differs} {value}"
    )


# A method just inserted is its contact's first of its kind (the key then becomes its value);
# an insert that is not first leaves the key as it was.
_IS_FIRST = (
    "NOT EXISTS (SELECT 1 FROM contact_method m WHERE m.contact_id = {r}.contact_id "
    "AND m.kind = {r}.kind AND m.id <> {r}.id "
    "AND (m.position < {r}.position OR (m.position = {r}.position AND m.id < {r}.id)))"
)


def _meeting_sql(ref: str) -> str:
    return f"UPDATE meeting SET org_sort_key = {MEETING_ORG.format(r=ref)} WHERE id = {ref}"


_ACTION_SET = (
    f"org_sort_key = {ACTION_ORG.format(r='new')}, "
    f"responsible_sort_key = {ACTION_RESPONSIBLE.format(r='new')}"
)

SQLITE_TRIGGERS = (
    # an action written (services, imports) or its counterpart/responsible changed (SET NULL too)
    "CREATE TRIGGER action_keys_ai AFTER INSERT ON action WHEN new.organisation_id IS NOT NULL "
    "OR new.responsible_staff_id IS NOT NULL OR new.responsible_contact_id IS NOT NULL BEGIN "
    f"UPDATE action SET {_ACTION_SET} WHERE id = new.id; END",
    "CREATE TRIGGER action_keys_au AFTER UPDATE OF organisation_id, responsible_staff_id, "
    f"responsible_contact_id ON action BEGIN UPDATE action SET {_ACTION_SET} WHERE id = new.id; END",
    # an organisation's owner
    "CREATE TRIGGER organisation_owner_key_ai AFTER INSERT ON organisation "
    "WHEN new.owner_id IS NOT NULL BEGIN "
    f"UPDATE organisation SET owner_sort_key = {OWNER.format(r='new')} WHERE id = new.id; END",
    "CREATE TRIGGER organisation_owner_key_au AFTER UPDATE OF owner_id ON organisation BEGIN "
    f"UPDATE organisation SET owner_sort_key = {OWNER.format(r='new')} WHERE id = new.id; END",
    # an organisation renamed: its actions' and meetings' keys follow
    "CREATE TRIGGER organisation_key_to_lists_au AFTER UPDATE OF sort_key ON organisation "
    "WHEN new.sort_key IS NOT old.sort_key BEGIN "
    "UPDATE action SET org_sort_key = new.sort_key WHERE organisation_id = new.id; "
    f"UPDATE meeting SET org_sort_key = {MEETING_ORG.format(r='meeting.id')} "
    "WHERE id IN (SELECT meeting_id FROM meeting_organisation WHERE organisation_id = new.id); END",
    # a staff member renamed: organisations they own, actions they are responsible for
    "CREATE TRIGGER staff_name_key_au AFTER UPDATE OF name ON staff "
    "WHEN new.name IS NOT old.name BEGIN "
    "UPDATE organisation SET owner_sort_key = new.name WHERE owner_id = new.id; "
    "UPDATE action SET responsible_sort_key = new.name WHERE responsible_staff_id = new.id; END",
    # a contact renamed: actions they are responsible for (when no staff member is)
    "CREATE TRIGGER contact_name_key_au AFTER UPDATE OF full_name ON contact "
    "WHEN new.full_name IS NOT old.full_name BEGIN "
    "UPDATE action SET responsible_sort_key = new.full_name "
    "WHERE responsible_contact_id = new.id AND responsible_staff_id IS NULL; END",
    # a meeting's organisations
    f"CREATE TRIGGER meeting_org_key_ai AFTER INSERT ON meeting_organisation BEGIN {_meeting_sql('new.meeting_id')}; END",
    f"CREATE TRIGGER meeting_org_key_ad AFTER DELETE ON meeting_organisation BEGIN {_meeting_sql('old.meeting_id')}; END",
    "CREATE TRIGGER meeting_org_key_au AFTER UPDATE ON meeting_organisation BEGIN "
    f"{_meeting_sql('old.meeting_id')}; {_meeting_sql('new.meeting_id')}; END",
    # a contact's e-mail addresses and phones: an insert writes the key only when the new one
    # comes first and differs (an import writes the key with the contact: its methods then cost
    # a look-up each, no write); a delete or an update reads the methods again
    *(
        f"CREATE TRIGGER contact_method_{kind}_key_ai AFTER INSERT ON contact_method "
        f"WHEN new.kind = '{kind}' AND {_IS_FIRST.format(r='new')} "
        f"AND (SELECT c.{kind}_sort_key FROM contact c WHERE c.id = new.contact_id) IS NOT new.value "
        f"BEGIN UPDATE contact SET {kind}_sort_key = new.value WHERE id = new.contact_id; END"
        for kind in ("email", "phone")
    ),
    *(
        f"CREATE TRIGGER contact_method_{kind}_key_ad AFTER DELETE ON contact_method "
        f"WHEN old.kind = '{kind}' BEGIN {_contact_methods_sql('old.contact_id', kind)}; END"
        for kind in ("email", "phone")
    ),
    "CREATE TRIGGER contact_method_key_au AFTER UPDATE ON contact_method BEGIN "
    f"{_contact_methods_sql('old.contact_id')}; {_contact_methods_sql('new.contact_id')}; END",
)
# (and two names an earlier draft of this revision used, on a developer's database)
SQLITE_TRIGGER_NAMES = (
    *(sql.split()[2] for sql in SQLITE_TRIGGERS),
    "contact_method_key_ai",
    "contact_method_key_ad",
)

PG_FUNCTIONS_AND_TRIGGERS = (
    # (function name, table, trigger name, body, trigger timing/events)
    (
        "action_list_keys",
        "action",
        "action_list_keys",
        f"NEW.org_sort_key := {ACTION_ORG.format(r='NEW')};\n"
        f"    NEW.responsible_sort_key := {ACTION_RESPONSIBLE.format(r='NEW')};\n    RETURN NEW;",
        "BEFORE INSERT OR UPDATE OF organisation_id, responsible_staff_id, responsible_contact_id",
    ),
    (
        "organisation_owner_key",
        "organisation",
        "organisation_owner_key",
        f"NEW.owner_sort_key := {OWNER.format(r='NEW')};\n    RETURN NEW;",
        "BEFORE INSERT OR UPDATE OF owner_id",
    ),
    (
        "organisation_key_to_lists",
        "organisation",
        "organisation_key_to_lists",
        "IF OLD.sort_key IS DISTINCT FROM NEW.sort_key THEN\n"
        "        UPDATE action SET org_sort_key = NEW.sort_key WHERE organisation_id = NEW.id;\n"
        f"        UPDATE meeting SET org_sort_key = {MEETING_ORG.format(r='meeting.id')}\n"
        "        WHERE id IN (SELECT meeting_id FROM meeting_organisation WHERE organisation_id = NEW.id);\n"
        "    END IF;\n    RETURN NULL;",
        "AFTER UPDATE OF sort_key",
    ),
    (
        "staff_name_to_lists",
        "staff",
        "staff_name_to_lists",
        "IF OLD.name IS DISTINCT FROM NEW.name THEN\n"
        "        UPDATE organisation SET owner_sort_key = NEW.name WHERE owner_id = NEW.id;\n"
        "        UPDATE action SET responsible_sort_key = NEW.name WHERE responsible_staff_id = NEW.id;\n"
        "    END IF;\n    RETURN NULL;",
        "AFTER UPDATE OF name",
    ),
    (
        "contact_name_to_actions",
        "contact",
        "contact_name_to_actions",
        "IF OLD.full_name IS DISTINCT FROM NEW.full_name THEN\n"
        "        UPDATE action SET responsible_sort_key = NEW.full_name\n"
        "        WHERE responsible_contact_id = NEW.id AND responsible_staff_id IS NULL;\n"
        "    END IF;\n    RETURN NULL;",
        "AFTER UPDATE OF full_name",
    ),
    (
        "meeting_org_key",
        "meeting_organisation",
        "meeting_org_key",
        "IF TG_OP <> 'INSERT' THEN\n"
        f"        {_meeting_sql('OLD.meeting_id')};\n"
        "    END IF;\n"
        "    IF TG_OP <> 'DELETE' THEN\n"
        f"        {_meeting_sql('NEW.meeting_id')};\n"
        "    END IF;\n    RETURN NULL;",
        "AFTER INSERT OR UPDATE OR DELETE",
    ),
    (
        "contact_method_keys",
        "contact_method",
        "contact_method_keys",
        "IF TG_OP = 'UPDATE' THEN\n"
        f"        {_contact_methods_sql('OLD.contact_id')};\n"
        f"        {_contact_methods_sql('NEW.contact_id')};\n"
        f"    ELSIF TG_OP = 'INSERT' AND NEW.kind IN ('email', 'phone') AND {_IS_FIRST.format(r='NEW')} THEN\n"
        "        IF NEW.kind = 'email' THEN\n"
        "            UPDATE contact SET email_sort_key = NEW.value\n"
        "            WHERE id = NEW.contact_id AND email_sort_key IS DISTINCT FROM NEW.value;\n"
        "        ELSE\n"
        "            UPDATE contact SET phone_sort_key = NEW.value\n"
        "            WHERE id = NEW.contact_id AND phone_sort_key IS DISTINCT FROM NEW.value;\n"
        "        END IF;\n"
        "    ELSIF TG_OP = 'DELETE' AND OLD.kind IN ('email', 'phone') THEN\n"
        "        IF OLD.kind = 'email' THEN\n"
        f"            {_contact_methods_sql('OLD.contact_id', 'email', 'IS DISTINCT FROM')};\n"
        "        ELSE\n"
        f"            {_contact_methods_sql('OLD.contact_id', 'phone', 'IS DISTINCT FROM')};\n"
        "        END IF;\n"
        "    END IF;\n    RETURN NULL;",
        "AFTER INSERT OR UPDATE OR DELETE",
    ),
)


# On a team database (issue 13) a login sees and may change only some rows (row-level
# security): a key kept for every row must be written with the rights of the functions' owner
# (the schema's owner, whom the policies do not filter), or renaming an organisation would
# leave the keys of a colleague's confidential actions behind. The search path is fixed to the
# schema's, as for any SECURITY DEFINER function.
DEFINER = "SECURITY DEFINER SET search_path FROM CURRENT"
# 0011's functions (the contacts' organisation key) get the same rights here.
ORG_SORT_FUNCTIONS = ("contact_org_sort_key()", "organisation_sort_key_to_contacts()")


def create_list_key_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for sql in SQLITE_TRIGGERS:
            conn.execute(sa.text(sql))
    elif conn.dialect.name == "postgresql":
        for function, table, trigger, body, when in PG_FUNCTIONS_AND_TRIGGERS:
            conn.execute(
                sa.text(
                    f"CREATE FUNCTION {function}() RETURNS trigger {DEFINER} AS $$\nBEGIN\n    {body}\n"
                    "END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                sa.text(
                    f"CREATE TRIGGER {trigger} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()"
                )
            )


def drop_list_key_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in SQLITE_TRIGGER_NAMES:
            conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
    elif conn.dialect.name == "postgresql":
        for function, table, trigger, _body, _when in reversed(PG_FUNCTIONS_AND_TRIGGERS):
            conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {trigger} ON {table}"))
            conn.execute(sa.text(f"DROP FUNCTION IF EXISTS {function}()"))


BACKFILL = (
    f"UPDATE action SET org_sort_key = {ACTION_ORG.format(r='action')}, "
    f"responsible_sort_key = {ACTION_RESPONSIBLE.format(r='action')}",
    f"UPDATE meeting SET org_sort_key = {MEETING_ORG.format(r='meeting.id')}",
    f"UPDATE organisation SET owner_sort_key = {OWNER.format(r='organisation')}",
    "UPDATE contact SET email_sort_key = {e}, phone_sort_key = {p}".format(
        e=METHOD.format(r="contact.id", kind="email"), p=METHOD.format(r="contact.id", kind="phone")
    ),
)


def upgrade() -> None:
    conn = op.get_bind()
    # Plain ADD COLUMN (no batch rebuild on SQLite): the search and 0011's triggers survive.
    for table, column in COLUMNS:
        op.add_column(table, sa.Column(column, SORT_KEY, nullable=True))
    for sql in BACKFILL:
        op.execute(sql)
    for table, column in COLUMNS:
        op.create_index(f"ix_{table}_live_{column}", table, ["deleted_at", column], unique=False)
    create_list_key_triggers(conn)
    if conn.dialect.name == "postgresql":
        for function in ORG_SORT_FUNCTIONS:
            op.execute(f"ALTER FUNCTION {function} {DEFINER}")
        for table, column in PG_ORDER_INDEXES:
            op.execute(
                f"CREATE INDEX {pg_order_index_name(table, column)} ON {table} ({column}, id) "
                "WHERE deleted_at IS NULL"
            )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for table, column in PG_ORDER_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {pg_order_index_name(table, column)}")
        for function in ORG_SORT_FUNCTIONS:
            op.execute(f"ALTER FUNCTION {function} SECURITY INVOKER RESET search_path")
    drop_list_key_triggers(conn)
    for table, column in reversed(COLUMNS):
        op.drop_index(f"ix_{table}_live_{column}", table_name=table)
        # SQLite 3.35+ drops a column in place (no rebuild, so the other triggers stay).
        op.drop_column(table, column)
