"""Matching each row against the database and against the rows above it in the file.

A contact is the same person when it shares an email or a phone number, or the name as
written (case and spaces aside, accents kept: :func:`app.vntext.as_written`) at the same
organisation, unless the two are evidently different people: they share no email and
no phone, and for emails or for phones both have some (two "Nguyễn Văn An" of a 30,000-person
company are two people; a row without an email or a phone is still known by its name). Names
that differ only by their accents ("Pham Thi Thu Trang", "Phạm Thị Thu Trang") are two people's
unless an email or a phone joins them: an export of two such records imported back made them
one (reviewer h129); the row says which record it probably is (:mod:`app.importing.likely`). An
organisation is the same when its name, acronym or an alias is; a meeting by title and day; an
action by title and organisation. When several records have a key, the oldest (lowest id) is
the one matched. The first row of the file wins; later rows that name the same record are
duplicates. What happens to a row that matches a record in the database is the user's choice
(``on_match``): create anyway, fill the record's blank fields, overwrite them, or skip the row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, bindparam
from sqlmodel import Session, col, func, select

from app.gcpause import paused_gc
from app.importing import absorb, likely, logbook, reorganised, store, trashed, unwritten
from app.importing.cleaning import NOTES_FIELD
from app.importing.errors import ImportCancelled
from app.importing.matched import tie_matched_names
from app.importing.messages import EarlierRow, FieldChange, Term
from app.importing.notation import split_role
from app.importing.preview import CHECK_EVERY, Cancel, Preview, Progress, RowResult
from app.importing.resolve import NameIndex, OrgIndex, fold, org_label, split_acronym
from app.importing.sections import tie_heading_names
from app.validation import phone_display
from app.vntext import as_written
from db import models as m
from db.queries import chunked

MODELS: dict[str, type[Any]] = {
    "organisation": m.Organisation,
    "contact": m.Contact,
    "meeting": m.Meeting,
    "action": m.Action,
    "staff": m.Staff,
}
NAME_COLUMNS = ("full_name", "family_name", "middle_name", "given_name", "honorific")
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "full_name": NAME_COLUMNS,
    "family_name": NAME_COLUMNS,
    "middle_name": NAME_COLUMNS,
    "given_name": NAME_COLUMNS,
    "organisation": ("organisation_id",),
    "owner": ("owner_id",),
    "parent": ("parent_id",),
    "responsible": ("responsible_staff_id", "responsible_contact_id"),
    "counterpart": ("responsible_contact_id",),
    "meeting": ("meeting_id",),
    "status": ("status", "completed_on"),
    "name": ("name", "acronym"),
}
RELATION_OF_FIELD = {"organisations": "organisation_ids", "attendees": "attendees", "staff": "staff_ids"}


@dataclass
class Earlier:
    """A record an earlier sheet of the same workbook writes (a preview only): where, and
    where its values and lists come from when this sheet is matched at the commit — that
    sheet's row, read only for a record a row here meets (no copy of every row: :func:`values`),
    or, for an organisation only named there, its own."""

    sheet: str
    row: int | None  # (None: an organisation a row of that sheet names, not one of its rows)
    name: str = ""
    source: RowResult | None = None
    other: MatchContext | None = None  # the earlier sheet's context, for its placeholders
    named: dict[str, Any] | None = None  # an organisation only named: its values

    def values(self, ctx: MatchContext, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The record's values and lists as this sheet (``ctx``) knows them."""
        if self.named is not None:
            return dict(self.named), {r: [] for r in store.RELATIONS[kind]}
        assert self.source is not None and self.source.columns is not None and self.other is not None
        other, rels = self.other, self.source.relations or {}
        values = {n: _carried(ctx, other, n, v) for n, v in self.source.columns.items()}
        return values, {r: list(_carried(ctx, other, r, rels.get(r) or [])) for r in store.RELATIONS[kind]}


@dataclass
class MatchContext:
    orgs: OrgIndex
    staff: NameIndex
    contacts: NameIndex  # (empty but for meetings and actions, the kinds that cite contacts)
    meetings: NameIndex  # (empty but for actions)
    # placeholders of organisations and staff that earlier sheets of the same workbook create
    # (a preview only: the commit writes those sheets first and matches against them), and of
    # a staff sheet's own new rows: neither is listed as "creates N staff members"
    earlier: frozenset[int] = frozenset()
    earlier_staff: frozenset[int] = frozenset()
    # the records of this sheet's kind the earlier sheets write (the commit writes them first and
    # this sheet's rows meet them there), by a placeholder id (an organisation's: its placeholder
    # in ``orgs``); and the records of the database they update: values and lists after it
    pending: dict[int, Earlier] = field(default_factory=dict)
    overlay: dict[int, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)
    # contacts and organisations sheets: the organisations merged or renamed by today, which a row
    # naming one is filed under the successor of (app.importing.reorganised)
    successors: reorganised.Successors = field(default_factory=reorganised.Successors)
    # the organisations in the trash a row may name (app.importing.trashed): made known as live
    # ones when the import brings them back (``revive``); the records of this sheet's kind its
    # rows bring back; the contacts in the trash its rows are, with their organisations
    trash_orgs: OrgIndex = field(default_factory=OrgIndex)
    revive: bool = False
    restoring: set[int] = field(default_factory=set)
    people_orgs: dict[int, int | None] = field(default_factory=dict)
    trashed_actions: dict[int, int | None] = field(default_factory=dict)  # (and the actions, likewise)

    def shown(self, ident: int) -> int | EarlierRow:
        """A matched record as a note names it: its id, or the earlier sheet's row that writes it."""
        earlier = self.pending.get(ident)
        return ident if earlier is None else EarlierRow(earlier.sheet, earlier.row)


def empty(value: Any) -> bool:
    return value is None or value in ("", [])


def _org_key(ctx: MatchContext, text: str | None) -> Any:
    if not text:
        return None
    found = ctx.orgs.lookup(text)
    if found is None:
        return "?" + fold(split_acronym(text)[0])
    return ctx.successors.now_of(found) if ctx.successors.olds else found


def _first(keys: list[tuple[str, Any]], table: dict[tuple[str, Any], Any]) -> tuple[str, Any] | None:
    """The first of ``keys`` that ``table`` holds."""
    for key in keys:
        if key in table:
            return key
    return None


EMAILS, PHONES = 1, 2  # what contact details a contact or a row has, as a bit mask


def details_of(has_email: bool, has_phone: bool) -> int:
    """What contact details a person has, as :data:`EMAILS` | :data:`PHONES`."""
    return (EMAILS if has_email else 0) | (PHONES if has_phone else 0)


