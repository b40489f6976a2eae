"""Posts and their holders: "Phó Giám đốc" of NIC, held by one person after another.

    pid = add_post(s, nic, "Phó Giám đốc", rank=2)
    assign(s, pid, contact_id, starts_on=dt.date(2026, 1, 5), decision="12/QĐ-BKHCN")
    holder_of(s, pid)          # who holds it today (PostHolding), None if vacant
    held_by(s, contact_id)     # the contact's role history from the posts held
    ranks(s, [ids])            # precedence of each contact's current post, for meeting briefs

A letter with a ``post_id`` is addressed to the post's holder on the day it is drafted
(:func:`post_addressee`, a source of :mod:`app.letters.office`). Assigning a new holder ends
the previous holder's term the day before. Every change is written to the history of the
organisation (the post) and of the contact (the holding).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import and_, insert, or_, orm, select, update
from sqlmodel import Session

from app import records
from app.cli_lines import refused
from app.errors import LastSave, UserError
from app.letters import office
from app.vntext import clean, clean_multiline
from db import clock
from db import models as m
from db.engine import write_lock
from db.tables import CHANGE, table_of

POST = table_of(m.Post)
HOLDER = table_of(m.PostHolder)
ORG = table_of(m.Organisation)
CON = table_of(m.Contact)
OP = "post"  # history rows of posts and holdings (undone by after_undo)
MAX_RANK = 10_000


@dataclass(frozen=True)
class PostHolding:
    holder_id: int  # the post_holder row
    post_id: int
    post: str  # its title
    organisation_id: int | None
    organisation: str
    rank: int
    contact_id: int
    name: str
    honorific: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    decision: str
    contact_deleted: bool = False  # the holder's record is in the trash

    def current(self, on: dt.date) -> bool:
        return (self.starts_on is None or self.starts_on <= on) and (
            self.ends_on is None or self.ends_on >= on
        )


@dataclass(frozen=True)
class PostRow:
    id: int
    title: str
    title_en: str
    organisation_id: int | None
    organisation: str
    rank: int
    holder: PostHolding | None  # today's
    holdings: tuple[PostHolding, ...]  # all, newest first
    notes: str = ""  # several lines


def _org_name(session: Session, org_id: int | None) -> str:
    if org_id is None:
        return ""
    row = session.execute(select(ORG.c.name, ORG.c.deleted_at).where(ORG.c.id == org_id)).first()
    if row is None or row.deleted_at is not None:
        raise refused(f"There is no organisation #{org_id}.", f"Không có tổ chức #{org_id}.")
    return str(row.name)


def _rank(rank: Any) -> int:
    try:
        value = int(rank)
    except (TypeError, ValueError):
        raise refused(
            f"A post's precedence is a whole number from 1 (first), not {rank!r}.",
            f"Thứ tự của chức vụ là số nguyên từ 1 (đứng đầu), không phải {rank!r}.",
        ) from None
    if not 1 <= value <= MAX_RANK:
        raise refused(
            f"A post's precedence is from 1 (first) to {MAX_RANK}, not {value}.",
            f"Thứ tự của chức vụ là từ 1 (đứng đầu) đến {MAX_RANK}, không phải {value}.",
        )
    return value


def _post(session: Session, post_id: int) -> Any:
    row = session.execute(select(POST).where(POST.c.id == post_id, POST.c.deleted_at.is_(None))).first()
    if row is None:
        raise refused(f"There is no post #{post_id}.", f"Không có chức vụ #{post_id}.")
    return row


def _title(text: str) -> str:
    """A post's name as stored: cleaned, required, at most 300 characters."""
    title = clean(text)
    if not title:
        raise refused("Name the post (e.g. Phó Giám đốc).", "Hãy ghi tên chức vụ (ví dụ Phó Giám đốc).")
    if len(title) > 300:
        raise refused("A post's name is at most 300 characters.", "Tên chức vụ dài tối đa 300 ký tự.")
    return title


def _changeable(row: Any) -> int:
    """The organisation a post's change is written to the history of (and undone from)."""
    if row.organisation_id is None:  # its organisation was removed for good (trash emptied)
        raise refused(
            f"The post {row.title} no longer belongs to an organisation: it cannot be changed.",
            f"Chức vụ {row.title} không còn thuộc tổ chức nào: không thể thay đổi.",
        )
    return int(row.organisation_id)


