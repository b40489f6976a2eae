"""``ketnoi letter …``: the register of official letters, and drafting them.

    ketnoi letter add --subject "Giới thiệu Genetica" --organisation Genetica --template introduction
    ketnoi letter add --incoming --reference 45/BKHCN-HTQT --date 01/11/2026 --from "Bộ KH&CN" \\
        --subject "Đề nghị cử cán bộ" --reply-by "+5 working days"
    ketnoi letter sign 3                   # takes the register's next number: 125/NIC-HTQT
    ketnoi letter status 3 sent
    ketnoi letter attach 3 scan-125.pdf   # the signed scan
    ketnoi letter list --year 2026 --direction outgoing
    ketnoi letter list --overdue           # incoming letters whose reply is late
    ketnoi letter show 3
    ketnoi letter draft 3 -o thu.docx [--lang en] [--pdf thu.pdf]
    ketnoi letter draft action:12 -o thu.docx   # from a letter action (a draft is registered)
    ketnoi letter draft meeting:4 -o cam-on.docx [--template invitation] [--to NVIDIA]
    ketnoi letter office --set name_en="NATIONAL INNOVATION CENTER"
    ketnoi letter templates [--copy introduction.vi]
    ketnoi letter start-at NIC-HTQT 124 --year 2026   # the last number given on paper

The rules are :mod:`app.letters.register`'s; the layout :mod:`app.letters.draft`'s.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import shutil
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app import history, records, resolve, validation, workdays
from app.calendar_marks import marked
from app.cli import CliContext, json_option
from app.cli_lines import field_problem_vi
from app.due import parse_due
from app.errors import UserError
from app.letters import draft as drafting
from app.letters import office, wording
from app.letters import register as reg
from app.letters.cli_words import field, language, refused, say, status
from app.letters.fields import check_symbol
from app.written import NotWritten, check_folder
from db import clock
from db import models as m
from db.engine import read_session, unit_of_work

_TARGET = re.compile(r"^\s*(?:(letter|action|meeting|l|a|m)\s*[:#]?\s*)?(\d{1,12})\s*$", re.IGNORECASE)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]
    p = sub.add_parser("letter", parents=parents, help="official letters: the register, numbers, drafts")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB")

    v = verbs.add_parser("add", parents=parents, help="register a letter (outgoing: a draft)")
    v.add_argument("--subject", required=True, help="what it is about (trích yếu)")
    v.add_argument("--subject-en", help="the subject in English, for the --lang en draft")
    v.add_argument("--incoming", action="store_true", help="a letter we received")
    v.add_argument("--reference", help="incoming: its number and symbol as written, e.g. 45/BKHCN-HTQT")
    v.add_argument("--date", help="incoming: its date")
    v.add_argument("--organisation", "--from", "--to", dest="organisation", metavar="NAME_OR_ID")
    v.add_argument("--contact", metavar="NAME_OR_ID", help="the person it is addressed to or from")
    v.add_argument("--addressee", help='"Kính gửi" written out, when neither contact nor organisation fits')
    v.add_argument(
        "--post",
        metavar="POST_ID",
        help="addressed to a post: drafted to its holder on the day (ketnoi post list)",
    )
    v.add_argument("--template", choices=drafting.TEMPLATES, help="the kind of letter (default other)")
    v.add_argument("--action", metavar="ID", help="the action it answers or creates")
    v.add_argument("--meeting", metavar="TITLE_OR_ID", help="the meeting it belongs to")
    v.add_argument("--reply-to", metavar="LETTER_ID", help="the letter it answers (marked replied)")
    v.add_argument("--reply-by", metavar="DATE", help="incoming: reply deadline (a date or +5 working days)")
    v.add_argument("--symbol", help="outgoing: the register's symbol (default the office's, e.g. NIC-HTQT)")
    v.add_argument("--signer-title", help='e.g. "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC"')
    v.add_argument("--signer-name")
    v.add_argument("--copy", action="append", default=[], help='a "Nơi nhận" line besides the addressee')
    v.add_argument("--body", help="the text, instead of the template's (paragraphs: blank lines)")
    v.add_argument("--owner", metavar="STAFF", help="our officer in charge")
    v.add_argument("--notes")
    v.set_defaults(handler=cmd_add)

    v = verbs.add_parser("list", parents=parents, help="letters, newest first")
    v.add_argument("--direction", choices=m.LETTER_DIRECTIONS)
    v.add_argument("--status", choices=m.LETTER_STATUSES)
    v.add_argument("--year", type=int)
    v.add_argument("--organisation", metavar="NAME_OR_ID")
    v.add_argument("--overdue", action="store_true", help="incoming letters whose reply deadline passed")
    v.add_argument("--limit", type=int, default=200)
    v.add_argument("words", nargs="*", help="words of the number, subject or addressee (accents optional)")
    v.set_defaults(handler=cmd_list)

    v = verbs.add_parser("show", parents=parents, help="one letter and its history")
    v.add_argument("letter", metavar="ID")
    v.set_defaults(handler=cmd_show)

    v = verbs.add_parser("sign", parents=parents, help="sign a draft: it takes the register's next number")
    v.add_argument("letter", metavar="ID")
    v.add_argument("--on", metavar="DATE", help="the date of signing (default today)")
    v.add_argument("--symbol", help="another register than the letter's")
    v.set_defaults(handler=cmd_sign)

    v = verbs.add_parser("status", parents=parents, help="mark a letter sent or replied")
    v.add_argument("letter", metavar="ID")
    v.add_argument("status", choices=("sent", "replied", "received"))
    v.set_defaults(handler=cmd_status)

    v = verbs.add_parser("delete", parents=parents, help="to the trash (a signed letter keeps its number)")
    v.add_argument("letter", metavar="ID")
    v.set_defaults(handler=cmd_delete)

    v = verbs.add_parser("attach", parents=parents, help="attach the signed scan (or any file) to a letter")
    v.add_argument("letter", metavar="ID")
    v.add_argument("files", nargs="+", type=Path, metavar="FILE")
    v.set_defaults(handler=cmd_attach)

    v = verbs.add_parser(
        "draft", parents=parents, help="write the letter as .docx (and PDF) in the state layout"
    )
    v.add_argument("target", metavar="ACTION_OR_LETTER_ID", help="a letter id, or action:ID / meeting:ID")
    v.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    # (not args.lang: that is the CLI's language, its errors' too: app.cli._vietnamese)
    v.add_argument("--lang", dest="letter_lang", choices=drafting.LANGS, default="vi")
    v.add_argument(
        "--template",
        choices=drafting.TEMPLATES,
        help="another body than the letter's kind; for meeting:ID, which of its letters "
        "(default: thanks once it has begun, invitation before)",
    )
    v.add_argument(
        "--to",
        metavar="ORG",
        help="the organisation it is written to (default for meeting:ID: the first one met besides ours)",
    )
    v.add_argument("--pdf", metavar="FILE.pdf", help="a PDF too")
    v.add_argument("--engine", choices=("auto", "libreoffice", "reportlab"), default="auto")
    # a letter tied to no meeting that invites to an event: what its body would leave blank
    v.add_argument(
        "--event",
        metavar="NAME",
        help='what it invites to, as the letter says it ("the Vietnam Innovation Week")',
    )
    v.add_argument("--event-time", metavar='"DD/MM/YYYY HH:MM"', help="when the event starts")
    v.add_argument("--event-place", metavar="PLACE", help="where (default: to be confirmed)")
    v.set_defaults(handler=cmd_draft)

    v = verbs.add_parser("office", parents=parents, help="the office's names, place, symbol and signer")
    v.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help=", ".join(office.FIELDS))
    v.set_defaults(handler=cmd_office)

    v = verbs.add_parser("templates", parents=parents, help="where the body templates are; copy one to edit")
    v.add_argument("--copy", metavar="NAME.LANG", help="copy a shipped template to the office's folder")
    v.set_defaults(handler=cmd_templates)

    v = verbs.add_parser("start-at", parents=parents, help="the last number given before Ketnoi")
    v.add_argument("symbol")
    v.add_argument("last", type=int)
    v.add_argument("--year", type=int)
    v.set_defaults(handler=cmd_start_at)


_NOUNS_VI = {"letter": "công văn", "action": "việc", "post": "chức vụ"}


def _id(text: str, what: str = "letter") -> int:
    try:
        value = int(str(text).strip().lstrip("#"))
    except ValueError:
        value = 0
    if value <= 0:
        raise refused(
            f"{what} {text!r}: give its number (see ketnoi letter list)",
            f"{_NOUNS_VI.get(what, what)} {text!r}: hãy ghi số thứ tự (xem ketnoi letter list)",
        )
    return value


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    with unit_of_work(ctx.engine()) as s:
        prof = office.load_profile(s)
        values: dict[str, Any] = {
            "direction": "incoming" if args.incoming else "outgoing",
            "subject": args.subject,
            "subject_en": args.subject_en or "",
            "template": args.template or "other",
            "addressee": args.addressee or "",
            "signer_title": args.signer_title.replace("\\n", "\n") if args.signer_title else "",
            "signer_name": args.signer_name or "",
            "recipients_copy": "\n".join(args.copy),
            "body": (args.body or "").replace("\\n", "\n"),
            "notes": args.notes or "",
        }
        if args.organisation:
            values["organisation_id"] = resolve.resolve(s, "organisation", args.organisation)
        if args.contact:
            values["contact_id"] = resolve.resolve(s, "contact", args.contact)
        if args.owner:
            values["owner_id"] = resolve.resolve(s, "staff", args.owner)
        if args.meeting:
            values["meeting_id"] = resolve.resolve(s, "meeting", args.meeting)
        if args.action:
            values["action_id"] = _id(args.action, "action")
        if args.post:
            values["post_id"] = _id(args.post, "post")
        if args.reply_to:
            values["reply_to_id"] = _id(args.reply_to)
        if args.incoming:
            if not args.reference:
                raise refused(
                    "an incoming letter needs --reference (its number and symbol as written)",
                    "công văn đến cần có --reference (số và ký hiệu như ghi trên công văn)",
                )
            values["reference"] = args.reference
            values["letter_date"] = args.date or clock.today()
            if args.reply_by:
                try:
                    base = validation.date(values["letter_date"]) if args.date else clock.today()
                except validation.FieldError:
                    base = None  # (the save refuses the date, naming the field: it was a traceback)
                if base is not None:
                    values["reply_due"] = parse_due(args.reply_by, base, workdays.load_calendar(s))
        else:
            if args.reference or args.date or args.reply_by:
                raise refused(
                    "--reference, --date and --reply-by are for incoming letters; ours get them when signed",
                    "--reference, --date và --reply-by chỉ dành cho công văn đến; công văn đi có số và "
                    "ngày khi được ký",
                )
            values["symbol"] = check_symbol(args.symbol or prof.symbol)
        letter_id = reg.add_letter(s, values, actor=actor)
        shown = reg.get_letter(s, letter_id)
    ctx.emit({"id": letter_id, "letter": _plain(shown)})
    lang = language()
    ctx.out(say("registered", lang, id=letter_id, line=_line(shown, lang)))
    return 0


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: x for k, x in values.items() if k not in ("search_text", "deleted_at", "import_batch_id")}


def _line(r: dict[str, Any], lang: str) -> str:
    """A letter on one line: number, date, status, subject (marked "(Confidential)" / "(Mật)"
    when confidential, as the briefs and calendars mark a confidential record and the window
    shows its lock: ``letter list`` and ``letter show`` printed it unmarked), its addressee."""
    ref = r.get("reference") or say("no_number", lang)
    when = f"{r['letter_date']:%d/%m/%Y}" if r.get("letter_date") else "—"
    arrow = "→" if r["direction"] == "outgoing" else "←"
    who = r.get("organisation") or r.get("contact") or ""
    late = ""
    if r.get("reply_due") and r["status"] == "received":
        late = say("reply_by", lang, date=f"{r['reply_due']:%d/%m/%Y}")
    state = f"{status(r['status'], lang):<{10 if lang == 'vi' else 8}}"
    subject = marked(r["subject"], bool(r.get("confidential")), lang)
    return f"{arrow} {ref:<18} {when:<10} {state} {subject}" + (f" — {who}" if who else "") + late


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with read_session(ctx.engine()) as s:
        org = resolve.resolve(s, "organisation", args.organisation) if args.organisation else None
        rows = reg.list_letters(
            s,
            direction=args.direction,
            status=args.status,
            year=args.year,
            organisation_id=org,
            text=" ".join(args.words),
            overdue_on=clock.today() if args.overdue else None,
            limit=max(args.limit, 0),
        )
    ctx.emit({"letters": rows})
    lang = language()
    if not rows:
        ctx.out(say("none_match", lang))
    for r in rows:
        ctx.out(f"#{r['id']:<5} {_line(r, lang)}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    letter_id = _id(args.letter)
    with read_session(ctx.engine()) as s:
        shown = reg.get_letter(s, letter_id)
        changes = records.history(s, "letter", letter_id)
        entries = history.record_history(s, "letter", letter_id)
    ctx.emit({"letter": _plain(shown), "history": changes})
    lang = language()
    ctx.out(f"#{letter_id} {_line(shown, lang)}")
    for key in ("addressee", "signer_title", "signer_name", "recipients_copy", "notes"):
        if shown.get(key):
            ctx.out(f"  {field(key, lang)}: {shown[key]}")
    for key in ("action_id", "meeting_id", "reply_to_id"):
        if shown.get(key):
            ctx.out(f"  {field(key.removesuffix('_id'), lang)}: #{shown[key]}")
    if entries:
        ctx.out(say("history", lang))
    for e in entries:  # as `ketnoi history letter ID` words them
        by = say("by", lang, actor=e.actor) if e.actor else ""
        ctx.out(f"    {clock.local(e.at):%d/%m/%Y %H:%M}{by}  {history.describe(e, lang, 'letter')}")
    return 0


def cmd_sign(args: argparse.Namespace, ctx: CliContext) -> int:
    letter_id = _id(args.letter)
    on = validation.date(args.on) if args.on else None
    with unit_of_work(ctx.engine()) as s:
        before = reg.get_letter(s, letter_id)
        action = s.get(m.Action, before["action_id"]) if before.get("action_id") else None
        was = action.reference if action is not None else ""
        reference = reg.sign(s, letter_id, on=on, symbol=args.symbol, actor=ctx.actor())
        shown = reg.get_letter(s, letter_id)
        now = action.reference if action is not None else ""
    ctx.emit({"id": letter_id, "reference": reference, "letter": _plain(shown)})
    lang = language()
    ctx.out(say("signed", lang, id=letter_id, reference=reference, date=f"{shown['letter_date']:%d/%m/%Y}"))
    if action is not None and now != was:
        ctx.out(
            say("action_reads", lang, id=action.id, now=now)
            + (say("action_was", lang, was=was) if was else "")
        )
    return 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    letter_id = _id(args.letter)
    with unit_of_work(ctx.engine()) as s:
        reg.set_status(s, letter_id, args.status, actor=ctx.actor())
        shown = reg.get_letter(s, letter_id)
    ctx.emit({"id": letter_id, "letter": _plain(shown)})
    lang = language()
    ctx.out(say("status", lang, id=letter_id, status=status(args.status, lang)))
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    letter_id = _id(args.letter)
    with unit_of_work(ctx.engine()) as s:
        reg.get_letter(s, letter_id)
        records.delete(s, "letter", letter_id, actor=ctx.actor())
    ctx.emit({"id": letter_id, "deleted": True})
    ctx.out(say("deleted", language(), id=letter_id))
    return 0


def cmd_attach(args: argparse.Namespace, ctx: CliContext) -> int:
    from app import attachments

    letter_id = _id(args.letter)
    prepared = [attachments.prepare_file(f) for f in args.files]  # every file checked first
    with unit_of_work(ctx.engine()) as s:
        reg.get_letter(s, letter_id)
        group, ids = attachments.attach_many(s, "letter", letter_id, prepared, actor=ctx.actor())
    ctx.emit({"letter_id": letter_id, "attachments": ids, "undo_group": group})
    lang = language()
    for i, f in zip(ids, prepared, strict=True):
        ctx.out(say("attached", lang, att=i, name=f.name, id=letter_id))
    ctx.out(say("undo", lang, group=group))
    return 0


def letter_for(
    session: Session, target: str, *, template: str | None = None, to: int | None = None, actor: str = ""
) -> int:
    """The letter to draft for ``target``: a letter id; or ``action:ID`` / ``meeting:ID``
    (:func:`app.letters.register.letter_for_record`); ``to``: the organisation it is written to —
    for a letter of a meeting or an action, that record's letter to ``to`` (a new draft if there
    is none; the letter named stays as it is); for another letter, its draft readdressed."""
    match = _TARGET.match(target)
    if not match:
        raise refused(
            f"{target!r}: give a letter id, action:ID or meeting:ID",
            f"{target!r}: hãy ghi số thứ tự công văn, hoặc action:SỐ hay meeting:SỐ",
        )
    kind = (match.group(1) or "letter").lower()[0]
    ident = int(match.group(2))
    if kind == "l":
        try:
            letter = reg.get_letter(session, ident)
        except UserError as exc:
            if match.group(1):
                raise
            raise refused(
                f"{exc} An action's or a meeting's letter is drafted with action:{ident} or "
                f"meeting:{ident} (ketnoi letter draft action:{ident} -o thu.docx); "
                "the registered letters: ketnoi letter list.",
                f"{getattr(exc, 'vi', '') or exc} Công văn của một việc hay một cuộc họp được soạn "
                f"bằng action:{ident} hoặc meeting:{ident} (ketnoi letter draft action:{ident} -o "
                "thu.docx); các công văn đã vào sổ: ketnoi letter list.",
            ) from None
        if to is not None and to != letter.get("organisation_id"):
            source = ("action", letter["action_id"]) if letter.get("action_id") else None
            if source is None and letter.get("meeting_id"):
                source = ("meeting", letter["meeting_id"])
            if source is not None and letter["direction"] == "outgoing":  # its record's letter to `to`
                kind_of = letter.get("template") if source[0] == "meeting" else None
                return reg.letter_for_record(
                    session, source[0], int(source[1]), template=template or kind_of, to=to, actor=actor
                )
            reg.readdress(session, ident, to, actor=actor)
        return ident
    return reg.letter_for_record(
        session, "action" if kind == "a" else "meeting", ident, template=template, to=to, actor=actor
    )


def _addressee_note(
    session: Session, letter_id: int, doc: drafting.LetterDoc, chosen: bool, lang: str
) -> str:
    """ "To: …", and for a meeting's letter with several organisations met, which one was taken
    and how to take another."""
    line = f"{doc.to_label} {'; '.join(doc.addressee)}"
    letter = reg.get_letter(session, letter_id)
    action = session.get(m.Action, letter["action_id"]) if letter.get("action_id") else None
    if not chosen and action is not None and letter.get("organisation_id") != action.organisation_id:
        recorded = session.get(m.Organisation, action.organisation_id) if action.organisation_id else None
        target = wording.action_target(session, action, [i for i in (action.organisation_id,) if i])
        if target is not None and target.id == letter.get("organisation_id"):
            under = say("recorded_under", lang, name=recorded.name) if recorded else ""
            return say("named_in_title", lang, line=line, id=action.id, under=under)
    if chosen or not letter.get("meeting_id") or letter.get("action_id"):
        return line
    others = reg.meeting_addressees(session, int(letter["meeting_id"]))
    if len(others) < 2:
        return line
    names = ", ".join(name for _, name in others)
    first = letter.get("organisation_id") == others[0][0]
    return say("first_met_besides_ours" if first else "met_besides_ours", lang, line=line, names=names)


def _what_for(session: Session, letter_id: int, target: str, lang: str) -> str:
    """ " (action #3: its title)" — what the drafted letter is for; after a bare number (a
    letter's id) that is also an action's, how to draft that action's letter (reviewer: "letter
    draft 1" meant action 1, redrafted letter #1 of action 3 and said only "Letter #1")."""
    letter = reg.get_letter(session, letter_id)
    parts = []
    action = session.get(m.Action, letter["action_id"]) if letter.get("action_id") else None
    meeting = session.get(m.Meeting, letter["meeting_id"]) if letter.get("meeting_id") else None
    if action is not None:
        parts.append(say("for_action", lang, id=action.id, title=action.title))
    elif meeting is not None:
        parts.append(say("for_meeting", lang, id=meeting.id, title=meeting.title))
    if target.strip().isdigit() and letter.get("action_id") != letter_id:
        other = session.get(m.Action, letter_id)
        if other is not None and other.deleted_at is None:
            parts.append(say("bare_number", lang, id=letter_id))
    return f" ({'; '.join(parts)})" if parts else ""


def withheld_line(session: Session, letter_id: int, doc: drafting.LetterDoc, lang: str) -> str:
    """What the draft left out of a confidential record, in ``lang``; "" when nothing."""
    if not doc.withheld:
        return ""
    letter = reg.get_letter(session, letter_id)
    action = letter.get("action_id")
    ident = action if doc.withheld == "action" else letter.get("meeting_id")
    if doc.withheld == "action" and not action:
        return ""
    return say(f"withheld_{doc.withheld}", lang, id=ident)


def _event(args: argparse.Namespace) -> drafting.Event | None:
    """``--event``, ``--event-time``, ``--event-place``: None when none is given."""
    name, when, place = args.event or "", args.event_time or "", args.event_place or ""
    if not (name or when or place):
        return None
    starts = None
    if when:
        try:
            starts = validation.datetime_(when) if re.search(r"\d:\d\d\s*$", when) else None
        except validation.FieldError:
            starts = None
        if starts is None:
            raise refused(
                f'--event-time {when!r}: write the day and the hour, "09/12/2026 08:30"',
                f'--event-time {when!r}: hãy ghi ngày và giờ, "09/12/2026 08:30"',
            )
    return drafting.Event(name.strip(), starts, place.strip())


def cmd_draft(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.output)
    lang = language()  # the CLI's (--lang is the letter's)
    if out.suffix.lower() != ".docx":
        raise refused(
            f"-o {out}: the draft is a Word file; name it .docx",
            f"-o {out}: bản dự thảo là tệp Word; hãy đặt tên tệp có đuôi .docx",
        )
    try:
        for chosen in (out, Path(args.pdf)) if args.pdf else (out,):
            check_folder(chosen)  # before a letter is made for action:ID / meeting:ID
        with unit_of_work(ctx.engine()) as s:
            to = resolve.resolve(s, "organisation", args.to) if args.to else None
            letter_id = letter_for(s, args.target, template=args.template, to=to, actor=ctx.actor())
            doc = drafting.letter_doc(
                s, letter_id, lang=args.letter_lang, template=args.template, event=_event(args)
            )
            note = _addressee_note(s, letter_id, doc, chosen=to is not None, lang=lang)
            about = _what_for(s, letter_id, args.target, lang)
            held = withheld_line(s, letter_id, doc, lang)
        drafting.write_docx(doc, out)
        result: dict[str, Any] = {"letter_id": letter_id, "docx": str(out), **drafting.describe(doc)}
        ctx.out(say("drafted", lang, id=letter_id, about=about, path=out))
        ctx.out(note)
        if held:
            ctx.out(held)
        if args.pdf:
            pdf, engine = drafting.write_pdf(doc, Path(args.pdf), engine=args.engine)
            result.update(pdf=str(pdf), pdf_engine=engine)
            ctx.out(say("pdf", lang, engine=engine, path=pdf))
    except NotWritten as exc:  # in the CLI's language, the locale's (--lang is the letter's)
        raise UserError(exc.text(lang)) from None
    ctx.emit(result)
    return 0


def cmd_office(args: argparse.Namespace, ctx: CliContext) -> int:
    changes: dict[str, str] = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise refused(
                f"--set {item!r}: write FIELD=VALUE (fields: {', '.join(office.FIELDS)})",
                f"--set {item!r}: hãy viết TRƯỜNG=GIÁ_TRỊ (các trường: {', '.join(office.FIELDS)})",
            )
        changes[key.strip()] = value.replace("\\n", "\n")
    unknown = sorted(set(changes) - set(office.FIELDS))
    if unknown:  # (office.save_profile's ValueError, with its Vietnamese)
        raise refused(
            f"unknown office fields: {', '.join(unknown)}; one of {', '.join(office.FIELDS)}",
            f"không có trường {', '.join(unknown)} trong thông tin cơ quan; các trường: {', '.join(office.FIELDS)}",
        )
    with unit_of_work(ctx.engine()) as s:
        try:
            prof = office.save_profile(s, changes) if changes else office.load_profile(s)
        except validation.FieldError as exc:  # (the office's e-mail: in the CLI's language)
            raise refused(f"email: {exc}", f"email: {field_problem_vi(str(exc))}") from None
        except ValueError as exc:
            raise UserError(str(exc)) from None
    values = dataclasses.asdict(prof)
    ctx.emit({"office": values})
    for k, x in values.items():
        ctx.out(f"{k:<16} {x!s}".replace("\n", " / "))
    return 0


def cmd_templates(args: argparse.Namespace, ctx: CliContext) -> int:
    own, shipped = drafting.office_template_dir(), drafting.shipped_template_dir()
    if args.copy:
        kind, _, lang = args.copy.partition(".")
        source = shipped / f"{kind}.{lang or 'vi'}.txt"
        drafting.template_path(kind, lang or "vi")  # names the choices on a typo
        own.mkdir(parents=True, exist_ok=True)
        target = own / source.name
        if target.exists():
            raise refused(f"{target} exists already; edit it there", f"{target} đã có sẵn; hãy sửa tại đó")
        shutil.copyfile(source, target)
        ctx.out(say("copied", language(), path=target))
    rows = [
        {
            "template": k,
            "lang": lang,
            "path": str(drafting.template_path(k, lang)),
            "office": (own / f"{k}.{lang}.txt").is_file(),
        }
        for k in drafting.TEMPLATES
        for lang in drafting.LANGS
    ]
    ctx.emit({"office_dir": str(own), "shipped_dir": str(shipped), "templates": rows})
    lang = language()
    ctx.out(say("template_dirs", lang, own=own, shipped=shipped))
    for r in rows:
        whose = say("office_copy" if r["office"] else "shipped_copy", lang)
        ctx.out(f"  {r['template']}.{r['lang']:<3} {whose} {r['path']}")
    return 0


def cmd_start_at(args: argparse.Namespace, ctx: CliContext) -> int:
    year = args.year or clock.today().year
    if args.last < 0:
        raise refused("the last number given is 0 or more", "số cuối cùng đã cấp phải từ 0 trở lên")
    with unit_of_work(ctx.engine()) as s:
        reg.start_register_at(s, year, args.symbol, args.last)
    ctx.emit({"year": year, "symbol": args.symbol.upper(), "last_number": args.last})
    ctx.out(say("start_at", language(), symbol=args.symbol.upper(), year=year, number=f"{args.last + 1:02d}"))
    return 0
