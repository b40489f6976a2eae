"""Team mode on PostgreSQL: login roles, GRANTs and row-level security (issue 13).

Each person connects as their own login role; what they may do is the group role they are in,
and what they may see is decided by PostgreSQL itself, so every screen, command, export and a
plain ``psql`` session see the same rows::

    <prefix>admin    ⊃ <prefix>manager ⊃ <prefix>officer ⊃ <prefix>reader
    (adds users)       (sees everything)  (writes)          (reads what it may see)

:func:`set_up` (``ketnoi admin init``, run as the database's owner) upgrades the schema and
creates, idempotently: the four group roles (the prefix is ``ketnoi_`` unless the
administrator chose another, e.g. for a second Ketnoi database on the same server — roles are
shared by every database of a server), their grants and default privileges, row-level security
on the records and what hangs off them (every login but the owner's is filtered: the owner is
the administrator's set-up role, and its ``SECURITY DEFINER`` helpers must see every row, e.g.
``ketnoi_search``, which lets search use the full-text index), and triggers that make a history
row name the login that wrote it (``change.login``, ``change.actor``) whatever the client sent.

Visibility of a record marked ``confidential`` (organisation, contact, meeting, action;
a letter drafted from a confidential meeting or action follows that record):
its owner (``owner_id``), the staff on it (a meeting's ``meeting_staff``, an action's
``responsible_staff_id``; a confidential action of a confidential meeting follows the
meeting), the colleagues it is shared with (``record_share``) and managers and admins. The
identity is ``session_user`` mapped to ``staff.login``; the manager check uses
``current_user``, so the owner's own ``SECURITY DEFINER`` helpers see every row.

Nothing here runs on SQLite, and a PostgreSQL database never set up this way works as before.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

ROLE_KINDS = ("admin", "manager", "officer", "reader")
DEFAULT_PREFIX = "ketnoi_"
CONFIDENTIAL_KINDS = ("organisation", "contact", "meeting", "action")
SECURED_KINDS = (*CONFIDENTIAL_KINDS, "letter")
"""The kinds row-level security filters by ``confidential``: a letter is confidential when
drafted from a confidential meeting or action (migration 0018), and seen by whoever sees that
record, its officer in charge and managers; it is not shared on its own (no ``ketnoi share``)."""
_PREFIX_RE = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")
_LOGIN_RE = re.compile(r"[a-z_][a-z0-9_.@-]{0,62}\Z")
MIN_SERVER_VERSION = 150000  # PostgreSQL 15: what the tests run on (see docs/team.md)


class TeamSetupError(Exception):
    """Team mode cannot be set up or changed; the message is meant for the person."""


def check_prefix(prefix: str) -> str:
    if not _PREFIX_RE.match(prefix):
        raise TeamSetupError(
            f"role prefix {prefix!r}: lower-case letters, digits and _ (starting with a letter), "
            "at most 40 characters"
        )
    return prefix


def check_login(login: str) -> str:
    if not _LOGIN_RE.match(login):
        raise TeamSetupError(
            f"login {login!r}: lower-case letters, digits and _ . @ - (not starting with a digit), "
            "at most 63 characters"
        )
    return login


def ident(name: str) -> str:
    """``name`` quoted as a PostgreSQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    """``value`` as a PostgreSQL string literal (standard_conforming_strings is on since 9.1)."""
    return "'" + value.replace("'", "''") + "'"


def role_name(prefix: str, kind: str) -> str:
    return f"{prefix}{kind}"


# --- detection -------------------------------------------------------------------------------


def team_prefix(conn: Connection) -> str | None:
    """The role prefix of a database set up for team mode; None elsewhere (SQLite too)."""
    if conn.dialect.name != "postgresql":
        return None
    found = conn.execute(text("SELECT to_regproc('ketnoi_role_prefix') IS NOT NULL")).scalar()
    if not found:
        return None
    return str(conn.execute(text("SELECT ketnoi_role_prefix()")).scalar())


def is_team(engine: Engine) -> bool:
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        return team_prefix(conn) is not None


@dataclass(frozen=True)
class Identity:
    """Who is signed in to a team database."""

    login: str
    staff_id: int | None
    name: str
    role: str  # admin / manager / officer / reader, or "" when in none of Ketnoi's roles


def role_of(conn: Connection, prefix: str, login: str) -> str:
    """The highest of Ketnoi's group roles ``login`` is a member of ("" for none)."""
    for kind in ROLE_KINDS:
        member = conn.execute(
            text("SELECT pg_has_role(:login, :role, 'MEMBER')"),
            {"login": login, "role": role_name(prefix, kind)},
        ).scalar()
        if member:
            return kind
    return ""


# The signed-in login's highest Ketnoi role ("" when in none: disabled, or taken out of them), in
# one statement: what an open window asks again now and then (ui.live, every PING_S on the
# listener's connection), as an administrator may change a role or disable a login meanwhile.
ROLE_NOW = (
    "SELECT CASE "
    + " ".join(
        f"WHEN pg_has_role(session_user, p || '{kind}', 'MEMBER') THEN '{kind}'" for kind in ROLE_KINDS
    )
    + " ELSE '' END FROM (SELECT ketnoi_role_prefix() AS p) AS t"
)


def role_now(conn: Any) -> str:
    """:data:`ROLE_NOW` on ``conn`` (a SQLAlchemy connection, or the live listener's psycopg
    connection in autocommit): "" also when the login may no longer even ask (SQLSTATE 42501)."""
    try:
        if isinstance(conn, Connection):
            value = conn.execute(text(ROLE_NOW)).scalar()
        else:
            row = conn.execute(ROLE_NOW).fetchone()
            value = row[0] if row else ""
    except DBAPIError as exc:  # (SQLAlchemy's wrapper)
        if getattr(exc.orig, "sqlstate", None) == "42501":
            return ""
        raise
    except Exception as exc:  # psycopg's own error, on the listener's connection
        if getattr(exc, "sqlstate", None) == "42501":
            return ""
        raise
    return str(value or "")


