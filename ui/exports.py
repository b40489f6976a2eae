"""File → Export… and File → Save import template…: ask for a file name, write in the background.

    export_all(window, ctx)            # every record, in the layout the importer reads
    export_list(window, ctx, entity, query, words)  # the rows a list holds, in its order
    save_import_template(window, ctx)  # the empty layout

Both accept ``path`` to skip the file dialog (tests, scripts). Progress shows in the app's
progress dialog (:func:`ui.progress.run_with_progress`, only when the work takes more than a
moment) with Cancel; the result goes to the status bar, a failure to a message box with the
service's one-line message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QMessageBox, QWidget

from app import exporting
from app.exporting import export_workbook, write_template
from app.importing.errors import ImportCancelled
from app.lists import ListQuery
from db.engine import read_session
from ui import answers, file_dialogs, file_names, labels
from ui.context import AppContext
from ui.not_written import error_text
from ui.progress import run_with_progress
from ui.tasks import Task

FOLDER_KEY = "exports/folder"


def default_export_name(today: dt.date) -> str:
    """ "ketnoi-export-2026-11-23.xlsx", "ketnoi-xuat-du-lieu-2026-11-23.xlsx" (app.file_names)."""
    return file_names.export_name(today)


def default_list_name(entity: str, words: list[str], today: dt.date, suffix: str = ".xlsx") -> str:
    """ "ketnoi-actions-overdue-tran-thi-lan-2026-12-06.xlsx", "ketnoi-cuoc-hop-tuan-nay-….ics":
    what the list is in the window's language, its filters (``words``, folded to plain letters:
    a name any system and mail program keeps), the day (:func:`app.file_names.list_name`)."""
    return file_names.list_name(entity, words, today, suffix)


def default_template_name() -> str:
    return file_names.template_name()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def ask_path(parent: QWidget | None, ctx: AppContext, title: str, name: str) -> Path | None:
    folder = str(ctx.settings.qsettings.value(FOLDER_KEY, "")) or QDir.homePath()
    chosen, _ = file_dialogs.get_save_file_name(parent, title, str(Path(folder) / name), "Excel (*.xlsx)")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    ctx.settings.qsettings.setValue(FOLDER_KEY, str(path.parent))
    return path


def _report_error(parent: QWidget | None, ctx: AppContext, exc: BaseException) -> None:
    if isinstance(exc, ImportCancelled):
        ctx.status_message.emit(_tr("Export cancelled; no file was written."))
        return
    ctx.status_message.emit(error_text(exc))
    QMessageBox.warning(parent, "Ketnoi", error_text(exc))


def export_all(parent: QWidget | None, ctx: AppContext, path: Path | str | None = None) -> Task | None:
    """Write every live record to an .xlsx in the importer's layout; returns the running task."""
    target = (
        Path(path)
        if path
        else ask_path(parent, ctx, _tr("Export to Excel"), default_export_name(ctx.today()))
    )
    if target is None:
        return None
    engine, lang = ctx.engine, ctx.lang()  # kinds, statuses… in the window's words

    secret: dict[str, int] = {}  # confidential rows per kind (filled on the worker, read after)

    def work(task: Task) -> dict[str, int]:
        with read_session(engine) as session:
            return export_workbook(
                target,
                session=session,
                lang=lang,
                progress=task.progress,
                cancel=task.cancelled,
                confidential=secret,
            )

    def done(counts: dict[str, int]) -> None:
        total = sum(counts.values())
        text = QCoreApplication.translate("Export", "Exported %Ln record(s) to %1", "", total)
        text = text.replace("%1", str(target))
        if n := sum(secret.values()):  # (reviewer: a manager's export held confidential records, unsaid)
            text += "; " + QCoreApplication.translate(
                "Export",
                "it holds %Ln confidential record(s): give it only to those who may see them.",
                "",
                n,
            )
        answers.file_written(ctx, text, target)  # with Open and Show in folder

    label = _tr("Exporting to %1…").replace("%1", target.name)
    ctx.status_message.emit(label)
    task, _dialog = run_with_progress(
        ctx.tasks, parent, label, work, on_done=done, on_error=lambda exc: _report_error(parent, ctx, exc)
    )
    return task


def export_list(
    parent: QWidget | None,
    ctx: AppContext,
    entity: str,
    query: ListQuery,
    words: list[str] | None = None,
    path: Path | str | None = None,
) -> Task | None:
    """Write the rows ``query`` gives (the list's own query: its filters and its order) to an
    .xlsx, in the layout the full export writes for ``entity``; ``words`` name the list's
    filters in the proposed file name. Off the UI thread, with progress; returns the task."""
    name = default_list_name(entity, words or [], ctx.today())
    target = Path(path) if path else ask_path(parent, ctx, _tr("Export this list to Excel"), name)
    if target is None:
        return None
    engine, lang = ctx.engine, ctx.lang()
    secret: dict[str, int] = {}

    def work(task: Task) -> int:
        with read_session(engine) as session:
            return exporting.export_list(
                target,
                query,
                session=session,
                lang=lang,
                progress=task.progress,
                cancel=task.cancelled,
                confidential=secret,
            )

    def done(n: int) -> None:
        what = f"{ctx.fmt_number(n)} {labels.entity_name(entity, plural=n != 1).lower()}"
        text = _tr("Exported %1 to %2").replace("%1", what).replace("%2", str(target))
        if k := sum(secret.values()):
            text += "; " + QCoreApplication.translate(
                "Export",
                "it holds %Ln confidential record(s): give it only to those who may see them.",
                "",
                k,
            )
        answers.file_written(ctx, text, target)

    label = _tr("Exporting to %1…").replace("%1", target.name)
    ctx.status_message.emit(label)
    task, _dialog = run_with_progress(
        ctx.tasks, parent, label, work, on_done=done, on_error=lambda exc: _report_error(parent, ctx, exc)
    )
    return task


def save_import_template(
    parent: QWidget | None, ctx: AppContext, path: Path | str | None = None
) -> Task | None:
    """Write the empty import layout (one sheet per record kind with its header row)."""
    target = (
        Path(path) if path else ask_path(parent, ctx, _tr("Save import template"), default_template_name())
    )
    if target is None:
        return None

    def done(_result: object) -> None:
        answers.file_written(ctx, _tr("Import template saved: %1").replace("%1", str(target)), target)

    return ctx.tasks.run(
        lambda _task: write_template(target),
        on_done=done,
        on_error=lambda exc: _report_error(parent, ctx, exc),
    )
