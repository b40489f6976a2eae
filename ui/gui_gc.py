"""Python's cyclic garbage collector, run on the GUI thread only (as Anki does, ``qt/aqt/main.py``).

Left to itself, the collector runs on whichever thread happens to allocate when a generation's
count passes its threshold: often a pool thread of :mod:`ui.tasks`. A collection there frees
every unreachable cycle, Qt wrappers among them (a widget, a signal's closure, a QTimer), and Qt
objects destroyed off their thread crash the process: a CI worker died with "Fatal Python error:
Bus error" in a pool thread inside ``app.undo.recent_undoable`` with the collector running there.

So the GUI process turns automatic collection off (:func:`install`, where the QApplication is
made: :func:`ui.main.run`, and the tests' application, ``tests/ui/conftest.py``) and a QTimer on
the GUI thread looks at :func:`gc.get_count` every :data:`CHECK_MS` and collects what Python
itself would have: generation 0 when its count passed the threshold, generation 1 when ten
generation-0 passes went by, and a full pass (generation 2) after ten generation-1 passes but no
more often than every :data:`FULL_EVERY_S` seconds: the full pass walks every object of the
window (0.11-0.17 s on the 100k-contact demo window: see :data:`FULL_EVERY_S`), the young
generations only what was made since (~1 ms). Reference counting frees everything else at once,
as always; only cycles wait for the next tick.

While a bulk step runs with the collector paused (:func:`app.gcpause.paused_gc`: an import's
preview or commit) the timer collects nothing either: it asks the pause's depth, not
:func:`gc.isenabled`, which is off all the time here. The pause, when it ends, leaves the
collector as it found it: off. The command line (``app/``) keeps Python's own collector: no Qt
there.
"""

from __future__ import annotations

import gc
import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app.gcpause import paused

CHECK_MS = 1000
"""How often the GUI thread looks at the counts (a look costs ~1 µs: the counts and a compare)."""

FULL_EVERY_S = 300.0
"""The least time between two full passes (Anki makes one every 15 minutes). Measured on the
100k-contact demo window, offscreen, the contacts listed (``ketnoi demo --scale 100000``; 2 cores
under a load of 4): a full pass walks ~129,000 objects in 0.11-0.17 s, a hitch the window would
show; a generation-0 pass after switching views, 1 ms. Freezing what start-up made
(``gc.freeze``) brought the full pass to ~0 ms, but the import wizard's end thaws every freeze
(:func:`ui.import_wizard.work.release`), and a window replaced (another database, another
language) would keep its cycles for good: left out; full passes are rare instead."""


class GuiCollector(QObject):
    """The collector's timer on the GUI thread (one per process, a child of the application)."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setObjectName("gui_gc")
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.last_full = time.monotonic()
        app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        gc.disable()
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """Quitting: no more passes from the timer (the collector stays off: pool threads may
        still be finishing)."""
        self.timer.stop()

    def check(self) -> int | None:
        """Collect the generations whose counts passed their thresholds, on this (the GUI)
        thread; the generation collected, or None (nothing due, or a bulk step paused it)."""
        if paused():
            return None
        count0, count1, count2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if count0 <= t0:
            return None
        generation = 0
        if count1 > t1:
            generation = 1
            if count2 > t2 and time.monotonic() - self.last_full >= FULL_EVERY_S:
                generation = 2
        gc.collect(generation)
        if generation == 2:
            self.last_full = time.monotonic()
        return generation


_installed: GuiCollector | None = None


def install(app: QCoreApplication | None = None) -> GuiCollector:
    """Automatic collection off, the GUI thread's timer on (call it on the GUI thread, once the
    QApplication exists; again after a quit restarts the timer). Returns the collector."""
    global _installed  # noqa: PLW0603
    app = app or QCoreApplication.instance()
    assert app is not None, "the QApplication first"
    if _installed is None or not shiboken6.isValid(_installed):
        _installed = GuiCollector(app)
    _installed.start()
    return _installed


def installed() -> GuiCollector | None:
    """The GUI collector of this process, if it was installed (None in the command line)."""
    return _installed


def collect_due() -> int | None:
    """What the timer does, now (on the calling thread: the GUI thread's only); None where no
    GUI collector was installed (Python's own collector runs there)."""
    return _installed.check() if _installed is not None else None
