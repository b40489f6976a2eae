"""Python start-up hook for .ci/run's year-ahead run only (it puts this folder on PYTHONPATH).

libfaketime 0.9.10 (Debian 12's package) with FAKETIME_DONT_FAKE_MONOTONIC=1 breaks time.sleep
on Python 3.11+: it sleeps with clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), which that
libfaketime shifts by the fake offset, and the kernel answers EINVAL
(https://github.com/wolfcw/libfaketime/issues/426). Without that variable the monotonic clock
moves too and every timed wait on a lock hangs instead. So keep the monotonic clock real and,
when sleeping fails here, sleep on a condition variable, which waits on the real clock.
"""

from __future__ import annotations

import threading
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    threading.Event().wait(seconds)


try:
    time.sleep(0)
except OSError:
    time.sleep = _sleep
