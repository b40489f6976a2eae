"""The importable fields of each record kind, their column headers and their synonyms.

One table serves both directions: the exporter writes ``FieldSpec.header`` (Vietnamese and
English, so that either reader recognises it) and the importer recognises that header and every
synonym, compared on folded text (no diacritics, đ→d, case and spacing ignored).

Field names are the keys the services in :mod:`app.entities` accept, except references by name
(``organisation``, ``owner``, ``parent``, ``responsible``, ``counterpart``, ``meeting``, ``organisations``,
``attendees``), which the importer resolves to ids, and the name parts ``family_middle`` and
``middle_given``, which are joined into the contact's name. Every field is stored
(``tests/app/importing/test_every_field_stored.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.vntext import fold
from db import kinds

KINDS: tuple[str, ...] = (kinds.Kind.STAFF.value, *kinds.RECORD_KINDS)
"""Record kinds a sheet can hold, in the order a whole workbook is imported: our own staff
first, so that the owners, the people responsible and the staff at meetings the other sheets
name are the staff members the staff sheet holds (or updates)."""

IGNORE = "_ignore"
"""Mapping target of a column the user chose not to import (STT, row numbers…)."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    header: str
    synonyms: tuple[str, ...] = ()
    exported: bool = True


def _f(name: str, header: str, synonyms: str = "", *, exported: bool = True) -> FieldSpec:
    syns = tuple(s.strip() for s in synonyms.split("|") if s.strip())
    return FieldSpec(name, header, syns, exported)


_OWNER = _f("owner", "Cán bộ phụ trách / Owner", "cán bộ phụ trách|owner|relationship owner|account owner")
_NOTES = _f("notes", "Ghi chú / Notes", "ghi chú|notes|note|comments|comment|nhận xét|mô tả|description")
_TAGS = _f("tags", "Nhãn / Tags", "nhãn|thẻ|tags|tag|labels")
_INFLUENCE = _f("influence", "Ảnh hưởng (1-5) / Influence", "ảnh hưởng|mức ảnh hưởng|influence|power")
_INTEREST = _f("interest", "Quan tâm (1-5) / Interest", "mức quan tâm|interest")
_COUNTRY = _f("country", "Quốc gia / Country", "quốc gia|nước|country|country code")
_CONFIDENTIAL = _f(
    "confidential",
    "Mật / Confidential",
    "mật|bảo mật|tối mật|tuyệt mật|hồ sơ mật|confidential|secret|classified",
)
"""Whether the record is confidential (seen on a team database only by its owner, the staff on
it, those it is shared with and managers): the export writes "Yes" / "Có" or leaves it blank, so
that a round trip keeps it (reviewer: every confidential record came back ordinary)."""

