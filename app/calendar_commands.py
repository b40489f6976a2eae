"""``ketnoi export-ics``, ``ketnoi export-vcard`` and the .ics half of ``ketnoi import FILE``.

    ketnoi export-ics ketnoi.ics                         # every upcoming meeting + open actions (or -o FILE)
    ketnoi export-ics tuan.ics --preset week --organisation NIC  # the meetings `meeting list` shows so
    ketnoi export-ics --meeting 12 --meeting 14 --reminders none -o hop.ics   # (default: their follow-ups)
    ketnoi export-ics --reminders todo                   # actions as VTODO tasks (not Google)
    ketnoi export-vcard -o danh-ba.vcf [--contact 7 …] [--version 4.0] [--notes] [--confidential]
    ketnoi import "Họp Genetica.ics" [--create-contacts] [--dry-run] [--even-if-logged]
    ketnoi import danh-ba.vcf                            # through the import pipeline

Exported files are written whole or not at all (a temporary file renamed into place).
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import calendars, vcards
from app.calendar_refusals import NotAnInvitation
from app.cli import CliContext, json_option
from app.cli_lines import refused
from app.errors import UserError
from app.written import NotWritten, check_folder, write_whole
from db import models as m
from db.engine import read_session, unit_of_work
from db.paths import not_ordinary

CANCEL_LINES: dict[str, tuple[str, str]] = {
    "cancelled": (
        "Meeting '{title}' on {when} cancelled by the organiser: moved to the trash",
        "Cuộc họp '{title}' ngày {when} đã bị người tổ chức huỷ: đã chuyển vào thùng rác",
    ),
    "not_found": (
        "{file}: the organiser cancelled '{title}' on {when}, a meeting not in Ketnoi: skipped, nothing imported",
        "{file}: người tổ chức đã huỷ '{title}' ngày {when}, một cuộc họp không có trong Ketnoi: "
        "bỏ qua, không nhập gì",
    ),
    "outdated": (
        "{file}: this cancellation of '{title}' on {when} is older than the invitation Ketnoi holds "
        "(the organiser has sent a newer one since): nothing changed",
        "{file}: lệnh huỷ '{title}' ngày {when} này cũ hơn lời mời Ketnoi đang có (người tổ chức đã "
        "gửi lời mời mới hơn): không thay đổi gì",
    ),
    "took_place": (
        "Meeting '{title}' on {when} cancelled by the organiser, but it took place (minutes, decisions "
        "or follow-up actions are logged): left as it is",
        "Cuộc họp '{title}' ngày {when} bị người tổ chức huỷ, nhưng cuộc họp đã diễn ra (đã ghi biên bản, "
        "kết luận hoặc việc cần làm): giữ nguyên",
    ),
    "in_trash": (
        "Meeting '{title}' on {when} cancelled by the organiser: it is in the trash already, nothing changed",
        "Cuộc họp '{title}' ngày {when} bị người tổ chức huỷ: cuộc họp đã ở trong thùng rác, không thay đổi gì",
    ),
    "other_occurrence": (
        "{file}: the organiser cancelled the occurrence on {occurrence} of '{title}'; Ketnoi holds only "
        "the one on {when}: nothing changed",
        "{file}: người tổ chức đã huỷ lần họp ngày {occurrence} của '{title}'; Ketnoi chỉ có lần họp "
        "ngày {when}: không thay đổi gì",
    ),
    "dry_run": ("Dry run, nothing written: {text}", "Chạy thử, chưa ghi gì: {text}"),
    "undo": ("  (undo: ketnoi undo {group})", "  (hoàn tác: ketnoi undo {group})"),
}
"""What ``ketnoi import`` says of an organiser's cancellation (see
:data:`app.calendars.CANCEL_OUTCOMES`), in English and Vietnamese."""
WHEN = "%d/%m/%Y %H:%M"


def cancel_line(inv: calendars.Invitation, plan: calendars.Plan, lang: str, outcome: str = "") -> str:
    """The sentence for a cancellation's outcome (the plan's by default), in ``lang``."""
    code = outcome or plan.cancel
    starts = plan.starts_at if plan.starts_at is not None else inv.starts_at
    return CANCEL_LINES[code][1 if lang == "vi" else 0].format(
        file=inv.file_name or "the file",
        title=plan.title or inv.title,
        when=starts.strftime(WHEN),
        occurrence=(inv.occurrence or inv.starts_at).strftime(WHEN),
    )


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    as_json = json_option()
    p = sub.add_parser(
        "export-ics",
        parents=[common, as_json],
        help="write meetings (every upcoming one by default) and open actions to an .ics calendar file",
    )
    _output_arguments(p, "ketnoi.ics")
    p.add_argument(
        "--meeting",
        type=int,
        action="append",
        metavar="ID",
        help="only this meeting, with its open follow-up actions that have a due date (repeatable)",
    )
    p.add_argument(
        "--reminders",
        choices=calendars.REMINDER_STYLES,
        default="allday",
        help="open actions with a due date as all-day reminder events (default: Google Calendar, "
        "Outlook and Thunderbird all show them), as VTODO tasks (Google Calendar ignores these), or none",
    )
    p.add_argument(
        "--lang",
        choices=("en", "vi"),
        help="words of an action's description (Organisation: … / Tổ chức: …; default: the locale)",
    )
    filters = p.add_argument_group(
        "the meetings `ketnoi meeting list` lists",
        "Any of these: only the meetings `meeting list` shows with the same filters (past ones too), "
        "with their own open follow-ups, as the window's File → Export this list to calendar writes them.",
    )
    from app.record_commands import list_filter_options

    list_filter_options(filters, "meeting", words_option=True)
    p.set_defaults(handler=export_ics_command, entity="meeting")

    p = sub.add_parser(
        "export-vcard", parents=[common, as_json], help="write contacts to a .vcf file (vCard)"
    )
    _output_arguments(p, "ketnoi.vcf")
    p.add_argument(
        "--contact", type=int, action="append", metavar="ID", help="only this contact (repeatable)"
    )
    p.add_argument("--version", choices=vcards.VERSIONS, default="3.0", help="vCard version (default 3.0)")
    p.add_argument("--notes", action="store_true", help="include the contacts' notes (left out by default)")
    p.add_argument(
        "--confidential",
        action="store_true",
        help="with every contact, the confidential ones too (left out by default; a contact "
        "named with --contact is written, marked CLASS:PRIVATE in vCard 3.0)",
    )
    p.set_defaults(handler=export_vcard_command)


def _output_arguments(p: argparse.ArgumentParser, default: str) -> None:
    """The file written: ``ketnoi export-ics FILE.ics`` as the README writes it, or ``-o FILE``."""
    kind = default.rsplit(".", 1)[-1]
    p.add_argument("file", nargs="?", type=Path, metavar=f"FILE.{kind}", help=f"the .{kind} file")
    p.add_argument("-o", "--output", type=Path, help=f"the .{kind} file (default: {default})")
    p.set_defaults(default_output=Path(default))


def output_path(args: argparse.Namespace) -> Path:
    """The file named positionally or with ``-o`` (both: the same one), else the default."""
    if args.file is not None and args.output is not None and args.file != args.output:
        raise refused(
            f"two files named ({args.file} and -o {args.output}): give one",
            f"có hai tệp được nêu ({args.file} và -o {args.output}): hãy chỉ ghi một",
        )
    path: Path = args.file or args.output or args.default_output
    args.output = path
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` in ``path``, whole or not at all (:func:`app.written.write_whole`). A folder is
    refused as the file's name."""
    path = path.expanduser()
    if path.is_dir():
        raise refused(f"{path} is a folder: give a file name", f"{path} là một thư mục: hãy ghi tên tệp")
    write_whole(path, lambda part: part.write_bytes(data))


