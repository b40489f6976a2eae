"""``ketnoi log-meeting``: the Log meeting dialog from the command line, saved the same way
(:func:`app.meetings.save_meeting`, one unit of work: the meeting, new people and organisations
and the follow-ups, or nothing).

    ketnoi log-meeting --title "Làm việc với NIC" --at "2026-12-10 14:00" \\
        --organisation NIC --attendee "Nguyễn Thị Hồng Nhung" --new-attendee "Trần Văn Bình" \\
        --staff "Trần Minh Quân" \\
        --follow-up "Gửi thư giới thiệu;due=+1w;we-owe;who=Nhung" \\
        --follow-up "Issue introduction letter to Genetica;org=Genetica;who=Hùng"
    ketnoi log-meeting --from-file meeting.json

A follow-up is ``WHAT;due=WHEN;we-owe|they-owe;who=NAME;org=NAME`` (all but WHAT optional): a
relative due date counts from the meeting's day; without ``due=``, a deadline at the end of WHAT
("Gửi thư giới thiệu trước thứ sáu", "Call back by tomorrow": :mod:`app.due_words`) is the due
date and leaves the title, as in the window; ``who`` is an attendee, one of our staff or any
other contact; ``org`` is the organisation it is about, one of the meeting's or any other
(default: the meeting's first). A new attendee is ``NAME[:ROLE][;org=ORG]``: ``org`` is the
organisation they join, one of the meeting's (a new one too) or any other (linked to the
meeting), ``org=-`` none; without it, the meeting's one new organisation, else its one
organisation besides our own office, else none (:func:`app.meetings.joining_default`). The file is a JSON object with the same parts (see
:func:`_from_file`). A ROLE, the ``--kind`` and a follow-up's direction are the code
(``chair``, ``working-session``, ``we-owe``) or the window's word in English or Vietnamese,
accents optional (``Chủ trì``, ``chu tri``, ``Buổi làm việc``, ``Bên ta cần làm``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import records, reorg, resolve, validation, value_labels, workdays
from app.already_logged import already_logged
from app.cli import CliContext, json_option
from app.cli_lines import refused, say, zone_converted
from app.due import parse_due
from app.due_words import due_in_text
from app.errors import UserError, ValidationError
from app.language import cli_language, said
from app.meetings import Chosen, FollowUp, MeetingDraft, save_meeting
from app.record_fields import coded
from app.vntext import fold
from db import clock
from db.engine import unit_of_work
from db.tables import ACT

_FIELDS = {"title": "title", "at": "starts_at", "ends": "ends_at", "location": "location", "kind": "kind"}
_TEXTS = ("agenda", "minutes", "decisions")
_NOW = {"now", "bay gio", "luc nay"}  # --at now: the minute it is in the office (as the window's box starts)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "log-meeting",
        parents=[common, json_option()],
        help="log a meeting with its attendees and follow-ups (one transaction)",
    )
    p.add_argument("--title")
    p.add_argument(
        "--at",
        metavar="WHEN",
        help="when it started: 2026-12-10 14:00 or 10/12/2026 14:00; now (bây giờ): the office's time now",
    )
    p.add_argument("--ends", metavar="WHEN")
    p.add_argument("--location")
    p.add_argument(
        "--kind",
        help=f"one of: {value_labels.accepted('meeting', 'kind')}; the English or Vietnamese word works too, "
        "accents optional",
    )
    for name in _TEXTS:
        p.add_argument(f"--{name}")
    p.add_argument("--owner", metavar="NAME_OR_ID", help="the staff member in charge")
    p.add_argument(
        "--staff",
        action="append",
        default=[],
        metavar="NAME_OR_ID",
        help="one of our staff who took part (repeat; the export's Our staff, the brief's Our team)",
    )
    p.add_argument("--organisation", action="append", default=[], metavar="NAME_OR_ID")
    p.add_argument(
        "--organisation-as-was",
        action="append",
        default=[],
        metavar="NAME_OR_ID",
        help="an organisation as it was, kept even if it was merged, renamed or split before the "
        "meeting (without this, --organisation of one reorganised by then names its successor, saying so)",
    )
    p.add_argument("--new-organisation", action="append", default=[], metavar="NAME", help="create it")
    p.add_argument(
        "--attendee",
        action="append",
        default=[],
        metavar="NAME_OR_ID[:ROLE]",
        help=f"a contact who came; ROLE is one of: {value_labels.accepted('meeting', 'role')} (the English "
        "or Vietnamese word works too, accents optional; default participant)",
    )
    p.add_argument(
        "--new-attendee",
        action="append",
        default=[],
        metavar="NAME[:ROLE][;org=ORG]",
        help="create the contact (ROLE as for --attendee), at ORG (one of the meeting's organisations or any other; org=- for "
        "none; default: the meeting's one new organisation, else its one besides our own office)",
    )
    p.add_argument(
        "--follow-up",
        action="append",
        default=[],
        metavar="WHAT;due=+1w;we-owe;who=NAME;org=NAME",
        help="repeat",
    )
    p.add_argument("--from-file", type=Path, metavar="MEETING.json", help="the meeting as a JSON object")
    p.add_argument(
        "--confidential",
        action="store_true",
        help="the meeting and its follow-ups are seen only by its owner, the staff on it, "
        "colleagues it is shared with and managers (a team database)",
    )
    p.add_argument(
        "--even-if-logged",
        action="store_true",
        help="save it even if a meeting with the same organisation or an attendee in common is "
        "logged that day at an overlapping time (otherwise refused, naming it)",
    )
    p.set_defaults(handler=cmd_log_meeting, creates_db=True)


def _from_file(path: Path) -> dict[str, Any]:
    """``{"title", "at", "ends", "location", "kind", "agenda", "minutes", "decisions", "owner",
    "staff": [NAME_OR_ID], "organisations": [NAME_OR_ID | {"new": NAME}], "attendees": [NAME_OR_ID | {"name"|"id"|"new",
    "role", "org"}], "follow_ups": ["WHAT;due=+1w" | {"title", "due", "direction", "who", "org"}]}``"""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise refused(f"no file {path}", f"không có tệp {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refused(
            f"cannot read {path} as JSON: {exc}", f"không đọc được {path} dưới dạng JSON: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise refused(
            f"{path} must hold one JSON object (the meeting)",
            f"{path} phải chứa đúng một đối tượng JSON (cuộc họp)",
        )
    return data


def _spec(args: argparse.Namespace) -> dict[str, Any]:
    """The file's meeting with the command line's options over it."""
    spec: dict[str, Any] = _from_file(args.from_file) if args.from_file else {}
    for key in (*_FIELDS, *_TEXTS, "owner"):
        if getattr(args, key, None) is not None:
            spec[key] = getattr(args, key)
    spec["organisations"] = [
        *spec.get("organisations", []),
        *args.organisation,
        *({"name": n, "as_was": True} for n in args.organisation_as_was),
        *({"new": n} for n in args.new_organisation),
    ]
    spec["attendees"] = [*spec.get("attendees", []), *args.attendee, *({"new": n} for n in args.new_attendee)]
    spec["follow_ups"] = [*spec.get("follow_ups", []), *args.follow_up]
    spec["staff"] = [*spec.get("staff", []), *args.staff]
    if args.confidential:
        spec["confidential"] = True
    if isinstance(spec.get("at"), str) and fold(spec["at"]).strip() in _NOW:
        spec["at"] = clock.now().replace(second=0, microsecond=0)  # the office's, wherever the laptop is
    return spec


def _with_role(text: str, role: str | None = None) -> tuple[str, str]:
    """A name and the role after its colon ("Phan Thanh Sơn:Chủ trì"), the role as its code or
    the window's word in either language, accents optional (reviewer: ":Chủ trì" was read as
    part of the name, "No contact matches"); a word after the colon that is no role is refused,
    listing the roles. ``role``: the one a JSON file gives, else participant."""
    name, sep, tail = str(text).rpartition(":")
    if sep and name.strip() and tail.strip():
        return name.strip(), _role(tail, text)
    return str(text).strip(), _role(role, text) if role else "participant"


def _role(typed: Any, attendee: str) -> str:
    code = value_labels.code_for("meeting", "role", str(typed))
    if code is None:
        raise value_labels.not_a_code("meeting", "role", str(typed).strip(), f'"{attendee}":')
    return str(code)


def _organisations(
    session: Session, items: list[Any], day: dt.date, moved: list[tuple[str, str, str]] | None = None
) -> list[Chosen]:
    """The meeting's organisations; one reorganised by the meeting's ``day`` is its successor
    (:func:`app.reorg.successors_on`; ``moved`` gets (old, new, since) to say so), unless named
    "as it was" (``--organisation-as-was``, ``{"name": …, "as_was": true}``); one split asks
    which (refused, naming its successors)."""
    out: list[Chosen] = []
    for item in items:
        if isinstance(item, dict) and item.get("new"):
            out.append(Chosen(None, str(item["new"]).strip()))
            continue
        ref = (item.get("id") or item.get("name") or "") if isinstance(item, dict) else item
        oid = resolve.resolve(session, "organisation", ref)
        label = records.label(session, "organisation", oid)
        now = (
            []
            if isinstance(item, dict) and item.get("as_was")
            else reorg.successors_on(session, [oid], day).get(oid, [])
        )
        if len(now) > 1:
            names = ", ".join(x.name for x in now)
            since = f"{now[0].effective_on:%d/%m/%Y}"
            raise refused(
                f"{label} was split into {names} on {since}: name the one the meeting was with "
                f"(--organisation), or --organisation-as-was {ref} to keep {label}",
                f"{label} đã chia tách thành {names} từ ngày {since}: hãy ghi tổ chức đã họp "
                f"(--organisation), hoặc --organisation-as-was {ref} để giữ {label}",
            )
        if now:
            if moved is not None:
                moved.append((label, now[0].name, f"{now[0].effective_on:%d/%m/%Y}"))
            oid, label = now[0].id, now[0].name
        if all(c.id != oid for c in out):
            out.append(Chosen(oid, label))
    return out


def _attendees(session: Session, items: list[Any], organisations: list[Chosen]) -> list[Chosen]:
    out: list[Chosen] = []
    for item in items:
        role = item.get("role") if isinstance(item, dict) else None
        if isinstance(item, dict) and item.get("new"):
            text, _sep, option = str(item["new"]).partition(";")
            org = item.get("org") if item.get("org") is not None else None
            if option.strip():
                key, sep, value = option.partition("=")
                if not sep or key.strip().lower() not in ("org", "organisation"):
                    raise refused(
                        f"in the new attendee {item['new']!r}: {option.strip()!r} is not org=…",
                        f"ở người tham dự mới {item['new']!r}: {option.strip()!r} không phải org=…",
                    )
                org = value
            name, role = _with_role(text, role)
            out.append(Chosen(None, name, role, _joins(session, org, name, organisations)))
            continue
        ref = (item.get("id") or item.get("name")) if isinstance(item, dict) else item
        text, role = _with_role(str(ref), role)
        cid = resolve.resolve(session, "contact", text)
        out.append(Chosen(cid, records.label(session, "contact", cid), role))
    return out


def _joins(session: Session, org: Any, name: str, organisations: list[Chosen]) -> str | None:
    """The organisation a new attendee joins: None (the default), "" (``-``: none) or a key."""
    if org is None:
        return None
    text = str(org).strip()
    if text in ("", "-"):
        return ""
    try:
        return _counterpart(session, text, organisations)[0]
    except UserError:
        raise refused(
            f"{name}: org={text}: no such organisation", f"{name}: org={text}: không có tổ chức này"
        ) from None


def _follow_up(
    session: Session, item: Any, day: Any, attendees: list[Chosen], organisations: list[Chosen]
) -> FollowUp:
    if isinstance(item, str):
        parts = [p.strip() for p in item.split(";")]
        fields: dict[str, str] = {"title": parts[0]}
        for part in parts[1:]:
            key, sep, value = part.partition("=")
            key = key.strip().lower()
            if not sep and value_labels.code_for("action", "direction", part) is not None:
                fields["direction"] = part  # we-owe, "Bên ta cần làm"…
            elif sep and key in ("due", "who", "direction", "org"):
                fields[key] = value.strip()
            elif part:
                raise refused(
                    f"in the follow-up {item!r}: {part!r} is not due=…, who=…, org=…, we-owe or they-owe",
                    f"ở việc tiếp theo {item!r}: {part!r} không phải due=…, who=…, org=…, "
                    "we-owe (Bên ta cần làm) hay they-owe (Đối tác cần làm)",
                )
        item = fields
    if not isinstance(item, dict) or not str(item.get("title") or "").strip():
        raise refused(f"a follow-up needs a title: {item!r}", f"việc tiếp theo cần có tiêu đề: {item!r}")
    cal = workdays.load_calendar(session)
    due = parse_due(str(item["due"]), day, cal) if item.get("due") else None
    title, due_words = str(item["title"]).strip(), ""
    if "due" not in item and (read := due_in_text(title, day, cal)) is not None:
        # no due=: a deadline at the end of the text is the due date ("Gửi thư trước thứ sáu"),
        # as the window reads it (app.due_words)
        title, due_words, due = read.title, read.words, read.due
    direction = str(coded("action", "direction", str(item.get("direction") or "we_owe"), "direction="))
    responsible, label = "", ""
    who = str(item.get("who") or "").strip()
    if who:
        responsible, label = _responsible(session, who, attendees)
    follow_up = FollowUp(title, responsible, label, direction, due, due_words=due_words)
    org = str(item.get("org") or item.get("organisation") or "").strip()
    if org:
        follow_up.organisation, follow_up.organisation_label = _counterpart(session, org, organisations)
    return follow_up


def _counterpart(session: Session, org: str, organisations: list[Chosen]) -> tuple[str, str]:
    """One of the meeting's organisations (by id, name or acronym), else any organisation."""
    key = fold(org)
    ident = resolve.as_id(org)
    for o in organisations:
        if (ident is not None and o.id == ident) or (ident is None and fold(o.label) == key):
            return o.key, o.label
    try:
        oid = resolve.resolve(session, "organisation", org)
    except resolve.NotFound:
        raise refused(f"org={org}: no such organisation", f"org={org}: không có tổ chức này") from None
    return f"id:{oid}", records.label(session, "organisation", oid)


