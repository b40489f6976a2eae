"""``ketnoi log-email``, ``ketnoi attach``, ``ketnoi attachments``, ``ketnoi attachment``: e-mails
on the timeline and files on records, from the command line.

    ketnoi log-email "Re: Thư giới thiệu.eml" [--contact NAME_OR_ID | --organisation … | --meeting …]
    ketnoi attach action 12 thu-gioi-thieu.pdf
    ketnoi attachments org Genetica
    ketnoi attachment save 5 [-o FILE_OR_FOLDER]    # the bytes, back in a file
    ketnoi attachment remove 5                      # to the trash (ketnoi undo GROUP takes it back)
    ketnoi attachment restore 5                     # out of the trash
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import attachments, emails, records, resolve
from app.cli import CliContext, json_option
from app.errors import UserError
from app.language import cli_language, said
from app.written import NotWritten
from db import clock
from db.engine import read_session, unit_of_work

KIND_NAMES = {"org": "organisation", "organisation": "organisation", "contact": "contact",
              "meeting": "meeting", "action": "action"}  # fmt: skip


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    as_json = json_option()
    p = sub.add_parser(
        "log-email",
        parents=[common, as_json],
        help="log an .eml or Outlook .msg file as an e-mail on the timeline (once per message)",
    )
    p.add_argument("file", type=Path, help="the .eml or .msg file")
    target = p.add_mutually_exclusive_group()
    for kind in ("contact", "organisation", "meeting"):
        target.add_argument(f"--{kind}", metavar="NAME_OR_ID", help=f"log it on this {kind} too")
    p.add_argument(
        "--create-contacts", action="store_true", help="make a contact of every address Ketnoi does not know"
    )
    p.set_defaults(handler=log_email_command)

    p = sub.add_parser("attach", parents=[common, as_json], help="attach files to a record")
    p.add_argument("kind", choices=sorted(KIND_NAMES))
    p.add_argument("record", metavar="ID_OR_NAME")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(handler=attach_command)

    p = sub.add_parser("attachments", parents=[common, as_json], help="list the files attached to a record")
    p.add_argument("kind", choices=sorted(KIND_NAMES))
    p.add_argument("record", metavar="ID_OR_NAME")
    p.set_defaults(handler=list_command)

    p = sub.add_parser("attachment", parents=[common, as_json], help="save, remove or restore one attachment")
    p.add_argument("action", choices=("save", "remove", "restore"))
    p.add_argument("id", type=int, help="the attachment's id (ketnoi attachments KIND ID)")
    p.add_argument("-o", "--output", type=Path, help="file or folder to save to (default: here)")
    p.set_defaults(handler=attachment_command)


LINES: dict[str, tuple[str, str]] = {
    # code: (English, Vietnamese): what the commands print, in the CLI's language (a Vietnamese
    # locale, else English), in the window's words (ui/mail.py, the attachments box)
    "already": (
        "Already logged as meeting #{id}: {title}{where}",
        "Đã ghi nhận trước đó là cuộc họp #{id}: {title}{where}",
    ),
    "in_trash": (
        " (in the trash: ketnoi meeting restore {id})",
        " (đang trong thùng rác: ketnoi meeting restore {id})",
    ),
    "logged": ("Logged e-mail #{id}: {title}", "Đã ghi nhận thư điện tử #{id}: {title}"),
    "attendee": ("  contact #{id} {name} <{email}>", "  liên hệ #{id} {name} <{email}>"),
    "staff": ("  staff #{id} {name}", "  cán bộ #{id} {name}"),
    "new_contact": ("  new contact #{id}", "  liên hệ mới #{id}"),
    "unknown": (
        "  not in Ketnoi: {address} (--create-contacts makes contacts of them)",
        "  chưa có trong Ketnoi: {address} (--create-contacts sẽ thêm họ làm liên hệ)",
    ),
    "files": (
        "  {n} attachment(s): ketnoi attachments meeting {id}",
        "  {n} tệp đính kèm: ketnoi attachments meeting {id}",
    ),
    "note": ("  note: {text}", "  lưu ý: {text}"),
    "undo_indented": ("  (undo: ketnoi undo {group})", "  (hoàn tác: ketnoi undo {group})"),
    "undo": ("(undo: ketnoi undo {group})", "(hoàn tác: ketnoi undo {group})"),
    "attached": (
        "Attached #{id} {name} ({size}) to {what}",
        "Đã đính kèm #{id} {name} ({size}) vào {what}",
    ),
    "none_attached": ("No files attached to {what}.", "Không có tệp nào đính kèm vào {what}."),
    "restored": (
        "Restored {name} to {what} (undo: ketnoi undo {group})",
        "Đã khôi phục {name} vào {what} (hoàn tác: ketnoi undo {group})",
    ),
    "removed": (
        "Moved {name} to the trash (undo: ketnoi undo {group})",
        "Đã chuyển {name} vào thùng rác (hoàn tác: ketnoi undo {group})",
    ),
    "saved": ("Saved {path}", "Đã lưu {path}"),
}


def _say(args: argparse.Namespace, code: str, **values: object) -> str:
    return said(LINES[code], cli_language(getattr(args, "lang", None)), **values)


def _what(args: argparse.Namespace, kind: str, record_id: int) -> str:
    """ "organisation #1" / "tổ chức #1"."""
    from db import kinds

    vi = cli_language(getattr(args, "lang", None)) == "vi"
    return f"{kinds.info(kind).noun_vi if vi else kind} #{record_id}"


def _record(ctx: CliContext, kind: str, text: str) -> tuple[str, int]:
    kind = KIND_NAMES[kind]
    with read_session(ctx.engine()) as s:
        return kind, resolve.resolve(s, kind, text)


def log_email_command(args: argparse.Namespace, ctx: CliContext) -> int:
    parsed = emails.read_email(args.file)
    kind = next((k for k in ("contact", "organisation", "meeting") if getattr(args, k)), None)
    record_id = _record(ctx, kind, getattr(args, kind))[1] if kind else None
    with unit_of_work(ctx.engine()) as s:
        unknown = [a.email for a in emails.unknown_addresses(s, parsed)] if args.create_contacts else []
        result = emails.log_email(
            s, parsed, kind=kind, record_id=record_id, create_contacts=unknown, actor=ctx.actor()
        )
    ctx.emit(
        {
            "status": result.status,
            "meeting_id": result.meeting_id,
            "title": result.title,
            "in_trash": result.in_trash,
            "attendees": [{"contact_id": c, "name": n, "email": e} for c, n, e in result.attendees],
            "staff": [{"staff_id": i, "name": n} for i, n in result.staff],
            "unknown": [{"name": a.name, "email": a.email} for a in result.unknown],
            "created_contacts": result.created,
            "attachments": result.attachment_ids,
            "warnings": result.warnings,
            "undo_group": result.group_id,
        }
    )
    if result.status == "already":
        where = _say(args, "in_trash", id=result.meeting_id) if result.in_trash else ""
        ctx.out(_say(args, "already", id=result.meeting_id, title=result.title, where=where))
        return 0
    ctx.out(_say(args, "logged", id=result.meeting_id, title=result.title))
    for c, n, e in result.attendees:
        ctx.out(_say(args, "attendee", id=c, name=n, email=e))
    for i, n in result.staff:
        ctx.out(_say(args, "staff", id=i, name=n))
    for cid in result.created:
        ctx.out(_say(args, "new_contact", id=cid))
    for a in result.unknown:
        ctx.out(_say(args, "unknown", address=a))
    if result.attachment_ids:
        ctx.out(_say(args, "files", n=len(result.attachment_ids), id=result.meeting_id))
    for w in result.warnings:
        ctx.out(_say(args, "note", text=w))
    ctx.out(_say(args, "undo_indented", group=result.group_id))
    return 0


def attach_command(args: argparse.Namespace, ctx: CliContext) -> int:
    kind, record_id = _record(ctx, args.kind, args.record)
    prepared = [attachments.prepare_file(f) for f in args.files]  # every file checked before any is written
    with unit_of_work(ctx.engine()) as s:
        group, ids = attachments.attach_many(s, kind, record_id, prepared, actor=ctx.actor())
    ctx.emit({"kind": kind, "record_id": record_id, "attachments": ids, "undo_group": group})
    for i, f in zip(ids, prepared, strict=True):
        size = attachments.human_size(f.size, cli_language(getattr(args, "lang", None)))
        ctx.out(_say(args, "attached", id=i, name=f.name, size=size, what=_what(args, kind, record_id)))
    ctx.out(_say(args, "undo", group=group))
    return 0


def list_command(args: argparse.Namespace, ctx: CliContext) -> int:
    kind, record_id = _record(ctx, args.kind, args.record)
    with read_session(ctx.engine()) as s:
        found = attachments.list_for(s, kind, record_id)
    ctx.emit(
        [
            {"id": a.id, "file_name": a.file_name, "size": a.size, "mime": a.mime, "added_at": a.added_at,
             "added_by": a.added_by, "sha256": a.sha256}
            for a in found
        ]
    )  # fmt: skip
    for a in found:
        when = clock.local(a.added_at).strftime("%d/%m/%Y %H:%M")
        size = attachments.human_size(a.size, cli_language(getattr(args, "lang", None)))
        ctx.out(f"#{a.id:<5} {a.file_name}  {size}  {when}  {a.added_by}".rstrip())
    if not found:
        ctx.out(_say(args, "none_attached", what=_what(args, kind, record_id)))
    return 0


def attachment_command(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.action == "restore":  # what ketnoi trash names for a removed file
        with unit_of_work(ctx.engine()) as s:
            group = records.new_group_id()
            records.restore(s, "attachment", args.id, actor=ctx.actor(), group_id=group)
            info = attachments.get(s, args.id)
        ctx.emit({"restored": args.id, "undo_group": group})
        what = _what(args, info.owner_kind, info.owner_id)
        ctx.out(_say(args, "restored", name=info.file_name, what=what, group=group))
        return 0
    if args.action == "remove":
        with unit_of_work(ctx.engine()) as s:
            info = attachments.get(s, args.id)
            group = attachments.remove(s, args.id, actor=ctx.actor())
        ctx.emit({"removed": args.id, "undo_group": group})
        ctx.out(_say(args, "removed", name=info.file_name, group=group))
        return 0
    target = (args.output or Path.cwd()).expanduser()
    with read_session(ctx.engine()) as s:
        try:
            written = attachments.write_to(s, args.id, target)  # (a missing folder is refused there)
        except NotWritten as exc:  # in the CLI's language: the locale's
            from app.language import cli_language

            raise UserError(exc.text(cli_language(getattr(args, "lang", None)))) from None
    ctx.emit({"id": args.id, "file": str(written), "size": written.stat().st_size})
    ctx.out(_say(args, "saved", path=written))
    return 0