def _said(exc: NotWritten, args: argparse.Namespace) -> UserError:
    """Why the file was not written, in the CLI's language (the locale; ``--lang`` where given)."""
    from app.language import cli_language

    return UserError(exc.text(cli_language(getattr(args, "lang", None))))


def write_ics(
    engine: Engine,
    path: Path,
    meeting_ids: list[int] | None = None,
    *,
    action_ids: list[int] | None = None,
    reminders: str = "allday",
    lang: str = "vi",
) -> calendars.Exported:
    """:func:`app.calendars.export_ics` written to ``path`` (whole or not at all); ``lang``: the
    words of an action's description ("Tổ chức: …" / "Organisation: …")."""
    check_folder(path.expanduser())  # before the records are read
    with unit_of_work(engine) as s:  # a database without its uuid gets one, kept
        out = calendars.export_ics(s, meeting_ids, action_ids=action_ids, reminders=reminders, lang=lang)
    write_atomically(path, out.data)
    return out


def write_vcf(
    engine: Engine,
    path: Path,
    contact_ids: list[int] | None = None,
    *,
    version: str = "3.0",
    notes: bool = False,
    confidential: bool = False,
) -> vcards.ExportedCards:
    """:func:`app.vcards.export_vcards` written to ``path`` (whole or not at all)."""
    check_folder(path.expanduser())  # before the records are read
    with unit_of_work(engine) as s:
        out = vcards.export_vcards(s, contact_ids, version=version, notes=notes, confidential=confidential)
    write_atomically(path, out.data)
    return out


