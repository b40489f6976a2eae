"""Team mode: who is signed in, the administrator's users, and sharing confidential records.

On a PostgreSQL database set up by ``ketnoi admin init`` (:mod:`db.team`) each person connects
as their own login; :func:`identity` maps it to their Staff record (created on first sign-in),
and the database itself writes that name and login into every history row. On SQLite and on a
PostgreSQL database never set up for a team, :func:`identity` is None and everything is as
before (the window's Settings chooses the current user).

    who = identity(engine)                 # Identity(login="lan", staff_id=3, name="Lan", role="officer")
    add_user(engine, "lan", "officer", "Trần Thị Lan", password)
    share(session, "meeting", 42, [staff_id])   # the owner shows a confidential meeting to a colleague
"""

from __future__ import annotations

import getpass
import os
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app import records
from app.errors import NotFoundError, NotPermitted, UserError
from db import engine as dbengine
from db import models as m
from db import team as dbteam
from db.engine import Engine, not_permitted, unit_of_work
from db.tables import STAFF, table_of
from db.team import Identity, Login

SHARE = table_of(m.RecordShare)
SHARED = "shared_with"  # the history field of a share given or taken back
CONFIDENTIAL_KINDS = dbteam.CONFIDENTIAL_KINDS

__all__ = [
    "CONFIDENTIAL_KINDS",
    "Identity",
    "Login",
    "ShareRefused",
    "UserRow",
    "add_user",
    "disable_user",
    "follow_role",
    "identity",
    "list_users",
    "login_name",
    "login_refused",
    "refused",
    "role_now",
    "set_role",
    "set_up",
    "share",
    "shares_of",
    "unshare",
]


def login_name() -> str:
    """The name the history records for this computer's user when no one is signed in to a team
    database and no one is chosen under the window's Settings → I am: ``$KETNOI_ACTOR``, else
    the operating system's login name ("" when it has none, as in a container without a
    passwd entry). The command line and the window both record it, so one change made in
    each shows the same name."""
    try:
        return os.environ.get("KETNOI_ACTOR") or getpass.getuser()
    except (KeyError, OSError, ImportError):  # getpass: no USER/LOGNAME and no pwd entry
        return ""


_IDENTITIES: weakref.WeakKeyDictionary[Engine, Identity | None] = weakref.WeakKeyDictionary()


def identity(engine: Engine) -> Identity | None:
    """The signed-in person on a team database (asked once per engine); None elsewhere."""
    if engine not in _IDENTITIES:
        if engine.dialect.name != "postgresql":
            _IDENTITIES[engine] = None
        else:
            # (asked from inside a unit of work too: not behind the database's write lock)
            with unit_of_work(engine, exclusive=False) as session:
                _IDENTITIES[engine] = dbteam.sign_in(session.connection())
    return _IDENTITIES[engine]


FULL_SIGHT = ("manager", "admin")
"""The roles that see every confidential record (row-level security: ``ketnoi_privileged()``,
db.team). The database's owner holds the admin role, and a superuser every role."""


def sees_everything(engine: Engine) -> bool:
    """Whether the signed-in login sees every record: True off a team database (SQLite, or a
    PostgreSQL database without Ketnoi's roles), and for a manager or an administrator; False
    for an officer or a reader, from whom row-level security hides the colleagues' confidential
    records they are not on, so a copy they take leaves those out."""
    who = identity(engine)
    return who is None or who.role in FULL_SIGHT


def role_now(engine: Engine) -> str:
    """The signed-in login's role as the database says it now (one query; "" when the login was
    disabled or taken out of Ketnoi's roles). For a team database only (see :func:`identity`)."""
    try:
        with engine.connect() as conn:
            return dbteam.role_now(conn)
    except DBAPIError as exc:
        if login_refused(exc):  # disabled, and its old connection ended
            return ""
        raise


def login_refused(exc: BaseException) -> bool:
    """The server no longer lets this login connect (it was disabled, and the connection it had
    was ended): a new connection was turned away by the server — not the network — whatever
    language the server speaks (``db.engine.server_refuses``)."""
    return isinstance(exc, DBAPIError) and dbengine.login_refused(exc)


