"""``ketnoi import FILE``, ``ketnoi import-history`` and ``ketnoi undo-import BATCH_ID``.

Every line is worded in the CLI's language: ``--lang en|vi``, else the locale
(:func:`app.language.cli_language`). A workbook is imported in one transaction as one
batch: every sheet is written, or none is.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.importing import fields as fs
from app.importing import trashed
from app.importing.cli_rows import SHOW_ROWS, show_rows
from app.importing.commit import CommitResult, run_import
from app.importing.errors import ImportFileError, ImportRefused
from app.importing.fields import KINDS
from app.importing.history import import_history
from app.importing.messages import (
    EarlierRow,
    Term,
    count_text,
    counts_text,
    param_text,
    term,
    text,
)
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
from app.importing.reader import SUFFIXES, sheet_names, sheet_states
from app.importing.report import sheet_notes, write_error_report
from app.importing.resolve import org_label
from app.importing.sheet import (
    MapError,
    SheetLayout,
    columns_not_kept,
    columns_not_recognised,
    inspect_sheet,
    kind_reason,
    map_columns,
    suggest_mapping,
    without_empty_sheets,
)
from app.importing.undo import undo_import, undo_plan
from app.language import LANGUAGES, cli_language
from db import clock
from db.engine import read_session, unit_of_work

KIND_ALIASES = {
    "contacts": "contact", "organisations": "organisation", "organizations": "organisation",
    "organization": "organisation", "meetings": "meeting", "actions": "action",
}  # fmt: skip


# The CLI's own lines: (English, Vietnamese).
LINES: dict[str, tuple[str, str]] = {
    "sheet": ('Sheet "{sheet}" ({kind}, header row {header}): {counts}',
              'Trang "{sheet}" ({kind}, tiêu đề ở dòng {header}): {counts}'),
    "cards": ('vCard file "{sheet}" ({kind}, row N = card N): {counts}',
              'Tệp vCard "{sheet}" ({kind}, dòng N = thẻ N): {counts}'),
    "why_staff": ('  read as staff: {reason}; if it lists contacts: --sheet "{sheet}" --kind contact',
                  '  đọc là danh sách cán bộ: {reason}; nếu là danh bạ liên hệ: --sheet "{sheet}" --kind contact'),
    "why_contact": ('  read as contacts: {reason}; if it lists your own staff: --sheet "{sheet}" --kind staff',
                    '  đọc là danh bạ liên hệ: {reason}; nếu là cán bộ của mình: --sheet "{sheet}" --kind staff'),
    "sheet_warning": ("  warning: {text}", "  cảnh báo: {text}"),
    "sheet_note": ("  note: {text}", "  lưu ý: {text}"),
    "section": ("  row {row}: {text}", "  dòng {row}: {text}"),
    "new_orgs": ("  new organisations, by the row that creates each: rows {rows}",
                 "  tổ chức mới, theo dòng tạo ra từng tổ chức: dòng {rows}"),
    "same": ("  not changed, the database has them already: rows {rows}",
             "  không đổi, cơ sở dữ liệu đã có đúng như vậy: dòng {rows}"),
    "same_earlier": ("  not changed, an earlier sheet of the file has them already: rows {rows}",
                     "  không đổi, một trang trước trong tệp đã có đúng như vậy: dòng {rows}"),
    "hidden": ("  {rows} hidden in Excel (hidden or filtered out), imported all the same "
               "(--skip-hidden leaves them out): {numbers}",
               "  {rows} bị ẩn trong Excel (ẩn hoặc bị lọc), vẫn được nhập (--skip-hidden để bỏ qua): {numbers}"),
    "hidden_left_out": ("  {rows} hidden in Excel (hidden or filtered out), left out (--skip-hidden): {numbers}",
                        "  {rows} bị ẩn trong Excel (ẩn hoặc bị lọc), đã bỏ qua (--skip-hidden): {numbers}"),
    "skipped": ("Skipped: {text}", "Bỏ qua: {text}"),
    "hidden_sheet": ('Skipped: sheet "{sheet}" is hidden in Excel (a hidden sheet often holds old data); '
                     'to import it: --sheet "{sheet}"',
                     'Bỏ qua: trang "{sheet}" bị ẩn trong Excel (trang ẩn thường chứa dữ liệu cũ); '
                     'để nhập trang này: --sheet "{sheet}"'),
    "very_hidden_sheet": ('Skipped: sheet "{sheet}" is very hidden in Excel: the workbook\'s own machinery '
                          "(lists for drop-downs, data for macros), which Unhide does not even show",
                          'Bỏ qua: trang "{sheet}" bị ẩn sâu trong Excel: phần dùng riêng của tệp (danh sách '
                          "để chọn, dữ liệu cho macro), lệnh Bỏ ẩn cũng không hiện được trang này"),
    "no_kind": ('Skipped: sheet "{sheet}": cannot tell what it holds; use --kind',
                'Bỏ qua: trang "{sheet}": không rõ loại dữ liệu; dùng --kind'),
    "creates": ("  creates {what}: {names}", "  tạo {what}: {names}"),
    "and_more": ("; … and {n} more", "; … và {n} nữa"),
    "nothing": ("→ nothing written: every row was rejected or skipped",
                "→ không ghi gì: mọi dòng bị từ chối hoặc bỏ qua"),
    "batch": ("→ import #{id}, every sheet in one step (undo: ketnoi undo-import {id})",
              "→ lần nhập #{id}, mọi trang trong một lần ghi (hoàn tác: ketnoi undo-import {id})"),
    "batch_cards": ("→ import #{id}, every card in one step (undo: ketnoi undo-import {id})",
                    "→ lần nhập #{id}, mọi thẻ trong một lần ghi (hoàn tác: ketnoi undo-import {id})"),
    "dry_run": ("Dry run: nothing written.", "Chạy thử: chưa ghi gì."),
    "waiting": ("Waiting for another import or Ketnoi window that is writing to the database to finish "
                "(at most {minutes} minutes; Ctrl+C stops without writing anything)…",
                "Đang chờ một lần nhập hoặc cửa sổ Ketnoi khác ghi xong vào cơ sở dữ liệu "
                "(tối đa {minutes} phút; Ctrl+C để dừng mà không ghi gì)…"),
    "interrupted": ("interrupted: nothing was imported (the database is as it was)",
                    "đã dừng (Ctrl+C): chưa nhập gì (cơ sở dữ liệu giữ nguyên như trước)"),
    "interrupted_written": ("interrupted after the import was written: import #{id} "
                            "(undo: ketnoi undo-import {id})",
                            "đã dừng (Ctrl+C) sau khi lần nhập đã được ghi: lần nhập #{id} "
                            "(hoàn tác: ketnoi undo-import {id})"),
    "interrupted_not_undone": ("interrupted: import #{id} was not undone (nothing changed)",
                               "đã dừng (Ctrl+C): chưa hoàn tác lần nhập #{id} (không có gì thay đổi)"),
    "interrupted_undone": ("interrupted after import #{id} was undone", "đã dừng (Ctrl+C) sau khi đã hoàn tác lần nhập #{id}"),
    # the team database's server lost during the command (app.cli._lost: "lost the connection …: ")
    "lost": ("nothing was imported (the database is as it was); run the import again when the server is back",
             "chưa nhập gì (cơ sở dữ liệu giữ nguyên như trước); hãy nhập lại khi máy chủ hoạt động trở lại"),
    "lost_written": ("the import had been written: import #{id} (undo: ketnoi undo-import {id})",
                     "lần nhập đã được ghi trước đó: lần nhập #{id} (hoàn tác: ketnoi undo-import {id})"),
    "lost_not_undone": ("import #{id} was not undone (nothing changed)",
                        "chưa hoàn tác lần nhập #{id} (không có gì thay đổi)"),
    "lost_undone": ("import #{id} had been undone", "lần nhập #{id} đã được hoàn tác trước đó"),
    # --report: what the workbook holds, its rows with an error (rejected or left out), its
    # warnings (of rows and of sheets) and its updated rows ("Error report: … (0 rows)" was said
    # of a report holding only warnings)
    "report": ("Report of {what}: {path}", "Báo cáo gồm {what}: {path}"),
    "report_empty": ("Report: {path} (no errors, no warnings)", "Báo cáo: {path} (không có lỗi hay cảnh báo nào)"),
    "report_updated": ("{rows} updated", "{rows} được cập nhật"),
    "report_and": (" and ", " và "),
    "no_row": ("{file}: no row could be read", "{file}: không đọc được dòng nào"),
    "report_is_input": ("--report {path} is the file being imported: the error report would replace it; "
                        "give the report another name",
                        "--report {path} là chính tệp đang nhập: báo cáo lỗi sẽ ghi đè lên nó; "
                        "hãy đặt tên khác cho báo cáo"),
    "undid": ("Undid import #{id}: removed {deleted} it had created; put back {fields} on {records} "
              "that existed before it",
              "Đã hoàn tác lần nhập #{id}: xoá {deleted} do lần nhập tạo ra; trả lại giá trị cũ của "
              "{fields} trên {records} đã có từ trước"),
    "undid_none_earlier": ("Undid import #{id}: removed {deleted} it had created; it had changed no "
                           "record that existed before it",
                           "Đã hoàn tác lần nhập #{id}: xoá {deleted} do lần nhập tạo ra; lần nhập này "
                           "không thay đổi bản ghi nào đã có từ trước"),
    "rematched": ("  {rows} matched again, because the database changed since the preview:",
                  "  {rows} được đối chiếu lại vì cơ sở dữ liệu đã thay đổi sau khi xem trước:"),
    "would_undo": ("Undoing import #{id} would remove {deleted} it created (dry run: nothing changed)",
                   "Hoàn tác lần nhập #{id} sẽ xoá {deleted} do lần nhập tạo ra (chạy thử: chưa thay đổi gì)"),
    "would_keep": ("  and keep {kept} it created: edited or used since the import, or needed by one that is kept",
                   "  và giữ lại {kept} do lần nhập tạo ra: đã được sửa hoặc dùng sau khi nhập, hoặc được một "
                   "bản ghi giữ lại cần đến"),
    "would_leave": ("  and leave as they are {gone} it created, merged into another record or deleted since",
                    "  và để nguyên {gone} do lần nhập tạo ra, đã được gộp vào bản ghi khác hoặc đã bị xoá sau đó"),
    "trash_offer": ("  {records} that rows are or name are in the trash: --restore-trashed brings them back "
                    "instead of creating new ones",
                    "  {records} mà các dòng trùng khớp hoặc nhắc đến đang ở trong thùng rác: --restore-trashed "
                    "khôi phục chúng thay vì tạo bản ghi mới"),
    "trash_would": ("  would bring back from the trash: {records}, instead of creating new ones",
                    "  sẽ khôi phục từ thùng rác: {records}, thay vì tạo bản ghi mới"),
    "trash_restored": ("  brought back from the trash: {records}, with their meetings, actions and history",
                       "  đã khôi phục từ thùng rác: {records}, cùng các cuộc họp, việc cần làm và lịch sử "
                       "của chúng"),
    "trash_needs_update": ("  --restore-trashed brings nothing back with --on-match {choice}: only with fill or "
                           "overwrite",
                           "  --restore-trashed không khôi phục gì khi dùng --on-match {choice}: chỉ dùng với "
                           "fill hoặc overwrite"),
    "would_return": ("  and put back in the trash {returned} it had brought back from there",
                     "  và trả lại thùng rác {returned} mà lần nhập đã khôi phục từ đó"),
    "returned": ("  put back in the trash: {returned} it had brought back from there",
                 "  đã trả lại thùng rác: {returned} mà lần nhập đã khôi phục từ đó"),
    "in_trash": ("  what it removed is in the trash, as every deletion (restore it from View → Trash)",
                 "  những gì đã gỡ đang ở trong thùng rác, như mọi bản ghi đã xoá (khôi phục tại Xem → Thùng rác)"),
    "remembered": ("  the column choices remembered for its layout stay: the next file laid out the same is "
                   "offered them",
                   "  cách ghép cột đã ghi nhớ cho bố cục của tệp vẫn được giữ: tệp sau có cùng bố cục sẽ được "
                   "gợi ý dùng lại"),
    "swept": ("  also removed, left by imports undone before: {swept}",
              "  cũng xoá, do các lần nhập đã hoàn tác trước để lại: {swept}"),
    "history_head": ("  #  when              by          file (sheets)  counts  state",
                     "  #  lúc               người nhập  tệp (trang)  số liệu  trạng thái"),
    "history_row": ("{id:>3}  {when}  {by:<10}  {file} ({sheets})  new {new}, updated {update}, "
                    "rejected {rejected}  {state}",
                    "{id:>3}  {when}  {by:<10}  {file} ({sheets})  mới {new}, cập nhật {update}, "
                    "từ chối {rejected}  {state}"),
    "undone": ("undone {at}", "đã hoàn tác {at}"),
    "active": ("can be undone", "có thể hoàn tác"),
    # (a team database: it touches a record this login may not see; undo-import says why)
    "hidden_from_you": ("cannot be undone by you: part of it is hidden from you",
                        "bạn không thể hoàn tác: một phần bị ẩn với bạn"),
    "no_history": ("No import yet.", "Chưa có lần nhập nào."),
    "not_recognised": ('  not imported: {columns}: Ketnoi does not recognise these headers; to import one, '
                       'name its field: --map "{example}=FIELD" (FIELD: a header of the template, '
                       'ketnoi template, such as "{field}"), or choose it once in the window (File → Import '
                       'spreadsheet…); the choice is remembered for this layout',
                       '  không nhập: {columns}: Ketnoi không nhận ra tiêu đề các cột này; để nhập một cột, '
                       'chỉ ra trường của nó: --map "{example}=TRƯỜNG" (TRƯỜNG: một tiêu đề của tệp mẫu, '
                       'ketnoi template, ví dụ "{field}"), hoặc chọn một lần trong cửa sổ (Tệp → Nhập từ bảng '
                       'tính…); lựa chọn được nhớ cho bố cục này'),
    "map_bad": ('--map "{pair}": write it as "COLUMN=FIELD", for example --map "Người dự=Thành phần"',
                '--map "{pair}": viết theo dạng "CỘT=TRƯỜNG", ví dụ --map "Người dự=Thành phần"'),
    "map_no_field": ('--map "{pair}": sheet "{sheet}" ({kind}) has no field "{field}"; its fields: {choices}',
                     '--map "{pair}": trang "{sheet}" ({kind}) không có trường "{field}"; các trường: {choices}'),
    "map_no_column": ('--map: no sheet has a column "{column}" (the headers of sheet "{sheet}": {headers})',
                      '--map: không trang nào có cột "{column}" (tiêu đề của trang "{sheet}": {headers})'),
    "unknown_format": ("{file}: not a file ketnoi import reads ({suffixes})",
                       "{file}: ketnoi import không đọc loại tệp này (chỉ đọc {suffixes})"),
}  # fmt: skip
STATUS_WORDS = {
    "new": ("new", "mới"), "update": ("update", "cập nhật"), "duplicate": ("duplicate", "trùng"),
    "error": ("error", "lỗi"), "skip": ("skip", "bỏ qua"),
}  # fmt: skip
# A sheet's summary line: "2 new, 0 updated, 1 duplicate, 3 errors, 6 skipped (nothing new)";
# in Vietnamese "mới 2, cập nhật 0, trùng 1, lỗi 3, bỏ qua 6 (không có gì mới)".
SUMMARY_WORDS = {
    "new": ("{n} new", "mới {n}"), "update": ("{n} updated", "cập nhật {n}"),
    "skip": ("{n} skipped", "bỏ qua {n}"),
}  # fmt: skip
# Why rows were skipped, from the reason the matching gave each (app.importing.matching).
SKIP_REASONS = {
    "nothing_new": ("nothing new", "không có gì mới"),
    "already_exists": ("already in Ketnoi; --on-match skip", "đã có trong Ketnoi; --on-match skip"),
    "already_earlier": (
        "an earlier sheet of the file has them; --on-match skip",
        "đã có ở một trang trước trong tệp; --on-match skip",
    ),
    "hidden_row_left_out": ("hidden in Excel; --skip-hidden", "ẩn trong Excel; --skip-hidden"),
    "section_organisation": ("section headings", "dòng tiêu đề nhóm"),
}
SECTIONS = frozenset({"section_organisation", "section_heading", "section_saved_as"})
"""A delegate list's headings (app.importing.sections): skipped, each said with what it gave."""
ICS_SUFFIX = ".ics"  # ketnoi import hands a calendar invitation to app.calendar_commands


