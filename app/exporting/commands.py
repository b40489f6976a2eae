"""``ketnoi export FILE.xlsx`` and ``ketnoi template FILE.xlsx``, worded in the CLI's language
(``--lang en|vi``, else the locale)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.exporting.workbook import export_workbook, write_template
from app.importing.messages import term
from app.language import LANGUAGES, cli_language
from app.written import NotWritten
from db import kinds
from db.engine import read_session

LINES: dict[str, tuple[str, str]] = {
    "suffix": ("{file}: the file name must end in .xlsx", "{file}: tên tệp phải kết thúc bằng .xlsx"),
    "exported": ("Exported {path}: {counts}", "Đã xuất {path}: {counts}"),
    "template": ("Import template: {path}", "Mẫu nhập liệu: {path}"),
    "confidential": (
        'It holds {n} confidential record(s) ({counts}), each marked in the column "Confidential" '
        "(imported, it stays confidential): give the file only to those who may see them in Ketnoi",
        'Tệp có {n} hồ sơ mật ({counts}), mỗi hồ sơ được đánh dấu ở cột "Mật" (khi nhập vẫn là hồ '
        "sơ mật): chỉ đưa tệp cho người được xem các hồ sơ đó trong Ketnoi",
    ),
    "no_file": (
        "say where to write it: FILE.xlsx or -o FILE.xlsx",
        "hãy cho biết ghi vào đâu: TỆP.xlsx hoặc -o TỆP.xlsx",
    ),
    "list_written": ("Exported {n} {what} to {path}", "Đã xuất {n} {what} vào {path}"),
    "two_files": ("two files named ({a}, {b}): give one", "hai tệp được nêu ({a}, {b}): hãy chỉ nêu một"),
}


def _line(key: str, lang: str, **params: Any) -> str:
    return LINES[key][1 if lang == "vi" else 0].format(**params)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, help="language of the output (default: the locale)")
    p = sub.add_parser(
        "export", parents=[common, lang], help="export every record to .xlsx, in the layout import reads"
    )
    t = sub.add_parser("template", parents=[common, lang], help="write the empty import template")
    for parser, handler in ((p, export_command), (t, template_command)):
        # FILE or -o FILE, as ketnoi brief writes its PDF
        parser.add_argument("file", type=Path, nargs="?", help="FILE.xlsx")
        parser.add_argument("-o", "--output", type=Path, metavar="FILE.xlsx", help="the same, as an option")
        parser.set_defaults(handler=handler)


def _target(args: argparse.Namespace, lang: str) -> Path:
    """The workbook to write: FILE or -o FILE (both: the same one)."""
    named = [f for f in (args.file, args.output) if f is not None]
    if not named:
        raise UserError(_line("no_file", lang))
    if len(named) == 2 and named[0] != named[1]:
        raise UserError(_line("two_files", lang, a=named[0], b=named[1]))
    return xlsx_path(named[0], lang)


def xlsx_path(path: Path, lang: str) -> Path:
    """``path``, refused unless it names an .xlsx file."""
    if path.suffix.lower() != ".xlsx":
        raise UserError(_line("suffix", lang, file=path.name))
    return path


def list_written(kind: str, n: int, path: Path, lang: str) -> str:
    """ "Exported 3 actions to FILE" / "Đã xuất 3 việc cần làm vào FILE" (``list --xlsx``)."""
    info = kinds.info(kind)
    what = info.noun_vi if lang == "vi" else info.noun if n == 1 else info.plural
    return _line("list_written", lang, n=n, what=what, path=path)


def confidential_line(secret: dict[str, int], lang: str) -> str:
    """How many confidential records a written file holds, and who may have it."""
    shown = ", ".join(f"{term(k, lang)} {v}" for k, v in secret.items())
    return _line("confidential", lang, n=sum(secret.values()), counts=shown)


def export_command(args: argparse.Namespace, ctx: Any) -> int:
    lang = cli_language(getattr(args, "lang", None))
    path = _target(args, lang)
    secret: dict[str, int] = {}
    from app.cli_lines import interrupted_writing

    ctx.interrupted = interrupted_writing(path)  # Ctrl+C: whether the workbook was written
    with read_session(ctx.engine()) as session:
        try:
            counts = export_workbook(path, session=session, lang=lang, confidential=secret)
        except NotWritten as exc:
            raise UserError(exc.text(lang)) from None
    shown = ", ".join(f"{term(k, lang)} {v}" for k, v in counts.items())
    ctx.out(_line("exported", lang, path=path, counts=shown))
    if secret:  # (reviewer: a manager's export carried colleagues' confidential records, unsaid)
        ctx.out(confidential_line(secret, lang))
    return 0


def template_command(args: argparse.Namespace, ctx: Any) -> int:
    lang = cli_language(getattr(args, "lang", None))
    path = _target(args, lang)
    try:
        write_template(path)
    except NotWritten as exc:
        raise UserError(exc.text(lang)) from None
    ctx.out(_line("template", lang, path=path))
    return 0
