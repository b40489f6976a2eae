"""The rows of an official form that are not the list: its column numbers and its signatures.

A list an office sends on its official form (a "phụ lục", a "danh sách cán bộ đầu mối") numbers
its columns on the row under the header, and ends with a signing block::

    STT | Họ và tên      | Chức vụ   | Đơn vị | Điện thoại | Email
    (1) | (2)            | (3)       | (4)    | (5)        | (6)
    1   | Nguyễn Văn Bắc | Giám đốc  | Sở …   | 0912111001 | bac.nv@…
    …
        | Người lập biểu |           |        | GIÁM ĐỐC
        | (Ký, ghi rõ họ tên)        |        | (Ký, đóng dấu)
        | Nguyễn Thị Lập |           |        | Nguyễn Văn Bắc

Read as people, the numbering row became contact "(2)" of organisation "(4)", and the signing
block contacts "Người lập biểu" and "Nguyễn Thị Lập", with "GIÁM ĐỐC" kept in a phone's notes
(reviewer h109, partnerG_bacninh.xlsx). Now:

* a **numbering row** (three cells or more, each a number or a letter, "(1)", "2", "[3]", "A",
  following each other column by column) before the first row of data is left out, and said
  once of the sheet;
* the **signatures** are left out, and said once: from the first row after the data that holds
  only signing words (a title: "Người lập biểu", "Thủ trưởng đơn vị", "GIÁM ĐỐC", "KT. GIÁM
  ĐỐC", "Kế toán trưởng"; "(Ký, ghi rõ họ tên)"; "Hà Nội, ngày … tháng … năm …") to the end of
  the sheet, when every row from there on is blank, such a line, or the signers' names alone
  (no phone, email, digit, or organisation's name: a real person's row has more than a name).
  A row with more than that after a signing line is the list's again: then nothing is left out,
  and the rows are read as before. A name alone above any signing line stays a person;
* a **totals row** after the data ("Tổng cộng: 3000 liên hệ", "Tổng cộng | … | 2 người",
  "Cộng: 15", "Total") and a **title with its signer on one row** ("Người lập biểu | | Vũ Thanh
  Hương") belong to that foot too: each became a contact, the second at an organisation named
  after the signer (reviewer h117). A totals row is a total's word first (as written: "Tống" is
  a family name, so it is not folded), then a colon, a number or nothing, and nothing else on
  the row but numbers and counts ("2 người"); a title-and-signer row is a signing title first,
  then signers' names and titles only, the title not in the column of positions (a person's
  "Vũ Minh Châu | Kế toán trưởng" has the name first; with an email or a phone it is more than
  a name anyway). Both only at the foot: a row of the list after them puts them back in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from app.importing.sections import looks_like_organisation
from app.vntext import clean, fold

_NUMBER = re.compile(r"[(\[]?\s*(\d{1,2}|[A-Za-z])\s*[)\]]?\.?")
"""A column's number as forms write it: "(1)", "1", "[1]", "1.", "A", "(a)"."""


def _number_of(value: Any) -> int | None:
    if value.__class__ is bool:
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() and 0 <= value < 100 else None
    found = _NUMBER.fullmatch(clean(str(value)))
    if found is None:
        return None
    text = found.group(1)
    return int(text) if text.isdigit() else ord(text.lower()) - ord("a") + 1


def numbering(values: Sequence[Any]) -> str | None:
    """The row as written ("(1) (2) … (6)") when it numbers the columns, else None."""
    cells = [v for v in values if v is not None and v != ""]
    if len(cells) < 3:
        return None
    numbers = [n for n in map(_number_of, cells) if n is not None]
    if len(numbers) < len(cells) or any(b != a + 1 for a, b in pairwise(numbers)):
        return None
    written = [_text(v) for v in cells]
    return " ".join(written) if len(written) <= 3 else f"{written[0]} {written[1]} … {written[-1]}"


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