def line(key: str, lang: str, **params: Any) -> str:
    return LINES[key][1 if lang == "vi" else 0].format(**params)


def _status(status: str, lang: str) -> str:
    return STATUS_WORDS[status][1 if lang == "vi" else 0]


def _lang_option() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--lang", choices=LANGUAGES, help="language of the output (default: the locale)")
    return p


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = _lang_option()
    p = sub.add_parser(
        "import",
        parents=[common, lang],
        help="import contacts, organisations, meetings or actions from .xlsx, .xlsm, .xls, .ods, .csv, .txt "
        "or .tsv; "
        "contacts from a .vcf (vCard) file; a calendar invitation (.ics) as a planned meeting",
    )
    p.add_argument(
        "file",
        type=Path,
        help=".xlsx, .xlsm, .xls, .ods, .csv, .txt or .tsv (any common encoding), .vcf or .ics",
    )
    p.add_argument("--sheet", help="only this sheet (default: every sheet Ketnoi recognises)")
    p.add_argument("--kind", choices=[*KINDS, *KIND_ALIASES], help="what the sheet holds, if not recognised")
    p.add_argument("--dry-run", action="store_true", help="check and show what would happen; write nothing")
    p.add_argument("--on-match", choices=ON_MATCH, default="fill",
                   help="a row matching an existing record: create anyway, fill its blanks (default), "
                   "overwrite, or skip")  # fmt: skip
    p.add_argument("--report", type=Path, metavar="ERRORS.xlsx", help="write rejected rows with reasons here")
    p.add_argument(
        "--restore-trashed",
        action="store_true",
        help="a row whose person or organisation is in the trash (an import undone, a record deleted) "
        "brings that record back, with its meetings, actions and history, updated from the row as "
        "--on-match fill or overwrite says, instead of creating a second one",
    )
    p.add_argument(
        "--skip-hidden",
        action="store_true",
        help="leave out the rows Excel hides (hidden, filtered out by an autofilter, in a collapsed group); "
        "by default they are imported and listed (.xlsx, .xlsm, .xls, .ods)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"COLUMN=FIELD"',
        help="import a column whose header Ketnoi does not recognise as FIELD (a header of the template, "
        'such as "Thành phần" or "Notes", or "-" to leave it out); COLUMN is its header or its letter; '
        "repeat for more columns",
    )
    p.add_argument(
        "--create-contacts",
        action="store_true",
        help=".ics: make a contact of every attendee Ketnoi does not know",
    )
    p.add_argument(
        "--even-if-logged",
        "--new-meeting",
        dest="even_if_logged",
        action="store_true",
        help=".ics: make a new meeting even if the same meeting is logged already (same day and time, "
        "an organisation or an attendee in common); by default the invitation is linked to the "
        "meeting logged, and its updates and cancellation apply to it",
    )
    p.set_defaults(handler=import_command)

    u = sub.add_parser("undo-import", parents=[common, lang], help="undo one import exactly")
    u.add_argument("batch_id", type=int)
    u.add_argument("--dry-run", action="store_true",
                   help="say what the undo would remove and keep, and change nothing")  # fmt: skip
    u.set_defaults(handler=undo_command)

    h = sub.add_parser("import-history", parents=[common, lang], help="list past imports with their counts")
    h.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    h.set_defaults(handler=history_command)


