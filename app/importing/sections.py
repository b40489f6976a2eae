"""Section headings in a contacts sheet: the organisation of the rows below them.

Vietnamese delegate lists ("Danh sách đại biểu", "Danh sách khách mời") group people by their
organisation, which is written once, on a row of its own above them, often merged across the
table and numbered with a Roman numeral, and not again on each person's row::

    STT | Họ và tên                 | Chức vụ     | Email
    I   | BỘ KHOA HỌC VÀ CÔNG NGHỆ
    1   | Nguyễn Thị Hồng Nhung     | Vụ trưởng   | nhung@most.gov.vn
    2   | Đặng Văn Hùng             | Chuyên viên | hung.dv@most.gov.vn
    II  | TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI
    1   | Lê Minh                   | Giảng viên  | minh.le@hust.edu.vn

Read as people, such a row was an error ("Full name: required, but empty", or a contact
named "BỘ KHOA HỌC VÀ CÔNG NGHỆ") and the people below it came in with no organisation.

A row is a **section heading** when, apart from a numbering cell ("I", "II.", "A", "3."), it
holds one text and nothing else, and that text is

* an organisation's name: it begins with a word organisations' names begin with ("Bộ",
  "Trường", "Viện", "Công ty", "Trung tâm", "Ministry"…, followed by a name of its own), or ends
  as an English one does ("… University", "… JSC"); or
* any text after a Roman numeral ("II. KHÁCH MỜI QUỐC TẾ"): a heading that names no
  organisation (a group of guests), which ends the section above it.

A person's row is never one: a name alone on its row is a person with nothing else known (no
organisation word begins a person's name; "Ban Ki-moon", one word after "Ban", stays a person).
Nor is a row that names only an organisation, by its acronym ("NIC"), without a heading's
numbering: a person's row whose name was left out (an error, said as one), not a heading.
The heading is left out of the import (status "skip", its reason saying what it gave); each row
below it, up to the next heading, that names no organisation of its own is given the heading's
organisation, as if typed in its organisation column. Contacts sheets only.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.importing.fields import IGNORE
from app.importing.messages import msg
from app.vntext import clean

ORGANISATION_WORDS = (
    # Vietnamese, lower case with accents (a word's accents tell "Vụ" from the family name "Vũ")
    "bộ", "sở", "cục", "tổng cục", "vụ", "viện", "học viện", "trường", "đại học", "công ty",
    "tổng công ty", "tập đoàn", "trung tâm", "ngân hàng", "ủy ban", "uỷ ban", "ubnd", "hội",
    "hiệp hội", "liên hiệp", "liên minh", "mạng lưới", "quỹ", "văn phòng", "ban", "phòng",
    "khu công nghệ cao", "đại sứ quán", "lãnh sự quán", "tổng lãnh sự quán", "bệnh viện",
    "tổ chức", "cơ quan", "doanh nghiệp", "hợp tác xã", "đài", "báo", "thông tấn xã",
    # English
    "ministry", "department", "university", "institute", "school", "college", "academy",
    "company", "corporation", "group", "bank", "embassy", "consulate", "agency", "centre",
    "center", "association", "foundation", "council", "committee", "office", "fund", "network",
    "the ministry", "the university",
)  # fmt: skip
"""The words an organisation's name begins with (the longest are tried first)."""

_SHORT = frozenset({"bộ", "sở", "cục", "vụ", "ban", "phòng", "hội", "quỹ", "đài", "báo"})
"""Short first words that need a name of two words after them ("Bộ Tài chính"), or one written
as an acronym ("Sở KH&CN"), before a row is read as a heading: "Ban Ki-moon" is a person."""

_ORDINAL = re.compile(r"(?:[IVXLC]{1,6}|[A-Za-z]|\d{1,3})[.)\-:]?", re.IGNORECASE)
"""A numbering cell of its own: "I", "II.", "a)", "3."."""
_ROMAN = re.compile(r"[IVXLC]{1,6}[.)\-:]?")
_LEADING = re.compile(r"^\s*(?:[IVXLC]{1,6}|[A-Z]|\d{1,3})\s*[.)\-:–]\s*|^\s*(?:[IVXLC]{1,6})\s+(?=\S)")
"""A numbering at the start of the heading's own text: "I. BỘ …", "II - TRƯỜNG …", "A) Viện …"."""
_ACRONYM = re.compile(r"[A-ZĐ&]{2,}[A-ZĐ&\-]*")


@dataclass(frozen=True)
class Heading:
    row: int
    text: str  # the heading as written, its numbering left out
    organisation: str  # what it gives the rows below ("" : a heading that names none)


