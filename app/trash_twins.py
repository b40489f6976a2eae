"""What a record in the trash already is among the live ones, asked before it is restored.

* :func:`namesake` — the live organisation an organisation in the trash is evidently (its name,
  under the same parent): it cannot come back beside it, and a contact or an action restored
  without it is filed under that one (:func:`filed_under`), never left pointing into the trash.
* :func:`twin_of` — the live contact a contact in the trash is the same person as, by the
  import's rule (:mod:`app.importing.matching`): an e-mail or a phone shared by names that can
  be one person's, or the name as written at the same organisation when the two are not
  evidently two people (for e-mails or for phones both have some, and they share none).

Reviewer h143: an import undone, the same file imported again, "Trần Văn Đông" (no e-mail, no
phone) restored: no question asked, a second identical contact, filed under the organisation
that stayed in the trash while a message said it had not come back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from app.vntext import as_written, clean, fold, name_sort_key, split_honorific, split_name
from db import models as m
from db.engine import Session
from db.queries import chunked
from db.tables import CHANGE, CON, METHOD, ORG


@dataclass(frozen=True)
class Twin:
    """A live contact that is most likely the same person as one in the trash (an import
    undone, the same file imported again, then the first one restored)."""

    id: int
    name: str
    how: str  # "email", "phone", or "name" (the same name at the same organisation)
    value: str  # the e-mail or phone; for "name", the organisation's name ("" for none)


def namesake(session: Session, org: m.Organisation) -> tuple[int, str] | None:
    """The live organisation (not ``org``) with ``org``'s name under the same parent, accents
    and case aside: (id, name), or None. Two live ones may not share a name there."""
    key = fold(org.name)
    parent = ORG.c.parent_id.is_(None) if org.parent_id is None else ORG.c.parent_id == org.parent_id
    for i, name in session.execute(
        select(ORG.c.id, ORG.c.name)
        .where(ORG.c.deleted_at.is_(None), ORG.c.sort_key == org.sort_key, parent, ORG.c.id != org.id)
        .order_by(ORG.c.id)
    ):
        if fold(name) == key:
            return int(i), str(name)
    return None


def merged_away(session: Session, kind: str) -> set[int]:
    """The records of ``kind`` in the trash because they were merged into another (their last
    delete, restore or merge is a merge): their person or organisation lives on in the record
    they went into, and an import brings back none of them (:mod:`app.importing.trashed`)."""
    merged = sorted(
        int(i)
        for i in session.execute(
            select(CHANGE.c.entity_id)
            .where(CHANGE.c.entity == kind, CHANGE.c.op == "merge", CHANGE.c.field == "")
            .distinct()
        ).scalars()
    )
    out: set[int] = set()
    for part in chunked(merged):  # (merges are few: only their records' last rows are read)
        last = (
            select(CHANGE.c.entity_id, func.max(CHANGE.c.id).label("last"))
            .where(
                CHANGE.c.entity == kind,
                CHANGE.c.entity_id.in_(part),
                CHANGE.c.op.in_(("delete", "restore", "merge")),
                CHANGE.c.field == "",
            )
            .group_by(CHANGE.c.entity_id)
            .subquery()
        )
        out.update(
            int(i)
            for i in session.execute(
                select(CHANGE.c.entity_id)
                .join(last, CHANGE.c.id == last.c.last)
                .where(CHANGE.c.op == "merge")
            ).scalars()
        )
    return out


def filed_under(session: Session, org_id: int | None) -> int | None:
    """The organisation a contact or action of ``org_id`` has once restored: its own (live, or
    brought back with it), or the live namesake of its own when that cannot come back."""
    if org_id is None:
        return None
    org = session.get(m.Organisation, org_id)
    if org is None or org.deleted_at is None:
        return org_id
    found = namesake(session, org)
    return found[0] if found is not None else org_id


def _details(session: Session, contact_ids: list[int]) -> dict[int, int]:
    from app.importing.matching import details_of  # (the import pipeline: not at the window's start)

    out: dict[int, int] = dict.fromkeys(contact_ids, 0)
    rows = session.execute(
        select(METHOD.c.contact_id, METHOD.c.kind).where(METHOD.c.contact_id.in_(contact_ids)).distinct()
    )
    for cid, how in rows:
        out[int(cid)] |= details_of(how == "email", how != "email")
    return out


SPLIT_WORDS = 8
"""Names of up to this many words have every split of their words tried (:func:`written_sort_keys`):
45 in each order at 8 words; a longer name, the splits :func:`app.vntext.split_name` makes."""


def written_sort_keys(full_name: str) -> set[str]:
    """The sort keys (:func:`app.vntext.name_sort_key`) a contact whose name is written as
    ``full_name`` can have: the key comes of the family, middle and given parts, and one name as
    written may be split in several ways ("Nguyễn Văn An": family "Nguyễn" or "Nguyễn Văn"; "John
    Smith" given first; a name typed into one column, all given name; an honorific kept out of
    the parts or not). Every split of its words into family, middle and given name, in order,
    family first or given first, with and without a leading honorific; only the splits
    :func:`~app.vntext.split_name` makes of a name longer than :data:`SPLIT_WORDS` words."""
    _honorific, bare = split_honorific(full_name or "")
    out: set[str] = set()
    for text in dict.fromkeys((clean(full_name or ""), bare)):
        words = text.replace(",", " ").split()
        for western in (False, True):
            parts = split_name(text, western=western)
            out.add(name_sort_key(parts.given, parts.family, parts.middle))
        if not words or len(words) > SPLIT_WORDS:
            continue
        n = len(words)
        for i in range(n + 1):
            for j in range(i, n + 1):
                first, middle, last = " ".join(words[:i]), " ".join(words[i:j]), " ".join(words[j:])
                out.add(name_sort_key(last, first, middle))  # family first: given last
                out.add(name_sort_key(first, last, middle))  # given first: family last
    return out


def twin_of(session: Session, contact_id: int) -> Twin | None:
    """The oldest live contact (not ``contact_id``) that is the same person (see the module)."""
    from app.importing.matching import evidently_others, same_person_names  # (as in _details)

    row = session.get(m.Contact, contact_id)
    if row is None:
        return None
    mine = select(METHOD.c.kind, METHOD.c.value).where(METHOD.c.contact_id == contact_id)
    pairs = [(str(k), str(v)) for k, v in session.execute(mine)]
    if pairs:
        for cid, name, how, value in session.execute(
            select(CON.c.id, CON.c.full_name, METHOD.c.kind, METHOD.c.value)
            .join(CON, CON.c.id == METHOD.c.contact_id)
            .where(
                CON.c.deleted_at.is_(None),
                CON.c.id != contact_id,
                # (each pair by the lookup index on kind and value)
                or_(*(and_(METHOD.c.kind == k, METHOD.c.value == v) for k, v in pairs)),
            )
            .order_by(CON.c.id, METHOD.c.kind)  # (its e-mail before its phone)
            .limit(200)
        ):
            # (an office's switchboard or info@ mailbox is many people's: names must agree)
            if same_person_names(row.full_name, str(name)):
                return Twin(int(cid), str(name), str(how), str(value))
    org_id = filed_under(session, row.organisation_id)
    written = as_written(row.full_name)
    # By the name's sort keys alone, through their index: the organisation's other people are
    # never read (reviewer h148: each restore read every live contact of the organisation and
    # compared names in Python; 61 restores from a 20,000-person company took 11 s). The
    # organisation and the trash are told apart here, among the few of that name: with them in
    # the statement SQLite chose the organisation's index and read all its people again.
    keys = sorted(written_sort_keys(row.full_name) | {row.sort_key})
    found = sorted(
        (int(i), str(name))
        for i, name, org, gone in session.execute(
            select(CON.c.id, CON.c.full_name, CON.c.organisation_id, CON.c.deleted_at).where(
                CON.c.sort_key.in_(keys), CON.c.id != contact_id
            )
        )
        if gone is None and org == org_id and as_written(name) == written
    )
    if not found:
        return None
    details = _details(session, [contact_id, *(i for i, _ in found)])
    for i, name in found:
        if not evidently_others(details[contact_id], details[i]):
            org = session.get(m.Organisation, org_id) if org_id is not None else None
            return Twin(i, name, "name", org.name if org is not None else "")
    return None
