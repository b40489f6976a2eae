"""One search box over organisations, contacts, meetings and actions (and the files on them).

The query is folded like the stored ``search_text`` (case, diacritics, đ→d), split into words,
and each word matched as a prefix through the full-text index (SQLite FTS5, PostgreSQL GIN):
"nguyen nhung" finds "Nguyễn Thị Hồng Nhung", "dang" finds "Đặng". The index narrows the
candidates per kind; the few candidates are then ranked in Python by how well their names
match the query as typed (:mod:`app.search_rank`), then by title.

The cost does not grow with the number of matches (issue 11): nothing asks the index to rank
every match (``ORDER BY rank`` over the 5,000 "nguyen" of 100k contacts was 95% of the time).
Candidates come in tiers, each an index lookup cut at a few dozen rows
(:func:`db.queries.fts_tiers`): titles that start with the query (a contact's family name;
on SQLite a range of the contacts' name-start index), for contacts the given names that start
with a query word (the sort key's indexed prefix, :func:`given_name_prefixes`), then any
record with every word. When a page of contacts' names start with the query, the other
contact tiers are not read: nothing in them could rank on the page.

How the few candidates rank — a name before any other field, a word as typed (with its
marks) before its other spellings, a person called by the word typed first — is
:mod:`app.search_rank`. A query typed with marks also reads the contacts whose given name has
its letters (one more indexed range), so that the people called "Hà" are on the page before it
is judged full of names that merely start with "Hà".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import search_rank, value_labels
from app.search_rank import Typed
from app.vntext import fold, query_words
from db.kinds import RECORD_KINDS
from db.kinds import table as kind_table
from db.queries import contacts_by_key_prefix, fts_tiers

KINDS = RECORD_KINDS
# Between two hits that rank alike (and have the same title): this kind first.
_KIND_ORDER = {"organisation": 0, "contact": 1, "meeting": 2, "letter": 3, "action": 4}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found. ``subtitle`` is plain text shown as it is (a position, a place, a
    meeting's time); an action's or a letter's coded parts are kept as codes (``direction``
    "we_owe", ``status`` "in_progress", ``due``) for each reader to word in its own language:
    the window through its translations (ui/dialogs/search.py), the CLI through :func:`details`
    (a reviewer read "we owe · in_progress" in the Vietnamese window); a record found by a file
    on it names the file in ``file``."""

    kind: str
    id: int
    title: str
    subtitle: str
    score: float
    direction: str | None = None
    status: str | None = None
    due: dt.date | None = None
    file: str | None = None  # found by an attached file: its name
    confidential: bool = False  # marked "(Confidential)" / "(Mật)" by the CLI, as ``letter list``


# ``due`` as the CLI words it; the status words of a letter, as its brief words them.
_DUE = {"en": "due {}", "vi": "hạn {}"}
_FILE = {"en": "file: {}", "vi": "tệp: {}"}
LETTER_STATUSES: dict[str, value_labels.Pair] = {
    "draft": ("draft", "dự thảo"),
    "signed": ("signed", "đã ký"),
    "sent": ("sent", "đã gửi"),
    "received": ("received", "đã nhận"),
    "replied": ("replied", "đã trả lời"),
}


def details(hit: SearchHit, lang: str) -> str:
    """The line under a hit's title in words of ``lang`` ("en"/"vi"), never a stored code:
    "We owe · In progress · due 03/12/2026", "Bên ta cần làm · Đã xong · hạn 12/12/2026"."""
    parts: list[str] = []
    if hit.direction:
        parts.append(str(value_labels.label("action", "direction", hit.direction, lang)))
    if hit.status:
        table = LETTER_STATUSES if hit.kind == "letter" else value_labels.STATUSES
        parts.append(str(value_labels.label_of(table, hit.status, lang)))
    if hit.due:
        parts.append(_DUE["vi" if lang == "vi" else "en"].format(f"{hit.due:%d/%m/%Y}"))
    if hit.file:
        parts.append(_FILE["vi" if lang == "vi" else "en"].format(hit.file))
    if hit.subtitle:
        parts.append(hit.subtitle)
    return " · ".join(parts)