def _responsible(session: Session, who: str, attendees: list[Chosen]) -> tuple[str, str]:
    """An attendee (by id or name, accents optional), else a staff member, else any contact."""
    key = fold(who)
    ident = resolve.as_id(who)
    found = [a for a in attendees if (ident is not None and a.id == ident) or fold(a.label) == key]
    if not found and ident is None:
        found = [a for a in attendees if key in fold(a.label).split() or fold(a.label).startswith(key)]
    if len(found) > 1:
        raise resolve.AmbiguousName("attendee", who, [(a.id or 0, a.label) for a in found])
    if found:
        return f"contact:{found[0].key}", found[0].label
    try:
        sid = resolve.resolve(session, "staff", who)
    except resolve.NotFound:
        pass
    else:
        return f"staff:{sid}", records.label(session, "staff", sid)
    try:
        cid = resolve.resolve(session, "contact", who)
    except resolve.NotFound:
        raise refused(
            f"who={who}: not an attendee, one of our staff, nor a contact",
            f"who={who}: không phải người tham dự, cán bộ bên ta hay một liên hệ",
        ) from None
    return f"contact:id:{cid}", records.label(session, "contact", cid)


def build_draft(
    session: Session, spec: dict[str, Any], moved: list[tuple[str, str, str]] | None = None
) -> MeetingDraft:
    """A :class:`MeetingDraft` from the plain spec (names resolved, due dates counted); an
    organisation reorganised by the meeting's day is its successor, put in ``moved``."""
    values: dict[str, Any] = {field: spec[key] for key, field in _FIELDS.items() if spec.get(key) is not None}
    values.update({k: spec[k] for k in _TEXTS if spec.get(k) is not None})
    if isinstance(values.get("kind"), str) and values["kind"].strip():  # "Buổi làm việc" too
        values["kind"] = coded("meeting", "kind", values["kind"], "--kind")
    if spec.get("owner"):
        values["owner_id"] = resolve.resolve(session, "staff", spec["owner"])
    if spec.get("confidential"):
        values["confidential"] = True
    if not values.get("starts_at"):
        error = ValidationError("meeting", {"starts_at": "say when it took place (--at)"})
        error.vi = "Chưa lưu cuộc họp: hãy cho biết cuộc họp diễn ra khi nào (--at)"  # type: ignore[attr-defined]
        raise error
    try:
        day = validation.datetime_(values["starts_at"]).date()
    except validation.FieldError as exc:
        raise ValidationError("meeting", {"starts_at": str(exc)}) from None
    organisations = _organisations(session, list(spec.get("organisations") or []), day, moved)
    attendees = _attendees(session, list(spec.get("attendees") or []), organisations)
    staff = [resolve.resolve(session, "staff", str(s)) for s in spec.get("staff") or []]
    return MeetingDraft(
        values=values,
        organisations=organisations,
        attendees=attendees,
        followups=[
            _follow_up(session, f, day, attendees, organisations) for f in spec.get("follow_ups") or []
        ],
        staff_ids=staff,
    )


