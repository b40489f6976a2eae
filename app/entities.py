"""What each record kind accepts: validation and normalisation, derived columns (sort and
search keys) and its relations (emails, phones, tags, sectors, attendees…).

``prepare_*`` functions take the values a caller wants to write merged over the record's
current values and return clean column values plus relation values, or raise
:class:`~app.errors.ValidationError` listing every field at fault. They are shared by the
single-record services (:mod:`app.records`) and the bulk paths (import, demo).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import String
from sqlmodel import Session

from app import validation as v
from app.errors import ValidationError
from app.vntext import (
    clean,
    clean_multiline,
    fold,
    fold_join,
    fold_words,
    join_name,
    name_sort_key,
    split_honorific,
    split_name,
    text_sort_key,
)
from db import clock, kinds
from db import models as m
from db.engine import write_lock
from db.queries import fts_candidates

Values = dict[str, Any]


@dataclass(frozen=True)
class Prepared:
    columns: Values
    relations: Values


class _Errors:
    def __init__(self, entity: str) -> None:
        self.entity = entity
        self.errors: dict[str, str] = {}

    def check(self, field: str, func: Callable[[], Any], default: Any = None) -> Any:
        try:
            return func()
        except v.FieldError as exc:
            self.errors.setdefault(field, str(exc))
            return default

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.entity, self.errors)


_LENGTHS: dict[str, dict[str, int]] = {}


def _lengths(model: type[Any]) -> dict[str, int]:
    """The longest text each column of ``model`` holds (PostgreSQL enforces it, SQLite not)."""
    name = model.__name__
    if name not in _LENGTHS:
        _LENGTHS[name] = {
            col.name: int(col.type.length)
            for col in model.__table__.columns
            if isinstance(col.type, String) and col.type.length and col.name != "sort_key"
        } | _INDEXED_TEXT.get(name, {})
    return _LENGTHS[name]


# Unbounded text columns that carry a B-tree index: PostgreSQL refuses an index entry over
# about 2,700 bytes, i.e. 900 Vietnamese characters; the list sorts on the first few anyway.
_INDEXED_TEXT = {"Contact": {"position": 500}}


def _check_lengths(errs: _Errors, model: type[Any], values: Values, names: Iterable[str] = ()) -> None:
    """A value longer than its column is a field error (at preview, with its row and column),
    not a failed commit on PostgreSQL; ``names`` are tag or sector names (100 characters)."""
    for field, limit in _lengths(model).items():
        value = values.get(field)
        if isinstance(value, str) and len(value) > limit:
            errs.add(field, f"is {len(value):,} characters long; at most {limit:,} fit")
    for name in names:
        if len(name) > TAG_LENGTH:
            errs.add(
                "tags", f'"{name[:40]}…" is {len(name):,} characters long; a tag holds at most {TAG_LENGTH}'
            )


TAG_LENGTH = 100


def _opt_text(value: Any) -> str:
    return clean(value) if value is not None else ""


def _flag(errs: _Errors, field: str, value: Any) -> bool:
    """A yes/no field: a bool, or yes/no, true/false, 1/0, có/không as text."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    word = clean(str(value)).lower()
    if word in ("1", "yes", "y", "true", "on", "có", "x"):
        return True
    if word in ("", "0", "no", "n", "false", "off", "không"):
        return False
    errs.add(field, f"yes or no, not {value!r}")
    return False


def _rating(errs: _Errors, field: str, value: Any) -> int | None:
    """:func:`app.validation.rating` checked into ``errs`` (most records leave it empty)."""
    if value is None or value == "":
        return None
    return errs.check(field, lambda: v.rating(value))  # type: ignore[no-any-return]


def _names(values: Iterable[Any] | None) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for item in values or []:
        name = clean(item)
        if name and fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return out


def _exists(session: Session | None, model: type[Any], ident: Any) -> bool:
    if session is None:
        return True
    row = session.get(model, ident)
    return row is not None and getattr(row, "deleted_at", None) is None


