"""Understanding a sheet: where its header row is, what it holds, which column is which field.

Each step is a function over plain data, so that a wizard can show the guess and let the user
change it: :func:`find_header_row` → :func:`detect_kind` → :func:`suggest_mapping`;
:func:`inspect_sheet` runs the three over the first rows of a sheet. A mapping the user
confirmed is remembered per header row (:func:`remember_mapping`), with who confirmed it and
when, and offered again for the next workbook with the same headers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from sqlmodel import Session, func, select
from sqlmodel import col as sql_col

from app.importing import fields as fs
from app.importing.errors import ImportFileError
from app.importing.messages import Message, msg
from app.importing.reader import Row, empty_sheets, iter_rows, sheet_names
from app.importing.units import UNIT_WORDS, looks_like_unit
from app.importing.workers import looks_big, warm_up
from app.vntext import clean, fold
from db import clock
from db.models import Contact, ContactMethod, Setting, Staff

HEADER_SCAN_ROWS = 30
LIST_FIELDS = frozenset(
    {"emails", "phones", "tags", "sectors", "aliases", "organisations", "attendees", "staff"}
)
GATHERED_FIELDS = LIST_FIELDS | {"notes"}
"""Fields several columns may be mapped to: lists, and the notes (each further column's cells
go in with its header: a column no field names can be kept there)."""
_DISTINCTIVE = {
    "organisation": ("acronym", "kind", "website", "sectors", "parent"),
    "contact": ("full_name", "emails", "phones", "position", "family_name", "given_name"),
    "meeting": ("starts_at", "location", "attendees", "agenda", "minutes"),
    "action": ("due_date", "status", "responsible", "priority", "completed_on"),
    "staff": ("active",),
}


@dataclass
class SheetLayout:
    """What the importer understood of one sheet; every part can be overridden by the caller."""

    sheet: str
    header_row: int
    headers: list[str]
    kind: str | None
    mapping: dict[int, str] = field(default_factory=dict)
    kind_scores: dict[str, float] = field(default_factory=dict)
    remembered: bool = False
    # the remembered mapping's: who confirmed it (the history's name for them, "" when a
    # mapping kept before this was recorded, or an import without a name) and when (aware, UTC)
    remembered_by: str = ""
    remembered_at: dt.datetime | None = None
    data_rows_sampled: int = 0
    kind_reason: Message | None = None
    """Why the sheet was read as staff (or, named as staff, as contacts): shown beside the
    kind (:func:`staff_evidence`); None once the kind is chosen otherwise."""

    def column_label(self, col: int) -> str:
        header = self.headers[col] if col < len(self.headers) else ""
        letter = get_column_letter(col + 1)
        return f"{header} ({letter})" if header else letter

    def columns_for(self, name: str) -> list[int]:
        return [c for c, f in sorted(self.mapping.items()) if f == name]


def cell_text(value: Any) -> str:
    return clean(value) if value is not None else ""


def _row_score(values: list[Any]) -> tuple[float, int]:
    texts = [cell_text(v) for v in values if isinstance(v, str)]
    texts = [t for t in texts if t]
    if len(texts) < 2:
        return 0.0, 0
    best = 0.0
    for kind in fs.KINDS:
        mapped = [fs.field_for_header(kind, t) for t in texts]
        score = sum(1 for m in mapped if m and m != fs.IGNORE) + 0.25 * sum(
            1 for m in mapped if m == fs.IGNORE
        )
        best = max(best, score)
    return best, len(texts)


def find_header_row(rows: list[Row]) -> tuple[int, list[str]]:
    """The row that names the columns: the one, among the first rows, whose cells best match
    known headers (at least two). Title rows, merged banners and blank rows above it are skipped.

    Returns ``(row_number, headers)``; ``(0, [])`` when no row looks like a header.
    """
    best: tuple[float, int, list[Any]] | None = None
    scanned = rows[:HEADER_SCAN_ROWS]
    for number, values in scanned:
        score, _count = _row_score(values)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, number, values)
    if best is None:
        return 0, []
    best = _two_row_header(scanned, best)
    values = best[2]
    headers = [cell_text(v) for v in values]
    while headers and not headers[-1]:
        headers.pop()
    return best[1], headers


def _two_row_header(rows: list[Row], best: tuple[float, int, list[Any]]) -> tuple[float, int, list[Any]]:
    """A header written on two rows, as official lists write it: "Thông tin liên hệ" merged
    over "Email" | "Điện thoại", or "Họ và tên" over "Họ" | "Tên", the other columns named on
    the upper row (or merged down both). The best row and the row below it (or above it) are
    read as one — each column named by its lower cell, else its upper one, and the data
    starting below both — when together they name more known fields than the best row alone.
    Both rows hold text only; a row below the best one counts only if each of its cells is a
    known header or the one above it (merged down): a first data row never does."""
    score, number, _values = best
    at = dict(rows)
    for top_number in (number, number - 1):
        top, bottom = at.get(top_number), at.get(top_number + 1)
        if top is None or bottom is None:
            continue
        if not all(v is None or isinstance(v, str) for v in [*top, *bottom]):
            continue
        width = max(len(top), len(bottom))
        top = [*top, *[None] * (width - len(top))]
        bottom = [*bottom, *[None] * (width - len(bottom))]
        lower = [cell_text(v) for v in bottom]
        if top_number == number and not all(
            not text or _known(text) or text == cell_text(above) or (above and _format_hint(text))
            for text, above in zip(lower, top, strict=True)
        ):
            continue  # the row below names something no header does: data
        # (a lower cell that only says how to write the value, "dd/mm/yyyy" under "Ngày gặp",
        # leaves the column its name above)
        combined = [
            b if text and not (t and _format_hint(text)) else t
            for t, b, text in zip(top, bottom, lower, strict=True)
        ]
        together, _count = _row_score(combined)
        if together > score:
            return together, top_number + 1, combined
    return best


_FORMAT_HINT = re.compile(
    r"\(?\s*(?:d{1,2}|m{1,2}|y{2,4}|ngay|thang|nam)(?:\s*[/.-]\s*(?:d{1,2}|m{1,2}|y{2,4}|ngay|thang|nam)){1,2}\s*\)?"
)


def _format_hint(text: str) -> bool:
    """Whether a header cell only says how a date is written ("dd/mm/yyyy", "(ngày/tháng/năm)")."""
    return _FORMAT_HINT.fullmatch(fold(text)) is not None


def _known(text: str) -> bool:
    """Whether a header of some kind of sheet reads ``text`` as a field (or as one to skip)."""
    return any(fs.field_for_header(kind, text) for kind in fs.KINDS)


def detect_kind(
    sheet: str,
    headers: list[str],
    sample: list[list[Any]] | None = None,
    *,
    staff_domains: frozenset[str] | None = None,
    contact_domains: frozenset[str] | None = None,
) -> tuple[str | None, dict[str, float]]:
    """Which record kind the sheet holds, from its name and its headers (English or Vietnamese),
    and, for telling our own staff from contacts, the values of its first rows (``sample``) and
    the email domains of the staff and the contacts already recorded (``staff_domains``,
    ``contact_domains``: :func:`staff_domains_of`, :func:`contact_domains_of`)."""
    name = fold(sheet)
    scores: dict[str, float] = {}
    for kind in fs.KINDS:
        found = {fs.field_for_header(kind, h) for h in headers if h}
        found.discard(None)
        found.discard(fs.IGNORE)
        score = float(len(found)) + sum(0.5 for f in _DISTINCTIVE[kind] if f in found)
        if any(hint in name for hint in fs.SHEET_NAME_HINTS[kind]):
            score += 1.5
        if fs.REQUIRED[kind] not in found and kind != "contact":
            score -= 1
        if kind == "contact" and not ({"full_name", "given_name", "family_name", "family_middle"} & found):
            score -= 1
        scores[kind] = score
    staff, _reason = staff_evidence(
        sheet, headers, sample, staff_domains=staff_domains, contact_domains=contact_domains
    )
    others = max(s for k, s in scores.items() if k != "staff")
    # Our staff only where the sheet says so; otherwise never (a list of names and emails
    # is the contacts it always was).
    scores["staff"] = max(scores["staff"], others + 0.5) if staff else min(scores["staff"], others - 1)
    kind = max(scores, key=lambda k: scores[k])
    return (kind if scores[kind] >= 2 else None), scores


_ORGANISATION_COLUMNS = frozenset({"organisation", "organisations"})
CONTACT_SHEET_NAMES = (
    "danh ba", "lien he", "contact", "doi tac", "partner", "dai bieu", "khach", "guest", "delegate",
    "delegation", "visitor",
)  # fmt: skip
"""Words in a sheet's name that make it a list of contacts, whatever its columns ("Danh bạ",
"Liên hệ", "Contacts", "Đối tác", "Partners", "Đại biểu", "Delegates", "Khách mời", "Guests"):
never read as our staff."""
FOCAL_SHEET_NAMES = ("dau moi", "focal point")
"""Words in a sheet's name that make it a list of contacts unless the name says staff too:
"Đầu mối" (focal points) are the partners' people to contact; "Cán bộ đầu mối" may be ours
(the values of its columns decide, as under any name that says staff)."""
DEPARTMENT_HEADERS = frozenset(
    {"phong ban", "phong", "bo phan", "khoa phong", "phong ban cong tac", "bo phan cong tac", "department",
     "dept", "division"}
)  # fmt: skip
"""Folded headers of a department column ("Phòng ban", "Phòng/Ban", "Bộ phận", "Department"):
no kind of record has such a field; a sheet with one and no organisation column lists the
people of one organisation, by department: ours."""
UNIT_SHARE = 0.75
"""The share of a would-be organisation column's values that must be departments of ours
(:func:`our_department`) for the sheet to be read as our staff; two different ones at least,
unless the sheet's name says staff."""
_NATIONAL_OFFICES = (
    "van phong chinh phu", "van phong quoc hoi", "van phong chu tich nuoc", "van phong trung uong",
    "van phong ubnd", "van phong uy ban", "van phong hdnd", "van phong hoi dong nhan dan",
    "van phong tinh uy", "van phong thanh uy", "office of the government", "office of the president",
)  # fmt: skip
"""Offices that are organisations of their own (the Government Office, a province's People's
Committee's): never a department of ours."""
_OWN_BOARDS = (
    "ban quan ly", "ban chi dao", "ban co yeu", "ban ton giao", "ban dan toc", "ban iv",
    "ban nghien cuu phat trien kinh te tu nhan", "phong thuong mai", "phong kham", "phong cong chung",
    "phong giao dich", "van phong cong chung", "van phong luat", "van phong thua phat lai",
)  # fmt: skip
"""Boards and offices that are organisations of their own ("Ban Quản lý Khu công nghệ cao Hòa
Lạc", "Ban Chỉ đạo …", "Ban Cơ yếu", "Ban Nghiên cứu Phát triển kinh tế tư nhân"), a chamber
of commerce ("Phòng Thương mại và Công nghiệp"), a clinic ("Phòng khám Đa khoa …"), a notary's
or a lawyer's office ("Văn phòng công chứng …", "Văn phòng Luật sư …"), a bank's branch
("Phòng giao dịch …"): never a department of ours."""
_ORGANISATION_AFTER_DASH = (
    "đại học", "học viện", "viện", "trường", "bộ", "tổng cục", "cục", "sở", "ủy ban", "uỷ ban", "ubnd",
    "tập đoàn", "tổng công ty", "công ty", "ngân hàng", "bệnh viện", "đại sứ quán", "trung tâm",
    "hiệp hội", "liên hiệp", "hội", "quỹ", "tỉnh", "thành phố", "quận", "huyện",
)  # fmt: skip
"""An organisation's first words (lower case, with their accents: "Số hóa" is work, "Sở" an
agency) after a department's name and a dash: "Phòng Hợp tác Quốc tế - Đại học Quốc gia Hà
Nội" is that university's department, not ours."""
_OFFICE_OF = (
    "bo", "tong cuc", "cuc", "so", "uy ban", "ubnd", "hdnd", "vien", "dai hoc", "hoc vien", "truong",
    "tap doan", "tong cong ty", "cong ty", "ngan hang", "benh vien", "dai su quan", "tong lanh su",
    "lanh su", "dai dien", "tinh", "thanh pho", "ministry", "embassy",
)  # fmt: skip
"""What follows "Văn phòng" in an organisation's office ("Văn phòng Bộ Khoa học và Công nghệ",
"Văn phòng Tổng cục …", "Văn phòng đại diện …"): the office of a ministry, an agency, a
company, an embassy, not ours."""
_PLACES = re.compile(
    r"\b(?:tỉnh|thành phố|quận|huyện|trung ương|chính phủ|quốc hội|việt nam)\b", re.IGNORECASE
)
"""A province, a city, a district, the centre, the Government or the country named in a unit's
name ("Phòng Kinh tế quận Ba Đình", "Ban Tuyên giáo Trung ương", "Ban Cơ yếu Chính phủ",
"Phòng Thương mại và Công nghiệp Việt Nam"): a unit of that authority, or the country's own
body, not ours."""
_PROVINCES = re.compile(
    r"\b(?:Hà Nội|Hồ Chí Minh|TP\.? ?HCM|Đà Nẵng|Hải Phòng|Cần Thơ|Huế|An Giang|Bà Rịa|Vũng Tàu|"
    r"Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|Bình Phước|Bình Thuận|Cà Mau|"
    r"Cao Bằng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Tĩnh|"
    r"Hải Dương|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|"
    r"Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|"
    r"Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|"
    r"Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái|"
    r"ASEAN|APEC|UNDP|UNESCO|UNICEF|WHO|WTO|FAO|JICA|KOICA|USAID|GIZ|OECD|ADB|EU|UN)\b"
)
"""A province or a city ("Văn phòng công chứng Hà Nội", "… - Đại học Quốc gia Hà Nội"), or an
international organisation ("Ban Thư ký ASEAN"), named as written (capitals): not ours."""
_DISTRICT_OFFICES = tuple(
    n.split()
    for n in (
        "phong giao duc va dao tao", "phong giao duc", "phong tai nguyen va moi truong", "phong noi vu",
        "phong lao dong thuong binh va xa hoi", "phong tu phap", "phong van hoa va thong tin",
        "phong van hoa thong tin", "phong y te", "phong tai chinh ke hoach", "phong kinh te ha tang",
        "phong kinh te va ha tang", "phong quan ly do thi", "phong nong nghiep va phat trien nong thon",
        "phong dan toc", "phong van hoa khoa hoc va thong tin",
    )
)  # fmt: skip
"""The offices every district has (folded), which, followed by a name ("Phòng Giáo dục và Đào
tạo Cầu Giấy"), are that district's: not ours."""
_OUR_PREFIXES = ("phòng ", "ban ", "văn phòng ", "bộ phận ", "department ", "office ")
_NEUTRAL_PREFIX = "trung tâm "  # a centre is a department as often as an organisation of its own
_DASH = re.compile(r"\s[-–—]\s*")