def refused(exc: BaseException) -> bool:
    """The database refused this login (SQLSTATE 42501 — a GRANT it lacks, row-level security,
    or no Ketnoi role left — or no longer lets it connect), whether a write or a read."""
    if isinstance(exc, NotPermitted) or login_refused(exc):
        return True
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501"


def follow_role(engine: Engine, role: str) -> Identity | None:
    """The signed-in identity now holding ``role`` (an administrator changed it while a window
    was open); None when there is no identity or the role is the same."""
    who = identity(engine)
    if who is None or who.role == role:
        return None
    _IDENTITIES[engine] = now = replace(who, role=role)
    return now


def set_up(engine: Engine, prefix: str = dbteam.DEFAULT_PREFIX) -> dict[str, Any]:
    try:
        return dbteam.set_up(engine, prefix)
    except dbteam.TeamSetupError as exc:
        raise UserError(str(exc)) from None
    except DBAPIError as exc:
        refused = not_permitted(exc, engine)
        if refused is not None:
            raise UserError(f"ketnoi admin init must run as the database's owner: {refused}") from None
        raise


def _prefix(session: Session) -> str:
    conn = session.connection()
    if conn.dialect.name != "postgresql":  # (admin init refuses a file: saying "run it" would loop)
        raise UserError(
            "team roles need a PostgreSQL database: copy this file into one with "
            "ketnoi copy-db --from FILE --to postgresql://…, then run ketnoi admin init there"
        )
    prefix = dbteam.team_prefix(conn)
    if prefix is None:
        raise UserError("this database is not set up for a team: run ketnoi admin init first (as its owner)")
    return prefix


def add_user(
    engine: Engine, login: str, role: str, name: str, password: str, *, email: str = "", actor: str = ""
) -> int:
    """Create the login ``login`` in Ketnoi's ``role`` and its Staff record (or bind an
    existing Staff of that name that has no login yet); one transaction. Returns the staff id."""
    name = name.strip()
    if not name:
        raise UserError("--name: the person's full name is required")
    try:
        dbteam.check_login(login)
    except dbteam.TeamSetupError as exc:
        raise UserError(str(exc)) from None
    with unit_of_work(engine) as session:
        prefix = _prefix(session)
        conn = session.connection()
        before = dbteam.kind_of(conn, prefix, login)
        try:
            dbteam.create_login(conn, prefix, login, role, password)
        except dbteam.TeamSetupError as exc:
            raise UserError(str(exc)) from None
        known = session.execute(select(STAFF.c.id, STAFF.c.active).where(STAFF.c.login == login)).first()
        if known is not None:  # a login given back (or a new password): its history says what changed
            staff_id = known[0]
            session.execute(text("UPDATE staff SET active = true WHERE id = :id"), {"id": staff_id})
            if not known[1]:
                records.record_change(
                    session,
                    "staff",
                    int(staff_id),
                    "update",
                    field="active",
                    old=False,
                    new=True,
                    actor=actor,
                )
            if before != role:
                records.record_change(
                    session,
                    "staff",
                    int(staff_id),
                    "update",
                    field="role",
                    old=before or None,
                    new=role,
                    actor=actor,
                )
            _IDENTITIES.pop(engine, None)
            return int(staff_id)
        staff_id = session.execute(
            select(STAFF.c.id)
            .where(STAFF.c.name == name, STAFF.c.login.is_(None), STAFF.c.deleted_at.is_(None))
            .order_by(STAFF.c.id)
        ).scalar()
        if staff_id is None:
            values = {"name": name, "email": email, "active": True}
            staff_id = records.create(session, "staff", values, actor=actor, group_id=records.new_group_id())
        session.execute(
            text("UPDATE staff SET login = :login, active = true WHERE id = :id"),
            {"login": login, "id": staff_id},
        )
        records.record_change(
            session, "staff", int(staff_id), "update", field="login", new=login, actor=actor
        )
    _IDENTITIES.pop(engine, None)
    return int(staff_id)


