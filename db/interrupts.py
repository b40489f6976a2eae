"""Ctrl+C held back while a COMMIT runs, so that what it wrote is known when it stops a command.

A ``KeyboardInterrupt`` is raised wherever Python happens to be when the signal is looked at: in
the middle of ``session.commit()`` it can come after SQLite (or the server) committed and before
SQLAlchemy returned, and the command then cannot tell whether its work was written (reviewer:
``ketnoi import`` stopped 9.5 s into a 60,000-row import printed a bare traceback although the
import had been written). :func:`interrupts_held` keeps a Ctrl+C pressed meanwhile for the end of
the block, where it is raised as usual: the caller's "written" note is taken by then.

Only the main thread receives signals; elsewhere (the window's workers) it does nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Run the block with Ctrl+C (SIGINT) held back; one pressed meanwhile is delivered to the
    handler there was before, as the block ends (its ``KeyboardInterrupt`` raised after it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.getsignal(signal.SIGINT)
    if not callable(before):  # ignored, or the system's default (the process ends): as it is
        yield
        return
    pressed: list[Any] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        pressed.append((signum, frame))

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
        if pressed:
            before(*pressed[0])