def our_department(value: str) -> bool | None:
    """Whether a value of an organisation column is a department of ours: a unit's name
    (:func:`app.importing.units.looks_like_unit`) beginning with Phòng, Ban, Văn phòng, Bộ
    phận (or Department, Office), that names no organisation: no comma, no brackets, and
    after a dash only another of the department's work ("Phòng Kế hoạch - Tài chính", not
    "Phòng HTQT - Viettel", "Phòng Hợp tác Quốc tế - Đại học Quốc gia Hà Nội"); no board or
    office of its own ("Ban Quản lý …", "Ban Chỉ đạo …", "Ban Cơ yếu …", "Phòng Thương mại …",
    "Phòng khám …", "Văn phòng Luật sư …"), no ministry's or agency's office ("Văn phòng Bộ …",
    "Văn phòng Tổng cục …"), no unit of a province, a city, a district ("Phòng Giáo dục và Đào
    tạo Cầu Giấy"), the Government or the country ("… Chính phủ", "… Việt Nam"), nor of an
    international organisation ("Ban Thư ký ASEAN"); "Văn phòng" alone is the office. None for
    a centre's name
    ("Trung tâm …"), a department as often as an organisation of its own: it counts
    neither way."""
    text = " ".join(unicodedata.normalize("NFC", value).split())
    lower = text.lower()
    if lower == "văn phòng":
        return True
    if lower.startswith(_NEUTRAL_PREFIX):
        return None
    folded = fold(text)
    if (
        folded.startswith(_NATIONAL_OFFICES)
        or _starts_with_word(folded, _OWN_BOARDS)
        or _PLACES.search(text)
        or _PROVINCES.search(text)
        or (text.isupper() and _PROVINCES.search(text.title()))
        or _district_office(text)
    ):
        return False
    if folded.startswith("van phong ") and _starts_with_word(folded[len("van phong ") :], _OFFICE_OF):
        return False
    if not lower.startswith(_OUR_PREFIXES) or any(c in text for c in ",;()[]"):
        return False
    head, *rest = _DASH.split(text)
    if any(not _unit_work(part) for part in rest):
        return False
    return looks_like_unit(head if rest and not looks_like_unit(text) else text)


