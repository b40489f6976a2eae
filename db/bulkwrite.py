"""The fastest correct way to write many rows in one transaction, per database (used by the
import and by every other bulk path through :mod:`app.bulk`).

Measured here for 100k contacts (tests/benchmarks/bench_import.py): SQLAlchemy's executemany
spends more time building parameters than SQLite spends writing them, and the full-text index
trigger (``fts_<table>_ai``, one FTS5 insert per row) costs 8 s of the 11 s the rows take. So
on SQLite the rows go to ``cursor.executemany`` as tuples, converted by each column's own bind
processor (the exact values SQLAlchemy would store), and for a large insert the FTS trigger is
dropped inside the transaction and the new rows indexed with one ``INSERT … SELECT`` (1.5 s),
then the trigger is recreated from its own stored SQL; the sort-key triggers of migrations
0011/0012 likewise (:func:`fts_deferred`). A first big insert (:func:`indexes_deferred`) builds
the table's plain indexes once at the end. A rollback undoes all of it: SQLite DDL is
transactional. Other databases take the plain SQLAlchemy path.

Where the commit of a previewed 100k-row contacts sheet spends its 3.2-3.3 s of CPU (fresh
file, ``commit_import`` alone, per statement; tests/benchmarks/profile_commit.py --sql): FTS5
with prefix indexes 0.6 s, building the 14 indexes 0.85 s, the contact rows 0.4 s, their 190k
e-mails/phones 0.25 s, the organisation keys' catch-up 0.13 s, the history rows 0.15 s,
COMMIT 0.4 s (0.2 s of it the WAL checkpoint), Python ~0.6 s. Measured and left out: the
catch-ups on a worker thread beside the Python building the next rows (sqlite3 releases the
GIL in a step, but on this shared 2-core machine the thread never gained and at load 2-3 cost
+0.25 s CPU and +1.5 s wall); FTS5 ``automerge=0`` during the load (0.62 -> 0.43 s; with
``optimize`` after, 0.55 s) and one FTS statement per part instead of the first row's
trigger and the rest's statement (0.6 -> 0.48 s), both of which change the index's segments
(the same matches, other bytes in its shadow tables); ``PRAGMA threads`` (the sorter stays in
memory: no worker threads) and ``temp_store=MEMORY`` (slower) for the index builds; a 256 MB
page cache; the organisation key written with the row (0.06 s).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert, text
from sqlmodel import Session

FTS_BULK_MIN_ROWS = 1000
_MEMO_TYPES = frozenset({dt.datetime, dt.date, bool, int, str})


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def executemany(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], same: Mapping[str, Any] | None = None
) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table``; ``same``: columns with one
    value for every row (timestamps, batch id), converted once; a key of the rows wins. On
    SQLite a large insert into a table with an ``id`` defers its row triggers of a known
    shape (:func:`fts_deferred`)."""
    if not rows:
        return
    if not is_sqlite(session):
        session.execute(insert(table), _merged(rows, same))
        return
    if len(rows) >= FTS_BULK_MIN_ROWS and "id" in table.c and "id" not in rows[0]:
        with fts_deferred(session, str(table.name), None, len(rows)):
            _executemany(session, table, rows, same)
    else:
        _executemany(session, table, rows, same)


