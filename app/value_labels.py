"""The words a person reads for each stored code, in English and Vietnamese.

The database keeps codes ("we_owe", "in_progress", "research_institute", priority 1, a staff
member's ``active`` True); the window shows words (:mod:`ui.labels`, translated into Vietnamese
in ``resources/translations/ketnoi_vi.ts``). This is the same table for what has no Qt: the
Excel export writes these words, and the importer reads them back as the codes (both
languages, and the codes themselves)::

    label("action", "direction", "we_owe", "vi")   # "Bên ta cần làm"
    label("action", "priority", 1, "en")           # "High"
    words("action", "status")["dang thuc hien"]    # "in_progress" (keys folded)

``tests/ui/test_value_labels.py`` holds this table to the window's words in both languages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.vntext import fold

if TYPE_CHECKING:
    from app.errors import UserError

Pair = tuple[str, str]  # (English, Vietnamese)

ORGANISATION_KINDS: dict[Any, Pair] = {
    "ministry": ("Ministry", "Bộ"),
    "agency": ("Agency", "Cơ quan"),
    "enterprise": ("Enterprise", "Doanh nghiệp"),
    "startup": ("Start-up", "Khởi nghiệp"),
    "university": ("University", "Trường đại học"),
    "research_institute": ("Research institute", "Viện nghiên cứu"),
    "network": ("Network / association", "Mạng lưới / hiệp hội"),
    "international_partner": ("International partner", "Đối tác quốc tế"),
    "investor": ("Investor", "Nhà đầu tư"),
    "other": ("Other", "Khác"),
}
MEETING_KINDS: dict[Any, Pair] = {
    "meeting": ("Meeting", "Cuộc họp"),
    "working_session": ("Working session", "Buổi làm việc"),
    "call": ("Call", "Cuộc gọi"),
    "event": ("Event", "Sự kiện"),
    "visit": ("Visit", "Chuyến thăm"),
    "email": ("E-mail", "Thư điện tử"),  # an e-mail logged as an interaction (app.emails)
}
ACTION_KINDS: dict[Any, Pair] = {
    "task": ("Task", "Nhiệm vụ"),
    "letter": ("Letter", "Công văn"),
    "document": ("Document", "Văn bản"),
    "introduction": ("Introduction", "Giới thiệu"),
    "call": ("Call", "Cuộc gọi"),
}
DIRECTIONS: dict[Any, Pair] = {
    "we_owe": ("We owe", "Bên ta cần làm"),
    "they_owe": ("They owe", "Đối tác cần làm"),
}
STATUSES: dict[Any, Pair] = {
    "open": ("Open", "Đang mở"),
    "in_progress": ("In progress", "Đang thực hiện"),
    "waiting": ("Waiting", "Đang chờ"),
    "done": ("Done", "Đã xong"),
    "cancelled": ("Cancelled", "Đã huỷ"),
}
PRIORITIES: dict[Any, Pair] = {1: ("High", "Cao"), 2: ("Normal", "Bình thường"), 3: ("Low", "Thấp")}
ACTIVE: dict[Any, Pair] = {True: ("Yes", "Có"), False: ("No", "Không")}
TEAM_ROLES: dict[Any, Pair] = {
    # a login's role on a team database (app.team; its history: ketnoi admin set-role), in the
    # words of the window's team dialog (ui.team.role_label)
    "admin": ("administrator", "quản trị viên"),
    "manager": ("manager", "lãnh đạo"),
    "officer": ("officer", "cán bộ"),
    "reader": ("reader (read only)", "người xem (chỉ đọc)"),
}
ROLES: dict[Any, Pair] = {
    "participant": ("Participant", "Thành viên"),
    "chair": ("Chair", "Chủ trì"),
    "presenter": ("Presenter", "Người trình bày"),
    "note_taker": ("Note taker", "Thư ký"),
    "observer": ("Observer", "Quan sát viên"),
}

LETTER_STATUSES: dict[Any, Pair] = {
    "draft": ("Draft", "Dự thảo"),
    "signed": ("Signed", "Đã ký"),
    "sent": ("Sent", "Đã gửi"),
    "received": ("Received", "Đã nhận"),
    "replied": ("Replied", "Đã trả lời"),
}
LETTER_DIRECTIONS: dict[Any, Pair] = {
    "outgoing": ("Outgoing", "Công văn đi"),
    "incoming": ("Incoming", "Công văn đến"),
}
LETTER_TEMPLATES: dict[Any, Pair] = {
    "introduction": ("Introduction letter", "Thư giới thiệu"),
    "invitation": ("Invitation", "Giấy mời"),
    "thanks": ("Thank-you letter", "Thư cảm ơn"),
    "reply": ("Reply", "Phúc đáp"),
    "other": ("Other letter", "Công văn khác"),
}

CONTACT_LABELS: dict[Any, Pair] = {
    "work": ("work", "cơ quan"),
    "home": ("home", "cá nhân"),
    "mobile": ("mobile", "di động"),
    "fax": ("fax", "fax"),
}
"""An email's or phone's label stored as a code (as a label written before it is read,
app.importing.cleaning.label_of, and as vCards name it, app.vcards), in the words the export
writes after the address in brackets: "an@nic.vn (cơ quan)", "+84 912 345 678 (di động)"."""
_CONTACT_LABEL_CODES: dict[str, str] = {
    fold(w): code for code, pair in CONTACT_LABELS.items() for w in (code, *pair)
}

FIELDS: dict[str, Pair] = {
    # A record's fields by the window's form labels (ui.labels.field_label and its Vietnamese),
    # for ``ketnoi KIND show`` (app.shown_record): "Cán bộ phụ trách", not "owner_id".
    "name": ("Name", "Tên"),
    "name_en": ("English name", "Tên tiếng Anh"),
    "acronym": ("Acronym", "Tên viết tắt"),
    "aliases": ("Other names", "Tên gọi khác"),
    "kind": ("Kind", "Loại"),
    "parent_id": ("Part of", "Trực thuộc"),
    "full_name": ("Full name", "Họ và tên"),
    "family_name": ("Family name", "Họ"),
    "middle_name": ("Middle name", "Tên đệm"),
    "given_name": ("Given name", "Tên"),
    "honorific": ("Honorific", "Danh xưng"),
    "position": ("Position", "Chức vụ"),
    "organisation_id": ("Organisation", "Tổ chức"),
    "emails": ("Emails", "Email"),
    "phones": ("Phones", "Điện thoại"),
    "country": ("Country", "Quốc gia"),
    "city": ("City", "Tỉnh/thành phố"),
    "address": ("Address", "Địa chỉ"),
    "website": ("Website", "Trang web"),
    "sectors": ("Sectors", "Lĩnh vực"),
    "tags": ("Tags", "Nhãn"),
    "influence": ("Influence (1–5)", "Mức ảnh hưởng (1–5)"),
    "interest": ("Interest (1–5)", "Mức quan tâm (1–5)"),
    "owner_id": ("Relationship owner", "Cán bộ phụ trách"),
    "source": ("Source", "Nguồn"),
    "last_contacted_on": ("Last contacted", "Liên hệ gần nhất"),
    "title": ("Title", "Tiêu đề"),
    "starts_at": ("When", "Thời gian"),
    "ends_at": ("Ends", "Kết thúc"),
    "location": ("Location", "Địa điểm"),
    "agenda": ("Agenda", "Chương trình họp"),
    "minutes": ("Minutes", "Biên bản"),
    "decisions": ("Decisions", "Kết luận"),
    "attendees": ("Attendees", "Thành phần tham dự"),
    "organisation_ids": ("Organisations", "Tổ chức"),
    "meeting_attendee": ("Attendees", "Thành phần tham dự"),  # (moved by a merge: app.history)
    "meeting_organisation": ("Organisations", "Tổ chức"),
    "staff_ids": ("Our staff", "Cán bộ bên ta"),
    "direction": ("Direction", "Bên thực hiện"),
    "responsible_staff_id": ("Responsible (us)", "Người thực hiện (bên ta)"),
    "responsible_contact_id": ("Responsible (them)", "Người thực hiện (đối tác)"),
    "meeting_id": ("Meeting", "Cuộc họp"),
    "due_date": ("Due", "Hạn"),
    "status": ("Status", "Trạng thái"),
    "priority": ("Priority", "Mức ưu tiên"),
    "reference": ("Reference", "Số hiệu"),
    "completed_on": ("Completed on", "Ngày hoàn thành"),
    "confidential": ("Confidential", "Mật"),
    "shared_with": ("Shared with", "Chia sẻ với"),
    "notes": ("Notes", "Ghi chú"),
    # a letter's (the register's form) and what else a record's history names
    "number": ("Number", "Số"),
    "symbol": ("Symbol", "Ký hiệu"),
    "year": ("Year", "Năm"),
    "letter_date": ("Date of the letter", "Ngày văn bản"),
    "template": ("Kind of letter", "Loại thư"),
    "subject": ("Subject", "Trích yếu"),
    "subject_en": ("Subject in English", "Trích yếu tiếng Anh"),
    "addressee": ("Addressed to (kính gửi)", "Kính gửi"),
    "signer_title": ("Signer's post", "Chức vụ người ký"),
    "signer_name": ("Signer", "Người ký"),
    "body": ("Text", "Nội dung"),
    "recipients_copy": ("Copies to", "Nơi nhận khác"),
    "reply_to_id": ("In reply to", "Trả lời văn bản"),
    "post_id": ("To (post)", "Gửi (chức vụ)"),
    "reply_due": ("Reply by", "Hạn trả lời"),
    "contact_id": ("Contact", "Người liên hệ"),
    "action_id": ("Action", "Việc cần làm"),
    "attachments": ("Files", "Tệp đính kèm"),
    # a staff member's (ketnoi admin: a login, its role; an import of a staff sheet) and an attachment's own history
    "email": ("Email", "Email"),
    "active": ("Active", "Đang làm việc"),
    "login": ("Login", "Tên đăng nhập"),
    "role": ("Role", "Vai trò"),
    "owner_kind": ("Attached to", "Đính kèm vào"),
    "file_name": ("File name", "Tên tệp"),
    "mime": ("File type", "Loại tệp"),
    "size": ("Size", "Dung lượng"),
    "sha256": ("Checksum (SHA-256)", "Mã kiểm tra (SHA-256)"),
    "added_by": ("Added by", "Người thêm"),
}
"""Field → (English, Vietnamese): the window's label of each field a record shows
(``tests/ui/test_value_labels.py`` holds them to it)."""
RECORD_META: dict[str, Pair] = {
    "created_at": ("Created", "Ngày tạo"),
    "updated_at": ("Last changed", "Cập nhật lần cuối"),
    "deleted_at": ("Deleted", "Ngày xoá"),
    "import_batch_id": ("Import", "Lần nhập dữ liệu"),
}
"""When a record was added, last changed or deleted and the import that brought it: the window
shows these in a record's history, not on its form, so no form label holds them."""


