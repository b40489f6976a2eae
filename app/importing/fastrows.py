"""Contact rows cleaned column by column: the import's fast path for the common sheet.

Most contact sheets map one column each to a few plain fields (the name, position,
organisation, emails, phones, a date, notes, country, source, tags), and most of their cells
are clean. For such a sheet a row's record is the sum of what each of its cells gives, and a
cell gives the same thing every time it appears: a position, an organisation, a date or a
country repeats down the column, and even a person's name is worked out once.

So each column keeps a memo from cell to its *contribution* (the record's columns it sets,
its list or reference, its words for the search text), computed by the same functions the
general path (:func:`app.importing.preview.clean_row`) uses, and a row is assembled from
them with a few dictionary operations. Anything unusual (a value that would be an error or a
warning, a label before or after an email or phone, a cell the general path would keep in the notes,
a row without a name) makes that row go through the general path, whole; the one warning
given here is a plainly written 099x number's, "kept unverified", worded and placed as the
general path words and places it. The two paths are held together by property tests
(``tests/app/importing/test_fastrows.py``): for any row of such a sheet the fast path gives a
:class:`~app.importing.preview.RowResult` equal to the general path's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from app import validation as v
from app.entities import TAG_LENGTH, _lengths, _names, _opt_text, last_contact_too_late
from app.importing import cleaning as cl
from app.importing import fields as fs
from app.importing.fields import IGNORE
from app.importing.messages import Message, warning
from app.importing.notation import split_label
from app.importing.people import MAYBE as _MAYBE_TWO
from app.importing.preview import _NO_ERRORS, RowResult, _label_for, _share
from app.importing.scinum import scientific
from app.importing.sheet import SheetLayout
from app.vntext import (
    _HONORIFIC_RE,
    _is_surname,
    clean,
    clean_multiline,
    fold,
    fold_join,
    name_sort_key,
    split_honorific,
    split_name,
)
from db import models as m

FALLBACK: Any = object()
"""A cell's answer when its row must go through the general path."""
EMPTY: Any = object()
"""A blank cell: the general path leaves its field out of the row."""

MEMO_SIZE = 100_000
"""Cells remembered per column at most."""
MEMO_TRIAL = 2_000
"""New cells a column is remembered for before it is judged: a column whose values seldom
repeat (names, emails, phones: fewer than one in five found again by then) is not remembered
past it, which would cost a lookup and a cell kept per row for nothing."""

_FULL_NAME_LENGTH = _lengths(m.Contact)["full_name"]

# Where a cell's words go in the search text, in the order contact_search_text writes them.
_NAME, _POSITION, _EMAILS, _PHONES = range(4)


class Gives:
    """What one cell gives its row: columns, a relation list, a reference, search words."""

    __slots__ = ("columns", "ref", "relation", "slot", "warning", "words")

    def __init__(
        self,
        columns: dict[str, Any] | None = None,
        relation: list[str] | None = None,
        ref: str | None = None,
        words: tuple[str, ...] = (),
        slot: int = -1,
        warning: Message | None = None,
    ) -> None:
        self.columns = columns
        self.relation = relation
        self.ref = ref
        self.words = words
        self.slot = slot
        self.warning = warning  # said of the row, placed at the cell (a phone kept unverified)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _folded(*texts: str) -> tuple[str, ...]:
    """Each text folded, empty ones left out (as :func:`fold_join` leaves them out)."""
    return tuple(f for f in map(fold, texts) if f)


def _single(name: str, value: Any) -> Any:
    """The general path's reading of a one-value cell, or FALLBACK if it has a problem."""
    _where, out, error = cl._cell("contact", name, value)
    return FALLBACK if error is not None else out


