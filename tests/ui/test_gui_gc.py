"""The cyclic garbage collector runs on the GUI thread only (ui.gui_gc).

A CI worker died with "Fatal Python error: Bus error" on a ui.tasks pool thread inside
app.undo.recent_undoable, the collector running there: a collection on a pool thread frees the
unreachable Qt wrappers of the whole process on that thread, which Qt does not allow.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, QRunnable, QThreadPool
from PySide6.QtWidgets import QApplication

from app.gcpause import paused_gc
from ui import gui_gc
from ui.import_wizard import work


@pytest.fixture
def collections() -> Iterator[list[tuple[str, int]]]:
    """Every collection that starts meanwhile: the thread it runs on, its generation."""
    seen: list[tuple[str, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((threading.current_thread().name, info["generation"]))

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


class Looped(QObject):
    """A Qt object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self, died: list[threading.Thread]) -> None:
        super().__init__()
        self.me = self
        self.died = died

    def __del__(self) -> None:
        self.died.append(threading.current_thread())


class Allocate(QRunnable):
    """Work of a pool thread that builds many objects: past every threshold of the collector."""

    def __init__(self, kept: list[Any]) -> None:
        super().__init__()
        self.kept = kept

    def run(self) -> None:
        for _ in range(20):
            self.kept.append([[i] for i in range(5_000)])


def _due_now(kept: list[Any]) -> None:
    """More new container objects than generation 0's threshold: a collection is due."""
    kept.append([[i] for i in range(gc.get_threshold()[0] * 2)])


def test_the_gui_thread_collects_and_a_pool_thread_never_does(qtbot, qapp, collections):
    assert not gc.isenabled()  # no automatic collection: on whichever thread allocates
    collector = gui_gc.installed()
    assert collector is not None and collector.timer.isActive()
    assert collector.timer.thread() is QApplication.instance().thread()

    died: list[threading.Thread] = []
    Looped(died)  # unreachable at once, but for its cycle
    kept: list[Any] = []
    pool = QThreadPool()
    pool.start(Allocate(kept))
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0 and len(kept) == 20, timeout=10_000)
    assert not [c for c in collections if c[0] != threading.main_thread().name]  # none on the pool's
    assert len(kept) == 20  # (and nothing freed the objects made there)

    _due_now(kept)
    collector.timer.timeout.emit()  # the timer's tick
    assert died == [threading.main_thread()]  # the cycle's Qt object freed on the GUI thread
    assert collections and {c[0] for c in collections} == {threading.main_thread().name}


def test_the_timer_waits_for_a_paused_bulk_step_and_leaves_the_collector_off(qtbot, collections):
    collector = gui_gc.installed()
    assert collector is not None
    kept: list[Any] = []
    with paused_gc():  # an import's preview or commit (app.importing)
        _due_now(kept)
        collector.timer.timeout.emit()
        assert collections == []  # nothing walked while the step builds its rows
        assert not gc.isenabled()
    assert not gc.isenabled()  # the step's end leaves it off: the GUI thread's timer collects
    collector.timer.timeout.emit()
    assert [c[0] for c in collections] == [threading.main_thread().name]


def test_the_import_wizards_step_no_longer_turns_the_collector_on(qtbot, collections):
    collector = gui_gc.installed()
    assert collector is not None
    kept: list[Any] = []
    try:
        with work.gc_paused():  # what the wizard's preview and commit run in, on a pool thread
            _due_now(kept)
            collector.timer.timeout.emit()
            assert collections == []
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0  # the preview's rows frozen until the wizard closes
    finally:
        work.release()
    assert gc.get_freeze_count() == 0
    assert not gc.isenabled()


# ui.main.run, the app's start, installs it: tests/ui/test_main.py::test_run_opens_the_window_on_the_database
