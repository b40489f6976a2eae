"""Two people written in one name cell ("Ông Nguyễn Văn Tâm; Bà Trần Thị Lụa"), as office lists
write a couple or two delegates of one organisation. Read as one name they made one contact
named "Nguyễn Văn Tâm; Bà Trần Thị Lụa"; the importer now rejects such a row and says why, so
the officer splits it (which of the two the row's email and phone belong to, only they know).

The test is careful not to take one person for two: each side must read as a person's name on
its own — an honorific and a name, or a Vietnamese family name first and every word capitalised
— so that "Ông/Bà Nguyễn Văn A" (an honorific alone on one side), "Nguyễn Văn A, Giám đốc" (a
position after the comma), "Nguyễn Văn An / Nguyen Van An" (one name written twice) and
"Nguyễn, Văn Hùng" (family name first, then the rest) stay one person.
"""

from __future__ import annotations

import re
import unicodedata

from app.vntext import _HONORIFIC_RE, _is_surname, clean, fold

MAYBE = re.compile("[;/&\n\r,]|\\s(?:và|va\u0300|and)\\s", re.IGNORECASE)  # (và typed NFC or NFD)
"""Cheap first look: no such separator (almost every name), nothing more to do (the fast path
of :mod:`app.importing.fastrows` sends a name with one to the general path)."""
_STRONG = re.compile(r"\s*(?:;|/|\r?\n|\r)\s*")
"""Separators no single name holds."""
_WEAK = re.compile(r"\s+(?:&|và|and)\s+|\s*,\s+", re.IGNORECASE)
"""Separators that join two people only between two whole names ("Ông A và Bà B"); a comma
more often comes before a position or the rest of a family-first name."""
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def _honorific(text: str) -> tuple[bool, str]:
    match = _HONORIFIC_RE.match(text)
    return (True, text[match.end() :].strip()) if match else (False, text)


def _person(text: str, *, comma: bool = False, loose: bool = False) -> bool:
    """Whether ``text`` reads as one person's name on its own: at least two words, each
    beginning with a capital (or all in capitals), led by an honorific or a Vietnamese family
    name (``loose``: either, or none, between ";" or on another line). Beside a comma, without
    an honorific, a whole Vietnamese name: three words or more, a family name first ("Trưởng",
    which folds as the family name Trương, begins a position: "Trưởng phòng")."""
    titled, name = _honorific(text)
    words = name.split()
    if not 2 <= len(words) <= 7 or not all(_WORD.fullmatch(w) for w in words):
        return False
    if not (name.isupper() or all(w[0].isupper() for w in words)):
        return False
    if titled:
        return True
    if comma:
        return len(words) >= 3 and _is_surname(words[0]) and words[0].casefold() not in _POSITION_WORDS
    return loose or _is_surname(words[0])


_POSITION_WORDS = frozenset(("trưởng",))


def two_people(raw: str) -> tuple[str, str] | None:
    """The first two people of a name cell that holds more than one, or None."""
    if not MAYBE.search(raw):
        return None
    raw = unicodedata.normalize("NFC", raw)
    for pattern, loose in ((_STRONG, True), (_WEAK, False)):
        parts = [clean(p) for p in pattern.split(raw) if clean(p)]
        if len(parts) < 2:
            continue
        comma = pattern is _WEAK and re.search(r",\s", raw) is not None
        people = [p for p in parts if _person(p, comma=comma, loose=loose)]
        if len(people) == len(parts) and len({fold(_honorific(p)[1]) for p in parts}) > 1:
            return parts[0], parts[1]
    return None
