"""From the cells of one row to the values the record services accept.

This layer knows spreadsheets: a cell may hold several emails, a date typed as text, a status
in Vietnamese ("Đang làm"), an organisation kind in English ("Start-up"), a phone number that
lost its leading zero. It turns them into the vocabulary of :mod:`db.models`; checking and
normalising each value (emails, E.164 phones, day-first dates, names) is then done by
:mod:`app.entities`, the same code that checks a record typed in a form.

Nothing here raises on a cell value: problems come back as ``{field: message}``, or, when the
caller asks for warnings (the import does), as warnings: a value that does not identify the
record never rejects its row (issue 10, item 3). It is kept as typed: a phone number that is
possible but not in libphonenumber's tables is stored unverified; an email that is no address,
a date that is no date, a word not in the vocabulary, a value too long for its column goes into
the record's notes (a meeting's minutes) under its column's header, and a warning says so with
the sheet, row and column. Only a row without a name (title, or a meeting's date), or one that
conflicts with another (matching), is rejected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from app import dateranges, listcells, value_labels
from app import validation as v
from app.entities import PREPARE, Prepared, _lengths, last_contact_too_late
from app.errors import ValidationError
from app.importing import fields as fs
from app.importing.fields import IGNORE
from app.importing.messages import Message, Term, msg, warning
from app.importing.people import MAYBE as MAYBE_TWO
from app.importing.people import two_people
from app.importing.resolve import split_acronym
from app.importing.scinum import scientific
from app.importing.sheet import GATHERED_FIELDS
from app.importing.units import looks_like_unit
from app.name_order import particles_in_small_letters
from app.vntext import _is_surname, clean, clean_multiline, fold, join_name
from db import clock
from db import models as m

Values = dict[str, Any]
Errors = dict[str, "str | Message"]
"""Field → what is wrong with its value (text, or a coded :class:`Message`)."""


def _vocab(pairs: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value, words in pairs.items():
        out[fold(value)] = value
        out[fold(value.replace("_", " "))] = value
        for w in words.split("|"):
            out[fold(w)] = value
    return out


ORG_KIND_WORDS = _vocab(
    {
        "ministry": "bộ|ministry|bộ ngành|government ministry",
        "agency": "agency|government agency|cơ quan|cơ quan nhà nước|cơ quan chính phủ|cục|tổng cục|"
        "sở|ủy ban|uỷ ban|ubnd|government|public agency|state agency|trung tâm nhà nước",
        "enterprise": "enterprise|company|corporation|doanh nghiệp|công ty|tập đoàn|business|corporate|sme",
        "startup": "start-up|start up|startup|khởi nghiệp|doanh nghiệp khởi nghiệp|công ty khởi nghiệp",
        "university": "university|đại học|trường đại học|trường|học viện|academy|college",
        "research_institute": "research institute|viện|viện nghiên cứu|institute|research centre|research center|lab|phòng thí nghiệm",
        "network": "network|association|hiệp hội|mạng lưới|hội|liên minh|alliance|club|câu lạc bộ|ngo|tổ chức phi chính phủ",
        "international_partner": "international partner|international|đối tác quốc tế|quốc tế|"
        "international organisation|international organization|embassy|đại sứ quán|donor",
        "investor": "investor|nhà đầu tư|quỹ|quỹ đầu tư|fund|vc|venture capital",
        "other": "other|khác",
    }
)
MEETING_KIND_WORDS = _vocab(
    {
        "meeting": "meeting|họp|cuộc họp|gặp|gặp mặt",
        "working_session": "working session|làm việc|buổi làm việc|phiên làm việc|workshop|hội thảo",
        "call": "call|gọi|cuộc gọi|điện thoại|online|họp trực tuyến|video call",
        "event": "event|sự kiện|hội nghị|conference|diễn đàn|forum",
        "visit": "visit|thăm|chuyến thăm|khảo sát|đi thăm|site visit",
    }
)
ACTION_KIND_WORDS = _vocab(
    {
        "task": "task|việc|công việc|nhiệm vụ",
        "letter": "letter|thư|công văn|văn bản đi",
        "document": "document|tài liệu|hồ sơ|báo cáo|report",
        "introduction": "introduction|giới thiệu|kết nối|intro",
        "call": "call|gọi|gọi điện|cuộc gọi",
    }
)
STATUS_WORDS = _vocab(
    {
        "open": "mở|mới|chưa làm|chưa bắt đầu|cần làm|open|new|todo|to do|not started",
        "in_progress": "đang làm|đang thực hiện|đang xử lý|đang tiến hành|in progress|ongoing|doing|started",
        "waiting": "chờ|đang chờ|chờ phản hồi|tạm dừng|waiting|on hold|pending|blocked",
        "done": "xong|hoàn thành|đã xong|đã hoàn thành|đã làm|done|completed|complete|finished|closed",
        "cancelled": "huỷ|hủy|đã huỷ|đã hủy|bỏ|không làm|cancelled|canceled|dropped",
    }
)
DIRECTION_WORDS = _vocab(
    {
        "we_owe": "we owe|chúng ta|chúng tôi|ta|bên ta|ta làm|chúng ta làm|us|we|ours",
        "they_owe": "they owe|họ|đối tác|bên kia|họ làm|đối tác làm|them|they|theirs",
    }
)
_DIRECTION_PARTIES = (
    ("we_owe", ("chung ta", "chung toi", "ben ta", "phia ta", "ta", "we", "us", "our", "ours")),
    ("they_owe", ("doi tac", "ben kia", "phia doi tac", "phia ho", "ho", "they", "them", "their", "theirs", "partner")),
)  # fmt: skip
"""Who owes it, from a direction cell's first words when the cell is no word of
:data:`DIRECTION_WORDS`: "Họ nợ", "Đối tác nợ", "Bên kia làm", "Họ phải làm", "Ta nợ", "Chúng ta
nợ", "They have to send" (reviewer h98: each was kept in the notes and the action filed as ours)."""


def direction_by_party(folded: str) -> str | None:
    """The direction a folded cell names by its party's words first, else None."""
    words = folded.split()
    for direction, parties in _DIRECTION_PARTIES:
        for party in parties:
            n = party.count(" ") + 1
            if " ".join(words[:n]) == party and len(words) > n:
                return direction
    return None


PRIORITY_WORDS = {
    fold(w): p
    for p, words in {
        1: "cao|gấp|khẩn|high|urgent|1",
        2: "trung bình|bình thường|thường|normal|medium|2",
        3: "thấp|low|3",
    }.items()
    for w in words.split("|")
}
ACTIVE_WORDS = {
    fold(w): flag
    for flag, words in {
        True: "true|có|x|✓|yes|y|1|đang làm việc|đang công tác|còn làm việc|active",
        False: "false|không|no|n|0|nghỉ|đã nghỉ|nghỉ việc|đã nghỉ việc|nghỉ hưu|thôi việc|"
        "chuyển công tác|đã chuyển công tác|inactive|left|retired",
    }.items()
    for w in words.split("|")
}
"""A staff member's "Active" / "Đang làm việc" cell: the export's Yes / Có (TRUE / FALSE once), or words."""
CONFIDENTIAL_WORDS = {
    fold(w): flag
    for flag, words in {
        True: "true|có|x|✓|yes|y|1|mật|bảo mật|tối mật|tuyệt mật|confidential|secret",
        False: "false|không|no|n|0|thường|không mật|công khai|ordinary|public|not confidential",
    }.items()
    for w in words.split("|")
}
"""A record's "Confidential" / "Mật" cell: the export's Yes / Có (blank when not), or words."""
COUNTRY_WORDS = {
    fold(w): code
    for code, words in {
        "VN": "việt nam|viet nam|vietnam|vn|vnm",
        "US": "hoa kỳ|mỹ|usa|united states|us",
        "GB": "anh|vương quốc anh|united kingdom|uk|gb|england",
        "JP": "nhật bản|nhật|japan|jp",
        "KR": "hàn quốc|korea|south korea|kr",
        "CN": "trung quốc|china|cn",
        "SG": "singapore|sg",
        "FR": "pháp|france|fr",
        "DE": "đức|germany|de",
        "AU": "úc|australia|au",
        "TW": "đài loan|taiwan|tw",
        "IL": "israel|il",
        "FI": "phần lan|finland|fi",
        "NL": "hà lan|netherlands|nl",
    }.items()
    for w in words.split("|")
}
_LOCATION_PARTS = re.compile(r"\s*(?:[,;/()\n\u2013\u2014]|\s-\s)\s*")
_VN_CITIES = frozenset(
    fold(w)
    for w in "Hà Nội|Hanoi|TP. HCM|TP HCM|HCM|Hồ Chí Minh|TP. Hồ Chí Minh|TP Hồ Chí Minh|Sài Gòn|"
    "Saigon|Đà Nẵng|Hải Phòng|Cần Thơ".split("|")
)
_PLACE_CODES = frozenset({"vn", "us", "uk"})
"""The two-letter words a location's part may be a country by: "Urbana, IL, USA" is in the
United States, not in Israel ("IL", "DE", "CA" are states there)."""


