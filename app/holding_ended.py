"""A holding ended meanwhile (:func:`app.posts.end` with ``still_open``): who ended it and when,
named as an edit of a post changed meanwhile names them (:class:`app.posts.PostChanged`) —
reviewer: Posts… → End holding said "Nhiệm kỳ này vừa được kết thúc (ngày cuối 04/12/2026)"
and named nobody. The end is written in the history of the holder (a contact)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.errors import LastSave, UserError
from db.tables import CHANGE

OP = "post"  # (app.posts.OP: a post's changes)


class HoldingEnded(UserError):
    """The holding ``holder_id`` (``name`` in ``post``) was ended on ``ends_on`` by ``saved``
    (None: the history does not say) after it was shown open; nothing was changed."""

    def __init__(self, name: str, post: str, ends_on: dt.date, saved: LastSave | None) -> None:
        self.name, self.post, self.ends_on, self.saved = name, post, ends_on, saved
        last = f"{ends_on:%d/%m/%Y}"
        if saved is None:
            en = f"This holding was ended meanwhile (last day {last}): nothing was changed."
            vi = f"Nhiệm kỳ này vừa được kết thúc (ngày cuối {last}): không có gì thay đổi."
        elif not saved.team:  # a file one person uses: this person, elsewhere
            en = (
                f"{name}'s holding of “{post}” was ended in another window or from the command line "
                f"at {saved.when()} (last day {last}): nothing was changed."
            )
            vi = (f"Nhiệm kỳ của {name} ở chức vụ “{post}” đã được kết thúc từ một cửa sổ khác hoặc "
                  f"dòng lệnh lúc {saved.when()} (ngày cuối {last}): không có gì thay đổi.")  # fmt: skip
        else:
            who, who_vi = saved.said()
            en = (
                f"{who} ended {name}'s holding of “{post}” at {saved.when()} (last day {last}): "
                "nothing was changed."
            )
            vi = (f"{who_vi} đã kết thúc nhiệm kỳ của {name} ở chức vụ “{post}” lúc {saved.when()} "
                  f"(ngày cuối {last}): không có gì thay đổi.")  # fmt: skip
        super().__init__(en)
        self.vi = vi


def ended_by(session: Session, holder_id: int, contact_id: int) -> LastSave | None:
    """Who ended the holding last, and when, as the holder's history says."""
    rows = session.execute(
        select(CHANGE.c.new, CHANGE.c.actor, CHANGE.c.login, CHANGE.c.at)
        .where(CHANGE.c.entity == "contact", CHANGE.c.entity_id == contact_id, CHANGE.c.op == OP)
        .order_by(CHANGE.c.id.desc())
        .limit(200)
    )
    for row in rows:
        new: Any = row.new
        if isinstance(new, dict) and new.get("action") == "end" and new.get("holder_id") == holder_id:
            at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=dt.UTC)
            team = session.get_bind().dialect.name == "postgresql"
            return LastSave(actor=row.actor or "", login=row.login or "", at=at, team=team)
    return None