def sign_in(conn: Connection) -> Identity | None:
    """The signed-in person on a team database (their Staff record created on first sign-in,
    if the administrator gave their login one of Ketnoi's roles); None off team mode."""
    prefix = team_prefix(conn)
    if prefix is None:
        return None
    login = str(conn.execute(text("SELECT session_user")).scalar())
    staff_id = conn.execute(text("SELECT ketnoi_sign_in()")).scalar()
    name = login
    if staff_id is not None:
        name = str(conn.execute(text("SELECT name FROM staff WHERE id = :i"), {"i": staff_id}).scalar())
    return Identity(login, None if staff_id is None else int(staff_id), name, role_of(conn, prefix, login))


# --- set-up ----------------------------------------------------------------------------------


def _visibility(kind: str, t: str = "", privileged: str = "(SELECT ketnoi_privileged())") -> str:
    """The condition under which the signed-in person sees a row of ``kind`` named ``t`` (the
    table's name in a policy). ``privileged`` is how "a manager" is asked: in a policy through
    ``current_user``; inside the owner's search function (which row-level security does not
    filter) through ``session_user``, and then the meeting a follow-up came from is checked here
    too instead of by the meeting's policy."""
    t = t or kind
    me = "(SELECT ketnoi_staff_id())"
    shared = (
        f"EXISTS (SELECT 1 FROM record_share rs WHERE rs.kind = '{kind}' "
        f"AND rs.record_id = {t}.id AND rs.staff_id = {me})"
    )
    parts = [f"NOT {t}.confidential", privileged, f"{t}.owner_id = {me}", shared]
    if kind == "meeting":
        parts.append(
            f"EXISTS (SELECT 1 FROM meeting_staff ms WHERE ms.meeting_id = {t}.id AND ms.staff_id = {me})"
        )
    if kind == "letter":  # the policies of meeting and action filter these subqueries
        return " OR ".join(
            [
                f"NOT {t}.confidential",
                privileged,
                f"{t}.owner_id = {me}",
                f"EXISTS (SELECT 1 FROM action a WHERE a.id = {t}.action_id AND a.confidential)",
                f"EXISTS (SELECT 1 FROM meeting m WHERE m.id = {t}.meeting_id AND m.confidential)",
            ]
        )
    if kind == "action":
        parts.append(f"{t}.responsible_staff_id = {me}")
        # A confidential follow-up of a confidential meeting is seen by whoever sees the meeting.
        meeting_seen = (
            "" if privileged.startswith("(SELECT") else f" AND ({_visibility('meeting', 'm', privileged)})"
        )
        parts.append(
            f"EXISTS (SELECT 1 FROM meeting m WHERE m.id = {t}.meeting_id AND m.confidential{meeting_seen})"
        )
    return " OR ".join(parts)


def _search_function(prefix: str, schema: str) -> str:
    """``ketnoi_search(kind, tsquery, limit)``: the ids (and rank) of the live records of
    ``kind`` that match, among those the signed-in person may see.

    Row-level security keeps PostgreSQL from using the full-text (GIN) index: ``@@`` is not
    leakproof, so it may only run after the policy, on every row (0.68 s instead of 0.055 s for
    "nguyen" over 100k contacts). This function runs as the owner, whom row-level security does
    not filter (ENABLE without FORCE), so the index answers first and the same visibility rule
    is then applied as an ordinary condition, for ``session_user``."""
    priv = f"pg_has_role(session_user, {literal(role_name(prefix, 'manager'))}, 'MEMBER')"
    branches = []
    for i, kind in enumerate(CONFIDENTIAL_KINDS):
        vec = "to_tsvector('simple', t.search_text)"
        branches.append(
            f"{'IF' if i == 0 else 'ELSIF'} kind = '{kind}' THEN RETURN QUERY "
            f"SELECT t.id, ts_rank({vec}, q) FROM {kind} t WHERE {vec} @@ q AND t.deleted_at IS NULL "
            f"AND ({_visibility(kind, 't', priv)}) ORDER BY 2 DESC, 1 LIMIT lim;"
        )
    return (
        "CREATE OR REPLACE FUNCTION ketnoi_search(kind text, q tsquery, lim integer) "
        "RETURNS TABLE (id integer, rank real) LANGUAGE plpgsql STABLE SECURITY DEFINER "
        f"SET search_path = {ident(schema)}, pg_temp AS $$ BEGIN " + " ".join(branches) + " END IF; END $$"
    )


