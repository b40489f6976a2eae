"""``ketnoi import FILE`` and ``ketnoi undo-import BATCH_ID``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.importing.commit import run_import
from app.importing.errors import ImportFileError
from app.importing.fields import KINDS
from app.importing.preview import ON_MATCH, STATUSES, Preview, preview_import
from app.importing.reader import sheet_names
from app.importing.report import write_error_report
from app.importing.sheet import SheetLayout, inspect_sheet, suggest_mapping
from app.importing.undo import undo_import
from db.engine import read_session, unit_of_work

SHOW_ROWS = 20
KIND_ALIASES = {
    "contacts": "contact", "organisations": "organisation", "organizations": "organisation",
    "organization": "organisation", "meetings": "meeting", "actions": "action",
}  # fmt: skip


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="import contacts, organisations, meetings or actions from .xlsx or .csv",
    )
    p.add_argument("file", type=Path, help=".xlsx, .xlsm or .csv (UTF-8)")
    p.add_argument("--sheet", help="only this sheet (default: every sheet Ketnoi recognises)")
    p.add_argument("--kind", choices=[*KINDS, *KIND_ALIASES], help="what the sheet holds, if not recognised")
    p.add_argument("--dry-run", action="store_true", help="check and show what would happen; write nothing")
    p.add_argument("--on-match", choices=ON_MATCH, default="fill",
                   help="a row matching an existing record: create anyway, fill its blanks (default), "
                   "overwrite, or skip")  # fmt: skip
    p.add_argument("--report", type=Path, metavar="ERRORS.xlsx", help="write rejected rows with reasons here")
    p.set_defaults(handler=import_command)

    u = sub.add_parser("undo-import", parents=[common], help="undo one import exactly")
    u.add_argument("batch_id", type=int)
    u.set_defaults(handler=undo_command)


def _layouts(args: argparse.Namespace, session: Any) -> list[SheetLayout | ImportFileError]:
    path: Path = args.file
    kind = KIND_ALIASES.get(args.kind, args.kind) if args.kind else None
    names = [args.sheet] if args.sheet else sheet_names(path)
    out: list[SheetLayout | ImportFileError] = []
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
        out.append(layout)
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda x: order.get(x.kind or "", 99) if isinstance(x, SheetLayout) else 99)


def _show(ctx: Any, preview: Preview) -> None:
    counts = preview.counts()
    ctx.out(f'Trang / sheet "{preview.layout.sheet}" ({preview.kind}, tiêu đề ở dòng / header row '
            f"{preview.layout.header_row}): " + ", ".join(f"{s} {counts[s]}" for s in STATUSES))  # fmt: skip
    shown = 0
    for row in preview.rows:
        if row.status in ("error", "duplicate") and shown < SHOW_ROWS:
            ctx.out(f"  dòng / row {row.row} [{row.status}]: {row.message}")
            shown += 1
    rejected = len(preview.rejected())
    if rejected > shown:
        ctx.out(f"  … {rejected - shown} more (--report ERRORS.xlsx lists them all)")


def import_command(args: argparse.Namespace, ctx: Any) -> int:
    engine = ctx.engine()
    with read_session(engine) as session:
        layouts = _layouts(args, session)
    previews: list[Preview] = []
    for item in layouts:
        if isinstance(item, ImportFileError):
            ctx.out(f"Bỏ qua / skipped: {item}")
            continue
        if item.kind is None:
            ctx.out(f'Bỏ qua / skipped: sheet "{item.sheet}": không rõ loại dữ liệu; dùng --kind / '
                    "cannot tell what it holds; use --kind")  # fmt: skip
            continue
        # Sheet by sheet, organisations first, each its own batch: later sheets find what
        # earlier ones wrote. The commit matches the rows again inside its transaction.
        with read_session(engine) as session:
            preview = preview_import(args.file, item, session=session, on_match=args.on_match)
        previews.append(preview)
        if args.dry_run:
            _show(ctx, preview)
            continue
        result = run_import(engine, preview)
        _show(ctx, preview)
        if result.batch_id is None:
            ctx.out(
                "  → không ghi gì: mọi dòng bị từ chối hoặc bỏ qua / nothing written: every row was rejected or skipped"
            )
            continue
        ctx.out(f"  → lần nhập / import batch #{result.batch_id} "
                f"(hoàn tác / undo: ketnoi undo-import {result.batch_id})")  # fmt: skip
    if args.dry_run and previews:
        ctx.out("Chạy thử: chưa ghi gì / dry run: nothing written.")
    if args.report and previews:
        n = write_error_report(previews, args.report)
        ctx.out(f"Báo cáo lỗi / error report: {args.report} ({n} dòng / rows)")
    if not any(r.status != "error" for p in previews for r in p.rows):
        raise UserError(f"{args.file.name}: không đọc được dòng nào / no row could be read")
    return 0


def undo_command(args: argparse.Namespace, ctx: Any) -> int:
    with unit_of_work(ctx.engine()) as session:
        result = undo_import(args.batch_id, session=session)
    deleted = ", ".join(f"{k} {v}" for k, v in result.deleted.items()) or "0"
    ctx.out(f"Đã hoàn tác lần nhập / undid import #{result.batch_id}: xoá / deleted {deleted}; "
            f"khôi phục / restored {result.restored_fields} fields")  # fmt: skip
    for conflict in result.conflicts[:SHOW_ROWS]:
        ctx.out(f"  {conflict}")
    return 0
