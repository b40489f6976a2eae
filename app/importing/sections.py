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
* one word after a numbering cell: a Roman numeral's ("II | GENETICA", "II | Genetica"), or any
  numbering's when it is written in capitals ("2 | VIETTEL"), is an organisation's name (a
  company written by its brand), unless it is a Vietnamese word ("III | KHÁC", the others: a
  heading that names no organisation); or
* after a numbering cell, a name that names an organisation: one the database has (by its name,
  acronym or alias, as the import matches them: :class:`app.importing.resolve.OrgIndex`), or
  one a row of the same sheet names in its organisation column ("1 | Genetica", "II | Do
  Ventures"). Known only once the sheet is read: such a row is read as a person's until then
  (:meth:`Sections.apply`); or
* any other text after a Roman numeral ("II. KHÁCH MỜI QUỐC TẾ"): a heading that names no
  organisation (a group of guests), which ends the section above it.

Reviewer h149: "II | GENETICA", merged across the table like "I | BỘ KHOA HỌC VÀ CÔNG NGHỆ"
above it, became a contact "Genetica" filed under the Ministry, and so did the Genetica engineer
below it. A heading's organisation is then matched as a row's is, whatever its case
("GENETICA" is the saved "Genetica"); one written with its legal form ("CÔNG TY GENETICA",
"TẬP ĐOÀN VIETTEL", "Genetica JSC") that names no saved organisation as written is the one its
name without the legal form names, when that is one (:func:`tie_heading_names`), and the
preview says so on the heading's row. A new organisation keeps its heading's name as written,
capitals included: Ketnoi gives capitals a readable case only in a person's name.

A person's row is never one: a name alone on its row is a person with nothing else known (no
organisation word begins a person's name; "Ban Ki-moon", one word after "Ban", stays a person;
"4 | Nguyễn Văn An" too, unless an organisation has that name). Whether the heading's cell is
merged across the table is not asked: the rule reads a CSV file or an .xls alike.
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.importing.fields import IGNORE
from app.importing.messages import msg
from app.importing.resolve import OrgIndex, fold
from app.name_order import looks_vietnamese
from app.vntext import clean

if TYPE_CHECKING:
    from app.importing.preview import Preview

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


def _capitals(word: str) -> bool:
    """ "GENETICA", "FPT", "KH&CN": two letters or more, every one a capital."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


class Sections:
    """The section headings of one contacts sheet, seen row by row as it is read."""

    def __init__(self, mapped: Sequence[int] = ()) -> None:
        self.headings: list[Heading] = []
        self.candidates: list[tuple[int, str]] = []
        """Numbered rows of one text that are a heading only if the text names an organisation
        (known once the sheet is read: :meth:`apply`); until then read as a person's."""
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
        numbered = bool(numbering) or own != text
        if numbered and len(own.split()) == 1 and not _ORDINAL.fullmatch(own):
            # "II | GENETICA", "II | Genetica", "2 | VIETTEL": a company by its brand; not
            # "III | KHÁC" (the others), a Vietnamese word
            if looks_vietnamese(own):
                if roman:
                    self.headings.append(Heading(number, own, ""))
                    return True
            elif roman or _capitals(own):
                self.headings.append(Heading(number, own, own))
                return True
        if roman and len(own.split()) >= 2:
            self.headings.append(Heading(number, own, ""))
            return True
        if numbered:
            self.candidates.append((number, own))
        return False

    def _settle(self, rows: list[Any], organisations: Callable[[], OrgIndex] | None) -> list[Any]:
        """The headings known only now that the sheet is read: a numbered row whose one text
        names an organisation the database has, or one a row of the sheet names in its
        organisation column, is a heading that gives it (its row, read as a person's, is left
        out); a heading read as naming none ("II | Do Ventures") gives the one it names."""
        if not self.candidates and all(h.organisation for h in self.headings):
            return rows
        index = organisations() if organisations is not None else OrgIndex()
        mine = {n for n, _text in self.candidates}
        named = {t for r in rows if r.row not in mine and (t := r.refs.get("organisation"))}
        for text in sorted(named):  # (the file's own names, tied as the matching ties them)
            index.resolve(text)
        confirmed = {n: t for n, t in self.candidates if index.lookup(t) is not None}
        self.headings = sorted(
            [
                *(
                    h if h.organisation or index.lookup(h.text) is None else Heading(h.row, h.text, h.text)
                    for h in self.headings
                ),
                *(Heading(n, t, t) for n, t in confirmed.items()),
            ],
            key=lambda h: h.row,
        )
        self.candidates = []
        return [r for r in rows if r.row not in confirmed] if confirmed else rows

    def apply(
        self, rows: list[Any], sheet: str, organisations: Callable[[], OrgIndex] | None = None
    ) -> list[Any]:
        """The rows (sorted by number) given their heading's organisation where they name none,
        and the headings themselves as rows left out, saying what each gave. Returns the rows
        with the headings in their place. ``organisations``: the database's, read when a
        heading needs them (:meth:`_settle`)."""
        from app.importing.preview import RowResult, _share

        rows = self._settle(rows, organisations)
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


_LEGAL_BEFORE = re.compile(
    r"^(?:tong cong ty|cong ty|tap doan)"
    r"(?:\s+(?:co phan|cp|tnhh|trach nhiem huu han)(?:\s+(?:mot thanh vien|mtv))?)?\s+"
)
_LEGAL_AFTER = re.compile(
    r"[\s,]+(?:jsc|joint stock company|co\.?,?\s*ltd\.?|company limited|ltd\.?|limited|corp\.?|"
    r"corporation|inc\.?|llc|plc|group)$"
)
"""A company's legal form, folded: "CÔNG TY", "CÔNG TY CP", "Công ty TNHH MTV", "TẬP ĐOÀN" before
its name, "JSC", "Co., Ltd", "Corporation", "Group" after it."""


def without_legal_form(text: str) -> str:
    """ "CÔNG TY GENETICA" → "genetica" (folded); "" when ``text`` has no legal form, or is one."""
    folded = fold(text)
    bare = _LEGAL_AFTER.sub("", _LEGAL_BEFORE.sub("", folded, count=1), count=1).strip(" ,")
    return bare if bare != folded else ""


def tie_heading_names(preview: Preview, orgs: OrgIndex) -> None:
    """Each heading's organisation, before any row is matched: one written with its legal form
    that names no organisation as written ("CÔNG TY GENETICA") names, within this import, the
    one its bare name does as the import matches names, acronyms and aliases ("Genetica";
    "TẬP ĐOÀN VIETTEL": the saved "Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)"). The
    heading's row says which saved organisation its rows go to when it is written otherwise
    ("GENETICA" → "Genetica" (#7)). Called at every matching run (the note is put anew)."""
    for row in preview.rows:
        if row.status != "skip" or row.columns is not None:
            continue
        given = next((r for r in row.reasons if r.code == "section_organisation"), None)
        if given is None:
            continue
        text = str(given.params.get("organisation") or "")
        found = orgs.lookup(text)
        if found is None and (bare := without_legal_form(text)):
            found = orgs.lookup(bare)
            if found is not None:
                orgs.also_named(found, text)
        reasons = [r for r in row.reasons if r.code != "section_saved_as"]
        if found is not None and found > 0 and (name := orgs.name_of(found)) != text:
            reasons.append(
                msg("section_saved_as", sheet=given.sheet, row=row.row, text=text, name=name, id=found)
            )
        row.reasons = reasons