def _starts_with_word(text: str, words: tuple[str, ...]) -> bool:
    return any(text == w or text.startswith(w + " ") for w in words)


def _district_office(text: str) -> bool:
    """Whether ``text`` is a district's office by its name: one every district has, followed by
    a capitalised name ("Phòng Giáo dục và Đào tạo Cầu Giấy", "Phòng Tài chính - Kế hoạch Ba Vì")."""
    words = [w for w in text.split() if w not in ("-", "–", "—")]
    folded = [fold(w) for w in words]
    return any(
        folded[: len(name)] == name and len(words) > len(name) and words[len(name)][:1].isupper()
        for name in _DISTRICT_OFFICES
    )


def _unit_work(part: str) -> bool:
    """Whether the words after a dash are a department's work ("Tài chính", "Tổng hợp")."""
    if _starts_with_word(part.lower(), _ORGANISATION_AFTER_DASH):
        return False  # "Đại học Quốc gia Hà Nội", "Sở KH&CN": an organisation
    words = fold(part).split()
    if not words or words[0] == "bo" or " ".join(words[:2]) in ("cong ty", "tong cuc", "tong cong"):
        return False  # Bộ …, Công ty …, Tổng cục …, Tổng công ty …: an organisation
    return " ".join(words[:2]) in UNIT_WORDS or words[0] in UNIT_WORDS


