"""What ``ketnoi org|contact|meeting|action add|edit`` accept, and how a typed value becomes a
value the services take.

Every field has a named option (``--name``, ``--organisation``, ``--due``…) and can also be given
generically as ``--set field=value``. Values are converted by field, whatever way they came:
references take an id or a name (:mod:`app.resolve`), lists repeat the option (or take commas
after ``--set``), a due date may be relative (``+1w``, counted from the meeting the action
came from, else from today: :func:`app.due.parse_due`). Validation itself stays with the
services (:mod:`app.entities`), so a wrong value gives the same field error as in the window.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app import resolve, value_labels, workdays
from app.cli_lines import refused
from app.due import parse_due
from app.entities import DERIVED, RELATION_FIELDS
from db import clock, kinds
from db import models as m

KINDS = kinds.RECORD_KINDS
COMMAND_NAMES = {"organisation": "org", "contact": "contact", "meeting": "meeting", "action": "action"}
_BASE = frozenset({"id", "created_at", "updated_at", "version", "deleted_at", "import_batch_id"})
LIST_FIELDS = frozenset(
    {"aliases", "sectors", "tags", "emails", "phones", "organisation_ids", "attendees", "staff_ids"}
)
# Reference fields and the kind of record they name.
REFERENCES = {
    "organisation_id": "organisation",
    "parent_id": "organisation",
    "owner_id": "staff",
    "responsible_staff_id": "staff",
    "responsible_contact_id": "contact",
    "meeting_id": "meeting",
    "organisation_ids": "organisation",
    "staff_ids": "staff",
    "attendees": "contact",
}


@dataclass(frozen=True)
class Opt:
    flag: str
    field: str
    help: str
    metavar: str | None = None


def _words(kind: str, field: str) -> str:
    """--help for a coded option: each code with the window's words, either of which it takes."""
    return f"one of: {value_labels.accepted(kind, field)}; the English or Vietnamese word works too, accents optional"


OPTIONS: dict[str, tuple[Opt, ...]] = {
    "organisation": (
        Opt("--name", "name", "the name as written"),
        Opt("--name-en", "name_en", "the English name"),
        Opt("--acronym", "acronym", "e.g. NIC"),
        Opt("--alias", "aliases", "another name it goes by (repeat)"),
        Opt("--kind", "kind", _words("organisation", "kind")),
        Opt("--sector", "sectors", "a sector (repeat)"),
        Opt("--tag", "tags", "a tag (repeat)"),
        Opt("--parent", "parent_id", "the parent organisation", "NAME_OR_ID"),
        Opt("--country", "country", "its name or two-letter code: Germany, Đức, DE (default VN)"),
        Opt("--city", "city", "city"),
        Opt("--address", "address", "postal address"),
        Opt("--website", "website", "web address"),
        Opt("--influence", "influence", "1 (low) to 5 (high)"),
        Opt("--interest", "interest", "1 (low) to 5 (high)"),
        Opt("--owner", "owner_id", "the staff member who owns the relationship", "NAME_OR_ID"),
        Opt("--notes", "notes", "notes"),
    ),
    "contact": (
        Opt("--name", "full_name", "the full name as written (Vietnamese order: family name first)"),
        Opt("--honorific", "honorific", "Mr, Ms, Dr, Ông, Bà…"),
        Opt("--position", "position", "position or title"),
        Opt("--organisation", "organisation_id", "where the person works", "NAME_OR_ID"),
        Opt("--email", "emails", "an email address (repeat)"),
        Opt("--phone", "phones", "a phone number (repeat)"),
        Opt(
            "--country",
            "country",
            "country of residence: its name or two-letter code (default: from a foreign number, else the organisation's, else VN)",
        ),
        Opt("--tag", "tags", "a tag (repeat)"),
        Opt("--influence", "influence", "1 (low) to 5 (high)"),
        Opt("--interest", "interest", "1 (low) to 5 (high)"),
        Opt("--owner", "owner_id", "the staff member who owns the relationship", "NAME_OR_ID"),
        Opt("--source", "source", "where the contact came from"),
        Opt("--last-contacted", "last_contacted_on", "when we were last in touch: 12/10/2026", "DATE"),
        Opt("--notes", "notes", "notes"),
    ),
    "meeting": (
        Opt("--title", "title", "what the meeting is"),
        Opt("--at", "starts_at", "when it starts: 2026-12-10 14:00 or 10/12/2026 14:00", "WHEN"),
        Opt("--ends", "ends_at", "when it ends", "WHEN"),
        Opt("--location", "location", "where"),
        Opt("--kind", "kind", _words("meeting", "kind")),
        Opt("--organisation", "organisation_ids", "an organisation met (repeat)", "NAME_OR_ID"),
        Opt("--attendee", "attendees", "a contact who came (repeat)", "NAME_OR_ID"),
        Opt("--staff", "staff_ids", "one of our staff who took part (repeat)", "NAME_OR_ID"),
        Opt("--agenda", "agenda", "agenda"),
        Opt("--minutes", "minutes", "minutes"),
        Opt("--decisions", "decisions", "decisions"),
        Opt("--owner", "owner_id", "the staff member in charge", "NAME_OR_ID"),
    ),
    "action": (
        Opt("--title", "title", "what is to be done"),
        Opt("--kind", "kind", _words("action", "kind")),
        Opt("--direction", "direction", _words("action", "direction")),
        Opt(
            "--due",
            "due_date",
            "2026-12-10, 10/12/2026, +3d, +1w, '+3 working days', tomorrow, eom (from the meeting's day)",
            "DATE",
        ),
        Opt("--status", "status", _words("action", "status")),
        Opt("--priority", "priority", "1 (High, Cao), 2 (Normal, Bình thường) or 3 (Low, Thấp)"),
        Opt("--organisation", "organisation_id", "the organisation concerned", "NAME_OR_ID"),
        Opt("--meeting", "meeting_id", "the meeting it came from", "TITLE_OR_ID"),
        Opt("--staff", "responsible_staff_id", "the staff member responsible", "NAME_OR_ID"),
        Opt("--contact", "responsible_contact_id", "the contact responsible", "NAME_OR_ID"),
        Opt("--reference", "reference", "e.g. a letter number"),
        Opt("--notes", "notes", "notes"),
    ),
}


