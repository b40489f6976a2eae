"""search keys fold overseas letters and drop every invisible character

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 14:00:00

The fold behind every stored search key (``app.vntext.fold``) now spells letters that have no
Unicode decomposition in ASCII (ł→l, ø→o, æ→ae, þ→th, ı→i…), applies compatibility forms
(fullwidth letters, ligatures) and drops every format / default-ignorable character. Keys stored
before were folded without that, so "lukasz" would not find a stored "Łukasz". This recomputes:

- ``search_text`` of organisations, contacts, meetings and actions. The new fold of an old key
  equals the new fold of the original text (tests/db/test_refold_migration.py checks it on any
  text), so the stored key is folded again; emails and phones inside it need no reloading.
  SQLite's FTS tables follow through their update triggers; PostgreSQL's GIN index is on the
  column itself.
- ``sort_key`` of contacts and organisations (overseas letters now sort where they fold).
- ``folded`` of tags and sectors. Two names that now fold alike ("Łódź", "Lodz") are one tag,
  as the app would treat them: the later one's links move to the earlier one and it goes.

The functions are copied here, not imported from app/ (db/ never imports app/, and a migration
must compute what it computed on the day it was written). Downgrading leaves the new keys in
place: the old fold cannot be recomputed from them, and they stay valid search keys.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# --- the fold and sort keys of app/vntext.py at this revision ------------------------------

_DEFAULT_IGNORABLE = frozenset(
    cp
    for lo, hi in (
        (0x00AD, 0x00AD),
        (0x034F, 0x034F),
        (0x061C, 0x061C),
        (0x115F, 0x1160),
        (0x17B4, 0x17B5),
        (0x180B, 0x180F),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x206F),
        (0x3164, 0x3164),
        (0xFE00, 0xFE0F),
        (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0),
        (0xFFF0, 0xFFF8),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0000, 0xE0FFF),
    )
    for cp in range(lo, hi + 1)
)
FOLD_LETTERS: dict[str, str] = dict(
    pair.split(":")
    for pair in (
        "æ:ae ð:d ø:o þ:th đ:d ħ:h ı:i ĸ:q ł:l ŋ:ng œ:oe ŧ:t ƀ:b ƃ:b ƈ:c ƌ:d ƍ:z ƒ:f ƕ:hw ƙ:k ƚ:l "
        "ƛ:l ƞ:n ƣ:gh ƥ:p ƪ:sh ƫ:t ƭ:t ƴ:y ƶ:z ƺ:zh ƾ:ts ƿ:w ǝ:e ǥ:g ȝ:y ȡ:d ȣ:ou ȥ:z ȴ:l ȵ:n ȶ:t "
        "ȷ:j ȸ:db ȹ:qp ȼ:c ȿ:s ɀ:z ɇ:e ɉ:j ɋ:q ɍ:r ɏ:y ɓ:b ɔ:o ɖ:d ɗ:d ə:e ɛ:e ɠ:g ɣ:g ɨ:i ɩ:i "
        "ɯ:w ɲ:n ɵ:o ʀ:r ʃ:sh ʈ:t ʉ:u ʊ:u ʋ:v ʌ:a ʒ:zh ⱥ:a ⱦ:t"
    ).split()
)


def _visible_base(decomposed: str) -> str:
    return "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch)
        and ord(ch) not in _DEFAULT_IGNORABLE
        and unicodedata.category(ch) != "Cf"
    )


def fold(text: str | None) -> str:
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    text = _visible_base(unicodedata.normalize("NFKD", text))
    text = _visible_base(unicodedata.normalize("NFKD", text.casefold()))
    kept = "".join(FOLD_LETTERS.get(ch, ch) for ch in text)
    return " ".join(unicodedata.normalize("NFC", kept).split())


def _clean(text: str | None) -> str:
    # The names are stored cleaned already (app.vntext.clean): only the words are needed.
    # Joiners (kept in display text for emoji and Persian) weigh nothing in a sort key.
    text = (text or "").replace("\u200c", "").replace("\u200d", "")
    return " ".join(unicodedata.normalize("NFC", text).split())


_SORT_KEY_LENGTH = 600  # the column's length (db.models.SORT_KEY)
_LETTER_RANK = {"ă": "1", "â": "2", "đ": "1", "ê": "1", "ô": "1", "ơ": "2", "ư": "1"}
_TONE_RANK = {"\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0301": "5", "\u0323": "6"}
_MODIFIERS = {"\u0306": "ă", "\u0302": "^", "\u031b": "horn"}


@lru_cache(maxsize=65536)
def _letter_keys(word: str) -> tuple[str, str]:
    primary: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFC", word.casefold()):
        if ch == "đ":
            primary.append("d1")
            tones.append("1")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = "1"
        letter = base
        for m in marks:
            if m in _TONE_RANK:
                tone = _TONE_RANK[m]
            elif m in _MODIFIERS:
                letter = unicodedata.normalize("NFC", base + m)
        if not base.isalnum():
            continue
        if base in FOLD_LETTERS:
            primary.extend(c + "0" for c in FOLD_LETTERS[base])
            tones.extend("1" for _ in FOLD_LETTERS[base])
            continue
        primary.append(base + _LETTER_RANK.get(letter, "0"))
        tones.append(tone)
    return "".join(primary), "".join(tones)


def name_sort_key(given: str, family: str = "", middle: str = "") -> str:
    prim: list[str] = []
    sec: list[str] = []
    for part in (given, family, middle):
        words = [_letter_keys(w) for w in _clean(part).split()]
        prim.append("+".join(p for p, _ in words))
        sec.append("".join(t for _, t in words))
    return ("#".join(prim) + "!" + "".join(sec))[:_SORT_KEY_LENGTH]


def text_sort_key(text: str) -> str:
    words = [_letter_keys(w) for w in _clean(text).split()]
    return ("+".join(p for p, _ in words) + "!" + "".join(t for _, t in words))[:_SORT_KEY_LENGTH]


# --- the migration ----------------------------------------------------------------------------

_NAMED_LINKS = {  # tag / sector -> (link table, owner column, reference column)
    "tag": (("organisation_tag", "organisation_id", "tag_id"), ("contact_tag", "contact_id", "tag_id")),
    "sector": (("organisation_sector", "organisation_id", "sector_id"),),
}


def _update_changed(conn: Connection, table: str, column: str, changed: list[dict[str, Any]]) -> None:
    if changed:
        conn.execute(sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), changed)


def _refold_search_text(conn: Connection, table: str) -> None:
    rows = conn.execute(sa.text(f"SELECT id, search_text FROM {table}")).all()
    changed = [{"id": i, "value": fold(s)} for i, s in rows if s and fold(s) != s]
    _update_changed(conn, table, "search_text", changed)


def _resort(conn: Connection) -> None:
    rows = conn.execute(
        sa.text("SELECT id, given_name, family_name, middle_name, sort_key FROM contact")
    ).all()
    changed = [
        {"id": i, "value": key}
        for i, given, family, middle, old in rows
        if (key := name_sort_key(given or "", family or "", middle or "")) != old
    ]
    _update_changed(conn, "contact", "sort_key", changed)
    rows = conn.execute(sa.text("SELECT id, name, sort_key FROM organisation")).all()
    changed = [{"id": i, "value": key} for i, name, old in rows if (key := text_sort_key(name or "")) != old]
    _update_changed(conn, "organisation", "sort_key", changed)


def _refold_names(conn: Connection, table: str) -> None:
    survivors: dict[str, int] = {}
    changed: list[dict[str, Any]] = []
    for ident, name, folded in conn.execute(
        sa.text(f"SELECT id, name, folded FROM {table} ORDER BY id")
    ).all():
        key = fold(name)[:100]
        keep = survivors.setdefault(key, ident)
        if keep != ident:  # folds like an earlier name now: one tag, the earlier one
            for link, owner, ref in _NAMED_LINKS[table]:
                conn.execute(
                    sa.text(
                        f"UPDATE {link} SET {ref} = :keep WHERE {ref} = :drop AND {owner} NOT IN "
                        f"(SELECT {owner} FROM {link} WHERE {ref} = :keep)"
                    ),
                    {"keep": keep, "drop": ident},
                )
                conn.execute(sa.text(f"DELETE FROM {link} WHERE {ref} = :drop"), {"drop": ident})
            conn.execute(sa.text(f"DELETE FROM {table} WHERE id = :drop"), {"drop": ident})
        elif key != folded:
            changed.append({"id": ident, "value": key})
    # Through a placeholder, so that no row takes a key another still holds (the column is unique).
    _update_changed(conn, table, "folded", [{"id": c["id"], "value": f"\x01{c['id']}"} for c in changed])
    _update_changed(conn, table, "folded", changed)


def upgrade() -> None:
    conn = op.get_bind()
    for table in ("organisation", "contact", "meeting", "action"):
        _refold_search_text(conn, table)
    _resort(conn)
    for table in ("tag", "sector"):
        _refold_names(conn, table)


def downgrade() -> None:
    pass  # the keys written above stay valid search keys; see the module docstring
