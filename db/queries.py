"""Queries that need SQL the ORM does not say well: full-text candidates per record kind; and
the chunking of long id lists for ``IN (…)``."""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Integer, Table, and_, column, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from db.migrations.fts import HEAD_CHARS, HEAD_INDEXES, PG_TSVECTOR

T = TypeVar("T")

CHUNK = 900
"""Values per ``IN (…)`` list or executemany batch: under the 999 bound parameters older SQLite
builds allow in one statement."""


def chunked(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size`` (the one chunk helper of the app)."""
    if size < 1:
        raise ValueError("size must be at least 1")
    for start in range(0, len(items), size):
        yield items[start : start + size]


# What a search hit shows, per kind; ``t`` is the record's table.
_SELECT = {
    "organisation": "t.id, t.name, t.acronym, t.city, t.name_en, t.aliases",
    "contact": "t.id, t.full_name, t.given_name, t.position, o.name AS organisation_name",
    "meeting": "t.id, t.title, t.starts_at, t.location",
    "action": "t.id, t.title, t.status, t.direction, t.due_date, t.reference",
}
_JOIN = {"contact": "LEFT JOIN organisation o ON o.id = t.organisation_id"}


_TEAM_SEARCH: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def team_search(session: OrmSession) -> bool:
    """Whether this PostgreSQL database was set up for a team (``ketnoi admin init``), whose
    ``ketnoi_search`` searches under row-level security through the index; asked once per engine."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    if engine not in _TEAM_SEARCH:
        found = session.execute(text("SELECT to_regproc('ketnoi_search') IS NOT NULL")).scalar()
        _TEAM_SEARCH[engine] = bool(found)
    return _TEAM_SEARCH[engine]


def staff_people(session: OrmSession, staff: Table) -> ColumnElement[bool]:
    """The staff rows that are people (``staff``: the staff table): on a team database not the
    record its owner's login got at its first sign-in (ketnoi_sign_in: named by the login, as
    "ketnoi_owner"), a technical account that set the team up. Once someone gives it a person's
    name under Staff, it is a person like any other (on some teams the owner is one)."""
    if session.get_bind().dialect.name != "postgresql":
        return staff.c.id.is_not(None)  # (no logins on SQLite: everyone)
    owner = text("(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())")
    return ~and_(staff.c.login.is_not(None), staff.c.name == staff.c.login, staff.c.login == owner)


def fts5_match(words: list[str]) -> str:
    """An FTS5 MATCH expression: every (folded) word a quoted prefix, all required."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def pg_prefix_query(words: list[str]) -> str:
    """A PostgreSQL ``to_tsquery('simple', …)`` text: every word a prefix, all required."""
    return " & ".join(w.replace("'", "").replace("\\", "") + ":*" for w in words)


def fts_filter(session: OrmSession, table: Table, words: list[str]) -> ColumnElement[bool]:
    """A condition on ``table.c.id``: records whose folded search text has every word as a
    prefix, through the same full-text index as :func:`fts_candidates` (a scan elsewhere)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        name = f"fts_{table.name}"
        sub = text(f"SELECT rowid FROM {name} WHERE {name} MATCH :m").bindparams(m=fts5_match(words))
        return table.c.id.in_(sub.columns(column("rowid", Integer)))
    if dialect == "postgresql" and team_search(session):
        sub = text("SELECT id FROM ketnoi_search(:fts_kind, to_tsquery('simple', :fts_q), NULL)").bindparams(
            fts_kind=table.name, fts_q=pg_prefix_query(words)
        )
        return table.c.id.in_(sub.columns(column("id", Integer)))
    if dialect == "postgresql":
        vector = func.to_tsvector("simple", table.c.search_text)
        return vector.op("@@")(func.to_tsquery("simple", pg_prefix_query(words)))
    padded = " " + table.c.search_text
    return and_(*(padded.like(f"% {w}%") for w in words))


def fts_candidates(session: Session, kind: str, words: list[str], *, limit: int) -> list[dict[str, Any]]:
    """Live records of ``kind`` whose folded search text has every word as a prefix.

    ``words`` must already be folded (lower case, no diacritics, đ→d); they are passed as
    bound parameters, never spliced into SQL.
    """
    if kind not in _SELECT:
        raise ValueError(f"unknown kind {kind!r}")
    if not words:
        return []
    cols, join = _SELECT[kind], _JOIN.get(kind, "")
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = fts5_match(words)
        sql = (
            f"SELECT {cols} FROM fts_{kind} f JOIN {kind} t ON t.id = f.rowid {join} "
            f"WHERE fts_{kind} MATCH :q AND t.deleted_at IS NULL ORDER BY f.rank LIMIT :limit"
        )
        params: dict[str, Any] = {"q": match, "limit": limit}
    elif dialect == "postgresql" and team_search(session):
        # Row-level security would keep the GIN index out (db/team.py, _search_function).
        sql = (
            f"SELECT {cols} FROM ketnoi_search(:kind, to_tsquery('simple', :q), :limit) s "
            f"JOIN {kind} t ON t.id = s.id {join} ORDER BY s.rank DESC, t.id"
        )
        params = {"kind": kind, "q": pg_prefix_query(words), "limit": limit}
    elif dialect == "postgresql":
        tsq = pg_prefix_query(words)
        vec = PG_TSVECTOR.replace("search_text", "t.search_text")
        sql = (
            f"SELECT {cols} FROM {kind} t {join} "
            f"WHERE {vec} @@ to_tsquery('simple', :q) AND t.deleted_at IS NULL "
            f"ORDER BY ts_rank({vec}, to_tsquery('simple', :q)) DESC LIMIT :limit"
        )
        params = {"q": tsq, "limit": limit}
    else:  # any other database: correct, but a scan
        conds = " AND ".join(f"(' ' || t.search_text) LIKE :w{i}" for i in range(len(words)))
        sql = f"SELECT {cols} FROM {kind} t {join} WHERE {conds} AND t.deleted_at IS NULL LIMIT :limit"
        params = {f"w{i}": f"% {w}%" for i, w in enumerate(words)} | {"limit": limit}
    rows = session.execute(text(sql), params).mappings().all()
    return [_coerce(kind, dict(r)) for r in rows]


TIERS = ("start", "every")


def fts_tiers(
    session: Session, kind: str, words: list[str], *, limit: int, tiers: tuple[str, ...] = TIERS
) -> list[dict[str, Any]]:
    """Candidates for the search box whose cost does not grow with the number of matches.

    Two index lookups, each unranked and cut at ``limit`` (``tiers`` names the ones to run):
    ``"start"``, the records whose search text (which starts with the title: a contact's full
    name, family name first) starts with the query's words in order; ``"every"``, any record
    with every word as a prefix. Ranking thousands of matches (``ORDER BY rank``) is what made
    "nguyen" 6x slower at 100k contacts than at 1k; the caller ranks these few in Python.
    Deduplicated, first tier first. On SQLite a contact's first tier is a range on the
    name-start index (migration 0014), in the order of the folded name, not a full-text
    phrase: FTS5 would merge every matching doclist first (50,000 "nguyen" at a million
    contacts). A team database on PostgreSQL (row-level security) keeps its own ranked
    ``ketnoi_search``, as its "every" tier.
    """
    if kind not in _SELECT:
        raise ValueError(f"unknown kind {kind!r}")
    if not words:
        return []
    cols, join = _SELECT[kind], _JOIN.get(kind, "")
    dialect = session.get_bind().dialect.name
    queries: dict[str, tuple[str, dict[str, Any]]] = {}
    if dialect == "sqlite":
        base = (
            f"SELECT {cols} FROM fts_{kind} f JOIN {kind} t ON t.id = f.rowid {join} "
            f"WHERE fts_{kind} MATCH :q AND t.deleted_at IS NULL LIMIT :limit"
        )
        phrase = '^"' + " ".join(words).replace('"', '""') + '"*'
        queries["start"] = (base, {"q": phrase, "limit": limit})
        if kind in HEAD_INDEXES:
            queries["start"] = _name_start_query(kind, " ".join(words), limit)
        queries["every"] = (base, {"q": fts5_match(words), "limit": limit})
    elif dialect == "postgresql" and not team_search(session):
        vec = PG_TSVECTOR.replace("search_text", "t.search_text")
        base = (
            f"SELECT {cols} FROM {kind} t {join} WHERE {vec} @@ to_tsquery('simple', :q) "
            "AND t.deleted_at IS NULL{extra} LIMIT :limit"
        )
        prefix = " ".join(words).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params = {"q": pg_prefix_query(words), "limit": limit}
        queries["start"] = (base.format(extra=" AND t.search_text LIKE :prefix"), params | {"prefix": prefix})
        queries["every"] = (base.format(extra=""), params)
    else:  # a team database (its ranked, row-level-secure function) or another database
        return fts_candidates(session, kind, words, limit=limit) if "every" in tiers else []
    seen: set[int] = set()
    out: list[dict[str, Any]] = []
    for tier in TIERS:
        if tier not in tiers:
            continue
        sql, params = queries[tier]
        for r in session.execute(text(sql), params).mappings().all():
            if r["id"] not in seen:
                seen.add(r["id"])
                out.append(_coerce(kind, dict(r)))
    return out


def _name_start_query(kind: str, phrase: str, limit: int) -> tuple[str, dict[str, Any]]:
    """Live records of ``kind`` whose search text starts with ``phrase``: a range on the
    first ``HEAD_CHARS`` characters (the expression of the name-start index, spelled the same
    so that SQLite uses it), then, for a longer phrase, the rest compared on the row."""
    head = phrase[:HEAD_CHARS]
    expr = f"substr(t.search_text, 1, {HEAD_CHARS})"
    sql = (
        f"SELECT {_SELECT[kind]} FROM {kind} t {_JOIN.get(kind, '')} "
        f"WHERE t.deleted_at IS NULL AND {expr} >= :lo AND {expr} < :hi{{extra}} LIMIT :limit"
    )
    params: dict[str, Any] = {
        "lo": head,
        "hi": head[:-1] + chr(min(ord(head[-1]) + 1, 0x10FFFF)),
        "limit": limit,
    }
    extra = ""
    if len(phrase) > HEAD_CHARS:
        extra = " AND substr(t.search_text, 1, :n) = :phrase"
        params |= {"n": len(phrase), "phrase": phrase}
    return sql.format(extra=extra), params


def contacts_by_key_prefix(session: Session, prefixes: list[str], *, limit: int) -> list[dict[str, Any]]:
    """Live contacts whose sort key starts with one of ``prefixes`` (the key starts with the
    given name: :func:`app.vntext.name_sort_key`), each an indexed range cut at ``limit``;
    with ``search_text`` so that the caller can check the other words of a query."""
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    sql = (
        f"SELECT {_SELECT['contact']}, t.search_text FROM contact t {_JOIN['contact']} "
        "WHERE t.deleted_at IS NULL AND t.sort_key >= :lo AND t.sort_key < :hi LIMIT :limit"
    )
    for prefix in prefixes:
        if not prefix:
            continue
        hi = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        for r in session.execute(text(sql), {"lo": prefix, "hi": hi, "limit": limit}).mappings().all():
            if r["id"] not in seen:
                seen.add(r["id"])
                out.append(dict(r))
    return out


def _coerce(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    # Raw SQL on SQLite returns dates as text; give every backend the same Python types.
    import datetime as dt

    if kind == "meeting" and isinstance(row.get("starts_at"), str):
        row["starts_at"] = dt.datetime.fromisoformat(row["starts_at"])
    if kind == "action" and isinstance(row.get("due_date"), str):
        row["due_date"] = dt.date.fromisoformat(row["due_date"])
    return row


def insert_new(session: Session, table: Any, rows: list[dict[str, Any]], *, key: str) -> None:
    """Insert ``rows``, leaving out those whose unique ``key`` exists already — also when
    another transaction has just written it (SQLite and PostgreSQL: ON CONFLICT DO NOTHING)."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(table).on_conflict_do_nothing(index_elements=[key]), rows)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(table).on_conflict_do_nothing(index_elements=[key]), rows)


def cited_contacts(session: Session) -> list[int]:
    """The contacts a meeting (an attendee) or an action (the one responsible) names."""
    from db.tables import ACT, ATTENDEE  # (db.tables imports the models: not at import time)

    seats = select(ATTENDEE.c.contact_id)
    responsible = select(ACT.c.responsible_contact_id).where(ACT.c.responsible_contact_id.is_not(None))
    return [int(i) for (i,) in session.execute(seats.union(responsible))]


def first_emails(session: Session, contact_ids: Sequence[int]) -> dict[int, str]:
    """Each live contact's first email address (its primary, position 0 first), by contact id;
    contacts without one are left out."""
    from db.tables import CON, METHOD  # (db.tables imports the models: not at import time)

    out: dict[int, str] = {}
    for part in chunked(sorted(set(contact_ids))):
        rows = session.execute(
            select(METHOD.c.contact_id, METHOD.c.value)
            .join(CON, CON.c.id == METHOD.c.contact_id)
            .where(METHOD.c.contact_id.in_(part), METHOD.c.kind == "email", CON.c.deleted_at.is_(None))
            .order_by(METHOD.c.contact_id, METHOD.c.position)
        ).all()
        for cid, value in rows:
            out.setdefault(int(cid), str(value))
    return out
