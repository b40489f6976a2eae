"""``ketnoi brief org|contact|meeting|digest``: write a PDF brief from the command line.

    ketnoi brief org NIC -o nic.pdf
    ketnoi brief contact "Nguyễn Thị Hồng Nhung" --paper letter
    ketnoi brief meeting 42 --lang vi
    ketnoi brief digest --from 2026-11-01 --to 2026-11-30

Without ``-o`` the file is named after the subject (``brief-nic-2026-11-23.pdf``, in the
brief's language: ``tom-tat-nic-2026-11-23.pdf`` with ``--lang vi`` or a Vietnamese locale) and
written in the current directory; the names (:mod:`app.file_names`) and the writing
(:mod:`app.briefing.produce`) are the window's.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.engine import Engine

from app import validation
from app.briefing import gather
from app.briefing.produce import BriefRequest, pdf_path, produce
from app.cli_lines import refused
from app.errors import UserError
from app.file_names import brief_words
from app.language import cli_language, count_of
from app.written import NotWritten
from db import clock
from db.engine import read_session


class Context(Protocol):
    interrupted: Callable[[str], str] | None  # what a Ctrl+C says (app.cli.CliContext)

    def engine(self) -> Engine: ...

    def out(self, text: str = "") -> None: ...


def parse_day(text: str) -> dt.date:
    """ISO (2026-11-30) or day-first (30/11/2026, 30.11.2026) dates, as ``validation.date`` reads them."""
    try:
        return validation.date(text, any_year=True)  # (the digest says its own years: digest.py)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use 2026-11-30 or 30/11/2026)") from None


_WROTE = ("Wrote {file} ({pages})", "Đã ghi {file} ({pages})")
"""What ``ketnoi brief`` says of the PDF written, in the console's language (the locale, whatever
the brief's ``--lang``): "Đã ghi b.pdf (1 trang)"."""
_PAGES = ("page", "pages", "trang")


def _write(args: argparse.Namespace, ctx: Context, req: BriefRequest) -> int:
    from app.cli_lines import interrupted_writing, say

    target = pdf_path(args.output) if args.output else None
    # Ctrl+C: whether the PDF was written (its own name unknown until it is, without -o)
    ctx.interrupted = interrupted_writing(target) if target else lambda lang: say("interrupted_brief", lang)
    try:
        done = produce(
            ctx.engine(),
            req,
            today=args.today or clock.today(),
            target=target,
            keep_existing=False,  # a script run every day rewrites the day's file
            words=brief_words(req.lang),  # without -o: "tom-tat-…pdf" for a Vietnamese brief
        )
    except NotWritten as exc:  # the console's language (the locale), as every line printed
        raise UserError(exc.text(cli_language())) from None
    ctx.interrupted = lambda lang: say("interrupted_file_written", lang, path=done.path)
    said = cli_language()  # --lang is the PDF's (its headings), not the console's (reviewer)
    ctx.out(_WROTE[1 if said == "vi" else 0].format(file=done.path, pages=count_of(done.pages, _PAGES, said)))
    return 0


def _request(args: argparse.Namespace, kind: str, subject_id: int | None = None, **more: Any) -> BriefRequest:
    # --lang, else the locale's, as every other command (reviewer: `brief` stayed English
    # under LANG=vi_VN.UTF-8 while `letter draft` wrote Vietnamese)
    return BriefRequest(
        kind,
        subject_id,
        paper=args.paper,
        lang=cli_language(args.brief_lang),
        without_confidential=args.without_confidential,
        **more,
    )


def cmd_org(args: argparse.Namespace, ctx: Context) -> int:
    with read_session(ctx.engine()) as session:
        org_id = gather.find_organisation(session, args.subject)
    return _write(args, ctx, _request(args, "organisation", org_id, recent=args.meetings))


def cmd_contact(args: argparse.Namespace, ctx: Context) -> int:
    with read_session(ctx.engine()) as session:
        contact_id = gather.find_contact(session, args.subject)
    return _write(args, ctx, _request(args, "contact", contact_id, recent=args.meetings))


def cmd_post(args: argparse.Namespace, ctx: Context) -> int:
    """The brief of whoever holds the post on the day (issue 15: a brief addressed to a post)."""
    from app import posts

    with read_session(ctx.engine()) as session:
        post = posts.get_post(session, args.post_id, args.today)
    if post.holder is None:
        raise refused(
            f"the post {post.title} ({post.organisation}) is vacant: there is no one to brief on",
            f"chức vụ {post.title} ({post.organisation}) đang còn trống: không có ai để chuẩn bị tài liệu",
        )
    return _write(args, ctx, _request(args, "contact", post.holder.contact_id, recent=args.meetings))


def cmd_meeting(args: argparse.Namespace, ctx: Context) -> int:
    return _write(args, ctx, _request(args, "meeting", args.meeting_id))


def cmd_digest(args: argparse.Namespace, ctx: Context) -> int:
    end = args.end or (args.today or clock.today())
    start = args.start or end - dt.timedelta(days=6)
    if end < start:
        raise refused("--to is before --from", "--to sớm hơn --from")
    return _write(args, ctx, _request(args, "digest", start=start, end=end))


def _options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    p.add_argument(
        "--lang",
        dest="brief_lang",  # the PDF's: what is printed, refusals too, follows the locale (app.cli)
        choices=("en", "vi"),
        default=None,
        help="language of headings (default: the locale's, else en)",
    )
    p.add_argument(
        "--without-confidential",
        action="store_true",
        help="leave confidential records out (a brief to hand over; the window's "
        "“Leave confidential records out”, “Lược bỏ hồ sơ mật”)",
    )
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

    p = kinds.add_parser("post", parents=[common], help="whoever holds a post today (ketnoi post list)")
    p.add_argument("post_id", metavar="POST_ID", type=int)
    p.add_argument("--meetings", type=int, default=gather.RECENT_MEETINGS, help="recent meetings to list")
    _options(p)
    p.set_defaults(handler=cmd_post)

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