def _map_pairs(args: argparse.Namespace, lang: str) -> list[tuple[str, str]]:
    pairs = []
    for pair in getattr(args, "map", None) or []:
        column, sep, field_words = pair.partition("=")
        if not sep or not column.strip() or not field_words.strip():
            raise UserError(line("map_bad", lang, pair=pair))
        pairs.append((column.strip(), field_words.strip()))
    return pairs


def _mapped(layouts: list[SheetLayout | ImportFileError], pairs: list[tuple[str, str]], lang: str) -> None:
    """``--map`` applied to every sheet that has the column; a column no sheet has, or a field
    the sheet's kind does not have, refused before anything is read."""
    if not pairs:
        return
    sheets = [x for x in layouts if isinstance(x, SheetLayout)]
    found: set[str] = set()
    for layout in sheets:
        for column, field_words in pairs:
            try:
                missing = map_columns(layout, [(column, field_words)])
            except MapError as exc:
                raise UserError(
                    line("map_no_field", lang, pair=f"{column}={field_words}", sheet=layout.sheet,
                         kind=term(layout.kind or "contact", lang), field=exc.value, choices=", ".join(exc.choices))
                ) from None  # fmt: skip
            if not missing:
                found.add(column)
    for column, _field in pairs:
        if column not in found:
            first = sheets[0] if sheets else None
            headers = ", ".join(h for h in first.headers if h) if first is not None else ""
            raise UserError(
                line(
                    "map_no_column", lang, column=column, sheet=first.sheet if first else "", headers=headers
                )
            )


