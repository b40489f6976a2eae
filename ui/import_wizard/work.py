"""What the wizard runs off the UI thread: plain functions over the import services.

Each function takes the engine and a :class:`ui.tasks.Task` and opens its own session inside
the worker (one session per unit of work, never shared across threads). Nothing here touches
a widget; results go back to the wizard as plain data.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import itertools
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.gcpause import paused_gc
from app.importing import (
    CommitResult,
    ImportFileError,
    Preview,
    SheetLayout,
    inspect_workbook,
    preview_import,
    run_import,
    write_error_report,
)
from app.importing.messages import msg
from app.importing.reader import forget_parsed, iter_rows, sheet_states
from db.engine import Engine, read_session
from ui.import_wizard.common import describe
from ui.tasks import Task

SAMPLES = 3
SAMPLE_SCAN_ROWS = 40


_gc_lock = threading.Lock()
_gc_pausers = 0


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a big preview or commit runs.

    Reading 100k rows builds millions of small objects; each full collection walks all of
    them while holding the GIL, which froze the window for 0.3–3 s every few seconds
    (measured with a 20 ms timer on the UI thread). Reference counting still frees what the
    work drops. The pause is :func:`app.gcpause.paused_gc`'s: counted, and it leaves the
    collector as it found it — off, in the window, whose GUI thread collects from a timer
    that waits for the pause too (``ui.gui_gc``; this step turned the collector on at its end,
    which let the next collection run on a pool thread and free Qt objects there). When the
    last such step ends, what exists is frozen first (``gc.freeze``: the collector stops
    walking the preview's rows, which would stall once more); :func:`release` undoes the
    freeze when the wizard closes.
    """
    global _gc_pausers  # noqa: PLW0603
    with paused_gc():
        with _gc_lock:
            _gc_pausers += 1
        try:
            yield
        finally:
            with _gc_lock:
                _gc_pausers -= 1
                if _gc_pausers == 0:
                    gc.freeze()  # (still paused: no collection between the step and the freeze)


def release() -> None:
    """The wizard dropped its rows: let the collector see everything again, and the reader
    forget the sheet it kept parsed for the preview, and the freed heap go back to the system."""
    forget_parsed()
    with _gc_lock:
        if _gc_pausers == 0:
            gc.unfreeze()
    give_back_memory()


