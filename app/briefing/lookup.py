"""Find the subject of a brief from what a person types: an id, a name, an acronym or alias.

Matching ignores case and diacritics (``app.vntext.fold``: "hoa lac" finds "Hòa Lạc", "dang"
finds "Đặng"). An exact match on name, English name, acronym or alias wins; otherwise a
unique match on the start of a word or inside the name; several candidates are an error that
names them, so the person can pick one by id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.errors import UserError
from app.vntext import fold
from db import models as m

# SQLModel types a table's attributes as Python values (int, str…); queries need them as
# column expressions. Typing the tables as Any here keeps the SQL readable (no col() around
# every column) at the cost of mypy not checking column names in this module.
Contact: Any = m.Contact
Organisation: Any = m.Organisation


class BriefNotFound(UserError, LookupError):
    """The subject of a brief does not exist or cannot be told apart from others. ``vi``: the
    same in Vietnamese (the command line's under a Vietnamese locale)."""

    def __init__(self, message: str, vi: str = "") -> None:
        super().__init__(message)
        self.vi = vi


def _noun_vi(kind: str) -> str:
    from db import kinds

    return kinds.info(kind).noun_vi


def no_such(kind: str, ident: int) -> BriefNotFound:
    """ "No organisation with id 9" / "Không tìm thấy tổ chức #9"."""
    return BriefNotFound(f"No {kind} with id {ident}", f"Không tìm thấy {_noun_vi(kind)} #{ident}")


def _as_id(text: str) -> int | None:
    t = text.strip().lstrip("#")
    return int(t) if t.isdigit() else None


def _pick(kind: str, query: str, candidates: Iterable[tuple[int, str, list[str]]]) -> int:
    """``candidates``: (id, display name, the texts it may be called by)."""
    q = fold(query)
    if not q:
        raise BriefNotFound(f"Give a {kind} name or id", f"Hãy ghi tên hoặc mã số (id) của {_noun_vi(kind)}")
    exact: list[tuple[int, str]] = []
    partial: list[tuple[int, str]] = []
    for cid, display, texts in candidates:
        folded = [fold(t) for t in texts if t]
        if q in folded:
            exact.append((cid, display))
        elif any(q in f for f in folded):
            partial.append((cid, display))
    for found in (exact, partial):
        if len(found) == 1:
            return found[0][0]
        if len(found) > 1:
            shown = "; ".join(f"#{i} {n}" for i, n in sorted(found)[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            more_vi = f" và {len(found) - 8} {_noun_vi(kind)} khác" if len(found) > 8 else ""
            raise BriefNotFound(
                f"'{query}' matches {len(found)} {kind}s: {shown}{more}",
                f"“{query}” khớp với {len(found)} {_noun_vi(kind)}: {shown}{more_vi}; hãy ghi mã số (id) thay cho tên",
            )
    raise BriefNotFound(f"No {kind} matches '{query}'", f"Không có {_noun_vi(kind)} nào khớp với “{query}”")


def find_organisation(session: Session, name_or_id: str | int) -> int:
    """The id of the live organisation called ``name_or_id`` (id, name, acronym or alias)."""
    conn = session.connection()
    org_id = name_or_id if isinstance(name_or_id, int) else _as_id(name_or_id)
    if org_id is not None:
        row = conn.execute(
            select(Organisation.id).where(Organisation.id == org_id, Organisation.deleted_at.is_(None))
        ).first()
        if row is None:
            raise no_such("organisation", org_id)
        return org_id
    rows = conn.execute(
        select(
            Organisation.id,
            Organisation.name,
            Organisation.name_en,
            Organisation.acronym,
            Organisation.aliases,
        ).where(Organisation.deleted_at.is_(None))
    ).all()

    def texts(r: Any) -> list[str]:
        aliases = r[4] if isinstance(r[4], list) else []
        return [r[1], r[2], r[3], *[str(a) for a in aliases]]

    return _pick("organisation", str(name_or_id), ((r[0], r[1], texts(r)) for r in rows))


def find_contact(session: Session, name_or_id: str | int) -> int:
    """The id of the live contact called ``name_or_id`` (id or full name, diacritics optional)."""
    conn = session.connection()
    contact_id = name_or_id if isinstance(name_or_id, int) else _as_id(name_or_id)
    if contact_id is not None:
        row = conn.execute(
            select(Contact.id).where(Contact.id == contact_id, Contact.deleted_at.is_(None))
        ).first()
        if row is None:
            raise no_such("contact", contact_id)
        return contact_id
    rows = conn.execute(select(Contact.id, Contact.full_name).where(Contact.deleted_at.is_(None))).all()
    return _pick("contact", str(name_or_id), ((r[0], r[1], [r[1]]) for r in rows))