def add_post(
    session: Session,
    organisation_id: int | None,
    title: str,
    *,
    rank: Any = 100,
    title_en: str = "",
    notes: str = "",
    actor: str = "",
    group_id: str = "",
) -> int:
    title = _title(title)
    if organisation_id is None:
        raise refused(
            "A post belongs to an organisation: name it.",
            "Chức vụ phải thuộc một tổ chức: hãy ghi tên tổ chức.",
        )
    org = _org_name(session, organisation_id)
    values = {
        "title": title,
        "title_en": clean(title_en),
        "organisation_id": organisation_id,
        "rank": _rank(rank),
        "notes": clean_multiline(notes),
        "created_at": m.utcnow(),
    }
    post_id = int(session.execute(insert(POST).values(**values).returning(POST.c.id)).scalar_one())
    new = {k: x for k, x in values.items() if k != "created_at"}
    records.record_change(
        session,
        "organisation",
        organisation_id,
        OP,
        new={"action": "add", "post_id": post_id, "organisation": org, **new},
        actor=actor,
        group_id=group_id,
    )
    return post_id


class PostHeld(UserError):
    """The post has holders recorded, so it is not removed (their role history stays): said
    with the command that ends today's holding (``vi``: in Vietnamese); the Posts dialog says
    its own End holding… button instead (:mod:`ui.post_words`)."""

    def __init__(self, post_id: int, title: str) -> None:
        self.post_id, self.title = post_id, title
        super().__init__(
            f"The post {title} has holders recorded: their role history stays. "
            f"End the current holder instead (ketnoi post end {post_id})."
        )
        self.vi = (
            f"Chức vụ {title} đã có người giữ được ghi nhận: lịch sử đó được giữ lại. "
            f"Thay vào đó, hãy kết thúc nhiệm kỳ của người đang giữ (ketnoi post end {post_id})."
        )


class PostChanged(UserError):
    """Someone changed the post's ``fields`` since the edit began (``current``: their values
    now); nothing was written. Posts carry no version number, so an edit names the values it
    started from (``expected`` of :func:`edit_post`) and those are compared instead. ``saved``:
    who changed the post last and when, as the organisation's history says (:func:`last_save`),
    named instead of "someone else"."""

    def __init__(
        self, post_id: int, title: str, current: dict[str, Any], saved: LastSave | None = None
    ) -> None:
        self.post_id, self.title, self.current, self.saved = post_id, title, dict(current), saved
        words = {"title": "name", "title_en": "name in English", "rank": "precedence", "notes": "notes"}
        words_vi = {"title": "tên", "title_en": "tên tiếng Anh", "rank": "thứ tự", "notes": "ghi chú"}
        names = ", ".join(words[k] for k in words if k in current)
        names_vi = ", ".join(words_vi[k] for k in words if k in current)
        if saved is None:
            how, how_vi = "by someone else", "bởi người khác"
        elif not saved.team:  # a file one person uses: this person, elsewhere
            how, how_vi = (f"in another window or from the command line at {saved.when()}",
                           f"từ một cửa sổ khác hoặc dòng lệnh lúc {saved.when()}")  # fmt: skip
        else:
            who, who_vi = saved.said()
            how, how_vi = f"by {who} at {saved.when()}", f"bởi {who_vi} lúc {saved.when()}"
        super().__init__(
            f"The post {title} was changed {how} since you began ({names}); "
            "nothing was saved: read it again and make your change again."
        )
        self.vi = (
            f"Chức vụ {title} đã được sửa {how_vi} sau khi bạn bắt đầu ({names_vi}); "
            "chưa lưu gì: hãy đọc lại và thực hiện lại thay đổi của bạn."
        )


def last_save(session: Session, post_id: int) -> LastSave | None:
    """Who changed the post last (added, edited, removed it), and when, as the history of its
    organisation says (a post's changes are written there): the colleague, or on a file one
    person uses another window or the command line. None when the history does not say."""
    organisation_id = session.execute(select(POST.c.organisation_id).where(POST.c.id == post_id)).scalar()
    if organisation_id is None:
        return None
    rows = session.execute(
        select(CHANGE.c.new, CHANGE.c.actor, CHANGE.c.login, CHANGE.c.at)
        .where(CHANGE.c.entity == "organisation", CHANGE.c.entity_id == organisation_id, CHANGE.c.op == OP)
        .order_by(CHANGE.c.id.desc())
        .limit(500)  # (the organisation's latest post changes: the post's is among them)
    )
    for row in rows:
        if isinstance(row.new, dict) and row.new.get("post_id") == post_id:
            at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=dt.UTC)
            team = session.get_bind().dialect.name == "postgresql"
            return LastSave(actor=row.actor or "", login=row.login or "", at=at, team=team)
    return None