def _merged(rows: Sequence[dict[str, Any]], same: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    return [{**same, **row} for row in rows] if same else list(rows)


def _convert(values: Sequence[Any], proc: Any) -> list[Any]:
    """One column's values through its bind processor; a batch repeats its dates and flags, so
    each distinct value is converted once — distinct by type too: 0 and False (1 and True) are
    one dict key, but a JSON column writes them differently."""
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if len(kinds) <= 1 and kinds <= _MEMO_TYPES:  # one type (and None): a table, built in C
        table = {value: proc(value) for value in set(values)}
        return list(map(table.__getitem__, values))
    memo: dict[Any, Any] = {}
    out: list[Any] = []
    append = out.append
    for value in values:
        if value is None or value.__class__ in _MEMO_TYPES:
            key = (value.__class__, value)
            try:
                append(memo[key])
            except KeyError:
                memo[key] = done = proc(value)
                append(done)
        else:
            append(proc(value))
    return out


def insert_tuples(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """:func:`executemany` for rows already built as tuples of the columns ``names`` (no dict
    per row: 0.25 s less for the 190k e-mails and phones of a 100k-row import)."""
    if not rows:
        return
    if not is_sqlite(session):
        session.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    if len(rows) >= FTS_BULK_MIN_ROWS and "id" in table.c and "id" not in names:
        with fts_deferred(session, str(table.name), None, len(rows)):
            _execute_tuples(session, table, list(names), list(rows))
    else:
        _execute_tuples(session, table, list(names), list(rows))


def _executemany(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], same: Mapping[str, Any] | None = None
) -> None:
    """SQLite: the rows as tuples through ``cursor.executemany`` (no trigger deferred here)."""
    session.connection().exec_driver_sql(*_bound(session, table, rows, same))


def _bound(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], same: Mapping[str, Any] | None = None
) -> tuple[str, list[Any]]:
    """SQLite: the INSERT of ``rows`` (dicts with the same keys) and its parameter tuples."""
    names = list(rows[0])
    get = itemgetter(*names)
    if len(names) == 1:
        params: list[Any] = [(get(row),) for row in rows]
    else:
        params = [get(row) for row in rows]
    fixed = {k: v for k, v in (same or {}).items() if k not in rows[0]}
    return _bound_tuples(session, table, names, params, fixed)


def _execute_tuples(session: Session, table: Table, names: list[str], params: list[Any]) -> None:
    session.connection().exec_driver_sql(*_bound_tuples(session, table, names, params))


def _bound_tuples(
    session: Session,
    table: Table,
    names: list[str],
    params: list[Any],
    fixed: Mapping[str, Any] | None = None,
) -> tuple[str, list[Any]]:
    """SQLite: the INSERT of the tuples ``params`` of columns ``names`` and the tuples as bound
    (each value through its column's bind processor if it has one); ``fixed``: the columns
    with one value for every row."""
    dialect = session.get_bind().dialect

    def processor(name: str) -> Any:
        return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)

    # the columns with one value for every row are written into the statement as literals
    # where the value has one (each bound value costs every row: 0.07 s of the 0.28 s 100k
    # contacts take), else bound with every row
    slots = ["?"] * len(names)
    tail: tuple[Any, ...] = ()
    for name, value in (fixed or {}).items():
        bound = value if (p := processor(name)) is None else p(value)
        literal = _literal(bound)
        slots.append("?" if literal is None else literal)
        if literal is None:
            tail += (bound,)
    columns = ", ".join(f'"{n}"' for n in [*names, *(fixed or {})])
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join(slots)})'
    converted = [(i, p) for i, p in enumerate(map(processor, names)) if p is not None]
    if converted:  # only the columns whose type converts (dates, JSON…) go through Python,
        # column by column (C transposes the rows)
        by_column: list[Any] = list(zip(*params, strict=True))
        for i, proc in converted:
            by_column[i] = _convert(by_column[i], proc)
        params = list(zip(*by_column, strict=True))
    if tail:
        params = [row + tail for row in params]
    return sql, params


def _literal(value: Any) -> str | None:
    """The SQLite literal storing exactly what binding ``value`` stores (None: bind it)."""
    if value is None:
        return "NULL"
    if value.__class__ is int or value.__class__ is bool:  # sqlite3 binds a bool as 0 or 1
        return str(int(value))
    if value.__class__ is str and "\x00" not in value:  # a literal would end at a NUL
        return "'" + value.replace("'", "''") + "'"
    return None


# A row trigger that keeps a sort key: ``AFTER INSERT ON t [WHEN cond] BEGIN UPDATE t SET …
# WHERE id = new.id; END`` (migration 0012). Per row it is a second write of the row (2.0 s of
# the 3.4 s 30k contacts took here); for a bulk insert the same UPDATE runs once over the new
# rows, ``new.`` read as the row itself. Only this exact shape is deferred, and only when the
# SET reads no row of its own table (so the order of the rows cannot matter).
_ROW_KEY_TRIGGER = re.compile(
    r"CREATE TRIGGER (?P<name>\w+) AFTER INSERT ON (?P<table>\w+)(?: WHEN (?P<when>.*?))? BEGIN "
    r"UPDATE (?P<target>\w+) SET (?P<set>.*) WHERE id = new\.id; END",
    re.DOTALL,
)