def _name(value: Any) -> Any:
    if value.__class__ is str:
        # The common name, read directly: what cl._cell, split_name and split_honorific
        # make of a text without an honorific or a comma whose first word is a Vietnamese
        # family name (family, middle words, given; split_name's Vietnamese order).
        full = clean(value)
        if full.isupper() or full.islower():
            full = clean(full.title())  # (person_case, then _opt_text's clean)
        if (
            full
            and _MAYBE_TWO.search(value) is None  # ("," included) two people? the general path says
            and _HONORIFIC_RE.match(full) is None
            and len(full) <= _FULL_NAME_LENGTH
        ):
            tokens = full.split()
            if len(tokens) >= 2 and _is_surname(tokens[0]):
                family, middle, given = tokens[0], " ".join(tokens[1:-1]), tokens[-1]
                columns = {
                    "full_name": full,
                    "family_name": family,
                    "middle_name": middle,
                    "given_name": given,
                    "honorific": "",
                    "sort_key": name_sort_key(given, family, middle),
                }
                folded = fold_join(tokens)
                return Gives(columns, words=(folded,) if folded else (), slot=_NAME)
    out = _single("full_name", value)
    if out is FALLBACK:
        return out
    full = _opt_text(out)
    if not full:
        return FALLBACK  # "a name is required": the general path says so
    parts = split_name(full)
    family, middle, given, honorific = parts.family, parts.middle, parts.given, parts.honorific
    if honorific:  # (without one, split_honorific would give the cleaned name back: full)
        full = split_honorific(full)[1] or full
    limits = _lengths(m.Contact)
    if len(full) > limits["full_name"] or len(honorific) > limits["honorific"]:
        return FALLBACK
    given_name = given or full
    columns = {
        "full_name": full,
        "family_name": family,
        "middle_name": middle,
        "given_name": given_name,
        "honorific": honorific,
        "sort_key": name_sort_key(given_name, family, middle),
    }
    # fold(full) word by word: names are new, their words are not (fold_join's promise).
    folded = fold_join(full.split())
    return Gives(columns, words=(folded,) if folded else (), slot=_NAME)


def _position(value: Any) -> Any:
    out = _single("position", value)
    if out is FALLBACK:
        return out
    position = _opt_text(out)
    if len(position) > _lengths(m.Contact)["position"]:
        return FALLBACK
    return Gives({"position": position}, words=_folded(position), slot=_POSITION)


def _organisation(value: Any) -> Any:
    out = _single("organisation", value)
    if out is FALLBACK:
        return out
    return Gives(ref=out or None)


def _split_cell(value: Any, pattern: Any, *, phones: bool = False) -> Any:
    if value.__class__ is bool:
        return FALLBACK  # a checkbox's TRUE is no email or phone: the general path says so
    items = cl._split([value], pattern, phones=phones)
    kept = []
    for item in items:
        value = item
        if isinstance(item, str) and ")" in item:  # (as preview._take_labels reads it)
            value, label = split_label(item, phone=phones)
            if label:
                return FALLBACK  # a label ("an@x.vn (công việc)"): the general path keeps it
        kept.append(value)
    return kept


_LABELLED = re.compile(r"[:：(]")
"""What an email cell with a label holds (cleaning._split_emails; a phone's label in brackets
is found by _split_cell, "(024)" being part of a number)."""


def _emails(value: Any) -> Any:
    if value.__class__ is str and value.isascii() and v._SIMPLE_EMAIL.fullmatch(low := value.lower()):
        # One plain address, as most cells hold: nothing to split, clean or label. In lower
        # case it is its own cleaned, checked and folded form (ASCII letters, no space, no dot
        # twice or at an end), and its words are its parts: v.email and fold give these.
        if not v._SPECIAL_USE.intersection(low.rsplit("@", 1)[1].split(".")):
            return Gives(relation=[low], words=(low, low.replace("@", " ").replace(".", " ")), slot=_EMAILS)
        try:
            e = v.email(value)
        except Exception:
            return FALLBACK
        return Gives(relation=[e], words=_folded(e, e.replace("@", " ").replace(".", " ")), slot=_EMAILS)
    if value.__class__ is str and _LABELLED.search(value) is not None:
        return FALLBACK  # a label ("Công việc: an@nic.vn", "an@nic.vn (công việc)"): the general path's
    items = _split_cell(value, cl._EMAIL_SPLIT)
    if items is FALLBACK:
        return items
    emails: list[str] = []
    for raw in items:
        if clean(raw):
            try:
                e = v.email(raw)
            except Exception:  # a warning, or a row refused: the general path's to say
                return FALLBACK
            if e and e not in emails:
                emails.append(e)
    words: list[str] = []
    for e in emails:
        words += _folded(e, e.replace("@", " ").replace(".", " "))
    return Gives(relation=emails, words=tuple(words), slot=_EMAILS)