def _ref(
    errs: _Errors, session: Session | None, data: Values, field: str, model: type[Any], what: str
) -> int | None:
    ident = data.get(field)
    if ident in (None, "", 0):
        return None
    try:
        ident = int(ident)
        if not 0 < ident < 2**63:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        errs.add(field, f'"{ident}" is not a {what} id')
        return None
    if not _exists(session, model, ident):
        errs.add(field, _in_trash_words(session, model, ident) or f"there is no {what} with id {ident}")
        return None
    return ident


def _in_trash_words(session: Session | None, model: type[Any], ident: int) -> str | None:
    """Why a record picked is no longer there when a colleague deleted it meanwhile: by its
    name, who and when, and that it is in the trash (reviewer h130, Log meeting with an
    organisation deleted since it was picked: "there is no organisation with id 7"). None for
    a record that is not in the trash."""
    if session is None:
        return None
    row = session.get(model, ident)
    kind = next((k for k in kinds.ALL_KINDS if kinds.model(k) is model), None)
    if row is None or getattr(row, "deleted_at", None) is None or kind is None:
        return None
    from app.errors import RecordGone
    from app.field_words import english
    from app.records import whereabouts

    label = str(getattr(row, LABEL_FIELD[kind], "") or "") or f"#{ident}"
    gone = whereabouts(session, kind, ident, row)
    if isinstance(gone, RecordGone) and gone.how == "deleted" and gone.actor and gone.at is not None:
        at = f"{clock.local(gone.at):%d/%m/%Y %H:%M}"
        return english("ref_in_trash_by", label=label, actor=gone.actor, at=at)
    return english("ref_in_trash", label=label)


# --- search text ---------------------------------------------------------------------------


def organisation_search_text(c: Values) -> str:
    parts = [c.get("name"), c.get("name_en"), c.get("acronym"), *(c.get("aliases") or []), c.get("city")]
    return fold(" ".join(p for p in parts if p))


def contact_search_text(c: Values, emails: Iterable[str] = (), phones: Iterable[str] = ()) -> str:
    tokens = [c.get("full_name") or "", c.get("position") or ""]
    for e in emails:
        tokens += [e, e.replace("@", " ").replace(".", " ")]
    for p in phones:
        tokens += v.phone_search_tokens(p)
    return fold_join(tokens)


def meeting_search_text(c: Values) -> str:
    parts = [c.get("title"), c.get("location"), c.get("agenda"), c.get("minutes"), c.get("decisions")]
    return fold(" ".join(p for p in parts if p))


def action_search_text(c: Values) -> str:
    return fold(" ".join(p for p in (c.get("title"), c.get("reference"), c.get("notes")) if p))


# --- per kind --------------------------------------------------------------------------------