def _group_hidden_function(prefix: str, schema: str) -> str:
    """``ketnoi_group_hidden(group_id)``: whether an operation's history (the ``change`` rows
    of one ``group_id``) touches a record the signed-in person may not see. Their own reading
    of the history leaves those rows out (row-level security), so an undo would reverse the
    rest, mark the whole operation undone and leave the hidden record as the operation left
    it (reviewer: a colleague's undo of "Tagged 4 contacts" undid 3). Runs as the owner, whom
    row-level security does not filter, with the policies' rule asked for ``session_user`` (as
    :func:`_search_function` does); answers yes or no, never which record or how many."""
    priv = f"pg_has_role(session_user, {literal(role_name(prefix, 'manager'))}, 'MEMBER')"
    hidden = []
    for kind in CONFIDENTIAL_KINDS:
        hidden.append(
            f"EXISTS (SELECT 1 FROM change c JOIN {kind} t ON t.id = c.entity_id "
            f"WHERE c.group_id = g AND c.entity = '{kind}' AND NOT ({_visibility(kind, 't', priv)}))"
        )
    # a letter follows its confidential meeting or action, as they are seen by session_user
    me = "ketnoi_staff_id()"
    letter = " OR ".join(
        [
            "NOT t.confidential",
            priv,
            f"t.owner_id = {me}",
            f"EXISTS (SELECT 1 FROM action a WHERE a.id = t.action_id AND a.confidential "
            f"AND ({_visibility('action', 'a', priv)}))",
            f"EXISTS (SELECT 1 FROM meeting m WHERE m.id = t.meeting_id AND m.confidential "
            f"AND ({_visibility('meeting', 'm', priv)}))",
        ]
    )
    hidden.append(
        "EXISTS (SELECT 1 FROM change c JOIN letter t ON t.id = c.entity_id "
        f"WHERE c.group_id = g AND c.entity = 'letter' AND NOT ({letter}))"
    )
    return (
        "CREATE OR REPLACE FUNCTION ketnoi_group_hidden(g text) RETURNS boolean LANGUAGE sql STABLE "
        f"SECURITY DEFINER SET search_path = {ident(schema)}, pg_temp AS $$ SELECT "
        + " OR ".join(hidden)
        + " $$"
    )


# What a merge moves (db/kinds' links, as app.merge moves them): (table, column, kind of the
# record whose history says so) pointing at the merged record, and its meeting link table.
MERGE_POINTERS = {
    "contact": (("action", "responsible_contact_id"),),
    "organisation": (
        ("contact", "organisation_id"),
        ("action", "organisation_id"),
        ("organisation", "parent_id"),
    ),
}
MERGE_MEETING_LINKS = {
    "contact": ("meeting_attendee", "contact_id"),
    "organisation": ("meeting_organisation", "organisation_id"),
}
PURGED_KINDS = ("attachment", "action", "meeting", "contact", "organisation", "staff")