_TITLES = frozenset(
    fold(t)
    for t in (
        "người lập biểu", "người lập bảng", "người lập", "người lập danh sách", "người tổng hợp",
        "người duyệt", "người kiểm tra", "người ký", "người nhận", "người giao", "người báo cáo",
        "thủ trưởng đơn vị", "thủ trưởng cơ quan", "lãnh đạo đơn vị", "lãnh đạo cơ quan",
        "kế toán trưởng", "kế toán", "giám đốc", "phó giám đốc", "tổng giám đốc", "phó tổng giám đốc",
        "trưởng phòng", "phó trưởng phòng", "trưởng ban", "phó trưởng ban", "chủ tịch", "phó chủ tịch",
        "viện trưởng", "phó viện trưởng", "hiệu trưởng", "phó hiệu trưởng", "cục trưởng", "vụ trưởng",
        "chánh văn phòng", "thư ký", "xác nhận của đơn vị", "xác nhận của cơ quan", "nơi nhận",
        "prepared by", "approved by", "checked by", "signed by", "director", "head of unit",
    )
)  # fmt: skip
"""A signing block's titles, folded (a title line may add the organisation: "GIÁM ĐỐC SỞ …")."""
_DELEGATED = re.compile(r"^(?:kt|tm|tl|tuq|q|ktl)\s*\.\s*\S")
"""A title signed for someone ("KT. GIÁM ĐỐC", "TM. UBND TỈNH", "Q. VIỆN TRƯỞNG")."""
_SIGN_HERE = re.compile(r"^[(\[]?\s*(?:ky|signature|signed|sign)\b")
"""The instruction under a title: "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)", "(Signature)"."""
_PLACE_DATE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b|^(?:date|ngay)\s*:")
"""Where and when it was signed: "Hà Nội, ngày … tháng … năm …", "Ngày: …"."""
_ENCLOSED = re.compile(r"^[-–•+]\s*(?:nhu tren|luu\b)")
"""A "Nơi nhận" list's lines ("- Như trên;", "- Lưu: VT")."""


_TITLE_WORDS = (
    "người thủ lãnh kế giám phó tổng trưởng chủ viện hiệu cục vụ chánh thư xác nơi prepared approved "
    "checked signed director head"
).split()
_FIRST_WORDS = frozenset(_TITLE_WORDS) | frozenset(fold(w) for w in _TITLE_WORDS)


_TOTAL = re.compile(
    r"(?:tổng cộng|tổng số|tổng|cộng|total|grand total|sub-?total|sum)"
    r"(?:\s*$|\s*[:=(\d]|\s[^\d:=@]{1,30}[:=])"
)
"""A totals line's first cell, lower case and NFC, not folded ("Tống Văn An" is a person): the word,
then a colon, a number, or nothing ("Tổng cộng: 3000 liên hệ", "Cộng 15", "Tổng số cán bộ: 25")."""
_TOTAL_WORDS = frozenset(("tổng", "cộng", "total", "grand", "subtotal", "sub-total", "sum"))


def total_line(values: Sequence[Any]) -> str | None:
    """The row's first cell ("Tổng cộng: 3000 liên hệ") when the row is a total: that cell
    (see :data:`_TOTAL`), then numbers and counts only ("2 người": a digit, no "@"); else None."""
    cells = [v for v in values if v is not None and v != ""]
    if not cells or cells[0].__class__ is not str:
        return None
    first = clean(cells[0])
    if not _TOTAL.match(first.lower()):
        return None
    for value in cells[1:]:
        if value.__class__ is bool:
            return None
        if isinstance(value, str) and (
            len(value) > 40 or "@" in value or not any(ch.isdigit() for ch in value)
        ):
            return None
        if not isinstance(value, (str, int, float)):
            return None
    return first


def may_sign(text: str) -> bool:
    """A cheap first look (a sheet's every row gets it): whether :func:`signing_line` or
    :func:`total_line` may hold."""
    lower = text.lower()
    words = lower.split(None, 1)
    if not words:  # (a cell of spaces only: no first word, and "" is in every string)
        return False
    first = words[0]
    if first in _FIRST_WORDS or first[:1] in "([-–•+" or "." in first[:4]:
        return True
    if first.rstrip(":=0123456789") in _TOTAL_WORDS:
        return True
    return ("ng" in lower and ("ngày" in lower or "ngay" in lower)) or "date" in lower


def signing_line(text: str) -> bool:
    """Whether one cell's text is a signing block's: a title, an instruction, a place and date."""
    folded = fold(text).strip(" :;.,")
    if not folded:
        return False
    if folded in _TITLES or _DELEGATED.match(folded) or _SIGN_HERE.match(folded):
        return True
    if _PLACE_DATE.search(folded) or _ENCLOSED.match(folded):
        return True
    words = folded.split()
    # a title and the organisation it signs for ("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    return any(" ".join(words[:n]) in _TITLES for n in (4, 3, 2)) and len(words) <= 12


