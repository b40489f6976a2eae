"""How well a record's names match a search as it was typed: the ranking of the search box.

Reviewer h149 typed "Hà" in Ctrl+K and got organisations in Hà Nội first, then the four people
named Hà mixed with Hải and Hạnh. A record now ranks, best first:

1. a name that is the whole query ("FPT", "Nguyễn Nhung");
2. by how well every query word meets a word of its names (the organisation's name, acronym,
   English name and aliases; the contact's full name; a meeting's, an action's or a letter's
   title and reference), the weakest word deciding:

   - a word typed with marks ("Hà", "đặng"): the same word as typed (tone marks placed either
     way: "hòa" is "hoà"), then the same letters with other marks or none ("Hạ", "Ha"), then a
     word that starts with it as typed ("Hàm"), then one that starts with its letters without
     the marks ("Hải", "Hạnh", "Hanoi");
   - a word typed without marks ("ha"): every name word that starts with it, alike: "Hà",
     "Hải" and "Hạnh" match "ha" equally (nothing typed tells them apart);

   within a level, a person whose given name is the word as typed ("Hà": the people called
   Hà), then a name that starts with the query (a family name: "Nguyễn …" for "nguyen");
3. then records found only by another field (an organisation's city, a contact's position,
   e-mail or phone, a meeting's minutes, an action's notes): the organisations that merely lie
   in Hà Nội come after every name match, whatever their kind.

Ties go by the title without its marks (app.search), then organisations before people before
meetings, letters and actions. Scores only compare hits of one query.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from app.vntext import clean, fold, spelling

WHOLE = 1000.0
"""A name that is the whole query."""
LEVEL = 100.0
"""Per level of the weakest query word's match on a name (0: found by another field only)."""
GIVEN = 40.0
"""A person whose given name is the word as typed (with its marks)."""
START = 20.0
"""A name that starts with the query."""
FILE_NAME = 50.0
"""A record found by the name of a file attached to it: under every name match, over records
found by another field."""
BEST_UNSEEN = 4 * LEVEL
"""The most a record can score that neither starts with the query nor has the typed given
name: the bound under which a search stops reading further candidates (app.search)."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Typed:
    """A query: its folded words (as the index is searched) and, for each word typed with
    marks, its spelling (:func:`app.vntext.spelling`); ``None`` for a word typed without."""

    words: tuple[str, ...]
    marked: tuple[tuple[str, str] | None, ...]

    @property
    def phrase(self) -> str:
        return " ".join(self.words)

    @property
    def has_marks(self) -> bool:
        return any(m is not None for m in self.marked)


def typed(query: str, words: list[str]) -> Typed:
    """``words`` (the query's folded words, :func:`app.vntext.query_words`) with the marks the
    user typed on each: a written word is paired with the folded word it folds to."""
    written: dict[str, tuple[str, str]] = {}
    for token in _WORD.findall(unicodedata.normalize("NFC", clean(query)).casefold()):
        folded = fold(token)
        key = spelling(token)
        if folded and key != spelling(folded):  # marks (or đ) typed on this word
            written.setdefault(folded, key)
    return Typed(tuple(words), tuple(written.get(w) for w in words))


@lru_cache(maxsize=16384)  # names repeat across hits and keystrokes
def _name_words(text: str) -> tuple[tuple[str, tuple[str, str]], ...]:
    """The words of a name: each folded, and its spelling."""
    tokens = _WORD.findall(unicodedata.normalize("NFC", clean(text)).casefold())
    return tuple((fold(t), spelling(t)) for t in tokens if fold(t))


def _level(word: str, marked: tuple[str, str] | None, name: tuple[str, tuple[str, str]]) -> int:
    """How well one query word meets one name word (0: not at all)."""
    folded, spelt = name
    if not folded.startswith(word):
        return 0
    if marked is None:
        return 4  # typed without marks: every word it starts, alike
    if spelt == marked:
        return 4
    if folded == word:
        return 3  # the same letters, other marks: "Hạ", "Ha" for "Hà"
    letters, tone = marked
    if spelt[0].startswith(letters) and tone in ("", spelt[1]):
        return 2  # starts with it as typed: "Hàm" for "Hà"
    return 1  # starts with its letters: "Hải", "Hạnh" for "Hà"


def _whole(q: Typed, name: str) -> bool:
    """``name`` is the query: the same words, each with the marks typed on it."""
    words = _name_words(name)
    if tuple(f for f, _ in words) != q.words:
        return False
    return all(m is None or s == m for m, (_, s) in zip(q.marked, words, strict=True))


def score(q: Typed, names: Iterable[str], *, given: str = "") -> float:
    """The rank of a record whose names are ``names`` (its title first) for the query ``q``;
    ``given`` is a contact's given name."""
    names = [n for n in names if n]
    if not names or not q.words:
        return 0.0
    if any(_whole(q, n) for n in names):
        return WHOLE + 4 * LEVEL + (GIVEN if given and q.has_marks else 0.0) + START
    words = [w for n in names for w in _name_words(n)]
    level = min(
        max((_level(w, m, nw) for nw in words), default=0) for w, m in zip(q.words, q.marked, strict=True)
    )
    if level == 0:
        return 0.0
    out = level * LEVEL
    if given and q.has_marks and _given_as_typed(q, given):
        out += GIVEN
    if fold(names[0]).startswith(q.phrase):
        out += START
    return out


def _given_as_typed(q: Typed, given: str) -> bool:
    """Every word of the given name is a query word as typed, one of them with its marks."""
    parts = _name_words(given)
    spelt = {m for m in q.marked if m is not None}
    plain = {w for w, m in zip(q.words, q.marked, strict=True) if m is None}
    return (
        bool(parts) and any(s in spelt for _, s in parts) and all(s in spelt or f in plain for f, s in parts)
    )