def _merge_functions(path: str) -> list[str]:
    """``ketnoi_merge_hidden`` and ``ketnoi_unmerge_hidden``: a merge (and its undo) made by a
    login that does not see every record moves the links of those it cannot see too (reviewer
    h130: an officer's merge left a colleague's confidential meeting and follow-up on the
    merged-away contact, and emptying the trash then took them away). They run as the owner
    (row-level security does not filter it), after the application has moved what the login
    sees, so what they find is what it could not; each record moved gets a history row in the
    merge's group, seen only by those who see the record, and nothing is returned to the caller.

    Only a merge this login has just made is finished: the merged-away record's ``merge`` row
    of that group, written by this login, naming the survivor (the undo: the survivor's, naming
    the other, which is live again). An undo moves back only what the merge's rows say it moved
    and that still points where the merge left it."""

    def repoint(table: str, column: str, frm: str, to: str, where: str = "") -> str:
        return (
            f"FOR r IN UPDATE {table} SET {column} = {to}, version = version + 1, updated_at = at "
            f"WHERE {column} = {frm}{where} RETURNING id LOOP "
            "INSERT INTO change (entity, entity_id, op, field, old, new, at, actor, group_id) VALUES "
            f"('{table}', r.id, 'merge', '{column}', to_json({frm}), to_json({to}), at, '', grp); END LOOP; "
        )

    merge_body: list[str] = []
    for kind, pointers in MERGE_POINTERS.items():
        link, column = MERGE_MEETING_LINKS[kind]
        merge_body.append(
            f"{'IF' if not merge_body else 'ELSIF'} kind = '{kind}' THEN "
            + "".join(
                repoint(t, c, "other", "survivor", " AND id <> survivor" if t == kind else "")
                for t, c in pointers
            )
            # a meeting the survivor is on already keeps the survivor's link: the other's row
            # goes, kept whole in the meeting's history for the undo
            + f"FOR r IN SELECT l.* FROM {link} l WHERE l.{column} = other LOOP "
            f"IF EXISTS (SELECT 1 FROM {link} s WHERE s.meeting_id = r.meeting_id AND s.{column} = survivor) THEN "
            f"DELETE FROM {link} WHERE meeting_id = r.meeting_id AND {column} = other; "
            "INSERT INTO change (entity, entity_id, op, field, old, new, at, actor, group_id) VALUES "
            f"('meeting', r.meeting_id, 'merge', '{link}', to_json(r), NULL, at, '', grp); "
            f"ELSE UPDATE {link} SET {column} = survivor WHERE meeting_id = r.meeting_id AND {column} = other; "
            "INSERT INTO change (entity, entity_id, op, field, old, new, at, actor, group_id) VALUES "
            f"('meeting', r.meeting_id, 'merge', '{link}', to_json(other), to_json(survivor), at, '', grp); "
            "END IF; UPDATE meeting SET version = version + 1, updated_at = at WHERE id = r.meeting_id; END LOOP; "
        )
    undo_body: list[str] = []
    for kind, pointers in MERGE_POINTERS.items():
        link, column = MERGE_MEETING_LINKS[kind]
        undo_body.append(
            f"{'IF' if not undo_body else 'ELSIF'} kind = '{kind}' THEN "
            + "".join(
                f"FOR r IN SELECT c.entity_id AS id FROM change c WHERE c.group_id = grp AND c.op = 'merge' "
                f"AND c.entity = '{t}' AND c.field = '{c_}' LOOP "
                f"UPDATE {t} SET {c_} = other, version = version + 1, updated_at = at "
                f"WHERE id = r.id AND {c_} = survivor; IF FOUND THEN "
                "INSERT INTO change (entity, entity_id, op, field, old, new, at, actor, group_id) VALUES "
                f"('{t}', r.id, 'update', '{c_}', to_json(survivor), to_json(other), at, '', undo_grp); "
                "END IF; END LOOP; "
                for t, c_ in pointers
            )
            + f"FOR r IN SELECT c.entity_id AS meeting_id, c.old::jsonb AS old, c.new FROM change c "
            f"WHERE c.group_id = grp AND c.op = 'merge' AND c.entity = 'meeting' AND c.field = '{link}' LOOP "
            "IF r.new IS NULL THEN "  # a link the merge dropped: back, as it was
            f"INSERT INTO {link} SELECT * FROM jsonb_populate_record(NULL::{link}, r.old) ON CONFLICT DO NOTHING; "
            f"ELSIF NOT EXISTS (SELECT 1 FROM {link} s WHERE s.meeting_id = r.meeting_id AND s.{column} = other) THEN "
            f"UPDATE {link} SET {column} = other WHERE meeting_id = r.meeting_id AND {column} = survivor; "
            "ELSE CONTINUE; END IF; IF FOUND THEN "
            "INSERT INTO change (entity, entity_id, op, field, old, new, at, actor, group_id) VALUES "
            f"('meeting', r.meeting_id, 'update', '{link}', r.new, r.old::json, at, '', undo_grp); "
            "UPDATE meeting SET version = version + 1, updated_at = at WHERE id = r.meeting_id; END IF; END LOOP; "
        )
    signature = "kind text, survivor integer, other integer, grp text, at timestamptz"
    return [
        f"CREATE OR REPLACE FUNCTION ketnoi_merge_hidden({signature}) RETURNS void LANGUAGE plpgsql "
        f"VOLATILE SECURITY DEFINER {path} AS $$ DECLARE r record; BEGIN "
        "IF grp = '' OR NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = kind AND c.entity_id = other "
        "AND c.op = 'merge' AND c.field = '' AND c.group_id = grp AND c.login = session_user::text "
        "AND c.new::jsonb ->> 'into' = survivor::text) THEN "
        "RAISE EXCEPTION 'ketnoi_merge_hidden: no merge % of % into % by this login', grp, other, survivor "
        "USING ERRCODE = 'insufficient_privilege'; END IF; " + " ".join(merge_body) + " END IF; END $$",
        f"CREATE OR REPLACE FUNCTION ketnoi_unmerge_hidden({signature}, undo_grp text) RETURNS void "
        f"LANGUAGE plpgsql VOLATILE SECURITY DEFINER {path} AS $$ DECLARE r record; BEGIN "
        "IF grp = '' OR undo_grp = '' OR NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = kind "
        "AND c.entity_id = survivor AND c.op = 'merge' AND c.field = '' AND c.group_id = grp "
        "AND c.new::jsonb ->> 'other_id' = other::text) OR NOT EXISTS (SELECT 1 FROM change c "
        "WHERE c.group_id = undo_grp AND c.login = session_user::text) THEN "
        "RAISE EXCEPTION 'ketnoi_unmerge_hidden: no undo % of merge %', undo_grp, grp "
        "USING ERRCODE = 'insufficient_privilege'; END IF; " + " ".join(undo_body) + " END IF; END $$",
        # How many rows of any table point at each record of ``kind`` in the trash, whoever may
        # see them: emptying the trash compares it with what the login sees, and keeps a record
        # a row it cannot see still points at (its link would have gone with it, unseen).
        "CREATE OR REPLACE FUNCTION ketnoi_trash_references(kind text, ids integer[]) "
        "RETURNS TABLE (id integer, n bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER "
        f"{path} AS $$ DECLARE fk record; BEGIN "
        f"IF kind NOT IN ({', '.join(literal(k) for k in PURGED_KINDS)}) THEN RETURN; END IF; "
        "EXECUTE format('SELECT array_agg(id) FROM %I WHERE id = ANY($1) AND deleted_at IS NOT NULL', kind) "
        "INTO ids USING ids; IF ids IS NULL THEN RETURN; END IF; "
        "FOR fk IN SELECT c.conrelid::regclass AS tab, a.attname AS col FROM pg_constraint c "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "WHERE c.contype = 'f' AND c.confrelid = kind::regclass AND array_length(c.conkey, 1) = 1 LOOP "
        "RETURN QUERY EXECUTE format('SELECT %I, count(*) FROM %s WHERE %I = ANY($1) GROUP BY 1', "
        "fk.col, fk.tab, fk.col) USING ids; END LOOP; END $$",
    ]