def field_name(field: str, lang: str) -> str:
    """A field as a person reads it in ``lang`` ("owner_id": "Cán bộ phụ trách" / "Relationship
    owner"); a field with no label as it is written, without its underscores."""
    pair = FIELDS.get(field) or RECORD_META.get(field)
    return pair[1 if lang == "vi" else 0] if pair else field.replace("_", " ")


TABLES: dict[tuple[str, str], dict[Any, Pair]] = {
    ("organisation", "kind"): ORGANISATION_KINDS,
    ("meeting", "kind"): MEETING_KINDS,
    ("action", "kind"): ACTION_KINDS,
    ("action", "direction"): DIRECTIONS,
    ("action", "status"): STATUSES,
    ("action", "priority"): PRIORITIES,
    ("staff", "active"): ACTIVE,
    ("staff", "role"): TEAM_ROLES,
    ("meeting", "role"): ROLES,  # an attendee's role, "Nguyễn Văn An (Chủ trì)"
    ("letter", "status"): LETTER_STATUSES,  # a letter's history (ketnoi letter show)
    ("letter", "direction"): LETTER_DIRECTIONS,
    ("letter", "template"): LETTER_TEMPLATES,
}
"""(record kind, field) → code → (English, Vietnamese)."""


def label(kind: str, field: str, value: Any, lang: str) -> Any:
    """The word for ``value`` in ``lang`` ("en" or "vi"); a value without one is returned as it is."""
    table = TABLES.get((kind, field))
    if table is None or value is None or isinstance(value, (list, dict)):
        return value
    return label_of(table, value, lang)


