"""The rows ``ketnoi import`` lists under a sheet's line, each list bounded: the rejected rows,
the warnings, the new rows kept apart from a record they resemble, the updated rows with what
each changes (field: old → new, as the window's preview says it), the rows left as the record
has them. A list cut at :data:`SHOW_ROWS` ends with how many more there are and where all of
them are: the ``--report`` workbook (rejected rows, Warnings and Updated sheets).

Reviewer: an update was only counted ("1 updated", no line: what it changed was in the
window's preview alone), and the warnings stopped at 20 of 59 without a word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.importing.messages import Message, text
from app.importing.preview import Preview, RowResult

SHOW_ROWS = 20

APART = frozenset(
    {
        "other_person_than_row",
        "other_person_than_contact",
        "same_in_the_trash",
        "same_org_in_the_trash",
        "same_action_in_the_trash",
        "shares_detail_with_row",
        "shares_detail_with_contact",
        "likely_contact",
        "likely_row",
        "likely_organisation",
    }
)
"""Notes on a row imported as another person than one it resembles, or as a new record that is
probably one Ketnoi has under another spelling (the CLI lists them)."""

UPDATE_NOTES = frozenset({"restores_from_trash", "restores_record_from_trash", "updates", "fill_keeps"})
"""What an updated row says (a record brought back from the trash first)."""

# (English, Vietnamese)
LINES: dict[str, tuple[str, str]] = {
    "row": ("  row {row} [{status}]: {text}", "  dòng {row} [{status}]: {text}"),
    "warning": ("  row {row} (warning): {text}", "  dòng {row} (cảnh báo): {text}"),
    "apart": ("  row {row} (new): {text}", "  dòng {row} (mới): {text}"),
    "updated": ("  row {row} (updated): {text}", "  dòng {row} (cập nhật): {text}"),
    "kept": ("  row {row} (not changed): {text}", "  dòng {row} (không đổi): {text}"),
    "more_rejected": ("  … and {n} more rejected {rows} ({where})", "  … và {n} dòng bị từ chối nữa ({where})"),
    "more_warnings": ("  … and {n} more {warnings} ({where})", "  … và {n} cảnh báo nữa ({where})"),
    "more_updated": ("  … and {n} more updated {rows} ({where})", "  … và {n} dòng cập nhật nữa ({where})"),
    "more_apart": ("  … and {n} more new {rows} like these", "  … và {n} dòng mới tương tự nữa"),
    "more_kept": ("  … and {n} more {rows} like these", "  … và {n} dòng tương tự nữa"),
    "all_in": ("all in {path}", "tất cả có trong {path}"),
    "all_in_report": ("--report REPORT.xlsx lists them all", "--report BAOCAO.xlsx liệt kê tất cả"),
}  # fmt: skip
STATUS_WORDS = {
    "new": ("new", "mới"), "update": ("update", "cập nhật"), "duplicate": ("duplicate", "trùng"),
    "error": ("error", "lỗi"), "skip": ("skip", "bỏ qua"),
}  # fmt: skip
PLURALS = {"rows": ("row", "rows"), "warnings": ("warning", "warnings")}


def _line(key: str, lang: str, **params: Any) -> str:
    return LINES[key][1 if lang == "vi" else 0].format(**params)


def _more(key: str, n: int, lang: str, report: Path | None) -> str:
    """ "  … and 39 more warnings (all in c_report.xlsx)": ``n`` more than were listed."""
    where = _line("all_in", lang, path=report) if report else _line("all_in_report", lang)
    words = {k: (one if n == 1 else many) for k, (one, many) in PLURALS.items()}
    number = f"{n:,}".replace(",", "." if lang == "vi" else ",")
    return _line(key, lang, n=number, where=where, **words)


def _bounded(ctx: Any, lines: list[str], more: str, lang: str, report: Path | None) -> None:
    for said in lines[:SHOW_ROWS]:
        ctx.out(said)
    if len(lines) > SHOW_ROWS:
        ctx.out(_more(more, len(lines) - SHOW_ROWS, lang, report))


def _joined(messages: list[Message], lang: str) -> str:
    return "; ".join(text(m, lang) for m in messages)


def updated_lines(row: RowResult, lang: str) -> str | None:
    """What an updated row says: what it changes ("updates #26: Phones: … → …, 0961 253 099"),
    what it leaves as the record has it, and a record it was kept apart from."""
    if row.status != "update":
        return None
    said = [r for r in row.reasons if r.code in UPDATE_NOTES or r.code in APART]
    return _joined(said, lang) if said else None


def show_rows(ctx: Any, preview: Preview, lang: str, report: Path | None = None) -> None:
    """The sheet's rows worth a look, list by list, each bounded (see the module's doc)."""
    rows = preview.rows
    rejected = [
        _line("row", lang, row=r.row, status=STATUS_WORDS[r.status][1 if lang == "vi" else 0],
              text=r.message_text(lang))
        for r in rows
        if r.status in ("error", "duplicate")
    ]  # fmt: skip
    _bounded(ctx, rejected, "more_rejected", lang, report)
    warned = [
        _line("warning", lang, row=r.row, text=_joined(list(r.said_warnings), lang))
        for r in rows
        if r.said_warnings
    ]
    _bounded(ctx, warned, "more_warnings", lang, report)
    apart = []
    for r in rows:
        # a new row kept apart from a record or row it resembles: worth a look before it is written
        notes = [m for m in r.reasons if m.code in APART] if r.status == "new" else []
        if notes:
            apart.append(_line("apart", lang, row=r.row, text=_joined(notes, lang)))
    _bounded(ctx, apart, "more_apart", lang, None)
    updated = []
    for r in rows:
        said = updated_lines(r, lang)
        if said is not None:
            updated.append(_line("updated", lang, row=r.row, text=said))
    _bounded(ctx, updated, "more_updated", lang, report)
    kept = []
    for r in rows:
        # a row whose every difference is left as the record has it (--on-match fill)
        notes = [m for m in r.reasons if m.code == "fill_keeps"] if r.status == "skip" else []
        if notes:
            kept.append(_line("kept", lang, row=r.row, text=_joined(notes, lang)))
    _bounded(ctx, kept, "more_kept", lang, None)
