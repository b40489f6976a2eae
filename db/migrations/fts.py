"""Full-text search indexes over the folded ``search_text`` columns.

SQLite: one external-content FTS5 table per searchable record (``fts_<table>``), kept in step
by triggers, so that a prefix query is an index lookup (about 1 ms over 100k rows) instead of
a ``LIKE '%…%'`` scan. The text is already folded by the services (diacritics, đ→d); the
tokenizer folds again, which is harmless. PostgreSQL: a GIN index on
``to_tsvector('simple', search_text)`` answers the same prefix queries.

Since migration 0014 the SQLite side also has

- FTS5 prefix indexes of 2 and 3 letters (``FTS5_PREFIX``): FTS5 answers a prefix query
  ("ngu"*) without one by merging, up front, the whole doclist of every word the prefix begins
  (cost grows with the matches: 0.9 ms for the 50,000 "nguyen" of a million contacts, 20 ms for
  "ng"*, however small the LIMIT); with one, a 2- or 3-letter word is a single index entry
  read lazily (0.04 ms);
- the contacts' name-start index ``ix_contact_head_search`` on ``(deleted_at,
  substr(search_text, 1, HEAD_CHARS))``: a contact's search text starts with the folded full
  name (family name first), so "the name starts with the query" is a B-tree range whatever the
  query's length (:func:`db.queries.fts_tiers`). Hand-made and SQLite-only (an expression
  index the models cannot describe; its name ends in ``_search``, so model comparison leaves it
  alone, like PostgreSQL's GIN indexes).

A later migration that makes SQLite rebuild one of these tables (a batch "move and copy",
e.g. to drop or retype a column) drops its triggers and these indexes with it: such a
migration must call ``drop_search_indexes`` / ``create_search_indexes`` for that table around
the change.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

SEARCHABLE_TABLES = ("organisation", "contact", "meeting", "action")
PG_TSVECTOR = "to_tsvector('simple', search_text)"
FTS5_PREFIX = "2 3"
"""The FTS5 ``prefix`` option since migration 0014 (None before)."""
HEAD_CHARS = 40
"""How much of a contact's search text the name-start index holds (a longer query is checked
against the row after the range on its first ``HEAD_CHARS`` characters)."""
HEAD_INDEXES = {"contact": "ix_contact_head_search"}


def create_search_indexes(
    conn: Connection,
    tables: tuple[str, ...] = SEARCHABLE_TABLES,
    *,
    prefix: str | None = FTS5_PREFIX,
    head_index: bool = True,
) -> None:
    """Create and fill the search indexes of ``tables``: ``prefix`` is the FTS5 prefix option,
    ``head_index`` whether to make the name-start index (migration 0014's downgrade passes
    None and False: the layout before it)."""
    if conn.dialect.name == "sqlite":
        for t in tables:
            option = f", prefix='{prefix}'" if prefix else ""
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE fts_{t} USING fts5(search_text, content='{t}', "
                    f"content_rowid='id', tokenize='unicode61 remove_diacritics 2'{option})"
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
            if head_index and t in HEAD_INDEXES:
                conn.execute(
                    text(
                        f"CREATE INDEX IF NOT EXISTS {HEAD_INDEXES[t]} ON {t} "
                        f"(deleted_at, substr(search_text, 1, {HEAD_CHARS}))"
                    )
                )
    elif conn.dialect.name == "postgresql":
        for t in tables:
            conn.execute(text(f"CREATE INDEX ix_{t}_search ON {t} USING gin ({PG_TSVECTOR})"))


def drop_search_indexes(conn: Connection, tables: tuple[str, ...] = SEARCHABLE_TABLES) -> None:
    if conn.dialect.name == "sqlite":
        for t in tables:
            for suffix in ("ai", "ad", "au"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS fts_{t}_{suffix}"))
            conn.execute(text(f"DROP TABLE IF EXISTS fts_{t}"))
            if t in HEAD_INDEXES:
                conn.execute(text(f"DROP INDEX IF EXISTS {HEAD_INDEXES[t]}"))
    elif conn.dialect.name == "postgresql":
        for t in tables:
            conn.execute(text(f"DROP INDEX IF EXISTS ix_{t}_search"))