def search(
    session: Session,
    query: str,
    *,
    limit: int = 20,
    kinds: tuple[str, ...] | None = None,
) -> list[SearchHit]:
    """The best ``limit`` records matching every word of ``query`` as a prefix."""
    words = query_words(query)
    if not words:
        return []
    q = search_rank.typed(query, words)
    hits: list[SearchHit] = []
    cut = max(limit * 3, 30)
    for kind in kinds or KINDS:
        hits += _kind_hits(session, kind, q, limit=limit, cut=cut)
    hits += _attachment_hits(session, words, kinds or KINDS, limit)
    if kinds is None or "letter" in kinds:
        hits += _letter_hits(session, q, limit)
    if kinds is None or "organisation" in kinds:
        from app.reorg import follow_successions  # an old name finds what it became

        hits = follow_successions(session, hits)
    best: dict[tuple[str, int], SearchHit] = {}
    for h in hits:  # a record found by its own text and by a file on it is listed once
        if (h.kind, h.id) not in best or h.score > best[(h.kind, h.id)].score:
            best[(h.kind, h.id)] = h
    # ties by title as folded (memoised: a dictionary-order key for every candidate cost a
    # fifth of a search), then by kind
    ranked = sorted(
        best.values(), key=lambda h: (-h.score, fold(h.title), h.title, _KIND_ORDER.get(h.kind, 9))
    )
    return _with_secrecy(session, ranked[:limit])


def _kind_hits(session: Session, kind: str, q: Typed, *, limit: int, cut: int) -> list[SearchHit]:
    """The candidates of one kind, ranked, read tier by tier (:func:`db.queries.fts_tiers`).

    A contact's later tiers are read only when the page could still take one of theirs:
    fewer than ``limit`` candidates so far outrank any contact that neither starts with the
    query nor is called by the word as typed (:data:`app.search_rank.BEST_UNSEEN`). Without
    this, "nguyen" at a million contacts would merge the 50,000 matches of its full-text prefix.
    """
    words = list(q.words)
    rows = fts_tiers(session, kind, words, limit=cut, tiers=("start",))
    if kind == "contact" and q.has_marks:
        rows += _given_name_tier(session, q, cut, exact=True)
    hits = [_hit(kind, row, q) for row in rows]
    if kind != "contact" or sum(h.score > search_rank.BEST_UNSEEN for h in hits) < limit:
        later = fts_tiers(session, kind, words, limit=cut, tiers=("every",))
        if kind == "contact":
            later += _given_name_tier(session, q, cut)
        hits += [_hit(kind, row, q) for row in later]
    return hits


def _hit(kind: str, row: dict[str, Any], q: Typed) -> SearchHit:
    title, subtitle, names = _describe(kind, row)
    score = search_rank.score(q, names, given=row.get("given_name") or "")
    coded: dict[str, Any] = {}
    if kind == "action":
        coded = {"direction": row.get("direction"), "status": row.get("status"), "due": row.get("due_date")}
    return SearchHit(kind, int(row["id"]), title, subtitle, score, **coded)


def _with_secrecy(session: Session, hits: list[SearchHit]) -> list[SearchHit]:
    """``hits`` with ``confidential`` set on each confidential record's (one read of the few
    ids shown, per kind; a record found by a file on it is marked as the record is)."""
    wanted: dict[str, list[int]] = {}
    for h in hits:
        wanted.setdefault(h.kind, []).append(h.id)
    secret: set[tuple[str, int]] = set()
    for kind, ids in wanted.items():
        table = kind_table(kind)
        rows = session.execute(select(table.c.id).where(table.c.id.in_(ids), table.c.confidential.is_(True)))
        secret |= {(kind, int(i)) for (i,) in rows}
    return [dataclasses.replace(h, confidential=True) if (h.kind, h.id) in secret else h for h in hits]


# The ranks a folded letter can carry in a sort key (app.vntext: a < ă < â, d < đ, …).
_RANKS = {"a": "012", "d": "01", "e": "01", "o": "012", "u": "01"}
_MAX_PREFIXES = 16


