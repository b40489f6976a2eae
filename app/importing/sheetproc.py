"""Reading an ``.xls`` or ``.ods`` workbook in a child process, with bounded memory and time.

python-calamine reads the old binary Excel format and OpenDocument, but it holds a sheet as one
dense block of cells and aborts the whole process (no exception to catch) when a file asks for
more than memory holds: an ``.ods`` row repeated a million times over thousands of columns is a
few hundred bytes. An ``.xlsx`` sheet's extent can be checked in its XML before calamine sees
it (:func:`app.importing.reader._dense_range_fits`); these formats cannot be checked so cheaply,
so the reading runs in a child process whose address space is limited
(:data:`CHILD_MEMORY_BYTES`, POSIX) and whose time is bounded (:data:`CHILD_SECONDS`). A child
that dies or runs out of time becomes one :class:`ImportFileError` naming the file; this
process lives on.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from app.importing import workers
from app.importing.errors import ImportFileError
from app.importing.messages import msg

T = TypeVar("T")

CHILD_MEMORY_BYTES = 4 * 1024**3
"""Address space of the reading child: an honest .xls holds at most 65,536 × 256 cells."""

CHILD_SECONDS = 600.0
"""Longest a child may read one sheet (an honest 100k-row .ods takes seconds)."""


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the child still keeps an abort away from this process
        return
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit already set
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def read_names(path: Path) -> list[str]:
    from app.importing.reader import read_sheet_names

    return read_sheet_names(path)


def read_book(path: Path) -> tuple[list[str], dict[str, list[tuple[int, list[Any]]]]]:
    """The worksheets' names and every one's rows."""
    names = read_names(path)
    return names, {name: read_rows(path, name) for name in names}


def read_rows(path: Path, sheet: str) -> list[tuple[int, list[Any]]]:
    from app.importing.reader import _calamine_rows

    return list(_calamine_rows(path, sheet))


def _context() -> Any:
    # The cleaning workers' start method (no fork: the parent may be a Qt application with
    # threads running) and their forkserver, which holds the import modules, so that each
    # child starts in milliseconds.
    return workers.context()


def run(
    fn: Callable[..., T], path: Path, *args: Any, memory: int | None = None, seconds: float | None = None
) -> T:
    """``fn(path, *args)`` in a child process; its :class:`ImportFileError` is raised here, and
    so is one for a child that dies or takes too long."""
    limit = CHILD_MEMORY_BYTES if memory is None else memory
    timeout = CHILD_SECONDS if seconds is None else seconds
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=_context(), initializer=_limit_memory, initargs=(limit,)
    )
    try:
        future = pool.submit(fn, path, *args)
        try:
            return future.result(timeout=timeout)
        except ImportFileError:
            raise
        except FutureTimeout:
            _kill(pool)
            raise ImportFileError(msg("file_timeout", file=path.name, seconds=f"{timeout:.0f}")) from None
        except (BrokenProcessPool, MemoryError):
            raise ImportFileError(msg("file_child_died", file=path.name)) from None
        except Exception as exc:
            raise ImportFileError(msg("file_unreadable", file=path.name, detail=str(exc))) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    for process in list(getattr(pool, "_processes", {}).values()):
        try:
            process.kill()
        except (OSError, AttributeError):
            print("could not stop the reading process", file=sys.stderr)
