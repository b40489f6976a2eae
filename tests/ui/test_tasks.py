"""The background-task helper: results and progress on the UI thread, cancel, one write lane."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from ui.tasks import Cancelled, TaskManager


def test_result_and_progress_arrive_on_the_ui_thread(qtbot, qapp):
    tm = TaskManager()
    seen: dict = {"progress": [], "threads": set()}
    ui_thread = QThread.currentThread()

    def work(task):
        seen["worker"] = threading.current_thread().name
        for i in range(1, 6):
            task.progress(i, 5)
            time.sleep(0.06)
        return 42

    def on_progress(done, total):
        seen["threads"].add(QThread.currentThread() is ui_thread)
        seen["progress"].append((done, total))

    tm.run(
        work,
        on_done=lambda r: seen.setdefault("result", (r, QThread.currentThread() is ui_thread)),
        on_progress=on_progress,
    )
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == (42, True)
    assert seen["threads"] == {True}
    assert seen["progress"][-1] == (5, 5)
    assert seen["worker"] != threading.main_thread().name


def test_cancel_and_errors_reach_on_error(qtbot, qapp):
    tm = TaskManager()
    errors: list = []
    started = threading.Event()

    def work(task):
        started.set()
        while True:
            task.check()
            time.sleep(0.01)

    task = tm.run(work, on_error=errors.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)

    tm.run(lambda t: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    assert isinstance(errors[1], ZeroDivisionError)


def test_writes_run_one_at_a_time(qtbot, qapp):
    tm = TaskManager()
    active, overlap, done = [0], [False], []
    lock = threading.Lock()

    def write(task):
        with lock:
            active[0] += 1
            overlap[0] |= active[0] > 1
        time.sleep(0.03)
        with lock:
            active[0] -= 1
        return True

    for _ in range(6):
        tm.run(write, write=True, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 6, timeout=5000)
    assert not overlap[0]


@pytest.mark.parametrize("n", [3])
def test_wait_blocks_until_idle(qapp, n):
    tm = TaskManager()
    for _ in range(n):
        tm.run(lambda t: time.sleep(0.05))
    assert tm.wait(5000)


def test_progress_dialog_shows_progress_and_its_cancel_stops_the_work(qtbot, qapp):
    from ui.progress import run_with_progress

    tm = TaskManager()
    errors: list = []
    seen_max: list[int] = []

    def long_work(task):
        for i in range(1, 10_000):
            task.check()
            task.progress(i, 10_000)
            time.sleep(0.002)
        return "finished"

    task, dialog = run_with_progress(tm, None, "Working…", long_work, on_error=errors.append)
    qtbot.waitUntil(lambda: dialog.maximum() == 10_000 and dialog.value() > 0, timeout=5000)
    seen_max.append(dialog.maximum())
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()  # the user presses Cancel
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and task.cancelled()
    assert seen_max == [10_000]
    assert not dialog.isVisible()

    results: list = []
    run_with_progress(tm, None, "Quick", lambda t: 7, on_done=results.append)
    qtbot.waitUntil(lambda: results == [7], timeout=5000)
