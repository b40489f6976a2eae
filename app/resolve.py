"""Find a record from what a person types: an id, or a name with or without its accents.

``42`` (or ``#42``) is an id. Anything else is matched on folded text (case, diacritics and đ
ignored: "nguyen thi hong nhung" finds "Nguyễn Thị Hồng Nhung", "nic" finds the organisation
whose acronym is NIC): an exact match of the name (for organisations also the English name,
acronym or an alias) wins; of several, the one whose name is written so, accents and all
("Phạm Thị Thu Trang" beside "Pham Thi Thu Trang"; a name typed without any accents names
neither); without one, a single record whose words
start so is taken. Several candidates are an :class:`AmbiguousName` listing them, so the
person can pick one by id.

The candidates come from the full-text index (:func:`db.queries.fts_candidates`), so a look-up
costs the same with 100 contacts or 100,000.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import records
from app.errors import RecordGone, UserError
from app.records import name_key, named_ids
from app.vntext import as_written, fold, fold_words
from db import kinds
from db import models as m
from db.queries import fts_candidates
from db.tables import ORG, STAFF

_LABEL = {"organisation": "name", "contact": "full_name", "meeting": "title", "action": "title"}
_SHOWN = 8


_OTHER_NOUNS_VI = {"staff member": "cán bộ", "tag": "nhãn", "sector": "lĩnh vực"}


def noun_vi(kind: str) -> str:
    """The window's Vietnamese word for a kind of record ("việc cần làm", "liên hệ")."""
    if kind in _OTHER_NOUNS_VI:
        return _OTHER_NOUNS_VI[kind]
    try:
        return kinds.info(kind).noun_vi
    except ValueError:
        return kind


class NotFound(UserError, LookupError):
    """Nothing is called so. ``vi`` says it in Vietnamese (the CLI under a Vietnamese locale)."""

    def __init__(self, message: str, vi: str = "") -> None:
        super().__init__(message)
        self.vi = vi


class AmbiguousName(UserError):
    """Several records answer to the name; ``candidates`` are (id, label) pairs."""

    def __init__(self, kind: str, text: str, candidates: list[tuple[int, str]]) -> None:
        self.kind, self.text = kind, text
        self.candidates = sorted(candidates)
        shown = "; ".join(f"#{i} {label}" for i, label in self.candidates[:_SHOWN])
        more = f" and {len(self.candidates) - _SHOWN} more" if len(self.candidates) > _SHOWN else ""
        super().__init__(
            f"'{text}' matches {len(self.candidates)} {kind}s: {shown}{more}; give the id instead"
        )
        more_vi = f" và {len(self.candidates) - _SHOWN} mục khác" if len(self.candidates) > _SHOWN else ""
        self.vi = (
            f"“{text}” khớp với {len(self.candidates)} {noun_vi(kind)}: {shown}{more_vi}; "
            "hãy ghi mã số (id) thay cho tên"
        )


def as_id(text: str | int) -> int | None:
    """The id a text names (``42``, ``#42``), or None when it is a name."""
    if isinstance(text, int):
        return text
    t = text.strip().removeprefix("#")
    return int(t) if t.isdigit() and len(t) < 19 else None


def _live(session: Session, kind: str, ident: int, *, include_deleted: bool) -> bool:
    table = kinds.table(kind)
    row = session.execute(select(table.c.id, table.c.deleted_at).where(table.c.id == ident)).first()
    if row is not None and row.deleted_at is not None and not include_deleted:
        # said as it is (reviewer: "No contact with id 7" for a contact in the trash)
        command = "org" if kind == "organisation" else kind
        gone = records.whereabouts(session, kind, ident)
        if isinstance(gone, RecordGone) and gone.how == "merged" and gone.into_live:  # not to restore
            raise NotFound(
                f"{str(gone).removesuffix('.')}: give id {gone.into_id} instead",
                vi=f"{gone.vi.removesuffix('.')}: hãy dùng mã số {gone.into_id}",
            )
        raise NotFound(
            f"{kind.capitalize()} #{ident} is in the trash: restore it first (ketnoi {command} restore {ident})",
            vi=f"{noun_vi(kind).capitalize()} #{ident} đang ở thùng rác: hãy khôi phục trước "
            f"(ketnoi {command} restore {ident})",
        )
    return row is not None