def label_of(table: dict[Any, Pair], value: Any, lang: str) -> Any:
    """The word for ``value`` in one of the tables above (the briefs' kinds, roles, statuses)."""
    pair = table.get(value)
    if pair is None:
        return value
    return pair[1 if lang == "vi" else 0]


def words(kind: str, field: str) -> dict[str, Any]:
    """Folded words → code: both languages' labels and the code itself ("in progress" too)."""
    out: dict[str, Any] = {}
    for code, pair in TABLES.get((kind, field), {}).items():
        if isinstance(code, str):
            out[fold(code)] = code
            out[fold(code.replace("_", " "))] = code
        for text in pair:
            out[fold(text)] = code
    return out


def contact_label_code(written: str) -> str:
    """The code of an email's or phone's label written as the export writes one, in either
    language ("Cơ quan", "di động", "Mobile" → "work", "mobile"); any other label as written."""
    return _CONTACT_LABEL_CODES.get(fold(written), written)


def contact_label(stored: str, lang: str) -> str:
    """An email's or phone's label as the export writes it in ``lang``: a code's word ("work"
    → "cơ quan"; a label stored as one of those words, "di động", as its code's word too, so
    that the file imports back as the same), any other label as stored."""
    return str(label_of(CONTACT_LABELS, contact_label_code(stored), lang)) if stored else stored