def looks_like_organisation(text: str) -> bool:
    """Whether ``text`` begins as an organisation's name does (the module's rule)."""
    words = unicodedata.normalize("NFC", text).split()
    if len(words) < 2:
        return False
    lower = [w.lower() for w in words]
    for size in (3, 2, 1):
        first = " ".join(lower[:size])
        if len(lower) > size and first in _WORDS:
            rest = words[size:]
            # ("Bộ Tài chính", "Sở KH&CN"; not "Ban Ki-moon")
            return first not in _SHORT or len(rest) >= 2 or bool(_ACRONYM.fullmatch(rest[0]))
    return lower[-1].rstrip(",") in _LAST_WORDS and words[0][:1].isupper()


_WORDS = frozenset(ORGANISATION_WORDS)
_LAST_WORDS = frozenset(
    "university institute corporation company ltd ltd. jsc inc inc. llc plc group bank centre center "
    "foundation association agency ministry embassy council academy college laboratory".split()
)
"""The words an English organisation's name ends with ("Kennesaw State University")."""


def _text(value: Any) -> str:
    if value is None or value.__class__ is bool:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # (a number cell reads as 1.0: a numbering "1")
    return clean(str(value)) if not isinstance(value, str) else clean(value)


class Sections:
    """The section headings of one contacts sheet, seen row by row as it is read."""

    def __init__(self, mapped: Sequence[int] = ()) -> None:
        self.headings: list[Heading] = []
        self.pair = (mapped[0], mapped[1]) if len(mapped) >= 2 else None
        """Two mapped columns: a row with both filled is a person's, known without a call of
        :meth:`see` (the import's loop asks, 100,000 times a sheet)."""

    @classmethod
    def of(cls, kind: str | None, mapping: dict[int, str]) -> Sections | None:
        if kind != "contact":
            return None
        return cls(sorted(c for c, f in mapping.items() if f != IGNORE))

    def see(self, number: int, values: Sequence[Any]) -> bool:
        """Whether row ``number`` is a heading (remembered); cheap for a person's row."""
        if len(values) - values.count(None) - values.count("") > 2:
            return False  # (most rows: a person's cells)
        texts = [(col, t) for col, value in enumerate(values) if (t := _text(value))]
        if not texts or len(texts) > 2:
            return False
        numbering = ""
        if len(texts) == 2:
            first, second = texts
            if _ORDINAL.fullmatch(first[1]):
                numbering, texts = first[1], [second]
            elif _ORDINAL.fullmatch(second[1]):
                numbering, texts = second[1], [first]
            else:
                return False
        _col, text = texts[0]
        if _ORDINAL.fullmatch(text):
            return False
        own = _LEADING.sub("", text, count=1).strip() or text
        roman = bool(_ROMAN.fullmatch(numbering)) or (own != text and bool(_ROMAN.match(text)))
        if looks_like_organisation(own):
            self.headings.append(Heading(number, own, own))
            return True
        if roman and len(own.split()) >= 2:
            self.headings.append(Heading(number, own, ""))
            return True
        return False

    def apply(self, rows: list[Any], sheet: str) -> list[Any]:
        """The rows (sorted by number) given their heading's organisation where they name none,
        and the headings themselves as rows left out, saying what each gave. Returns the rows
        with the headings in their place."""
        from app.importing.preview import RowResult, _share

        if not self.headings:
            return rows
        starts = [h.row for h in self.headings]
        given: dict[int, list[int]] = {h.row: [] for h in self.headings}
        for row in rows:
            at = bisect.bisect_right(starts, row.row) - 1
            if at < 0:
                continue
            heading = self.headings[at]
            if not heading.organisation or row.columns is None or row.refs.get("organisation"):
                continue
            row.refs = {**row.refs, "organisation": heading.organisation}
            row.supplied = _share(row.supplied | {"organisation"})
            given[heading.row].append(row.row)
        out = list(rows)
        for heading in self.headings:
            below = given[heading.row]
            if heading.organisation:
                reason = msg(
                    "section_organisation",
                    sheet=sheet,
                    row=heading.row,
                    organisation=heading.organisation,
                    rows=_spans(below) or "—",
                )
            else:
                reason = msg("section_heading", sheet=sheet, row=heading.row, text=heading.text)
            out.append(RowResult(heading.row, "skip", [reason]))
        out.sort(key=lambda r: r.row)
        return out


def _spans(numbers: list[int]) -> str:
    """ "5-6, 9" for [5, 6, 9]."""
    parts: list[str] = []
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif n == prev + 1:  # type: ignore[operator]
            prev = n
        else:
            parts.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = n
    if start is not None:
        parts.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ", ".join(parts)