def _catch_up(sql: str, table: str) -> str | None:
    """The set-based UPDATE doing what row trigger ``sql`` does for rows with id >= :i."""
    found = _ROW_KEY_TRIGGER.fullmatch(" ".join(sql.split()))
    if found is None or found["table"] != table or found["target"] != table:
        return None
    parts = [found["set"], found["when"] or ""]
    if any(";" in p or "old." in p or re.search(rf"\b(?:FROM|JOIN) {table}\b", p) for p in parts):
        return None
    set_sql, when = (re.sub(r"\bnew\.", f"{table}.", p) for p in parts)
    return f'UPDATE "{table}" SET {set_sql} WHERE id >= :i' + (f" AND ({when})" if when else "")


# A child row's trigger that keeps its parent's key as the value of its first child of one
# kind: ``AFTER INSERT ON child WHEN new.kind = 'k' AND <new is the first by (position, id)>
# AND <the parent's key differs> BEGIN UPDATE parent SET key = new.value …`` (migration 0012,
# the contact's e-mail and phone sort keys). Per row it is two index look-ups even when the key
# is already right (0.9 s of the 1.5 s 190k contact methods took here); for a bulk insert one
# UPDATE does the same for the parents whose first child of that kind is one of the new rows.
_CHILD_KEY_TRIGGER = re.compile(
    r"CREATE TRIGGER (?P<name>\w+) AFTER INSERT ON (?P<table>\w+) WHEN new\.kind = '(?P<kind>\w+)' "
    r"AND NOT EXISTS \(SELECT 1 FROM (?P=table) m WHERE m\.(?P<fk>\w+) = new\.(?P=fk) "
    r"AND m\.kind = new\.kind AND m\.id <> new\.id AND \(m\.position < new\.position "
    r"OR \(m\.position = new\.position AND m\.id < new\.id\)\)\) "
    r"AND \(SELECT c\.(?P<key>\w+) FROM (?P<parent>\w+) c WHERE c\.id = new\.(?P=fk)\) IS NOT new\.value "
    r"BEGIN UPDATE (?P=parent) SET (?P=key) = new\.value WHERE id = new\.(?P=fk); END"
)


def _child_key_catch_up(sql: str, table: str) -> str | None:
    """The set-based UPDATE doing what child-key trigger ``sql`` does for rows with id >= :i.

    Exactly the triggers' end state: a parent's key becomes the value of its first child of
    the kind (by position, id) when that first child is one of the new rows (it was first when
    it was inserted, and no later row came before it); otherwise no new row was ever first and
    the key stays as it was."""
    found = _CHILD_KEY_TRIGGER.fullmatch(" ".join(sql.split()))
    if found is None or found["table"] != table:
        return None
    kind, fk, key, parent = found["kind"], found["fk"], found["key"], found["parent"]
    first = (
        f'(SELECT {{}} FROM "{table}" m WHERE m.{fk} = "{parent}".id AND m.kind = \'{kind}\' '
        "ORDER BY m.position, m.id LIMIT 1)"
    )
    # one look-up per parent decides (``+kind``: the new rows found by id, not by scanning
    # every row of the kind)
    is_new_and_differs = f'm.id >= :i AND m.value IS NOT "{parent}".{key}'
    return (
        f'UPDATE "{parent}" SET {key} = {first.format("m.value")} '
        f"WHERE id IN (SELECT {fk} FROM \"{table}\" WHERE id >= :i AND +kind = '{kind}') "
        f"AND {first.format(is_new_and_differs)}"
    )