def _functions(prefix: str, schema: str) -> list[str]:
    manager = literal(role_name(prefix, "manager"))
    admin = literal(role_name(prefix, "admin"))
    reader = literal(role_name(prefix, "reader"))
    path = f"SET search_path = {ident(schema)}, pg_temp"
    kinds = ", ".join(literal(k) for k in SECURED_KINDS)
    return [
        f"CREATE OR REPLACE FUNCTION ketnoi_role_prefix() RETURNS text LANGUAGE sql IMMUTABLE "
        f"AS $$ SELECT {literal(prefix)}::text $$",
        # session_user: the login, which SET ROLE cannot change.
        f"CREATE OR REPLACE FUNCTION ketnoi_staff_id() RETURNS integer LANGUAGE sql STABLE {path} "
        "AS $$ SELECT id FROM staff WHERE login = session_user::text $$",
        # current_user: inside the owner's SECURITY DEFINER helpers this is the owner (an admin).
        f"CREATE OR REPLACE FUNCTION ketnoi_privileged() RETURNS boolean LANGUAGE sql STABLE "
        f"AS $$ SELECT pg_has_role(current_user, {manager}, 'MEMBER') $$",
        # Whether a record exists at all, whoever may see it (for the history of purged records).
        f"CREATE OR REPLACE FUNCTION ketnoi_exists(kind text, rid integer) RETURNS boolean "
        f"LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$ DECLARE found boolean; BEGIN "
        f"IF kind NOT IN ({kinds}) THEN RETURN false; END IF; "
        "EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', kind) INTO found USING rid; "
        "RETURN found; END $$",
        # What hangs off a record (its history, its files) is seen with the record; a record
        # removed for good leaves its history to everyone.
        f"CREATE OR REPLACE FUNCTION ketnoi_visible(kind text, rid integer) RETURNS boolean "
        f"LANGUAGE plpgsql STABLE {path} AS $$ DECLARE found boolean; BEGIN "
        f"IF kind NOT IN ({kinds}) OR rid IS NULL THEN RETURN true; END IF; "
        "EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', kind) INTO found USING rid; "
        "RETURN found OR NOT ketnoi_exists(kind, rid); END $$",
        # First sign-in: a login in one of Ketnoi's roles gets its Staff record.
        f"CREATE OR REPLACE FUNCTION ketnoi_sign_in() RETURNS integer LANGUAGE plpgsql VOLATILE "
        f"SECURITY DEFINER {path} AS $$ DECLARE sid integer; BEGIN "
        "SELECT id INTO sid FROM staff WHERE login = session_user::text; "
        f"IF sid IS NULL AND pg_has_role(session_user, {reader}, 'MEMBER') THEN "
        "INSERT INTO staff (name, email, active, login, created_at, updated_at, version) "
        "VALUES (session_user::text, '', true, session_user::text, now(), now(), 1) RETURNING id INTO sid; "
        "END IF; RETURN sid; END $$",
        # History names the login that wrote it, whatever the client sent.
        f"CREATE OR REPLACE FUNCTION ketnoi_change_author() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER {path} AS $$ BEGIN "
        "NEW.login := session_user::text; "
        "NEW.actor := COALESCE((SELECT name FROM staff WHERE login = session_user::text), session_user::text); "
        "RETURN NEW; END $$",
        f"CREATE OR REPLACE FUNCTION ketnoi_batch_author() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER {path} AS $$ BEGIN "
        "NEW.created_by := COALESCE((SELECT name FROM staff WHERE login = session_user::text), "
        "session_user::text); RETURN NEW; END $$",
        # Only an administrator binds a staff record to a login (else an officer could take
        # a colleague's identity, and with it their confidential records).
        f"CREATE OR REPLACE FUNCTION ketnoi_staff_login_guard() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN "
        "IF ((TG_OP = 'INSERT' AND NEW.login IS NOT NULL) OR "
        "(TG_OP = 'UPDATE' AND NEW.login IS DISTINCT FROM OLD.login)) "
        f"AND NOT pg_has_role(current_user, {admin}, 'MEMBER') THEN "
        "RAISE EXCEPTION 'only an administrator sets the login of a staff member' "
        "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$",
        # A record made confidential without an owner is owned by whoever did it, so that
        # they still see it.
        "CREATE OR REPLACE FUNCTION ketnoi_confidential_owner() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN IF NEW.confidential AND NEW.owner_id IS NULL THEN "
        "NEW.owner_id := ketnoi_staff_id(); END IF; RETURN NEW; END $$",
        # Sharing: the record's owner (or a manager) shares it.
        f"CREATE OR REPLACE FUNCTION ketnoi_owns(kind text, rid integer) RETURNS boolean "
        f"LANGUAGE plpgsql STABLE {path} AS $$ DECLARE found boolean; BEGIN "
        f"IF kind NOT IN ({kinds}) THEN RETURN false; END IF; "
        "EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1 AND owner_id = ketnoi_staff_id())', kind) "
        "INTO found USING rid; RETURN found; END $$",
    ]


def _trigger(name: str, table: str, when: str, function: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def _policy(table: str, name: str, clause: str) -> list[str]:
    return [f"DROP POLICY IF EXISTS {name} ON {table}", f"CREATE POLICY {name} ON {table} {clause}"]


def _secure(table: str) -> list[str]:
    # Not FORCE: the owner (the administrator's set-up role, never a person's everyday login)
    # is not filtered, so its SECURITY DEFINER helpers see every row and ketnoi_search can use
    # the full-text index; every other login is.
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY",
    ]


def _policies(tables: set[str]) -> list[str]:
    out: list[str] = []
    for kind in SECURED_KINDS:
        vis = _visibility(kind)
        out += _secure(kind) + _policy(kind, "ketnoi_visible", f"FOR ALL USING ({vis}) WITH CHECK ({vis})")
        out += _trigger(f"ketnoi_{kind}_owner", kind, "BEFORE INSERT OR UPDATE", "ketnoi_confidential_owner")
    me = "(SELECT ketnoi_staff_id())"
    priv = "(SELECT ketnoi_privileged())"
    out += _secure("record_share")
    out += _policy(
        "record_share",
        "ketnoi_see",
        f"FOR SELECT USING (staff_id = {me} OR shared_by_id = {me} OR {priv})",
    )
    out += _policy(
        "record_share",
        "ketnoi_add",
        f"FOR INSERT WITH CHECK ({priv} OR (shared_by_id = {me} AND ketnoi_owns(kind, record_id)))",
    )
    out += _policy("record_share", "ketnoi_remove", f"FOR DELETE USING (shared_by_id = {me} OR {priv})")
    out += _policy("record_share", "ketnoi_change", f"FOR UPDATE USING ({priv})")
    # What hangs off a record follows it.
    follows = {
        "contact_method": "EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_method.contact_id)",
        "meeting_attendee": "EXISTS (SELECT 1 FROM meeting m WHERE m.id = meeting_attendee.meeting_id)",
        "meeting_organisation": (
            "EXISTS (SELECT 1 FROM meeting m WHERE m.id = meeting_organisation.meeting_id)"
        ),
        "email_message": "EXISTS (SELECT 1 FROM meeting m WHERE m.id = email_message.meeting_id)",
        "attachment": "ketnoi_visible(attachment.owner_kind, attachment.owner_id)",
    }
    for table, cond in follows.items():
        if table in tables:
            out += _secure(table) + _policy(
                table, "ketnoi_follows", f"FOR ALL USING ({cond}) WITH CHECK ({cond})"
            )
    # History: anyone may add a row; a row is read with its record.
    seen = "ketnoi_visible(change.entity, change.entity_id)"
    out += _secure("change")
    out += _policy("change", "ketnoi_read", f"FOR SELECT USING ({seen})")
    out += _policy("change", "ketnoi_write", "FOR INSERT WITH CHECK (true)")
    out += _policy("change", "ketnoi_edit", f"FOR UPDATE USING ({seen})")
    out += _policy("change", "ketnoi_remove", f"FOR DELETE USING ({seen})")
    out += _trigger("ketnoi_change_author", "change", "BEFORE INSERT", "ketnoi_change_author")
    out += _trigger("ketnoi_batch_author", "import_batch", "BEFORE INSERT", "ketnoi_batch_author")
    out += _trigger("ketnoi_staff_login", "staff", "BEFORE INSERT OR UPDATE", "ketnoi_staff_login_guard")
    return out


