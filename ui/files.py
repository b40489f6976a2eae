"""File menu work: import wizard, Excel export, import template, PDF briefs and digests.

Every file is written off the UI thread (``run_with_progress``); the window only asks where,
then shows the result. The services are the same the CLI drives (``ketnoi export``,
``ketnoi brief``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.engine import data_dir, read_session
from ui.context import AppContext
from ui.progress import run_with_progress
from ui.tasks import Cancelled, Task


def tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def _failed(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, Cancelled) or type(exc).__name__.endswith("Cancelled"):
        return
    QMessageBox.warning(parent, "Ketnoi", str(exc) or type(exc).__name__)


def import_workbook(parent: QWidget, ctx: AppContext) -> None:
    from ui.import_wizard import open_import_wizard

    open_import_wizard(parent, ctx)


def export_workbook(parent: QWidget, ctx: AppContext, path: str | None = None) -> Task | None:
    if path is None:
        default = str(Path.home() / f"ketnoi-{dt.date.today():%Y%m%d}.xlsx")
        path, _f = QFileDialog.getSaveFileName(
            parent, tr("Export to Excel"), default, tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
    target, engine = Path(path), ctx.engine

    def work(task: Task) -> dict[str, int]:
        from app.exporting.workbook import export_workbook as export

        with read_session(engine) as session:
            return export(target, session=session, progress=task.progress, cancel=task.cancelled)

    def done(counts: dict[str, int]) -> None:
        total = sum(counts.values())
        ctx.status_message.emit(
            tr("Exported %1 records to %2").replace("%1", f"{total:,}").replace("%2", target.name)
        )

    task, _dialog = run_with_progress(
        ctx.tasks,
        parent,
        tr("Writing %1…").replace("%1", target.name),
        work,
        on_done=done,
        on_error=lambda e: _failed(parent, e),
    )
    return task


def save_template(parent: QWidget, ctx: AppContext) -> None:
    path, _f = QFileDialog.getSaveFileName(
        parent,
        tr("Save import template"),
        str(Path.home() / "ketnoi-template.xlsx"),
        tr("Excel workbook (*.xlsx)"),
    )
    if not path:
        return
    from app.exporting.workbook import write_template

    write_template(Path(path))
    ctx.status_message.emit(tr("Template saved: %1").replace("%1", Path(path).name))


def _slug(text: str) -> str:
    from app.vntext import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "brief"


def brief(parent: QWidget, ctx: AppContext, entity: str, record_id: int, *, open_file: bool = True) -> Task:
    """Write the PDF brief of an organisation, a contact or a meeting, then open it."""
    from app import records

    with ctx.read() as s:
        name = records.label(s, entity, record_id)
    target = data_dir() / "briefs" / f"{entity}-{_slug(name)}-{dt.date.today():%Y%m%d}.pdf"
    engine, today = ctx.engine, ctx.today()

    def work(task: Task) -> Path:
        from app.briefing import gather, render

        with read_session(engine) as session:
            gatherers: dict[str, Any] = {
                "organisation": gather.gather_organisation,
                "contact": gather.gather_contact,
                "meeting": gather.gather_meeting,
            }
            data = gatherers[entity](session, record_id, today=today)
        task.check()
        target.parent.mkdir(parents=True, exist_ok=True)
        renderer: Any = {
            "organisation": render.render_organisation,
            "contact": render.render_contact,
            "meeting": render.render_meeting,
        }[entity]
        renderer(data, str(target), progress=task.progress)
        return target

    return _run_pdf(parent, ctx, work, target, open_file)


def digest(parent: QWidget, ctx: AppContext, days: int = 7, *, open_file: bool = True) -> Task:
    """The period digest for the last ``days`` days, for a manager."""
    end = ctx.today()
    start = end - dt.timedelta(days=days - 1)
    target = data_dir() / "briefs" / f"digest-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
    engine = ctx.engine

    def work(task: Task) -> Path:
        from app.briefing import gather, render

        with read_session(engine) as session:
            data = gather.gather_digest(session, start, end, today=end)
        target.parent.mkdir(parents=True, exist_ok=True)
        render.render_digest(data, str(target), progress=task.progress)
        return target

    return _run_pdf(parent, ctx, work, target, open_file)


def _run_pdf(parent: QWidget, ctx: AppContext, work: Any, target: Path, open_file: bool) -> Task:
    def done(path: Path) -> None:
        ctx.status_message.emit(tr("Brief written: %1").replace("%1", str(path)))
        if open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    task, _dialog = run_with_progress(
        ctx.tasks,
        parent,
        tr("Writing %1…").replace("%1", target.name),
        work,
        on_done=done,
        on_error=lambda e: _failed(parent, e),
    )
    return task
