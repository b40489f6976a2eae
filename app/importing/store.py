"""Reading and writing a record's relations (emails, phones, sectors, tags, meeting links) in
bulk, for the import's updates and its undo. Values are plain lists, as kept in history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.records import name_key, named_ids
from db import models as m
from db.queries import chunked

RELATIONS: dict[str, tuple[str, ...]] = {
    "organisation": ("sectors", "tags"),
    "contact": ("emails", "phones", "tags"),
    "meeting": ("organisation_ids", "attendees", "staff_ids"),
    "action": (),
    "staff": (),
}
CHUNK = 500


def current(session: Session, kind: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Each record's relation lists, by id; for contacts also ``labels`` (value → label of its
    emails and phones), for meetings ``roles`` (contact id → role of its attendees)."""
    out: dict[int, dict[str, Any]] = {i: {r: [] for r in RELATIONS[kind]} for i in ids}
    extra = {"contact": "labels", "meeting": "roles"}.get(kind)
    if extra:
        for value in out.values():
            value[extra] = {}
    read = {
        "contact": _contact_relations,
        "organisation": _organisation_relations,
        "meeting": _meeting_relations,
    }
    for part in chunked(list(ids)):
        if kind in read:
            read[kind](session, part, out)
    return out


def _contact_relations(session: Session, part: Sequence[int], out: dict[int, dict[str, Any]]) -> None:
    stmt = (
        select(m.ContactMethod.contact_id, m.ContactMethod.kind, m.ContactMethod.value, m.ContactMethod.label)
        .where(col(m.ContactMethod.contact_id).in_(part))
        .order_by(col(m.ContactMethod.contact_id), col(m.ContactMethod.position), col(m.ContactMethod.id))
    )
    for cid, method, value, label in session.exec(stmt):
        out[cid]["emails" if method == "email" else "phones"].append(value)
        if label:
            out[cid]["labels"][value] = label
    for cid, name in session.exec(
        select(m.ContactTag.contact_id, m.Tag.name)
        .join(m.Tag, col(m.Tag.id) == col(m.ContactTag.tag_id))
        .where(col(m.ContactTag.contact_id).in_(part))
        .order_by(col(m.Tag.name))
    ):
        out[cid]["tags"].append(name)


def _organisation_relations(session: Session, part: Sequence[int], out: dict[int, dict[str, Any]]) -> None:
    for oid, name in session.exec(
        select(m.OrganisationSector.organisation_id, m.Sector.name)
        .join(m.Sector, col(m.Sector.id) == col(m.OrganisationSector.sector_id))
        .where(col(m.OrganisationSector.organisation_id).in_(part))
        .order_by(col(m.Sector.name))
    ):
        out[oid]["sectors"].append(name)
    for oid, name in session.exec(
        select(m.OrganisationTag.organisation_id, m.Tag.name)
        .join(m.Tag, col(m.Tag.id) == col(m.OrganisationTag.tag_id))
        .where(col(m.OrganisationTag.organisation_id).in_(part))
        .order_by(col(m.Tag.name))
    ):
        out[oid]["tags"].append(name)


def _meeting_relations(session: Session, part: Sequence[int], out: dict[int, dict[str, Any]]) -> None:
    for mid, oid in session.exec(
        select(m.MeetingOrganisation.meeting_id, m.MeetingOrganisation.organisation_id).where(
            col(m.MeetingOrganisation.meeting_id).in_(part)
        )
    ):
        out[mid]["organisation_ids"].append(oid)
    for mid, cid, role in session.exec(
        select(m.MeetingAttendee.meeting_id, m.MeetingAttendee.contact_id, m.MeetingAttendee.role).where(
            col(m.MeetingAttendee.meeting_id).in_(part)
        )
    ):
        out[mid]["attendees"].append(cid)
        if role and role != "participant":
            out[mid]["roles"][cid] = role
    for mid, sid in session.exec(
        select(m.MeetingStaff.meeting_id, m.MeetingStaff.staff_id).where(
            col(m.MeetingStaff.meeting_id).in_(part)
        )
    ):
        out[mid]["staff_ids"].append(sid)