def _layouts(args: argparse.Namespace, session: Any) -> list[SheetLayout | ImportFileError]:
    path: Path = args.file
    kind = KIND_ALIASES.get(args.kind, args.kind) if args.kind else None
    names = [args.sheet] if args.sheet else sheet_names(path)
    if not args.sheet:  # every sheet: not those Excel hides (said by _hidden_sheets)
        hidden = sheet_states(path)
        names = [n for n in names if n not in hidden]
    out: list[SheetLayout | ImportFileError] = []
    if not args.sheet:  # (the empty ones found without reading them, said once if many)
        names, said = without_empty_sheets(path, names)
        out += said.values()
    for name in names:
        try:
            layout = inspect_sheet(path, name, session=session)
        except ImportFileError as exc:
            if args.sheet:
                raise
            out.append(exc)
            continue
        if kind and layout.kind != kind:
            layout.kind, layout.mapping = kind, suggest_mapping(kind, layout.headers)
            layout.kind_reason = None  # (chosen by --kind, not by what the sheet says)
        out.append(layout)
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda x: order.get(x.kind or "", 99) if isinstance(x, SheetLayout) else 99)


def _hidden_sheets(ctx: Any, args: argparse.Namespace, lang: str) -> None:
    """The sheets an import of every sheet leaves out because Excel hides them, each said: a
    hidden sheet is often old data (a list of last year's delegates), imported only when named
    (--sheet); a very hidden one is the workbook's machinery, never a list to import."""
    if args.sheet:
        return
    for sheet, state in sheet_states(args.file).items():
        ctx.out(line("hidden_sheet" if state == "hidden" else "very_hidden_sheet", lang, sheet=sheet))