def given_name_prefixes(word: str) -> list[str]:
    """The sort-key prefixes of the given names that start with the folded ``word`` ("dang":
    dang, dăng, dâng, đang, … as keys); empty when the word is not plain letters or has too
    many spellings to look up."""
    if not word.isascii() or not word.isalpha():
        return []
    choices = [[c + r for r in _RANKS.get(c, "0")] for c in word]
    count = 1
    for c in choices:
        count *= len(c)
    if count > _MAX_PREFIXES:
        return []
    return ["".join(p) for p in itertools.product(*choices)]


def _given_name_tier(session: Session, q: Typed, limit: int, *, exact: bool = False) -> list[dict[str, Any]]:
    """Contacts whose given name starts with a query word (an indexed range on the sort key)
    and whose search text has every other word as a prefix too; ``exact``: whose given name
    has the letters of a word typed with marks (its marks on them: "Hà", "Hạ", "Ha" for "Hà";
    the tones are checked by the ranking)."""
    words = list(q.words)
    out: list[dict[str, Any]] = []
    for word, marked in dict(zip(q.words[:3], q.marked[:3], strict=True)).items():
        if exact:
            prefixes = [marked[0] + "#"] if marked is not None and marked[0] else []
        else:
            prefixes = given_name_prefixes(word)
        for row in contacts_by_key_prefix(session, prefixes, limit=limit):
            tokens = re.findall(r"\w+", row.pop("search_text") or "")
            if all(any(t.startswith(w) for t in tokens) for w in words):
                out.append(row)
    return out


def _attachment_hits(
    session: Session, words: list[str], wanted: tuple[str, ...], limit: int
) -> list[SearchHit]:
    """Records with an attached file whose name (or PDF / .docx text) has every word; ranked
    under a record whose own title matches."""
    from app import attachments

    out = []
    for position, a in enumerate(attachments.search(session, words, limit=limit)):
        if a.owner_kind not in wanted:
            continue
        score = (search_rank.FILE_NAME if a.in_name else 0.0) - position * 0.01
        out.append(SearchHit(a.owner_kind, a.owner_id, a.owner_label, "", score, file=a.file_name))
    return out


def _letter_hits(session: Session, q: Typed, limit: int) -> list[SearchHit]:
    """Letters in the register by number, subject or addressee ("125/nic", "genetica")."""
    from app.letters.register import list_letters

    out = []
    for position, r in enumerate(list_letters(session, text=q.phrase, limit=limit)):
        title = f"{r['reference']} {r['subject']}".strip() if r["reference"] else r["subject"]
        when = f"{r['letter_date']:%d/%m/%Y}" if r["letter_date"] else ""
        sub = " · ".join(x for x in (r["organisation"] or r["contact"], when) if x)
        score = search_rank.score(q, [r["subject"], r["reference"] or ""]) - position * 0.01
        out.append(SearchHit("letter", int(r["id"]), title, sub, score, status=r["status"] or None))
    return out


def _describe(kind: str, row: dict[str, Any]) -> tuple[str, str, list[str]]:
    """A hit's title, the line under it, and its names (the title's name first): what the
    ranking calls a name match (:mod:`app.search_rank`); the rest of the search text is
    "another field"."""
    if kind == "organisation":
        acronym = row["acronym"] or ""
        title = f"{row['name']} ({acronym})" if acronym else row["name"]
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):  # (raw SQL on SQLite: the JSON text)
            aliases = json.loads(aliases or "[]")
        names = [row["name"], acronym, row.get("name_en") or "", *(a for a in aliases if isinstance(a, str))]
        return title, row.get("city") or "", names
    if kind == "contact":
        bits = [b for b in (row.get("position"), row.get("organisation_name")) if b]
        return row["full_name"], " · ".join(bits), [row["full_name"]]
    if kind == "meeting":
        when = row["starts_at"]
        sub = f"{when:%d/%m/%Y %H:%M}" + (f" · {row['location']}" if row.get("location") else "")
        return row["title"], sub, [row["title"]]
    # an action's direction, status and due date: codes on the hit, worded by its reader
    return row["title"], "", [row["title"], row.get("reference") or ""]
