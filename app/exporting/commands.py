"""``ketnoi export FILE.xlsx`` and ``ketnoi template FILE.xlsx``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.exporting.workbook import export_workbook, write_template
from db.engine import read_session


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export", parents=[common], help="export every record to .xlsx, in the layout import reads"
    )
    p.add_argument("file", type=Path, help="FILE.xlsx")
    p.set_defaults(handler=export_command)
    t = sub.add_parser("template", parents=[common], help="write the empty import template")
    t.add_argument("file", type=Path, help="FILE.xlsx")
    t.set_defaults(handler=template_command)


def _check(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"{path.name}: tên tệp phải kết thúc bằng .xlsx / the file name must end in .xlsx")


def export_command(args: argparse.Namespace, ctx: Any) -> int:
    _check(args.file)
    with read_session(ctx.engine()) as session:
        counts = export_workbook(args.file, session=session)
    ctx.out(f"Đã xuất / exported {args.file}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def template_command(args: argparse.Namespace, ctx: Any) -> int:
    _check(args.file)
    write_template(args.file)
    ctx.out(f"Mẫu nhập liệu / import template: {args.file}")
    return 0