def _error_text(exc: BaseException, lang: str) -> str:
    message = getattr(exc, "message", None)
    return text(message, lang, where=True) if message is not None else str(exc)


def _summary(preview: Preview, lang: str, earlier: frozenset[int] = frozenset()) -> str:
    """Each status's count; the skipped rows with why they were skipped."""
    counts = preview.counts()
    i = 1 if lang == "vi" else 0
    parts = []
    for status in STATUSES:
        n = counts[status]
        if status in SUMMARY_WORDS:
            part = SUMMARY_WORDS[status][i].format(n=param_text(n, lang))
        elif lang == "vi":
            part = f"{_status(status, lang)} {param_text(n, lang)}"
        else:
            part = count_text(n, status, lang)  # "1 duplicate", "3 errors"
        if status == "skip" and n:
            part += _skip_reasons(preview, lang, earlier)
        parts.append(part)
    return ", ".join(parts)


def _skip_reasons(preview: Preview, lang: str, earlier: frozenset[int] = frozenset()) -> str:
    """ " (nothing new)": why the sheet's rows were skipped (one reason per --on-match choice);
    a record an earlier sheet of the file writes is not said to be in Ketnoi already."""
    mine = _earlier_records(preview, earlier)
    codes = {
        "already_earlier"
        if r.code == "already_exists" and row.match_id in mine
        else "section_organisation"
        if r.code in SECTIONS
        else r.code
        for row in preview.rows
        if row.status == "skip"
        for r in row.reasons
    }
    said = [pair[1 if lang == "vi" else 0] for code, pair in SKIP_REASONS.items() if code in codes]
    return f" ({'; '.join(said)})" if said else ""


def _show_kind(ctx: Any, preview: Preview, lang: str) -> None:
    """Why a sheet was read as staff (or, named as staff, as contacts) and how to choose the
    other kind; the columns a staff sheet does not import."""
    reason = kind_reason(preview.layout)
    if reason is not None:
        ctx.out(line(f"why_{preview.kind}", lang, reason=text(reason, lang), sheet=preview.layout.sheet))
    not_kept = columns_not_kept(preview.layout)
    if not_kept is not None:
        ctx.out(line("sheet_warning", lang, text=text(not_kept, lang)))
    _show_not_recognised(ctx, preview.layout, lang)
    for said in (empty_columns(preview), hidden_mapped_columns(preview), *preview.sheet_warnings):
        if said is not None:  # (a column's dates read month first…)
            ctx.out(line("sheet_warning", lang, text=text(said, lang)))
    for note in (blank_columns(preview), legacy_note(preview)):
        if note is not None:
            ctx.out(line("sheet_note", lang, text=text(note, lang)))


def _show_not_recognised(ctx: Any, layout: SheetLayout, lang: str) -> None:
    """The columns left out because no field of the sheet's kind has their header, with how to
    import one (:func:`app.importing.sheet.columns_not_recognised`)."""
    left = columns_not_recognised(layout)
    if not left or layout.kind is None:
        return
    kind = layout.kind
    used = set(layout.mapping.values())
    names = fs.field_names(kind)
    pick = "notes" if "notes" in names else next((n for n in names if n not in used), names[0])
    header = fs.spec(kind, pick).header
    vi, _sep, en = header.partition(" / ")
    field = (en or vi) if lang == "en" else vi
    ctx.out(
        line("not_recognised", lang, columns=", ".join(layout.column_label(c) for c in left),
             example=layout.headers[left[0]], field=field)
    )  # fmt: skip


def _earlier_records(preview: Preview, earlier: frozenset[int]) -> Any:
    """The records of the sheet's kind the earlier sheets of the file write: in a dry run, the
    placeholders the preview met them by; after the import, their ids (``earlier``)."""
    pending = getattr(preview.context, "pending", None)
    return earlier | pending.keys() if pending else earlier


