"""What every window shares: the engine, the settings, the task manager and a change bus.

Widgets hold ids and plain dicts, never ORM objects or sessions. Small bounded reads (a page
of ids, the rows of one screen, one record) run on the UI thread through :meth:`read`; writes
go through :meth:`write`, which runs the function in the single-worker write lane and then
announces the change so every view refreshes what it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal

from app import dashboard
from db import clock
from db.engine import Engine, Session, read_session, unit_of_work
from ui.settings import Settings
from ui.tasks import Task, TaskManager


class AppContext(QObject):
    # entity ("" for several kinds) and the ids touched
    changed = Signal(str, list)
    status_message = Signal(str)
    # the latest undoable operation changed (its label, "" when there is none)
    undo_changed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.settings = settings
        self.tasks = TaskManager(self)
        # (label, group_id): operations of this session, undone through app.undo.undo_group
        self.undo_stack: list[tuple[str, str]] = []

    @contextmanager
    def read(self) -> Iterator[Session]:
        with read_session(self.engine) as session:
            yield session

    def today(self) -> dt.date:
        """The local day, from the one clock (``db.clock``) that tests set."""
        return clock.today()

    @property
    def staff_id(self) -> int | None:
        return self.settings.staff_id

    def actor(self) -> str:
        staff_id = self.settings.staff_id
        if staff_id is None:
            return ""
        with self.read() as s:
            return dashboard.staff_name(s, staff_id)

    def write(
        self,
        fn: Callable[[Session], Any],
        *,
        entity: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``fn(session)`` in one unit of work on the write lane; announce the change."""
        engine = self.engine

        def work(_task: Task) -> Any:
            with unit_of_work(engine) as session:
                return fn(session)

        def done(result: Any) -> None:
            ids = result if isinstance(result, list) else [result] if isinstance(result, int) else []
            self.changed.emit(entity, ids)
            if on_done is not None:
                on_done(result)

        return self.tasks.run(work, on_done=done, on_error=on_error, write=True)

    def push_undo(self, label: str, group_id: str) -> None:
        """Offer ``group_id`` (a group of history rows) as Edit → Undo; '' is ignored."""
        if not group_id:
            return
        self.undo_stack.append((label, group_id))
        del self.undo_stack[:-50]
        self.undo_changed.emit(label)

    def pop_undo(self) -> tuple[str, str] | None:
        item = self.undo_stack.pop() if self.undo_stack else None
        self.undo_changed.emit(self.undo_stack[-1][0] if self.undo_stack else "")
        return item

    def fmt_number(self, n: int) -> str:
        """A count in the language of the interface (1,000 / 1.000)."""
        from PySide6.QtCore import QLocale

        return QLocale().toString(int(n))

    def fmt_date(self, value: dt.date | None) -> str:
        return self.settings.fmt_date(value)

    def fmt_datetime(self, value: dt.datetime | None) -> str:
        return self.settings.fmt_datetime(value)