def resolve(session: Session, kind: str, text: str | int, *, include_deleted: bool = False) -> int:
    """The id of the ``kind`` record that ``text`` names (see the module's rules)."""
    ident = as_id(text)
    if ident is not None:
        if not _live(session, kind, ident, include_deleted=include_deleted):
            raise NotFound(f"No {kind} with id {ident}", vi=f"Không tìm thấy {noun_vi(kind)} #{ident}")
        return ident
    if kind == "staff":
        return _staff(session, str(text))
    query = fold(str(text))
    words = fold_words(str(text))
    if not words:
        raise NotFound(f"Give a {kind} name or id", vi=f"Hãy ghi tên hoặc mã số (id) của {noun_vi(kind)}")
    rows = fts_candidates(session, kind, words, limit=200)
    aliases = _aliases(session, [r["id"] for r in rows]) if kind == "organisation" else {}

    def names(row: dict[str, Any]) -> list[str]:
        out = [row[_LABEL[kind]]]
        if kind == "organisation":
            out += [row.get("acronym") or "", *aliases.get(row["id"], [])]
        return [fold(n) for n in out if n]

    def shown(row: dict[str, Any]) -> str:
        label = str(row[_LABEL[kind]])
        return f"{label} ({row['acronym']})" if kind == "organisation" and row.get("acronym") else label

    matched = [r for r in rows if query in names(r)]
    written = as_written(str(text))
    # one of them written so, accents and all: "Phạm Thị Thu Trang", not "Pham …". Typed with
    # no accents at all, the name says nothing of which ("nguyen van hung" is how people type
    # "Nguyễn Văn Hùng" too): the candidates are listed
    if len(matched) > 1 and fold(written) != written:
        so = [int(r["id"]) for r in matched if as_written(str(r[_LABEL[kind]])) == written]
        if len(so) == 1:
            return so[0]
    exact = [(int(r["id"]), shown(r)) for r in matched]
    for found in (exact, [(int(r["id"]), shown(r)) for r in rows]):
        if len(found) == 1:
            return found[0][0]
        if len(found) > 1:
            raise AmbiguousName(kind, str(text), found)
    raise NotFound(f"No {kind} matches '{text}'", vi=f"Không có {noun_vi(kind)} nào khớp với “{text}”")


def _aliases(session: Session, ids: list[int]) -> dict[int, list[str]]:
    if not ids:
        return {}
    rows = session.execute(select(ORG.c.id, ORG.c.name_en, ORG.c.aliases).where(ORG.c.id.in_(ids)))
    return {
        int(i): [n for n in [name_en, *(a if isinstance(a, list) else [])] if isinstance(n, str) and n]
        for i, name_en, a in rows
    }


def _staff(session: Session, text: str) -> int:
    """A staff member by their team login (exactly, as the administrator names it), else by
    name as the other kinds are found."""
    query = fold(text)
    rows = session.execute(
        select(STAFF.c.id, STAFF.c.name, STAFF.c.login).where(STAFF.c.deleted_at.is_(None))
    ).all()
    by_login = [(int(i), n) for i, n, login in rows if login and login == text.strip()]
    if len(by_login) == 1:
        return by_login[0][0]
    exact = [(int(i), n) for i, n, _login in rows if fold(n) == query]
    starts = [(int(i), n) for i, n, _login in rows if fold(n).startswith(query) or f" {query}" in fold(n)]
    for found in (exact, starts):
        if len(found) == 1:
            return found[0][0]
        if len(found) > 1:
            raise AmbiguousName("staff member", text, found)
    raise NotFound(f"No staff member matches '{text}'", vi=f"Không có cán bộ nào khớp với “{text}”")


def vocabulary_id(session: Session, kind: str, text: str) -> int:
    """The id of the tag or sector called ``text`` (folded), for list filters; never creates."""
    ident = as_id(text)
    if ident is not None:
        return ident
    model: type[m.Tag] | type[m.Sector] = m.Tag if kind == "tag" else m.Sector
    found = named_ids(session, model, [text], create=False)
    if name_key(text) not in found:
        raise NotFound(f"No {kind} called '{text}'", vi=f"Không có {noun_vi(kind)} nào tên “{text}”")
    return found[name_key(text)]