def set_role(engine: Engine, login: str, role: str, *, actor: str = "") -> tuple[str, str]:
    """Give the login ``login`` Ketnoi's ``role`` instead of the one it has (its password and
    staff record stay); one transaction, written in its staff record's history (field
    ``role``). Returns (old role, new role). A window the person has open follows at once."""
    with unit_of_work(engine) as session:
        prefix = _prefix(session)
        try:
            old = dbteam.set_login_role(session.connection(), prefix, login, role)
        except dbteam.TeamSetupError as exc:
            raise UserError(str(exc)) from None
        staff_id = session.execute(select(STAFF.c.id).where(STAFF.c.login == login)).scalar()
        if staff_id is not None and old != role:
            records.record_change(
                session, "staff", int(staff_id), "update", field="role", old=old, new=role, actor=actor
            )
            # the row touched: its trigger notifies the windows, and the person's asks its role now
            session.execute(text("UPDATE staff SET login = login WHERE id = :id"), {"id": staff_id})
    return old, role


def disable_user(engine: Engine, login: str, *, actor: str = "") -> bool:
    """The login can no longer connect; its Staff record is marked inactive (history kept).
    False: it was disabled already, and nothing was changed or written in its history."""
    with unit_of_work(engine) as session:
        prefix = _prefix(session)
        try:
            changed = dbteam.disable_login(session.connection(), prefix, login)
        except dbteam.TeamSetupError as exc:
            raise UserError(str(exc)) from None
        if not changed:
            return False
        staff_id = session.execute(select(STAFF.c.id).where(STAFF.c.login == login)).scalar()
        if staff_id is not None:
            session.execute(text("UPDATE staff SET active = false WHERE id = :id"), {"id": staff_id})
            records.record_change(
                session, "staff", int(staff_id), "update", field="active", old=True, new=False, actor=actor
            )
    return True


@dataclass(frozen=True)
class UserRow:
    login: str
    role: str
    can_login: bool
    staff_id: int | None
    name: str


def list_users(engine: Engine) -> list[UserRow]:
    with unit_of_work(engine) as session:
        prefix = _prefix(session)
        found = dbteam.logins(session.connection(), prefix)
        staff = {
            str(login): (int(i), str(n))
            for i, n, login in session.execute(
                select(STAFF.c.id, STAFF.c.name, STAFF.c.login).where(STAFF.c.login.is_not(None))
            ).all()
        }
    return [UserRow(x.login, x.role, x.can_login, *(staff.get(x.login) or (None, ""))) for x in found]


# --- sharing ---------------------------------------------------------------------------------


def shares_of(session: Session, kind: str, record_id: int) -> list[tuple[int, str]]:
    """The colleagues (staff id, name) a record is shared with, by name."""
    rows = session.execute(
        select(STAFF.c.id, STAFF.c.name)
        .join(SHARE, SHARE.c.staff_id == STAFF.c.id)
        .where(SHARE.c.kind == kind, SHARE.c.record_id == record_id)
        .order_by(STAFF.c.name)
    ).all()
    return [(int(i), str(n)) for i, n in rows]


def _check_kind(kind: str) -> None:
    if kind not in dbteam.CONFIDENTIAL_KINDS:
        raise UserError(f"only {', '.join(dbteam.CONFIDENTIAL_KINDS)} records can be shared, not {kind!r}")


class ShareRefused(UserError):
    """On a team database only a record's owner (or a manager) shares it; ``owner`` is the
    owner's name ("" when it has none), for the window to say it in the user's language."""

    def __init__(self, kind: str, record_id: int, owner: str) -> None:
        self.kind, self.record_id, self.owner = kind, record_id, owner
        whose = f"its owner ({owner})" if owner else "its owner"
        super().__init__(
            f"Not shared: only {whose} or a manager can share {kind} #{record_id} with colleagues — ask them to"
        )


def _check_may_share(session: Session, kind: str, record_id: int, owner_id: Any, by: int | None) -> None:
    """Raise :class:`ShareRefused` unless the signed-in person owns the record or is a manager
    (what the database's policy on ``record_share`` enforces, said before it refuses in its own
    words). Nothing to check off a team database."""
    conn = session.connection()
    if conn.dialect.name != "postgresql" or dbteam.team_prefix(conn) is None:
        return
    if by is not None and owner_id == by:
        return
    if session.execute(text("SELECT ketnoi_privileged()")).scalar():
        return
    owner = session.execute(select(STAFF.c.name).where(STAFF.c.id == owner_id)).scalar() if owner_id else None
    raise ShareRefused(kind, record_id, str(owner or ""))


