"""Worker processes that clean a big sheet's chunks beside this process, used only while free.

Cleaning a row (names, emails, phones, dates) is pure Python work that a thread cannot spread
over cores, so a big sheet's chunks are shared with worker processes. Two things measured on
two cores decide how (``tests/benchmarks/bench_import.py``):

- the first chunk handed to a ``ProcessPoolExecutor`` blocked its caller for about 1.1 s while
  the forkserver imported the import modules. So the workers are started on a thread of their
  own (:class:`Helpers`), and the forkserver itself as soon as a big sheet is inspected
  (:func:`warm_up`): this process goes on cleaning meanwhile;
- a chunk handed over costs this process its rows pickled and its results unpickled (about a
  third of cleaning it here), and a worker on a core something else is using is slow. So a
  chunk goes to a worker only when one is free (:meth:`Helpers.offer`); otherwise this process
  cleans it. Nothing here waits for a worker while there is a chunk it could clean, and at the
  end a chunk a worker has not finished is taken back (:meth:`Helpers.results`).

A worker that dies, a pool that cannot start (a bundle without ``freeze_support``, no process
allowed) or an exception in a worker: the chunk is cleaned here instead, where a real error in
the cleaning is raised as it would be without workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

PRELOAD = ["app.importing.preview"]
"""What the forkserver imports once, so that each worker it forks starts in milliseconds."""

BIG_SHEET_ROWS = 40_000
"""Rows from which a sheet is cleaned on every core: below it, starting a worker process (about
0.5 s of CPU) costs more than it saves."""

BIG_SHEET_XML_BYTES = BIG_SHEET_ROWS * 100
"""A sheet's XML from which it is taken to be big before it is parsed, when it does not say its
size (openpyxl's write-only mode leaves ``<dimension>`` out): an .xlsx row of a few short cells
takes well over 100 bytes (668 in ``bench_import.py``'s workbook)."""

IN_FLIGHT_PER_WORKER = 2
"""Chunks handed to a worker at most at once: one it cleans, one waiting, so that it never idles
between two, and at most one is taken back at the end."""


def context() -> Any:
    """The start method for worker processes: no fork (the parent may be a Qt application with
    threads running), the forkserver where there is one (Linux, macOS), else spawn (Windows)."""
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


def helper_count(parallel: bool | None = None) -> int:
    """Worker processes that clean a big sheet's chunks beside this process: one per core but
    this one's; none when ``parallel`` is False, and by default none on two cores or fewer.

    Measured on two cores, 100k rows, reading and cleaning alone, one fresh process per run
    (as a session's first import), four rounds alternated: 2.63-2.93 s with one worker, 2.61-3.06 s
    without (the server's start and the chunks' pickling eat what the second core gives); 3.55-4.36 s
    with the workers as they were before this module (the caller blocked while they started).
    Repeated in one process (the server running): 0.87 of the time without (0.66-1.40, 7 rounds);
    the whole import, five rounds: no difference above the noise."""
    cores = os.cpu_count() or 1
    if parallel is False or (parallel is None and cores <= 2):
        return 0
    return max(cores - 1, 1)


def warm_up() -> None:
    """Start the forkserver now (it then imports :data:`PRELOAD` on another core) if the workers
    will be used: a big sheet was just inspected, and its preview comes next. It lives as long
    as this process, as multiprocessing keeps it; nothing else is started."""
    if not helper_count():
        return
    ctx = context()
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    with contextlib.suppress(Exception):  # (the workers will try again, and clean here if not)
        forkserver.ensure_running()


def looks_big(path: Path, sheet: str) -> bool:
    """Whether a sheet is big enough for worker processes, told before it is parsed."""
    from app.importing.reader import _sheet_xml_size, estimate_rows

    try:
        rows = estimate_rows(path, sheet)
        if rows is not None:
            return rows >= BIG_SHEET_ROWS
        return _sheet_xml_size(path, sheet) >= BIG_SHEET_XML_BYTES
    except Exception:  # (a damaged file: the parse that follows says what is wrong with it)
        return False


def _ready() -> bool:
    return True


class Helpers:
    """``count`` worker processes, started on a thread of their own, and the chunks handed to them.

    ``offer(fn, *args)`` hands ``fn(*args)`` to a worker if one is started and free, or says no;
    ``done()`` yields the results that have come back; ``results(local)`` yields the rest, each
    chunk a worker has not finished cleaned here with ``local(*args)``; ``close()`` stops them.
    """

    def __init__(self, count: int, *, start: Callable[[int], ProcessPoolExecutor] | None = None) -> None:
        self.count = count
        self.limit = IN_FLIGHT_PER_WORKER * count
        self.given = 0  # chunks handed to a worker
        self.taken_back = 0  # chunks a worker had not cleaned, cleaned here after all
        self._start = start or _pool
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._usable = True
        self._closed = False
        self._flight: deque[tuple[Future[Any], tuple[Any, ...]]] = deque()
        self._thread = threading.Thread(target=self._boot, name="ketnoi-import-workers", daemon=True)
        self._thread.start()

    def _boot(self) -> None:
        pool = None
        try:
            pool = self._start(self.count)
            for future in [pool.submit(_ready) for _ in range(self.count)]:
                future.result()
        except Exception:  # (no worker: this process cleans every chunk)
            with self._lock:
                self._usable = False
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            return
        with self._lock:
            if not self._closed:
                self._pool = pool
                return
        pool.shutdown(wait=False, cancel_futures=True)  # (closed while starting: not needed now)

    @property
    def started(self) -> bool:
        with self._lock:
            return self._pool is not None and self._usable

    def wait_started(self, timeout: float | None = None) -> bool:
        """For tests: wait until the workers are started (or could not be)."""
        self._thread.join(timeout)
        return self.started

    def offer(self, fn: Callable[..., Any], *args: Any) -> bool:
        """Hand ``fn(*args)`` to a worker if one is started and free; False: clean it here."""
        with self._lock:
            pool = self._pool if self._usable else None
        if pool is None or len(self._flight) >= self.limit:
            return False
        try:
            future = pool.submit(fn, *args)
        except Exception:  # (a broken pool, shut down: this process cleans from now on)
            with self._lock:
                self._usable = False
            return False
        self._flight.append((future, args))
        self.given += 1
        return True

    def done(self, local: Callable[..., Any]) -> Iterator[Any]:
        """The results of the first chunks handed over that have come back, in order."""
        while self._flight and self._flight[0][0].done():
            yield self._result(*self._flight.popleft(), local)

    def results(self, local: Callable[..., Any], *, patience: float) -> Iterator[Any]:
        """Every chunk still handed over: its result, or cleaned here if no worker has it done.
        The last ones are taken back (a worker cleans from the first); the one it is cleaning is
        waited for at most ``patience`` seconds (a few times what this process takes for one)."""
        while self._flight:
            future, args = self._flight[0]
            if future.done():
                yield self._result(*self._flight.popleft(), local)
            elif len(self._flight) > 1:
                future, args = self._flight.pop()
                future.cancel()
                self.taken_back += 1
                yield local(*args)
            else:
                self._flight.popleft()
                try:
                    yield future.result(timeout=patience)
                except (FutureTimeout, Exception):  # (slow, gone or failed: here, where an error is real)
                    future.cancel()
                    self.taken_back += 1
                    yield local(*args)

    def _result(self, future: Future[Any], args: tuple[Any, ...], local: Callable[..., Any]) -> Any:
        try:
            return future.result()
        except Exception:  # a worker that died, or failed: the chunk is cleaned here
            with self._lock:
                self._usable = False
            self.taken_back += 1
            return local(*args)

    def close(self) -> None:
        """Stop the workers: chunks not started are dropped, one being cleaned is left to end."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        for future, _args in self._flight:
            future.cancel()
        self._flight.clear()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=context())