EXPORT_LINES: dict[str, tuple[str, str]] = {
    "ics": (
        "Wrote {file}: {meetings}, {reminders} as {what}",
        "Đã ghi {file}: {meetings}, {reminders} dưới dạng {what}",
    ),
    "listed": (
        "  {meetings} as `ketnoi meeting list {filters}` lists them, with their own follow-ups",
        "  {meetings} như `ketnoi meeting list {filters}` liệt kê, kèm các việc cần làm của chính các cuộc họp đó",
    ),
    "none_listed": (
        "`ketnoi meeting list {filters}` lists no meetings: {file} was not written",
        "`ketnoi meeting list {filters}` không có cuộc họp nào: chưa ghi {file}",
    ),
    "allday": ("all-day reminders", "lời nhắc cả ngày"),
    "todo": ("tasks", "công việc (VTODO)"),
    "vcard": ("Wrote {file}: {count}, vCard {version}", "Đã ghi {file}: {count}, vCard {version}"),
    "left_out": ("  left out: {why}", "  bỏ qua: {why}"),
    "private": (
        "  {private} marked private (CLASS:PRIVATE: confidential, or naming a confidential record, "
        "the name marked): give the file only to those who may see them in Ketnoi",
        "  {private} được đánh dấu riêng tư (CLASS:PRIVATE: hồ sơ mật, hoặc có nêu tên một hồ sơ mật, "
        "tên đó được đánh dấu): chỉ đưa tệp cho người được xem các hồ sơ đó trong Ketnoi",
    ),
    "withheld": (
        "  left out: {withheld} (--confidential to include them, or name them with --contact)",
        "  bỏ qua: {withheld} (thêm --confidential để ghi cả các liên hệ này, hoặc nêu từng liên hệ với --contact)",
    ),
    "secret_cards": (
        "  it holds {secret}{marked}: give the file only to those who may see them in Ketnoi",
        "  tệp có {secret}{marked}: chỉ đưa tệp cho người được xem các liên hệ đó trong Ketnoi",
    ),
    "marked_private": (", marked CLASS:PRIVATE", ", đánh dấu CLASS:PRIVATE"),
    "unmarked": (" (vCard 4.0 has no mark for them)", " (vCard 4.0 không có cách đánh dấu)"),
}
"""What ``ketnoi export-ics`` and ``export-vcard`` say of the file written, in English and
Vietnamese (``--lang`` where the command has it, else the locale); ``--json`` keeps English.
The numbers come with their nouns (:func:`app.language.count_of`): "1 meeting, 2 open actions"."""
_NOUNS = {
    "meetings": ("meeting", "meetings", "cuộc họp"),
    "reminders": ("open action", "open actions", "việc đang mở"),
    "count": ("contact", "contacts", "liên hệ"),
    "private": ("event", "events", "sự kiện"),
    "withheld": ("confidential contact", "confidential contacts", "liên hệ mật"),
    "secret": ("confidential contact", "confidential contacts", "liên hệ mật"),
}


