"""Writing many records at once (import, demo data): the same validation as single saves,
written with bulk INSERT statements in the caller's transaction.

For 100k contacts in one transaction :func:`create_many` took 7.3 s (history rows included),
a Core ``insert()`` of a list of dicts 9.2 s, ORM ``add_all`` 17 s and a commit per row about
46 s (``python tests/benchmarks/bench_choices.py --only write``, 2 cores). References
(organisation_id, owner_id…) are not looked up row by row here: the caller passes ids it got
from the database or from this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlmodel import Session

from app.entities import DERIVED, PREPARE, Prepared, Values
from app.records import jsonable, named_ids
from app.vntext import fold
from db import bulkwrite, kinds
from db import models as m
from db.queries import chunked
from db.tables import ATTENDEE, CHANGE, MEET_ORG, MEET_STAFF, METHOD, table_of

Progress = Callable[[int, int], None]
CHUNK = 5000


def prepare_many(entity: str, rows: Sequence[Values]) -> list[Prepared]:
    """Validate every row (no database look-ups); raises on the first invalid row."""
    prepare = PREPARE[entity]
    return [prepare(None, row, None) for row in rows]


def create_many(
    session: Session,
    entity: str,
    prepared: Sequence[Prepared],
    *,
    actor: str = "",
    batch_id: int | None = None,
    progress: Progress | None = None,
    history: bool = True,
    created: Sequence[dt.datetime] | None = None,
) -> list[int]:
    """Insert prepared records and their relations; returns the new ids in input order.

    ``created`` gives each record its own creation stamp (UTC, in input order), for sample
    data that reads as if entered over past months; otherwise every row is stamped now."""
    model = kinds.model(entity)
    ids: list[int] = []
    total = len(prepared)
    now = m.utcnow()
    table = table_of(model)
    stamps = iter(created) if created is not None else None
    for chunk in chunked(prepared, CHUNK):
        at = [next(stamps) for _ in chunk] if stamps is not None else [now] * len(chunk)
        rows = [
            {
                **p.columns,
                **_method_keys(entity, p),
                "created_at": when,
                "updated_at": when,
                "version": 1,
                "import_batch_id": batch_id,
            }
            for p, when in zip(chunk, at, strict=True)
        ]
        chunk_ids = bulkwrite.insert_rows(session, table, rows)
        _insert_relations(session, entity, chunk_ids, chunk)
        if history:
            bulkwrite.executemany(
                session,
                CHANGE,
                [
                    {
                        "entity": entity,
                        "entity_id": i,
                        "op": "create",
                        "field": "",
                        "old": None,
                        "new": jsonable(
                            {k: x for k, x in {**p.columns, **p.relations}.items() if k not in DERIVED}
                        ),
                        "at": when,
                        "actor": actor,
                        "batch_id": batch_id,
                        "group_id": "",
                    }
                    for i, p, when in zip(chunk_ids, chunk, at, strict=True)
                ],
            )
        ids.extend(chunk_ids)
        if progress:
            progress(len(ids), total)
    return ids


def _method_keys(entity: str, p: Prepared) -> dict[str, str | None]:
    """A new contact's first e-mail and phone as its list sort keys, written with the row: the
    triggers of migration 0012 then find them right and do not write the row again."""
    if entity != "contact":
        return {}
    emails, phones = p.relations.get("emails") or [], p.relations.get("phones") or []
    return {
        "email_sort_key": emails[0] if emails else None,
        "phone_sort_key": phones[0] if phones else None,
    }


def _insert_relations(session: Session, entity: str, ids: list[int], chunk: Sequence[Prepared]) -> None:
    pairs = list(zip(ids, chunk, strict=True))
    if entity == "contact":
        methods = [
            {"contact_id": i, "kind": kind, "value": value, "label": "", "position": pos}
            for i, p in pairs
            for kind, key in (("email", "emails"), ("phone", "phones"))
            for pos, value in enumerate(p.relations.get(key, []))
        ]
        if methods:
            bulkwrite.executemany(session, METHOD, methods)
        _insert_named_links(session, pairs, "tags", m.Tag, m.ContactTag, "contact_id", "tag_id")
    elif entity == "organisation":
        _insert_named_links(
            session, pairs, "sectors", m.Sector, m.OrganisationSector, "organisation_id", "sector_id"
        )
        _insert_named_links(session, pairs, "tags", m.Tag, m.OrganisationTag, "organisation_id", "tag_id")
    elif entity == "meeting":
        att = [{"meeting_id": i, **a} for i, p in pairs for a in p.relations.get("attendees", [])]
        if att:
            bulkwrite.executemany(session, ATTENDEE, att)
        orgs = [
            {"meeting_id": i, "organisation_id": o}
            for i, p in pairs
            for o in p.relations.get("organisation_ids", [])
        ]
        if orgs:
            bulkwrite.executemany(session, MEET_ORG, orgs)
        staff = [{"meeting_id": i, "staff_id": s} for i, p in pairs for s in p.relations.get("staff_ids", [])]
        if staff:
            bulkwrite.executemany(session, MEET_STAFF, staff)


def _insert_named_links(
    session: Session,
    pairs: list[tuple[int, Prepared]],
    key: str,
    named: type[Any],
    link: type[Any],
    owner_col: str,
    named_col: str,
) -> None:
    names = {n for _, p in pairs for n in p.relations.get(key, [])}
    if not names:
        return
    by_fold = named_ids(session, named, names)
    links = {(i, by_fold[fold(n)]) for i, p in pairs for n in p.relations.get(key, [])}
    bulkwrite.executemany(session, table_of(link), [{owner_col: a, named_col: b} for a, b in sorted(links)])
