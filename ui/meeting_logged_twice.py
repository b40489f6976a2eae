"""Log meeting, before a new meeting is saved: has a colleague (or this person) logged it
already — the same organisation or a person in common, that day, at an overlapping time
(:func:`app.already_logged.already_logged`)? Looked up on a pool thread (a team server may
answer slowly); when it has, the question (:func:`ui.dupwarn.ask_already_logged`: Open it /
Save anyway / Cancel) is asked, and the meeting logged already opened on "Open it". A look-up
that fails lets the save go on (which says what went wrong)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from app.already_logged import AlreadyLogged, already_logged
from app.meetings import MeetingDraft
from db.engine import read_session
from ui import dupwarn
from ui.context import AppContext


class LoggedTwiceCheck:
    """The check of one Log meeting dialog (``dialog``): it remembers the meetings logged
    already that this one was saved beside ("Save anyway"), so that they are not asked about
    again when the save is tried once more (after a refusal)."""

    def __init__(self, ctx: AppContext, dialog: QWidget) -> None:
        self.ctx, self.dialog = ctx, dialog
        self.anyway: set[int] = set()  # meetings logged already, this one saved beside

    def before_saving(
        self, draft: MeetingDraft, actor: str, write: Callable[[], None], back: Callable[[], None]
    ) -> None:
        """``write()`` the meeting unless it was logged already and the person chooses Open it
        or Cancel: then ``back()`` (the dialog stays open, its buttons given back)."""
        engine, anyway, dialog = self.ctx.engine, set(self.anyway), self.dialog

        def work(_task: object) -> AlreadyLogged | None:
            with read_session(engine) as s:
                return already_logged(s, draft, actor=actor)

        def done(twin: AlreadyLogged | None) -> None:
            if not isValid(dialog):
                return
            if twin is None or twin.meeting_id in anyway:
                write()
                return
            choice = dupwarn.ask_already_logged(dialog, twin, self.ctx.settings.qt_date_format())
            if choice == "save":
                self.anyway.add(twin.meeting_id)
                write()
                return
            back()
            if choice == "open":
                dupwarn.peek(self.ctx, dialog)("meeting", twin.meeting_id)

        def failed(_exc: BaseException) -> None:
            if isValid(dialog):
                write()

        # (not read again when a team server comes back: the save would happen by itself)
        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=dialog, again=False)