def share(
    session: Session,
    kind: str,
    record_id: int,
    staff_ids: list[int],
    *,
    by: int | None,
    actor: str = "",
    group_id: str = "",
) -> list[int]:
    """Show a record to the colleagues ``staff_ids`` (those not already on it); one history row
    each, in ``group_id`` (undone by :func:`revert_shares`). On a team database only the
    record's owner or a manager may (the database checks)."""
    _check_kind(kind)
    values = records.get(session, kind, record_id)  # NotFoundError when not there (or not yours to see)
    staff_ids = list(dict.fromkeys(staff_ids))
    have = {i for i, _n in shares_of(session, kind, record_id)}
    if set(staff_ids) - have:
        _check_may_share(session, kind, record_id, values.get("owner_id"), by)
    added = []
    for sid in staff_ids:
        if session.get(m.Staff, sid) is None:
            raise NotFoundError("staff", sid)
        if sid in have:
            continue
        session.add(m.RecordShare(kind=kind, record_id=record_id, staff_id=sid, shared_by_id=by))
        records.record_change(
            session, kind, record_id, "update", field=SHARED, new=sid, actor=actor, group_id=group_id
        )
        added.append(sid)
    session.flush()
    return added


def unshare(
    session: Session, kind: str, record_id: int, staff_ids: list[int], *, actor: str = "", group_id: str = ""
) -> int:
    """Stop showing a record to the colleagues ``staff_ids``; one history row each (as
    :func:`share`)."""
    _check_kind(kind)
    removed = 0
    for sid in dict.fromkeys(staff_ids):
        gone = session.execute(
            delete(SHARE).where(SHARE.c.kind == kind, SHARE.c.record_id == record_id, SHARE.c.staff_id == sid)
        )
        if getattr(gone, "rowcount", 0):
            records.record_change(
                session, kind, record_id, "update", field=SHARED, old=sid, actor=actor, group_id=group_id
            )
            removed += 1
    session.flush()
    return removed


def revert_shares(session: Session, rows: Sequence[Any], actor: str, undo_group: str) -> None:
    """Called by :func:`app.undo.undo_group` with a group's history rows of :data:`SHARED`
    (``entity``, ``entity_id``, ``old``, ``new``): each share it added goes, each it removed
    comes back, written to history in ``undo_group`` the other way round (so that undoing the
    undo, a redo, shares again). A share changed since (removed, or given back, by someone
    else) is an :class:`~app.undo.UndoConflict`, found before anything is written. A share given back is given by whoever undoes (row-level security lets one share
    only as oneself), not necessarily by whoever gave it first."""
    from app.undo import UndoConflict

    steps = []  # (kind, record id, staff id, whether the undo gives the share back)
    for r in reversed(rows):
        give_back = r.old is not None
        sid = int(r.old if give_back else r.new)
        steps.append((str(r.entity), int(r.entity_id), sid, give_back))
    # Check every step before writing any (as app.undo does), each against the state the steps
    # before it leave: a group that gave and took back one colleague is undone in order.
    present: dict[tuple[str, int, int], bool] = {}
    for kind, record_id, sid, give_back in steps:
        key = (kind, record_id, sid)
        if key not in present:
            present[key] = (
                session.execute(
                    select(SHARE.c.id).where(
                        SHARE.c.kind == kind, SHARE.c.record_id == record_id, SHARE.c.staff_id == sid
                    )
                ).first()
                is not None
            )
        if present[key] == give_back:
            who = session.get(m.Staff, sid)
            name = who.name if who is not None else f"#{sid}"
            raise UndoConflict(f"Cannot undo: who sees the record was changed since ({name}).")
        present[key] = give_back
    bind = session.get_bind()
    me = identity(bind if isinstance(bind, Engine) else bind.engine)  # (given back by whoever
    by = me.staff_id if me is not None else None  # undoes: the database lets one share as oneself)
    for kind, record_id, sid, give_back in steps:
        if give_back:
            session.add(m.RecordShare(kind=kind, record_id=record_id, staff_id=sid, shared_by_id=by))
            session.flush()
        else:
            session.execute(
                delete(SHARE).where(
                    SHARE.c.kind == kind, SHARE.c.record_id == record_id, SHARE.c.staff_id == sid
                )
            )
        records.record_change(
            session, kind, record_id, "update", field=SHARED,
            old=None if give_back else sid, new=sid if give_back else None, actor=actor, group_id=undo_group,
        )  # fmt: skip
    session.flush()