def _show(
    ctx: Any, preview: Preview, lang: str, earlier: frozenset[int] = frozenset(), report: Path | None = None
) -> None:
    """One sheet's lines; ``earlier``: after the import, the records of the sheet's kind the
    sheets before it created (the sheet's rows that meet them are told so); ``report``: the
    --report workbook a list cut short points to."""
    summary = _summary(preview, lang, earlier)
    ctx.out(
        line("sheet" if preview.layout.header_row else "cards", lang, sheet=preview.layout.sheet,
             kind=term(preview.kind, lang), header=preview.layout.header_row, counts=summary)
    )  # fmt: skip
    _show_kind(ctx, preview, lang)
    if preview.hidden:
        numbers = ", ".join(str(n) for n in preview.hidden[:SHOW_ROWS])
        numbers += ", …" if len(preview.hidden) > SHOW_ROWS else ""
        rows = count_text(len(preview.hidden), "row", lang)
        ctx.out(
            line("hidden_left_out" if preview.skip_hidden else "hidden", lang, rows=rows, numbers=numbers)
        )
    show_rows(ctx, preview, lang, report)
    _show_sections(ctx, preview, lang)
    _show_new_organisations(ctx, preview, lang)
    _show_same(ctx, preview, lang, earlier)
    ctx_match = preview.context
    if ctx_match is not None:
        defined = {r.new_id for r in preview.rows if r.new_id is not None} | set(ctx_match.earlier)
        orgs = [ctx_match.orgs.name_of(k) for k in ctx_match.orgs.pending if k not in defined]
        if orgs:
            what = count_text(len(orgs), "organisation", lang)
            ctx.out(line("creates", lang, what=what, names=_first_names(orgs, lang)))
        staff = [n for k, n in ctx_match.staff.pending.items() if k not in ctx_match.earlier_staff]
        if staff:
            what = count_text(len(staff), "staff", lang)
            ctx.out(line("creates", lang, what=what, names=_first_names(staff, lang)))


def _first_names(names: list[str], lang: str) -> str:
    """The first :data:`SHOW_ROWS` names, and how many more (they were cut without a word)."""
    said = "; ".join(names[:SHOW_ROWS])
    more = len(names) - SHOW_ROWS
    return said + (line("and_more", lang, n=param_text(more, lang)) if more > 0 else "")


def _show_sections(ctx: Any, preview: Preview, lang: str) -> None:
    """A delegate list's headings, each with the organisation it gave the rows below it."""
    told = 0
    for row in preview.rows:
        heading = [r for r in row.reasons if r.code in SECTIONS] if row.status == "skip" else []
        if heading and told < SHOW_ROWS:
            ctx.out(line("section", lang, row=row.row, text="; ".join(text(h, lang) for h in heading)))
            told += 1


def _show_new_organisations(ctx: Any, preview: Preview, lang: str) -> None:
    """An organisations sheet's new rows, each with the organisation it creates (reviewer h109:
    "1 new" on re-importing Ketnoi's own export, the row not named: it was the organisation
    about to be created a second time)."""
    if preview.kind != "organisation":
        return
    new = [r for r in preview.rows if r.status == "new" and r.columns is not None]
    if new:
        rows = ", ".join(
            f'{r.row} ("{org_label(str(r.columns.get("name") or ""), str(r.columns.get("acronym") or ""))}")'
            for r in new[:SHOW_ROWS]
            if r.columns is not None
        )
        ctx.out(line("new_orgs", lang, rows=rows + (", …" if len(new) > SHOW_ROWS else "")))


def _show_same(ctx: Any, preview: Preview, lang: str, earlier: frozenset[int] = frozenset()) -> None:
    """The rows skipped with nothing new, named with the record each is (a reader checks them
    at a glance); in a dry run over several sheets, a record an earlier sheet writes is named
    by its row."""
    same = [
        r
        for r in preview.rows
        if r.status == "skip" and not any(x.code == "fill_keeps" or x.code in SECTIONS for x in r.reasons)
    ]
    pending = getattr(preview.context, "pending", {})
    mine = _earlier_records(preview, earlier)
    for key, group in (
        ("same", [r for r in same if r.match_id not in mine]),
        ("same_earlier", [r for r in same if r.match_id in mine]),
    ):
        if group:
            rows = ", ".join(_same_as(r, pending, lang) for r in group[:SHOW_ROWS])
            ctx.out(line(key, lang, rows=rows + (", …" if len(group) > SHOW_ROWS else "")))


def _same_as(row: RowResult, pending: Any, lang: str) -> str:
    """ "3 (#12)": a row and the record it is; "3 (sheet "Danh bạ 1", row 2)" when an earlier
    sheet writes that record."""
    if not row.match_id:
        return str(row.row)
    earlier = pending.get(row.match_id)
    if earlier is None:
        return f"{row.row} (#{row.match_id})"
    return f"{row.row} ({param_text(EarlierRow(earlier.sheet, earlier.row), lang)})"


def _created(engine: Any, batch_id: int | None, previews: list[Preview]) -> dict[str, frozenset[int]]:
    """Of the records the skipped rows meet, those the import ``batch_id`` created, by kind: a
    sheet before theirs wrote them (a sheet's rows are matched before it writes anything)."""
    if batch_id is None:
        return {}
    from sqlalchemy import select

    from db.queries import chunked
    from db.tables import CHANGE

    wanted: dict[str, set[int]] = {}
    for preview in previews:
        ids = wanted.setdefault(preview.kind, set())
        ids.update(r.match_id for r in preview.rows if r.status == "skip" and r.match_id is not None)
    out: dict[str, frozenset[int]] = {}
    with read_session(engine) as session:
        for kind, ids in wanted.items():
            found: set[int] = set()
            for part in chunked(sorted(ids)):
                stmt = select(CHANGE.c.entity_id).where(
                    CHANGE.c.batch_id == batch_id,
                    CHANGE.c.op == "create",
                    CHANGE.c.entity == kind,
                    CHANGE.c.entity_id.in_(part),
                )
                found.update(session.connection().execute(stmt).scalars())
            out[kind] = frozenset(found)
    return out