def staff_evidence(
    sheet: str,
    headers: list[str],
    sample: list[list[Any]] | None = None,
    *,
    staff_domains: frozenset[str] | None = None,
    contact_domains: frozenset[str] | None = None,
) -> tuple[bool, Message | None]:
    """Whether a sheet lists our own staff, and why (or why not, for a sheet whose name says
    staff): the reason the wizard and ``ketnoi import`` show beside the kind they chose.

    Never for a sheet without a name column, nor one whose name says contacts
    (:data:`CONTACT_SHEET_NAMES`; "Đầu mối", :data:`FOCAL_SHEET_NAMES`, unless the name says
    staff too). Otherwise staff, when

    * no column names an organisation (people of organisations are contacts, whatever the
      sheet is called: "Cán bộ đầu mối" of the partners), and the sheet's name says staff
      ("Cán bộ", "Nhân sự", "Staff"), or it has an "Active" / "Đang làm việc" column, which
      no other kind of record has, or a department column ("Phòng ban", "Bộ phận") and e-mails
      on the domains of the staff already recorded (``staff_domains``): a department column
      alone says the people of one organisation, not whose — a partner's staff list has one
      too ("Phòng Kinh doanh", x@viettel.com.vn), and is contacts, with the reason; or
    * the would-be organisation column ("Đơn vị", as an office writes its staff's
      department) holds our departments: at least three in four of its values in ``sample``
      (the rows below the header) are :func:`our_department`, two different ones at least
      (one is enough under a sheet named as staff; a centre's name counts neither way, but
      where centres make up more than a quarter, three in four of the emails must be on our
      staff's domains) — unless half the emails of those rows or
      more are on the domains of contacts already recorded and not of our staff
      (``contact_domains``): a partner's list writes its own departments bare too ("Phòng
      Kinh doanh", x@viettel.com.vn, where the contacts from Viettel are).
    """
    name = fold(sheet)
    found = {fs.field_for_header("staff", h) for h in headers if h}
    if "name" not in found:
        return False, None
    staff_named = any(hint in name for hint in fs.SHEET_NAME_HINTS["staff"])
    org_cols = [
        c
        for c, h in enumerate(headers)
        if h
        and any(fs.field_for_header(k, h) in _ORGANISATION_COLUMNS for k in ("contact", "meeting", "action"))
    ]
    reason: Message | None = None
    if not org_cols:
        active = [c for c, h in enumerate(headers) if h and fs.field_for_header("staff", h) == "active"]
        departments = [c for c, h in enumerate(headers) if h and _department_header(h)]
        if staff_named:
            reason = msg("kind_staff_by_name", sheet_name=sheet)
        elif active:
            reason = msg("kind_staff_by_active", header=_label(headers, active[0]))
        elif departments:
            reason = _domains_reason(
                _label(headers, departments[0]), _email_columns(headers), sample or [], staff_domains
            )
    else:
        reason = _units_reason(headers, org_cols, sample or [], staff_named, staff_domains)
        if reason is not None and reason.code == "kind_staff_by_units" and contact_domains:
            reason = _theirs_reason(
                reason, _email_columns(headers), sample or [], staff_domains, contact_domains
            )
    is_staff = reason is not None and reason.code.startswith("kind_staff")
    contact_named = any(w in name for w in CONTACT_SHEET_NAMES) or (
        not staff_named and any(w in name for w in FOCAL_SHEET_NAMES)
    )
    if reason is not None and contact_named:
        return False, msg("kind_contacts_by_name", sheet_name=sheet)
    return is_staff, reason


EXAMPLE_CHARS = 60
"""How much of a cell a reason quotes as an example at most: its beginning and its end, with
"…" between (:func:`clip_example`)."""
WEBMAIL_DOMAINS = frozenset(
    {"gmail.com", "googlemail.com", "yahoo.com", "yahoo.com.vn", "hotmail.com", "outlook.com", "live.com",
     "msn.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "mail.com", "zoho.com",
     "yandex.com", "qq.com", "163.com"}
)  # fmt: skip
"""Domains anyone's e-mail may be on: they say nothing of whose staff a person is."""
_EMAIL_DOMAIN = re.compile(r"[\w.+'-]+@((?:[\w-]+\.)+[\w-]{2,})")