def writable_fields(kind: str) -> set[str]:
    """The fields ``--set`` may name for ``kind``."""
    model = kinds.model(kind)
    return (set(model.model_fields) - _BASE - DERIVED) | set(RELATION_FIELDS[kind])


def add_field_options(p: argparse.ArgumentParser, kind: str) -> None:
    group = p.add_argument_group("fields")
    for opt in OPTIONS[kind]:
        many = opt.field in LIST_FIELDS
        group.add_argument(
            opt.flag,
            dest=f"f_{opt.field}",
            action="append" if many else "store",
            metavar=opt.metavar or opt.flag.lstrip("-").upper().replace("-", "_"),
            help=opt.help,
        )
    group.add_argument(
        "--set",
        dest="set_values",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="any other field by name (lists take commas: --set tags=AI,VIP); repeat",
    )


def typed_values(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """The fields the command line gave, as typed (named options first, then ``--set``)."""
    raw: dict[str, Any] = {}
    for opt in OPTIONS[kind]:
        value = getattr(args, f"f_{opt.field}", None)
        if value is not None:
            raw[opt.field] = value
    allowed = writable_fields(kind)
    for item in args.set_values:
        field, sep, value = item.partition("=")
        field = field.strip().replace("-", "_")
        if not sep or not field:
            raise refused(
                f"--set takes FIELD=VALUE, not {item!r}", f"--set cần TRƯỜNG=GIÁ_TRỊ, không phải {item!r}"
            )
        if field not in allowed:
            fields = ", ".join(sorted(allowed))
            raise refused(
                f"a {kind} has no field {field!r}; fields: {fields}",
                f"{kinds.info(kind).noun_vi} không có trường {field!r}; các trường: {fields}",
            )
        raw[field] = [x.strip() for x in value.split(",") if x.strip()] if field in LIST_FIELDS else value
    return raw


def convert(
    session: Session, kind: str, raw: dict[str, Any], *, current: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Typed values → service values: names resolved to ids, relative due dates counted."""
    values: dict[str, Any] = {}
    for field, value in raw.items():
        target = REFERENCES.get(field)
        if target is None:
            values[field] = value
        elif field in LIST_FIELDS:
            ids = [resolve.resolve(session, target, v) for v in value]
            values[field] = [{"contact_id": i} for i in ids] if field == "attendees" else ids
        else:
            values[field] = resolve.resolve(session, target, value) if str(value).strip() else None
    if kind == "action" and isinstance(values.get("due_date"), str) and values["due_date"].strip():
        meeting_id = values.get("meeting_id", (current or {}).get("meeting_id"))
        calendar = workdays.load_calendar(session)  # "+3 working days" skips the office's days off
        values["due_date"] = parse_due(values["due_date"], meeting_day(session, meeting_id), calendar)
    for field in CODED.get(kind, ()):
        if isinstance(values.get(field), str) and values[field].strip():
            values[field] = coded(kind, field, values[field])
    return values


CODED: dict[str, tuple[str, ...]] = {
    "organisation": ("kind",),
    "meeting": ("kind",),
    "action": ("kind", "direction", "status", "priority"),
}
"""Fields that hold a code, typed as the code or as the window's word in either language."""


def coded(kind: str, field: str, typed: str, where: str = "") -> Any:
    """The code a typed value stands for: the code ("working-session") or the window's word in
    English or Vietnamese, accents optional ("Buổi làm việc", "buoi lam viec"); a word that
    names none is refused in the CLI's language, listing that language's words (reviewer:
    ``--kind "Buổi làm việc"`` was refused in English, with codes only). A priority not named
    by a word ("1") is left to the service, which takes numbers."""
    code = value_labels.code_for(kind, field, typed)
    if code is not None:
        return code
    if field == "priority":
        return typed
    raise value_labels.not_a_code(kind, field, typed, where or f"--{field.replace('_', '-')}")


def meeting_day(session: Session, meeting_id: int | None) -> Any:
    """The day relative due dates count from: the meeting's, else today."""
    if meeting_id:
        meeting = session.get(m.Meeting, meeting_id)
        if meeting is not None:
            return meeting.starts_at.date()
    return clock.today()