def accepted_suffixes(lang: str) -> str:
    """What ``ketnoi import`` reads: the importer's files and a calendar invitation."""
    *first, last = [*SUFFIXES, ICS_SUFFIX]
    return f"{', '.join(first)} {'hoặc' if lang == 'vi' else 'or'} {last}"


def import_command(args: argparse.Namespace, ctx: Any) -> int:
    from app import calendars

    if calendars.is_ics_file(args.file.name):
        from app.calendar_commands import import_ics_command

        return import_ics_command(args, ctx)
    lang = cli_language(getattr(args, "lang", None))
    try:
        return _import(args, ctx, lang)
    except ImportFileError as exc:
        # in the CLI's language; a file of no known kind is told what ketnoi import reads
        if exc.message is None:
            raise
        if exc.message.code == "file_unknown_format":
            raise UserError(
                line("unknown_format", lang, file=exc.message.params.get("file", args.file.name),
                     suffixes=accepted_suffixes(lang))
            ) from exc  # fmt: skip
        raise UserError(text(exc.message, lang, where=True)) from exc


def _written(ctx: Any, result: CommitResult) -> None:
    """The import is committed: a Ctrl+C from now on says which import was written and its undo
    (told by :func:`run_import` as the COMMIT returns, with Ctrl+C held back until then)."""
    if result.batch_id is not None:
        batch_id = result.batch_id
        ctx.interrupted = lambda lang: line("interrupted_written", lang, id=batch_id)
        ctx.lost = lambda lang: line("lost_written", lang, id=batch_id)