_COUNTERPART = _f(
    "counterpart",
    "Người phụ trách (đối tác) / Responsible (them)",
    "người phụ trách (đối tác)|người phụ trách phía đối tác|người thực hiện (đối tác)|"
    "người thực hiện phía đối tác|đầu mối phía đối tác|đầu mối đối tác|đầu mối (đối tác)|"
    "phụ trách (đối tác)|phụ trách phía đối tác|cán bộ đối tác|responsible (them)|"
    "responsible (partner)|their responsible|counterpart|partner contact|partner focal point",
)
"""An action's person on the other side (``responsible_contact_id``: the ministry's official who
owes the reply), one of the contacts, found as an attendee is (by the email of "Name <email>",
then by the name). "Người phụ trách / Responsible" is ours (a staff member; a contact only when
the sheet names one there and has no column of theirs): exported in that one column, the other
side's person was lost on an export and import (reviewer)."""

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "organisation": (
        _f(
            "name",
            "Tên đơn vị / Organisation",
            "tên đơn vị|tên tổ chức|tên cơ quan|đơn vị|tổ chức|cơ quan|organisation|organization|"
            "organisation name|organization name|name|tên|company|institution|doanh nghiệp|công ty",
        ),
        _f("name_en", "Tên tiếng Anh / English name", "tên tiếng anh|english name|name en"),
        _f("acronym", "Viết tắt / Acronym", "viết tắt|tên viết tắt|acronym|abbreviation|short name"),
        _f("aliases", "Tên khác / Aliases", "tên khác|tên gọi khác|aliases|alias|also known as"),
        _f("kind", "Loại hình / Kind", "loại hình|loại|phân loại|kind|type|category"),
        _f(
            "parent",
            "Cơ quan chủ quản / Parent",
            "cơ quan chủ quản|đơn vị cấp trên|trực thuộc|parent|parent organisation|parent organization",
        ),
        _COUNTRY,
        _f(
            "city",
            "Tỉnh/Thành phố / City",
            "tỉnh thành phố|thành phố|tỉnh|tỉnh thành|city|location|địa điểm|province",
        ),
        _f("address", "Địa chỉ / Address", "địa chỉ|address"),
        _f("website", "Website", "website|trang web|web|url|trang thông tin"),
        _f("sectors", "Lĩnh vực / Sectors", "lĩnh vực|ngành|sector|sectors|field|fields"),
        _INFLUENCE,
        _INTEREST,
        _OWNER,
        _TAGS,
        _NOTES,
        _CONFIDENTIAL,
    ),
    "contact": (
        _f(
            "full_name",
            "Họ và tên / Full name",
            "họ và tên|họ tên|tên đầy đủ|họ và tên đại biểu|đại biểu|người liên hệ|full name|name|"
            "contact|contact name",
        ),
        _f(
            "honorific",
            "Danh xưng / Honorific",
            "danh xưng|xưng hô|học hàm học vị|honorific|salutation|prefix",
        ),
        _f("family_name", "Họ / Family name", "họ|family name|last name|surname"),
        _f("middle_name", "Tên đệm / Middle name", "tên đệm|tên lót|middle name"),
        _f(
            "given_name",
            "Tên / Given name",
            "tên|tên gọi|given name|given names|first name|forename|forenames",
        ),
        # Vietnamese forms often split the name after the middle name ("Họ và tên đệm" | "Tên")
        # or after the family name ("Họ" | "Tên đệm và tên"): read, joined, never exported.
        _f(
            "family_middle",
            "Họ và tên đệm / Family and middle name",
            "họ và tên đệm|họ và tên lót|họ tên đệm|họ đệm|họ và đệm|họ và chữ đệm|họ chữ đệm|"
            "family and middle name|family and middle names|surname and middle name",
            exported=False,
        ),
        _f(
            "middle_given",
            "Tên đệm và tên / Middle and given name",
            "tên đệm và tên|tên lót và tên|đệm và tên|middle and given name|middle and given names",
            exported=False,
        ),
        _f("position", "Chức vụ / Position", "chức vụ|chức danh|vị trí|position|job title|title|role"),
        _f(
            "organisation",
            "Đơn vị / Organisation",
            "đơn vị|cơ quan|tổ chức|đơn vị công tác|cơ quan công tác|nơi công tác|organisation|"
            "organization|company|công ty|doanh nghiệp|employer|affiliation",
        ),
        _f(
            "emails", "Email", "email|e-mail|e mail|thư điện tử|địa chỉ email|địa chỉ thư điện tử|mail|emails"
        ),
        _f(
            "phones",
            "Điện thoại / Phone",
            "điện thoại|sđt|số điện thoại|đt|đtdđ|di động|điện thoại di động|mobile|phone|"
            "phone number|phones|tel|telephone",
        ),
        _COUNTRY,
        _INFLUENCE,
        _INTEREST,
        _OWNER,
        _TAGS,
        _f("source", "Nguồn / Source", "nguồn|source"),
        _f(
            "last_contacted_on",
            "Liên hệ gần nhất / Last contacted",
            "ngày gặp gần nhất|ngày gặp|lần gặp gần nhất|lần gặp cuối|ngày liên hệ|ngày liên hệ gần nhất|"
            "lần liên hệ cuối|lần liên hệ gần nhất|liên hệ lần cuối|last met|last meeting|last contact|"
            "last contacted|last contacted on|date last contacted|last touch",
        ),
        _NOTES,
        _CONFIDENTIAL,
    ),
    "meeting": (
        _f("title", "Tiêu đề / Title", "tiêu đề|chủ đề|tên cuộc họp|cuộc họp|nội dung|title|subject|meeting"),
        _f(
            "starts_at",
            "Bắt đầu / Starts",
            "bắt đầu|thời gian|ngày họp|ngày|thời gian bắt đầu|date|start|starts|starts at|when",
        ),
        _f("ends_at", "Kết thúc / Ends", "kết thúc|thời gian kết thúc|end|ends|ends at"),
        _f("location", "Địa điểm / Location", "địa điểm|nơi họp|location|place|venue"),
        _f("kind", "Hình thức / Kind", "hình thức|loại|kind|type"),
        _f(
            "organisations",
            "Đơn vị / Organisations",
            "đơn vị|đơn vị tham dự|cơ quan|tổ chức|organisations|organizations|organisation|organization",
        ),
        _f(
            "attendees",
            "Thành phần / Attendees",
            "thành phần|thành phần tham dự|thành phần dự họp|người tham dự|người dự|người dự họp|người tham gia|"
            "đại biểu|khách mời|attendees|attendee|participants|participant|guests",
        ),
        _f("staff", "Cán bộ dự / Our staff", "cán bộ dự|cán bộ tham dự|our staff|staff members"),
        _f("agenda", "Chương trình / Agenda", "chương trình|nội dung chính|agenda"),
        _f("minutes", "Biên bản / Minutes", "biên bản|diễn biến|minutes"),
        _f("decisions", "Kết luận / Decisions", "kết luận|quyết định|decisions|conclusions|outcome"),
        _OWNER,
        _CONFIDENTIAL,
        # A log kept as "Ngày | Giờ | …": the time joins the day (reviewer h98: the "Giờ" column
        # was not imported and every meeting started at 09:00); read, never exported (the
        # export writes the start whole).
        _f(
            "start_time",
            "Giờ / Time",
            "giờ|giờ họp|giờ bắt đầu|thời điểm|time|start time|starting time|hour",
            exported=False,
        ),
        # A meeting has no notes of its own: a "Ghi chú" column goes to the minutes under its
        # header, as a value that fits no field does (it was left out: reviewer h98)
        _f("notes", "Ghi chú / Notes", "ghi chú|notes|note|comments|comment|nhận xét", exported=False),
    ),
    "action": (
        _f(
            "title",
            "Việc / Action",
            "việc|việc cần làm|công việc|nhiệm vụ|nội dung|nội dung công việc|action|task|what|title|to do|todo",
        ),
        _f("kind", "Loại / Kind", "loại|loại việc|kind|type"),
        _f("direction", "Chiều / Direction", "chiều|bên thực hiện|direction|who owes"),
        _f(
            "responsible",
            "Người phụ trách / Responsible",
            "người phụ trách|phụ trách|người thực hiện|đầu mối|cán bộ phụ trách|responsible|owner|assignee|assigned to",
        ),
        _COUNTERPART,
        _f(
            "organisation",
            "Đơn vị / Organisation",
            "đơn vị|cơ quan|tổ chức|đơn vị liên quan|organisation|organization|company",
        ),
        _f("meeting", "Cuộc họp / Meeting", "cuộc họp|từ cuộc họp|meeting|from meeting"),
        _f(
            "due_date", "Hạn / Due", "hạn|hạn chót|thời hạn|hạn hoàn thành|ngày đến hạn|due|due date|deadline"
        ),
        _f("status", "Trạng thái / Status", "trạng thái|tình trạng|tiến độ|status|state"),
        _f("priority", "Ưu tiên / Priority", "ưu tiên|mức ưu tiên|độ ưu tiên|priority"),
        _f(
            "completed_on",
            "Ngày hoàn thành / Completed",
            "ngày hoàn thành|hoàn thành ngày|completed|completed on|done on",
        ),
        _f("reference", "Số văn bản / Reference", "số văn bản|số hiệu|số công văn|reference|ref"),
        _NOTES,
        _CONFIDENTIAL,
    ),
    # Our own staff (last here: messages.field_label takes the first kind that has a field name)
    "staff": (
        _f(
            "name",
            "Họ và tên / Name",
            "họ và tên|họ tên|tên|tên cán bộ|cán bộ|họ và tên cán bộ|nhân viên|tên nhân viên|name|"
            "full name|staff|staff member|staff name|employee",
        ),
        _f("email", "Email", "email|e-mail|e mail|thư điện tử|địa chỉ email|địa chỉ thư điện tử|mail"),
        _f(
            "active",
            "Đang làm việc / Active",
            "đang làm việc|đang công tác|còn làm việc|còn công tác|active|in post|still here",
        ),
    ),
}