def countries_named(location: str) -> list[str]:
    """The countries a location names, each once, in order: "Georgia, USA" → ["US"], "Tokyo
    (Nhật Bản)" → ["JP"], "Hà Nội / Tokyo, Japan" → ["VN", "JP"]; none in "Hòa Lạc, Hà Nội".
    Only a whole part between commas, slashes, brackets or dashes counts ("Mỹ Đình" is not "Mỹ")."""
    whole = COUNTRY_WORDS.get(fold(location))
    if whole:
        return [whole]
    found: list[str] = []
    for part in _LOCATION_PARTS.split(location):
        key = fold(part)
        code = COUNTRY_WORDS.get(key) if len(key) > 2 or key in _PLACE_CODES else None
        if key in _VN_CITIES:
            code = "VN"  # ("Hà Nội / Tokyo, Japan": two countries, not Japan)
        if code and code not in found:
            found.append(code)
    return found


def _country_from_location(data: Values, warnings: list[Message] | None) -> None:
    """An organisation with no country of its own takes the one its location names; a location
    naming two is not guessed from: Viet Nam stays, with a warning (reviewer: "Georgia, USA"
    came in as VN)."""
    location = data.get("city")
    if "country" in data or not isinstance(location, str) or not location:
        return
    named = countries_named(location)
    if len(named) == 1:
        data["country"] = named[0]
    elif len(named) > 1 and warnings is not None:
        warnings.append(
            warning("location_countries", column="city", value=_shown(location), countries=", ".join(named))
        )


_EMAIL_SPLIT = re.compile(r"[;,\s]+")
_PHONE_SPLIT = re.compile(r"\s*(?:[;,\n/\u2013\u2014]|\s-\s|\bhoặc\b|\bor\b)\s*")
"""Between two phone numbers: ; , / a new line, "hoặc"/"or", a hyphen with spaces round it, or
Word's and Excel's en or em dash (never inside a number: "0912 345 678 – 024 3825 1234")."""
_LIST_SPLIT = re.compile(r"\s*[;,\n]\s*")
_NAME_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")
_MULTILINE = frozenset({"notes", "address", "agenda", "minutes", "decisions"})
_DATES = frozenset({"due_date", "completed_on", "last_contacted_on"})
_DATETIMES = frozenset({"starts_at", "ends_at"})


def as_text(value: Any) -> str:
    """A cell as the text a person would read in it (dates day-first)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return (
            value.strftime("%d/%m/%Y %H:%M") if (value.hour or value.minute) else value.strftime("%d/%m/%Y")
        )
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


Plan = tuple[tuple[int, str, str, bool, bool], ...]


@lru_cache(maxsize=64)
def _plan(mapping: tuple[tuple[int, str], ...], headers: tuple[str, ...] | None) -> Plan:
    """:func:`collect`'s columns in order: (column, field, cleaned header, gathered, a notes
    column whose header names something else, so that its cells always go in under it)."""
    out = []
    for col, name in sorted(mapping):
        if name == IGNORE:
            continue
        header = clean(headers[col]) if headers and col < len(headers) else ""
        labelled = name == "notes" and bool(header) and not fs.names_notes(header)
        out.append((col, name, header, name in GATHERED_FIELDS, labelled))
    return tuple(out)


def collect_plan(mapping: dict[int, str], headers: list[str] | None = None) -> Plan:
    """What :func:`collect` reads of a row of this layout (for a caller that collects many)."""
    return _plan(tuple(mapping.items()), tuple(headers) if headers else None)


def collect(
    mapping: dict[int, str], values: list[Any], headers: list[str] | None = None, plan: Plan | None = None
) -> Values:
    """The row's raw values by field; list fields gather every column mapped to them, and so
    do the notes: a column after the first goes in under its header ("Sở thích: golf").
    ``plan``: :func:`collect_plan` of the same mapping and headers, computed once."""
    out: Values = {}
    notes_columns = 0
    size = len(values)
    if plan is None:
        plan = collect_plan(mapping, headers)
    for col, name, header, gathered, labelled in plan:
        if col >= size:
            continue
        value = values[col]
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if gathered:
            if name == "notes":
                notes_columns += 1
                if header and (notes_columns > 1 or labelled or value.__class__ is bool):
                    # (a checkbox's TRUE is kept as what it says: "Đã gửi thư mời: TRUE")
                    value = f"{header}: {as_text(value)}"
            if name in out:
                out[name].append(value)
            else:
                out[name] = [value]
        elif name not in out:
            out[name] = value
    if len(out.get("notes", ())) == 1:
        out["notes"] = out["notes"][0]
    return out


def _split(raw: list[Any], pattern: re.Pattern[str], *, phones: bool = False) -> list[str]:
    items: list[str] = []
    for value in raw:
        if phones and isinstance(value, (int, float)) and not isinstance(value, bool):
            items.append(as_text(value))
            continue
        text = value if value.__class__ is str else as_text(value)
        if phones and scientific(text) is not None:  # ("9,12345E+08": one number, its comma no list's)
            items.append(clean(text))
            continue
        parts = pattern.split(text) if '"' not in text else listcells.split(text, pattern)
        items += [item for item in map(clean, parts) if item]
    return items


# --- labels written before an email or phone ("Công việc: an@nic.vn", "Di động: 0912 345 678") ---

_LABEL_WORDS = {
    fold(w): label
    for label, words in {
        # a desk phone ("Máy bàn", "ĐT bàn", "Cố định") is the office's line, as "Cơ quan" is
        "work": "work|office|business|công việc|cơ quan|công vụ|văn phòng|công ty|cq|vp|"
        "máy bàn|bàn|cố định|máy cố định|landline|desk|desk phone",
        "home": "home|personal|private|cá nhân|riêng|nhà|nhà riêng|gia đình",
        "mobile": "mobile|cell|cellphone|mobile phone|cell phone|handphone|hp|di động|dđ|đtdđ|didong",
        "fax": "fax",
    }.items()
    for w in words.split("|")
}
"""A label's words → the label stored with the email or phone (the vCard's: app.vcards)."""
_FIELD_WORDS = tuple(
    sorted(
        {
            tuple(fold(w).replace("-", " ").split())
            for w in (
                "email|e-mail|e mail|mail|mailto|emails|thư điện tử|địa chỉ email|địa chỉ thư điện tử|"
                "điện thoại|đt|sđt|số điện thoại|số đt|số|phone|phone number|telephone|tel|số máy"
            ).split("|")
        },
        key=len,
        reverse=True,
    )
)
"""Words that only name the column ("Email:", "ĐT:"), before or after a label ("E-mail cơ quan")."""
_EMAIL_PREFIX = re.compile(r"(?<![^\s;,])([^\W\d_][^;,:：@()<>\"\n]{0,39}?)\s*[:：]\s*(?=[^\s;,:()<>\"]+@)")
_EMAIL_AFTER = re.compile(r"([^\s;,:()<>\"]+@[^\s;,()<>\"]+)\s*\(([^()\n;,\"]{1,40})\)")
_MARKED = re.compile(r"\x01(\d+)\x01|\x02(\d+)\x02")
_PHONE_PREFIX = re.compile(r"([^\W\d_][^:：]{0,39}?)\s*[:：]\s*(?=[+(\d])")


def label_of(written: str) -> str | None:
    """The label a word before an email or phone names: "Công việc" → "work", "E-mail cơ quan"
    → "work", "Di động" → "mobile"; "" for words that only name the column ("Email", "ĐT");
    None for a word Ketnoi does not know ("Trợ lý")."""
    words = fold(written).replace("-", " ").replace(".", " ").split()  # "Tel." as "Tel"
    for _ in range(2):  # the column's own words before the label, then after it
        for field_words in _FIELD_WORDS:
            n = len(field_words)
            if tuple(words[:n]) == field_words:
                words = words[n:]
            elif n <= len(words) and tuple(words[-n:]) == field_words:
                words = words[:-n]
    if not words:
        return ""
    return _LABEL_WORDS.get(" ".join(words))


def _labelled(value: str, label: str) -> str:
    return f"{value} ({label})" if label else value


def _split_emails(raw: list[Any], unknown: list[tuple[str, str]]) -> list[str]:
    """The emails of a cell, each with its label in the form :func:`app.importing.notation.split_label`
    reads ("an@nic.vn (work)"): a label written before an address ("Công việc: an@nic.vn",
    "Email: an@nic.vn", "E-mail cơ quan: an@nic.vn") is read as :func:`label_of` names it, one
    written after it in brackets ("an@nic.vn (công việc)") as written; a word before an address
    that is no label Ketnoi knows goes in ``unknown`` as ("Trợ lý", "an@nic.vn"), the address
    is read all the same (reviewer: such cells became junk notes "Công", "việc:")."""
    items: list[str] = []
    for value in raw:
        text = value if value.__class__ is str else as_text(value)
        if ":" not in text and "：" not in text and "(" not in text:
            items += _split([text], _EMAIL_SPLIT)
        else:
            items += _labelled_emails(text, unknown)
    return items


def _labelled_emails(text: str, unknown: list[tuple[str, str]]) -> list[str]:
    """:func:`_split_emails` of one cell that may hold labels: each label is taken out and
    marked (\\x01n\\x01 before its address, \\x02n\\x02 after it) before the cell is split at
    spaces, so that a label's own words are not split off as addresses."""
    labels: list[str] = []

    def before(match: re.Match[str]) -> str:
        labels.append(match.group(1))
        return f"\x01{len(labels) - 1}\x01"

    def after(match: re.Match[str]) -> str:
        labels.append(clean(match.group(2)))
        return f"{match.group(1)}\x02{len(labels) - 1}\x02"

    marked = _EMAIL_AFTER.sub(after, _EMAIL_PREFIX.sub(before, text.replace("\x01", "").replace("\x02", "")))
    parts = _EMAIL_SPLIT.split(marked) if '"' not in marked else listcells.split(marked, _EMAIL_SPLIT)
    items: list[str] = []
    for item in parts:
        if "\x01" not in item and "\x02" not in item:
            if cleaned := clean(item):
                items.append(cleaned)
            continue
        address = clean(_MARKED.sub("", item))
        label = ""
        for found in _MARKED.finditer(item):
            if found.group(2) is not None:
                label = labels[int(found.group(2))]  # (in brackets after it: as written)
                continue
            written = clean(labels[int(found.group(1))])
            named = label_of(written)
            if named is None:
                unknown.append((written, address))
            elif not label:
                label = named
        if address:
            items.append(_labelled(address, label))
    return items


