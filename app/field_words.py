"""What a service says about a field (a :class:`app.validation.FieldError`, a form's refusal),
in English and Vietnamese: one table, keyed by the problem's code.

The services write the English (``FieldError("not_date", text="31/02/2026")`` says
``"31/02/2026" is not a date (expected day/month/year, e.g. 05/04/2025)``); whoever shows it
gives it in its reader's language with :func:`say`: the command line (``app.cli_lines``) and
the window alike (``ui.service_words``, by the window's language). The window showed these in
English in a Vietnamese window (reviewer: New action, Due "31/02/2026"); the CLI had the
Vietnamese, in a table of its own.

A message travels as its English text (a ``ValidationError`` maps each field to a sentence,
``--json`` prints it): :func:`read` finds the code and the values again from the English, by
the same templates that wrote it, so the two languages cannot drift apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# code: (English, Vietnamese); {name} is a value. Order matters where one template reads
# another's text too: the more particular first.
WORDS: dict[str, tuple[str, str]] = {
    # app.validation
    "email_empty": ("email address is empty", "địa chỉ email đang để trống"),
    # the email library's reasons, in words of our own (its English: "An email address must
    # have an @-sign.", "The part after the @-sign is not valid. It should have a period.")
    "email_no_at": (
        '"{text}" is not a valid email address (it has no @)',
        "“{text}” không phải địa chỉ email hợp lệ (thiếu dấu @)",
    ),
    "email_nothing_before_at": (
        '"{text}" is not a valid email address (nothing before the @)',
        "“{text}” không phải địa chỉ email hợp lệ (không có gì trước dấu @)",
    ),
    "email_nothing_after_at": (
        '"{text}" is not a valid email address (nothing after the @)',
        "“{text}” không phải địa chỉ email hợp lệ (không có gì sau dấu @)",
    ),
    "email_dots": (
        '"{text}" is not a valid email address (a dot or a hyphen in the wrong place)',
        "“{text}” không phải địa chỉ email hợp lệ (dấu chấm hoặc dấu gạch nối đặt sai chỗ)",
    ),
    "email_characters": (
        '"{text}" is not a valid email address (it has characters an address cannot have)',
        "“{text}” không phải địa chỉ email hợp lệ (có ký tự không được dùng trong địa chỉ email)",
    ),
    "email_too_long": (
        '"{text}" is not a valid email address (it is too long)',
        "“{text}” không phải địa chỉ email hợp lệ (quá dài)",
    ),
    "email_reserved": (
        '"{text}" is not a valid email address (the part after the @ is a reserved name, not a real domain)',
        "“{text}” không phải địa chỉ email hợp lệ (phần sau dấu @ là tên dành riêng, không phải tên miền thật)",
    ),
    "email_domain": (
        '"{text}" is not a valid email address (the part after the @ is not a domain such as example.com)',
        "“{text}” không phải địa chỉ email hợp lệ (phần sau dấu @ không phải tên miền như example.com)",
    ),
    "email_invalid": ('"{text}" is not a valid email address', "“{text}” không phải địa chỉ email hợp lệ"),
    "phone_empty": ("phone number is empty", "số điện thoại đang để trống"),
    "phone_invalid": ('"{text}" is not a valid phone number', "“{text}” không phải số điện thoại hợp lệ"),
    "date_empty": ("date is empty", "ngày đang để trống"),
    "not_date": (
        '"{text}" is not a date (expected day/month/year, e.g. 05/04/2025)',
        "“{text}” không phải ngày (hãy ghi ngày/tháng/năm, ví dụ 05/04/2025)",
    ),
    "date_out_of_range": (
        '"{text}" is outside the dates Ketnoi keeps ({first} to {last})',
        "“{text}” nằm ngoài khoảng ngày Ketnoi lưu (từ {first} đến {last})",
    ),
    "not_time": ('"{text}" is not a time of day', "“{text}” không phải giờ trong ngày"),
    "not_country": (
        '"{value}" is not a country Ketnoi knows: write its name ("Germany", "Đức") or its two-letter code ("DE")',
        "“{value}” không phải quốc gia Ketnoi biết: hãy ghi tên (“Đức”, “Germany”) hoặc mã hai chữ cái (“DE”)",
    ),
    "unknown_zone": (
        '"{zone}" is not a time zone Ketnoi knows: write it as an offset ("21:00 +09:00"), a zone ("21:00 Asia/Tokyo") or a city ("21:00 Tokyo")',
        "“{zone}” không phải múi giờ Ketnoi biết: hãy ghi độ lệch (“21:00 +09:00”), tên múi giờ (“21:00 Asia/Tokyo”) hoặc thành phố (“21:00 giờ Tokyo”)",
    ),
    "rating_not_number": ('"{value}" is not a number from 1 to 5', "“{value}” không phải số từ 1 đến 5"),
    "rating_outside": (
        "{value} is outside the scale 1 (low) to 5 (high)",
        "{value} nằm ngoài thang từ 1 (thấp) đến 5 (cao)",
    ),
    "not_choice": (
        '"{value}" is not a {what}; use one of: {allowed}',
        "“{value}” không phải {what} hợp lệ; hãy dùng một trong: {allowed}",
    ),
    "not_web_address": ('"{text}" is not a web address', "“{text}” không phải địa chỉ trang web"),
    # app.bulk_edit, app.letters.fields
    "priority": (
        "priority is 1 (high), 2 (normal) or 3 (low)",
        "mức ưu tiên là 1 (cao), 2 (bình thường) hoặc 3 (thấp)",
    ),
    "not_id": ('"{value}" is not a {what} id', "“{value}” không phải mã {what}"),
    "not_id_an": ('"{value}" is not an {what} id', "“{value}” không phải mã {what}"),
    "ref_in_trash_by": (
        '"{label}" was deleted by {actor} ({at}); it is in the trash',
        "“{label}” đã bị {actor} xóa ({at}); hồ sơ đang ở thùng rác",
    ),
    "ref_in_trash": (
        '"{label}" was deleted; it is in the trash',
        "“{label}” đã bị xóa; hồ sơ đang ở thùng rác",
    ),
    "no_such_id": ("there is no {what} with id {ident}", "không có {what} nào mang mã {ident}"),
    "not_post_id": ("not a post id: {value}", "không phải mã chức vụ: {value}"),
    "no_such_post": ("there is no post #{ident}", "không có chức vụ #{ident}"),
    # app.entities: a form's refusals beside its fields
    "name_required": ("a name is required", "cần nhập tên"),
    "title_required": ("a title is required", "cần nhập tiêu đề"),
    "when_required": ("a date and time is required", "cần nhập ngày và giờ"),
    "ends_before_start": ("the meeting ends before it starts", "cuộc họp kết thúc trước khi bắt đầu"),
    "what_required": ("say what is to be done", "hãy ghi việc cần làm"),
    "own_parent": (
        "an organisation cannot be its own parent or a parent of its parent",
        "một tổ chức không thể trực thuộc chính nó hoặc trực thuộc một đơn vị cấp dưới của nó",
    ),
    "file_name_required": ("a file name is required", "cần có tên tệp"),
    "tag_required": ("name at least one tag", "hãy ghi ít nhất một nhãn"),
    "already_exists": ('"{value}" already exists (id {ident})', "“{value}” đã có (mã {ident})"),
    "too_long": (
        "is {length} characters long; at most {limit} fit",
        "dài {length} ký tự, trong khi tối đa chỉ được {limit} ký tự",
    ),
    "tag_too_long": (
        '"{value}" is {length} characters long; a tag holds at most {limit}',
        "“{value}” dài {length} ký tự, trong khi mỗi nhãn tối đa {limit} ký tự",
    ),
    "yes_no_quoted": ("yes or no, not '{value}'", "có hoặc không, không phải “{value}”"),
    "yes_no": ("yes or no, not {value}", "có hoặc không, không phải {value}"),
    "contacted_in_future": (
        "{day} is after today ({today}): a last contact cannot be in the future",
        "{day} là ngày sau hôm nay ({today}): lần liên hệ gần nhất không thể ở tương lai",
    ),
    # app.actions.check_due_dates (Reschedule, the bulk bar)
    "due_before_meeting": (
        "the due date is before the meeting it came from ({day})",
        "hạn xử lý sớm hơn cuộc họp đã giao việc này ({day})",
    ),
    "due_before_meetings": (
        "{count} of the actions come from meetings held after their new due dates",
        "{count} việc được giao từ các cuộc họp diễn ra sau hạn mới của chúng",
    ),
    "due_before_meetings_on": (
        "{count} of the actions come from meetings held after {day}",
        "{count} việc được giao từ các cuộc họp diễn ra sau ngày {day}",
    ),
}

# What a coded value is (app.validation.choice's ``what``), and a record kind named in a
# refusal ("is not a contact id"), in Vietnamese.
_WHAT_VI = {
    "kind of organisation": "loại tổ chức",
    "kind of meeting": "loại cuộc họp",
    "kind of action": "loại việc",
    "direction": "chiều",
    "status": "trạng thái",
    "template": "mẫu",
    "role": "vai trò",
}
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+")


def english(code: str, **values: Any) -> str:
    """The English of ``code`` with its values (what a service raises and stores)."""
    return WORDS[code][0].format(**values)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each code's English as a pattern that finds its values again."""
    out = []
    for code, (en, _vi) in WORDS.items():
        parts = re.split(r"\{(\w+)\}", en)
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+)" for i, p in enumerate(parts))
        out.append((code, re.compile(regex, re.DOTALL)))
    return out


def read(message: str) -> tuple[str, dict[str, str]] | None:
    """The code and values of a service's English sentence; None for one not in the table."""
    text = message.strip()
    for code, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found:
            return code, found.groupdict()
    return None


def _vi_value(name: str, value: str) -> str:
    if name == "what":
        return _WHAT_VI.get(value) or noun_vi(value)
    return (
        _NUMBER.sub(lambda n: n.group().replace(",", "."), value)
        if name in ("length", "limit", "count")
        else value
    )


def noun_vi(noun: str) -> str:
    """A kind of record named in English ("staff member") in Vietnamese ("cán bộ")."""
    from db import kinds

    return next((info.noun_vi for kind, info in kinds.KINDS.items() if noun in (info.noun, kind)), noun)


def vietnamese(code: str, values: dict[str, Any]) -> str:
    """The Vietnamese of ``code`` with its values (record kinds and numbers in Vietnamese)."""
    return WORDS[code][1].format(**{k: _vi_value(k, str(v)) for k, v in values.items()})


def say(message: str, lang: str) -> str:
    """A service's sentence about a field in ``lang`` ("vi", else English as written); a
    sentence not in the table is given as written."""
    if lang != "vi":
        return message
    found = read(message)
    return vietnamese(*found) if found else message
