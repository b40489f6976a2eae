"""A request to end from outside the window — SIGTERM from a logout, a service manager or
``kill`` — ends Ketnoi the way quitting does, so that what ends with it (the meeting being typed
in Log meeting, ui.dialogs.meeting_draft) is written first. Python's default for SIGTERM ends
the process at once, and a Python handler runs only when Python code does: the handler's wake-up
byte on a socket makes the Qt event loop run it (``signal.set_wakeup_fd``)."""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier


class QuitOnSignal(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous = signal.set_wakeup_fd(self._write.fileno())
        signal.signal(signal.SIGTERM, self._asked)
        app.aboutToQuit.connect(self.remove)

    def _woken(self) -> None:
        with contextlib.suppress(OSError):
            self._read.recv(64)  # (the handler itself has run, or runs now, in Python)

    def _asked(self, _signum: int, _frame: object) -> None:
        # exit, not quit: Qt 6's quit() first closes every window, and a window that asks
        # ("Discard this meeting?") would hold the end up with nobody there to answer
        QCoreApplication.exit(0)

    def remove(self) -> None:
        if self._read.fileno() < 0:  # (removed already)
            return
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            signal.set_wakeup_fd(self._previous)
        except (ValueError, OSError):  # the one before is closed meanwhile: none
            signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()


def install(app: QCoreApplication) -> QuitOnSignal | None:
    """SIGTERM quits ``app`` (from the main thread only, where Python's handlers live); once
    per application (a second window, tests opening several, share it)."""
    installed = app.findChild(QuitOnSignal)
    if isinstance(installed, QuitOnSignal) and installed._read.fileno() >= 0:
        return installed
    try:
        return QuitOnSignal(app)
    except (ValueError, OSError):  # not the main thread, or no socket pair: the default stays
        return None