def _grants(prefix: str, schema: str, database: str, owner: str) -> list[str]:
    r = {k: ident(role_name(prefix, k)) for k in ROLE_KINDS}
    s = ident(schema)
    out = []
    for kind in ROLE_KINDS:
        out.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"{literal(role_name(prefix, kind))}) THEN CREATE ROLE {r[kind]} NOLOGIN; END IF; END $$"
        )
    out += [
        f"GRANT {r['reader']} TO {r['officer']}",
        f"GRANT {r['officer']} TO {r['manager']}",
        f"GRANT {r['manager']} TO {r['admin']}",
        f"GRANT {r['admin']} TO {ident(owner)}",
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {ident(database)} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {ident(database)} TO {r['reader']}",
        f"GRANT USAGE ON SCHEMA {s} TO {r['reader']}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {r['reader']}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r['officer']}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {r['officer']}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r['reader']}",  # pg_dump reads them
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r['officer']}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {r['reader']}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT INSERT, UPDATE, DELETE ON TABLES TO {r['officer']}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON SEQUENCES TO {r['reader']}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r['officer']}",
        "REVOKE ALL ON FUNCTION ketnoi_sign_in() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION ketnoi_sign_in() TO {r['reader']}",
    ]
    return out


def set_up(engine: Engine, prefix: str = DEFAULT_PREFIX) -> dict[str, Any]:
    """Upgrade the schema and set up roles, grants, policies and triggers (idempotent).

    Must run as the database's owner (or a superuser) holding CREATEROLE."""
    from db.migrate import upgrade

    check_prefix(prefix)
    if engine.dialect.name != "postgresql":
        raise TeamSetupError(
            "team roles need a PostgreSQL database: copy this file into one with "
            "ketnoi copy-db --from FILE --to postgresql://…, then run ketnoi admin init there"
        )
    with engine.connect() as conn:
        version = int(conn.execute(text("SHOW server_version_num")).scalar() or 0)
        me, owner, database, schema, can_create_roles = conn.execute(
            text(
                "SELECT current_user, pg_get_userbyid(d.datdba), current_database(), current_schema(), "
                "r.rolcreaterole OR r.rolsuper FROM pg_database d, pg_roles r "
                "WHERE d.datname = current_database() AND r.rolname = current_user"
            )
        ).one()
        superuser = bool(
            conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
        )
        existing = team_prefix(conn)
    if version < MIN_SERVER_VERSION:
        raise TeamSetupError(f"team mode needs PostgreSQL 15 or later (this server is {version // 10000})")
    if me != owner and not superuser:
        raise TeamSetupError(f"run ketnoi admin init as the database's owner ({owner}), not {me}")
    if not can_create_roles:
        raise TeamSetupError(
            f"the role {me} cannot create roles; give it CREATEROLE (ALTER ROLE {me} CREATEROLE)"
        )
    if existing is not None and existing != prefix:
        raise TeamSetupError(f"this database is set up with the role prefix {existing!r}, not {prefix!r}")
    upgrade(engine)
    with engine.begin() as conn:
        tables = {
            str(t)
            for t in conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            ).scalars()
        }
        statements = [
            *_functions(prefix, schema),
            _search_function(prefix, schema),
            _group_hidden_function(prefix, schema),
            *_merge_functions(f"SET search_path = {ident(schema)}, pg_temp"),
            *_grants(prefix, schema, database, owner),
            *_policies(tables),
        ]
        for statement in statements:
            conn.exec_driver_sql(statement.replace("%", "%%"))
    return {
        "database": database,
        "owner": owner,
        "roles": [role_name(prefix, k) for k in ROLE_KINDS],
        "server_version": version,
    }


# --- logins ----------------------------------------------------------------------------------


def create_login(conn: Connection, prefix: str, login: str, kind: str, password: str) -> None:
    """Create (or re-enable and re-assign) the login role ``login`` in ``<prefix><kind>``.

    The password is sent as a SCRAM-SHA-256 verifier computed here (libpq's
    ``PQencryptPasswordConn``, as psql's ``\\password`` does), so the server's statement log
    never holds the password itself."""
    check_login(login)
    if kind not in ROLE_KINDS:
        raise TeamSetupError(f"role {kind!r}: one of {', '.join(ROLE_KINDS)}")
    if not password:
        raise TeamSetupError("a password is required")
    _check_person(conn, prefix, login, "add-user")
    raw: Any = conn.connection.driver_connection
    verifier = raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar()
    who = ident(login)
    extra = " CREATEROLE" if kind == "admin" else " NOCREATEROLE"
    if exists:
        conn.exec_driver_sql(f"ALTER ROLE {who} LOGIN{extra} PASSWORD {literal(verifier)}")
    else:
        conn.exec_driver_sql(f"CREATE ROLE {who} LOGIN{extra} PASSWORD {literal(verifier)}")
    _only_in(conn, prefix, who, kind)
    if exists:  # a disabled login given a role again: no longer marked disabled
        conn.exec_driver_sql(f"COMMENT ON ROLE {who} IS NULL")


