"""An organisation that no longer exists, for the rows of a contacts or an organisations sheet.

A person works at an organisation now, and a department belongs to one now: a row naming an
organisation merged or renamed by today (:func:`app.reorg.successors_on` on
:func:`db.clock.today`) is filed under its successor, as the window's forms and ``ketnoi contact
add`` file a new contact, and the row says so at the organisation column ("Bộ Kế hoạch và Đầu tư
became Bộ Tài chính on 01/03/2025: the contact is filed under Bộ Tài chính"); an organisations
sheet's parent column the same ("…: the parent organisation is Bộ Tài chính"). A split one
(several successors) is kept as named, with a warning naming what it became: no guess.
(Reviewer: a contacts sheet naming "Bộ Kế hoạch và Đầu tư", merged into Bộ Tài chính on
01/03/2025, filed its people under the closed ministry, with no word.)

The successor is the row's organisation from the start of matching (:attr:`Successors.now_of`
in the row's keys and in what the row writes): a row naming the old ministry meets the person the
reorganisation moved to its successor, and one naming the successor, as the same person; a
re-imported sheet does not move anyone back. A person still filed under the old one (imported
before this rule) is met by a row naming either, and the row files them under the successor.

Meetings and actions are dated, and follow the rule of their day instead
(:mod:`app.importing.logbook`). Asked once per distinct organisation the sheet names, not per
row: one query when no reorganisation took effect by today (the usual case), then one answer
per reorganised organisation named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import reorg
from app.importing.messages import Message, msg
from app.importing.preview import Preview, RowResult
from db import clock

CODES = frozenset({"successor_contact", "successor_parent", "successor_split"})
WRITTEN = ("new", "update")


@dataclass
class Successors:
    """The organisations reorganised by today (their ids), and what each became, asked once."""

    olds: frozenset[int] = frozenset()
    ask: Callable[[int], list[reorg.Link]] | None = None
    answers: dict[int, list[reorg.Link]] = field(default_factory=dict)
    said: bool = False  # a warning of :data:`CODES` was given (a later run takes it out first)

    def became(self, old: int) -> list[reorg.Link]:
        """What ``old`` had become by today: one successor (merged, renamed), several (split), or
        none (not reorganised)."""
        if old not in self.olds or self.ask is None:
            return []
        found = self.answers.get(old)
        if found is None:
            found = self.answers[old] = self.ask(old)
        return found

    def now_of(self, ident: Any) -> Any:
        """The organisation a row naming ``ident`` is filed under today: its successor when it
        was merged or renamed, else itself (a split one too: which, the row must say)."""
        if ident not in self.olds:
            return ident
        links = self.became(ident)
        return links[0].id if len(links) == 1 else ident


def load(session: Session) -> Successors:
    """The organisations reorganised by today (one query; none, the usual case: nothing else)."""
    today = clock.today()
    olds = frozenset(
        int(i)
        for i in session.execute(
            select(reorg.SUCCESSION.c.predecessor_id)
            .where(reorg.SUCCESSION.c.effective_on <= today)
            .distinct()
        ).scalars()
    )
    if not olds:
        return Successors()
    return Successors(olds, lambda old: reorg.successors_on(session, [old], today).get(old, []))


def _column(preview: Preview, name: str) -> str:
    cols = preview.layout.columns_for(name)
    return preview.layout.column_label(cols[0]) if cols else ""


def _warn(row: RowResult, code: str, /, **params: Any) -> None:
    said: Message = msg(code, row=row.row, **params)
    row.warnings = (*row.warnings, said)


def say(preview: Preview, ctx: Any, was: Successors | None) -> None:
    """Once a contacts or an organisations sheet is matched: each written row naming an
    organisation reorganised by today says what it is filed under instead (``ctx``: the
    :class:`app.importing.matching.MatchContext`; ``was``: the last run's, whose warnings go)."""
    succ: Successors = ctx.successors
    if was is not None and was.said:
        for row in preview.rows:
            if row.warnings and any(w.code in CODES for w in row.warnings):
                row.warnings = tuple(w for w in row.warnings if w.code not in CODES)
    if not succ.olds:
        return
    contact = preview.kind == "contact"
    ref, code = ("organisation", "successor_contact") if contact else ("parent", "successor_parent")
    column = _column(preview, ref)
    for row in preview.rows:
        text = row.refs.get(ref) if row.columns is not None and row.status in WRITTEN else None
        old = ctx.orgs.lookup(text) if text else None
        links = succ.became(old) if old is not None else []
        if not links or (not contact and (row.columns or {}).get("parent_id") != succ.now_of(old)):
            continue  # (an organisation its own parent now: none)
        since = f"{links[0].effective_on:%d/%m/%Y}"
        if len(links) > 1:  # a split: which? kept as named
            names = ", ".join(x.name for x in links)
            _warn(row, "successor_split", column=column, old=ctx.orgs.name_of(old), names=names, since=since)
        else:
            _warn(row, code, column=column, old=ctx.orgs.name_of(old), new=links[0].name, since=since)
        succ.said = True