class Vocab:
    """Get-or-create of tags and sectors by folded name, cached for one import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tags: dict[str, int] | None = None
        self.sectors: dict[str, int] | None = None
        # the rows this import created ("sector"/"tag" → ids): its undo removes them again
        # when nothing else uses them (the write lock is held: a name not read is a new row)
        self.created: dict[str, list[int]] = {}

    def _ids(self, model: type[m.Tag] | type[m.Sector], names: Iterable[str]) -> list[int]:
        """Ids in the order of ``names``; the vocabulary is read once per import and the new
        names are created through ``records.named_ids``, the one resolver."""
        cache = self.tags if model is m.Tag else self.sectors
        if cache is None:
            cache = {f: i for i, f in self.session.exec(select(model.id, model.folded)) if i is not None}
            if model is m.Tag:
                self.tags = cache
            else:
                self.sectors = cache
        names = list(names)
        new = [n for n in names if name_key(n) and name_key(n) not in cache]
        if new:
            made = named_ids(self.session, model, new)
            cache.update(made)
            mine = self.created.setdefault("tag" if model is m.Tag else "sector", [])
            mine += [i for i in made.values() if i not in mine]
        out: list[int] = []
        for name in names:
            key = name_key(name)
            if key and cache[key] not in out:
                out.append(cache[key])
        return out

    def tag_ids(self, names: Iterable[str]) -> list[int]:
        return self._ids(m.Tag, names)

    def sector_ids(self, names: Iterable[str]) -> list[int]:
        return self._ids(m.Sector, names)


def link_rows(
    kind: str,
    rel: str,
    owner_id: int,
    values: list[Any],
    vocab: Vocab,
    extra: dict[Any, str] | None = None,
) -> tuple[type[Any], list[dict[str, Any]]]:
    """The link table and rows that give record ``owner_id`` the relation list ``values``;
    ``extra``: the label of each email/phone, or the role of each attendee."""
    extra = extra or {}
    if kind == "contact" and rel in ("emails", "phones"):
        method = "email" if rel == "emails" else "phone"
        return m.ContactMethod, [
            {"contact_id": owner_id, "kind": method, "value": v, "label": extra.get(v, ""), "position": i}
            for i, v in enumerate(values)
        ]
    if rel == "tags":
        table: type[Any] = m.ContactTag if kind == "contact" else m.OrganisationTag
        key = "contact_id" if kind == "contact" else "organisation_id"
        return table, [{key: owner_id, "tag_id": t} for t in vocab.tag_ids(values)]
    if rel == "sectors":
        return m.OrganisationSector, [
            {"organisation_id": owner_id, "sector_id": s} for s in vocab.sector_ids(values)
        ]
    if rel == "organisation_ids":
        return m.MeetingOrganisation, [{"meeting_id": owner_id, "organisation_id": o} for o in values]
    if rel == "attendees":
        return m.MeetingAttendee, [
            {"meeting_id": owner_id, "contact_id": c, "role": extra.get(c, "participant")} for c in values
        ]
    if rel == "staff_ids":
        return m.MeetingStaff, [{"meeting_id": owner_id, "staff_id": s} for s in values]
    raise KeyError(f"{kind}.{rel}")


def set_relation(
    session: Session,
    kind: str,
    rel: str,
    owner_id: int,
    values: list[Any],
    vocab: Vocab,
    extra: dict[Any, str] | None = None,
) -> None:
    """Replace one record's relation list (used by update and undo; never for new records)."""
    methods: list[tuple[int, str, str, str, int]] = []  # the contact's e-mails and phones now
    if kind == "contact" and rel in ("emails", "phones"):
        methods = [
            (int(i), str(k), str(v), str(label), int(p))
            for i, k, v, label, p in session.execute(
                sa_select(
                    col(m.ContactMethod.id), col(m.ContactMethod.kind), col(m.ContactMethod.value),
                    col(m.ContactMethod.label), col(m.ContactMethod.position),
                )
                .where(col(m.ContactMethod.contact_id) == owner_id)
                .order_by(col(m.ContactMethod.position), col(m.ContactMethod.id))
            ).all()
            if i is not None
        ]  # fmt: skip
        if extra is None:
            # an update or an undo gives the list back; the labels already set stay with their values
            extra = {value: label for _i, _k, value, label, _p in methods if label}
    table, rows = link_rows(kind, rel, owner_id, values, vocab, extra)
    if rel == "attendees":  # a sheet knows who came, not their role: keep the roles already set
        roles = dict(
            session.exec(
                select(m.MeetingAttendee.contact_id, m.MeetingAttendee.role).where(
                    m.MeetingAttendee.meeting_id == owner_id
                )
            ).all()
        )
        for row in rows:
            row["role"] = roles.get(row["contact_id"], row["role"])
    if table is m.ContactMethod:
        method = "email" if rel == "emails" else "phone"
        rows = _keep_methods(session, [x for x in methods if x[1] == method], rows)
    else:
        owner_col = next(
            c
            for c in table.__table__.c
            if c.name in ("contact_id", "organisation_id", "meeting_id")
            and c.primary_key
            and c.foreign_keys
            and next(iter(c.foreign_keys)).column.table.name == kind
        )
        session.execute(delete(table).where(owner_col == owner_id))
    if rows:
        session.execute(insert(table), rows)


def _keep_methods(
    session: Session, methods: list[tuple[int, str, str, str, int]], rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Give a contact the e-mail (or phone) rows ``rows`` in place of ``methods`` (id, kind,
    value, label, position: those it has, in order) keeping the rows of the same value (their
    ids, moved to their new place): only the others are removed, and the new ones returned to
    insert. Deleting them all and inserting the list again gave every e-mail and phone of a
    contact an import updated a new id, its undo another: the database after the undo was not
    the one before the import."""
    have: dict[str, list[tuple[int, str, int]]] = {}
    for ident, _kind, value, label, position in methods:
        have.setdefault(value, []).append((ident, label, position))
    new: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    for row in rows:
        same = have.get(row["value"])
        if not same:
            new.append(row)
            continue
        ident, label, position = same.pop(0)
        if (label, position) != (row["label"], row["position"]):
            moved.append({"id": ident, "label": row["label"], "position": row["position"]})
    stale = [ident for rest in have.values() for ident, _label, _position in rest]
    if stale:
        session.execute(delete(m.ContactMethod).where(col(m.ContactMethod.id).in_(stale)))
    for values in moved:
        session.execute(
            update(m.ContactMethod)
            .where(col(m.ContactMethod.id) == values["id"])
            .values(label=values["label"], position=values["position"])
        )
    return new