def _scientific_apart(items: list[str], inexact: list[str]) -> list[str]:
    """The phones, a number written in scientific notation read as the number it is when every
    digit is written ("9.12345006E8" → "912345006"); one that may have lost digits
    ("9.12345E+08", Excel's display) goes to ``inexact`` (:mod:`app.importing.scinum`)."""
    if not any("e" in item or "E" in item for item in items):
        return items
    out = []
    for item in items:
        read = scientific(item)
        if read is None:
            out.append(item)
        elif read[1]:
            out.append(read[0])
        else:
            inexact.append(item)
    return out


def _split_phones(raw: list[Any], unknown: list[tuple[str, str]]) -> list[str]:
    """:func:`_split` of a phone cell, with a label before a number read as :func:`_split_emails`
    reads one before an address ("Di động: 0912 345 678" → "0912 345 678 (mobile)")."""
    items = _split(raw, _PHONE_SPLIT, phones=True)
    if not any(":" in item or "：" in item for item in items):
        return items
    out = []
    for item in items:
        found = _PHONE_PREFIX.match(item)
        if found is None:
            out.append(item)
            continue
        number, written = item[found.end() :], clean(found.group(1))
        named = label_of(written)
        if named is None:
            unknown.append((written, number))
        out.append(_labelled(number, named or ""))
    return out


def _word(table: dict[str, Any], value: Any, what: str, errors: Errors, name: str) -> Any:
    key = fold(as_text(value)).strip(" .")
    if key in table:
        return table[key]
    if table is DIRECTION_WORDS and (by_party := direction_by_party(key)) is not None:
        return by_party
    errors[name] = msg("not_known_word", value=clean(as_text(value)), what=Term(what))
    return None


