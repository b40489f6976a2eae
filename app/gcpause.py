"""Python's cyclic garbage collector paused while a bulk step builds many objects.

An import of 100,000 rows builds about a million small objects (rows, their columns, their
lists) that live until the step ends and hold no reference cycles. Each of the collector's
full passes walks every one of them, and the heap grows by enough to start a new pass about
ten times a step: measured at 0.7 s of a 12 s import with the general cleaning, 1.25 s with
column memos (``tests/benchmarks/bench_import.py --split``). Reference counting still frees
everything as usual while the collector waits; only cycles wait for the next pass after the
step, which the collector, turned back on, makes as usual.

The pause is process-wide (the collector has no per-thread switch), counted, so that nested
and concurrent steps resume it only when the last one ends, and it never turns on a
collector that was off before the first. The desktop app keeps the collector off all the time
and collects from a timer on its GUI thread (``ui.gui_gc``); that timer asks :func:`paused`,
and collects nothing while a step runs.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    lock = threading.Lock()
    depth = 0
    resume = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the ``with`` block with the cyclic collector off; on again after the last one."""
    with _Pause.lock:
        if _Pause.depth == 0:
            _Pause.resume = gc.isenabled()
            gc.disable()
        _Pause.depth += 1
    try:
        yield
    finally:
        with _Pause.lock:
            _Pause.depth -= 1
            if _Pause.depth == 0 and _Pause.resume:
                gc.enable()


def paused() -> bool:
    """Whether a step runs with the collector paused (whatever :func:`gc.isenabled` says: the
    desktop app has it off all the time, and its own collections must wait too)."""
    return _Pause.depth > 0