def email_domains(values: Iterable[Any]) -> list[str]:
    """The domain of each e-mail address in ``values`` (a cell may hold several), lower case,
    webmail left out (:data:`WEBMAIL_DOMAINS`); non-text cells are skipped."""
    out: list[str] = []
    for value in values:
        if isinstance(value, str):
            out += [d.lower() for d in _EMAIL_DOMAIN.findall(value) if d.lower() not in WEBMAIL_DOMAINS]
    return out


def staff_domains_of(session: Session) -> frozenset[str]:
    """The e-mail domains of the staff recorded (left ones too: still our domain)."""
    emails = session.exec(select(Staff.email).where(sql_col(Staff.deleted_at).is_(None))).all()
    return frozenset(email_domains(emails))


def _on_domains(domain: str, ours: frozenset[str]) -> bool:
    return any(domain == d or domain.endswith("." + d) or d.endswith("." + domain) for d in ours)


CONTACT_DOMAIN_PROBES = 5
"""How many of a sheet's email domains (the most frequent) :func:`inspect_sheet` looks for
among the contacts' emails."""


def contact_domains_of(session: Session, domains: Iterable[str]) -> frozenset[str]:
    """Which of ``domains`` the emails of contacts recorded (not deleted) are on."""
    out: set[str] = set()
    for domain in sorted(set(domains)):
        pattern = "%@" + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = (
            select(ContactMethod.id)
            .join(Contact, sql_col(Contact.id) == sql_col(ContactMethod.contact_id))
            .where(
                sql_col(ContactMethod.kind) == "email",
                func.lower(ContactMethod.value).like(pattern, escape="\\"),
                sql_col(Contact.deleted_at).is_(None),
            )
            .limit(1)
        )
        if session.exec(query).first() is not None:
            out.add(domain)
    return frozenset(out)


def _email_columns(headers: list[str]) -> list[int]:
    return [c for c, h in enumerate(headers) if h and fs.field_for_header("staff", h) == "email"]


def _sample_domains(headers: list[str], sample: list[list[Any]]) -> list[str]:
    cols = _email_columns(headers)
    return email_domains(r[c] for r in sample for c in cols if c < len(r))


def _theirs_reason(
    reason: Message,
    email_cols: list[int],
    sample: list[list[Any]],
    ours: frozenset[str] | None,
    contact_domains: frozenset[str],
) -> Message:
    """``reason`` (our departments, by their names) unless half the emails of the same rows
    or more are on domains of recorded contacts, not of our staff: then the reason it is not."""
    found = email_domains(r[c] for r in sample for c in email_cols if c < len(r))
    theirs = [d for d in found if d in contact_domains and not (ours and _on_domains(d, ours))]
    if not theirs or 2 * len(theirs) < len(found):
        return reason
    return msg("kind_contacts_by_contact_domains", header=reason.params["header"], domains=_examples(theirs))


def _domains_reason(
    header: str, email_cols: list[int], sample: list[list[Any]], ours: frozenset[str] | None
) -> Message:
    """Whose departments a department column names, by the e-mails of the same rows: our
    staff when at least three in four of the addresses (webmail aside) are on the domains of
    the staff already recorded; contacts otherwise, saying which domains they are on."""
    found = email_domains(r[c] for r in sample for c in email_cols if c < len(r))
    if found and ours:
        on = [d for d in found if _on_domains(d, ours)]
        if on and len(on) >= UNIT_SHARE * len(found):
            return msg("kind_staff_by_domains", header=header, domains=_examples(on))
        return msg(
            "kind_contacts_by_domains",
            header=header,
            domains=_examples(d for d in found if not _on_domains(d, ours)),
            ours=_examples(sorted(ours)),
        )
    return msg("kind_contacts_by_department", header=header)


def _examples(values: Iterable[str], count: int = 3) -> list[str]:
    """The first ``count`` different values, each clipped (:func:`clip_example`)."""
    return list(dict.fromkeys(clip_example(v) for v in values))[:count]


