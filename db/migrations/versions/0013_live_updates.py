"""live updates: PostgreSQL tells every listening window what a write changed (issue 13 item 4)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 15:50:00

On PostgreSQL only (a no-op on SQLite, where windows on one file poll instead, see
``db/live.py``): statement-level ``AFTER INSERT / UPDATE / DELETE`` triggers, with transition
tables so that one statement sends one notification per kind however many rows it wrote, on

- the records (organisation, contact, meeting, action, staff, letter): the kind is the table;
  an attachment counts as a change of the record it is attached to;
- what hangs off a record and is shown with it (contact methods, attendees, a meeting's
  organisations and staff, tags, sectors, shares, posts, e-mails, calendar invitations,
  successions): the kind and id are the record's it hangs off.

Each notification, on the channel ``ketnoi_changes``, is a JSON object ``{"kind", "ids", "op",
"fields", "by", "app"}``: ``op`` is ``i``/``d`` (records came or went), ``m`` (a record moved
in or out of the trash), ``u`` (changed; ``fields`` names the columns that changed, or is
null); ``by`` is the login and ``app`` the ``application_name`` of the writer (a window skips
its own writes). Only kinds and ids travel: a notification reaches every listener whatever
row-level security lets it see, so each window reads the rows again as itself. Past 7,900
bytes (NOTIFY's limit is 8,000), ``ids`` is null: every record of that kind may have changed.

Created here, not by ``ketnoi admin init``: live updates work on any PostgreSQL database, team
mode or not, and ``admin init`` runs the migrations first anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "ketnoi_changes"

# table → (kind, or "=column" holding the kind; id column)
WATCHED: dict[str, tuple[str, str]] = {
    "organisation": ("organisation", "id"),
    "contact": ("contact", "id"),
    "meeting": ("meeting", "id"),
    "action": ("action", "id"),
    "staff": ("staff", "id"),
    "letter": ("letter", "id"),
    "attachment": ("=owner_kind", "owner_id"),
    "contact_method": ("contact", "contact_id"),
    "contact_tag": ("contact", "contact_id"),
    "meeting_attendee": ("meeting", "meeting_id"),
    "meeting_organisation": ("meeting", "meeting_id"),
    "meeting_staff": ("meeting", "meeting_id"),
    "email_message": ("meeting", "meeting_id"),
    "meeting_calendar": ("meeting", "meeting_id"),
    "organisation_tag": ("organisation", "organisation_id"),
    "organisation_sector": ("organisation", "organisation_id"),
    "org_succession": ("organisation", "predecessor_id"),
    "post": ("organisation", "organisation_id"),
    "post_holder": ("contact", "contact_id"),
    "record_share": ("=kind", "record_id"),
}
# The records themselves: a soft delete or restore is a change of membership, and the columns
# that changed are named (version and updated_at change with every save: left out).
RECORD_TABLES = ("organisation", "contact", "meeting", "action", "staff", "letter")

FUNCTION = r"""
CREATE OR REPLACE FUNCTION ketnoi_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind_expr text;
    id_col text := quote_ident(TG_ARGV[1]);
    is_record boolean := TG_ARGV[2] = 'record';
    src text;
    change_op text := lower(left(TG_OP, 1));
    flds jsonb := NULL;
    moved boolean := false;
    item record;
    payload text;
BEGIN
    IF left(TG_ARGV[0], 1) = '=' THEN
        kind_expr := quote_ident(substr(TG_ARGV[0], 2));
    ELSE
        kind_expr := quote_literal(TG_ARGV[0]);
    END IF;
    IF TG_OP = 'DELETE' THEN
        src := 'old_rows';
    ELSIF TG_OP = 'INSERT' THEN
        src := 'new_rows';
    ELSE
        src := '(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)';
    END IF;
    IF is_record AND TG_OP = 'UPDATE' THEN
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (id) '
                'WHERE n.deleted_at IS DISTINCT FROM o.deleted_at)' INTO moved;
        IF moved THEN
            change_op := 'm';
        ELSE
            EXECUTE 'SELECT jsonb_agg(DISTINCT e.key) FROM new_rows n JOIN old_rows o USING (id) '
                    'CROSS JOIN LATERAL jsonb_each(to_jsonb(n)) e '
                    'WHERE to_jsonb(o) -> e.key IS DISTINCT FROM e.value '
                    'AND e.key NOT IN (''version'', ''updated_at'')' INTO flds;
        END IF;
    ELSIF NOT is_record THEN
        change_op := 'u';  -- what hangs off a record: the record changed
    END IF;
    FOR item IN EXECUTE format(
        'SELECT %s::text AS kind, jsonb_agg(DISTINCT %s) AS ids FROM %s s '
        'WHERE %s IS NOT NULL GROUP BY 1', kind_expr, id_col, src, id_col)
    LOOP
        payload := jsonb_build_object(
            'kind', item.kind, 'ids', item.ids, 'op', change_op, 'fields', flds,
            'by', session_user::text, 'app', current_setting('application_name', true))::text;
        IF octet_length(payload) > 7900 THEN
            payload := jsonb_build_object(
                'kind', item.kind, 'ids', NULL, 'op', change_op, 'fields', NULL,
                'by', session_user::text, 'app', current_setting('application_name', true))::text;
        END IF;
        PERFORM pg_notify('ketnoi_changes', payload);
    END LOOP;
    RETURN NULL;
END $$
"""


def _triggers(table: str) -> list[str]:
    kind, id_col = WATCHED[table]
    args = f"'{kind}', '{id_col}', '{'record' if table in RECORD_TABLES else 'link'}'"
    return [
        f"CREATE TRIGGER ketnoi_notify_ins AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION ketnoi_notify_changes({args})",
        f"CREATE TRIGGER ketnoi_notify_upd AFTER UPDATE ON {table} "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION ketnoi_notify_changes({args})",
        f"CREATE TRIGGER ketnoi_notify_del AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION ketnoi_notify_changes({args})",
    ]


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.execute(sa.text(FUNCTION))
    for table in WATCHED:
        for statement in _triggers(table):
            conn.execute(sa.text(statement))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for table in WATCHED:
        for name in ("ketnoi_notify_ins", "ketnoi_notify_upd", "ketnoi_notify_del"):
            conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
    conn.execute(sa.text("DROP FUNCTION IF EXISTS ketnoi_notify_changes()"))
