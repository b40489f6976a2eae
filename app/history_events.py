"""A record's history rows of posts (:mod:`app.posts`), reorganisations (:mod:`app.reorg`) and
calendar invitations linked to a meeting (:mod:`app.invitation_links`), in parts each front end
words in its own language: what happened, the names (of the post, of its organisation, of the
organisations before and after a reorganisation; never their ids), dates as dates (the window writes them in the user's format).

Their stored rows hold a dict (``{"action": "assign", "post_id": 1, "organisation_id": 2,
"from": "2025-03-01", …}``) that the History printed as it was (reviewer: "post: action=add,
post_id=2, organisation_id=2, rank=10", "reorganisation: kind=merged, on=2025-03-01, into=1").

    events = events_of(row.op, row.old, row.new, names, row.entity_id)   # names: see wanted()
    said(events[0], "vi")  # "Nhận chức vụ: Phó Giám đốc, Trung tâm … từ 01/03/2025 (quyết định 245/QĐ-BTC)"

An edit of a post is one event per field it changed, as an edit of a record is one row per field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.queries import chunked

POST_OP = "post"  # app.posts.OP
REORG_OP = "succeed"  # app.reorg.OP
LINK_OP = "calendar_link"  # app.invitation_links.LINK_OP: an invitation linked to a meeting logged by hand
OPS = (POST_OP, REORG_OP, LINK_OP)
POST_FIELDS = ("title", "title_en", "rank", "notes")  # what app.posts.edit_post changes


@dataclass(frozen=True)
class Event:
    """One post or reorganisation row of a history, ready to be worded."""

    code: str  # post_added / post_changed / post_removed / post_assigned / post_ended, or a
    # reorganisation: merged_into / renamed_to / split_into (this organisation ceased) and
    # merged_from / renamed_from / split_from (this one is a successor), or a meeting's
    # invitation_linked (a calendar invitation linked to it: its title in ``invitation``)
    post: str = ""  # the post's title ("Phó Giám đốc"; after an edit, its title then)
    organisation: str = ""  # the post's organisation (a contact's rows)
    field: str = ""  # post_changed: one of POST_FIELDS
    old: Any = None  # post_changed: the value before; post_ended: the last day set before
    new: Any = None  # post_changed: the value after; post_added: its precedence
    on: dt.date | None = None  # post_assigned: first day; post_ended: last day; reorganisation: effective
    note: str = ""  # post_assigned: the appointment decision; a reorganisation: its resolution
    others: tuple[str, ...] = ()  # a reorganisation: the other organisations' names
    predecessor: str = ""  # a reorganisation: the organisation that ceased …
    successors: tuple[str, ...] = ()  # … and what it became
    invitation: str = ""  # invitation_linked: the invitation's title as it came


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def wanted(op: str, new: Any, own: int) -> tuple[set[int], set[int]]:
    """The organisations and the posts a row of record ``own`` names by id, to be looked up
    once for all rows."""
    orgs: set[int] = set()
    posts: set[int] = set()
    if not isinstance(new, dict):
        return orgs, posts
    if op == REORG_OP:
        for x in [*(new.get("into") or []), new.get("from"), own]:
            if (i := _int(x)) is not None:
                orgs.add(i)
    elif op == POST_OP:
        if (i := _int(new.get("organisation_id"))) is not None:
            orgs.add(i)
        if (i := _int(new.get("post_id"))) is not None:
            posts.add(i)
    return orgs, posts


@dataclass(frozen=True)
class Names:
    """Names by id: organisations (as :func:`app.history.labels_of` gives them) and posts
    (title, organisation id), trashed ones too."""

    organisations: dict[int, str]
    posts: dict[int, tuple[str, int | None]]

    def organisation(self, org_id: Any) -> str:
        i = _int(org_id)
        return "" if i is None else self.organisations.get(i, f"#{i}")


def post_titles(session: Session, ids: set[int]) -> dict[int, tuple[str, int | None]]:
    """Each post's title and organisation (posts in the trash too)."""
    from app.posts import POST

    out: dict[int, tuple[str, int | None]] = {}
    for part in chunked(sorted(ids)):
        for i, title, org in session.execute(
            select(POST.c.id, POST.c.title, POST.c.organisation_id).where(POST.c.id.in_(part))
        ):
            out[int(i)] = (str(title), int(org) if org is not None else None)
    return out


def events_of(op: str, old: Any, new: Any, names: Names, own: int) -> list[Event]:
    """The events of one stored row of record ``own`` (none: not a post's or reorganisation's
    row we know)."""
    if not isinstance(new, dict):
        return []
    old = old if isinstance(old, dict) else {}
    if op == LINK_OP:
        return [Event("invitation_linked", invitation=str(new.get("title") or new.get("ical_uid") or ""))]
    if op == REORG_OP:
        how = str(new.get("kind") or "merged")
        how = how if how in ("merged", "renamed", "split") else "merged"
        successors = tuple(names.organisation(x) for x in new.get("into") or [])
        if new.get("from") is not None:  # this organisation is a successor
            code, predecessor = f"{how}_from", names.organisation(new.get("from"))
            others: tuple[str, ...] = (predecessor,)
        else:
            code = CEASED[how]
            predecessor, others = names.organisation(own), successors
        return [
            Event(
                code,
                on=_date(new.get("on")),
                note=str(new.get("note") or ""),
                others=others,
                predecessor=predecessor,
                successors=successors,
            )
        ]
    if op != POST_OP:
        return []
    action = new.get("action")
    post_id = _int(new.get("post_id"))
    title, org_id = names.posts.get(post_id, ("", None)) if post_id is not None else ("", None)
    title = str(new.get("post") or new.get("title") or title or (f"#{post_id}" if post_id else ""))
    organisation = names.organisation(new.get("organisation_id", org_id))
    if action == "add":
        return [Event("post_added", post=title, organisation=organisation, new=new.get("rank"))]
    if action == "remove":
        return [Event("post_removed", post=title, organisation=organisation)]
    if action == "edit":
        return [
            Event("post_changed", post=title, organisation=organisation, field=f, old=old[f], new=new[f])
            for f in POST_FIELDS
            if f in new and f in old and new[f] != old[f]  # (rows of before 12/2026 held the title always)
        ]
    if action == "assign":
        return [
            Event(
                "post_assigned",
                post=title,
                organisation=organisation,
                on=_date(new.get("from")),
                note=str(new.get("decision") or ""),
            )
        ]
    if action == "end":
        return [
            Event(
                "post_ended",
                post=title,
                organisation=organisation,
                old=_date(old.get("to")),
                on=_date(new.get("to")),
            )
        ]
    return []


