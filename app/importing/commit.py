"""Writing a previewed sheet: one transaction, one :class:`~db.models.ImportBatch`.

The rows are matched again inside the transaction unless the database is exactly as the
preview saw it (:func:`app.importing.matching.db_state`), then written in bulk: executemany
over lists of rows (:mod:`db.bulkwrite`) and ORM bulk ``update`` by primary key,
never an object or a commit per row (100k contacts: ORM objects 2.3x the time of the bulk
path, a commit per row 6x; ``python tests/benchmarks/bench_choices.py --only write``). Every
record created or updated points to the batch, and every created record and changed field
gets a :class:`~db.models.Change` row with the batch id (a created record's with one
``INSERT … SELECT`` over the new id range), so that
:func:`app.importing.undo.undo_import` can reverse exactly this import. A first big import
(more new rows than the table holds) builds the contacts' and their methods' indexes once at
the end (:func:`db.bulkwrite.indexes_deferred`); new contacts are written with their first
e-mail and phone as keys, so those keys need no catch-up, and their e-mails and phones go in
as tuples. A previewed 100k-row contacts sheet commits into a fresh SQLite file in 3.2-3.3 s
of CPU, 3.7 s at the start of this round (``python tests/benchmarks/profile_commit.py
--rounds 3`` from each checkout in turn; 6.35 s before the deferred indexes);
``--digest`` shows every table written the same.

The function never commits: the caller's unit of work does, once, or rolls everything back
when this raises (a cancel, a full disk, a bug). :func:`run_import` is that unit of work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as core_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app import entities
from app.contacted import FIELD as CONTACTED
from app.contacted import GIVEN_OP
from app.entities import prepare_organisation
from app.gcpause import paused_gc
from app.importing import store, trashed
from app.importing.errors import ImportCancelled
from app.importing.matching import MODELS, MatchContext, db_state, match_rows, newest_seen
from app.importing.messages import Message, msg
from app.importing.preview import Cancel, Preview, Progress, RowResult
from app.importing.sheet import remember_mapping
from app.records import jsonable
from app.vntext import name_sort_key, text_sort_key
from db import backup as backups
from db import bulkwrite, clock
from db import models as m
from db.engine import WRITE_LOCK_WAIT_S, large_page_cache, unit_of_work, write_lock
from db.errors import DatabaseBusy
from db.queries import chunked
from db.tables import CHANGE as CHANGE_TABLE
from db.tables import METHOD as METHOD_TABLE
from db.tables import ORG as ORG_TABLE

WRITE_CHUNK = 2000
VOCABULARY_KEY = "vocabulary_created"  # ImportBatch.mapping: "sector"/"tag" → ids it created
LISTED_KEY = "listed_unchanged"  # ImportBatch.mapping: kind → runs of the ids its rows matched, unchanged
REF_COLUMNS = {
    "organisation_id": "org",
    "parent_id": "org",
    "owner_id": "staff",
    "responsible_staff_id": "staff",
}


@dataclass
class CommitResult:
    batch_id: int | None  # None: nothing was written (every row rejected or skipped)
    counts: dict[str, int] = field(default_factory=dict)
    # rows whose result differs from the preview's, because the database changed between the
    # preview and the import (a record they were to update deleted or merged meanwhile, an
    # organisation they linked to gone): each said at its sheet and row (:func:`_rematched`)
    rematched: list[Message] = field(default_factory=list)
    # imports committed since the preview (a colleague's, another window's: often the same
    # workbook) whose records rows now match, so that those rows were not created again: one
    # sentence per import and sheet, naming it (:func:`_imported_since`); their rows are not
    # in ``rematched``
    imported_since: list[Message] = field(default_factory=list)
    made_at: dt.datetime | None = None  # the batch's created_at: with its id, what names it
    # what it brought back from the trash (app.importing.trashed), by kind: "contact" → 61
    restored: dict[str, int] = field(default_factory=dict)


class _Writer:
    def __init__(
        self,
        session: Session,
        preview: Preview,
        ctx: MatchContext,
        batch: m.ImportBatch,
        actor: str,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> None:
        self.session, self.preview, self.ctx, self.batch, self.actor = session, preview, ctx, batch, actor
        self.progress, self.cancel = progress, cancel
        self.now = m.utcnow()
        self.ids: dict[str, dict[int, int]] = {"org": {}, "staff": {}}
        self.changes: list[dict[str, Any]] = []
        self.vocab = store.Vocab(session)
        self.done = 0
        self.total = sum(1 for r in preview.rows if r.status in ("new", "update"))

    def base(self) -> dict[str, Any]:
        return {
            "created_at": self.now,
            "updated_at": self.now,
            "version": 1,
            "deleted_at": None,
            "import_batch_id": self.batch.id,
        }

    def step(self, n: int) -> None:
        self.done += n
        self.check()
        if self.progress is not None:
            self.progress(self.done, self.total)

    def check(self) -> None:
        """A cancel asked for: raised here, so that the transaction is rolled back."""
        if self.cancel is not None and self.cancel():
            raise ImportCancelled()

    def change(
        self, entity: str, ident: int, op: str, name: str = "", old: Any = None, new: Any = None
    ) -> None:
        self.changes.append(
            {
                "entity": entity,
                "entity_id": ident,
                "op": op,
                "field": name,
                "old": jsonable(old),
                "new": jsonable(new),
                "at": self.now,
                "actor": self.actor,
                "batch_id": self.batch.id,
                "group_id": f"import-{self.batch.id}",
            }
        )

    def remap(self, name: str, value: Any) -> Any:
        table = REF_COLUMNS.get(name)
        if table and isinstance(value, int) and value < 0:
            return self.ids[table][value]
        if name == "organisation_ids":
            return [self.ids["org"].get(v, v) for v in value]
        if name == "staff_ids":
            return [self.ids["staff"].get(v, v) for v in value]
        return value

    def insert(self, model: type[Any], rows: list[dict[str, Any]]) -> list[int]:
        """Insert ``rows``; their new ids, in the order of ``rows``."""
        return bulkwrite.insert_rows(self.session, model.__table__, rows, chunk=WRITE_CHUNK)

    def write_staff(self) -> None:
        """New staff members: the rows of a staff sheet and the names other sheets cite."""
        pending = self.ctx.staff.pending
        if not pending:
            return
        by_key = {
            r.new_id: r
            for r in self.preview.rows
            if self.preview.kind == "staff" and r.new_id is not None and r.status == "new"
        }
        keys = list(pending)
        rows: list[dict[str, Any]] = []
        for k in keys:
            row = by_key.get(k)
            if row is not None and row.columns is not None:
                rows.append({**self.base(), **row.columns})
            else:
                rows.append(
                    {
                        **self.base(),
                        "name": pending[k],
                        "email": self.ctx.staff.emails.get(k, ""),
                        "active": True,
                    }
                )
        ids = self.insert(m.Staff, rows)
        for key, ident in zip(keys, ids, strict=True):
            self.ids["staff"][key] = ident
            self.change("staff", ident, "create")
        if by_key:
            self.step(len(by_key))

    def write_orgs(self) -> None:
        """New organisations: the rows of an organisations sheet and the names other sheets cite."""
        pending = self.ctx.orgs.pending
        if not pending:
            return
        by_key = {r.new_id: r for r in self.preview.rows if r.new_id is not None and r.status == "new"}
        keys = list(pending)
        rows: list[dict[str, Any]] = []
        for key in keys:
            row = by_key.get(key)
            if row is not None and row.columns is not None:
                cols = dict(row.columns)
            else:
                p = pending[key]
                cols = dict(prepare_organisation(None, {"name": p.name, "acronym": p.acronym}, None).columns)
            cols["parent_id"] = None
            cols["owner_id"] = self.remap("owner_id", cols.get("owner_id"))
            rows.append({**self.base(), **cols})
        ids = self.insert(m.Organisation, rows)
        links: dict[type[Any], list[dict[str, Any]]] = {}
        for key, ident in zip(keys, ids, strict=True):
            self.ids["org"][key] = ident
            self.change("organisation", ident, "create")
            row = by_key.get(key)
            if row is not None:
                for rel in store.RELATIONS["organisation"]:
                    table, link = store.link_rows(
                        "organisation",
                        rel,
                        ident,
                        row.relations.get(rel, []) if row.relations else [],
                        self.vocab,
                    )
                    links.setdefault(table, []).extend(link)
        for table, link in links.items():
            if link:
                bulkwrite.executemany(self.session, table.__table__, link)
        parents = [
            {"id": self.ids["org"][key], "parent_id": self.remap("parent_id", r.columns["parent_id"])}
            for key, r in by_key.items()
            if r.columns is not None and r.columns.get("parent_id")
        ]
        if parents:
            self.session.execute(update(m.Organisation), parents)
        if by_key:
            self.step(len(by_key))

    def write_new(self, kind: str, rows: list[RowResult]) -> None:
        model = MODELS[kind]
        table = model.__table__
        base = self.base()  # the same for every row: converted once (db.bulkwrite)
        refs = [(name, self.ids[ref]) for name, ref in REF_COLUMNS.items() if name in table.c]
        relations = store.RELATIONS[kind]
        with ExitStack() as deferred:
            deferred.enter_context(bulkwrite.indexes_deferred(self.session, str(table.name), len(rows)))
            # the search index and the sort-key catch-ups once for the whole sheet, not per
            # part: one FTS5 statement over 100k contacts takes 0.48 s against 0.57 s in 50
            # parts (profile_commit.py --sql); the parts' own fts_deferred then find no trigger
            deferred.enter_context(bulkwrite.fts_deferred(self.session, str(table.name), None, len(rows)))
            if kind == "contact":
                # their e-mails and phones likewise, with no catch-up of the contacts' e-mail and
                # phone keys: each new contact is written with its first e-mail and phone as
                # keys and its methods follow in position order, so the key triggers would find
                # every key already right (the first method) or not fire (the others)
                methods = 0
                for r in rows:
                    if rels := r.relations:
                        methods += len(rels.get("emails") or ()) + len(rels.get("phones") or ())
                method_table = str(METHOD_TABLE.name)
                deferred.enter_context(
                    bulkwrite.fts_deferred(self.session, method_table, None, methods, parents_keyed=True)
                )
                deferred.enter_context(bulkwrite.indexes_deferred(self.session, method_table, methods))
            self._write_new(kind, table, base, refs, relations, rows)
        # the indexes and the search index were built as the block ended (seconds for 60k rows,
        # the bar at "60,000 / 60,000"): a cancel pressed meanwhile is honoured (reviewer: it
        # was ignored, and the import written)
        self.check()

    def _write_new(
        self,
        kind: str,
        table: Any,
        base: dict[str, Any],
        refs: list[tuple[str, dict[int, int]]],
        relations: tuple[str, ...],
        rows: list[RowResult],
    ) -> None:
        if kind == "contact":  # (the contact's methods are written below, as tuples)
            relations = tuple(rel for rel in relations if rel not in ("emails", "phones"))
        for part in chunked(rows, WRITE_CHUNK):
            values = self._values(kind, refs, part)
            ids = bulkwrite.insert_rows(self.session, table, values, chunk=WRITE_CHUNK, same=base)
            links: dict[type[Any], list[dict[str, Any]]] = {}
            for row, ident in zip(part, ids, strict=True):
                row.new_id = ident
                rels = row.relations
                if not rels:
                    continue
                for rel in relations:
                    items = rels.get(rel)
                    if not items:
                        continue
                    items = self.remap(rel, items)
                    extra = rels.get("roles") if rel == "attendees" else rels.get("labels")
                    link_table, link = store.link_rows(kind, rel, ident, items, self.vocab, extra)
                    links.setdefault(link_table, []).extend(link)
            if kind == "contact":
                bulkwrite.insert_tuples(self.session, METHOD_TABLE, METHOD_COLUMNS, _method_rows(part, ids))
            for link_table, link in links.items():
                if link:
                    bulkwrite.executemany(self.session, link_table.__table__, link)
            self.created(kind, table, ids)
            self.step(len(part))

    def _values(
        self, kind: str, refs: list[tuple[str, dict[int, int]]], part: Sequence[RowResult]
    ) -> list[dict[str, Any]]:
        """The column values of new rows ``part``, references to records this import creates
        given their new ids."""
        values: list[dict[str, Any]] = []
        append = values.append
        contact = kind == "contact"
        for r in part:
            value = dict(r.columns or {})
            for name, new_ids in refs:  # a record this import creates: its new id
                ref = value.get(name)
                if ref.__class__ is int and ref < 0:
                    value[name] = new_ids[ref]
            if contact:  # the list's sort keys written with the row (migration 0012)
                rels = r.relations
                emails = rels.get("emails") if rels else None
                phones = rels.get("phones") if rels else None
                value["email_sort_key"] = emails[0] if emails else None
                value["phone_sort_key"] = phones[0] if phones else None
            append(value)
        return values

    def created(self, entity: str, table: Any, ids: list[int]) -> None:
        """The "create" history rows of ``ids``, new rows of ``table``: one INSERT … SELECT
        over their id range (the history rows a record service writes, without a Python
        object per row), after the history rows already pending, in id order."""
        if not ids:
            return
        first, last = ids[0], ids[-1]
        if ids != list(range(first, last + 1)):  # not one range (never on SQLite): row by row
            for ident in ids:
                self.change(entity, ident, "create")
            self.flush_changes()
            return
        self.flush_changes()
        c = CHANGE_TABLE.c
        same = {
            "entity": entity,
            "op": "create",
            "field": "",
            "old": jsonable(None),
            "new": jsonable(None),
            "at": self.now,
            "actor": self.actor,
            "batch_id": self.batch.id,
            "group_id": f"import-{self.batch.id}",
        }
        columns = [bindparam(f"v_{k}", v, type_=c[k].type).label(k) for k, v in same.items()]
        rows = (
            core_select(*columns, table.c.id.label("entity_id"))
            .where(table.c.id.between(first, last))
            .order_by(table.c.id)
        )
        self.session.execute(insert(CHANGE_TABLE).from_select([*same, "entity_id"], rows))

    def write_updates(self, kind: str, rows: list[RowResult]) -> None:
        model = MODELS[kind]
        for part in chunked(rows, store.CHUNK):
            ids = [r.match_id for r in part if r.match_id is not None]
            records = {rec.id: rec for rec in self.session.exec(select(model).where(col(model.id).in_(ids)))}
            relations = store.current(self.session, kind, ids)
            updates: list[dict[str, Any]] = []
            for row in part:
                assert row.match_id is not None and row.changes
                rec = records[row.match_id]
                merged = rec.model_dump()
                rels = dict(relations[row.match_id])
                values: dict[str, Any] = {
                    "id": rec.id,
                    "version": rec.version + 1,
                    "updated_at": self.now,
                    "import_batch_id": self.batch.id,
                }
                for name, (old, proposed) in row.changes.items():
                    new = self.remap(name, proposed)
                    if name in store.RELATIONS[kind]:
                        store.set_relation(self.session, kind, name, rec.id, new, self.vocab)
                        rels[name] = new
                    else:
                        values[name] = merged[name] = new
                    # a sheet's "last met" is a floor for later recounts, even with the meetings
                    # of another sheet of this workbook in this import's group (app.contacted)
                    op = GIVEN_OP if kind == "contact" and name == CONTACTED else "import"
                    self.change(kind, rec.id, op, name, old, new)
                values.update(derived(kind, merged, rels))
                updates.append(values)
            if updates:
                self.session.execute(update(model), updates)
            self.flush_changes()
            self.step(len(part))

    def flush_changes(self) -> None:
        if self.changes:
            bulkwrite.executemany(self.session, CHANGE_TABLE, self.changes)
            self.changes = []


METHOD_COLUMNS = ("contact_id", "kind", "value", "label", "position")


def _method_rows(part: Sequence[RowResult], ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The e-mail and phone rows (:data:`METHOD_COLUMNS`) of new contacts ``part`` with ids
    ``ids``: per contact its e-mails then its phones, each in its order — the rows
    :func:`app.importing.store.link_rows` gives, as tuples."""
    out: list[tuple[Any, ...]] = []
    append = out.append
    for row, ident in zip(part, ids, strict=True):
        rels = row.relations
        if not rels:
            continue
        labels = rels.get("labels") or {}
        for kind, rel in (("email", "emails"), ("phone", "phones")):
            for position, value in enumerate(rels.get(rel) or ()):
                append((ident, kind, value, labels.get(value, ""), position))
    return out


