"""Saving the error report (the rejected rows as they were, with the reason) from the wizard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel

from app.importing import Preview
from app.written import NotWritten
from ui import file_dialogs
from ui.import_wizard import work
from ui.import_wizard.common import describe, show_error, show_note
from ui.not_written import error_text

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard


def default_report_path(preview: Preview) -> Path:
    return preview.path.with_name(f"{preview.path.stem}-loi-errors.xlsx")


def save_error_report(
    wizard: ImportWizard, preview: Preview | list[Preview], target: str | None, label: QLabel
) -> None:
    """Ask where (unless ``target`` is given), then write the report in the background."""
    tr = QCoreApplication.translate
    if not target:
        target, _ = file_dialogs.get_save_file_name(
            wizard,
            tr("Import", "Save error report"),
            str(default_report_path(preview if isinstance(preview, Preview) else preview[0])),
            "Excel (*.xlsx)",
        )
        if not target:
            return
    path = Path(target)
    lang = "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")

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
