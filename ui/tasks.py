"""One small helper for work off the UI thread (Anki's taskman, reduced to what Ketnoi needs).

``TaskManager.run(fn, on_done=…, on_error=…, on_progress=…)`` calls ``fn(task)`` on a pool
thread; ``task.progress(done, total)`` and ``task.cancelled()`` are plain callables the service
receives, so the service knows nothing of Qt. Results, errors and progress come back on the UI
thread through queued signals. The background function never touches widgets.

``write=True`` runs the function on a single-worker lane so that database writes never race
each other; reads use a small shared pool.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QDialog


class Cancelled(Exception):
    """Raised by a service (or ``Task.check``) when the user cancelled the work."""


@dataclass
class Task:
    """What the background function gets: progress reporting and the cancel flag."""

    id: int
    _relay: _Relay
    _cancel: threading.Event = field(default_factory=threading.Event)
    _last_emit: float = 0.0

    def progress(self, done: int, total: int) -> None:
        """Report progress; throttled to about 20 updates a second (the last always goes)."""
        now = time.monotonic()
        if done >= total or now - self._last_emit >= 0.05:
            self._last_emit = now
            self._relay.progressed.emit(self.id, int(done), int(total))

    def stage(self, name: str) -> None:
        """Say that the work reached a stage its window shows (``"finishing"``: an import's
        COMMIT runs, a cancel can no longer stop it)."""
        self._relay.staged.emit(self.id, name)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None
    task: Task
    owner: QObject | None = None
    fn: Callable[[Task], Any] | None = None  # (asked again once the server is back)
    write: bool = False
    on_stage: Callable[[str], None] | None = None

    def orphaned(self) -> bool:
        """The widget that asked is gone (a closed dialog, a torn-down window): nobody to tell."""
        return self.owner is not None and not shiboken6.isValid(self.owner)


class _Relay(QObject):
    """Lives on the UI thread; its signals, emitted from workers, are queued to it."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)
    staged = Signal(int, str)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Task], Any], task: Task, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._task, self._relay = fn, task, relay

    def run(self) -> None:
        try:
            result = self._fn(self._task)
        except BaseException as exc:  # delivered to on_error on the UI thread
            self._relay.failed.emit(self._task.id, exc)
        else:
            self._relay.finished.emit(self._task.id, result)


class TaskManager(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.progressed.connect(self._on_progress)
        self._relay.staged.connect(self._on_stage)
        self._pending: dict[int, _Callbacks] = {}
        self._ids = itertools.count(1)
        self.default_error: Callable[[BaseException], None] | None = None
        # a failed task's error when it is a team server that cannot be reached: that one
        # sentence in the window's language (AppContext), None for any other error. Every
        # handler gets the sentence — a dialog's own (Undo history, Duplicates, Import history,
        # Posts…) showed psycopg's words — and a dialog's read is asked again by read_again
        self.unreachable: Callable[[BaseException], BaseException | None] | None = None
        self._unread: list[_Callbacks] = []  # the dialogs' reads the server was away for

    def run(
        self,
        fn: Callable[[Task], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        write: bool = False,
        owner: QObject | None = None,
        on_stage: Callable[[str], None] | None = None,
        again: bool = True,
    ) -> Task:
        """Run ``fn(task)`` off the UI thread. With ``owner``, the callbacks are dropped (and
        the task cancelled) if that widget is deleted before the work ends. ``on_stage`` hears
        :meth:`Task.stage`. ``again=False``: a read that is a step of something the person asked
        for (the check before a save, a file written, a question before an undo) is not made
        again when a team server comes back (:meth:`read_again`): it would finish that by itself,
        minutes later (reviewer h102: Log meeting, saved while the server was away, saved itself
        on its return, once per press of Save, with the text of the first press)."""
        task = Task(next(self._ids), self._relay)
        self._pending[task.id] = _Callbacks(
            on_done, on_error, on_progress, task, owner, fn if again else None, write, on_stage
        )
        if owner is not None:
            owner.destroyed.connect(task.cancel)
        (self._writes if write else self._reads).start(_Runner(fn, task, self._relay))
        return task

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pools are idle (shutdown and tests only)."""
        return bool(self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs))

    def cancel_all(self) -> None:
        for cb in self._pending.values():
            cb.task.cancel()

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: object) -> None:
        cb = self._pending.pop(task_id, None)
        if cb is not None and cb.on_done is not None and not cb.orphaned():
            cb.on_done(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: object) -> None:
        cb = self._pending.pop(task_id, None)
        assert isinstance(exc, BaseException)
        if cb is not None and cb.orphaned():
            return
        said = self.unreachable(exc) if self.unreachable is not None else None
        if said is not None:
            exc = said
            if cb is not None and not cb.write and cb.fn is not None and isinstance(cb.owner, QDialog):
                self._unread.append(cb)  # (a window's own list reads again by itself: ui.lists)
        handler = (cb.on_error if cb else None) or self.default_error
        if handler is not None:
            handler(exc)
        else:
            raise exc

    def read_again(self) -> None:
        """The server is back (the live feed connected again): every read a dialog still open
        could not make — Trash, History, Posts, Undo history… — is made again, its answer going
        where the first one's would have."""
        unread, self._unread = self._unread, []
        for cb in unread:
            if cb.fn is not None and not cb.orphaned():
                self.run(
                    cb.fn,
                    on_done=cb.on_done,
                    on_error=cb.on_error,
                    on_progress=cb.on_progress,
                    owner=cb.owner,
                )

    @Slot(int, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        cb = self._pending.get(task_id)
        if cb is not None and cb.on_progress is not None and not cb.orphaned():
            cb.on_progress(done, total)

    @Slot(int, str)
    def _on_stage(self, task_id: int, name: str) -> None:
        cb = self._pending.get(task_id)
        if cb is not None and cb.on_stage is not None and not cb.orphaned():
            cb.on_stage(name)