COUNTRIES: dict[Any, Pair] = {
    # The countries the importer reads by name (app.importing.cleaning.COUNTRY_WORDS), named as
    # an office in Viet Nam writes them; any other code is named from the phone-number library's
    # table of country names, which has both languages.
    "VN": ("Viet Nam", "Việt Nam"),
    "US": ("United States", "Hoa Kỳ"),
    "GB": ("United Kingdom", "Vương quốc Anh"),
    "JP": ("Japan", "Nhật Bản"),
    "KR": ("South Korea", "Hàn Quốc"),
    "CN": ("China", "Trung Quốc"),
    "SG": ("Singapore", "Singapore"),
    "FR": ("France", "Pháp"),
    "DE": ("Germany", "Đức"),
    "AU": ("Australia", "Úc"),
    "TW": ("Taiwan", "Đài Loan"),
    "IL": ("Israel", "Israel"),
    "FI": ("Finland", "Phần Lan"),
    "NL": ("Netherlands", "Hà Lan"),
}


def country_name(code: str, lang: str) -> str:
    """A stored country code ("VN") as its name in ``lang`` ("Việt Nam" / "Viet Nam"); a code
    with no known name as it is, and an empty one as empty."""
    key = (code or "").strip().upper()
    if key in COUNTRIES:
        return str(label_of(COUNTRIES, key, lang))
    from phonenumbers.geodata.locale import LOCALE_DATA  # (loaded only for a rarer country)

    names: dict[str, str] = LOCALE_DATA.get(key, {}) if len(key) == 2 else {}
    name = names.get("vi" if lang == "vi" else "en", "")
    if name.startswith("*"):  # (the name held under another language's entry)
        name = names.get(name[1:], "")
    return name or (code or "").strip()


NOUNS: dict[tuple[str, str], Pair] = {
    # What a coded value is, for a refusal: '"Buổi họp" is not a kind of meeting'.
    ("organisation", "kind"): ("kind of organisation", "loại tổ chức"),
    ("meeting", "kind"): ("kind of meeting", "loại cuộc họp"),
    ("action", "kind"): ("kind of action", "loại việc"),
    ("action", "direction"): ("direction", "bên thực hiện"),
    ("action", "status"): ("status", "trạng thái"),
    ("action", "priority"): ("priority", "mức ưu tiên"),
    ("meeting", "role"): ("role", "vai trò"),
}


def _typed_key(text: str) -> str:
    """A value as typed, folded for the look-up: accents, case, hyphens and underscores aside."""
    return " ".join(fold(text).replace("-", " ").replace("_", " ").split())


def code_for(kind: str, field: str, text: Any) -> Any | None:
    """The code a person's word stands for: the code itself ("working-session",
    "working_session") or the window's word in either language, accents optional ("Buổi làm
    việc", "buoi lam viec", "Chair", "chủ trì"); None for a word that names none."""
    key = _typed_key(str(text))
    for word, code in words(kind, field).items():
        if _typed_key(word) == key:
            return code
    return None


def accepted(kind: str, field: str) -> str:
    """What ``--help`` lists for a coded option: "chair (Chair, Chủ trì), …", codes as typed
    on a command line (hyphens), each with the window's words in English and Vietnamese."""
    out = []
    for code, (en, vi) in TABLES[(kind, field)].items():
        typed = str(code).replace("_", "-")
        shown = [w for w in dict.fromkeys((en, vi)) if _typed_key(w) != _typed_key(typed)]
        out.append(f"{typed} ({', '.join(shown)})" if shown else typed)
    return ", ".join(out)


def not_a_code(kind: str, field: str, text: Any, where: str = "") -> UserError:
    """The refusal of a word that names no code, in English with its Vietnamese (``vi``: the
    CLI prints it under a Vietnamese locale), listing the words of that language and the codes:
    ``--kind "Buổi họp" is not a kind of meeting; use one of: Meeting, Working session, …``."""
    from app.errors import UserError

    table = TABLES[(kind, field)]
    en_noun, vi_noun = NOUNS.get((kind, field), (field.replace("_", " "), field.replace("_", " ")))
    codes = ", ".join(str(c).replace("_", "-") for c in table)
    head = f"{where} " if where else ""
    error = UserError(
        f'{head}"{text}" is not a {en_noun}; use one of: {", ".join(p[0] for p in table.values())} '
        f"(or the code: {codes})"
    )
    error.vi = (  # type: ignore[attr-defined]
        f'{head}"{text}" không phải là một {vi_noun}; hãy dùng một trong: '
        f"{', '.join(p[1] for p in table.values())} (hoặc mã: {codes})"
    )
    return error