def _only_in(conn: Connection, prefix: str, who: str, kind: str) -> None:
    """The login ``who`` (quoted) in Ketnoi's group role ``kind`` and in no other."""
    for other in ROLE_KINDS:
        if other != kind:
            conn.exec_driver_sql(f"REVOKE {ident(role_name(prefix, other))} FROM {who}")
    conn.exec_driver_sql(f"GRANT {ident(role_name(prefix, kind))} TO {who}")


def set_login_role(conn: Connection, prefix: str, login: str, kind: str) -> str:
    """Move the login ``login`` to ``<prefix><kind>`` — its password and its staff record stay;
    returns the role it had. Its sessions open now have the new rights at their next statement
    (a window follows: ``ui.team``). A disabled login is refused: add-user gives it back."""
    check_login(login)
    if kind not in ROLE_KINDS:
        raise TeamSetupError(f"role {kind!r}: one of {', '.join(ROLE_KINDS)}")
    _check_person(conn, prefix, login, "set-role")
    row = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    if row is None:
        raise TeamSetupError(
            f"no login {login!r} on this server: ketnoi admin add-user {login} --role {kind} …"
        )
    old = role_of(conn, prefix, login)
    if not row[0] or not old:
        raise TeamSetupError(
            f"login {login!r} is disabled or has no Ketnoi role: "
            f"ketnoi admin add-user {login} --role {kind} --name … gives it one (with a password)"
        )
    who = ident(login)
    conn.exec_driver_sql(f"ALTER ROLE {who} {'CREATEROLE' if kind == 'admin' else 'NOCREATEROLE'}")
    _only_in(conn, prefix, who, kind)
    return old


def _check_person(conn: Connection, prefix: str, login: str, doing: str) -> None:
    """Refuse, in one line and before the server is asked, a login ``doing`` (set-role,
    disable-user, add-user) must not touch: Ketnoi's own group roles (disabling one locked out
    everyone in it), a superuser (Ketnoi's roles do not bind it; the server answered in its own
    words), the database's owner (it set up the team; disabling it locks out admin init) and,
    but for add-user, the administrator's own login (the server cut the command's own session,
    or answered "must have admin option")."""
    if login in {role_name(prefix, kind) for kind in ROLE_KINDS}:
        raise TeamSetupError(
            f"{login!r} is one of Ketnoi's group roles, not a person's login: {doing} takes a "
            "person's login (ketnoi admin list-users lists them); nothing was changed"
        )
    if conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar():
        raise TeamSetupError(
            f"login {login!r} is a superuser of the server: it sees every record and Ketnoi's roles "
            f"do not bind it, so {doing} does not change it; nothing was changed"
        )
    if login == _owner(conn):
        raise TeamSetupError(
            f"login {login!r} owns this database: it set up the team and sees every record "
            f"whatever its role, so {doing} does not change it; nothing was changed"
        )
    if doing != "add-user" and login == conn.execute(text("SELECT current_user")).scalar():
        raise TeamSetupError(
            f"login {login!r} is your own: another administrator must run {doing} for it; nothing was changed"
        )


def _owner(conn: Connection) -> str:
    """The login that owns the database ``conn`` is connected to."""
    return str(
        conn.execute(
            text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
        ).scalar()
    )


_DISABLED = "ketnoi disabled: "  # the comment on a disabled login, then its former group role


def disable_login(conn: Connection, prefix: str, login: str) -> bool:
    """The login can no longer connect, and a session it has open now (a laptop left running)
    loses every right at its next statement: NOLOGIN alone only refuses new connections, so the
    login also leaves Ketnoi's group roles, where all its rights come from (the role it had is
    kept in the role's comment, for the list of users and a later add-user). Its open sessions
    are also ended where the server lets this administrator do so. Returns False when the login
    was disabled already (nothing changed)."""
    check_login(login)
    row = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    if row is None:
        raise TeamSetupError(f"no login {login!r} on this server")
    _check_person(conn, prefix, login, "disable-user")
    who = ident(login)
    now = role_of(conn, prefix, login)
    if not row[0] and not now:  # disabled already (or never in a Ketnoi role): nothing to do
        return False
    kind = now or disabled_kind(conn, prefix, login)
    conn.exec_driver_sql(f"ALTER ROLE {who} NOLOGIN")
    for other in ROLE_KINDS:
        conn.exec_driver_sql(f"REVOKE {ident(role_name(prefix, other))} FROM {who}")
    if kind:
        conn.exec_driver_sql(f"COMMENT ON ROLE {who} IS {literal(_DISABLED + role_name(prefix, kind))}")
    try:
        with conn.begin_nested():  # (pg_signal_backend, or being a member of the login, is needed)
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"),
                {"n": login},
            )
    except DBAPIError:
        pass  # its rights are gone all the same
    return True


def kind_of(conn: Connection, prefix: str, login: str) -> str:
    """The Ketnoi role ``login`` has, or had before it was disabled; "" for none or no such login."""
    if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar():
        return ""
    return role_of(conn, prefix, login) or disabled_kind(conn, prefix, login)