def _stored(row: Any, field: str) -> Any:
    value = getattr(row, field)
    return int(value) if field == "rank" else str(value or "")


def _cleaned(field: str, value: Any) -> Any:
    if field == "rank":
        return _rank(value)
    if field == "notes":
        return clean_multiline(str(value))
    if field == "title":
        return _title(str(value))
    return clean(str(value))


def edit_post(
    session: Session,
    post_id: int,
    *,
    actor: str = "",
    group_id: str = "",
    expected: Mapping[str, Any] | None = None,
    **values: Any,
) -> dict[str, Any]:
    """Change a post's ``title``, ``title_en``, ``rank`` or ``notes`` (several lines); returns
    the values that changed (empty: nothing to write, nothing written). Undone by
    :func:`after_undo`.

    ``expected`` holds the values the edit started from (a window's list): a field changed
    meanwhile by someone else to another value than this edit's is :class:`PostChanged`
    and nothing is written (a colleague's change is never overwritten silently)."""
    allowed = {"title", "title_en", "rank", "notes"}
    if set(values) - allowed:
        raise UserError(
            f"A post has {', '.join(sorted(allowed))}; not {', '.join(sorted(set(values) - allowed))}."
        )
    write_lock(session, f"post:{post_id}")
    row = _post(session, post_id)
    clean_values = {k: _cleaned(k, x) for k, x in values.items()}
    organisation_id = _changeable(row)
    seen = {
        k: _cleaned(k, x) if k == "notes" else x for k, x in (expected or {}).items() if k in clean_values
    }
    moved = {k: _stored(row, k) for k, x in seen.items() if _stored(row, k) not in (x, clean_values[k])}
    if moved:
        raise PostChanged(post_id, str(row.title), moved, last_save(session, post_id))
    changed = {k: x for k, x in clean_values.items() if _stored(row, k) != x}
    if not changed:
        return {}
    session.execute(update(POST).where(POST.c.id == post_id).values(**changed))
    old = {k: getattr(row, k) for k in changed}
    records.record_change(
        session, "organisation", organisation_id, OP,
        old={"action": "edit", "post_id": post_id, "post": row.title, **old},
        new={"action": "edit", "post_id": post_id, "post": changed.get("title", row.title), **changed},
        actor=actor, group_id=group_id,
    )  # fmt: skip
    return changed


def remove_post(session: Session, post_id: int, *, actor: str = "", group_id: str = "") -> None:
    """Remove a post added by mistake (it goes to the trash: undone by :func:`after_undo`).
    A post with any holder recorded stays: its holders' role history is part of the record,
    and a post that no longer exists is ended, not removed."""
    write_lock(session, f"post:{post_id}")
    row = _post(session, post_id)
    organisation_id = _changeable(row)
    held = session.execute(select(HOLDER.c.id).where(HOLDER.c.post_id == post_id).limit(1)).first()
    if held is not None:
        raise PostHeld(post_id, row.title)
    session.execute(update(POST).where(POST.c.id == post_id).values(deleted_at=clock.utcnow()))
    records.record_change(
        session, "organisation", organisation_id, OP,
        old={"action": "remove", "post_id": post_id, "title": row.title},
        new={"action": "remove", "post_id": post_id, "title": row.title},
        actor=actor, group_id=group_id,
    )  # fmt: skip