IGNORED_HEADERS = frozenset(
    fold(h) for h in ("stt", "tt", "số tt", "số thứ tự", "no", "no.", "#", "nr", "id", "mã")
)

REQUIRED = {
    "organisation": "name",
    "contact": "full_name",
    "meeting": "title",
    "action": "title",
    "staff": "name",
}
"""The one field without which a row is not a record."""

# Words in a sheet's name that say which kind of record it holds.
SHEET_NAME_HINTS: dict[str, tuple[str, ...]] = {
    "organisation": (
        "to chuc",
        "don vi",
        "co quan",
        "organisation",
        "organization",
        "org",
        "doi tac",
        "partners",
        "companies",
    ),
    "contact": ("danh ba", "lien he", "dai bieu", "nguoi", "contact", "people", "danh sach"),
    "meeting": ("cuoc hop", "hop", "lich", "meeting", "su kien", "events", "calendar"),
    "action": ("viec", "nhiem vu", "cong viec", "action", "task", "to do", "todo", "follow"),
    # (a staff sheet is also told from a contacts sheet by what it lacks: sheet.detect_kind)
    "staff": ("can bo", "nhan vien", "nhan su", "staff", "employees", "our team"),
}

LABELS = {
    "organisation": "Tổ chức (Organisations)",
    "contact": "Liên hệ (Contacts)",
    "meeting": "Cuộc họp (Meetings)",
    "action": "Việc (Actions)",
    "staff": "Cán bộ (Staff)",
}
"""Sheet names the exporter writes (and the importer recognises)."""


