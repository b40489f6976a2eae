"""Full-text search indexes over the folded ``search_text`` columns.

SQLite: one external-content FTS5 table per searchable record (``fts_<table>``), kept in step
by triggers, so that a prefix query is an index lookup (about 1 ms over 100k rows) instead of
a ``LIKE '%…%'`` scan. The text is already folded by the services (diacritics, đ→d); the
tokenizer folds again, which is harmless. PostgreSQL: a GIN index on
``to_tsvector('simple', search_text)`` answers the same prefix queries.

A later migration that makes SQLite rebuild one of these tables (a batch "move and copy",
e.g. to drop or retype a column) drops its triggers with it: such a migration must call
``drop_search_indexes`` / ``create_search_indexes`` for that table around the change.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

SEARCHABLE_TABLES = ("organisation", "contact", "meeting", "action")
PG_TSVECTOR = "to_tsvector('simple', search_text)"


def create_search_indexes(conn: Connection, tables: tuple[str, ...] = SEARCHABLE_TABLES) -> None:
    if conn.dialect.name == "sqlite":
        for t in tables:
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE fts_{t} USING fts5(search_text, content='{t}', "
                    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
                )
            )
            conn.execute(
                text(
                    f"CREATE TRIGGER fts_{t}_ai AFTER INSERT ON {t} BEGIN "
                    f"INSERT INTO fts_{t}(rowid, search_text) VALUES (new.id, new.search_text); END"
                )
            )
            conn.execute(
                text(
                    f"CREATE TRIGGER fts_{t}_ad AFTER DELETE ON {t} BEGIN "
                    f"INSERT INTO fts_{t}(fts_{t}, rowid, search_text) "
                    f"VALUES ('delete', old.id, old.search_text); END"
                )
            )
            conn.execute(
                text(
                    f"CREATE TRIGGER fts_{t}_au AFTER UPDATE OF search_text ON {t} BEGIN "
                    f"INSERT INTO fts_{t}(fts_{t}, rowid, search_text) "
                    f"VALUES ('delete', old.id, old.search_text); "
                    f"INSERT INTO fts_{t}(rowid, search_text) VALUES (new.id, new.search_text); END"
                )
            )
            conn.execute(text(f"INSERT INTO fts_{t}(fts_{t}) VALUES ('rebuild')"))
    elif conn.dialect.name == "postgresql":
        for t in tables:
            conn.execute(text(f"CREATE INDEX ix_{t}_search ON {t} USING gin ({PG_TSVECTOR})"))


def drop_search_indexes(conn: Connection, tables: tuple[str, ...] = SEARCHABLE_TABLES) -> None:
    if conn.dialect.name == "sqlite":
        for t in tables:
            for suffix in ("ai", "ad", "au"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS fts_{t}_{suffix}"))
            conn.execute(text(f"DROP TABLE IF EXISTS fts_{t}"))
    elif conn.dialect.name == "postgresql":
        for t in tables:
            conn.execute(text(f"DROP INDEX IF EXISTS ix_{t}_search"))