def disabled_kind(conn: Connection, prefix: str, login: str) -> str:
    """The group role a disabled login had (:func:`disable_login`'s comment), "" if none."""
    note = conn.execute(
        text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :n"), {"n": login}
    ).scalar()
    if note and str(note).startswith(_DISABLED + prefix):
        kind = str(note)[len(_DISABLED + prefix) :]
        return kind if kind in ROLE_KINDS else ""
    return ""


@dataclass(frozen=True)
class Login:
    login: str
    role: str
    can_login: bool


def logins(conn: Connection, prefix: str) -> list[Login]:
    """Every role that is a member of one of Ketnoi's group roles (directly or not), and every
    login :func:`disable_login` took out of them (with the role it had)."""
    rows = conn.execute(
        text(
            "SELECT r.rolname, r.rolcanlogin FROM pg_roles r "
            "WHERE (pg_has_role(r.oid, :reader, 'MEMBER') "
            "OR shobj_description(r.oid, 'pg_authid') LIKE :disabled) "
            "AND r.rolname <> ALL(:groups) AND NOT r.rolsuper ORDER BY r.rolname"
        ),
        {
            "reader": role_name(prefix, "reader"),
            "groups": [role_name(prefix, k) for k in ROLE_KINDS],
            "disabled": _DISABLED + prefix.replace("_", r"\_") + "%",
        },
    ).all()
    return [
        Login(str(n), role_of(conn, prefix, str(n)) or disabled_kind(conn, prefix, str(n)), bool(c))
        for n, c in rows
    ]


# engine → True: ketnoi_group_hidden is there; False: not a team database
_GROUP_HIDDEN: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def group_hidden(conn: Any, group_id: str) -> bool:
    """Whether the operation ``group_id`` touches a record the signed-in person may not see
    (:func:`_group_hidden_function`); False off a team database. On a team database whose
    ``ketnoi admin init`` predates the function, an operation another login wrote counts as
    hidden (it may be: nothing can tell until the administrator runs ``admin init`` again)."""
    return bool(groups_hidden(conn, [group_id]))


def groups_hidden(conn: Any, group_ids: list[str]) -> set[str]:
    """Those of ``group_ids`` that :func:`group_hidden` says yes to, asked in one statement
    (Import history asks it of every import it lists: one round trip, not one per import)."""
    if not group_ids:
        return set()
    dialect = conn.dialect if isinstance(conn, Connection) else conn.get_bind().dialect
    if dialect.name != "postgresql":
        return set()
    bind = conn.engine if isinstance(conn, Connection) else conn.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    if engine in _GROUP_HIDDEN:  # asked once per engine (Undo history asks it of every row)
        have = (_GROUP_HIDDEN[engine], True) if _GROUP_HIDDEN[engine] else (False, False)
    else:
        have = conn.execute(
            text(
                "SELECT to_regprocedure('ketnoi_group_hidden(text)') IS NOT NULL, "
                "to_regprocedure('ketnoi_role_prefix()') IS NOT NULL"
            )
        ).one()
        if have[0] or not have[1]:  # (a team database set up before: asked again each time)
            _GROUP_HIDDEN[engine] = bool(have[0])
    groups = sorted(set(group_ids))
    if have[0]:
        query = "SELECT g FROM unnest(CAST(:gs AS text[])) AS g WHERE ketnoi_group_hidden(g)"
    elif not have[1]:  # not a team database
        return set()
    else:
        query = (
            "SELECT DISTINCT group_id FROM change "
            "WHERE group_id = ANY(CAST(:gs AS text[])) AND login IS DISTINCT FROM session_user"
        )
    return {str(g) for g in conn.execute(text(query), {"gs": groups}).scalars()}


# --- what the login cannot see, moved or kept by the owner's functions ------------------------


def has_function(conn: Connection, name: str) -> bool:
    """Whether ``ketnoi admin init`` of this Ketnoi made the function ``name`` (an older one
    did not: it is run again after an upgrade, docs/team.md)."""
    return bool(conn.execute(text("SELECT to_regproc(:n) IS NOT NULL"), {"n": name}).scalar())


def privileged(conn: Connection) -> bool:
    """Whether the signed-in login sees every record (a manager, an administrator, the owner)."""
    return bool(conn.execute(text("SELECT ketnoi_privileged()")).scalar())


def finish_merge(conn: Connection, kind: str, survivor: int, other: int, group: str, at: Any) -> None:
    """Move what still points at ``other`` — the rows this login cannot see — to ``survivor``
    (``ketnoi_merge_hidden``), after the merge ``group`` moved the rest."""
    conn.execute(
        text("SELECT ketnoi_merge_hidden(:k, :s, :o, :g, :at)"),
        {"k": kind, "s": survivor, "o": other, "g": group, "at": at},
    )


def unfinish_merge(
    conn: Connection, kind: str, survivor: int, other: int, group: str, undo_group: str, at: Any
) -> None:
    """The undo ``undo_group`` of the merge ``group``: what :func:`finish_merge` moved goes back
    (``ketnoi_unmerge_hidden``)."""
    conn.execute(
        text("SELECT ketnoi_unmerge_hidden(:k, :s, :o, :g, :at, :u)"),
        {"k": kind, "s": survivor, "o": other, "g": group, "at": at, "u": undo_group},
    )


def trash_references(conn: Connection, kind: str, ids: list[int]) -> dict[int, int]:
    """How many rows of every table point at each of ``ids`` (records of ``kind`` in the trash),
    counted by the owner, whoever may see them (``ketnoi_trash_references``)."""
    out: dict[int, int] = {}
    for i, n in conn.execute(
        text("SELECT id, n FROM ketnoi_trash_references(:k, CAST(:ids AS integer[]))"),
        {"k": kind, "ids": ids},
    ).all():
        out[int(i)] = out.get(int(i), 0) + int(n)
    return out