RENAMED = {"last_met": "last_contacted_on"}
"""Field names of earlier versions (in remembered mappings) and what they are called now."""


def field_names(kind: str) -> list[str]:
    return [f.name for f in FIELDS[kind]]


def spec(kind: str, name: str) -> FieldSpec:
    for f in FIELDS[kind]:
        if f.name == name:
            return f
    raise KeyError(f"{kind}.{name}")


_PUNCT_RE = re.compile(r"[*:.?()\[\]]+")


def header_candidates(header: str) -> list[str]:
    """Folded forms under which a header may be recognised.

    "Họ và tên / Full name" → ["ho va ten / full name", "ho va ten", "full name"];
    "Điện thoại (*)" → ["dien thoai"]; "Tỉnh/Thành phố" → [..., "tinh thanh pho", "thanh pho"].
    """
    folded = fold(header)
    if not folded:
        return []
    out = [folded]
    no_paren = fold(re.sub(r"\(.*?\)", " ", folded))
    stripped = fold(_PUNCT_RE.sub(" ", no_paren))
    out += [no_paren, stripped, fold(stripped.replace("/", " ")), fold(_PUNCT_RE.sub(" ", folded))]
    for part in re.split(r"\s*[/|]\s*|\s+-\s+|\n", no_paren):
        out.append(fold(_PUNCT_RE.sub(" ", part)))
    seen: list[str] = []
    for c in out:
        if c and c not in seen:
            seen.append(c)
    return seen