def _holdings(session: Session, where: Any) -> list[PostHolding]:
    rows = session.execute(
        select(
            HOLDER.c.id,
            HOLDER.c.post_id,
            POST.c.title,
            POST.c.organisation_id,
            ORG.c.name.label("org"),
            POST.c.rank,
            HOLDER.c.contact_id,
            CON.c.full_name,
            CON.c.honorific,
            HOLDER.c.starts_on,
            HOLDER.c.ends_on,
            HOLDER.c.decision,
            CON.c.deleted_at,
        )
        .join(POST, POST.c.id == HOLDER.c.post_id)
        .join(CON, CON.c.id == HOLDER.c.contact_id)
        .outerjoin(ORG, ORG.c.id == POST.c.organisation_id)
        .where(where, POST.c.deleted_at.is_(None))
        .order_by(HOLDER.c.starts_on.desc().nulls_last(), HOLDER.c.id.desc())
    ).all()
    return [
        PostHolding(
            holder_id=int(r.id),
            post_id=int(r.post_id),
            post=str(r.title),
            organisation_id=r.organisation_id,
            organisation=str(r.org or ""),
            rank=int(r.rank),
            contact_id=int(r.contact_id),
            name=str(r.full_name),
            honorific=str(r.honorific or ""),
            starts_on=r.starts_on,
            ends_on=r.ends_on,
            decision=str(r.decision or ""),
            contact_deleted=r.deleted_at is not None,
        )
        for r in rows
    ]


def _current(on: dt.date) -> Any:
    return and_(
        or_(HOLDER.c.starts_on.is_(None), HOLDER.c.starts_on <= on),
        or_(HOLDER.c.ends_on.is_(None), HOLDER.c.ends_on >= on),
    )


def holder_of(session: Session, post_id: int, on: dt.date | None = None) -> PostHolding | None:
    """Who holds the post on ``on`` (today), None if it is vacant."""
    on = on or clock.today()
    found = _holdings(session, and_(HOLDER.c.post_id == post_id, _current(on), CON.c.deleted_at.is_(None)))
    return found[0] if found else None


def held_by(session: Session, contact_id: int) -> list[PostHolding]:
    """The posts the contact held and holds, newest first: their role history."""
    return _holdings(session, HOLDER.c.contact_id == contact_id)


def posts_of(session: Session, organisation_id: int, on: dt.date | None = None) -> list[PostRow]:
    """The organisation's posts in order of precedence, each with its holder on ``on`` and all
    its holders."""
    on = on or clock.today()
    posts = session.execute(
        select(POST)
        .where(POST.c.organisation_id == organisation_id, POST.c.deleted_at.is_(None))
        .order_by(POST.c.rank, POST.c.title, POST.c.id)
    ).all()
    return _rows(session, posts, on)


def get_post(session: Session, post_id: int, on: dt.date | None = None) -> PostRow:
    return _rows(session, [_post(session, post_id)], on or clock.today())[0]


def list_posts(
    session: Session, organisation_id: int | None = None, on: dt.date | None = None
) -> list[PostRow]:
    on = on or clock.today()
    query = select(POST).where(POST.c.deleted_at.is_(None))
    if organisation_id is not None:
        query = query.where(POST.c.organisation_id == organisation_id)
    posts = session.execute(query.order_by(POST.c.organisation_id, POST.c.rank, POST.c.id).limit(2000)).all()
    return _rows(session, posts, on)


def _rows(session: Session, posts: Sequence[Any], on: dt.date) -> list[PostRow]:
    ids = [int(p.id) for p in posts]
    holdings = _holdings(session, HOLDER.c.post_id.in_(ids)) if ids else []
    names = {
        int(i): str(n)
        for i, n in session.execute(
            select(ORG.c.id, ORG.c.name).where(
                ORG.c.id.in_({p.organisation_id for p in posts if p.organisation_id})
            )
        )
    }
    out = []
    for p in posts:
        mine = tuple(h for h in holdings if h.post_id == p.id)
        out.append(
            PostRow(
                id=int(p.id),
                title=str(p.title),
                title_en=str(p.title_en or ""),
                organisation_id=p.organisation_id,
                organisation=names.get(p.organisation_id, "") if p.organisation_id else "",
                rank=int(p.rank),
                holder=next((h for h in mine if h.current(on) and not h.contact_deleted), None),
                holdings=mine,
                notes=str(p.notes or ""),
            )
        )
    return out