def cmd_log_meeting(args: argparse.Namespace, ctx: CliContext) -> int:
    spec = _spec(args)
    with unit_of_work(ctx.engine()) as session:
        moved: list[tuple[str, str, str]] = []
        draft = build_draft(session, spec, moved)
        twin = None if args.even_if_logged else already_logged(session, draft, actor=ctx.actor())
        if twin is not None:  # the window asks; here refused, naming it (app.already_logged)
            raise twin.refusal()
        meeting_id = save_meeting(session, draft, actor=ctx.actor())
        meeting = records.get(session, "meeting", meeting_id)
        action_ids = session.execute(
            select(ACT.c.id)
            .where(ACT.c.meeting_id == meeting_id, ACT.c.deleted_at.is_(None))
            .order_by(ACT.c.id)
        ).scalars()
        follow_ups = [records.get(session, "action", int(i)) for i in action_ids]
        staff_names = {sid: records.label(session, "staff", sid) for sid in meeting.get("staff_ids") or []}
        names = {
            f["organisation_id"]: records.label(session, "organisation", f["organisation_id"])
            for f in follow_ups
            if f.get("organisation_id")
        }
    ctx.emit({"meeting_id": meeting_id, "meeting": meeting, "actions": follow_ups})
    lang = cli_language()
    when = f"{meeting['starts_at']:%d/%m/%Y %H:%M}"
    ctx.out(said(LOGGED["logged"], lang, id=meeting_id, title=meeting["title"], when=when))
    if (abroad := zone_converted(spec.get("at"), lang)) is not None:
        ctx.out(abroad)
    for old, new, since in moved:
        ctx.out(say("successor_used", lang, old=old, new=new, since=since))
    for a in meeting["attendees"]:
        role = value_labels.label("meeting", "role", a["role"], "vi") if lang == "vi" else a["role"]
        name = a.get("full_name", "")
        ctx.out(said(LOGGED["attendee"], lang, id=a["contact_id"], name=name, role=role))
    for sid in meeting.get("staff_ids") or []:
        ctx.out(said(LOGGED["staff"], lang, id=sid, name=staff_names.get(sid, "")))
    read = [f.due_words for f in draft.followups]  # (saved in this order)
    for n, f in enumerate(follow_ups):
        words = read[n] if len(read) == len(follow_ups) else ""
        date = f"{f['due_date']:%d/%m/%Y}" if f["due_date"] else ""
        due = said(LOGGED["due_from" if words else "due"], lang, date=date, words=words) if date else ""
        due = due or said(LOGGED["no_due"], lang)
        side = (
            value_labels.label("action", "direction", f["direction"], "vi")
            if lang == "vi"
            else f["direction"].replace("_", " ")
        )
        about = f" — {names[f['organisation_id']]}" if f.get("organisation_id") in names else ""
        ctx.out(
            said(LOGGED["follow_up"], lang, id=f["id"], title=f["title"], due=due, side=side, about=about)
        )
    return 0


LOGGED: dict[str, tuple[str, str]] = {
    # what ``ketnoi log-meeting`` prints: (English, Vietnamese), in the CLI's language, the
    # window's words for a role ("Chủ trì") and a side ("Bên ta cần làm")
    "logged": ("Logged meeting #{id}: {title} ({when})", "Đã ghi cuộc họp #{id}: {title} ({when})"),
    "attendee": ("  attendee #{id} {name} ({role})", "  người tham dự #{id} {name} ({role})"),
    "staff": ("  our staff #{id} {name}", "  cán bộ bên ta #{id} {name}"),
    "follow_up": (
        "  follow-up #{id} {title} — {due}, {side}{about}",
        "  việc tiếp theo #{id} {title} — {due}, {side}{about}",
    ),
    "due": ("due {date}", "hạn {date}"),
    "due_from": ("due {date} (from “{words}”)", "hạn {date} (từ “{words}”)"),
    "no_due": ("no due date", "chưa có hạn"),
}
