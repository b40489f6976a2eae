"""``ketnoi brief org|contact|meeting|digest``: write a PDF brief from the command line.

    ketnoi brief org NIC -o nic.pdf
    ketnoi brief contact "Nguyễn Thị Hồng Nhung" --paper letter
    ketnoi brief meeting 42 --lang vi
    ketnoi brief digest --from 2026-11-01 --to 2026-11-30

Without ``-o`` the file is named after the subject (``brief-nic-2026-11-23.pdf``) and written
in the current directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.engine import Engine

from app.briefing import gather, render
from app.errors import UserError
from app.vntext import fold
from db import clock
from db.engine import read_session


class Context(Protocol):
    def engine(self) -> Engine: ...

    def out(self, text: str = "") -> None: ...


def slug(text: str, *, limit: int = 40) -> str:
    """A file-name-safe ASCII slug: "Trung tâm Đổi mới" -> "trung-tam-doi-moi"."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(words) > limit:
        cut = words[: limit + 1].rfind("-")
        words = words[: cut if cut > limit // 2 else limit]
    return words.strip("-") or "brief"


def parse_day(text: str) -> dt.date:
    """ISO (2026-11-30) or day-first (30/11/2026, 30.11.2026) dates."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"not a date: {text!r} (use 2026-11-30 or 30/11/2026)")


def _output(args: argparse.Namespace, stem: str) -> Path:
    if args.output:
        path = Path(args.output).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(path.suffix + ".pdf") if path.suffix else path.with_suffix(".pdf")
    else:
        path = Path(f"brief-{stem}-{clock.today().isoformat()}.pdf")
    if path.parent and not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist")
    return path


def _write(
    args: argparse.Namespace, ctx: Context, stem: str, brief: Any, renderer: Callable[..., int]
) -> int:
    path = _output(args, stem)
    try:
        pages = renderer(brief, str(path), paper=args.paper, lang=args.lang)
    except PermissionError as exc:
        raise UserError(f"Cannot write {path}: permission denied") from exc
    ctx.out(f"Wrote {path} ({pages} page{'s' if pages != 1 else ''})")
    return 0


def cmd_org(args: argparse.Namespace, ctx: Context) -> int:
    with read_session(ctx.engine()) as session:
        org_id = gather.find_organisation(session, args.subject)
        brief = gather.gather_organisation(session, org_id, today=args.today, recent=args.meetings)
    return _write(args, ctx, slug(brief.acronym or brief.name), brief, render.render_organisation)


def cmd_contact(args: argparse.Namespace, ctx: Context) -> int:
    with read_session(ctx.engine()) as session:
        contact_id = gather.find_contact(session, args.subject)
        brief = gather.gather_contact(session, contact_id, today=args.today, recent=args.meetings)
    return _write(args, ctx, slug(brief.name), brief, render.render_contact)


def cmd_meeting(args: argparse.Namespace, ctx: Context) -> int:
    with read_session(ctx.engine()) as session:
        brief = gather.gather_meeting(session, args.meeting_id, today=args.today)
    stem = f"meeting-{brief.starts_at.date().isoformat()}-{slug(brief.title, limit=30)}"
    return _write(args, ctx, stem, brief, render.render_meeting)


def cmd_digest(args: argparse.Namespace, ctx: Context) -> int:
    end = args.end or (args.today or clock.today())
    start = args.start or end - dt.timedelta(days=6)
    if end < start:
        raise UserError("--to is before --from")
    with read_session(ctx.engine()) as session:
        brief = gather.gather_digest(session, start, end, today=args.today)
    return _write(args, ctx, f"digest-{start.isoformat()}-{end.isoformat()}", brief, render.render_digest)


def _options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    p.add_argument("--lang", choices=("en", "vi"), default="en", help="language of headings (default en)")
    p.add_argument("--today", type=parse_day, default=None, help=argparse.SUPPRESS)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``brief`` with its four kinds to the ``ketnoi`` command."""
    brief = sub.add_parser(
        "brief",
        parents=[common],
        help="write a printable PDF brief (organisation, contact, meeting, digest)",
        description="Write a printable PDF brief.",
    )
    kinds = brief.add_subparsers(dest="brief_kind", metavar="KIND", required=True)

    p = kinds.add_parser("org", parents=[common], help="an organisation: id, name, acronym or alias")
    p.add_argument("subject", metavar="NAME_OR_ID")
    p.add_argument("--meetings", type=int, default=gather.RECENT_MEETINGS, help="recent meetings to list")
    _options(p)
    p.set_defaults(handler=cmd_org)

    p = kinds.add_parser("contact", parents=[common], help="a contact: id or name")
    p.add_argument("subject", metavar="ID_OR_NAME")
    p.add_argument("--meetings", type=int, default=gather.RECENT_MEETINGS, help="recent meetings to list")
    _options(p)
    p.set_defaults(handler=cmd_contact)

    p = kinds.add_parser("meeting", parents=[common], help="preparation brief for a meeting")
    p.add_argument("meeting_id", metavar="ID", type=int)
    _options(p)
    p.set_defaults(handler=cmd_meeting)

    p = kinds.add_parser("digest", parents=[common], help="what happened in a period")
    p.add_argument(
        "--from", dest="start", type=parse_day, metavar="DATE", help="first day (default: a week before --to)"
    )
    p.add_argument("--to", dest="end", type=parse_day, metavar="DATE", help="last day (default: today)")
    _options(p)
    p.set_defaults(handler=cmd_digest)