def assign(
    session: Session,
    post_id: int,
    contact_id: int,
    *,
    starts_on: dt.date | None = None,
    decision: str = "",
    actor: str = "",
    group_id: str = "",
) -> int:
    """Make the contact the post's holder from ``starts_on`` (today); the holder until then
    stops the day before. Returns the new holding's id. Two officers assigning at once are
    taken one after the other (:func:`db.engine.write_lock`): the second sees the first's."""
    write_lock(session, f"post:{post_id}")
    post = _post(session, post_id)
    starts_on = starts_on or clock.today()
    con = session.execute(select(CON.c.full_name, CON.c.deleted_at).where(CON.c.id == contact_id)).first()
    if con is None or con.deleted_at is not None:
        raise refused(f"There is no contact #{contact_id}.", f"Không có liên hệ #{contact_id}.")
    decision = clean(decision)
    if len(decision) > 100:
        raise refused(
            "An appointment decision's number is at most 100 characters.",
            "Số quyết định bổ nhiệm dài tối đa 100 ký tự.",
        )
    later = session.execute(
        select(HOLDER.c.id).where(
            HOLDER.c.post_id == post_id, HOLDER.c.starts_on.is_not(None), HOLDER.c.starts_on >= starts_on
        )
    ).first()
    if later is not None:
        raise refused(
            f"The post {post.title} already has a holder from {starts_on:%d/%m/%Y} or later; end or remove that first.",
            f"Chức vụ {post.title} đã có người giữ từ ngày {starts_on:%d/%m/%Y} trở về sau; hãy kết thúc "
            "hoặc xoá nhiệm kỳ đó trước.",
        )
    for h in _holdings(session, and_(HOLDER.c.post_id == post_id, HOLDER.c.ends_on.is_(None))):
        end(session, h.holder_id, on=starts_on - dt.timedelta(days=1), actor=actor, group_id=group_id)
    holder_id = int(
        session.execute(
            insert(HOLDER)
            .values(
                post_id=post_id,
                contact_id=contact_id,
                starts_on=starts_on,
                decision=decision,
                created_at=m.utcnow(),
            )
            .returning(HOLDER.c.id)
        ).scalar_one()
    )
    records.record_change(
        session,
        "contact",
        contact_id,
        OP,
        new={
            "action": "assign",
            "holder_id": holder_id,
            "post_id": post_id,
            "post": post.title,
            "organisation_id": post.organisation_id,
            "contact_id": contact_id,
            "from": starts_on,
            "decision": decision,
        },
        actor=actor,
        group_id=group_id,
    )
    return holder_id


def too_early(starts_on: dt.date | None, on: dt.date) -> UserError | None:
    """The refusal of an end on ``on``, before the holding began (None: it may end then); the
    End holding form says it before anything is written (ui.post_holding)."""
    if starts_on is None or on >= starts_on:
        return None
    return refused(
        f"The holding began on {starts_on:%d/%m/%Y}; it cannot end before that.",
        f"Nhiệm kỳ bắt đầu từ ngày {starts_on:%d/%m/%Y}; không thể kết thúc trước ngày đó.",
    )


def end(
    session: Session,
    holder_id: int,
    *,
    on: dt.date | None = None,
    actor: str = "",
    group_id: str = "",
    still_open: bool = False,
) -> None:
    """The holding stops on ``on`` (today), the last day in post: the day it began at the
    earliest (a one-day holding, as an acting post can be; or one entered by mistake, ended on
    its first day), never before it began. ``still_open``: the holding was shown open (a
    window's list); ended meanwhile by someone else, it is refused, its end date kept."""
    row = session.execute(select(HOLDER).where(HOLDER.c.id == holder_id)).first()
    if row is None:
        raise refused(f"There is no holding #{holder_id}.", f"Không có nhiệm kỳ #{holder_id}.")
    write_lock(session, f"post:{row.post_id}")
    row = session.execute(select(HOLDER).where(HOLDER.c.id == holder_id)).one()  # as it is now
    if still_open and row.ends_on is not None:  # who ended it and when (app.holding_ended)
        from app.holding_ended import HoldingEnded, ended_by

        name = session.execute(select(CON.c.full_name).where(CON.c.id == row.contact_id)).scalar()
        title = session.execute(select(POST.c.title).where(POST.c.id == row.post_id)).scalar()
        saved = ended_by(session, holder_id, int(row.contact_id))
        raise HoldingEnded(str(name or ""), str(title or ""), row.ends_on, saved)
    on = on or clock.today()
    if (early := too_early(row.starts_on, on)) is not None:
        raise early
    session.execute(update(HOLDER).where(HOLDER.c.id == holder_id).values(ends_on=on))
    records.record_change(
        session, "contact", int(row.contact_id), OP,
        old={"action": "end", "holder_id": holder_id, "post_id": int(row.post_id), "to": row.ends_on},
        new={"action": "end", "holder_id": holder_id, "post_id": int(row.post_id), "to": on},
        actor=actor, group_id=group_id,
    )  # fmt: skip


