"""One search box over organisations, contacts, meetings and actions (and the files on them).

The query is folded like the stored ``search_text`` (case, diacritics, đ→d), split into words,
and each word matched as a prefix through the full-text index (SQLite FTS5, PostgreSQL GIN):
"nguyen nhung" finds "Nguyễn Thị Hồng Nhung", "dang" finds "Đặng". The index narrows the
candidates per kind; the few candidates are then ranked in Python by how well the title
matches (exact, starts with, every word a prefix of a title word), then by index rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.vntext import fold, fold_words
from db.kinds import RECORD_KINDS
from db.queries import fts_candidates

KINDS = RECORD_KINDS
_KIND_WEIGHT = {"organisation": 3.0, "contact": 2.0, "meeting": 1.0, "action": 0.5}


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    id: int
    title: str
    subtitle: str
    score: float


def _title_score(words: list[str], title: str, extra: str = "") -> float:
    folded = fold(title)
    title_words = fold_words(title) + fold_words(extra)
    query = " ".join(words)
    score = 0.0
    if folded == query or fold(extra) == query:
        score += 100
    elif folded.startswith(query):
        score += 50
    if all(any(tw.startswith(w) for tw in title_words) for w in words):
        score += 25
    return score


def search(
    session: Session,
    query: str,
    *,
    limit: int = 20,
    kinds: tuple[str, ...] | None = None,
) -> list[SearchHit]:
    """The best ``limit`` records matching every word of ``query`` as a prefix."""
    words = fold_words(query)
    if not words:
        return []
    hits: list[SearchHit] = []
    for kind in kinds or KINDS:
        rows = fts_candidates(session, kind, words, limit=max(limit * 3, 30))
        for position, row in enumerate(rows):
            title, subtitle, extra = _describe(kind, row)
            score = _title_score(words, title, extra) + _KIND_WEIGHT[kind] - position * 0.01
            hits.append(SearchHit(kind, int(row["id"]), title, subtitle, score))
    hits += _attachment_hits(session, words, kinds or KINDS, limit)
    if kinds is None or "letter" in kinds:
        hits += _letter_hits(session, words, limit)
    if kinds is None or "organisation" in kinds:
        from app.reorg import follow_successions  # an old name finds what it became

        hits = follow_successions(session, hits)
    best: dict[tuple[str, int], SearchHit] = {}
    for h in hits:  # a record found by its own text and by a file on it is listed once
        if (h.kind, h.id) not in best or h.score > best[(h.kind, h.id)].score:
            best[(h.kind, h.id)] = h
    ranked = sorted(best.values(), key=lambda h: (-h.score, h.title))
    return ranked[:limit]


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
        score = (20.0 if a.in_name else 0.0) + _KIND_WEIGHT.get(a.owner_kind, 0.0) - position * 0.01
        out.append(SearchHit(a.owner_kind, a.owner_id, a.owner_label, f"file: {a.file_name}", score))
    return out


def _letter_hits(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    """Letters in the register by number, subject or addressee ("125/nic", "genetica")."""
    from app.letters.register import list_letters

    out = []
    for position, r in enumerate(list_letters(session, text=" ".join(words), limit=limit)):
        title = f"{r['reference']} {r['subject']}".strip() if r["reference"] else r["subject"]
        when = f" · {r['letter_date']:%d/%m/%Y}" if r["letter_date"] else ""
        sub = " · ".join(x for x in (r["organisation"] or r["contact"], r["status"]) if x) + when
        score = _title_score(words, r["subject"], r["reference"] or "") + 0.8 - position * 0.01
        out.append(SearchHit("letter", int(r["id"]), title, sub, score))
    return out


def _describe(kind: str, row: dict[str, Any]) -> tuple[str, str, str]:
    if kind == "organisation":
        acronym = row["acronym"] or ""
        title = f"{row['name']} ({acronym})" if acronym else row["name"]
        return title, row.get("city") or "", acronym
    if kind == "contact":
        bits = [b for b in (row.get("position"), row.get("organisation_name")) if b]
        return row["full_name"], " · ".join(bits), ""
    if kind == "meeting":
        when = row["starts_at"]
        sub = f"{when:%d/%m/%Y %H:%M}" + (f" · {row['location']}" if row.get("location") else "")
        return row["title"], sub, ""
    due = row.get("due_date")
    direction = "we owe" if row.get("direction") == "we_owe" else "they owe"
    sub = f"{direction} · {row['status']}" + (f" · due {due:%d/%m/%Y}" if due else "")
    return row["title"], sub, row.get("reference") or ""
