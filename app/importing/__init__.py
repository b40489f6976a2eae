"""Spreadsheet import: read → understand the sheet → clean → match → preview → commit → undo.

Each step is a plain function over plain data so that the CLI (:mod:`app.importing.commands`)
and a wizard drive the same pipeline::

    layout = inspect_sheet(path, "Danh bạ", session=s)        # header row, kind, mapping
    layout.mapping[6] = "last_met"                           # the user overrides a column
    preview = preview_import(path, layout, session=s, on_match="fill",
                             progress=on_progress, cancel=is_cancelled)
    preview.counts(), preview.rows                           # every row with status and reasons
    result = run_import(engine, preview)                     # one transaction, one ImportBatch
    write_error_report(preview, Path("errors.xlsx"))          # rejected rows + "Lỗi / Error"
    undo_import(result.batch_id, session=s)                  # exactly reversed
"""

from app.importing import folds
from app.importing.commit import CommitResult, commit_import, run_import
from app.importing.errors import ImportCancelled, ImportFileError
from app.importing.preview import (
    ON_MATCH,
    STATUSES,
    Preview,
    RowResult,
    blank_columns,
    empty_columns,
    hidden_mapped_columns,
    legacy_note,
    preview_import,
)
from app.importing.report import write_error_report
from app.importing.sheet import (
    SheetLayout,
    columns_not_kept,
    detect_kind,
    find_header_row,
    inspect_sheet,
    inspect_workbook,
    kind_reason,
    remember_mapping,
    remembered_mapping,
    staff_evidence,
    suggest_mapping,
)
from app.importing.undo import UndoResult, undo_import

__all__ = [
    "ON_MATCH",
    "STATUSES",
    "CommitResult",
    "ImportCancelled",
    "ImportFileError",
    "Preview",
    "RowResult",
    "SheetLayout",
    "UndoResult",
    "blank_columns",
    "columns_not_kept",
    "commit_import",
    "detect_kind",
    "empty_columns",
    "find_header_row",
    "folds",
    "hidden_mapped_columns",
    "inspect_sheet",
    "inspect_workbook",
    "kind_reason",
    "legacy_note",
    "preview_import",
    "remember_mapping",
    "remembered_mapping",
    "run_import",
    "staff_evidence",
    "suggest_mapping",
    "undo_import",
    "write_error_report",
]
