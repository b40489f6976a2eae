"""search at a million contacts: FTS5 prefix indexes and the contacts' name-start index

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 19:00:00

Issue 11 item 7 (search holds at a million contacts). On SQLite only (PostgreSQL's GIN index
answers prefix queries from its own sorted keys and is left as it is):

- every full-text table (``fts_<table>``) is made again with FTS5 prefix indexes of 2 and 3
  letters and filled from its table. Without them FTS5 answers "ngu"* by first merging the
  doclist of every word starting with "ngu", so the cost grew with the matches (0.9 ms for
  the 50,000 "nguyen" of a million contacts, 20 ms for "ng"*), whatever the LIMIT;
- contacts get ``ix_contact_head_search`` on ``(deleted_at, substr(search_text, 1, 40))``: the
  search text starts with the folded full name, so the first tier of search ("the name starts
  with the query", a family name) is a B-tree range at any query length.

Measured on the million-contact demo (2 shared cores, load 3-4): 9-17 s with the copy
``db.migrate`` keeps first (1.7 s of it), and the file grows from 707 to 819 MB (contacts'
full-text index 45 -> 107 MB, the name-start index 51 MB); the 100k demo: 1.7 s, 102 -> 114 MB.
``db.migrate`` logs "Upgrading the database …" before and "Upgraded …" after (the CLI prints
them, the window says it is upgrading). Writes pay too: creating the 50k-contact demo
took 11% more CPU (3.9 -> 4.3 s), 3% of it the prefix indexes, the rest the name-start index.
Downgrading makes the tables again without prefix indexes and drops the name-start index.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from db.migrations.fts import SEARCHABLE_TABLES, create_search_indexes, drop_search_indexes

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every full-text table at this revision: the four records, attachments (0006), letters (0008).
TABLES = (*SEARCHABLE_TABLES, "attachment", "letter")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    drop_search_indexes(conn, TABLES)
    create_search_indexes(conn, TABLES, prefix="2 3", head_index=True)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    drop_search_indexes(conn, TABLES)
    create_search_indexes(conn, TABLES, prefix=None, head_index=False)