def derived(kind: str, c: dict[str, Any], rels: dict[str, Any]) -> dict[str, Any]:
    """The sort and search columns of a record from its merged values (as the services compute them)."""
    if kind == "contact":
        return {
            "sort_key": name_sort_key(c["given_name"], c["family_name"], c["middle_name"]),
            "search_text": entities.contact_search_text(c, rels.get("emails", []), rels.get("phones", [])),
        }
    if kind == "organisation":
        return {"sort_key": text_sort_key(c["name"]), "search_text": entities.organisation_search_text(c)}
    if kind == "meeting":
        return {"search_text": entities.meeting_search_text(c)}
    if kind == "staff":
        return {}
    return {"search_text": entities.action_search_text(c)}


def commit_import(
    previews: Preview | Sequence[Preview],
    *,
    session: Session,
    actor: str = "",
    remember: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> CommitResult:
    """Write the accepted rows of one sheet, or of every sheet of a workbook, as ONE import
    batch (the caller commits once: all the sheets are written, or none).

    Sheets are written in the order given (organisations first is best): each is matched again
    against what the sheets before it wrote, inside this transaction.
    """
    items = [previews] if isinstance(previews, Preview) else list(previews)
    # Two imports at once (two windows, two officers) would each match against a database
    # without the other's rows and write everything twice: the matching and the writing hold
    # the write lock, so the second one matches against what the first committed.
    write_lock(session, "import")
    # 128 MB of page cache for this connection (SQLite): the index B-trees of 100k new rows
    # stay in memory instead of being re-read (measured: a third off the writing time).
    large_page_cache(session, 128)
    batch: m.ImportBatch | None = None
    totals: dict[str, Any] = {}
    sheets: list[dict[str, Any]] = []
    # The progress is of the whole workbook: rows written out of rows to write, as the window's
    # "Writing 26,400 rows…" counts them (reviewer: it read "Writing 26,400 rows… 2,000 / 2,000",
    # each sheet counted from 0 to its own rows).
    to_write = [_rows_to_write(p) for p in items]
    overall, before = sum(to_write), 0
    # What the previews saw, if the database has changed since (another window's delete, a
    # merge, a colleague's import): the rows whose result then differs are said, not silently
    # written otherwise (reviewer: "Update 7" in the preview, an organisation deleted meanwhile,
    # "6 updated, 66 new" and a new "Viettel" beside the deleted one, unsaid)
    state = db_state(session)
    changed = any(p.db_state is not None and p.db_state != state for p in items)
    rematched: list[Message] = []
    imported_since: list[Message] = []
    listed: dict[str, set[int]] = {}
    for preview, own in zip(items, to_write, strict=True):
        previewed = _as_previewed(preview) if changed else None
        seen = preview.db_state  # (the matching below replaces it)
        sheet_progress = None if progress is None else _offset(progress, before, own, overall)
        before += own
        batch, counts = _commit_sheet(session, preview, batch, actor, remember, sheet_progress, cancel)
        if previewed is not None:
            said = _rematched(preview, previewed)
            if seen is not None:
                said, since = _imported_since(session, preview, seen, said, batch)
                imported_since += since
            rematched += said
        sheets.append(_sheet_entry(preview, counts))
        for r in preview.rows:
            if r.status == "skip" and r.match_id is not None:
                listed.setdefault(preview.kind, set()).add(r.match_id)
        for key, n in counts.items():
            totals[key] = totals.get(key, 0) + n
    if batch is None:
        # Every row of every sheet rejected or skipped: no empty batch in the history.
        return CommitResult(None, totals, rematched, imported_since)
    totals["sheets"] = sheets
    batch.counts = totals
    batch.sheet = ", ".join(s["sheet"] for s in sheets if s["written"])[:200]
    batch.kind = ",".join(dict.fromkeys(s["kind"] for s in sheets if s["written"]))[:40]
    batch.mapping = {**batch.mapping, "sheets": [s["mapping"] for s in sheets]}
    if listed:
        # the records its rows matched and left as they were: the file lists them, so an undo of
        # the import that created them keeps them while this one stands (app.importing.undo)
        batch.mapping = {**batch.mapping, LISTED_KEY: {k: id_runs(v) for k, v in listed.items()}}
    session.add(batch)
    session.flush()
    assert batch.id is not None
    restored = {k: n for k in trashed.KINDS if (n := totals.get(f"{RESTORED_PREFIX}{k}", 0))}
    return CommitResult(
        batch.id, totals, rematched, imported_since, made_at=batch.created_at, restored=restored
    )


Previewed = dict[int, tuple[str, int | None, int | None, str]]


def _as_previewed(preview: Preview) -> Previewed | None:
    """Each row's result as the preview showed it — status, the record it matched, the existing
    organisation it linked to, the organisation as written — or None if it was not matched."""
    if not isinstance(preview.context, MatchContext):
        return None
    return {
        r.row: (r.status, r.match_id, _existing_org(r), str(r.refs.get("organisation") or ""))
        for r in preview.rows
        if r.columns is not None
    }


def _existing_org(row: RowResult) -> int | None:
    found = (row.columns or {}).get("organisation_id")
    return found if isinstance(found, int) and found > 0 else None  # (< 0: one this import creates)


def _rematched(preview: Preview, previewed: Previewed) -> list[Message]:
    """What differs, row by row, between the preview's result and the one just written."""
    out: list[Message] = []
    sheet = preview.layout.sheet
    for r in preview.rows:
        was = previewed.get(r.row)
        if was is None or r.columns is None:
            continue
        status, match_id, org, org_text = was
        if match_id is not None and r.match_id != match_id:
            if r.status == "new":
                name = next(
                    (str(r.columns[k]) for k in ("full_name", "name", "title") if r.columns.get(k)), ""
                )
                out.append(msg("rematch_gone", sheet=sheet, row=r.row, id=match_id, name=name))
            elif r.match_id is not None:
                out.append(msg("rematch_other", sheet=sheet, row=r.row, prev_id=match_id, id=r.match_id))
            else:
                out.append(msg("rematch_changed", sheet=sheet, row=r.row))
        elif match_id is None and r.match_id is not None:
            out.append(msg("rematch_found", sheet=sheet, row=r.row, id=r.match_id))
        elif status != r.status:
            out.append(msg("rematch_changed", sheet=sheet, row=r.row))
        now_org = (r.columns or {}).get("organisation_id")
        if org is not None and now_org != org:
            if isinstance(now_org, int) and now_org > 0:
                out.append(msg("rematch_org_other", sheet=sheet, row=r.row, prev_id=org, id=now_org))
            else:
                out.append(msg("rematch_org_gone", sheet=sheet, row=r.row, id=org, name=org_text))
    return out


def _imported_since(
    session: Session,
    preview: Preview,
    seen: Any,
    said: list[Message],
    this: m.ImportBatch | None,
) -> tuple[list[Message], list[Message]]:
    """Of the rows ``said`` to have found a record added since the preview, those whose record
    an import committed since wrote: one sentence per such import, in place of theirs.

    Two officers preview the same workbook (every row new), one imports it, then the other:
    the second import matches the first's records and creates nothing again; it says so in one
    sentence naming the import, by whom and when, not as a "matched #12" per row."""
    found = [x for x in said if x.code == "rematch_found" and isinstance(x.params.get("id"), int)]
    if not found:
        return said, []
    model = MODELS[preview.kind]
    newest = newest_seen(seen, preview.kind)
    added = {int(x.params["id"]) for x in found if int(x.params["id"]) > newest}
    written_by: dict[int, int] = {}
    for part in chunked(sorted(added), store.CHUNK):
        for ident, batch_id in session.exec(
            select(model.id, model.import_batch_id).where(col(model.id).in_(part))
        ):
            if batch_id is not None and (this is None or batch_id != this.id):
                written_by[ident] = batch_id
    if not written_by:
        return said, []
    batches = {
        b.id: b
        for b in session.exec(
            select(m.ImportBatch).where(col(m.ImportBatch.id).in_(set(written_by.values())))
        )
    }
    rows: dict[int, set[int | None]] = {}
    for x in found:
        batch_id = written_by.get(int(x.params["id"]))
        if batch_id is not None and batch_id in batches:
            rows.setdefault(batch_id, set()).add(x.row)
    since = []
    for batch_id, its_rows in sorted(rows.items()):
        b = batches[batch_id]
        code = "imported_since_preview_by" if b.created_by else "imported_since_preview"
        at = f"{clock.local(b.created_at):%d/%m/%Y %H:%M}"  # (the office's time, as the history shows it)
        since.append(
            msg(code, sheet=preview.layout.sheet, file=b.file_name, by=b.created_by, at=at, id=batch_id,
                rows=len(its_rows))
        )  # fmt: skip
    kept = [
        x
        for x in said
        if not (x.code == "rematch_found" and written_by.get(int(x.params.get("id") or 0)) in batches)
    ]
    return kept, since


def id_runs(ids: set[int]) -> list[list[int]]:
    """``ids`` as runs of consecutive ids, [first, last] each: a re-import of 100,000 rows
    created together is one run, not 100,000 numbers in the batch's JSON."""
    out: list[list[int]] = []
    for i in sorted(ids):
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def listed_ids(runs: Any) -> set[int]:
    """The ids of :func:`id_runs`' ``runs`` (what a batch's JSON holds; nothing if malformed)."""
    out: set[int] = set()
    for run in runs if isinstance(runs, list) else ():
        if isinstance(run, list) and len(run) == 2 and all(isinstance(x, int) for x in run):
            out.update(range(run[0], run[1] + 1))
    return out


def _sheet_entry(preview: Preview, counts: dict[str, int]) -> dict[str, Any]:
    layout = preview.layout
    return {
        "sheet": layout.sheet,
        "kind": preview.kind,
        "written": bool(counts.pop("_written", 0)),
        "counts": dict(counts),
        "mapping": _mapping(preview),
    }


def _mapping(preview: Preview) -> dict[str, Any]:
    layout = preview.layout
    return {
        "sheet": layout.sheet,
        "kind": preview.kind,
        "header_row": layout.header_row,
        "headers": layout.headers,
        "columns": {str(c): f for c, f in sorted(layout.mapping.items())},
        "on_match": preview.on_match,
    }


def _rows_to_write(preview: Preview) -> int:
    return sum(1 for r in preview.rows if r.status in ("new", "update"))


def _offset(progress: Progress, before: int, own: int, overall: int) -> Progress:
    """A sheet's progress as the workbook's: its rows after the ``before`` of the sheets
    written earlier, never past its own ``own`` (organisations created for its rows count in
    its steps too)."""
    return lambda done, _total: progress(before + min(done, own), overall)


RESTORED_PREFIX = "restored_"  # a sheet's counts: "restored_contact" → how many it brought back


def _restore_trashed(session: Session, preview: Preview, batch_id: int, actor: str) -> dict[str, int]:
    """Bring back from the trash what the sheet's rows are (app.importing.trashed), by the
    trash's own rules (app.trash.restore_many), in the import's group and batch: its undo puts
    them back in the trash. Returns how many of each kind came back. A row whose record stays in
    the trash (a rule of the database refused it) makes a new record, as without the choice.

    In bulk, as the import writes: one restore at a time took 14 s for 5,000 contacts (a
    savepoint, a read and a history row each). One at a time, by restore_many, only a contact or
    an action whose organisation stays in the trash once those the rows bring back are back: the
    trash's rule files it under the live namesake (or brings the organisation back with it)."""
    items = trashed.to_restore(preview)
    if not items:
        return {}
    from app.trash import restore_many

    group = f"import-{batch_id}"
    restored: list[tuple[str, int]] = []
    wanted = {k: [i for kind, i in items if kind == k] for k in ("organisation", "contact", "action")}
    restored += _bulk_restore(session, "organisation", wanted["organisation"], batch_id, actor)
    for kind in ("contact", "action"):
        careful = _organisation_in_the_trash(session, kind, wanted[kind])
        if careful:
            done = restore_many(
                session, [(kind, i) for i in careful], actor=actor, group_id=group, batch_id=batch_id
            )
            restored += done.restored
        rest = [i for i in wanted[kind] if i not in careful]
        restored += _bulk_restore(session, kind, rest, batch_id, actor)
    session.expire_all()  # (the records written next are read again as they now are)
    model = MODELS[preview.kind]
    back = set(restored)
    left = {i for k, i in items if k == preview.kind and (k, i) not in back}
    still = {
        int(i)
        for i in session.exec(
            select(model.id).where(col(model.id).in_(sorted(left)), col(model.deleted_at).is_not(None))
        )
    } if left else set()  # fmt: skip
    for row in preview.rows:
        if row.status == "update" and row.match_id in still:
            row.status, row.match_id, row.changes = "new", None, None
    out: dict[str, int] = {}
    for kind, _ident in restored:
        out[kind] = out.get(kind, 0) + 1
    return out


def _organisation_in_the_trash(session: Session, kind: str, ids: list[int]) -> set[int]:
    """Of the contacts or actions ``ids``, those whose organisation is in the trash."""
    table, org = MODELS[kind].__table__, ORG_TABLE
    out: set[int] = set()
    for part in chunked(ids):
        out.update(
            int(i)
            for i in session.execute(
                core_select(table.c.id)
                .join(org, org.c.id == table.c.organisation_id)
                .where(table.c.id.in_(part), org.c.deleted_at.is_not(None))
            ).scalars()
        )
    return out


def _bulk_restore(
    session: Session, kind: str, ids: list[int], batch_id: int, actor: str
) -> list[tuple[str, int]]:
    """Restore ``ids`` (records of ``kind`` in the trash) as :func:`app.records.restore` does
    each — deleted_at cleared, the version moved on, a "restore" history row — a chunk at a time;
    a chunk a rule of the database refuses goes one record at a time (restore_many)."""
    from sqlalchemy.exc import IntegrityError

    from app.trash import restore_many

    table = MODELS[kind].__table__
    now = m.utcnow()
    out: list[tuple[str, int]] = []
    for part in chunked(ids):
        gone = [
            int(i)
            for i in session.execute(
                core_select(table.c.id).where(table.c.id.in_(part), table.c.deleted_at.is_not(None))
            ).scalars()
        ]
        if not gone:
            continue
        try:
            with session.begin_nested():
                session.execute(
                    update(table)
                    .where(table.c.id.in_(gone))
                    .values(deleted_at=None, version=table.c.version + 1, updated_at=now)
                )
        except IntegrityError:
            done = restore_many(
                session,
                [(kind, i) for i in gone],
                actor=actor,
                group_id=f"import-{batch_id}",
                batch_id=batch_id,
            )
            out += done.restored
            continue
        history = [
            {"entity": kind, "entity_id": i, "op": "restore", "field": "", "old": None, "new": None, "at": now,
             "actor": actor, "batch_id": batch_id, "group_id": f"import-{batch_id}"}
            for i in gone
        ]  # fmt: skip
        bulkwrite.executemany(session, CHANGE_TABLE, history)
        out += [(kind, i) for i in gone]
    return out


def _commit_sheet(
    session: Session,
    preview: Preview,
    batch: m.ImportBatch | None,
    actor: str,
    remember: bool,
    progress: Progress | None,
    cancel: Cancel | None,
) -> tuple[m.ImportBatch | None, dict[str, int]]:
    """One sheet written into ``batch`` (made on the first sheet that writes anything)."""
    kind = preview.kind
    ctx = match_rows(session, preview, cancel=cancel)
    if (
        not ctx.orgs.pending
        and not ctx.staff.pending
        and not any(r.status in ("new", "update") for r in preview.rows)
    ):
        # Nothing to write from this sheet; no mapping remembered from a sheet that did not work.
        return batch, dict(preview.counts())
    if batch is None:
        batch = m.ImportBatch(
            file_name=preview.path.name,
            sha256=preview.sha256,
            sheet=preview.layout.sheet,
            kind=kind,
            created_by=actor,
            mapping=_mapping(preview),
        )
        session.add(batch)
        session.flush()
    assert batch.id is not None
    restored = _restore_trashed(session, preview, batch.id, actor)
    counts: dict[str, int] = dict(preview.counts())
    counts.update({f"{RESTORED_PREFIX}{k}": n for k, n in restored.items()})
    writer = _Writer(session, preview, ctx, batch, actor, progress, cancel)
    writer.write_staff()
    writer.write_orgs()
    if kind not in ("organisation", "staff"):  # (their new rows are written above)
        writer.write_new(kind, [r for r in preview.rows if r.status == "new"])
    # (a record brought back from the trash as it was has no change to write)
    writer.write_updates(kind, [r for r in preview.rows if r.status == "update" and r.changes])
    writer.step(sum(1 for r in preview.rows if r.status == "update" and not r.changes))
    writer.flush_changes()
    writer.check()
    if writer.vocab.created or VOCABULARY_KEY not in batch.mapping:
        # the sectors and tags this import created, for its undo to remove again (nothing in the
        # records' history names them: a vocabulary row has no history of its own); noted when
        # none too, so that its undo knows it created none (an import from before this note has
        # them found from what it wrote: app.importing.undo._brought)
        made = dict(batch.mapping.get(VOCABULARY_KEY) or {})
        for vocab_kind, ids in writer.vocab.created.items():
            made[vocab_kind] = [*made.get(vocab_kind, []), *ids]
        batch.mapping = {**batch.mapping, VOCABULARY_KEY: made}
    if kind == "meeting":
        # A meeting held moves its attendees' "last contacted" forward, as a logged one does
        # (app.contacted), in this import: its undo puts the old dates back.
        from app import contacted

        for row in preview.rows:
            meeting_id = (
                row.new_id if row.status == "new" else row.match_id if row.status == "update" else None
            )
            if meeting_id is not None:
                contacted.touch_attendees(
                    session,
                    meeting_id,
                    actor=actor,
                    group_id=f"import-{batch.id}",
                    batch_id=batch.id,
                    op="import",
                    created=row.status == "new",
                )
    counts["organisations_created"] = len(ctx.orgs.pending) - (counts["new"] if kind == "organisation" else 0)
    counts["staff_created"] = len(ctx.staff.pending) - (counts["new"] if kind == "staff" else 0)
    counts["_written"] = 1
    if remember:
        remember_mapping(session, preview.layout.headers, kind, preview.layout.mapping, by=actor)
    session.flush()
    return batch, counts


def run_import(
    engine: Engine,
    previews: Preview | Sequence[Preview],
    *,
    actor: str = "",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    waiting: Callable[[float], None] | None = None,
    finishing: Callable[[], None] | None = None,
    written: Callable[[CommitResult], None] | None = None,
) -> CommitResult:
    """:func:`commit_import` in its own unit of work: all rows of all sheets are written, or none.

    Another writer (an import, a window saving) is waited for up to :data:`WRITE_LOCK_WAIT_S`;
    with ``waiting``, it is told after :data:`SAY_WAITING_S` that this import waits, and for
    how long at most (reviewer: ``ketnoi import`` sat silent for minutes on a locked file).

    ``cancel`` is asked after every part written and once more just before the COMMIT; from
    there on the import can no longer be cancelled, and ``finishing`` is told so (the window
    disables its Cancel button). ``written`` is told as soon as the COMMIT returned, with
    Ctrl+C held back until it has (:func:`db.interrupts.interrupts_held`), so that a command
    stopped at any moment says rightly whether the import was written."""
    first = SAY_WAITING_S if waiting is not None else WRITE_LOCK_WAIT_S
    ends = _Ends(progress, cancel, finishing, written)
    try:
        return _run_import(engine, previews, actor, ends, first)
    except DatabaseBusy:
        if waiting is None:
            raise
    waiting(WRITE_LOCK_WAIT_S)  # (nothing was written: the first try rolled back)
    return _run_import(engine, previews, actor, ends, WRITE_LOCK_WAIT_S)


SAY_WAITING_S = 2.0
"""How long an import waits for another writer before it says it is waiting."""


@dataclass
class _Ends:
    """What :func:`run_import` tells its caller and asks it, as the import goes."""

    progress: Progress | None
    cancel: Cancel | None
    finishing: Callable[[], None] | None
    written: Callable[[CommitResult], None] | None


def _run_import(
    engine: Engine,
    previews: Preview | Sequence[Preview],
    actor: str,
    ends: _Ends,
    wait_s: float,
) -> CommitResult:
    done: list[CommitResult] = []

    def committed() -> None:
        if ends.written is not None and done:
            ends.written(done[0])

    # The collector paused as for the preview (app.gcpause): writing 100k rows builds a dict
    # and tuples per row, and its passes walked the preview's million objects (0.3 s of 3.3 s).
    with paused_gc(), unit_of_work(engine, lock="import", wait_s=wait_s, on_commit=committed) as session:
        backups.before(session, "import")  # inside the lock: the state this import starts from
        result = commit_import(
            previews, session=session, actor=actor, progress=ends.progress, cancel=ends.cancel
        )
        if ends.finishing is not None:
            ends.finishing()  # told first: a cancel pressed until now is still seen just below
        if ends.cancel is not None and ends.cancel():
            raise ImportCancelled()  # the last moment a cancel rolls everything back
        done.append(result)
    return result