# A Vietnamese number written plainly ("0912 345 678", "+84 24.3825.1234", "(+84) 91-234-5678",
# "84912345678"): digits after a national "0" or "+84" (in brackets or not; or "84", the plus
# lost), single spaces, dots or dashes between them, nothing else. Such a cell is one number (nothing the list split or a label
# could find in it), already clean, and read by v.phone's fast path (_vietnamese_valid) as
# the digits after the prefix: the same number is built here directly.
_PLAIN_VN_PHONE = re.compile(
    r"(?:\(\+84\)|\+84|0|84(?=[0-9]{9,10}$))[ .\-]?([1-9][0-9]*(?:[ .\-][0-9]+)*)", re.ASCII
)


def _phones(value: Any) -> Any:
    if value.__class__ is str and (found := _PLAIN_VN_PHONE.fullmatch(value)) is not None:
        written = found.group(1)
        national = written.translate(v._SEPARATORS)
        if 6 <= len(written) <= 21 and len(national) <= 12:
            if v._vietnamese_national_valid(national):
                e164 = "+84" + national
                return Gives(relation=[e164], words=tuple(v.phone_search_tokens(e164)), slot=_PHONES)
            return _unverified(value)
    if value.__class__ is str and (":" in value or "：" in value):
        return FALLBACK  # a label before a number ("Di động: 0912 345 678"): the general path's
    if value.__class__ is str and ("e" in value or "E" in value) and scientific(value) is not None:
        return FALLBACK  # "9.12345E+08": the general path's (app.importing.scinum)
    items = _split_cell(value, cl._PHONE_SPLIT, phones=True)
    if items is FALLBACK:
        return items
    phones: list[str] = []
    for raw in items:
        if clean(str(raw)):
            stored = isinstance(raw, str) and v.is_e164(raw)
            try:
                p = v.phone(raw, unverified_ok=stored)
            except Exception:
                return FALLBACK
            if p and not p.startswith("+84"):
                return FALLBACK  # a foreign number gives the contact its country (entities._country_from)
            if p and p not in phones:
                phones.append(p)
    words: list[str] = []
    for p in phones:
        words += v.phone_search_tokens(p)  # (digits: folding leaves them as they are)
    return Gives(relation=phones, words=tuple(words), slot=_PHONES)


def _unverified(value: str) -> Any:
    """A plainly written number of the right length in a range libphonenumber does not list yet
    (Vietnam's 099x): kept in E.164 with a warning, as the general path keeps it
    (cleaning._keep_contact_methods), or left to it."""
    if v.is_e164(value):
        return FALLBACK  # (already as Ketnoi stores it: the general path accepts it unwarned)
    try:
        e164, valid = v.phone_checked(value)
    except Exception:
        return FALLBACK
    if valid:
        return FALLBACK  # valid after all: the general path's to say
    said = warning("phone_unverified", column="phones", value=cl._shown(value))
    return Gives(relation=[e164], words=tuple(v.phone_search_tokens(e164)), slot=_PHONES, warning=said)


def _last_contacted(value: Any) -> Any:
    out = _single("last_contacted_on", value)
    if out is FALLBACK:
        return out
    if out in (None, ""):
        return Gives({"last_contacted_on": None})
    try:
        day = v.date(out)
    except Exception:
        return FALLBACK
    if last_contact_too_late(day) is not None:
        return FALLBACK  # (the general path leaves it out, with its warning: cleaning.to_input)
    return Gives({"last_contacted_on": day})


def _notes(value: Any) -> Any:
    out = _single("notes", value)
    if out is FALLBACK:
        return out
    return Gives({"notes": clean_multiline(out)})


