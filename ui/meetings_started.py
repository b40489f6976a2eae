"""A meeting logged before it started counts in its attendees' "Last contacted" once it has
(reviewer h108): at the window's start and every minute after, a look-up for meetings started
since the last time (:func:`app.contacted.catch_up_database`, one indexed query), and, when one
has, their dates moved on the write lane and the lists and pages told. Not an undo step."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app.changes import Changes
from app.contacted import FIELD, catch_up_quietly
from ui.context import AppContext
from ui.tasks import Task


class StartedMeetings(QObject):
    INTERVAL_MS = 60_000

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._running = False
        self.timer = QTimer(self, interval=self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def check(self) -> None:
        if self._running:
            return
        self._running = True
        engine = self.ctx.engine

        def work(_task: Task) -> list[int]:
            return catch_up_quietly(engine)

        def failed(_exc: BaseException) -> None:  # (the next minute tries again)
            self._running = False

        self.ctx.tasks.run(work, on_done=self._done, on_error=failed, write=True, owner=self, again=False)

    def _done(self, moved: list[int]) -> None:
        self._running = False
        if moved:
            self.ctx.publish(Changes.of({"contact": moved}, fields={"contact": [FIELD]}, membership=False))
