"""Saving the report from the wizard: the rejected rows as they were, with the reason, and the
warnings and updated rows on sheets of their own. Offered as "Save error report…" when rows were
rejected, as "Save report…" when it holds warnings or updates only (reviewer: with 59 warnings and
no error, the button was greyed out)."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class ReportHolds:
    """What a report of the previews would hold: rows rejected (or left out because Excel hides
    them), rows with warnings, rows updating a record."""

    rejected: int
    warned: int
    updated: int

    def __bool__(self) -> bool:
        return bool(self.rejected or self.warned or self.updated)


def report_holds(previews: list[Preview]) -> ReportHolds:
    rows = [r for p in previews for r in p.rows]
    rejected = sum(1 for r in rows if r.status in ("error", "duplicate"))
    rejected += sum(len(p.hidden) for p in previews if p.skip_hidden)  # the report lists them
    warned = sum(len(r.said_warnings) for r in rows)
    updated = sum(1 for r in rows if r.status == "update")
    return ReportHolds(rejected, warned, updated)


def button_text(holds: ReportHolds) -> str:
    tr = QCoreApplication.translate
    return tr("Import", "Save error report…") if holds.rejected else tr("Import", "Save report…")


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
    previews = [preview] if isinstance(preview, Preview) else preview
    holds = report_holds(previews)
    if not target:
        offered = default_report_path(previews[0], lang, str(settings.value(FOLDER_KEY, "") or ""))
        title = tr("Import", "Save error report") if holds.rejected else tr("Import", "Save report")
        target, _ = file_dialogs.get_save_file_name(wizard, title, str(offered), "Excel (*.xlsx)")
        if not target:
            return
    path = Path(target)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    settings.setValue(FOLDER_KEY, str(path.parent))  # (offered there next time, as exports are)

    def done(n: int) -> None:
        show_note(label, saved_text(holds, n, str(path)))
        wizard.ctx.status_message.emit(saved_text(holds, n, path.name))

    wizard.run_task(
        lambda task: work.error_report(preview, path, lang, task),
        on_done=done,
        on_error=lambda exc: show_error(
            label, error_text(exc) if isinstance(exc, NotWritten) else describe(exc)
        ),
    )


def saved_text(holds: ReportHolds, rejected: int, path: str) -> str:
    """ "Error report saved: F (1 row). Fix the rows and import that file again."; a report of
    warnings or updates only: "Report saved: F (59 warnings)." (it said "(1 rows)")."""
    tr = QCoreApplication.translate
    if rejected:
        said = tr(
            "Import",
            "Error report saved: %1 (%Ln row(s)). Fix the rows and import that file again.",
            "",
            rejected,
        )
        return said.replace("%1", path)
    parts = []
    if holds.warned:
        parts.append(tr("Import", "%Ln warning(s)", "", holds.warned))
    if holds.updated:
        parts.append(tr("Import", "%Ln row(s) updated", "", holds.updated))
    return tr("Import", "Report saved: %1 (%2).").replace("%1", path).replace("%2", ", ".join(parts))