def _country(value: Any) -> Any:
    out = _single("country", value)
    if out is FALLBACK or out is None:
        return FALLBACK
    country = (_opt_text(out) or "VN").upper()[:2]
    if country != "VN":
        return FALLBACK  # the row's national numbers are read in that country (entities.phone_region)
    return Gives({"country": country})


def _source(value: Any) -> Any:
    out = _single("source", value)
    if out is FALLBACK:
        return out
    return Gives({"source": _opt_text(out)})


def _tags(value: Any) -> Any:
    if value.__class__ is bool:
        return FALLBACK  # (no tag "TRUE": the general path says so)
    tags = _names(cl._split([value], cl._LIST_SPLIT))
    if any(len(name) > TAG_LENGTH for name in tags):
        return FALLBACK
    return Gives(relation=tags)


ANALYSE: dict[str, Callable[[Any], Any]] = {
    "full_name": _name,
    "position": _position,
    "organisation": _organisation,
    "emails": _emails,
    "phones": _phones,
    "last_contacted_on": _last_contacted,
    "notes": _notes,
    "country": _country,
    "source": _source,
    "tags": _tags,
}
"""The fields the fast path knows; a sheet mapping any other field goes the general way."""

_BASE: dict[str, Any] = {
    "full_name": "",
    "family_name": "",
    "middle_name": "",
    "given_name": "",
    "honorific": "",
    "position": "",
    "organisation_id": None,
    "country": "VN",
    "influence": None,
    "interest": None,
    "owner_id": None,
    "notes": "",
    "source": "",
    "last_contacted_on": None,
    "confidential": False,
    "sort_key": "",
    "search_text": "",
}
"""A contact's columns when its row leaves a field empty (what prepare_contact gives), in
prepare_contact's order."""

_RELATIONS = ("emails", "phones", "tags")