def prepare_staff(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    errs = _Errors("staff member")
    name = _opt_text(data.get("name"))
    if not name:
        errs.add("name", "a name is required")
    email = _opt_text(data.get("email"))
    if email:
        email = errs.check("email", lambda: v.email(email), email)
    _check_lengths(errs, m.Staff, {"name": name, "email": email})
    errs.raise_if_any()
    return Prepared({"name": name, "email": email, "active": bool(data.get("active", True))}, {})


def prepare_organisation(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    errs = _Errors("organisation")
    name = _opt_text(data.get("name"))
    if not name:
        errs.add("name", "a name is required")
    c: Values = {
        "name": name,
        "name_en": _opt_text(data.get("name_en")),
        "acronym": _opt_text(data.get("acronym")),
        "aliases": _names(data.get("aliases")),
        "kind": errs.check(
            "kind",
            lambda: v.choice(data.get("kind") or "other", m.ORGANISATION_KINDS, "kind of organisation"),
            "other",
        ),
        "country": errs.check("country", lambda: v.country(data.get("country")), "") or "VN",
        "city": _opt_text(data.get("city")),
        "address": clean_multiline(data.get("address")),
        "website": errs.check("website", lambda: v.website(data.get("website")), ""),
        "influence": errs.check("influence", lambda: v.rating(data.get("influence"))),
        "interest": errs.check("interest", lambda: v.rating(data.get("interest"))),
        "owner_id": _ref(errs, session, data, "owner_id", m.Staff, "staff member"),
        "parent_id": _ref(errs, session, data, "parent_id", m.Organisation, "organisation"),
        "notes": clean_multiline(data.get("notes")),
        "confidential": _flag(errs, "confidential", data.get("confidential")),
    }
    if current_id is not None and c["parent_id"] is not None:
        _check_no_cycle(errs, session, current_id, c["parent_id"])
    rel = {"sectors": _names(data.get("sectors")), "tags": _names(data.get("tags"))}
    _check_lengths(errs, m.Organisation, c, [*rel["sectors"], *rel["tags"]])
    if session is not None and name and "name" not in errs.errors:
        _check_unique_org_name(errs, session, name, c["parent_id"], current_id)
    errs.raise_if_any()
    c["sort_key"] = text_sort_key(name)
    c["search_text"] = organisation_search_text(c)
    return Prepared(c, rel)


def _check_no_cycle(errs: _Errors, session: Session | None, org_id: int, parent_id: int) -> None:
    seen: set[int] = set()
    cursor: int | None = parent_id
    while cursor is not None and session is not None and cursor not in seen:
        if cursor == org_id:
            errs.add("parent_id", "an organisation cannot be its own parent or a parent of its parent")
            return
        seen.add(cursor)
        parent = session.get(m.Organisation, cursor)
        cursor = parent.parent_id if parent else None


def _check_unique_org_name(
    errs: _Errors, session: Session, name: str, parent_id: int | None, current_id: int | None
) -> None:
    """Two live organisations under the same parent may not share a name (folded: case,
    accents and đ ignored), so that "Trung tam Doi moi sang tao" cannot become a second NIC."""
    key = fold(name)
    # Two officers creating the same organisation at once: the second waits for the first's
    # commit, then finds its record (PostgreSQL; SQLite's units of work are serialised whole).
    write_lock(session, f"organisation-name:{key}")
    for row in fts_candidates(session, "organisation", fold_words(name), limit=50):
        if row["id"] == current_id or fold(row["name"]) != key:
            continue
        other = session.get(m.Organisation, row["id"])
        if other is not None and other.parent_id == parent_id:
            errs.add("name", f'"{other.name}" already exists (id {other.id})')
            return


LAST_CONTACT_AHEAD = dt.timedelta(days=1)
"""How far past today a last-contacted date is still taken: one day, for a date written where
the day has begun already (a partner in Tokyo or Sydney is a day ahead of Hà Nội for some hours);
a later one is no contact that has happened (a reviewer's typo'd year, 20/12/2027, would have made
a person look met for a year)."""


def last_contact_too_late(day: dt.date) -> str | None:
    """Why ``day`` is no date of a last contact (it is in the future), or None."""
    today = clock.today()
    if day <= today + LAST_CONTACT_AHEAD:
        return None
    return f"{day:%d/%m/%Y} is after today ({today:%d/%m/%Y}): a last contact cannot be in the future"


def _last_contacted(errs: _Errors, session: Session | None, value: Any, current_id: int | None) -> Any:
    """A contact's last-contacted date, refused in the future (:func:`last_contact_too_late`),
    except where it is the date the record has already (one stored before this check: an edit of
    the name must not be refused for it)."""
    if value in (None, ""):
        return None
    day = errs.check("last_contacted_on", lambda: v.date(value))
    if not isinstance(day, dt.date) or (why := last_contact_too_late(day)) is None:
        return day
    if session is not None and current_id is not None:
        stored = session.get(m.Contact, current_id)
        if stored is not None and stored.last_contacted_on == day:
            return day
    errs.add("last_contacted_on", why)
    return None


def _organisation_country(session: Session | None, org_id: Any) -> str:
    """The country of the organisation ``org_id`` ("" when none is known)."""
    if session is None or org_id in (None, "", 0):
        return ""
    try:
        org = session.get(m.Organisation, int(org_id))
    except (TypeError, ValueError):
        return ""
    return (org.country or "").upper() if org is not None else ""


def phone_region(country: str, org_country: str = "") -> str:
    """The country a contact's national number ("030 1234568") is read in: the contact's own
    country, else their organisation's, when it is not Viet Nam; else Viet Nam. Reviewer h119:
    a new contact at "Weiß & Söhne GmbH" (Germany) with "030 1234568" was stored +84301234568."""
    for code in (country, org_country):
        if code and code != v.DEFAULT_REGION:
            return code
    return v.DEFAULT_REGION


def _country_from(phones: list[str], org_country: str) -> str:
    """A new contact's country when none was given: the country of their first foreign number
    (a vCard with +49 30…: Germany; was Viet Nam), else their organisation's, else Viet Nam."""
    for number in phones:
        region = v.phone_country(number)
        if region and region != v.DEFAULT_REGION:
            return region
    return org_country or v.DEFAULT_REGION


def prepare_contact(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    errs = _Errors("contact")
    full = _opt_text(data.get("full_name"))
    family = _opt_text(data.get("family_name"))
    middle = _opt_text(data.get("middle_name"))
    given = _opt_text(data.get("given_name"))
    honorific = _opt_text(data.get("honorific"))
    if full and not (given or family):
        parts = split_name(full)
        family, middle, given = parts.family, parts.middle, parts.given
        honorific = honorific or parts.honorific
        # The full name stays as written ("Hùng Nguyễn" abroad); only the honorific moves out.
        full = split_honorific(full)[1] or full
    elif not full and (given or family):
        full = join_name(family, middle, given)
    if not full:
        errs.add("full_name", "a name is required")
    emails: list[str] = []
    for raw in data.get("emails") or []:
        if clean(raw):
            try:  # (errs.check, without a partial made for each: an import checks 100k)
                e = v.email(raw)
            except v.FieldError as exc:
                errs.add("emails", str(exc))
                continue
            if e and e not in emails:
                emails.append(e)
    phones: list[str] = []
    country = errs.check("country", lambda: v.country(data.get("country")), "")
    org_country = _organisation_country(session, data.get("organisation_id"))
    region = phone_region(country, org_country)
    for raw in data.get("phones") or []:
        if clean(str(raw)):
            # A number stored unverified (possible, not yet in libphonenumber's tables: an
            # import keeps it) stays savable; typed in a form, a number must be valid.
            stored = isinstance(raw, str) and v.is_e164(raw)
            try:
                p = v.phone(raw, region, unverified_ok=stored)
            except v.FieldError as exc:
                errs.add("phones", str(exc))
                continue
            if p and p not in phones:
                phones.append(p)
    c: Values = {
        "full_name": full,
        "family_name": family,
        "middle_name": middle,
        "given_name": given or full,
        "honorific": honorific,
        "position": _opt_text(data.get("position")),
        "organisation_id": (
            _ref(errs, session, data, "organisation_id", m.Organisation, "organisation")
            if data.get("organisation_id") not in (None, "", 0)  # (what _ref returns None for)
            else None
        ),
        "country": country or _country_from(phones, org_country),
        "influence": _rating(errs, "influence", data.get("influence")),
        "interest": _rating(errs, "interest", data.get("interest")),
        "owner_id": (
            _ref(errs, session, data, "owner_id", m.Staff, "staff member")
            if data.get("owner_id") not in (None, "", 0)
            else None
        ),
        "notes": clean_multiline(data.get("notes")),
        "source": _opt_text(data.get("source")),
        "last_contacted_on": _last_contacted(errs, session, data.get("last_contacted_on"), current_id),
        "confidential": _flag(errs, "confidential", data.get("confidential")),
    }
    tags = _names(data.get("tags"))
    _check_lengths(errs, m.Contact, c, tags)
    errs.raise_if_any()
    c["sort_key"] = name_sort_key(c["given_name"], family, middle)
    c["search_text"] = contact_search_text(c, emails, phones)
    return Prepared(c, {"emails": emails, "phones": phones, "tags": tags})


def prepare_meeting(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    errs = _Errors("meeting")
    title = _opt_text(data.get("title"))
    if not title:
        errs.add("title", "a title is required")
    starts = data.get("starts_at")
    if starts in (None, ""):
        errs.add("starts_at", "a date and time is required")
        starts = None
    else:
        starts = errs.check("starts_at", lambda: v.datetime_(data["starts_at"]))
    ends = data.get("ends_at")
    ends = errs.check("ends_at", lambda: v.datetime_(data["ends_at"])) if ends not in (None, "") else None
    if starts and ends and ends < starts:
        errs.add("ends_at", "the meeting ends before it starts")
    c: Values = {
        "title": title,
        "starts_at": starts,
        "ends_at": ends,
        "location": _opt_text(data.get("location")),
        "kind": errs.check(
            "kind",
            lambda: v.choice(data.get("kind") or "meeting", m.INTERACTION_KINDS, "kind of meeting"),
            "meeting",
        ),
        "agenda": clean_multiline(data.get("agenda")),
        "minutes": clean_multiline(data.get("minutes")),
        "decisions": clean_multiline(data.get("decisions")),
        "owner_id": _ref(errs, session, data, "owner_id", m.Staff, "staff member"),
        "confidential": _flag(errs, "confidential", data.get("confidential")),
    }
    attendees: list[Values] = []
    seen: set[int] = set()
    for item in data.get("attendees") or []:
        a = item if isinstance(item, dict) else {"contact_id": item}
        cid = _ref(errs, session, a, "contact_id", m.Contact, "contact")
        role = errs.check(
            "attendees",
            partial(v.choice, a.get("role") or "participant", m.ATTENDEE_ROLES, "role"),
            "participant",
        )
        if cid is not None and cid not in seen:
            seen.add(cid)
            attendees.append({"contact_id": cid, "role": role})
    org_ids = _ids(
        errs, session, data.get("organisation_ids"), "organisation_ids", m.Organisation, "organisation"
    )
    staff_ids = _ids(errs, session, data.get("staff_ids"), "staff_ids", m.Staff, "staff member")
    _check_lengths(errs, m.Meeting, c)
    errs.raise_if_any()
    c["search_text"] = meeting_search_text(c)
    return Prepared(c, {"attendees": attendees, "organisation_ids": org_ids, "staff_ids": staff_ids})


def _ids(
    errs: _Errors, session: Session | None, raw: Any, field: str, model: type[Any], what: str
) -> list[int]:
    out: list[int] = []
    for ident in raw or []:
        i = _ref(errs, session, {field: ident}, field, model, what)
        if i is not None and i not in out:
            out.append(i)
    return out


def prepare_action(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    errs = _Errors("action")
    title = _opt_text(data.get("title"))
    if not title:
        errs.add("title", "say what is to be done")
    due = data.get("due_date")
    due = errs.check("due_date", lambda: v.date(data["due_date"])) if due not in (None, "") else None
    status = errs.check(
        "status", lambda: v.choice(data.get("status") or "open", m.ACTION_STATUSES, "status"), "open"
    )
    completed = data.get("completed_on")
    completed = (
        errs.check("completed_on", lambda: v.date(data["completed_on"]))
        if completed not in (None, "")
        else None
    )
    if status == "done" and completed is None:
        completed = clock.today()
    if status != "done":
        completed = None
    priority = data.get("priority") or 2
    if priority not in m.PRIORITIES:
        try:
            priority = int(priority)
        except (TypeError, ValueError, OverflowError):
            priority = 0
        if priority not in m.PRIORITIES:
            errs.add("priority", "priority is 1 (high), 2 (normal) or 3 (low)")
            priority = 2
    c: Values = {
        "title": title,
        "kind": errs.check(
            "kind", lambda: v.choice(data.get("kind") or "task", m.ACTION_KINDS, "kind of action"), "task"
        ),
        "direction": errs.check(
            "direction",
            lambda: v.choice(data.get("direction") or "we_owe", m.ACTION_DIRECTIONS, "direction"),
            "we_owe",
        ),
        "responsible_staff_id": _ref(errs, session, data, "responsible_staff_id", m.Staff, "staff member"),
        "responsible_contact_id": _ref(errs, session, data, "responsible_contact_id", m.Contact, "contact"),
        "organisation_id": _ref(errs, session, data, "organisation_id", m.Organisation, "organisation"),
        "meeting_id": _ref(errs, session, data, "meeting_id", m.Meeting, "meeting"),
        "due_date": due,
        "status": status,
        "priority": priority,
        "completed_on": completed,
        "reference": _opt_text(data.get("reference")),
        "notes": clean_multiline(data.get("notes")),
        "confidential": _flag(errs, "confidential", data.get("confidential")),
        "owner_id": _ref(errs, session, data, "owner_id", m.Staff, "staff member"),
    }
    if due and c["meeting_id"] and session is not None:
        meeting = session.get(m.Meeting, c["meeting_id"])
        if meeting and due < meeting.starts_at.date():
            errs.add(
                "due_date", f"the due date is before the meeting it came from ({meeting.starts_at:%d/%m/%Y})"
            )
    _check_lengths(errs, m.Action, c)
    errs.raise_if_any()
    c["search_text"] = action_search_text(c)
    return Prepared(c, {})


ATTACHMENT_TEXT_LIMIT = 20_000  # characters of a file's text kept for search


def attachment_search_text(file_name: str, text: str = "") -> str:
    """The folded words of a file's name, then of the start of its text."""
    words = fold_words(file_name) + fold_words(text[: ATTACHMENT_TEXT_LIMIT * 2])
    return " ".join(words)[:ATTACHMENT_TEXT_LIMIT]


def prepare_attachment(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    """A file on a record: its owner must be a live record of an attachable kind and its bytes
    already stored (``attachment_blob``); the name is kept without any folder."""
    errs = _Errors("attachment")
    owner_kind = str(data.get("owner_kind") or "")
    if owner_kind not in kinds.ATTACHABLE:
        errs.add("owner_kind", f"files attach to one of: {', '.join(kinds.ATTACHABLE)}")
    owner_id = data.get("owner_id")
    if session is not None and owner_kind in kinds.ATTACHABLE:
        row = session.get(kinds.model(owner_kind), owner_id) if isinstance(owner_id, int) else None
        if row is None or (row.deleted_at is not None and current_id is None):
            errs.add("owner_id", f"there is no {kinds.info(owner_kind).noun} with id {owner_id}")
    name = clean(str(data.get("file_name") or "")).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        errs.add("file_name", "a file name is required")
    sha = str(data.get("sha256") or "")
    blob = session.get(m.AttachmentBlob, sha) if session is not None and sha else None
    if session is not None and blob is None:
        errs.add("sha256", "the file's content is not stored")
    c: Values = {
        "owner_kind": owner_kind,
        "owner_id": owner_id,
        "sha256": sha,
        "file_name": name[:255],
        "mime": str(data.get("mime") or "application/octet-stream")[:100],
        "size": int(blob.size) if blob is not None else int(data.get("size") or 0),
        "added_by": _opt_text(data.get("added_by"))[:200],
    }
    errs.raise_if_any()
    c["search_text"] = attachment_search_text(name, blob.text if blob is not None else "")
    return Prepared(c, {})


PREPARE: dict[str, Callable[[Session | None, Values, int | None], Prepared]] = {
    "staff": prepare_staff,
    "organisation": prepare_organisation,
    "contact": prepare_contact,
    "meeting": prepare_meeting,
    "action": prepare_action,
    "attachment": prepare_attachment,
}
# From the registry of kinds (db/kinds.py), by kind name.
LABEL_FIELD = {k: i.label_field for k, i in kinds.KINDS.items()}
RELATION_FIELDS = {k: i.relations for k, i in kinds.KINDS.items()}
# Columns the services derive, and the list sort keys triggers keep (migrations 0011, 0012):
# never part of history, of a record's values, or of what a user may set.
DERIVED = frozenset(
    {
        "sort_key",
        "search_text",
        "org_sort_key",
        "owner_sort_key",
        "email_sort_key",
        "phone_sort_key",
        "responsible_sort_key",
    }
)


# The letter register's rules live with it (issue 15); registered here so that every caller of
# PREPARE sees the kind. Imported last: app.letters.fields uses the helpers above.
from app.letters.fields import prepare_letter  # noqa: E402

PREPARE["letter"] = prepare_letter