def end_current(
    session: Session, post_id: int, *, on: dt.date | None = None, actor: str = "", group_id: str = ""
) -> int | None:
    """End whoever holds the post on ``on`` (today); returns the holding ended (None: it was
    vacant). A holder who begins after ``on`` is refused as an end before the start (said with
    the day it began), not as a vacant post."""
    _post(session, post_id)
    current = holder_of(session, post_id, on)
    if current is None:
        day = on or clock.today()
        later = [
            h
            for h in _holdings(session, and_(HOLDER.c.post_id == post_id, HOLDER.c.ends_on.is_(None)))
            if h.starts_on is not None and h.starts_on > day and not h.contact_deleted
        ]
        if not later:
            return None
        current = later[-1]  # (newest first: the earliest of them)
    end(session, current.holder_id, on=on, actor=actor, group_id=group_id)
    return current.holder_id


def ranks(session: Session, contact_ids: Iterable[int], on: dt.date | None = None) -> dict[int, PostHolding]:
    """Each contact's first post by precedence held on ``on`` (contacts without one left out)."""
    ids = sorted(set(contact_ids))
    if not ids:
        return {}
    out: dict[int, PostHolding] = {}
    for h in _holdings(session, and_(HOLDER.c.contact_id.in_(ids), _current(on or clock.today()))):
        best = out.get(h.contact_id)
        if best is None or h.rank < best.rank:
            out[h.contact_id] = h
    return out


def post_addressee(session: orm.Session, letter: dict[str, Any]) -> office.Addressee | None:
    """A letter naming a post goes to its holder on the letter's date (today for a draft)."""
    post_id = letter.get("post_id")
    if not post_id:
        return None
    session = cast(Session, session)  # sqlmodel's Session is an orm Session; queries here are Core
    try:
        row = _post(session, int(post_id))
    except UserError:
        return None
    day = letter.get("letter_date") or clock.today()
    holder = holder_of(session, int(post_id), day)
    org = _org_name(session, row.organisation_id) if row.organisation_id else ""
    org_en = ""  # the English letter's name for it, when on record
    if org:
        org_en = session.execute(select(ORG.c.name_en).where(ORG.c.id == row.organisation_id)).scalar() or ""
    if holder is None:
        return office.Addressee(title=str(row.title), organisation=org, organisation_en=org_en)
    return office.Addressee(
        name=holder.name,
        honorific=holder.honorific,
        title=str(row.title),
        organisation=org,
        organisation_en=org_en,
    )


office.register_addressee_source(post_addressee)


# --- undo -------------------------------------------------------------------------------------