def _index(kind: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for f in FIELDS[kind]:
        for text in (f.name.replace("_", " "), f.header, *f.synonyms):
            for cand in header_candidates(text)[:1] if text is not f.header else header_candidates(text):
                index.setdefault(cand, f.name)
    return index


SYNONYM_INDEX: dict[str, dict[str, str]] = {k: _index(k) for k in KINDS}


def names_notes(header: str) -> bool:
    """Whether a header says its column holds notes ("Ghi chú", "Notes"): another column kept
    in the notes goes in under its header, so that its cells say what they were."""
    return any(c in _NOTE_WORDS for c in header_candidates(header))


_NOTE_WORDS = frozenset(c for text in ("notes", *_NOTES.synonyms) for c in header_candidates(text)[:1])

_FORMER = re.compile(r"(?<!\w)(?:cũ|trước đây|old|former|previous)(?!\w)", re.IGNORECASE)


def former(header: str) -> bool:
    """Whether a header marks its column as what was, not what is ("Chức vụ (cũ)", "Địa chỉ
    trước đây", "Former position"): beside the plain column it never takes the field."""
    return _FORMER.search(unicodedata.normalize("NFC", header)) is not None


_POSITION_AND_UNIT = re.compile(
    r"(?:chuc vu|chuc danh|position|job title|title)\s*(?:,|-|–|&|\+|\bva\b|\band\b)\s*"
    r"(?:don vi|co quan|noi cong tac|to chuc|organisation|organization|unit|workplace)\b"
)
"""A delegate list's "Chức vụ, đơn vị công tác" (position and workplace in one cell): the
position, holding the whole text ("Vụ trưởng Vụ Hợp tác quốc tế, Bộ Tài chính")."""


def field_for_header(kind: str, header: str) -> str | None:
    """The field a header names for this kind of record, or None."""
    index = SYNONYM_INDEX[kind]
    cands = header_candidates(header)
    if cands and _POSITION_AND_UNIT.match(cands[0]) and "position" in index.values():
        return "position"
    for c in cands:
        if c in index:
            return index[c]
    if cands and cands[0] in IGNORED_HEADERS:
        return IGNORE
    for c in cands:
        found = _worded(index, c)
        if found:
            return found
    return None


_NAMING = frozenset(
    (
        "name",
        "full_name",
        "organisation",
        "organisations",
        "parent",
        "owner",
        "responsible",
        "counterpart",
        "meeting",
        "attendees",
    )
)
_REACHING = frozenset(("phones", "emails", "email"))
_LEAD_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ten ", _NAMING),  # "Tên cơ quan", "Tên đơn vị", "Tên người liên hệ"
    ("so ", frozenset(("phones", "reference"))),  # "Số ĐT", "Số điện thoại di động", "Số di động"
    ("dia chi ", frozenset(("emails", "email", "website"))),  # "Địa chỉ email", "Địa chỉ website"
    # English qualifiers before a phone or an email: "Mobile phone", "Work email"
    *((f"{w} ", _REACHING) for w in ("work", "office", "home", "personal", "business", "mobile", "cell", "main",
                                     "primary", "contact", "direct", "private")),
)  # fmt: skip
_TAIL_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (" name", _NAMING),  # "Company name"
    (" no", frozenset(("phones",))),  # "Phone no.", "Mobile no."
    (" number", frozenset(("phones",))),  # "Mobile number"
    (" address", frozenset(("emails", "email", "website"))),  # "E-mail address", "Web address"
    # Vietnamese qualifiers after a phone or an email: "Điện thoại liên hệ", "Email cơ quan"
    *((f" {w}", _REACHING) for w in ("lien he", "di dong", "co quan", "ca nhan", "rieng", "nha rieng", "cong viec",
                                     "lam viec", "cong tac", "chinh", "ban")),
)  # fmt: skip


def _worded(index: dict[str, str], folded: str) -> str | None:
    """A header read by its words rather than as a whole: a leading "Tên", "Số" or "Địa chỉ"
    (or a trailing "name", "no.", "address") says what kind of thing the column holds, and the
    rest names it ("Tên cơ quan" is the organisation, "Số ĐT" the phone); a qualifier ("liên
    hệ", "di động", "cơ quan"; "work", "mobile") narrows a phone or an email. Each word admits
    only the fields it can name, so "Địa chỉ cơ quan" (an address) is not the organisation."""
    leads = [(folded, None)] + [(folded[len(w) :], ok) for w, ok in _LEAD_WORDS if folded.startswith(w)]
    for head, lead_ok in leads:
        tails = [(head, None)] + [(head[: -len(w)], ok) for w, ok in _TAIL_WORDS if head.endswith(w)]
        for core, tail_ok in tails:
            if lead_ok is None and tail_ok is None:
                continue
            field = index.get(core.strip())
            if field and (lead_ok is None or field in lead_ok) and (tail_ok is None or field in tail_ok):
                return field
    return None