class FastRows:
    """The fast path for one sheet layout; :meth:`row` answers one row."""

    def __init__(
        self, columns: Sequence[tuple[int, str]], sheet: str = "", labels: dict[str, str] | None = None
    ) -> None:
        self.sheet, self.labels = sheet, labels or {}  # where a cell's warning is placed
        self.plan: list[tuple[int, str, Callable[[Any], Any], dict[Any, Any] | None]] = [
            (col, name, ANALYSE[name], {}) for col, name in columns
        ]
        self.seen = [[0, 0] for _ in columns]  # per column: cells analysed, and found again
        self.supplied: dict[tuple[str, ...], frozenset[str]] = {}  # fields present → supplied

    def _remember(self, j: int, memo: dict[Any, Any], key: Any, given: Any) -> None:
        seen = self.seen[j]
        seen[0] += 1
        if seen[0] == MEMO_TRIAL and seen[1] < MEMO_TRIAL // 4:
            memo.clear()  # mostly new values: stop remembering this column
            col, name, analyse, _memo = self.plan[j]
            self.plan[j] = (col, name, analyse, None)
            return
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[key] = given

    def row(self, number: int, values: Sequence[Any]) -> Any:
        """The row's :class:`RowResult`, None for a row with nothing in its mapped columns,
        or FALLBACK when the general path must clean it."""
        return self.rows([(number, values)])[0]

    def rows(self, chunk: Sequence[tuple[int, Sequence[Any]]]) -> list[Any]:
        """:meth:`row` for each (number, values) of ``chunk``, worked out column by column
        (one column's new values after another's keeps each one's memos warm: measured 20%
        cheaper than row by row), then assembled row by row."""
        by_column = [self._column(j, chunk) for j in range(len(self.plan))]
        names = [name for _col, name, _analyse, _memo in self.plan]
        base = _BASE
        slots = self.supplied
        out: list[Any] = []
        append = out.append
        for (number, _values), gives in zip(chunk, zip(*by_column, strict=True), strict=True):
            if FALLBACK in gives:
                append(FALLBACK)
                continue
            if gives[0] is EMPTY:  # no name (the plan's first): the general path says so
                append(None if all(given is EMPTY for given in gives) else FALLBACK)
                continue
            columns = dict(base)
            relations: dict[str, list[str]] = {}
            refs: dict[str, Any] = {}
            words = [(), (), (), ()]
            present = []
            warned: list[Message] = []
            for name, given in zip(names, gives, strict=True):
                if given is EMPTY:
                    continue
                present.append(name)
                if given.warning is not None:
                    warned.append(
                        given.warning.at(sheet=self.sheet, row=number, column=self.labels.get(name, ""))
                    )
                if given.columns is not None:
                    columns.update(given.columns)
                if given.slot >= 0:
                    words[given.slot] = given.words
                if given.relation:
                    relations[name] = given.relation
                elif given.ref is not None:
                    refs[name] = given.ref
            columns["search_text"] = " ".join(words[0] + words[1] + words[2] + words[3])
            if len(relations) > 1:
                relations = {k: relations[k] for k in _RELATIONS if k in relations}
            key = tuple(present)
            supplied = slots.get(key)
            if supplied is None:
                supplied = slots[key] = _share(frozenset(present))
            append(RowResult(number, "new", (), _NO_ERRORS, warned or (), columns, relations, refs, supplied))
        return out

    def _column(self, j: int, chunk: Sequence[tuple[int, Sequence[Any]]]) -> list[Any]:
        """What each cell of the plan's ``j``-th column gives in ``chunk`` (EMPTY for a
        blank one), from the column's memo where it has one."""
        col, _name, analyse, memo = self.plan[j]
        out: list[Any] = []
        append = out.append
        if memo is None:  # (a column of values that seldom repeat: names, emails, phones)
            return _analysed(analyse, [values[col] if col < len(values) else None for _n, values in chunk])
        get = memo.get
        seen = self.seen[j]
        for i, (_number, values) in enumerate(chunk):
            value = values[col] if col < len(values) else None
            if value is None:
                append(EMPTY)
                continue
            key: Any = value if value.__class__ is str else (value.__class__, value)
            try:
                given = get(key)
            except TypeError:  # (an unhashable value: no memo)
                append(_analyse(analyse, value))
                continue
            if given is not None:
                seen[1] += 1
                append(given)
                continue
            given = _analyse(analyse, value)
            append(given)
            self._remember(j, memo, key, given)
            if self.plan[j][3] is None:  # judged a column of new values: no memo past here
                out += _analysed(analyse, [v[col] if col < len(v) else None for _n, v in chunk[i + 1 :]])
                break
        return out


def _analysed(analyse: Callable[[Any], Any], cells: list[Any]) -> list[Any]:
    """:func:`_analyse` over a column's cells, in one loop (no two calls per cell)."""
    out: list[Any] = []
    append = out.append
    for value in cells:
        if value is None or (isinstance(value, str) and not value.strip()):
            append(EMPTY)
            continue
        try:
            append(analyse(value))
        except Exception:  # as _analyse: the general path answers the row
            append(FALLBACK)
    return out


def _analyse(analyse: Callable[[Any], Any], value: Any) -> Any:
    if _blank(value):
        return EMPTY
    try:
        return analyse(value)
    except Exception:  # whatever it is, the general path answers the row (with its error)
        return FALLBACK


def fast_rows(layout: SheetLayout) -> FastRows | None:
    """The fast path for ``layout``, or None when its sheet must go the general way: not a
    contacts sheet, a field the fast path does not know, a field in two columns, no name."""
    if layout.kind != "contact":
        return None
    columns = [(col, name) for col, name in sorted(layout.mapping.items()) if name != IGNORE]
    names = [name for _col, name in columns]
    if len(set(names)) != len(names) or not set(names) <= ANALYSE.keys() or "full_name" not in names:
        return None
    if any(name == "notes" and not fs.names_notes(_header(layout, col)) for col, name in columns):
        return None  # (a column kept in the notes under its header: the general way)
    # The name first: a row's own check ("has it a name?") is then its first bit.
    columns.sort(key=lambda c: c[1] != "full_name")
    return FastRows(columns, layout.sheet, {name: _label_for(layout, name) for name in names})


def _header(layout: SheetLayout, col: int) -> str:
    return layout.headers[col] if col < len(layout.headers) else ""