def _say_rematched(ctx: Any, result: CommitResult, lang: str) -> None:
    """The rows matched again at the import because the database changed since the preview:
    first the imports committed meanwhile whose records rows met (one line each), then the
    other rows, one by one."""
    for said in result.imported_since:
        ctx.out(f"  {text(said, lang, where=True)}")
    if not result.rematched:
        return
    rows = len({(m.sheet, m.row) for m in result.rematched})
    ctx.out(line("rematched", lang, rows=count_text(rows, "row", lang)))
    for said in result.rematched[:SHOW_ROWS]:
        ctx.out(f"  {text(said, lang, where=True)}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _import(args: argparse.Namespace, ctx: Any, lang: str) -> int:
    if args.report and _same_file(args.report, args.file):
        # (checked before anything is read or written: the sheet is the user's data)
        raise UserError(line("report_is_input", lang, path=args.report))
    if args.report:  # a report that cannot be written is said before the import, not after it
        from app.written import NotWritten, check_folder

        try:
            check_folder(Path(args.report))
        except NotWritten as exc:
            raise UserError(exc.text(lang)) from None
    pairs = _map_pairs(args, lang)
    # a Ctrl+C from here says that nothing was imported, until the import is written (below)
    ctx.interrupted = lambda lang: line("interrupted", lang)
    ctx.lost = lambda lang: line("lost", lang)
    engine = ctx.engine()
    with read_session(engine) as session:
        layouts = _layouts(args, session)
    _mapped(layouts, pairs, lang)
    _hidden_sheets(ctx, args, lang)
    previews: list[Preview] = []
    for item in layouts:
        if isinstance(item, ImportFileError):
            ctx.out(line("skipped", lang, text=_error_text(item, lang)))
            continue
        if item.kind is None:
            ctx.out(line("no_kind", lang, sheet=item.sheet))
            continue
        with read_session(engine) as session:
            preview = preview_import(
                args.file, item, session=session, on_match=args.on_match, after=previews,
                skip_hidden=bool(getattr(args, "skip_hidden", False)),
                restore_trashed=bool(getattr(args, "restore_trashed", False)),
            )  # fmt: skip
        previews.append(preview)
    if args.dry_run:
        for preview in previews:
            _show(ctx, preview, lang, report=args.report)
        _say_trash(ctx, args, previews, lang)
        if previews:
            ctx.out(line("dry_run", lang))
    elif previews:
        # The whole workbook in one transaction, one batch, one undo: organisations first, and
        # each sheet matched again against what the sheets before it wrote.
        result = run_import(
            engine,
            previews,
            actor=ctx.actor(),  # (who the history and the import's list name, as for the window's)
            waiting=lambda most: ctx.out(line("waiting", lang, minutes=f"{most / 60:.0f}")),
            written=lambda done: _written(ctx, done),
        )
        created = _created(engine, result.batch_id, previews)
        for preview in previews:
            _show(ctx, preview, lang, created.get(preview.kind, frozenset()), report=args.report)
        said = "batch_cards" if all(p.is_vcard for p in previews) else "batch"
        ctx.out(line("nothing", lang) if result.batch_id is None else line(said, lang, id=result.batch_id))
        _say_trash(ctx, args, previews, lang, result.restored)
        _say_rematched(ctx, result, lang)
    if args.report and previews:
        from app.written import NotWritten

        try:
            n = write_error_report(previews, args.report, lang=lang)
        except NotWritten as exc:  # (a disk filled meanwhile: the import itself stands)
            raise UserError(exc.text(lang)) from None
        _say_report(ctx, args.report, previews, n, lang)
    if not any(r.status != "error" for p in previews for r in p.rows):
        raise UserError(line("no_row", lang, file=args.file.name))
    return 0


def _say_trash(
    ctx: Any,
    args: argparse.Namespace,
    previews: list[Preview],
    lang: str,
    restored: dict[str, int] | None = None,
) -> None:
    """What is in the trash that the rows are (people) or name (organisations): what the import
    brought back (``restored``), would bring back with --restore-trashed, or (a dry run with it)
    will bring back."""
    if restored:
        ctx.out(line("trash_restored", lang, records=counts_text(restored, lang)))
        return
    found = trashed.in_trash(previews)
    if not found:
        return
    records = counts_text(found, lang)
    if not getattr(args, "restore_trashed", False):
        ctx.out(line("trash_offer", lang, records=records))
    elif args.on_match not in ("fill", "overwrite"):
        ctx.out(line("trash_needs_update", lang, choice=args.on_match))
    elif args.dry_run:
        ctx.out(line("trash_would", lang, records=records))


def _say_report(ctx: Any, path: Path, previews: list[Preview], rejected: int, lang: str) -> None:
    """Where the report is and what it holds: "Report of 1 warning: r.xlsx", "Report of 3
    errors and 2 warnings: r.xlsx" — its rows with an error (the first sheets), the warnings on
    its Warnings sheet (the rows' and the sheets' own: a column with no value) and the rows on
    its Updated sheet, each said only when there is one."""
    warned = sum(1 for p in previews for r in p.rows for _w in r.said_warnings)
    warned += sum(len(sheet_notes(p)) for p in previews)
    updated = sum(1 for p in previews for r in p.rows if r.status == "update")
    parts = [count_text(rejected, "error", lang)] if rejected else []
    parts += [count_text(warned, "warning", lang)] if warned else []
    parts += [line("report_updated", lang, rows=count_text(updated, "row", lang))] if updated else []
    if not parts:
        ctx.out(line("report_empty", lang, path=path))
        return
    what = ", ".join(parts[:-1]) + line("report_and", lang) + parts[-1] if len(parts) > 1 else parts[0]
    ctx.out(line("report", lang, path=path, what=what))


def undo_command(args: argparse.Namespace, ctx: Any) -> int:
    lang = cli_language(getattr(args, "lang", None))
    if getattr(args, "dry_run", False):  # what the window's question counts
        try:
            with read_session(ctx.engine()) as session:
                plan = undo_plan(session, args.batch_id)
        except ImportRefused as exc:
            raise UserError(_error_text(exc, lang)) from exc
        ctx.out(line("would_undo", lang, id=args.batch_id, deleted=counts_text(plan.deleted, lang)))
        if plan.kept:
            ctx.out(line("would_keep", lang, kept=counts_text(plan.kept, lang)))
        if plan.gone:
            ctx.out(line("would_leave", lang, gone=counts_text(plan.gone, lang)))
        if plan.returned:
            ctx.out(line("would_return", lang, returned=counts_text(plan.returned, lang)))
        return 0
    batch_id = args.batch_id  # Ctrl+C: undone or not, as its one transaction stands
    ctx.interrupted = lambda lang: line("interrupted_not_undone", lang, id=batch_id)
    ctx.lost = lambda lang: line("lost_not_undone", lang, id=batch_id)

    def undone() -> None:
        ctx.interrupted = lambda lang: line("interrupted_undone", lang, id=batch_id)
        ctx.lost = lambda lang: line("lost_undone", lang, id=batch_id)

    try:
        with unit_of_work(ctx.engine(), on_commit=undone) as session:
            result = undo_import(args.batch_id, session=session, actor=ctx.actor())
    except ImportRefused as exc:
        raise UserError(_error_text(exc, lang)) from exc
    deleted = counts_text(result.deleted, lang)
    if result.restored:  # fields of records the import updated, not of those it created
        ctx.out(
            line("undid", lang, id=result.batch_id, deleted=deleted,
                 fields=count_text(result.restored_fields, "field", lang),
                 records=counts_text(result.restored, lang))
        )  # fmt: skip
    else:
        ctx.out(line("undid_none_earlier", lang, id=result.batch_id, deleted=deleted))
    if result.swept:
        ctx.out(line("swept", lang, swept=counts_text(result.swept, lang)))
    if result.returned:
        ctx.out(line("returned", lang, returned=counts_text(result.returned, lang)))
    if result.deleted or result.swept or result.returned:
        ctx.out(line("in_trash", lang))
    if result.remembered:
        ctx.out(line("remembered", lang))
    for said in [*result.gone, *result.kept][:SHOW_ROWS]:  # merged or deleted since, then kept
        ctx.out(f"  {text(said, lang)}")
    return 0


def history_command(args: argparse.Namespace, ctx: Any) -> int:
    lang = cli_language(getattr(args, "lang", None))
    with read_session(ctx.engine()) as session:
        entries = import_history(session)
    if getattr(args, "json", False):
        ctx.json = True
        ctx.emit([e.as_dict() for e in entries])
        return 0
    if not entries:
        ctx.out(line("no_history", lang))
        return 0
    ctx.out(line("history_head", lang))
    for e in entries:
        if e.undone_at:
            state = line("undone", lang, at=f"{clock.local(e.undone_at):%d/%m/%Y %H:%M}")
        else:
            state = line("hidden_from_you" if e.hidden else "active", lang)
        ctx.out(
            line("history_row", lang, id=e.id, when=f"{clock.local(e.created_at):%d/%m/%Y %H:%M}", by=e.created_by or "—",
                 file=e.file_name, sheets=e.sheets, new=e.new, update=e.updated, rejected=e.rejected,
                 state=state)
        )  # fmt: skip
    return 0


__all__ = ["Term", "history_command", "import_command", "undo_command"]