def give_back_memory() -> None:
    """Hand the heap freed by a closed wizard back to the system: glibc's allocator keeps it
    for the process otherwise (after a 100k-row preview cancelled, ~90 MB of the window's
    RSS, measured with /proc/self/statm). Nothing happens where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # musl and others: no malloc_trim
        ctypes.CDLL(None).malloc_trim(0)


@dataclass
class SheetInfo:
    """One sheet as the file page shows it: its layout, or why it cannot be imported."""

    name: str
    layout: SheetLayout | None = None
    error: str = ""
    samples: dict[int, list[str]] = field(default_factory=dict)
    hidden: bool = False  # hidden in Excel (often old data): listed, not ticked


def sample_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # a checkbox: the window's words ("Có"/"Không"), not "True"
        tr = QCoreApplication.translate
        return tr("HistoryModel", "Yes") if value else tr("HistoryModel", "No")
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != dt.time() else value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def read_samples(path: Path, layout: SheetLayout, limit: int = SAMPLES) -> dict[int, list[str]]:
    """The first few non-empty values under the header, per column (bounded reading)."""
    out: dict[int, list[str]] = {c: [] for c in range(len(layout.headers))}
    rows = iter_rows(path, layout.sheet)
    for number, values in itertools.islice(rows, layout.header_row + SAMPLE_SCAN_ROWS):
        if number <= layout.header_row:
            continue
        for col, value in enumerate(values[: len(layout.headers)]):
            text = sample_text(value)
            if text and len(out[col]) < limit and text not in out[col]:
                out[col].append(text)
    return out


def inspect(engine: Engine, path: Path, task: Task) -> list[SheetInfo]:
    """Every sheet of ``path`` with its header row, kind, suggested (or remembered) mapping."""
    with read_session(engine) as session:
        found = inspect_workbook(path, session=session)
    hidden = sheet_states(path)  # (a "veryHidden" sheet, the workbook's machinery, is not listed)
    out: list[SheetInfo] = []
    for i, item in enumerate(found):
        task.check()
        task.progress(i, len(found))
        if isinstance(item, ImportFileError):
            params = item.message.params if item.message is not None else {}
            name = str(params.get("sheet_name") or _sheet_of(str(item)))
            out.append(SheetInfo(name, error=describe(item), hidden=name in hidden))
        else:
            info = SheetInfo(item.sheet, item, samples=read_samples(path, item), hidden=item.sheet in hidden)
            out.append(info)
    if not out:
        raise ImportFileError(msg("no_sheets", file=path.name))
    return out


def _sheet_of(message: str) -> str:
    """The sheet name quoted in an :class:`ImportFileError` message ('… trang "X": …')."""
    start = message.find('"')
    end = message.find('"', start + 1)
    return message[start + 1 : end] if 0 <= start < end else "?"


@dataclass
class PreviewResult:
    preview: Preview
    raw_names: dict[int, str]
    """For rows rejected before cleaning finished: the name or title as written in the sheet."""


def preview(
    engine: Engine,
    path: Path,
    layout: SheetLayout,
    on_match: str,
    task: Task,
    after: Sequence[Preview] = (),
    skip_hidden: bool = False,
    restore_trashed: bool = False,
) -> PreviewResult:
    with gc_paused(), read_session(engine) as session:
        result = preview_import(
            path,
            layout,
            session=session,
            on_match=on_match,
            progress=task.progress,
            cancel=task.cancelled,
            after=after,
            skip_hidden=skip_hidden,
            restore_trashed=restore_trashed,
        )
    return PreviewResult(result, raw_names(result, task))


def preview_all(
    engine: Engine,
    path: Path,
    layouts: list[SheetLayout],
    on_match: str,
    task: Task,
    skip_hidden: bool = False,
    restore_trashed: bool = False,
) -> list[PreviewResult]:
    """Every chosen sheet's preview, in the order given (organisations first): each counts on
    what the sheets before it create. ``skip_hidden``: leave out the rows Excel hides;
    ``restore_trashed``: bring back the records in the trash the rows are (app.importing.trashed)."""
    out: list[PreviewResult] = []
    for layout in layouts:
        earlier = [r.preview for r in out]
        out.append(preview(engine, path, layout, on_match, task, earlier, skip_hidden, restore_trashed))
    return out


NAME_FIELDS = ("full_name", "name", "title", "family_name", "middle_name", "given_name")


def raw_names(result: Preview, task: Task) -> dict[int, str]:
    """The sheet's own text in the name/title columns of error rows (one more streaming read,
    only when there are such rows), so the preview can say which row is which."""
    wanted = {r.row for r in result.rows if r.columns is None}
    layout = result.layout
    cols = [c for name in NAME_FIELDS for c in layout.columns_for(name)]
    out: dict[int, str] = {}
    if not wanted or not cols:
        return out
    last = max(wanted)
    for number, values in iter_rows(result.path, layout.sheet):
        if number > last:
            break
        if number in wanted:
            out[number] = " ".join(t for t in (sample_text(values[c]) for c in cols if c < len(values)) if t)
            if len(out) % 1000 == 0:
                task.check()
    return out


HELD_STAGE = "held:"
"""The stage that tells the commit page what the database holds before the import writes
(``held:contact=100020,organisation=2019``): while the import checks its rows against them,
between two reports of rows written, the page says so (reviewer: "5 / 3.009" for 6 s)."""


def commit(engine: Engine, result_of: Preview | list[Preview], actor: str, task: Task) -> CommitResult:
    """Every sheet in one transaction, one ImportBatch; a cancel rolls everything back until
    the COMMIT runs, which the task's stage "finishing" tells (the Cancel button is disabled)."""
    from app.stats import record_counts

    previews = [result_of] if isinstance(result_of, Preview) else result_of
    kinds = dict.fromkeys([*(p.kind for p in previews), "organisation"])
    with read_session(engine) as session:  # (a count per kind: milliseconds at 100k)
        held = record_counts(session)
    said = [f"{k}={held[k + 's']}" for k in kinds if held.get(k + "s")]
    task.stage(HELD_STAGE + ",".join(said))
    with gc_paused():
        return run_import(
            engine,
            result_of,
            actor=actor,
            progress=task.progress,
            cancel=task.cancelled,
            finishing=lambda: task.stage("finishing"),
        )


def error_report(result_of: Preview | list[Preview], target: Path, lang: str, _task: Task) -> int:
    return write_error_report(result_of, target, lang=lang)
