"""Copying a whole Ketnoi database to another one (``ketnoi copy-db``, issue 13 item 5).

Every table of the schema (``SQLModel.metadata``, in foreign-key order — not a hand-kept list,
so a table added later is copied too) goes over row by row with its ids, in one transaction on
the target: records, history, import batches, attachments and their files, letters and their
counters, office days, shares, logins (``staff.login``), settings. A column that refers to its
own table (an organisation's parent, a letter's reply-to) is filled in a second pass, so the
order of rows does not matter. PostgreSQL's sequences are then set past the highest id.

On a PostgreSQL target the copy runs with the tables' own triggers switched off (``ALTER TABLE …
DISABLE TRIGGER USER``, inside the transaction): the history keeps the names and logins it had
(team mode's author trigger would write the copier's), derived columns arrive as they were, and
the live-update triggers do not send one notification per table — one "everything changed"
notification goes out at the end instead. That needs the tables' owner, as ``ketnoi admin
init`` does. Reading a PostgreSQL source also needs its owner (or a superuser): row-level
security hides confidential records from everyone else, and a copy that silently lost them
would be worse than none.

:func:`fingerprint` reads a database table by table in primary-key order and hashes every row
(values normalised: datetimes in UTC, JSON with sorted keys), so two databases can be compared
in full, not only counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

import db.models  # noqa: F401  (every table registered on the metadata)

BATCH = 2_000
SEEDED = ("setting",)
"""Tables a new database already has rows in (the migrations write ``database.uuid``): an
empty target's rows there are replaced by the source's, so the database keeps its identity
(calendar events exported before the move are updated, not doubled, after it)."""
Progress = Callable[[str, int, int], None]  # table, rows done, rows in the table


class CopyError(Exception):
    """The copy cannot be made; the message is meant for the person."""


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(SQLModel.metadata.sorted_tables)


def _order(table: Table) -> list[Any]:
    pk = list(table.primary_key.columns)
    return pk or list(table.columns)


def counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables()}


def _self_refs(table: Table) -> list[str]:
    return sorted({fk.parent.name for fk in table.foreign_keys if fk.column.table is table})


def _rows(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*_order(table)))
    for part in result.mappings().partitions(BATCH):
        yield [dict(r) for r in part]


def sees_every_row(conn: Connection) -> bool:
    """Whether row-level security hides nothing from this PostgreSQL connection: a superuser,
    a role with BYPASSRLS, or the owner of the tables (row-level security is not forced)."""
    if conn.dialect.name != "postgresql":
        return True
    return bool(
        conn.execute(
            text(
                "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE') "
                "FROM pg_roles r, pg_class c WHERE r.rolname = current_user "
                "AND c.oid = to_regclass('contact')"
            )
        ).scalar()
    )


def copy_all(source: Engine, target: Engine, *, progress: Progress | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` (same schema revision; the target empty:
    the caller checks). Returns the rows copied per table."""
    done: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        if src.dialect.name == "postgresql":
            src.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            if not sees_every_row(src):
                raise CopyError(
                    f"the login {src.engine.url.username} may not see every row of the source "
                    "(row-level security hides confidential records); copy as the database's owner"
                )
        else:
            src.exec_driver_sql("BEGIN")  # one snapshot of the file for the whole copy
        pg = dst.dialect.name == "postgresql"
        if pg:
            if not sees_every_row(dst):
                raise CopyError(
                    f"copy into a team database as its owner, not {dst.engine.url.username} "
                    "(the copy switches the tables' triggers off while it runs)"
                )
            for table in tables():
                dst.exec_driver_sql(f'ALTER TABLE "{table.name}" DISABLE TRIGGER USER')
        for table in tables():
            if table.name in SEEDED:
                dst.execute(table.delete())
            done[table.name] = _copy_table(src, dst, table, progress)
        if pg:
            for table in tables():
                dst.exec_driver_sql(f'ALTER TABLE "{table.name}" ENABLE TRIGGER USER')
            reset_sequences(dst)
            dst.exec_driver_sql('SELECT pg_notify(\'ketnoi_changes\', \'{"kind": "", "op": "lost"}\')')
    return done


def _copy_table(src: Connection, dst: Connection, table: Table, progress: Progress | None) -> int:
    total = int(src.execute(select(func.count()).select_from(table)).scalar_one())
    refs = _self_refs(table)
    later: list[dict[str, Any]] = []  # self-references, set once every row is there
    n = 0
    for batch in _rows(src, table):
        if refs:
            for row in batch:
                if any(row[c] is not None for c in refs):
                    later.append({"_pk": row["id"], **{f"_{c}": row[c] for c in refs}})
                    row.update({c: None for c in refs})
        dst.execute(insert(table), batch)
        n += len(batch)
        if progress is not None:
            progress(table.name, n, total)
    if later:
        stmt = (
            update(table).where(table.c.id == bindparam("_pk")).values({c: bindparam(f"_{c}") for c in refs})
        )
        for i in range(0, len(later), BATCH):
            dst.execute(stmt, later[i : i + BATCH])
    return n


def reset_sequences(conn: Connection) -> None:
    """Set each table's id sequence past its highest id (PostgreSQL)."""
    for table in tables():
        if "id" not in table.c or [c.name for c in table.primary_key.columns] != ["id"]:
            continue
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
        if seq is None:
            continue
        conn.execute(
            text(
                f'SELECT setval(:s, COALESCE((SELECT max(id) FROM "{table.name}"), 1), '
                f'(SELECT max(id) IS NOT NULL FROM "{table.name}"))'
            ),
            {"s": seq},
        )


# --- comparison ------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, float):
        return repr(value)
    return value


@dataclass(frozen=True)
class TablePrint:
    rows: int
    digest: str


def fingerprint(engine: Engine) -> dict[str, TablePrint]:
    """Per table: the number of rows and a digest of every row (the sum of the rows' SHA-256,
    so that the order rows come back in — PostgreSQL's collation, SQLite's bytes — is moot;
    rows are unique by their primary key)."""
    out: dict[str, TablePrint] = {}
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for table in tables():
            total = 0  # the sum of the rows' hashes: the order rows come in (collations) is moot
            n = 0
            names = [c.name for c in table.columns]
            for batch in _rows(conn, table):
                for row in batch:
                    plain = [_plain(row[c]) for c in names]
                    data = json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str).encode()
                    total = (total + int.from_bytes(hashlib.sha256(data).digest())) % (1 << 256)
                    n += 1
            out[table.name] = TablePrint(n, f"{total:064x}")
    return out