def _signer(text: str) -> bool:
    """A name alone, as written under a title: letters, at most six words, no organisation."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() or ch in "@:;/()" for ch in text):
        return False
    return not looks_like_organisation(text)


def _texts(values: Sequence[Any]) -> list[tuple[int, str]] | None:
    """The row's texts by column; None when it holds a number, a date, a checkbox (no signing
    block's)."""
    out = []
    for col, value in enumerate(values):
        if value is None or value == "":
            continue
        if value.__class__ is not str:
            return None
        text = clean(value)
        if text:
            out.append((col, text))
    return out


def _title_and_signer(texts: list[tuple[int, str]], positions: frozenset[int]) -> bool:
    """A title with its signer's name on one row ("Người lập biểu | | Vũ Thanh Hương"): a title
    first, outside the column of positions, then names and titles only, one name at least."""
    col, first = texts[0]
    if col in positions or not signing_line(first):
        return False
    names = [t for _c, t in texts[1:] if not signing_line(t)]
    return bool(names) and all(_signer(t) for t in names)


class FormRows:
    """Seen row by row as a sheet is read: its numbering row, and a signing block at its end
    (with the totals above it)."""

    def __init__(self, positions: frozenset[int] = frozenset()) -> None:
        self.numbering: tuple[int, str] | None = None  # (row, as written)
        self.data_seen = False
        self.block: list[int] = []  # the rows of the foot open now (from its first total or line)
        self.titled: set[int] = set()  # the columns its signing lines write in
        self.totals: dict[int, str] = {}  # the foot's totals rows, with their first cell
        self.positions = positions  # the columns mapped to a person's position

    def see(self, number: int, values: Sequence[Any]) -> bool:
        """Whether row ``number`` is to be left out now (the numbering row); a signing block is
        known only at the end of the sheet (:meth:`signatures`)."""
        if self.data_seen and not self.block and values:  # (most rows: a person's, at once)
            first = values[0]
            if first.__class__ is not str:
                if first is not None:
                    return False  # (a row's number in its STT column: no signing line)
            elif first and not may_sign(first):
                return False
        filled = len(values) - values.count(None) - values.count("")
        if not filled:
            return False
        if not self.data_seen and self.numbering is None:
            written = numbering(values)
            if written is not None:
                self.numbering = (number, written)
                return True
        if not self.block:  # (most rows: a person's, whose first cell is no signing line)
            first = next(v for v in values if v is not None and v != "")
            if first.__class__ is not str or not may_sign(first):
                self.data_seen = True
                return False
            if (filled > 4 or not signing_line(first)) and (not self.data_seen or total_line(values) is None):
                self.data_seen = True
                return False
        self._foot(number, values)
        return False

    def _foot(self, number: int, values: Sequence[Any]) -> None:
        """Row ``number`` of the foot (a total, a signing line, a signer), or the list's again."""
        if self.data_seen and (total := total_line(values)) is not None:
            self.block.append(number)  # "Tổng cộng: 3000 liên hệ": a total, not a person
            self.totals[number] = total
            return
        texts = _texts(values)
        if not texts:
            self._data()
            return
        if self.data_seen and all(signing_line(t) for _c, t in texts):
            self.block.append(number)
            self.titled.update(c for c, _t in texts)
        elif self.data_seen and _title_and_signer(texts, self.positions):
            self.block.append(number)  # "Người lập biểu | | Vũ Thanh Hương": title and signer
            self.titled.update(c for c, t in texts if signing_line(t))
        elif self.block and all(c in self.titled and _signer(t) and not signing_line(t) for c, t in texts):
            self.block.append(number)  # the signers' names, under their titles
        else:
            self._data()

    def _data(self) -> None:
        self.data_seen, self.block, self.titled, self.totals = True, [], set(), {}

    def signatures(self) -> list[int]:
        """The rows of the foot that ends the sheet, totals and signing block (none: [])."""
        return list(self.block)

    def foot(self) -> tuple[dict[int, str], list[int]]:
        """The foot's totals rows (with their first cell), and its signing rows."""
        return dict(self.totals), [r for r in self.block if r not in self.totals]