def evidently_others(mine: int, theirs: int) -> bool:
    """Whether two people of one name at one organisation who share no email and no phone are
    evidently two people: for emails or for phones both have some (:func:`details_of`). The
    import's rule for a name alone; a restore from the trash asks by it too (app.trash_twins)."""
    return bool(mine & theirs)


def _details(row: RowResult) -> int:
    """Which of emails and phones the row has (:data:`EMAILS` | :data:`PHONES`)."""
    rel = row.relations or {}
    return (EMAILS if rel.get("emails") else 0) | (PHONES if rel.get("phones") else 0)


@dataclass
class People:
    """What name matching needs beyond the first record of each key: the other records with
    the same name at the same organisation (by id), and which have emails, which phones."""

    more: dict[tuple[str, Any], list[int]]
    with_email: set[int]
    with_phone: set[int]
    names: dict[int, str] = field(default_factory=dict)  # each record's full name
    owners: dict[tuple[str, Any], list[int]] = field(default_factory=dict)  # an email's, a phone's others

    def details(self, ident: int) -> int:
        return (EMAILS if ident in self.with_email else 0) | (PHONES if ident in self.with_phone else 0)


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w.strip(".,") for w in fold(name).split() if w.strip(".,"))


def _initial_of(initial: str, word: str) -> bool:
    return len(initial) == 1 and word.startswith(initial)