def _said_export(lang: str, code: str, **values: Any) -> str:
    from app.language import count_of

    for name, noun in _NOUNS.items():
        if name in values:
            values[name] = count_of(values[name], noun, lang)
    return EXPORT_LINES[code][1 if lang == "vi" else 0].format(**values)


def listed_meetings(args: argparse.Namespace, ctx: CliContext) -> list[int] | None:
    """The meetings ``ketnoi meeting list`` shows with the list filters given to ``export-ics``
    (the same options and the same query: :func:`app.record_commands.list_query`), every one
    of them in the list's order; None when no filter is given (every upcoming meeting, or
    ``--meeting``)."""
    from app.record_commands import list_filters_given, list_query

    if not list_filters_given(args):
        return None
    if args.meeting:
        raise refused(
            "--meeting names the meetings, the list's filters choose them: give one or the other",
            "--meeting nêu từng cuộc họp, còn các bộ lọc của danh sách chọn cuộc họp: hãy chỉ dùng một trong hai",
        )
    from app import lists

    with read_session(ctx.engine()) as session:
        return lists.ids(session, list_query(session, args, "meeting"))


def export_ics_command(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.language import cli_language
    from app.record_commands import list_filters_given

    lang = cli_language(args.lang)
    path = output_path(args)
    listed = listed_meetings(args, ctx)
    filters = " ".join(list_filters_given(args))
    if listed is not None and not listed:  # as the window: no file for an empty list
        ctx.emit({"file": None, "meetings": 0, "reminders": 0, "private": 0, "skipped": [], "listed": []})
        ctx.out(_said_export(lang, "none_listed", file=path, filters=filters))
        return 0
    try:
        out = write_ics(
            ctx.engine(),
            path,
            listed if listed is not None else args.meeting,
            reminders=args.reminders,
            lang=lang,
        )
    except NotWritten as exc:
        raise _said(exc, args) from None
    ctx.emit(
        {
            "file": str(args.output),
            "meetings": out.meetings,
            "reminders": out.reminders,
            "private": out.private,
            "skipped": [x.text() for x in out.skipped],
            **({"listed": listed} if listed is not None else {}),
        }
    )
    what = _said_export(lang, "todo" if args.reminders == "todo" else "allday")
    ctx.out(
        _said_export(lang, "ics", file=args.output, meetings=out.meetings, reminders=out.reminders, what=what)
    )
    if listed is not None:  # which list they are (reviewer h129's week, not every upcoming meeting)
        ctx.out(_said_export(lang, "listed", meetings=out.meetings, filters=filters))
    if out.private:  # (reviewer h106: a confidential meeting went out unsaid)
        ctx.out(_said_export(lang, "private", private=out.private))
    for x in out.skipped:
        ctx.out(_said_export(lang, "left_out", why=x.text(lang)))
    return 0


def export_vcard_command(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.language import cli_language

    lang = cli_language(getattr(args, "lang", None))
    try:
        out = write_vcf(
            ctx.engine(),
            output_path(args),
            args.contact,
            version=args.version,
            notes=args.notes,
            confidential=args.confidential,
        )
    except NotWritten as exc:
        raise _said(exc, args) from None
    ctx.emit(
        {
            "file": str(args.output),
            "contacts": out.count,
            "version": args.version,
            "confidential": out.confidential,
            "withheld": out.withheld,
            "skipped": [x.text() for x in out.skipped],
        }
    )
    ctx.out(_said_export(lang, "vcard", file=args.output, count=out.count, version=args.version))
    if out.withheld:  # (reviewer h106: confidential people went to a phone's address book unsaid)
        ctx.out(_said_export(lang, "withheld", withheld=out.withheld))
    if out.confidential:
        mark = _said_export(lang, "marked_private" if args.version == "3.0" else "unmarked")
        ctx.out(_said_export(lang, "secret_cards", secret=out.confidential, marked=mark))
    for x in out.skipped:
        ctx.out(_said_export(lang, "left_out", why=x.text(lang)))
    return 0


def import_ics_command(args: argparse.Namespace, ctx: Any) -> int:
    """``ketnoi import FILE.ics``: the invitation as a planned meeting (or an update of it)."""
    path: Path = args.file
    if not_ordinary(path):  # a pipe or a device: reading it could wait forever
        raise NotAnInvitation("not_ordinary", path.name)
    try:
        if path.stat().st_size > calendars.MAX_ICS_BYTES:
            data = b"\0" * (calendars.MAX_ICS_BYTES + 1)  # refused by size below, without reading it
        else:
            data = path.read_bytes()
    except OSError as exc:
        raise NotAnInvitation("unreadable", path.name, detail=exc.strerror or exc) from None
    inv = calendars.read_ics(data, path.name)
    from app.language import cli_language

    lang = cli_language(getattr(args, "lang", None))
    if inv.cancelled:
        return _import_cancel(args, ctx, inv)
    new_meeting = bool(getattr(args, "even_if_logged", False))
    if args.dry_run:
        with read_session(ctx.engine()) as s:
            plan = calendars.plan_invitation(s, inv, actor=ctx.actor())
        _show_plan(ctx, inv, plan.unlinked() if new_meeting else plan, dry=True, lang=lang)
        return 0
    with unit_of_work(ctx.engine()) as s:
        wanted = [p.email for p in calendars.plan_invitation(s, inv).unknown] if args.create_contacts else []
        result = calendars.import_invitation(
            s, inv, create_contacts=wanted, actor=ctx.actor(), new_meeting=new_meeting
        )
    _show_plan(ctx, inv, result.plan, dry=False, result=result, lang=lang)
    return 0


def _import_cancel(args: argparse.Namespace, ctx: Any, inv: calendars.Invitation) -> int:
    """The organiser's cancellation: never a new meeting (see :func:`app.calendars.import_invitation`)."""
    from app.language import cli_language

    lang = cli_language(getattr(args, "lang", None))
    if args.dry_run:
        with read_session(ctx.engine()) as s:
            plan = calendars.plan_invitation(s, inv)
        status, group = plan.cancel, ""
    else:
        with unit_of_work(ctx.engine()) as s:
            result = calendars.import_invitation(s, inv, actor=ctx.actor())
        plan, status, group = result.plan, result.status, result.group_id
    text = cancel_line(inv, plan, lang, status)
    ctx.emit(
        {
            "status": status,
            "dry_run": bool(args.dry_run),
            "meeting_id": plan.meeting_id,
            "uid": inv.uid,
            "title": plan.title or inv.title,
            "starts_at": plan.starts_at or inv.starts_at,
            "organizer": str(inv.organizer or ""),
            "message": text,
            "undo_group": group,
        }
    )
    ctx.out(CANCEL_LINES["dry_run"][1 if lang == "vi" else 0].format(text=text) if args.dry_run else text)
    if group:
        ctx.out(CANCEL_LINES["undo"][1 if lang == "vi" else 0].format(group=group))
    return 0


PLAN_LINES: dict[str, tuple[str, str]] = {
    "dry": ("Dry run: {file} {target}: {title}, {when}", "Chạy thử: {file} {target}: {title}, {when}"),
    "target_update": ("updates meeting #{id}", "cập nhật cuộc họp #{id}"),
    "target_create": ("creates a planned meeting", "tạo một cuộc họp dự kiến"),
    "outdated_target": (
        "is older than the invitation Ketnoi holds, changes nothing",
        "cũ hơn lời mời Ketnoi đang có, không thay đổi gì",
    ),
    "outdated": (
        "{file}: older than the invitation meeting #{id} came from (the organiser has sent a newer "
        "one since): nothing changed",
        "{file}: cũ hơn lời mời đã tạo cuộc họp #{id} (người tổ chức đã gửi lời mời mới hơn): "
        "không thay đổi gì",
    ),
    "created": ("Meeting #{id} created: {title}, {when}", "Đã tạo cuộc họp #{id}: {title}, {when}"),
    "updated": ("Meeting #{id} updated: {title}, {when}", "Đã cập nhật cuộc họp #{id}: {title}, {when}"),
    "unchanged": (
        "Meeting #{id} unchanged: {title}, {when}",
        "Cuộc họp #{id} không thay đổi: {title}, {when}",
    ),
    "linked": (
        "{said} (meeting #{id}): the invitation is linked to it; its updates and cancellation will "
        "apply to it",
        "{said} (cuộc họp #{id}): lời mời đã được gắn với cuộc họp đó; các cập nhật và việc huỷ "
        "của lời mời sẽ áp dụng cho cuộc họp đó",
    ),
    "dry_linked": (
        "Dry run: {file}: {said} (meeting #{id}): the invitation would be linked to it, and its "
        "updates and cancellation would apply to it (--even-if-logged makes a new meeting instead)",
        "Chạy thử: {file}: {said} (cuộc họp #{id}): lời mời sẽ được gắn với cuộc họp đó, các cập "
        "nhật và việc huỷ của lời mời sẽ áp dụng cho cuộc họp đó (thêm --even-if-logged để tạo cuộc "
        "họp mới)",
    ),
    "kept": ("  kept as logged: {fields}", "  giữ nguyên như đã ghi: {fields}"),
    "change": ("  {field}: {old} → {new}", "  {field}: {old} → {new}"),
    "location": ("  location: {x}", "  địa điểm: {x}"),
    "organiser": ("  organiser: {x}", "  người tổ chức: {x}"),
    "contact": ("  contact #{id} {name} <{email}>", "  liên hệ #{id} {name} <{email}>"),
    "staff": ("  staff #{id} {name} <{email}>", "  cán bộ #{id} {name} <{email}>"),
    "organisation": ("  organisation #{id} {name}", "  tổ chức #{id} {name}"),
    "new_contact": ("  new contact #{id}", "  liên hệ mới #{id}"),
    "unknown": (
        "  not in Ketnoi: {who} (--create-contacts makes contacts of them)",
        "  chưa có trong Ketnoi: {who} (thêm --create-contacts để tạo liên hệ cho họ)",
    ),
    "note": ("  note: {x}", "  lưu ý: {x}"),
}
"""What ``ketnoi import FILE.ics`` says of an invitation, in English and Vietnamese."""
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "title": ("title", "tiêu đề"),
    "starts_at": ("start", "bắt đầu"),
    "ends_at": ("end", "kết thúc"),
    "location": ("location", "địa điểm"),
    "agenda": ("agenda", "chương trình"),
}
"""The fields of :data:`app.calendars.CHANGE_FIELDS`, as a changed one is named."""


def _said_of_plan(key: str, lang: str, **values: Any) -> str:
    return PLAN_LINES[key][1 if lang == "vi" else 0].format(**values)


def _show_plan(
    ctx: Any,
    inv: calendars.Invitation,
    plan: calendars.Plan,
    *,
    dry: bool,
    result: Any = None,
    lang: str = "en",
) -> None:
    links = plan.meeting_id is None and plan.logged is not None
    status = (
        result.status
        if result is not None
        else ("updates" if plan.meeting_id else "links" if links else "creates")
    )
    mid = result.meeting_id if result is not None else plan.meeting_id
    organisations = _organisation_names(ctx, mid) if result is not None and mid else []
    ctx.emit(
        {
            "status": status,
            "meeting_id": mid,
            "uid": inv.uid,
            "title": inv.title,
            "starts_at": inv.starts_at,
            "ends_at": inv.ends_at,
            "location": inv.location,
            "organizer": str(inv.organizer or ""),
            "matched": [{"contact_id": c, "name": n, "email": p.email} for p, c, n in plan.matched],
            "staff": [{"staff_id": c, "name": n, "email": p.email} for p, c, n in plan.staff],
            "unknown": [{"name": p.name, "email": p.email} for p in plan.unknown],
            "changes": [{"field": f, "old": o, "new": n} for f, o, n in plan.changes],
            "organisations": [{"organisation_id": i, "name": n} for i, n in organisations],
            "created_contacts": result.created if result is not None else [],
            "warnings": result.warnings if result is not None else inv.warnings,
            "undo_group": result.group_id if result is not None else "",
            "already_logged": None
            if plan.logged is None or not links
            else {"meeting_id": plan.logged.meeting_id, "title": plan.logged.title, "by": plan.logged.by},
            "kept": list(plan.kept),
        }
    )
    say = functools.partial(_said_of_plan, lang=lang)
    head, more = _heading(inv, plan, dry=dry, result=result, lang=lang)
    ctx.out(head)
    if not more:
        return
    for name, old, new in plan.changes:
        ctx.out(say("change", field=FIELD_WORDS[name][1 if lang == "vi" else 0], old=old, new=new))
    if plan.kept:
        ctx.out(say("kept", fields=", ".join(FIELD_WORDS[f][1 if lang == "vi" else 0] for f in plan.kept)))
    if inv.location:
        ctx.out(say("location", x=inv.location))
    if inv.organizer is not None:
        ctx.out(say("organiser", x=inv.organizer))
    for p, c, n in plan.matched:
        ctx.out(say("contact", id=c, name=n, email=p.email))
    for p, c, n in plan.staff:
        ctx.out(say("staff", id=c, name=n, email=p.email))
    for oid, name in organisations:
        ctx.out(say("organisation", id=oid, name=name))
    for cid in result.created if result is not None else []:
        ctx.out(say("new_contact", id=cid))
    for p in plan.unknown:
        ctx.out(say("unknown", who=p))
    notes = result.notes if result is not None else inv.notes
    for note in notes:
        ctx.out(say("note", x=calendars.note_text(note, lang)))
    if result is not None and result.status not in ("unchanged", "outdated"):
        ctx.out(CANCEL_LINES["undo"][1 if lang == "vi" else 0].format(group=result.group_id))


def _heading(
    inv: calendars.Invitation, plan: calendars.Plan, *, dry: bool, result: Any, lang: str
) -> tuple[str, bool]:
    """The first line said of an invitation imported (or, ``dry``, to be), and whether its
    details follow (not for an older invitation than the one Ketnoi holds: nothing changes)."""
    say = functools.partial(_said_of_plan, lang=lang)
    when = inv.starts_at.strftime("%d/%m/%Y %H:%M")
    outdated = plan.meeting_id is not None and plan.sequence is not None and inv.sequence < plan.sequence
    if dry and outdated:  # what the import would say: nothing changes, no change to list
        return say(
            "dry", file=inv.file_name, target=say("outdated_target"), title=inv.title, when=when
        ), False
    logged = plan.logged if plan.meeting_id is None else None
    if dry and logged is not None:
        return say("dry_linked", file=inv.file_name, said=logged.sentence(lang), id=logged.meeting_id), True
    title = plan.title if plan.meeting_id is not None and "title" in plan.kept else inv.title
    if dry:
        target = say("target_update", id=plan.meeting_id) if plan.meeting_id else say("target_create")
        return say("dry", file=inv.file_name, target=target, title=title, when=when), True
    if result.status == "linked" and logged is not None:
        return say("linked", said=logged.sentence(lang), id=result.meeting_id), True
    if result.status == "outdated":
        return say("outdated", file=inv.file_name, id=result.meeting_id), False
    return say(result.status, id=result.meeting_id, title=result.title, when=when), True


def _organisation_names(ctx: Any, meeting_id: int) -> list[tuple[int, str]]:
    """The organisations the meeting is linked to, in order (the organiser's first)."""
    from app import records

    with read_session(ctx.engine()) as s:
        ids = records.get(s, "meeting", meeting_id).get("organisation_ids") or []
        rows = [s.get(m.Organisation, i) for i in ids]
        return [(int(o.id), o.name) for o in rows if o is not None and o.id is not None]