# --- the command line's words (the window has its own, translated: ui.history) -------------------

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "post_added": "Post added",
        "post_removed": "Post removed",
        "post_assigned": "Took up a post",
        "post_ended": "Left a post",
        "precedence": "{post} (precedence {rank})",
        "title": "Post renamed",
        "title_en": "English name of the post “{post}”",
        "rank": "Precedence of the post “{post}”",
        "notes": "Notes on the post “{post}”",
        "from": "from {day}",
        "decision": "(decision {decision})",
        "last_day": "last day {day}",
        "reorganisation": "Reorganisation",
        "merged_into": "merged into {others} on {day}",
        "renamed_to": "renamed to {others} on {day}",
        "split_into": "split into {others} on {day}",
        "merged_from": "{others} merged into it on {day}",
        "renamed_from": "formerly {others}, renamed on {day}",
        "split_from": "took over part of {others}, split on {day}",
        "invitation_linked": "Linked to the calendar invitation “{invitation}”",
    },
    "vi": {
        "post_added": "Thêm chức vụ",
        "post_removed": "Xoá chức vụ",
        "post_assigned": "Nhận chức vụ",
        "post_ended": "Thôi giữ chức vụ",
        "precedence": "{post} (thứ tự {rank})",
        "title": "Đổi tên chức vụ",
        "title_en": "Tên tiếng Anh của chức vụ “{post}”",
        "rank": "Thứ tự của chức vụ “{post}”",
        "notes": "Ghi chú về chức vụ “{post}”",
        "from": "từ {day}",
        "decision": "(quyết định {decision})",
        "last_day": "ngày cuối {day}",
        "reorganisation": "Sắp xếp tổ chức",
        "merged_into": "đã hợp nhất vào {others} từ ngày {day}",
        "renamed_to": "đã đổi tên thành {others} từ ngày {day}",
        "split_into": "đã chia tách thành {others} từ ngày {day}",
        "merged_from": "tiếp nhận {others} hợp nhất vào từ ngày {day}",
        "renamed_from": "tiền thân là {others}, đổi tên ngày {day}",
        "split_from": "tiếp nhận một phần của {others}, chia tách ngày {day}",
        "invitation_linked": "Liên kết với lời mời lịch “{invitation}”",
    },
}
OTHERS = "; "  # between the names of a split's successors (a name may have a comma)
CEASED = {"merged": "merged_into", "renamed": "renamed_to", "split": "split_into"}
"""The event of an organisation that ceased, by how (app.reorg's kinds)."""


def ceased(how: str, successors: Sequence[str], on: dt.date | None, lang: str) -> str:
    """What an organisation became, as its history says it ("merged into Bộ Tài chính on
    01/03/2025"; the Excel export's "Now part of" column)."""
    w = _WORDS["vi" if lang == "vi" else "en"]
    return w[CEASED[how]].format(others=OTHERS.join(successors), day=_day(on))


REORGANISED = ("merged_into", "renamed_to", "split_into", "merged_from", "renamed_from", "split_from")


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "?"


def _held(e: Event) -> str:
    """ "Phó Giám đốc, Trung tâm Đổi mới sáng tạo Quốc gia"."""
    return ", ".join(x for x in (e.post, e.organisation) if x)


def said(e: Event, lang: str) -> str:
    """The line ``ketnoi history`` prints for the event, in English or Vietnamese ("vi")."""
    w = _WORDS["vi" if lang == "vi" else "en"]
    if e.code == "invitation_linked":
        return w[e.code].format(invitation=e.invitation)
    if e.code in REORGANISED:
        text = w[e.code].format(others=OTHERS.join(e.others), day=_day(e.on))
        return f"{w['reorganisation']}: {text}" + (f" ({e.note})" if e.note else "")
    if e.code == "post_added":
        post = w["precedence"].format(post=e.post, rank=e.new) if e.new is not None else e.post
        return f"{w['post_added']}: {post}"
    if e.code == "post_removed":
        return f"{w['post_removed']}: {e.post}"
    if e.code == "post_changed":
        from app.history_words import shown

        what = w.get(e.field, e.field).format(post=e.post)
        return f"{what}: {shown(e.old)} → {shown(e.new)}"
    if e.code == "post_assigned":
        parts = [_held(e), w["from"].format(day=_day(e.on)) if e.on else ""]
        parts.append(w["decision"].format(decision=e.note) if e.note else "")
        return f"{w['post_assigned']}: " + " ".join(x for x in parts if x)
    if e.code == "post_ended":
        day = w["last_day"].format(day=_day(e.on))
        if e.old:  # an end moved: the last day before → now
            day = f"{w['last_day'].format(day=_day(e.old))} → {day}"
        return f"{w['post_ended']}: {_held(e)}, {day}"
    return e.code