def _date_value(value: Any, name: str, errors: Errors, *, with_time: bool) -> Any:
    """Dates pass through as dates; text is checked day-first here so that errors are early
    (a column written month first is read so before: :class:`DateOrders`)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return _ranged(value, name, errors)
    if value.__class__ is MonthFirst:
        return _ranged(value.date, name, errors)
    if value.__class__ is dt.time:
        # A date cell of 0 or a negative number: the reader gives 00:00, the number is not
        # known any more; noted "00:00:00" "as typed", the date was said kept where it was lost
        # (reviewer h118). (A cell of a time alone reads so too.)
        errors[name] = msg("date_no_day", value=value.strftime("%H:%M"))
        return None
    if value.__class__ is UnclearDate:
        errors[name] = msg("date_unclear", value=clean(value))
        return None
    if value.__class__ is NotAMonth:
        found = _NUMERIC_DATE.fullmatch(value)
        errors[name] = msg("date_not_a_month", value=clean(value), month=found.group(3) if found else "")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        # An Excel serial date that lost its format (CSV, a column formatted as number).
        day = dt.datetime(1899, 12, 30) + dt.timedelta(days=float(value))
        return day if with_time else day.date()
    parsed, error = _parse_date(as_text(value), with_time)
    if error:
        errors[name] = error
    return parsed


def _ranged(day: Any, name: str, errors: Errors) -> Any:
    """A date cell's date, or None and its error where it is outside the dates Ketnoi keeps
    (:mod:`app.dateranges`: Excel's 31/12/9999, a serial before March 1900)."""
    if (refused := dateranges.out_of_range(day)) is None:
        return day
    errors[name] = msg(
        "date_out_of_range", value=refused["value"], first=refused["first"], last=refused["last"]
    )
    return None


@lru_cache(maxsize=1 << 14)
def _parse_date(text: str, with_time: bool) -> tuple[Any, Message | None]:
    text = clean(text)
    try:
        return (v.datetime_(text) if with_time else v.date(text)), None
    except v.FieldError as exc:
        if exc.code == "date_out_of_range":
            return None, msg(
                "date_out_of_range", value=text, first=exc.values["first"], last=exc.values["last"]
            )
        return None, msg("invalid_date", value=text)
    except (ValueError, OverflowError):
        return None, msg("invalid_date", value=text)


# --- which way round a column writes its dates ---------------------------------------------------


class UnclearDate(str):
    """A date written with two numbers of 12 or less ("03/04/2026") in a column that writes its
    dates both day first and month first: it is not guessed (:class:`DateOrders`)."""

    __slots__ = ()


class MonthFirst(str):
    """A date's text in a column read month first ("12.13.2026"), with the date it is (13
    December): the date goes to its field; where the field refuses it (a last contact ahead of
    today) the notes keep the text as typed, not the date re-written day first (reviewer h109:
    "12.13.2026" was noted as "13/12/2026" under "kept in the notes as typed")."""

    date: Any


class NotAMonth(str):
    """A date that can only be month first ("03/15/2026") in a column that writes its dates day
    first: a slip, said on its row, never a reason to read the whole column otherwise
    (:class:`DateOrders`)."""

    __slots__ = ()


_NUMERIC_DATE = re.compile(
    r"\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})((?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*)", re.ASCII
)
_DAY_FIRST, _MONTH_FIRST, _BOTH, _NOT_A_MONTH = 1, 2, 3, 4
_MONTH_SHARE = 0.3
"""The share of a column's text dates that must be month first only for the column to be read
month first: in a column really written so, about 60% of dates have a day over 12."""


class DateOrders:
    """Which way round each date column of a sheet writes its dates as text, told from its own
    values. Vietnamese offices write the day first (25/03/2026); a partner abroad may write the
    month first (03/25/2026), and then 03/04/2026 is 4 March, not 3 April.

    :meth:`see` looks at every row's text dates as they are read (a number over 12 in the
    first place can only be a day, in the second place only a month); :meth:`redo` then says
    which rows must be cleaned again, with which values in place of their cells:

    - the values that can only be month first count only when they are a real share of the
      column's text dates: at least 30% of them, and two or more (or half of them, in a column
      of one or two text dates). A lone "03/15/2026" among day-first dates that all read both
      ways is a slip, not the column's way (a reviewer saw one such typo re-read every date of
      a Vietnamese column month first): the column stays day first and that row says so
      (:class:`NotAMonth`);
    - a column with a real share of them and none that can only be day first is read month
      first, every value of it (:meth:`said`: once, for the sheet, with an example row);
    - a column with both kinds, where those that can only be month first are a real share or
      at least as many as those that can only be day first, reads each value that reads one
      way only that way, and a value that reads both ways is not guessed
      (:class:`UnclearDate`): its row says so, as a warning with the value kept in the notes,
      or as an error where the date identifies the record (a meeting's start);
    - any other column (day first, or no telling) is read day first, as ever.

    Date cells (Excel dates) are dates: only text is looked at."""

    def __init__(self, columns: list[tuple[int, str]]) -> None:
        self.columns = columns  # (column, field) of the sheet's date fields
        # per column: the first row that can only be day first, and its text; the same for
        # month first; the rows that read both ways, and those that read month first only
        self.day_only: dict[int, tuple[int, str]] = {}
        self.month_only: dict[int, tuple[int, str]] = {}
        self.both: dict[int, list[int]] = {col: [] for col, _ in columns}
        self.month: dict[int, list[int]] = {col: [] for col, _ in columns}
        self.texts: dict[int, int] = dict.fromkeys((col for col, _ in columns), 0)  # text dates
        self.days: dict[int, int] = dict.fromkeys((col for col, _ in columns), 0)  # day first only

    @classmethod
    def of(cls, mapping: Mapping[int, str]) -> DateOrders | None:
        """The tracker for a sheet mapped so, or None when it maps no date field."""
        columns = [
            (col, name) for col, name in sorted(mapping.items()) if name in _DATES or name in _DATETIMES
        ]
        return cls(columns) if columns else None

    def see(self, rows: list[tuple[int, list[Any]]]) -> None:
        for col, _name in self.columns:
            both, month = self.both[col], self.month[col]
            for number, values in rows:
                value = values[col] if col < len(values) else None
                if value.__class__ is not str or (found := _NUMERIC_DATE.fullmatch(value)) is None:
                    continue
                first, second = int(found.group(1)), int(found.group(3))
                if not (first and second) or first > 31 or second > 31 or (first > 12 and second > 12):
                    continue  # (no date at all)
                self.texts[col] += 1
                if first == second:
                    continue  # (the same either way)
                if first > 12 and second <= 12:
                    self.day_only.setdefault(col, (number, clean(value)))
                    self.days[col] += 1
                elif second > 12 and first <= 12:
                    self.month_only.setdefault(col, (number, clean(value)))
                    month.append(number)
                elif first <= 12 and second <= 12:
                    both.append(number)

    def order(self, col: int) -> int:
        if col not in self.month_only:
            return _DAY_FIRST
        months, texts = len(self.month[col]), self.texts[col]
        real = months >= _MONTH_SHARE * texts and (months >= 2 or 2 * months >= texts)
        if col not in self.day_only:
            return _MONTH_FIRST if real else _NOT_A_MONTH
        return _BOTH if real or months >= self.days[col] else _NOT_A_MONTH

    def redo(self) -> dict[int, dict[int, Any]]:
        """Row → {column: the value to clean in place of the cell's text} for each row whose
        reading changes: read month first, or not guessed."""
        out: dict[int, dict[int, Any]] = {}
        for col, _name in self.columns:
            order = self.order(col)
            if order == _DAY_FIRST:
                continue
            for number in self.month[col]:
                out.setdefault(number, {})[col] = _NOT_A_MONTH if order == _NOT_A_MONTH else _MONTH_FIRST
            if order == _NOT_A_MONTH:
                continue
            for number in self.both[col]:
                out.setdefault(number, {})[col] = _MONTH_FIRST if order == _MONTH_FIRST else _BOTH
        return out

    def value(self, name: str, text: Any, how: int) -> Any:
        """What a cell's text becomes: the date it is read month first, as a :class:`MonthFirst`
        (the text as it is when that is no date: it is then said to be none, as ever), or an
        :class:`UnclearDate`."""
        if not isinstance(text, str):
            return text  # (the file changed since it was read: its cell as it is now)
        if how == _BOTH:
            return UnclearDate(text)
        if how == _NOT_A_MONTH:
            return NotAMonth(text)
        found = _NUMERIC_DATE.fullmatch(text)
        if found is None:
            return text
        first, sep, second, year, rest = found.groups()
        parsed, error = _parse_date(f"{second}{sep}{first}{sep}{year}{rest}", name in _DATETIMES)
        if error is not None:
            return text
        typed = MonthFirst(text)  # (the text as typed, for the notes should the date be refused)
        typed.date = parsed
        return typed

    def said(self) -> list[tuple[int, tuple[int, str], tuple[int, str] | None]]:
        """(column, the first (row, value) only month first, the first only day first, None in
        a column read month first) of each column not read day first."""
        return [
            (col, self.month_only[col], self.day_only.get(col))
            for col, _name in self.columns
            if self.order(col) in (_MONTH_FIRST, _BOTH)
        ]


# The longest name a reference may carry: what the record it creates can hold (an
# organisation's name, and its acronym when written "Name (ACR)"; a staff member's, a
# contact's or a meeting's name). PostgreSQL refuses longer text at commit.
_REF_LENGTH = {
    "organisation": 300, "organisations": 300, "parent": 300,
    "owner": 200, "responsible": 300, "counterpart": 300, "attendees": 300, "meeting": 500, "staff": 200,
}  # fmt: skip
_ORG_REFS = frozenset({"organisation", "organisations", "parent"})
_STAFF_REFS = frozenset({"owner", "responsible", "staff"})
"""References that name one of our staff (made a staff member when Ketnoi has none by the name)."""
_ACRONYM_LENGTH = 50


def _ref_length(name: str, texts: list[str], errors: Errors) -> None:
    limit = _REF_LENGTH[name]
    for text in texts:
        parts = split_acronym(text) if name in _ORG_REFS else (text, "")
        for part, most in zip(parts, (limit, _ACRONYM_LENGTH), strict=True):
            if len(part) > most:
                errors[name] = msg("too_long", length=len(part), most=most)
                return


_DATA, _REFS = 0, 1
_LIST_BRANCH = frozenset(
    {"emails", "phones", "tags", "sectors", "aliases", "organisations", "attendees", "staff"}
)
_KIND_TABLES: dict[str, dict[str, Any]] = {
    "organisation": ORG_KIND_WORDS,
    "meeting": MEETING_KIND_WORDS,
    "action": ACTION_KIND_WORDS,
}
_WORD_TABLES: dict[str, dict[str, Any]] = {
    "status": STATUS_WORDS,
    "direction": DIRECTION_WORDS,
    "priority": PRIORITY_WORDS,
    "active": ACTIVE_WORDS,
    "confidential": CONFIDENTIAL_WORDS,
}
for _key, _words in (  # the export's words for the codes, EN and VI (app.value_labels): read back
    (("organisation", "kind"), ORG_KIND_WORDS), (("meeting", "kind"), MEETING_KIND_WORDS),
    (("action", "kind"), ACTION_KIND_WORDS), (("action", "status"), STATUS_WORDS),
    (("action", "direction"), DIRECTION_WORDS), (("action", "priority"), PRIORITY_WORDS),
    (("staff", "active"), ACTIVE_WORDS),
):  # fmt: skip
    _words.update(value_labels.words(*_key))
_WORD_TERMS = {"active": "status"}  # (how the "not a known … word" message names the field)
_COUNTRY_CODE = re.compile(r"[a-z]{2}")


@lru_cache(maxsize=1)
def read_country(written: str) -> str | None:
    """The country code ``written`` names — a code, a name in either language as the office or
    the export writes it, or a place with one country ("Tokyo, Japan") — None when none or
    several: how an import's Country cell and the forms' Country box (app.countries) read."""
    text = clean(written)
    key = fold(text)
    code = key.upper() if _COUNTRY_CODE.fullmatch(key) else None
    # "AO" or "ao" is a code (Angola), "Áo" a name (Austria)
    out = COUNTRY_WORDS.get(key) or (code if text.isascii() else None) or _country_names().get(key)
    if out is None and len(named := countries_named(written)) == 1:
        out = named[0]  # "Tokyo, Japan" in a Country column
    return out


def _country_names() -> dict[str, str]:
    """Every country's name as the export writes it (:func:`app.value_labels.country_name`, in
    English and Vietnamese: "Czech Republic", "Cộng hòa Séc"), folded, to its code: an exported
    workbook's country reads back as the code it was. A name two codes share is left out."""
    from phonenumbers.geodata.locale import LOCALE_DATA  # (loaded only for a rarer country)

    found: dict[str, set[str]] = {}
    for code in [*value_labels.COUNTRIES, *(c for c in LOCALE_DATA if len(c) == 2 and c.isalpha())]:
        for lang in ("en", "vi"):
            name = value_labels.country_name(code, lang)
            if name and name != code:
                found.setdefault(fold(name), set()).add(code)
    return {k: next(iter(codes)) for k, codes in found.items() if len(codes) == 1}


_YES_NO = frozenset({"active", "confidential"})
"""Fields whose value is a yes/no: a TRUE/FALSE (checkbox) cell is theirs as it is."""
_SINGLE_REFS = frozenset({"organisation", "owner", "parent", "responsible", "counterpart", "meeting"})


def _cell(kind: str, name: str, value: Any) -> tuple[int, Any, str | Message | None]:
    """One cell of a field that takes one value: (where it goes, what it becomes, what is
    wrong with it). Pure: the same (kind, field, value) always gives the same answer.

    A TRUE/FALSE cell (an Excel checkbox, a yes/no column) in a field that is not a yes/no is
    no value of it: never the text "TRUE" (reviewer: a checkbox column mapped to Organisation
    made an organisation named "TRUE"). It is an error; on a field that does not identify the
    record, :func:`keep_as_typed` leaves it out with a warning."""
    if value.__class__ is bool and name not in _YES_NO:
        checkbox = msg("checkbox_value", value=as_text(value))
        return (_REFS, "", checkbox) if name in _SINGLE_REFS else (_DATA, _ABSENT, checkbox)
    errors: Errors = {}
    out: Any
    if name in _SINGLE_REFS:
        text = clean(as_text(value))
        if text:
            _ref_length(name, [text], errors)
            if name in _STAFF_REFS and name not in errors and looks_like_unit(text):
                # "Phụ trách: Phòng Hợp tác": a department, not one of our staff (app.importing.units)
                errors[name] = msg("unit_not_person", value=text)
        return _REFS, text, errors.get(name)
    if name in _DATES:
        out = _date_value(value, name, errors, with_time=False)
    elif name == "starts_at" and (
        value.__class__ is dt.date
        or (isinstance(value, str) and ":" not in value and not _SERIAL.fullmatch(value))
    ):
        # a day without a time: kept a date here, so that the row says so (:func:`prepare_row`)
        # and the meetings already logged that day are compared whole-day (app.importing.logbook)
        out = _date_value(value, name, errors, with_time=False)
    elif name in _DATETIMES:
        out = _date_value(value, name, errors, with_time=True)
    elif name == "start_time":
        out = time_of_day(value)
        if out is None:
            errors[name] = msg("not_a_time", value=clean(as_text(value)))
    elif name == "kind":
        out = _word(_KIND_TABLES.get(kind, {}), value, "kind", errors, name)
    elif name in _WORD_TABLES:
        out = _word(_WORD_TABLES[name], value, _WORD_TERMS.get(name, name), errors, name)
    elif name == "country":
        out = read_country(as_text(value))
        if out is None:
            errors[name] = msg("country_code", value=clean(as_text(value)))
    elif name in ("influence", "interest"):
        if isinstance(value, float) and not math.isfinite(value):
            return _DATA, _ABSENT, msg("not_1_to_5", value=value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out = value
        else:
            out = clean(as_text(value))
    elif name in _MULTILINE:
        texts = value if isinstance(value, list) else [value]
        out = "\n".join(clean_multiline(as_text(t)) for t in texts)
    elif kind == "staff" and name == "email":  # (a staff member has one: checked here, worded)
        out = clean(as_text(value))
        try:
            out = v.email(out)
        except v.FieldError:
            errors[name] = msg("invalid_email", value=out)
    elif (kind == "contact" and name in _PERSON_NAME) or (kind == "staff" and name == "name"):
        raw = as_text(value)
        out = person_case(clean(raw), whole=name in ("full_name", "name"))
        if name in ("full_name", "name") and (two := two_people(raw)) is not None:
            errors[name] = msg("two_people", first=two[0], second=two[1])
    else:
        out = clean(as_text(value))
    return _DATA, out, errors.get(name)


_PERSON_NAME = frozenset(
    {"full_name", "family_name", "middle_name", "given_name", "family_middle", "middle_given"}
)


def person_case(text: str, *, whole: bool = True) -> str:
    """A person's name written all in capitals ("NGUYỄN VĂN AN", as official lists write them)
    or all in small letters ("ngô bảo châu") with a capital to each word, as names are written;
    a name in mixed case is left as its owner writes it ("McDonald", "de la Cruz"). The particles
    of a Western family name stay in small letters ("PIETER VAN DER BERG" → "Pieter van der
    Berg"; a middle-name cell "van der", as Ketnoi's own export wrote it, stays: reviewer h119
    found "Van Der"), not "Van" before a Vietnamese word ("NGUYEN VAN AN"). ``whole``: the
    cell is a whole name, which a Vietnamese family name first keeps Vietnamese (the import's
    fast path title-cases those alike)."""
    if not (text.isupper() or text.islower()):
        return text
    titled = text.title()
    words = titled.split(" ")
    if len(words) < 2 or (whole and _is_surname(words[0])):
        return titled
    return " ".join(particles_in_small_letters(words))


_ABSENT = object()
_CELLS: dict[str, tuple[dict[Any, tuple[int, Any, str | Message | None]], list[int]]] = {}
CELL_MEMO_SIZE = 50_000
"""Cells :func:`to_input` remembers per field. Organisations, positions, dates, countries and
notes repeat down a sheet; a field whose values do not (names) stops being remembered after
its first few thousand."""


def _cell_memo(kind: str, name: str, value: Any) -> tuple[int, Any, str | Message | None]:
    if isinstance(value, list):
        return _cell(kind, name, value)
    # Text is its own key; other values carry their type (1, 1.0 and True are equal keys).
    key = value if value.__class__ is str else (value.__class__, value)
    if name == "kind":
        key = (kind, key)
    memo = _CELLS.get(name)
    if memo is None:
        memo = _CELLS[name] = ({}, [0, 0])
    cells, stats = memo
    hit = cells.get(key)
    if hit is not None:
        stats[1] += 1
        return hit
    answer = _cell(kind, name, value)
    stats[0] += 1  # values seen for the first time, and (above) seen again
    if stats[0] < 2000 or stats[0] < stats[1]:
        if len(cells) >= CELL_MEMO_SIZE:
            cells.clear()
        cells[key] = answer
    return answer


def to_input(
    kind: str, raw: Values, warnings: list[Message] | None = None, headers: Mapping[str, str] | None = None
) -> tuple[Values, Values, Errors]:
    """Service input, references by name, and errors for one row's raw values.

    References (``organisation``, ``owner``…) are returned apart: they are resolved to ids
    against the database and the rest of the file when the row is matched. With a
    ``warnings`` list, what does not identify the record is kept and warned about instead of
    being an error (:func:`keep_as_typed`).
    """
    data: Values = {}
    refs: Values = {}
    errors: Errors = {}
    unknown: list[tuple[str, str]] = []  # (a word before an email or phone that is no label, it)
    inexact: list[str] = []  # phones in scientific notation that may have lost digits
    for name, cell in raw.items():
        value = cell
        if name in _LIST_BRANCH:
            if isinstance(value, list) and any(item.__class__ is bool for item in value):
                value = _checkboxes_apart(name, value, errors, warnings)
                if not value:
                    continue
            if name == "emails":
                data["emails"] = _split_emails(value, unknown)
            elif name == "phones":
                data["phones"] = _scientific_apart(_split_phones(value, unknown), inexact)
            elif name in ("tags", "sectors", "aliases"):
                data[name] = _split(value, _LIST_SPLIT)
            else:
                refs[name] = _split(value, _NAME_LIST_SPLIT)
                _ref_length(name, refs[name], errors)
            continue
        where, out, error = _cell_memo(kind, name, value)
        if where == _REFS:
            if out:
                refs[name] = out
        elif out is not _ABSENT:
            data[name] = out
        if error is not None:
            errors[name] = error
    if (
        kind == "organisation"
        and data.get("name")
        and "acronym" not in raw
        and "acronym" not in (headers or {})
    ):
        # "Full name (ACR)" in a sheet with no acronym column; where the sheet has one (Ketnoi's
        # own export does), a name that ends in brackets is the name as written, also in a row
        # whose acronym cell is empty (reviewer h109: an organisation saved as "Samsung
        # Electronics Việt Nam (SEV)", exported and imported again, came back as a second one,
        # "Samsung Electronics Việt Nam", acronym SEV).
        name, acronym = split_acronym(data["name"])
        if acronym:
            data["name"], data["acronym"] = name, acronym
    if kind == "organisation":
        _country_from_location(data, warnings)
    if kind == "contact":
        _join_name_columns(data)
        if "full_name" not in raw and data.get("full_name"):
            _two_people_over_columns(raw, data, errors)
        for written, item in unknown:  # (after the loop: the notes are in data now)
            column = "emails" if "@" in item else "phones"
            _keep_in_notes(kind, data, column, f"{written}: {item}", headers)
            if warnings is not None:
                warnings.append(warning("value_kept_in_notes", column=column, value=_shown(written)))
        for item in inexact:
            if warnings is None:
                errors.setdefault("phones", msg("phone_scientific", value=_shown(item)))
                continue
            _keep_in_notes(kind, data, "phones", item, headers)
            warnings.append(warning("phone_scientific", column="phones", value=_shown(item)))
    for key in [k for k, val in data.items() if val is None]:
        del data[key]
    if kind == "contact" and "last_contacted_on" in data:
        _last_contact_not_ahead(data, errors)
    if warnings is not None and errors:
        keep_as_typed(kind, raw, data, refs, errors, warnings, headers)
    if "staff" in refs and "staff" not in errors:  # (after the loop: the notes are in data now)
        _units_apart(kind, "staff", refs, data, errors, warnings, headers)
    return data, refs, errors


def _last_contact_not_ahead(data: Values, errors: Errors) -> None:
    """A last-contacted date after tomorrow is no contact that has happened
    (app.entities.last_contact_too_late): an error on the cell, which :func:`keep_as_typed` turns
    into a warning, the date left out of the field and kept in the notes as typed, as every
    impossible value of a field that does not identify the record (reviewer: a row dated
    20/12/2026, today 06/12/2026, was an update "without a word")."""

    day = data["last_contacted_on"]
    if isinstance(day, dt.datetime):
        day = day.date()
    if isinstance(day, dt.date) and last_contact_too_late(day) is not None:
        del data["last_contacted_on"]
        errors["last_contacted_on"] = msg(
            "last_contact_ahead", value=day.strftime("%d/%m/%Y"), today=clock.today().strftime("%d/%m/%Y")
        )


def _checkboxes_apart(
    name: str, items: list[Any], errors: Errors, warnings: list[Message] | None
) -> list[Any]:
    """A list's items without its TRUE/FALSE cells, each said (a warning; without a ``warnings``
    list, an error): a checkbox is no email, phone, tag or name."""
    for item in items:
        if item.__class__ is bool:
            if warnings is None:
                errors.setdefault(name, msg("checkbox_value", value=as_text(item)))
            else:
                warnings.append(warning("checkbox_left_out", column=name, value=as_text(item)))
    return [item for item in items if item.__class__ is not bool]


# --- warnings, not rejections --------------------------------------------------------------

IDENTITY: dict[str, frozenset[str]] = {
    "organisation": frozenset({"name"}),
    "contact": frozenset(
        {"full_name", "given_name", "family_name", "middle_name", "family_middle", "middle_given"}
    ),
    "meeting": frozenset({"title", "starts_at"}),
    "action": frozenset({"title"}),
    "staff": frozenset({"name", "email", "active"}),  # (no notes to keep a value in)
}
"""Fields that say which record a row is: a problem there rejects the row; elsewhere it is a
warning and the value is kept as typed."""

NOTES_FIELD = {"organisation": "notes", "contact": "notes", "meeting": "minutes", "action": "notes"}
"""Where a value that cannot be stored in its own field is kept."""

_SHOWN = 80  # characters of a kept value a warning repeats (the notes keep all of it)


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _raw_text(value: Any) -> str:
    items = value if isinstance(value, list) else [value]
    return "; ".join(clean_multiline(as_text(x)) for x in items if x is not None)


def field_headers(mapping: Mapping[int, str], headers: list[str]) -> dict[str, str]:
    """Field → the sheet's own header of its (first) column: what a kept value is noted under."""
    out: dict[str, str] = {}
    for col, name in sorted(mapping.items()):
        if col < len(headers) and headers[col] and name not in out:
            out[name] = clean(headers[col])
    return out


def _keep_in_notes(kind: str, data: Values, name: str, text: str, headers: Mapping[str, str] | None) -> None:
    """``text`` added to the record's notes under its column's header (the sheet's own, else
    the field's)."""
    target = NOTES_FIELD[kind]
    header = (headers or {}).get(name, "")
    if not header:
        try:
            header = fs.spec(kind, name).header
        except KeyError:
            header = name
    line = f"{header}: {text}"
    data[target] = f"{data[target]}\n{line}" if data.get(target) else line


SOURCE = "\0source"
"""The key, among the ``headers`` a row is cleaned with, of where the row comes from ("“Danh
bạ”, dòng 12": :func:`row_source`), for what is kept in the notes to say so."""


def row_source(sheet: str, row: int) -> str:
    """Where a row comes from, as a note says it: "“Danh bạ”, dòng 12" (a CSV file's sheet is
    the file's name without its extension)."""
    return f"“{sheet}”, dòng {row}"


_SOURCED = re.compile(r"^Nhập từ “[^”]*”, dòng \d+: ")


def kept_what(line: str) -> str:
    """A line of the notes without the source :func:`_keep_unusable` gave it: the same invalid
    email kept from two rows of a sheet is one line of the notes, not two."""
    return _SOURCED.sub("", line)


def _keep_unusable(name: str, what: str, text: str, data: Values, headers: Mapping[str, str] | None) -> None:
    """An email or a phone that is none kept in a contact's notes, saying what it is and where it
    came from when the row's source is known: "Nhập từ “Danh bạ”, dòng 12: email không hợp lệ
    “khong-co-email”". Under the column's header alone ("Email: khong-co-email"), appended from a
    duplicate row to the kept contact's notes and printed on their brief, it read as an address
    recorded for them (reviewer h149). Notes are stored in the office's language, Vietnamese, as
    the other notes Ketnoi writes (a letter's)."""
    source = (headers or {}).get(SOURCE, "")
    if not source:
        _keep_in_notes("contact", data, name, text, headers)
        return
    line = f"Nhập từ {source}: {what} “{text}”"
    data["notes"] = f"{data['notes']}\n{line}" if data.get("notes") else line


def _keep_contact_methods(data: Values, warnings: list[Message], headers: Mapping[str, str] | None) -> None:
    """Each email and phone of a contact on its own: an email that is no address goes to the
    notes; a phone that is possible but unknown to libphonenumber is kept unverified (E.164),
    one that is not even possible goes to the notes (:func:`_keep_unusable`, saying what it is).
    The valid ones stay as they are."""
    emails = []
    for item in data.get("emails") or []:
        try:
            v.email(item)
        except v.FieldError:
            _keep_unusable("emails", "email không hợp lệ", item, data, headers)
            warnings.append(warning("email_kept_in_notes", column="emails", value=_shown(item)))
            continue
        emails.append(item)
    phones = []
    for item in data.get("phones") or []:
        try:  # (valid: kept as it is; possible only: kept unverified, in E.164)
            e164, valid = v.phone_checked(item)
        except v.FieldError:
            _keep_unusable("phones", "số điện thoại không hợp lệ", item, data, headers)
            warnings.append(warning("value_kept_in_notes", column="phones", value=_shown(item)))
            continue
        if not valid:
            warnings.append(warning("phone_unverified", column="phones", value=_shown(item)))
            phones.append(e164)
            continue
        phones.append(item)
    for name, items in (("emails", emails), ("phones", phones)):
        if name in data:
            data[name] = items


def _units_apart(
    kind: str,
    name: str,
    refs: Values,
    data: Values,
    errors: Errors,
    warnings: list[Message] | None,
    headers: Mapping[str, str] | None,
) -> None:
    """A department among our staff ("Cán bộ dự: Phòng Hợp tác; Nguyễn Văn An") is not made a
    staff member: with a ``warnings`` list it leaves the list for the notes, with a warning;
    without one it is an error. The people named beside it stay."""
    units = [t for t in refs[name] if looks_like_unit(t)]
    if not units:
        return
    if warnings is None:
        errors.setdefault(name, msg("unit_not_person", value=units[0]))
        return
    refs[name] = [t for t in refs[name] if t not in units]
    if not refs[name]:
        del refs[name]
    for text in units:
        _keep_in_notes(kind, data, name, text, headers)
        warnings.append(warning("unit_kept_in_notes", column=name, value=_shown(text)))


def keep_as_typed(
    kind: str,
    raw: Values,
    data: Values,
    refs: Values,
    errors: Errors,
    warnings: list[Message],
    headers: Mapping[str, str] | None = None,
) -> None:
    """Turn every error on a field that does not identify the record into a warning: the
    value leaves its field and is kept, as typed, in the notes. (Emails and phones are
    checked one by one only when the service refuses the row's: :func:`prepare_row`.)"""
    for name in [n for n in errors if n not in IDENTITY[kind] and n != "confidential"]:
        # (a confidential mark not read rejects its row: imported as ordinary, every officer of
        # a team database would see the record)
        error = errors.pop(name)
        data.pop(name, None)
        refs.pop(name, None)
        if isinstance(error, Message) and error.code == "checkbox_value":
            warnings.append(warning("checkbox_left_out", column=name, value=error.params["value"]))
            continue  # (a checkbox's TRUE is no text to keep)
        if isinstance(error, Message) and error.code == "date_no_day":
            warnings.append(warning("date_no_day_left_out", column=name, **error.params))
            continue  # ("00:00:00" is not what the cell holds)
        text = _raw_text(raw.get(name))
        if not text:
            continue
        _keep_in_notes(kind, data, name, text, headers)
        code = "date_kept_as_typed" if name in _DATES or name == "ends_at" else "value_kept_in_notes"
        if isinstance(error, Message) and error.code == "unit_not_person":
            code = "unit_kept_in_notes"
        elif isinstance(error, Message) and error.code == "date_unclear":
            code = "date_unclear_kept"
        elif isinstance(error, Message) and error.code == "last_contact_ahead":
            code = "last_contact_ahead_kept"
            warnings.append(warning(code, column=name, **error.params))
            continue
        elif isinstance(error, Message) and error.code == "date_out_of_range":
            warnings.append(
                warning("date_out_of_range_kept", column=name, **{**error.params, "value": _shown(text)})
            )
            continue
        elif isinstance(error, Message) and error.code == "date_not_a_month":
            warnings.append(warning("date_not_a_month_kept", column=name, **error.params))
            continue
        elif kind == "action" and name in _DEFAULTED:  # it is not left empty: say what it is
            code = _DEFAULTED[name]
        warnings.append(warning(code, column=name, value=_shown(text)))


_DEFAULTED = {
    "direction": "direction_defaulted",
    "status": "status_defaulted",
    "priority": "priority_defaulted",
}
"""An action's field that has a value whatever the cell says: a cell not read says which."""


_TIME = re.compile(
    r"(\d{1,2})\s*(?::|h|g|giờ|\.)\s*(\d{2})?\s*(?:phút|p)?\s*(am|pm|sáng|chiều|tối|trưa)?",
    re.IGNORECASE,
)


def time_of_day(value: Any) -> dt.time | None:
    """A meeting's time as offices write it: a time cell, a day's fraction (a time cell that
    lost its format), "14:30", "14h30", "14h", "14 giờ 30", "2:30 PM", "9h sáng"; else None."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, dt.timedelta) and dt.timedelta(0) <= value < dt.timedelta(days=1):
        minutes = round(value.total_seconds() / 60)
        return dt.time(*divmod(minutes, 60)) if minutes < 24 * 60 else None
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(*divmod(minutes, 60)) if minutes < 24 * 60 else None
    found = _TIME.fullmatch(clean(as_text(value)).strip()) if isinstance(value, str) else None
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    part = (found.group(3) or "").lower()
    if part in ("pm", "chiều", "tối") and hour < 12:
        hour += 12
    elif part == "am" and hour == 12:
        hour = 0
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


_SERIAL = re.compile(r"\s*\d+(?:\.\d+)?\s*")
"""A number written as text (an Excel serial date that lost its format): read as before."""


def prepare_row(
    kind: str, data: Values, warnings: list[Message] | None = None, headers: Mapping[str, str] | None = None
) -> Prepared:
    """``PREPARE[kind]`` for an imported row. With ``warnings``, a field the service refuses
    that does not identify the record (too long, out of range, not a web address…) leaves the
    row's data for its notes, with a warning, and the row is checked again; only problems with
    the record's identity raise :class:`ValidationError`.

    An action the sheet says is done, with no completion date, is dated by its due date when
    that is not after today, with a warning that says so: the day of the import is not the day
    it was done (an office reviewer found last year's actions "completed" on the import's day),
    and an undated done action is missed where work is counted by completion date (a digest's
    "completed" list, a record's timeline: a reviewer's "Xong" action was in neither). With no
    such due date it keeps none, and the warning says to enter it."""
    if kind == "meeting":
        _join_time_and_notes(data, headers)
    day_only = kind == "meeting" and data.get("starts_at").__class__ is dt.date
    prepared = _prepare_row(kind, data, warnings, headers)
    if day_only and warnings is not None:  # (the service starts it at 09:00, as Log meeting does)
        warnings.append(warning("time_assumed", column="starts_at"))
    if (
        kind == "action"
        and prepared.columns.get("status") == "done"
        and data.get("completed_on") in (None, "")
    ):
        due = prepared.columns.get("due_date")
        dated = due if isinstance(due, dt.date) and due <= clock.today() else None
        prepared.columns["completed_on"] = dated
        if warnings is not None:
            warnings.append(
                warning("done_dated_by_due", column="status", date=dated.strftime("%d/%m/%Y"))
                if dated
                else warning("done_undated", column="status")
            )
    return prepared


def _join_time_and_notes(data: Values, headers: Mapping[str, str] | None) -> None:
    """A meetings sheet's "Giờ" joined to its day (over a time the day's cell held: the column
    says it); its "Ghi chú" kept in the minutes under its header (a meeting has no notes)."""
    at = data.pop("start_time", None)
    starts = data.get("starts_at")
    if isinstance(at, dt.time) and isinstance(starts, dt.date):
        day = starts.date() if isinstance(starts, dt.datetime) else starts
        data["starts_at"] = dt.datetime.combine(day, at)
    notes = data.pop("notes", None)
    if notes:
        _keep_in_notes("meeting", data, "notes", str(notes), headers)


def _prepare_row(
    kind: str, data: Values, warnings: list[Message] | None, headers: Mapping[str, str] | None
) -> Prepared:
    for _ in range(8):
        try:
            return PREPARE[kind](None, data, None)
        except ValidationError as exc:
            if warnings is None:
                raise
            if kind == "contact" and {"emails", "phones"} & exc.errors.keys():
                # Most rows pass at the first check; only a refused row's list is gone through
                # item by item (a second check of every number cost 40% of the cleaning).
                _keep_contact_methods(data, warnings, headers)
                continue
            names = {key: SERVICE_FIELD.get(key, key) for key in exc.errors}
            if any(n in IDENTITY[kind] or key not in data for key, n in names.items()):
                raise
            for key, name in names.items():
                text = _raw_text(data.pop(key))
                if text:
                    _keep_in_notes(kind, data, name, text, headers)
                    warnings.append(warning("value_kept_in_notes", column=name, value=_shown(text)))
    return PREPARE[kind](None, data, None)


_NAME_PARTS = ("family_middle", "family_name", "middle_name", "middle_given", "given_name")


def _two_people_over_columns(raw: Values, data: Values, errors: Errors) -> None:
    """Two people in a name split over columns ("Hoàng Minh" | "Anh và Bùi Thu Hà"), an error as
    in one "Họ và tên" cell (:func:`two_people`), on the column that joins them."""
    two = two_people(data["full_name"])
    if two is None:
        return
    parts = [name for name in _NAME_PARTS if name in raw]
    joining = [name for name in parts if MAYBE_TWO.search(as_text(raw[name]))]
    name = (joining or parts or ["full_name"])[0]
    errors.setdefault(name, msg("two_people", first=two[0], second=two[1]))


def _join_name_columns(data: Values) -> None:
    """A name split over columns the way Vietnamese forms split it ("Họ và tên đệm" | "Tên",
    or "Họ" | "Tên đệm và tên") gives every part, and the full name joined in its owner's order
    when the sheet has no full-name column: no part is ever dropped."""
    family_middle = (data.pop("family_middle", None) or "").split()
    middle_given = (data.pop("middle_given", None) or "").split()
    if family_middle:
        data["family_name"] = data.get("family_name") or family_middle[0]
        data["middle_name"] = data.get("middle_name") or " ".join(family_middle[1:])
    if middle_given:
        data["given_name"] = data.get("given_name") or middle_given[-1]
        data["middle_name"] = data.get("middle_name") or " ".join(middle_given[:-1])
    family = (data.get("family_name") or "").split()
    if len(family) > 1 and data.get("given_name") and not data.get("middle_name"):
        # "Họ" | "Tên" = "Dương Bảo" | "Nam": a Vietnamese form's "Họ" often holds the family and
        # middle names ("Họ và tên đệm"); split as the full name "Dương Bảo Nam" is (split_name),
        # so that the two files give the same parts (reviewer h109). "Van der Berg" | "Jan" stays.
        joined = join_name(" ".join(family), "", data["given_name"]).split()
        capitals = all(w[:1].isupper() for w in family)  # ("van der Berg": a Dutch family name)
        if capitals and joined[: len(family)] == family:  # (written family first: a Vietnamese name)
            data["family_name"], data["middle_name"] = family[0], " ".join(family[1:])
    parts = [data.get(k) or "" for k in ("family_name", "middle_name", "given_name")]
    if not data.get("full_name") and any(parts):
        data["full_name"] = join_name(*parts)


_MODELS: dict[str, type[Any]] = {
    "organisation": m.Organisation, "contact": m.Contact, "meeting": m.Meeting, "action": m.Action,
    "staff": m.Staff,
}  # fmt: skip


def service_error(kind: str, key: str, error: str | Message, data: Values) -> str | Message:
    """A service's refusal of ``key`` as the import says it: a value longer than its column
    (a 32,000-character cell in a name column) as a coded "too long" message with its length
    and the column's limit, worded in the reader's language (the service's own text is
    English); any other refusal as the service worded it."""
    value = data.get(key)
    limit = _lengths(_MODELS[kind]).get(key) if kind in _MODELS else None
    if isinstance(error, str) and isinstance(value, str) and limit is not None and len(value) > limit:
        return msg("too_long", length=len(value), most=limit)
    return error


# Service error keys that name a column by another name than the importer's field.
SERVICE_FIELD = {
    "organisation_id": "organisation",
    "owner_id": "owner",
    "parent_id": "parent",
    "responsible_staff_id": "responsible",
    "responsible_contact_id": "responsible",
    "meeting_id": "meeting",
    "organisation_ids": "organisations",
    "staff_ids": "staff",
    "attendees": "attendees",
    "given_name": "full_name",
}