def _post_rows(session: Session, group_id: str) -> list[dict[str, Any]]:
    rows = session.execute(
        select(CHANGE.c.new, CHANGE.c.old)
        .where(CHANGE.c.group_id == group_id, CHANGE.c.op == OP)
        .order_by(CHANGE.c.id)
    ).all()
    return [{"new": dict(r.new or {}), "old": dict(r.old or {})} for r in rows if isinstance(r.new, dict)]


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def after_undo(session: Session, group_id: str, undo_group_id: str) -> None:
    """Called by :func:`app.undo.undo_group`: the posts and holdings a group added go, the
    terms it ended open again (an undo); a redo writes them back with the same ids. A holding
    changed since is an :class:`~app.undo.UndoConflict` and nothing is written."""
    from app.undo import UndoConflict, undo_depth

    base, depth = undo_depth(group_id)
    steps = _post_rows(session, base)
    if not steps:
        return
    undoing = depth % 2 == 0
    for step in reversed(steps) if undoing else steps:
        new, old = step["new"], step["old"]
        action = new.get("action")
        if action == "add":
            post_id = int(new["post_id"])
            if undoing:
                held = session.execute(
                    select(HOLDER.c.id).where(HOLDER.c.post_id == post_id).limit(1)
                ).first()
                if held is not None:
                    raise UndoConflict(
                        f"Cannot undo: the post {new.get('title')} has holders recorded since."
                    )
                session.execute(POST.delete().where(POST.c.id == post_id))
            else:
                cols = {
                    k: new[k] for k in ("title", "title_en", "organisation_id", "rank", "notes") if k in new
                }
                session.execute(insert(POST).values(id=post_id, created_at=m.utcnow(), **cols))
        elif action == "assign":
            holder_id = int(new["holder_id"])
            row = session.execute(select(HOLDER).where(HOLDER.c.id == holder_id)).first()
            if undoing:
                if row is not None and row.ends_on is not None:
                    raise UndoConflict(
                        f"Cannot undo: {new.get('post')} has been ended for this holder since."
                    )
                session.execute(HOLDER.delete().where(HOLDER.c.id == holder_id))
            elif row is None:
                session.execute(
                    insert(HOLDER).values(
                        id=holder_id, post_id=int(new["post_id"]), contact_id=int(new["contact_id"]),
                        starts_on=_date(new.get("from")), decision=str(new.get("decision") or ""),
                        created_at=m.utcnow(),
                    )
                )  # fmt: skip
        elif action in ("edit", "remove"):
            _undo_post_change(session, action, new, old, undoing)
        elif action == "end":
            holder_id = int(new["holder_id"])
            want, put = (new.get("to"), old.get("to")) if undoing else (old.get("to"), new.get("to"))
            current = session.execute(
                select(HOLDER.c.ends_on).where(HOLDER.c.id == holder_id)
            ).scalar_one_or_none()
            if (current.isoformat() if current else None) != (str(want) if want else None):
                raise UndoConflict("Cannot undo: that holding's end date was changed since.")
            session.execute(update(HOLDER).where(HOLDER.c.id == holder_id).values(ends_on=_date(put)))


def _undo_post_change(
    session: Session, action: str, new: dict[str, Any], old: dict[str, Any], undoing: bool
) -> None:
    """:func:`after_undo` of an edit of a post (its values back, if still as the edit left
    them) or a removal (the post back from the trash, if still there), or their redo."""
    from app.undo import UndoConflict

    post_id = int(new["post_id"])
    conflict = UndoConflict(f"Cannot undo: the post {new.get('post') or new.get('title')} was changed since.")
    if action == "edit":
        fields = [k for k in ("title", "title_en", "rank", "notes") if k in new and k in old]
        want, put = (new, old) if undoing else (old, new)
        row = session.execute(select(POST).where(POST.c.id == post_id)).first()
        if row is None or any(getattr(row, k) != want[k] for k in fields):
            raise conflict
        session.execute(update(POST).where(POST.c.id == post_id).values({k: put[k] for k in fields}))
        return
    gone = session.execute(select(POST.c.deleted_at).where(POST.c.id == post_id)).first()
    if gone is None or (gone.deleted_at is None) == undoing:
        raise conflict
    session.execute(
        update(POST).where(POST.c.id == post_id).values(deleted_at=None if undoing else clock.utcnow())
    )


def describe_parts(session: Session, group_id: str) -> tuple[str, dict[str, str]] | None:
    """The Edit menu's words for a group of post changes: ("post_assign", {who, post}),
    ("post_add", {post}) or ("post_end", {who, post}); None if the group has none."""
    steps = _post_rows(session, group_id)
    if not steps:
        return None
    by: dict[Any, dict[str, Any]] = {}
    for step in steps:  # the first of each kind names the operation
        by.setdefault(step["new"].get("action"), step["new"])
    if "assign" in by:
        a = by["assign"]
        return "post_assign", {
            "who": records.label(session, "contact", int(a["contact_id"])),
            "post": str(a["post"]),
        }
    if "end" in by:
        e = by["end"]
        holder = session.execute(
            select(HOLDER.c.contact_id).where(HOLDER.c.id == int(e["holder_id"]))
        ).scalar()
        post = session.execute(select(POST.c.title).where(POST.c.id == int(e["post_id"]))).scalar()
        who = records.label(session, "contact", int(holder)) if holder else ""
        return "post_end", {"who": who, "post": str(post or "")}
    if "edit" in by:
        return "post_edit", {"post": str(by["edit"].get("post") or by["edit"].get("title", ""))}
    if "remove" in by:
        return "post_remove", {"post": str(by["remove"].get("title", ""))}
    return "post_add", {"post": str(by.get("add", {}).get("title", ""))}