@contextmanager
def fts_deferred(
    session: Session,
    table: str,
    first_new_id: int | None,
    rows: int,
    *,
    parents_keyed: bool = False,
) -> Iterator[None]:
    """Index the rows inserted in the block with one statement instead of a trigger per row,
    and keep their sort keys (row triggers of :data:`_ROW_KEY_TRIGGER`'s and
    :data:`_CHILD_KEY_TRIGGER`'s shapes) the same way. ``first_new_id`` None: the rows take
    ids after the largest one now (SQLite's rule for an INTEGER PRIMARY KEY given no id).

    ``parents_keyed``: every row inserted in the block belongs to a parent inserted in this
    transaction with its key already the value of its first child of the kind, and each
    parent's children come in (position, id) order: the child-key triggers would change
    nothing (the first child finds the key equal, the others are not first), so they are
    dropped and made again without the catch-up UPDATE (0.26 s of a 100k-row import)."""
    name = f"fts_{table}_ai"
    dropped: list[tuple[str, str]] = []  # (trigger sql, catch-up sql)
    if is_sqlite(session) and rows >= FTS_BULK_MIN_ROWS:
        found = session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}
        ).all()
        for trigger, sql in found:
            catch_up = None
            if trigger == name:
                # Only the trigger shape this code knows how to replace (db/migrations/fts.py).
                if f"fts_{table}(rowid, search_text)" in sql.replace(" (", "("):
                    catch_up = (
                        f'INSERT INTO "fts_{table}"(rowid, search_text) '
                        f'SELECT id, search_text FROM "{table}" WHERE id >= :i'
                    )
            else:
                catch_up = _catch_up(sql, table)
                if catch_up is None and (child := _child_key_catch_up(sql, table)) is not None:
                    catch_up = "" if parents_keyed else child
            if catch_up is not None:
                dropped.append((sql, catch_up))
                session.execute(text(f'DROP TRIGGER "{trigger}"'))
        if dropped and first_new_id is None:
            first_new_id = int(
                session.execute(text(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"')).scalar_one()
            )
    yield  # on an exception the transaction rolls back, and the DROPs with it
    for sql, catch_up in dropped:
        if catch_up:
            session.execute(text(catch_up), {"i": first_new_id})
        session.execute(text(sql))


INDEX_REBUILD_MIN_ROWS = 10_000


@contextmanager
def indexes_deferred(session: Session, table: str, rows: int) -> Iterator[None]:
    """Build ``table``'s plain (non-unique) indexes once after the block instead of row by
    row, when the block inserts at least as many rows as the table holds (a first import).

    Measured for 100k contacts into an empty table: 1.9 s of inserts with the twelve indexes
    kept row by row, against 0.45 s without them plus 0.7 s to build them (SQLite sorts
    once); 95k more into a table already holding 95k: 1.7 s rebuilt against 2.1 s row by row.
    A table already larger than the block keeps its indexes (the rebuild grows with it). The block must not query ``table`` by those indexes (its own id is
    the primary key and stays). The indexes are made again from their own stored SQL; an
    exception rolls the DROPs back with the rest (SQLite DDL is transactional)."""
    dropped: list[str] = []
    if is_sqlite(session) and rows >= INDEX_REBUILD_MIN_ROWS:
        held = session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
        if held <= rows:
            found = session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"),
                {"t": table},
            ).all()
            for name, sql in found:
                # not an automatic index (no SQL: a constraint's), not UNIQUE (it checks rows)
                if sql is not None and re.match(r"CREATE\s+INDEX\s", sql, re.IGNORECASE):
                    dropped.append(sql)
                    session.execute(text(f'DROP INDEX "{name}"'))
    yield
    for sql in dropped:
        session.execute(text(sql))


def insert_rows(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    chunk: int = 2000,
    same: Mapping[str, Any] | None = None,
) -> list[int]:
    """Insert ``rows`` and return their new ids in the order of ``rows``.

    SQLAlchemy cannot promise RETURNING order for executemany on SQLite and falls back to one
    statement per row (measured: 1 s per 20k rows). So the first row is inserted alone, which
    takes the database's write lock and gives its id; SQLite then gives each following row the
    largest id plus one, and no one else can write until this transaction ends. The count is
    checked all the same. Other databases use RETURNING, which they order reliably.
    ``same``: as for :func:`executemany`.
    """
    if not rows:
        return []
    if not is_sqlite(session):
        ids: list[int] = []
        for start in range(0, len(rows), chunk):
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            part = _merged(rows[start : start + chunk], same)
            ids += [int(i) for i in session.execute(stmt, part).scalars()]
        return ids
    first_row = {**(same or {}), **rows[0]}
    first = int(session.execute(insert(table).values(**first_row).returning(table.c.id)).scalar_one())
    rest = rows[1:]
    last = first + len(rows) - 1
    ids = list(range(first, last + 1))
    with fts_deferred(session, str(table.name), first + 1, len(rest)):
        for start in range(0, len(rest), chunk):
            _executemany(session, table, rest[start : start + chunk], same)
    found = session.execute(
        text(f'SELECT count(*) FROM "{table.name}" WHERE id BETWEEN :a AND :b'), {"a": first, "b": last}
    ).scalar_one()
    if found != len(rows):
        raise RuntimeError(
            f"{table.name}: {len(rows)} rows inserted but {found} found at ids {first}..{last}"
        )
    return ids
