"""``ketnoi export FILE.xlsx`` and ``ketnoi template FILE.xlsx``, worded in the CLI's language
(``--lang en|vi``, else the locale)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.exporting.workbook import export_workbook, write_template
from app.importing.messages import LANGUAGES, cli_language, term
from db.engine import read_session

LINES: dict[str, tuple[str, str]] = {
    "suffix": ("{file}: the file name must end in .xlsx", "{file}: tên tệp phải kết thúc bằng .xlsx"),
    "exported": ("Exported {path}: {counts}", "Đã xuất {path}: {counts}"),
    "template": ("Import template: {path}", "Mẫu nhập liệu: {path}"),
}


def _line(key: str, lang: str, **params: Any) -> str:
    return LINES[key][1 if lang == "vi" else 0].format(**params)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, help="language of the output (default: the locale)")
    p = sub.add_parser(
        "export", parents=[common, lang], help="export every record to .xlsx, in the layout import reads"
    )
    p.add_argument("file", type=Path, help="FILE.xlsx")
    p.set_defaults(handler=export_command)
    t = sub.add_parser("template", parents=[common, lang], help="write the empty import template")
    t.add_argument("file", type=Path, help="FILE.xlsx")
    t.set_defaults(handler=template_command)


def _check(path: Path, lang: str) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UserError(_line("suffix", lang, file=path.name))


def export_command(args: argparse.Namespace, ctx: Any) -> int:
    lang = cli_language(getattr(args, "lang", None))
    _check(args.file, lang)
    with read_session(ctx.engine()) as session:
        counts = export_workbook(args.file, session=session)
    shown = ", ".join(f"{term(k, lang)} {v}" for k, v in counts.items())
    ctx.out(_line("exported", lang, path=args.file, counts=shown))
    return 0


def template_command(args: argparse.Namespace, ctx: Any) -> int:
    lang = cli_language(getattr(args, "lang", None))
    _check(args.file, lang)
    write_template(args.file)
    ctx.out(_line("template", lang, path=args.file))
    return 0