def same_person_names(a: str, b: str) -> bool:
    """Whether two names can be one person's: equal ignoring accents, case and word order, or
    every word of the shorter one in the longer ("Mai" / "Nguyễn Thị Mai"), an initial standing
    for a word ("J. Smith" / "John Smith"). A shared email or phone joins two rows only when
    their names can be one person's: an office's switchboard number or an info@ mailbox is
    many people's."""
    if a == b:  # (a re-import: the same name as written before, for each email and phone)
        return True
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb or wa == wb:
        return True
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    rest = list(long)
    for word in short:
        hit = next((w for w in rest if w == word or _initial_of(word, w) or _initial_of(w, word)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _other_names(
    kind: str,
    row: RowResult,
    keys: list[tuple[str, Any]],
    table: dict[tuple[str, Any], Any],
    owners: dict[tuple[str, Any], list[Any]],
    names: Any,
) -> tuple[list[tuple[str, Any]], dict[tuple[str, Any], Any], tuple[str, Any, Any] | None]:
    """The row's keys without the emails and phones it shares only with people of other names,
    each shared one's owner whose name can be the row's when it is not the first owner
    (``table`` maps a key to its first owner, ``owners`` to the others, ``names(who)`` gives a
    name), and the first key dropped (key label, value as shown, owner) for the row's note."""
    if kind != "contact" or not table:
        return keys, {}, None
    name = (row.columns or {}).get("full_name") or ""
    # (nearly always: no email or phone of the row is had by anyone, or by a name as written)
    if all(k[0] == "name" or k not in table or names(table[k]) == name for k in keys):
        return keys, {}, None
    kept: list[tuple[str, Any]] = []
    chosen: dict[tuple[str, Any], Any] = {}
    first: tuple[str, Any, Any] | None = None
    for k in keys:
        if k[0] != "name" and k in table:
            who = next((w for w in (table[k], *owners.get(k, ())) if same_person_names(name, names(w))), None)
            if who is None:
                # (a phone as people write it, not as it is stored)
                first = first or (k[0], phone_display(k[1]) if k[0] == "phone" else k[1], table[k])
                continue
            if who != table[k]:
                chosen[k] = who
        kept.append(k)
    return kept, chosen, first


def _last_key(row: RowResult, ctx: MatchContext, keys: list[tuple[str, Any]]) -> tuple[str, Any]:
    """The last of the row's :func:`_keys` (contacts and actions: the one that names the
    organisation) made again, now that its organisation has an id."""
    label, (folded, _org) = keys[-1]
    return (label, (folded, _org_key(ctx, row.refs.get("organisation"))))


def _keys(kind: str, row: RowResult, ctx: MatchContext) -> list[tuple[str, Any]]:
    c, rel = row.columns or {}, row.relations or {}
    if kind == "contact":
        emails, phones = rel.get("emails"), rel.get("phones")
        keys: list[tuple[str, Any]] = [("email", e) for e in emails] if emails else []
        if phones:
            keys += [("phone", p) for p in phones]
        keys.append(("name", (as_written(c["full_name"]), _org_key(ctx, row.refs.get("organisation")))))
        return keys
    if kind == "organisation":
        # A name may be another's acronym or alias ("MOF" / "Bộ Tài chính (MOF)"), as in OrgIndex.
        # And the name with its acronym as one name, "Name (ACR)": the record saved with the
        # brackets in its name (typed so) is this row's, whose name was split into the two.
        acronym = c.get("acronym") or ""
        names = [fold(c["name"]), fold(acronym), *(fold(a) for a in c.get("aliases") or [])]
        if acronym:
            names.append(fold(org_label(c["name"], acronym)))
        return [(label, n) for n in dict.fromkeys(names) if n for label in ("name", "acronym", "alias")]
    if kind == "meeting":
        return _meeting_keys(c["title"], c["starts_at"])[0]
    if kind == "staff":
        # By email, then by name: a row with an email meets a member of its name who has none
        # (and fills it in), not one with another email (two people of one name); a row with
        # none meets anyone of its name. What a row or a member is: _staff_keys.
        email = (c.get("email") or "").lower()
        name = fold(c["name"])
        return [("email", email), ("staff_name", (name, ""))] if email else [("staff_name", (name, None))]
    return [("title", (fold(c["title"]), _org_key(ctx, row.refs.get("organisation"))))]


def _meeting_keys(title: str, starts: dt.datetime) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """The keys a meeting row looks for, and those a meeting (a row above, a record) is found
    by: its title and day, and its hour when it has one. Two of one title on one day at two
    hours are two meetings (a morning and an afternoon session: the second was dropped as a
    duplicate); one with no hour (a sheet of days) is any of that title on that day."""
    folded, day = fold(title), starts.date()
    at = starts.time()
    if at == dt.time(0, 0):
        any_hour, no_hour = ("title", (folded, day, "any")), ("title", (folded, day, ""))
        return [any_hour], [any_hour, no_hour]
    return (
        [("title", (folded, day, at)), ("title", (folded, day, ""))],
        [("title", (folded, day, at)), ("title", (folded, day, "any"))],
    )


def _held_keys(kind: str, row: RowResult, keys: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The keys a row of ``kind`` is found by, for the rows below (``keys``: those it looks for)."""
    c = row.columns or {}
    if kind == "staff":
        return _staff_keys(c["name"], c.get("email") or "")
    if kind == "meeting":
        return _meeting_keys(c["title"], c["starts_at"])[1]
    return keys


def _staff_keys(name: str, email: str) -> list[tuple[str, Any]]:
    """The keys a staff member (or a row of a staff sheet above) is found by (:func:`_keys`):
    its email, its name for anyone, and its name for those with no email when it has none."""
    folded, email = fold(name), (email or "").lower()
    if email:
        return [("email", email), ("staff_name", (folded, None))]
    return [("staff_name", (folded, "")), ("staff_name", (folded, None))]


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _read(session: Session, stmt: Any) -> Any:
    """Rows of a plain (Core) select of columns, in the session's transaction: over 100k rows
    a third cheaper than the same select of model attributes, whose rows the ORM handles (the
    session was flushed by the ORM query of :func:`db_state` before)."""
    return session.connection().execute(stmt)


def _db_keys(
    session: Session, kind: str, ctx: MatchContext, people: People | None = None
) -> dict[tuple[str, Any], Any]:
    """Each key of the live records, to the oldest record (lowest id) that has it; for contacts,
    ``people`` learns the rest of what name matching needs, from the same two reads."""
    out: dict[tuple[str, Any], Any] = {}
    if kind == "contact":
        contact, method = _table(m.Contact), _table(m.ContactMethod)
        live = contact.c.deleted_at.is_(None)
        with_email = people.with_email if people is not None else set()
        with_phone = people.with_phone if people is not None else set()
        for cid, how, value in _read(
            session,
            select(method.c.contact_id, method.c.kind, method.c.value)
            .join(contact, contact.c.id == method.c.contact_id)
            .where(live)
            # (by the contact's id, not the method's column of the same value: SQLite then reads
            # in the order of its index, no sort; at 100k contacts as fast as no order)
            .order_by(contact.c.id),
        ):
            if how == "email":
                key: tuple[str, Any] = ("email", value)
                with_email.add(cid)
            else:
                key = ("phone", value)
                with_phone.add(cid)
            if key not in out:
                out[key] = cid
            elif people is not None and out[key] != cid:
                people.owners.setdefault(key, []).append(cid)
        more = people.more if people is not None else {}
        olds, now_of = ctx.successors.olds, ctx.successors.now_of
        for ident, name, org in _read(
            session,
            select(contact.c.id, contact.c.full_name, contact.c.organisation_id)
            .where(live)
            .order_by(contact.c.id),
        ):
            # (one still filed under an organisation merged or renamed by today: where a row
            # naming either files them, app.importing.reorganised)
            key = ("name", (as_written(name), now_of(org) if org in olds else org))
            if people is not None:
                people.names[ident] = name
            if key not in out:
                out[key] = ident
            else:  # another person of the same name at the same organisation
                more.setdefault(key, []).append(ident)
    elif kind == "organisation":
        for table, label in (
            (ctx.orgs.by_name, "name"),
            (ctx.orgs.by_acronym, "acronym"),
            (ctx.orgs.by_alias, "alias"),
        ):
            for folded, ident in table.items():
                if ident > 0:
                    out.setdefault((label, folded), ident)
    elif kind == "meeting":
        meeting = _table(m.Meeting)
        for ident, title, starts in _read(
            session,
            select(meeting.c.id, meeting.c.title, meeting.c.starts_at)
            .where(meeting.c.deleted_at.is_(None))
            .order_by(meeting.c.id),
        ):
            for key in _meeting_keys(title, starts)[1]:
                out.setdefault(key, ident)
    elif kind == "staff":
        staff = _table(m.Staff)
        for ident, name, email in _read(
            session,
            select(staff.c.id, staff.c.name, staff.c.email)
            .where(staff.c.deleted_at.is_(None))
            .order_by(staff.c.id),
        ):
            for key in _staff_keys(name, email):
                out.setdefault(key, ident)
    else:
        action = _table(m.Action)
        for ident, title, org in _read(
            session,
            select(action.c.id, action.c.title, action.c.organisation_id)
            .where(action.c.deleted_at.is_(None))
            .order_by(action.c.id),
        ):
            out.setdefault(("title", (fold(title), org)), ident)
    return out


def _resolve_refs(kind: str, row: RowResult, ctx: MatchContext) -> None:
    c, refs = row.columns, row.refs
    assert c is not None and row.relations is not None
    if "organisation" in refs:
        c["organisation_id"] = ctx.orgs.resolve(refs["organisation"])
        if ctx.successors.olds:  # (contacts: the successor of one merged or renamed by today)
            c["organisation_id"] = ctx.successors.now_of(c["organisation_id"])
    if "owner" in refs:
        c["owner_id"] = ctx.staff.resolve(refs["owner"])
    if kind == "meeting":
        row.relations["organisation_ids"] = list(
            dict.fromkeys(o for o in map(ctx.orgs.resolve, refs.get("organisations", [])) if o)
        )
        ids: list[int] = []
        roles: dict[int, str] = {}
        for text in refs.get("attendees", []):
            found, role = ctx.contacts.lookup(text), ""
            if found is None:  # "Nguyễn Văn An (chủ trì)": the name, then the role
                name, role = split_role(text)
                found = ctx.contacts.lookup(name) if role else None
            if found is None:
                row.note("attendee_not_found", name=text)
            elif found not in ids:
                ids.append(found)
                if namesakes := ctx.contacts.namesakes(name if role else text):
                    row.note("attendee_namesakes", name=text, count=namesakes, id=found)
                if role and role != "participant":
                    roles[found] = role
        row.relations["attendees"] = ids
        if roles:
            row.relations["roles"] = roles
        if "staff" in refs:
            row.relations["staff_ids"] = list(
                dict.fromkeys(s for s in map(ctx.staff.resolve, refs["staff"]) if s is not None)
            )
    if kind == "action":
        c["responsible_staff_id"] = c["responsible_contact_id"] = None
        if "responsible" in refs:
            name = refs["responsible"]
            staff = ctx.staff.lookup(name)
            contact = ctx.contacts.lookup(name) if staff is None else None
            if contact is not None:
                c["responsible_contact_id"] = contact
                if namesakes := ctx.contacts.namesakes(name):
                    row.note("attendee_namesakes", name=name, count=namesakes, id=contact)
            else:
                c["responsible_staff_id"] = staff if staff is not None else ctx.staff.resolve(name)
        if "counterpart" in refs:
            # the other side's person, found as an attendee is; over a contact the column of
            # ours named (a sheet that has both says who is whose)
            text = refs["counterpart"]
            found = ctx.contacts.lookup(text)
            if found is None:
                row.note("counterpart_not_found", name=text)
            else:
                c["responsible_contact_id"] = found
                if namesakes := ctx.contacts.namesakes(text):
                    row.note("attendee_namesakes", name=text, count=namesakes, id=found)
        if "meeting" in refs:
            found = ctx.meetings.lookup(refs["meeting"])
            if found is None:
                row.note("meeting_not_found", name=refs["meeting"])
            c["meeting_id"] = found


STATE_KINDS = ("staff", "organisation", "contact", "meeting", "action")
"""The kinds of record :func:`db_state` fingerprints, in its order."""


def db_state(session: Session) -> tuple[Any, ...]:
    """A fingerprint of the records matching depends on: equal fingerprints, equal matches."""
    out: list[Any] = []
    for model in (MODELS[kind] for kind in STATE_KINDS):
        out += list(
            session.exec(
                select(func.count(), func.max(model.id), func.max(model.updated_at)).select_from(model)
            ).one()
        )
    out += list(
        session.exec(select(func.count(), func.max(m.ContactMethod.id)).select_from(m.ContactMethod)).one()
    )
    return tuple(out)


def newest_seen(state: tuple[Any, ...], kind: str) -> int:
    """The highest id of a ``kind`` record when :func:`db_state` gave ``state``: the records
    above it were added since."""
    return int(state[3 * STATE_KINDS.index(kind) + 1] or 0)


def _seed(ctx: MatchContext, after: Sequence[Preview], kind: str) -> None:
    """What the earlier sheets create, known to this one as placeholders; on an organisations
    sheet, each with the values it will have (its row's, or a name's: :class:`Earlier`)."""
    orgs: set[int] = set()
    staff: set[int] = set()
    for earlier in after:
        other = earlier.context
        if not isinstance(other, MatchContext):
            continue
        rows = (
            {r.new_id: r for r in earlier.rows if r.new_id is not None and r.status == "new"}
            if kind == "organisation" and earlier.kind == "organisation"
            else {}
        )
        for key, pending in other.orgs.pending.items():
            if ctx.orgs.lookup(pending.name) is not None:
                continue
            new = ctx.orgs.add(pending.name, pending.acronym, pending.aliases)
            orgs.add(new)
            if kind == "organisation":
                ctx.pending[new] = _earlier_org(
                    ctx, other, earlier, rows.get(key), pending.name, pending.acronym
                )
        for key, name in other.staff.pending.items():
            if ctx.staff.lookup(name) is None:
                text = f"{name} <{other.staff.emails[key]}>" if key in other.staff.emails else name
                found = ctx.staff.resolve(text)
                if found is not None:
                    staff.add(found)
        if kind in ("meeting", "action") and earlier.kind == "contact":
            # the people an earlier sheet adds are found by name, as they will be at the commit
            # (which writes that sheet first): not "attendee not found" (reviewer h98)
            for row in earlier.rows:
                person = str((row.columns or {}).get("full_name") or "")
                # (by the name as written: "Phạm Thị Thu Trang" new beside "Pham Thi Thu Trang")
                if row.status == "new" and person and ctx.contacts.written(person) is None:
                    ctx.contacts.add(person)
        if kind == "action" and earlier.kind == "meeting":  # (an action's meeting, the same)
            for row in earlier.rows:
                title = str((row.columns or {}).get("title") or "")
                if row.status == "new" and title and ctx.meetings.lookup(title) is None:
                    ctx.meetings.add(title)
    ctx.earlier, ctx.earlier_staff = frozenset(orgs), frozenset(staff)


REF_ORGS = frozenset({"organisation_id", "parent_id"})
REF_STAFF = frozenset({"owner_id", "responsible_staff_id"})


def _carried(ctx: MatchContext, other: MatchContext, name: str, value: Any) -> Any:
    """A value of an earlier sheet's row as this sheet knows it: a placeholder of that sheet
    (an organisation or staff member it creates) is this sheet's placeholder of the same."""
    if type(value) is int and value < 0:
        if name in REF_ORGS:
            return ctx.orgs.lookup(other.orgs.name_of(value))
        if name in REF_STAFF:
            return ctx.staff.lookup(other.staff.name_of(value))
    if name in ("organisation_ids", "staff_ids") and isinstance(value, list):
        ref = "organisation_id" if name == "organisation_ids" else "owner_id"
        return [_carried(ctx, other, ref, v) for v in value]
    return value


def _earlier_org(
    ctx: MatchContext, other: MatchContext, earlier: Preview, row: RowResult | None, name: str, acronym: str
) -> Earlier:
    """An organisation an earlier sheet writes: its row's values, or a name's (as the commit
    writes an organisation a row names: commit._Writer.write_orgs)."""
    if row is not None and row.columns is not None:
        return Earlier(earlier.layout.sheet, row.row, name, row, other)
    from app.entities import prepare_organisation

    values = dict(prepare_organisation(None, {"name": name, "acronym": acronym}, None).columns)
    return Earlier(earlier.layout.sheet, None, name, named=values)


PENDING_BASE = -1_000_000_000  # (placeholders of earlier sheets' records, below any organisation's)


def _seed_records(
    session: Session,
    ctx: MatchContext,
    kind: str,
    after: Sequence[Preview],
    db_keys: dict[tuple[str, Any], Any],
    people: People | None,
) -> None:
    """The records the earlier sheets of this kind write, and what they change in the
    database, as this sheet's rows will meet them at the commit (which writes those sheets
    first and matches this one against what they wrote): their keys after the database's
    (a record of the database is older), their values for the update's changes."""
    if kind == "organisation":
        # (the organisations themselves were seeded into ``ctx.orgs``: their keys, after the
        # database's)
        for table, label in (
            (ctx.orgs.by_name, "name"),
            (ctx.orgs.by_acronym, "acronym"),
            (ctx.orgs.by_alias, "alias"),
        ):
            for folded, ident in table.items():
                if ident in ctx.pending:
                    db_keys.setdefault((label, folded), ident)
    next_id = PENDING_BASE
    relations = store.RELATIONS[kind]
    # the records earlier sheets write, by where they are written (an earlier sheet's update of
    # one is met by its own placeholder there: this sheet's placeholder of the same record)
    placed = {(e.sheet, e.row, e.name): ident for ident, e in ctx.pending.items()}
    for earlier in after:
        other = earlier.context
        if earlier.kind != kind or not isinstance(other, MatchContext):
            continue
        for row in earlier.rows:
            c = row.columns
            if c is None or row.status not in ("new", "update"):
                continue
            if row.status == "update":
                target = row.match_id
                if target is not None and target in other.pending:
                    # an update of a record a sheet before that one writes: the same record here
                    e = other.pending[target]
                    target = placed.get((e.sheet, e.row, e.name))
                if target is None or not row.changes:
                    continue
                values, lists = ctx.overlay.setdefault(target, ({}, {}))
                for name, (_old, new) in row.changes.items():
                    (lists if name in relations else values)[name] = _carried(ctx, other, name, new)
                if people is not None:
                    for how in ("emails", "phones"):
                        added = row.changes.get(how)
                        if added:
                            (people.with_email if how == "emails" else people.with_phone).add(target)
                            for value in added[1]:
                                db_keys.setdefault((how[:-1], value), target)
                    if "full_name" in row.changes or "organisation_id" in row.changes:
                        _renamed(session, ctx, target, db_keys, people)
                continue
            if kind == "organisation":
                continue  # (seeded above)
            ident, next_id = next_id, next_id - 1
            name = c.get("full_name") or c.get("name") or c.get("title") or ""
            ctx.pending[ident] = Earlier(earlier.layout.sheet, row.row, name, row, other)
            placed[(earlier.layout.sheet, row.row, name)] = ident
            keys = _held_keys(kind, row, [] if kind in ("staff", "meeting") else _keys(kind, row, ctx))
            for key in keys:
                if key not in db_keys:
                    db_keys[key] = ident
                elif people is not None and db_keys[key] != ident:
                    (people.more if key[0] == "name" else people.owners).setdefault(key, []).append(ident)
            if people is not None:
                people.names[ident] = name
                rels = row.relations or {}
                if rels.get("emails"):
                    people.with_email.add(ident)
                if rels.get("phones"):
                    people.with_phone.add(ident)


def _renamed(
    session: Session, ctx: MatchContext, ident: int, db_keys: dict[tuple[str, Any], Any], people: People
) -> None:
    """A contact an earlier sheet renames or moves (overwrite, or an organisation filled in):
    met by its new name at its organisation, as the commit leaves it."""
    earlier = ctx.pending.get(ident)
    if earlier is not None:
        values = earlier.values(ctx, "contact")[0]
    else:
        contact = _table(m.Contact)
        stmt = select(contact.c.full_name, contact.c.organisation_id).where(contact.c.id == ident)
        found = _read(session, stmt).first()
        values = {"full_name": found[0], "organisation_id": found[1]} if found is not None else {}
    values = {**values, **ctx.overlay.get(ident, ({}, {}))[0]}
    name = values.get("full_name") or ""
    db_keys.setdefault(("name", (as_written(name), values.get("organisation_id"))), ident)
    people.names[ident] = name


def _tie_organisation_names(preview: Preview, ctx: MatchContext) -> None:
    """Before any row is matched, every "Full name (ACR)" mention anywhere in the file ties the
    name and the acronym together, so that a bare "VIN" and a bare "Mạng lưới …" resolve to the
    same organisation whatever the order of the rows (without this, the rows before the tying
    mention had already made two)."""
    for row in preview.rows:
        if row.columns is None:
            continue
        mentions = [row.refs.get("organisation"), *(row.refs.get("organisations") or [])]
        for text in mentions:
            if text and split_acronym(text)[1]:
                ctx.orgs.resolve(text)


def match_rows(
    session: Session,
    preview: Preview,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    after: Sequence[Preview] = (),
) -> MatchContext:
    """Give every checked row its status; resolve names to ids (placeholders for new ones).

    ``after``: earlier sheets of the same workbook, previewed already: the organisations and
    staff members they create count as known here (the preview of a contacts sheet does not
    list as its own the organisations the organisations sheet creates).

    When the database has not changed since the last run over this preview (same
    :func:`db_state`), that run's result stands and is returned without redoing it (not a
    run that counted on earlier sheets, unless those are given again).
    """
    state = db_state(session)
    cached = preview.context
    if (
        isinstance(cached, MatchContext)
        and preview.db_state == state
        and (after or not (cached.earlier or cached.pending or cached.overlay))
        and cached.revive == preview.restoring
    ):
        return cached
    # Keys, messages and an update's values by the hundred thousand, none in a cycle: the
    # collector paused (app.gcpause) also when matching runs again outside preview_import,
    # after a split or a join (folds) or at the commit (a re-import at 100k: 4.8 s → 3.0 s CPU).
    with paused_gc():
        ctx = _match(session, preview, progress, cancel, after)
    preview.context, preview.db_state = ctx, state
    return ctx


def _typed_without_accents(
    keys: list[tuple[str, Any]],
    db_keys: dict[tuple[str, Any], Any],
    people: People,
    folded_db: dict[tuple[str, Any], list[tuple[str, Any]]] | None,
) -> dict[tuple[str, Any], list[tuple[str, Any]]] | None:
    """A name typed without any accents ("Nguyen Thi Hong Nhung", as field sheets and phones
    write them) that no record has as written is the one record at its organisation whose name
    folds to it ("Nguyễn Thị Hồng Nhung"): its key is made that record's in ``db_keys``. Names
    written with other accents stay two people (reviewer h129's "Phạm Thị Thu Trang" and "Pham
    Thi Thu Trang", each matched as written); so do two or more records that fold alike, and the
    usual checks (an e-mail or a phone that differs) still tell people apart after. The folded
    keys of the records are made on the first such row (``folded_db``, returned to keep)."""
    key = next((k for k in keys if k[0] == "name"), None)
    if key is None or key in db_keys:
        return folded_db
    written, org = key[1]
    if not written or fold(written) != written:  # (accents typed: the name as written decides)
        return folded_db
    if folded_db is None:
        folded_db = {}
        for k in db_keys:
            if k[0] == "name":
                folded_db.setdefault((fold(k[1][0]), k[1][1]), []).append(k)
    alike = folded_db.get((written, org), ())
    if len(alike) == 1 and not people.more.get(alike[0]):
        db_keys[key] = db_keys[alike[0]]
    return folded_db


def _match(
    session: Session,
    preview: Preview,
    progress: Progress | None,
    cancel: Cancel | None,
    after: Sequence[Preview],
) -> MatchContext:
    kind = preview.kind
    absorb.restore(preview)  # (the rows as read: not merged into twice)
    ctx = MatchContext(
        OrgIndex.load(session),
        NameIndex.staff(session),
        # read only for the kinds that look them up (_resolve_refs): 100k contacts folded for
        # nothing made a third of a contacts re-import's matching
        NameIndex.contacts(session) if kind in ("meeting", "action") else NameIndex(),
        NameIndex.meetings(session) if kind == "action" else NameIndex(),
    )
    # (before anything else is registered: which organisations in the trash a name may be)
    ctx.trash_orgs = ctx.orgs.in_the_trash(session)
    if preview.restoring:
        ctx.revive = True
        shown = preview.announced  # (at the commit: only what the preview showed)
        ctx.orgs.revive(ctx.trash_orgs, None if shown is None else shown.get("organisation", frozenset()))
    if after:
        _seed(ctx, after, kind)
    # the names an earlier organisations sheet gave the records it matched or repeated; at the
    # commit too, where ``after`` is not given: the preview's sheets, matched there again
    tie_matched_names(ctx.orgs, after or preview.earlier_sheets)
    choices = preview.org_choices
    if choices is not None:
        ctx.orgs.redirect = dict(choices.joins)
        ctx.orgs.separate = dict.fromkeys(choices.splits)
    if kind in ("contact", "organisation"):
        ctx.successors = reorganised.load(session)
    people = People({}, set(), set()) if kind == "contact" else None
    db_keys = _db_keys(session, kind, ctx, people)
    if after:
        _seed_records(session, ctx, kind, after, db_keys, people)
    if kind == "contact":  # a delegate list's headings: "CÔNG TY GENETICA" is the saved Genetica
        tie_heading_names(preview, ctx.orgs)
    if kind != "organisation":
        _tie_organisation_names(preview, ctx)
    seen: dict[tuple[str, Any], int] = {}
    # contacts: the rows above with the same name at the same organisation as the first that
    # has the key (``seen``), evidently other people; the details (emails, phones) of each row
    # that holds a name key; of each record that rows update, the details they add to it, and
    # the first of those rows
    seen_more: dict[tuple[str, Any], list[int]] = {}
    row_details: dict[int, int] = {}
    dup_keys: dict[tuple[str, Any], int] = {}  # the emails and phones of duplicates, to their first row
    claimed: dict[int, tuple[int, int]] = {}
    other_contacts: list[tuple[RowResult, int]] = []
    row_names: dict[int, str] = {}  # contacts: each row's name, by row number
    folded_names: dict[int, str] = {}  # and folded, as its key has it (app.importing.likely)
    seen_owners: dict[tuple[str, Any], list[int]] = {}  # the later rows with an email or phone of ``seen``
    folded_db: dict[tuple[str, Any], list[tuple[str, Any]]] | None = None  # (_typed_without_accents)
    on_match, learn, rekey = preview.on_match, ctx.orgs.learn, kind in ("contact", "action")
    for i, row in enumerate(preview.rows):
        if i % CHECK_EVERY == 0 and i:
            if cancel is not None and cancel():
                raise ImportCancelled()
            if progress is not None:
                progress(i, len(preview.rows))
        if row.columns is None:
            continue
        row.status, row.reasons, row.match_id, row.duplicate_of, row.new_id, row.changes = (
            "new",
            (),
            None,
            None,
            None,
            None,
        )
        refs = row.refs
        text = refs.get("organisation")
        if text:
            learn(text)
        for text in refs.get("organisations", ()):
            if text:
                learn(text)
        keys = _keys(kind, row, ctx)
        # an email or phone shared with a row above of another name is not a match (nor kept)
        all_keys = keys
        chosen: dict[tuple[str, Any], Any] = {}
        shared_row = None
        if people is not None and not seen.keys().isdisjoint(keys):  # (one C loop, not a generator)
            keys, chosen, shared_row = _other_names(kind, row, keys, seen, seen_owners, row_names.__getitem__)
        dup = _first(keys, seen)
        first = chosen.get(dup, seen[dup]) if dup is not None else 0
        other_row = 0
        details = 0
        if people is not None:
            details = _details(row)
            if dup is not None and dup[0] == "name" and details:
                # None of the row's emails and phones is in ``seen``: it shares none with the rows
                # above, but may share one with a duplicate of one of them (``dup_keys``). Else
                # the first of them with the name that is not evidently another person.
                candidates = (first, *seen_more.get(dup, ()))
                shared = next((dup_keys[k] for k in keys if k in dup_keys), 0) if dup_keys else 0
                first = (
                    shared
                    if shared in candidates
                    else next(
                        (r for r in candidates if not evidently_others(details, row_details.get(r, 0))), 0
                    )
                )
                if not first:
                    other_row, dup = seen[dup], None
        if dup is not None:
            row.status, row.duplicate_of = "duplicate", first
            row.note("duplicate_of_row", other_row=first, key=Term(dup[0]))
            if details:
                # the person of row ``first`` has this row's emails and phones too
                row_details[first] = row_details.get(first, 0) | details
                for k in keys:
                    if k[0] != "name" and k not in seen:
                        dup_keys.setdefault(k, first)
            continue
        held = _held_keys(kind, row, keys)
        for k in held:
            if k not in seen:
                seen[k] = row.row
            elif other_row and k[0] == "name":
                seen_more.setdefault(k, []).append(row.row)
        if people is not None:
            row_names[row.row] = row.columns.get("full_name") or ""
            folded_names[row.row] = fold(row_names[row.row])
            if shared_row is not None:  # an email or phone also had by someone of another name above
                for k in all_keys:
                    if k[0] != "name" and seen.get(k, row.row) != row.row:
                        seen_owners.setdefault(k, []).append(row.row)
        if details:
            row_details[row.row] = details
        shared_contact, chosen = None, {}
        if people is not None and db_keys:
            folded_db = _typed_without_accents(all_keys, db_keys, people, folded_db)
            # (from all the row's keys: an email another name has above may be this person's here)
            keys, chosen, shared_contact = _other_names(
                kind, row, all_keys, db_keys, people.owners, people.names.get
            )
        hit = _first(keys, db_keys) if db_keys else None
        if hit is not None and hit in chosen:
            row.match_id = chosen[hit]
        other_contact = 0
        if people is not None and hit is not None and hit[0] == "name" and details:
            # None of the row's emails and phones is a record's: it shares none with a record.
            candidates = (db_keys[hit], *people.more.get(hit, ()))
            found = next(
                (c for c in candidates if not evidently_others(details, _details_of(c, people, claimed))), 0
            )
            if found:
                row.match_id = found
            else:
                other_contact, hit = candidates[0], None
        if hit is not None:
            if row.match_id is None:
                row.match_id = db_keys[hit]
            if on_match == "skip":
                row.status = "skip"
                row.note("already_exists", id=ctx.shown(row.match_id), key=Term(hit[0]))
                continue
            if on_match == "create":
                row.note("matches_created_anyway", id=ctx.shown(row.match_id), key=Term(hit[0]))
                row.match_id = None
            else:
                row.status = "update"
                if people is not None and details:
                    # the record will have the row's emails and phones too
                    was, by = claimed.get(row.match_id, (0, row.row))
                    claimed[row.match_id] = (was | details, by)
        elif other_contact:
            by = claimed.get(other_contact, (0, 0))[1]
            if people is not None and details & people.details(other_contact):
                other_contacts.append((row, other_contact))
            else:  # the record has not these details yet, but a row above adds them
                row.note("other_person_than_row", other_row=by)
        elif other_row:
            row.note("other_person_than_row", other_row=other_row)
        elif shared_contact is not None:
            how, value, ident = shared_contact
            row.note("shares_detail_with_contact", key=Term(how), value=value, id=ctx.shown(ident),
                     name=people.names.get(ident, "") if people is not None else "")  # fmt: skip
        elif shared_row is not None:
            how, value, by = shared_row
            row.note(
                "shares_detail_with_row", key=Term(how), value=value, other_row=by, name=row_names.get(by, "")
            )
        _resolve_refs(kind, row, ctx)
        if rekey and type(keys[-1][1][1]) is str:
            # Now that its organisation has an id, a later row citing it another way
            # ("VIN" / "Mạng lưới … (VIN)") meets the same key (the last key is the one that
            # names the organisation; the others are in ``seen`` already). Only an organisation
            # unknown when the keys were made ("?name") can have changed.
            last = _last_key(row, ctx, keys)
            if last not in seen:
                seen[last] = row.row
            elif details:  # (a candidate after the row that holds it: see above)
                seen_more.setdefault(last, []).append(row.row)
        if kind == "organisation" and row.status == "new":
            c = row.columns
            row.new_id = ctx.orgs.add(c["name"], c.get("acronym", ""), c.get("aliases") or [], row.row)
        elif kind == "staff" and row.status == "new":
            # the commit writes it with the staff the other sheets name (commit.write_staff)
            row.new_id = ctx.staff.add(row.columns["name"], row.columns.get("email") or "")
    # a duplicate's values are not lost: merged into the row it duplicates (app.importing.absorb)
    absorb.merge_duplicates(preview, _merge_rules(preview, ctx), lambda row: _resolve_refs(kind, row, ctx))
    if kind == "staff":  # (its own rows are its new records, not staff that names create)
        ctx.earlier_staff = ctx.earlier_staff | {r.new_id for r in preview.rows if r.new_id is not None}
    if kind == "organisation":
        for row in preview.rows:
            if row.status in ("new", "update") and "parent" in row.refs and row.columns is not None:
                parent = ctx.successors.now_of(ctx.orgs.resolve(row.refs["parent"]))
                own = row.new_id if row.status == "new" else row.match_id
                row.columns["parent_id"] = parent if parent != own else None
    if other_contacts:
        _note_other_contacts(session, other_contacts, ctx)
    if kind in ("contact", "organisation"):  # filed under the successor of one reorganised by today
        earlier_run = preview.context.successors if isinstance(preview.context, MatchContext) else None
        reorganised.say(preview, ctx, earlier_run)
    if kind in ("meeting", "action"):  # Log meeting's rules: successors, a meeting logged already
        logbook.apply(session, preview, ctx, db_keys)
    # a new person who is in the trash: brought back (the import's choice), or said
    trashed.match(session, preview, ctx)
    compute_updates(session, preview, ctx)
    if kind == "meeting":
        logbook.settle(preview)
    # an organisation or staff member only for the rows written (not a skipped row's)
    unwritten.drop_unwritten(preview, ctx)
    trashed.count(preview, ctx)  # what the sheet brings back from the trash (or would)
    likely.say(session, preview, ctx, folded_names)  # a new row: a record under another spelling?
    return ctx


def _merge_rules(preview: Preview, ctx: MatchContext) -> absorb.Rules:
    layout = preview.layout

    def label(name: str) -> str:
        cols = layout.columns_for(name)
        return layout.column_label(cols[0]) if cols else ""

    return absorb.Rules(
        preview.kind,
        NOTES_FIELD.get(preview.kind),
        LATEST_WINS,
        lambda name: FIELD_COLUMNS.get(name, (name,)),
        lambda name, value: shown_value(ctx, name, value),
        label,
        _later,
        layout.sheet,
    )


def _details_of(ident: int, people: People, claimed: dict[int, tuple[int, int]]) -> int:
    """The record's emails and phones, and those the rows above add to it."""
    return people.details(ident) | claimed.get(ident, (0, 0))[0]


def _note_other_contacts(session: Session, found: list[tuple[RowResult, int]], ctx: MatchContext) -> None:
    """Rows imported as other people than the record of the same name: the note names it."""
    contact = _table(m.Contact)
    names = {ident: e.name for ident, e in ctx.pending.items()}
    for part in chunked(sorted({ident for _row, ident in found if ident not in ctx.pending})):
        stmt = select(contact.c.id, contact.c.full_name).where(contact.c.id.in_(part))
        names.update((ident, name) for ident, name in _read(session, stmt))
    for row, ident in found:
        row.note("other_person_than_contact", id=ctx.shown(ident), name=names.get(ident, ""))


def supplied_columns(row: RowResult) -> set[str]:
    return set(_supplied_columns(row.supplied))


@lru_cache(maxsize=256)
def _supplied_columns(supplied: frozenset[str]) -> tuple[str, ...]:
    """The columns the fields ``supplied`` fill, sorted (a sheet has a few field sets, shared)."""
    out: set[str] = set()
    for name in supplied:
        out.update(FIELD_COLUMNS.get(name, (name,)))
    return tuple(sorted(out))


def _value_reader(
    session: Session, model: type[Any], names: Sequence[str]
) -> Callable[[Sequence[int]], dict[int, dict[str, Any]]]:
    """Reads the records' values of the columns ``names``, by id: the columns alone, not whole
    records (at 100k updates, loading the ORM objects was two thirds of a re-import's matching),
    by one statement whose id list is bound at each call. A name that is no column of the table
    reads as the record's attribute, as before; one it has not, None."""
    table = _table(model)
    columns = [n for n in names if n in table.c]
    others = [n for n in names if n not in table.c]
    stmt = select(table.c.id, *(table.c[n] for n in columns)).where(
        table.c.id.in_(bindparam("ids", expanding=True))
    )

    def read(ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        out = {
            ident: dict(zip(columns, values, strict=True))
            for ident, *values in session.connection().execute(stmt, {"ids": list(ids)})
        }
        if any(hasattr(model, n) for n in others):
            for rec in session.exec(select(model).where(col(model.id).in_(ids))):
                out[rec.id].update({n: getattr(rec, n, None) for n in others})
        return out

    return read


LATEST_WINS = frozenset({"last_contacted_on"})
"""Fields where a sheet's value replaces the record's when it is later, in "fill" mode too, and
never when it is earlier: a re-imported list with a later "Ngày gặp gần nhất" tells of a newer
contact (fill left it, saying "overwrite" would replace it), and an older list in "overwrite"
mode put an earlier day over a meeting's (app.contacted: the later of what a sheet gave and
the latest meeting)."""


def _later(new: Any, old: Any) -> bool:
    try:
        return bool(new > old)
    except TypeError:  # (not two dates: a value as typed; written as any other field)
        return bool(new != old)


def compute_updates(session: Session, preview: Preview, ctx: MatchContext) -> None:
    """For rows that update a record: which fields change (fill blanks or overwrite)."""
    kind = preview.kind
    rows = [r for r in preview.rows if r.status == "update" and r.match_id is not None]
    model = MODELS[kind]
    notes = NOTES_FIELD.get(kind)
    fill = preview.on_match == "fill"
    field_of = {
        rel: next((f for f, r in RELATION_OF_FIELD.items() if r == rel), rel) for rel in store.RELATIONS[kind]
    }
    field_sets = {r.supplied for r in rows}  # a few, shared by the rows
    read = _value_reader(
        session, model, sorted({n for fields in field_sets for n in _supplied_columns(fields)})
    )
    # the records' lists, when the sheet has a column for one (a list the sheet does not name is
    # not compared, below)
    listed = any(f in fields for fields in field_sets for f in field_of.values())
    for part in chunked(rows):
        ids: Sequence[int] = [r.match_id for r in part if r.match_id is not None]
        records = read([i for i in ids if i not in ctx.pending])
        relations = store.current(session, kind, [i for i in ids if i not in ctx.pending]) if listed else {}
        if ctx.pending or ctx.overlay:
            _as_written_before(kind, ctx, ids, records, relations)
        for row in part:
            assert row.match_id is not None and row.columns is not None and row.relations is not None
            rec = records[row.match_id]
            columns = row.columns
            changes: dict[str, tuple[Any, Any]] = {}
            kept: dict[str, tuple[Any, Any]] = {}  # fill: values of the sheet the record keeps its own of
            for name in _supplied_columns(row.supplied):
                if name not in columns:
                    continue
                new = columns[name]
                if not new and (new is None or new in ("", [])):  # empty(new), inline (1M calls)
                    continue
                old = rec.get(name)
                if name in LATEST_WINS:  # a later day counts in any mode; an earlier one never lowers it
                    if old is None or _later(new, old):
                        changes[name] = (old, new)
                    continue
                if old or not (old is None or old in ("", [])):
                    if name == notes and fill:
                        # notes are never lost: what the row adds (values kept as typed) is appended
                        if str(new) in str(old):
                            continue
                        new = f"{old}\n{new}"
                    elif fill and not (name == "confidential" and new is True):
                        # only blanks are filled; what differs is said, not hidden (but a row
                        # marked confidential makes its record so: left ordinary, every officer
                        # of a team database would see what the file says is confidential)
                        if new != old:
                            kept[name] = (old, new)
                        continue
                if new == old:
                    continue
                changes[name] = (old, new)
            for rel, field_name in field_of.items():
                if field_name not in row.supplied:
                    continue
                old_list = relations[row.match_id][rel]
                added = _added(old_list, row.relations.get(rel, []))
                if added:
                    changes[rel] = (old_list, old_list + added)
            if changes:
                row.changes = changes
                shown = [
                    FieldChange(n, shown_value(ctx, n, o), shown_value(ctx, n, v), kind)
                    for n, (o, v) in changes.items()
                ]
                row.note("updates", id=ctx.shown(row.match_id), changes=shown)
            elif row.match_id in ctx.restoring:
                row.changes = {}  # (brought back from the trash as it was: app.importing.trashed)
            else:
                row.status = "skip"
                row.note("nothing_new", id=ctx.shown(row.match_id))
            if kept:
                # (kept → as the sheet has it: "Position: Viện trưởng → Phó Viện trưởng")
                shown = [
                    FieldChange(n, shown_value(ctx, n, o), shown_value(ctx, n, v), kind)
                    for n, (o, v) in kept.items()
                ]
                row.note("fill_keeps", id=ctx.shown(row.match_id), changes=shown)


def _as_written_before(
    kind: str,
    ctx: MatchContext,
    ids: Sequence[int],
    records: dict[int, dict[str, Any]],
    relations: dict[int, dict[str, Any]],
) -> None:
    """The records as the earlier sheets leave them: those they write, with their rows' values
    (a value the row has not, the record's default), and those of the database they update."""
    defaults: dict[str, Any] | None = None
    for ident in ids:
        earlier = ctx.pending.get(ident)
        if earlier is not None:
            if defaults is None:  # (what a new record has where its row has nothing)
                fields = MODELS[kind].model_fields
                defaults = {n: spec.get_default(call_default_factory=True) for n, spec in fields.items()}
            values, lists = earlier.values(ctx, kind)
            records[ident] = {**defaults, **values}
            relations[ident] = lists
        changed = ctx.overlay.get(ident)  # (what the sheets after the one that writes it update)
        if changed is not None:
            records[ident] = {**records.get(ident, {}), **changed[0]}
            if ident in relations:
                relations[ident] = {**relations[ident], **changed[1]}


def _added(old: list[Any], new: list[Any]) -> list[Any]:
    """The values of ``new`` that ``old`` lacks (compared folded), in order."""
    if not new:
        return []
    # A text written exactly as one already held folds alike: only the others are folded.
    rest = [x for x in new if type(x) is not str or x not in old]
    if not rest:
        return []
    folded_old = {fold(str(x)) for x in old}
    return [x for x in rest if fold(str(x)) not in folded_old]


def shown_value(ctx: MatchContext, name: str, value: Any) -> str:
    """A value as the preview shows it: names for references, lists joined, dates day-first."""
    if type(value) is str:  # most of them (a re-import shows a million old and new values)
        return f'"{value}"' if value else ""
    if empty(value):
        return ""
    if value is True or value is False:  # (a staff member's "active": the same in both languages)
        return "✓" if value else "✗"
    if name in ("organisation_id", "parent_id") and isinstance(value, int):
        return ctx.orgs.name_of(value)
    if name in ("owner_id", "responsible_staff_id") and isinstance(value, int):
        return ctx.staff.name_of(value)
    if name == "staff_ids" and isinstance(value, list):
        return ", ".join(ctx.staff.name_of(v) for v in value)
    if name == "organisation_ids" and isinstance(value, list):
        return ", ".join(ctx.orgs.name_of(v) for v in value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return _day(value) if type(value) is dt.date else value.strftime("%d/%m/%Y")
    return f'"{value}"' if isinstance(value, str) else str(value)


@lru_cache(maxsize=4096)
def _day(value: dt.date) -> str:
    """A day as shown, remembered: a sheet's dates fall on a few hundred days."""
    return value.strftime("%d/%m/%Y")
