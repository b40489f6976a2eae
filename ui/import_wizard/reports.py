"""Saving the error report (the rejected rows as they were, with the reason) from the wizard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QLabel

from app.importing import Preview
from app.written import NotWritten
from ui import file_dialogs
from ui.exports import FOLDER_KEY
from ui.import_wizard import work
from ui.import_wizard.common import describe, show_error, show_note
from ui.not_written import error_text

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard


def default_report_path(preview: Preview, lang: str, folder: str = "") -> Path:
    """Where the report is offered: in the folder Ketnoi's workbooks were last saved to (File →
    Export…, an earlier report), else the user's documents — not beside the source file, which
    is often a shared, read-only folder or a colleague's — named in the window's language
    ("danh-ba-errors.xlsx", "danh-ba-loi.xlsx"; it was "danh-ba-loi-errors.xlsx" in both)."""
    if not folder or not Path(folder).is_dir():
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = documents if documents and Path(documents).is_dir() else str(Path.home())
    return Path(folder) / f"{preview.path.stem}-{'loi' if lang == 'vi' else 'errors'}.xlsx"


def save_error_report(
    wizard: ImportWizard, preview: Preview | list[Preview], target: str | None, label: QLabel
) -> None:
    """Ask where (unless ``target`` is given), then write the report in the background."""
    tr = QCoreApplication.translate
    lang = wizard.ctx.lang()
    settings = wizard.ctx.settings.qsettings
    if not target:
        first = preview if isinstance(preview, Preview) else preview[0]
        offered = default_report_path(first, lang, str(settings.value(FOLDER_KEY, "") or ""))
        target, _ = file_dialogs.get_save_file_name(
            wizard, tr("Import", "Save error report"), str(offered), "Excel (*.xlsx)"
        )
        if not target:
            return
    path = Path(target)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    settings.setValue(FOLDER_KEY, str(path.parent))  # (offered there next time, as exports are)

    def done(n: int) -> None:
        text = tr("Import", "Error report saved: %1 (%2 rows). Fix the rows and import that file again.")
        show_note(label, text.replace("%1", str(path)).replace("%2", str(n)))
        wizard.ctx.status_message.emit(text.replace("%1", path.name).replace("%2", str(n)))

    wizard.run_task(
        lambda task: work.error_report(preview, path, lang, task),
        on_done=done,
        on_error=lambda exc: show_error(
            label, error_text(exc) if isinstance(exc, NotWritten) else describe(exc)
        ),
    )
