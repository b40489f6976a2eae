"""Who "I am" is on this database, for this computer's login: the staff member chosen in the
window's Settings → I am, kept in the database so that the command line records the same name.

Reviewer: marking an action done in the window was recorded "by Trần Quốc Bảo", and
``ketnoi action edit 11 --notes …`` a minute later "by root": the window's choice lived in its
own settings file, which the command line (no Qt) does not read. The window now also keeps it
here, keyed by the login (two people sharing one file on a network drive each have their own),
and :meth:`app.cli.CliContext.actor` uses it. A team database names its signed-in login itself
(:mod:`app.team`): nothing here is used there.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from db import models as m

PREFIX = "identity.login."
"""The setting's key: this prefix and the login name."""


def _key(login: str) -> str:
    return f"{PREFIX}{login}"[:100]


def choose(session: Session, login: str, staff_id: int | None) -> None:
    """Remember ``staff_id`` (None: nobody) as ``login``'s "I am" on this database."""
    if not login:
        return
    row = session.get(m.Setting, _key(login))
    if staff_id is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(m.Setting(key=_key(login), value=int(staff_id)))
    else:
        row.value = int(staff_id)
        session.add(row)
    session.flush()


def chosen(session: Session, login: str) -> tuple[int, str] | None:
    """The staff member ``login`` chose under Settings → I am on this database, with their name,
    or None (none chosen, or deleted since)."""
    if not login:
        return None
    value = session.execute(select(m.Setting.value).where(m.Setting.key == _key(login))).scalar()  # type: ignore[arg-type]
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    staff = m.Staff.__table__.c  # type: ignore[attr-defined]
    found = session.execute(select(staff.name).where(staff.id == value, staff.deleted_at.is_(None))).scalar()
    return (value, str(found)) if found else None


def database_id(session: Session) -> str:
    """This database's own id (``database.uuid``, written by migration 0007), "" if it has none;
    read only."""
    value = session.execute(select(m.Setting.value).where(m.Setting.key == m.DATABASE_UUID_KEY)).scalar()  # type: ignore[arg-type]
    return value if isinstance(value, str) else ""
