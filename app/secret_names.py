"""Confidential people and organisations named in what someone wrote: one finder for the briefs,
the letters and the calendars.

A meeting titled "Gặp Lưu Văn Mật bàn thương vụ QBM", a decision naming "luu van mat", an
action's notes: when Lưu Văn Mật or QBM is confidential on record, a brief marks the name and is
headed confidential, a letter leaves those words out, a calendar event marks the name and is
private. The three used to look with rules of their own (reviewer h103's finding was mended
three times): the brief by the name as written in any case, the letter by the folded name, the
calendar not at all in free text, so that the same title was marked in the brief and went
public into Outlook. They now share these rules:

- a contact's full name, an organisation's name or English name: looked for when it has two
  words or more, or, for an organisation, one word of five letters or more ("Genetica"); found
  as whole words whatever the case, the diacritics or the spacing ("Lưu Văn Mật", "LUU VAN MAT",
  "Lưu  văn mật"). A one-word person ("An", "Hà") is not looked for: it would mark "An toàn";
- an organisation's acronym of three characters or more written in capitals ("QBM", "AI4LIFE"):
  found as written, a whole word ("qbm" is not it); another acronym ("VinAI") is a name.

A letter, which goes to an outsider, also leaves out a title naming a one-word confidential
person (``every_word``): there the cost of a mistake is only a plainer subject.

The confidential records are read in one query of those rows alone (they are few), trashed ones
too: a record in the trash is no less confidential.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import literal, null, select, union_all
from sqlalchemy.orm import Session

from app.vntext import fold
from db.tables import CON, ORG

ONE_WORD_ORGANISATION = 5
"""Letters from which an organisation's one-word name is looked for ("Genetica", not "Sao")."""


@dataclass(frozen=True)
class Named:
    """A confidential record and one of its names: ``kind`` "contact" or "organisation"."""

    kind: str
    id: int
    name: str


def is_acronym(name: str) -> bool:
    """An acronym looked for as written: three characters or more, in capitals ("QBM")."""
    name = name.strip()
    return len(name) >= 3 and " " not in name and name.isupper()


def nameable(name: str, kind: str = "contact", *, every_word: bool = False) -> bool:
    """Whether ``name`` (a ``kind``'s) is looked for in free text (see the module's rules)."""
    name = name.strip()
    if not name:
        return False
    if is_acronym(name) or len(name.split()) >= 2:
        return True
    if every_word:
        return len(fold(name)) >= 2
    return kind == "organisation" and len(fold(name)) >= ONE_WORD_ORGANISATION


def load(session: Session, *, every_word: bool = False) -> tuple[Named, ...]:
    """Every confidential contact's full name and organisation's name, English name and
    acronym that :func:`nameable` looks for: one query."""
    people = select(literal("contact"), CON.c.id, CON.c.full_name, null(), null()).where(
        CON.c.confidential.is_(True)
    )
    orgs = select(literal("organisation"), ORG.c.id, ORG.c.name, ORG.c.name_en, ORG.c.acronym).where(
        ORG.c.confidential.is_(True)
    )
    out: list[Named] = []
    for kind, ident, *names in session.execute(union_all(people, orgs)):
        out += [Named(str(kind), int(ident), str(n)) for n in dict.fromkeys(names) if n]
    return tuple(x for x in out if nameable(x.name, x.kind, every_word=every_word))


def spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``text`` names one of ``names``, as (start, end) in ``text``, in order, never
    overlapping (the longest name first: "Bộ Khoa học và Công nghệ" before "Khoa học"). Every
    name given is looked for: choose them with :func:`nameable`."""
    wanted = tuple(sorted({n.strip() for n in names if n and n.strip()}))
    if not text or not wanted:
        return []
    acronyms, folded = _patterns(wanted)
    found: list[tuple[int, int]] = []
    if acronyms is not None:
        found += [(f.start(), f.end()) for f in acronyms.finditer(text)]
    if folded is not None:
        flat, at = _fold_map(text)
        for f in folded.finditer(flat):
            found.append((at[f.start()], at[f.end() - 1] + 1))
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, _through_marks(text, end)))
    return out


def found_in(named: Iterable[Named], texts: Iterable[str]) -> list[Named]:
    """The records of ``named`` that ``texts`` name (each once, in ``named``'s order)."""
    haystack = "\n".join(t for t in texts if t)
    if not haystack.strip():
        return []
    return [x for x in dict.fromkeys(named) if spans(haystack, [x.name])]


def mark_within(text: str, names: Iterable[str], mark: str) -> str:
    """``text`` with `` (mark)`` after every place it names one of ``names``:
    "Gặp Lưu Văn Mật (Mật) bàn thương vụ QBM (Mật)"."""
    out, last = [], 0
    for _start, end in spans(text, names):
        out += [text[last:end], f" ({mark})"]
        last = end
    return "".join(out) + text[last:]


@functools.lru_cache(maxsize=64)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """One pattern for the acronyms (as written) and one for the names (folded), each finding
    whole words, the longest names first."""
    acronyms = sorted({n for n in names if is_acronym(n)}, key=len, reverse=True)
    words = sorted({fold(n) for n in names if not is_acronym(n)} - {""}, key=len, reverse=True)
    body = [r" +".join(re.escape(w) for w in n.split()) for n in words]
    return (
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, acronyms)) + r")(?!\w)") if acronyms else None,
        re.compile(r"(?<!\w)(?:" + "|".join(body) + r")(?!\w)") if body else None,
    )


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return " " if ch.isspace() else fold(ch)


def _fold_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded a character at a time (case, diacritics, đ→d; each space one space), and
    for each character of the result the position in ``text`` it comes from."""
    flat: list[str] = []
    at: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        flat.append(f)
        at += [i] * len(f)
    return "".join(flat), at


def _through_marks(text: str, end: int) -> int:
    """``end`` moved past combining marks (a decomposed "ậ" ends with two of them)."""
    import unicodedata

    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


__all__ = ["Named", "found_in", "is_acronym", "load", "mark_within", "nameable", "spans"]