def clip_example(value: str) -> str:
    """``value`` in at most :data:`EXAMPLE_CHARS` characters: its beginning and its end, at
    word boundaries where there are some, with "…" between. The end is where a unit's name says
    whose it is, kept whole after a dash when short enough ("Phòng Quản lý Khoa học và … -
    Đại học Quốc gia Hà Nội"), and where two long names alike at the start differ."""
    if len(value) <= EXAMPLE_CHARS:
        return value
    parts = _DASH.split(value)
    last = parts[-1].strip() if len(parts) > 1 else ""
    if 0 < len(last) <= EXAMPLE_CHARS // 2 + 5:
        tail = "- " + last
    else:
        tail = _clip_end(value, EXAMPLE_CHARS * 2 // 5)
    return f"{_clip_start(value, EXAMPLE_CHARS - len(tail) - 3)} … {tail}"


def _clip_start(value: str, n: int) -> str:
    head = value[:n]
    if not value[n].isspace() and (cut := head.rfind(" ")) >= n // 2:
        head = head[:cut]
    return head.rstrip()


def _clip_end(value: str, n: int) -> str:
    tail = value[-n:]
    if not value[-n - 1].isspace() and 0 <= (cut := tail.find(" ")) <= n // 2:
        tail = tail[cut + 1 :]
    return tail.lstrip()


def _department_header(header: str) -> bool:
    return any(c in DEPARTMENT_HEADERS for c in fs.header_candidates(header))


def _label(headers: list[str], col: int) -> str:
    return f"{headers[col]} ({get_column_letter(col + 1)})"


def _units_reason(
    headers: list[str],
    org_cols: list[int],
    sample: list[list[Any]],
    staff_named: bool,
    staff_domains: frozenset[str] | None = None,
) -> Message | None:
    """Our staff when every organisation column holds our departments (see
    :func:`staff_evidence`); for a sheet named as staff whose column names organisations,
    the reason it is read as contacts; else None.

    A centre's name ("Trung tâm …") counts neither way (ours as often as an organisation of
    its own), but the departments must still be three in four of all the values: where the
    centres make up more than a quarter, the rows' emails decide — our staff when three in
    four of them (webmail aside) are on our staff's domains, and the reason says so. A list of
    delegates from eight centres, one "Phòng Hợp tác Quốc tế" and one "Văn phòng" was read as
    ours by its 2 of 10."""
    found: Message | None = None
    for col in org_cols:
        cells = [r[col] for r in sample if col < len(r) and r[col] is not None]
        values = [cell_text(v) for v in cells]
        counted = [(v, d) for v in values if v and (d := our_department(v)) is not None]
        ours = [v for v, d in counted if d]
        texts = {cell_text(v) for v in cells if isinstance(v, str)}  # (a number or a boolean is no example)
        # several departments (a delegation of one office, "Văn phòng Bộ" on every row, is
        # contacts), or one under a sheet named as staff
        several = len(set(ours)) >= 2 or (staff_named and bool(ours))
        if not several or len(ours) < UNIT_SHARE * len(counted):
            if not staff_named:
                return None
            others = _examples(v for v, d in counted if not d and v in texts)
            if not others:  # no value to tell: the column's header decides, as it always did
                return msg("kind_contacts_by_column", header=_label(headers, col))
            return msg("kind_contacts_by_organisation", header=_label(headers, col), examples=others)
        filled = len([v for v in values if v])
        if not staff_named and len(ours) < UNIT_SHARE * filled:  # the centres tipped it
            found_domains = email_domains(r[c] for r in sample for c in _email_columns(headers) if c < len(r))
            on = [d for d in found_domains if staff_domains and _on_domains(d, staff_domains)]
            if not on or len(on) < UNIT_SHARE * len(found_domains):
                return None
            found = found or msg("kind_staff_by_domains", header=_label(headers, col), domains=_examples(on))
            continue
        found = found or msg(
            "kind_staff_by_units",
            header=_label(headers, col),
            units=len(ours),
            values=len([v for v in values if v]),
            examples=_examples(ours),
        )
    return found


def kind_reason(layout: SheetLayout) -> Message | None:
    """Why the sheet holds the kind it is set to, when :func:`staff_evidence` said so: a
    reason for staff while it is read as staff, for contacts while read as contacts (the user
    may have chosen the other kind since)."""
    reason = layout.kind_reason
    if reason is None:
        return None
    side = "staff" if reason.code.startswith("kind_staff") else "contact"
    return reason if layout.kind == side else None


def columns_not_kept(layout: SheetLayout) -> Message | None:
    """A staff sheet's named columns that go nowhere ("Đơn vị", "Phòng ban", "Chức vụ",
    "Điện thoại"): a staff member holds a name, an email and whether they still work here, and
    nothing else (no notes to keep the rest in), so the wizard and ``ketnoi import`` say which
    columns are not imported rather than drop them silently. None for other kinds (their
    unmapped columns are offered in the mapping, and the notes can keep them)."""
    if layout.kind != "staff":
        return None
    left = [
        layout.column_label(c)
        for c, h in enumerate(layout.headers)
        if h
        and layout.mapping.get(c, fs.IGNORE) == fs.IGNORE
        and not any(x in fs.IGNORED_HEADERS for x in fs.header_candidates(h)[:1])
    ]
    return msg("staff_columns_not_kept", sheet=layout.sheet, columns=left) if left else None


def columns_not_recognised(layout: SheetLayout) -> list[int]:
    """The columns with a header that names no field of the sheet's kind and that no mapping
    chose (a remembered one, ``--map``): left out of the import. ``ketnoi import`` says them
    (reviewer: a meetings sheet's "Người dự" and a contacts sheet's "Zalo" went nowhere without
    a word); the window's mapping shows them as "not imported". A column the mapping leaves out
    on purpose (STT, or chosen so) is not one of them; a staff sheet's are
    :func:`columns_not_kept`'s."""
    if layout.kind in (None, "staff") or not layout.header_row:
        return []
    return [c for c, h in enumerate(layout.headers) if h and cell_text(h) and c not in layout.mapping]


_LETTERS = re.compile(r"[A-Za-z]{1,3}")
NOT_IMPORTED_WORDS = frozenset({"-", "none", "ignore", "not imported", "khong nhap", "bo qua", "skip"})
"""What ``--map "COLUMN=…"`` accepts for "leave this column out" (folded)."""


class MapError(ValueError):
    """A ``--map`` pair that names no column of the sheet, or no field of its kind: ``what`` is
    ``"column"`` or ``"field"``, ``value`` the words given, ``choices`` what would do."""

    def __init__(self, what: str, value: str, choices: list[str]) -> None:
        super().__init__(f"{what} {value!r}")
        self.what, self.value, self.choices = what, value, choices


def _map_column(layout: SheetLayout, column: str) -> int | None:
    wanted = fold(column)
    for c, header in enumerate(layout.headers):
        if header and fold(header) == wanted:
            return c
    if _LETTERS.fullmatch(column.strip()):
        from openpyxl.utils import column_index_from_string

        return int(column_index_from_string(column.strip().upper())) - 1
    return None


def _map_field(kind: str, field_words: str) -> str:
    words = fold(field_words)
    if words in NOT_IMPORTED_WORDS:
        return fs.IGNORE
    names = fs.field_names(kind)
    if field_words.strip() in names:
        return field_words.strip()
    found = fs.field_for_header(kind, field_words)
    if found is None or found == fs.IGNORE:
        raise MapError("field", field_words, [fs.spec(kind, n).header for n in names])
    return found


def map_columns(layout: SheetLayout, pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Apply ``--map`` pairs (a column's header or letter, a field named by its name, its
    header or any synonym Ketnoi recognises, or "-" for not imported) to ``layout``; returns the
    columns of the pairs this sheet does not have (a workbook's other sheets may). A column
    whose field another column already holds (one that takes a single column) hands it over:
    the other column is then left out, said by :func:`columns_not_recognised`'s line. Raises
    :class:`MapError` for a field the sheet's kind does not have."""
    if layout.kind is None:
        return [column for column, _field in pairs]
    missing: list[str] = []
    for column, field_words in pairs:
        col = _map_column(layout, column)
        if col is None or col >= len(layout.headers):
            missing.append(column)
            continue
        name = _map_field(layout.kind, field_words)
        if name != fs.IGNORE and name not in GATHERED_FIELDS:
            for other in [c for c, f in layout.mapping.items() if f == name and c != col]:
                del layout.mapping[other]
        layout.mapping[col] = name
    return missing


def suggest_mapping(kind: str, headers: list[str]) -> dict[int, str]:
    """Column index → field for the headers that name one; unrecognised columns are left out.

    A field takes one column naming it, except list fields (several phone columns…): the first
    whose header does not mark it as former ("Chức vụ (cũ)" beside "Chức vụ": the current one,
    "Phó Vụ trưởng", is the position). Every other column naming that field is kept in the notes
    under its header, never dropped (a reviewer saw the current position lost); a staff sheet
    has no notes, and such a column is then said not to be imported (:func:`columns_not_kept`).
    """
    named = {col: fs.field_for_header(kind, header) if header else None for col, header in enumerate(headers)}
    mapping: dict[int, str] = {col: name for col, name in named.items() if name}
    taken: dict[str, list[int]] = {}
    for col, name in mapping.items():
        if name != fs.IGNORE and name not in GATHERED_FIELDS:
            taken.setdefault(name, []).append(col)
    keeps_notes = "notes" in fs.field_names(kind)
    for cols in taken.values():
        if len(cols) < 2:
            continue
        keep = next((c for c in cols if not fs.former(headers[c])), cols[0])
        for col in cols:
            if col == keep:
                continue
            if keeps_notes:
                mapping[col] = "notes"
            else:
                del mapping[col]
    used = set(mapping.values())
    name_parts = {"full_name", "family_name", "family_middle", "middle_given"}
    if kind == "contact" and "given_name" in used and not (name_parts & used):
        # A lone "Tên" column holds the whole name in most Vietnamese lists; beside "Họ và tên
        # đệm" it is the given name.
        mapping = {c: ("full_name" if f == "given_name" else f) for c, f in mapping.items()}
    return mapping


def header_key(headers: list[str]) -> str:
    """Identity of a header row: a hash of its folded cells (order matters)."""
    folded = [fold(h) for h in headers]
    while folded and not folded[-1]:
        folded.pop()
    return hashlib.sha256("\x1f".join(folded).encode()).hexdigest()[:24]


def _setting_key(headers: list[str]) -> str:
    return f"import.mapping.{header_key(headers)}"


def remembered_mapping(session: Session, headers: list[str]) -> tuple[str, dict[int, str]] | None:
    """The kind and mapping confirmed last time for this header row, if any."""
    row = session.get(Setting, _setting_key(headers))
    if row is None or not isinstance(row.value, dict):
        return None
    kind = row.value.get("kind")
    raw = row.value.get("mapping") or {}
    if kind not in fs.KINDS or not isinstance(raw, dict):
        return None
    valid = set(fs.field_names(kind)) | {fs.IGNORE}
    raw = {c: fs.RENAMED.get(f, f) for c, f in raw.items()}
    mapping = {int(c): f for c, f in raw.items() if str(c).isdigit() and f in valid}
    return kind, mapping


def remembered_origin(session: Session, headers: list[str]) -> tuple[str, dt.datetime | None]:
    """Who confirmed the mapping remembered for this header row (the name the history gives
    them; "" when not recorded: a mapping kept before this was) and when (aware, UTC)."""
    row = session.get(Setting, _setting_key(headers))
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    at: dt.datetime | None = None
    try:
        at = dt.datetime.fromisoformat(str(value["at"])) if value.get("at") else None
    except ValueError:
        at = None
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return str(value.get("by") or ""), at


def remember_mapping(
    session: Session, headers: list[str], kind: str, mapping: dict[int, str], *, by: str = ""
) -> None:
    """Store a confirmed mapping for the next workbook with the same headers, with who confirmed
    it (``by``: the actor the history names) and when: on a team database a colleague's import
    is offered it too, and the wizard says whose it is (reviewer: Hoa's window said "the mapping
    you confirmed last time" of Lan's)."""
    key = _setting_key(headers)
    value = {
        "kind": kind,
        "mapping": {str(c): f for c, f in sorted(mapping.items())},
        "headers": headers,
        "by": by,
        "at": clock.utcnow().isoformat(),
    }
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
    session.flush()


def inspect_sheet(path: Path, sheet: str | None = None, *, session: Session | None = None) -> SheetLayout:
    """Header row, kind and suggested mapping of one sheet, from its first rows only."""
    names = sheet_names(path)
    if sheet is None:
        sheet = names[0] if names else path.stem
    if looks_big(path, sheet):
        warm_up()  # (the worker processes' server imports on another core while this one parses)
    # keep=True: the preview that follows reads the rows from this parse (one parse a sheet).
    head = list(itertools.islice(iter_rows(path, sheet, keep=True), HEADER_SCAN_ROWS + 20))
    if not any(any(v is not None for v in values) for _, values in head):
        raise ImportFileError(msg("sheet_empty", file=path.name, sheet_name=sheet))
    header_row, headers = find_header_row(head)
    if not headers:  # (a .vcf file's header is row 0: its cards are rows 1, 2, …)
        raise ImportFileError(msg("sheet_no_header", file=path.name, sheet_name=sheet, rows=HEADER_SCAN_ROWS))
    # A column with data under no header is still offered (as its letter, "not imported"):
    # trimming the headers at the last named column hid it from the mapping altogether.
    width = max((_last_filled(v) for n, v in head if n > header_row), default=0)
    headers = headers + [""] * (width - len(headers))
    sample = [v for n, v in head if n > header_row]
    domains = staff_domains_of(session) if session is not None else None
    _staff, reason = staff_evidence(sheet, headers, sample, staff_domains=domains)
    theirs: frozenset[str] | None = None
    if session is not None and reason is not None and reason.code == "kind_staff_by_units":
        # (only then, and not our staff's domains: a probe scans the contacts' emails, ~20 ms
        # a domain at 200,000 of them)
        found = [d for d in _sample_domains(headers, sample) if not (domains and _on_domains(d, domains))]
        common = Counter(found).most_common(CONTACT_DOMAIN_PROBES)
        theirs = contact_domains_of(session, [d for d, _n in common])
        _staff, reason = staff_evidence(sheet, headers, sample, staff_domains=domains, contact_domains=theirs)
    kind, scores = detect_kind(sheet, headers, sample, staff_domains=domains, contact_domains=theirs)
    layout = SheetLayout(sheet, header_row, headers, kind, kind_scores=scores)
    if reason is not None and kind == ("staff" if reason.code.startswith("kind_staff") else "contact"):
        layout.kind_reason = reason
    layout.data_rows_sampled = sum(1 for n, v in head if n > header_row and any(x is not None for x in v))
    remembered = remembered_mapping(session, headers) if session is not None else None
    if remembered is not None and not _values_decide(kind, remembered[0]):
        layout.kind, layout.mapping = remembered
        layout.remembered = True  # (the reason, if any, still shown: kind_reason)
        if session is not None:  # (it is: the mapping was remembered in it)
            layout.remembered_by, layout.remembered_at = remembered_origin(session, headers)
    elif kind is not None:
        layout.mapping = suggest_mapping(kind, headers)
    return layout


_BY_VALUES = frozenset({"staff", "contact"})


def _values_decide(kind: str | None, remembered_kind: str) -> bool:
    """Whether the kind the sheet's values say (``kind``) overrides the one remembered for its
    header row: staff or contacts, told apart by the values (our departments, our staff's
    domains…), never by the headers alone — one header row ("Họ và tên | Đơn vị | Email") serves
    our staff list and a list of delegates alike, and the kind confirmed for one was taken for
    the other. The remembered mapping is of the other kind's fields, so it goes too; for the
    same kind it is used. (No record says the user chose the kind against the values: the
    remembered kind is the one the sheet was imported as, whoever decided it.)"""
    return kind in _BY_VALUES and remembered_kind in _BY_VALUES and kind != remembered_kind


def _last_filled(values: list[Any]) -> int:
    """How many cells a row spans to its last one that holds something."""
    for i in range(len(values) - 1, -1, -1):
        if values[i] is not None and not (isinstance(values[i], str) and not values[i].strip()):
            return i + 1
    return 0


EMPTY_SAID_ONE_BY_ONE = 5
"""Up to this many empty sheets are each said in their place; more, once for all of them."""


def without_empty_sheets(path: Path, names: list[str]) -> tuple[list[str], dict[str, ImportFileError]]:
    """``names`` without the sheets that hold no cell (:func:`app.importing.reader.empty_sheets`,
    found without reading them), and what is said of those: each its "the sheet is empty"
    (keyed by its name) when there are a few, else one sentence for all of them ("3000 sheets
    are empty", keyed by the first), so that a workbook of thousands of empty sheets is neither
    read sheet by sheet nor listed line by line."""
    empty = set(empty_sheets(path)).intersection(names)
    if not empty:
        return names, {}
    kept = [n for n in names if n not in empty]
    gone = [n for n in names if n in empty]
    if len(gone) <= EMPTY_SAID_ONE_BY_ONE:
        return kept, {n: ImportFileError(msg("sheet_empty", file=path.name, sheet_name=n)) for n in gone}
    shown = ", ".join(gone[:3]) + (f", … {gone[-1]}" if len(gone) > 3 else "")
    said = ImportFileError(msg("sheets_empty", file=path.name, count=len(gone), sheet_name=shown))
    return kept, {gone[0]: said}


def inspect_workbook(path: Path, *, session: Session | None = None) -> list[SheetLayout | ImportFileError]:
    """Every sheet's layout, or the reason it cannot be imported (an empty sheet…)."""
    out: list[SheetLayout | ImportFileError] = []
    names = sheet_names(path)
    kept, said = without_empty_sheets(path, names)
    keep = set(kept)
    for name in names:
        if name in said:
            out.append(said[name])
        if name not in keep:
            continue
        try:
            out.append(inspect_sheet(path, name, session=session))
        except ImportFileError as exc:
            out.append(exc)
    return out
