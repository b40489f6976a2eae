"""What the import says, as codes and parameters: the wording is the caller's.

The import services never build a sentence. Each warning, error and note is a
:class:`Message`: a ``code`` naming what happened, its ``params`` and where it happened (sheet,
row, column). Whoever shows it words it in the reader's language: the CLI with :func:`text`
(English, or Vietnamese with ``--lang vi`` or a Vietnamese locale, :func:`app.language.cli_language`), the
window with its own ``tr()`` table (``ui/import_wizard/messages.py``, which a test keeps in step
with :data:`TEMPLATES`), so that the English window shows no Vietnamese and the Vietnamese
window no English::

    m = msg("phone_unverified", value="+84 992 123 456", sheet="Danh bạ", row=12, column="Điện thoại (D)")
    text(m, "en")               # 'Phone "+84 992 123 456" kept unverified: …'
    text(m, "vi", where=True)   # 'Trang "Danh bạ", dòng 12, cột Điện thoại (D): …'

A parameter that is itself a word to translate (a field, a kind of record) is a :class:`Term`.
Text that comes from the file (a name, a cell, a sheet's header) is never translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["error", "warning", "note"]


@dataclass(frozen=True, slots=True)
class Term:
    """A parameter that is a word of Ketnoi's own (a key of :data:`TERMS`), worded like the message."""

    code: str


@dataclass(frozen=True, slots=True)
class Message:
    """One thing the import has to say: what (``code`` + ``params``) and where."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    column: str = ""  # the sheet's own header and letter, "Email (C)"; or a field name before placing
    level: Level = "error"

    def at(self, *, sheet: str | None = None, row: int | None = None, column: str | None = None) -> Message:
        """The same message placed in the sheet (what is not given is kept)."""
        return Message(
            self.code,
            self.params,
            self.sheet if sheet is None else sheet,
            self.row if row is None else row,
            self.column if column is None else column,
            self.level,
        )


def msg(
    code: str,
    /,
    *,
    level: Level | None = None,
    sheet: str = "",
    row: int | None = None,
    column: str = "",
    **params: Any,
) -> Message:
    """A :class:`Message`; its level defaults to the code's (:data:`LEVELS`)."""
    if code not in TEMPLATES:
        raise KeyError(f"no wording for import message {code!r}")
    return Message(code, params, sheet, row, column, level or LEVELS.get(code, "error"))


def warning(code: str, /, **kwargs: Any) -> Message:
    return msg(code, level="warning", **kwargs)


# code: (English, Vietnamese). Placeholders are str.format fields named after the params.
TEMPLATES: dict[str, tuple[str, str]] = {
    # --- a row's status -----------------------------------------------------------------------
    "duplicate_of_row": (
        "duplicate of row {other_row} (same {key})",
        "trùng dòng {other_row} (cùng {key})",
    ),
    "merged_into_row": ("added to row {other_row}: {changes}", "đã thêm vào dòng {other_row}: {changes}"),
    "row_keeps": (
        "left as row {other_row} has it (this row differs): {changes}",
        "giữ nguyên như dòng {other_row} (dòng này ghi khác): {changes}",
    ),
    "already_exists": ("already exists: #{id} (same {key})", "đã có: #{id} (cùng {key})"),
    "matches_created_anyway": (
        "matches #{id} (same {key}); created anyway",
        "giống #{id} (cùng {key}); vẫn tạo mới",
    ),
    "updates": ("updates #{id}: {changes}", "cập nhật #{id}: {changes}"),
    "nothing_new": ("#{id}: nothing new", "#{id}: không có gì mới"),
    "fill_keeps": (
        'left as #{id} has it (the sheet differs): {changes}; "overwrite" would replace it',
        'giữ nguyên như #{id} đang có (trang tính ghi khác): {changes}; chọn "ghi đè" để lấy giá trị trong trang tính',
    ),
    "attendee_not_found": ('attendee not found: "{name}"', 'không tìm thấy người tham dự: "{name}"'),
    "attendee_namesakes": (
        '{count} contacts are called "{name}": linked to #{id}; write "Name <email>" to name another',
        'có {count} liên hệ tên "{name}": đã gắn với #{id}; ghi "Tên <email>" để chọn người khác',
    ),
    "counterpart_not_found": (
        'responsible (them) not found among the contacts: "{name}"',
        'không tìm thấy người phụ trách phía đối tác trong danh bạ: "{name}"',
    ),
    "meeting_not_found": ('meeting not found: "{name}"', 'không tìm thấy cuộc họp: "{name}"'),
    "creates_organisation": ('creates organisation "{name}"', 'tạo tổ chức "{name}"'),
    "creates_staff": ('creates staff member "{name}"', 'tạo cán bộ "{name}"'),
    "other_person_than_row": (
        "same name and organisation as row {other_row}, but no email or phone in common: imported as another person",
        "cùng họ tên và tổ chức với dòng {other_row} nhưng không trùng email hay số điện thoại nào: nhập thành một người khác",
    ),
    "other_person_than_contact": (
        'same name and organisation as #{id} "{name}", but no email or phone in common: imported as another person',
        'cùng họ tên và tổ chức với #{id} "{name}" nhưng không trùng email hay số điện thoại nào: nhập thành một người khác',
    ),
    "same_in_the_trash": (
        'the same person is in the trash: #{id} "{name}" has the {key} {value}; restore it from the '
        "trash rather than import a second record?",
        'cùng một người đang ở trong thùng rác: #{id} "{name}" có {key} {value}; khôi phục người đó '
        "từ thùng rác thay vì nhập thêm một bản ghi?",
    ),
    "same_org_in_the_trash": (
        'the same organisation is in the trash: #{id} "{name}"; restore it from the trash rather than '
        "create a second one?",
        'cùng một tổ chức đang ở trong thùng rác: #{id} "{name}"; khôi phục tổ chức đó từ thùng rác '
        "thay vì tạo thêm một bản ghi?",
    ),
    "same_action_in_the_trash": (
        'the same action is in the trash: #{id} "{name}"; restore it from the trash rather than '
        "create a second one?",
        'cùng một việc cần làm đang ở trong thùng rác: #{id} "{name}"; khôi phục việc đó từ thùng rác '
        "thay vì tạo thêm một bản ghi?",
    ),
    "restores_from_trash": (
        'brought back from the trash: #{id} "{name}", the same {key} {value}',
        'khôi phục từ thùng rác: #{id} "{name}", cùng {key} {value}',
    ),
    "restores_record_from_trash": (
        'brought back from the trash: #{id} "{name}"',
        'khôi phục từ thùng rác: #{id} "{name}"',
    ),
    "shares_detail_with_row": (
        'same {key} {value} as row {other_row} "{name}", but another name: imported as another person',
        'cùng {key} {value} với dòng {other_row} "{name}" nhưng khác tên: nhập thành một người khác',
    ),
    "shares_detail_with_contact": (
        'same {key} {value} as #{id} "{name}", but another name: imported as another person',
        'cùng {key} {value} với #{id} "{name}" nhưng khác tên: nhập thành một người khác',
    ),
    # (a new row that is probably a record under another spelling: app.importing.likely)
    "likely_contact": (
        "probably {name} (#{id}), {why}: imported as a new contact; to update #{id} instead, write the "
        "name and organisation as #{id} has them, or merge the two after the import (Find duplicates)",
        "có lẽ là {name} (#{id}), {why}: được nhập thành liên hệ mới; để cập nhật #{id} thay vào đó, "
        "hãy ghi họ tên và đơn vị như #{id} đang có, hoặc gộp hai bản ghi sau khi nhập (Tìm bản ghi trùng lặp)",
    ),
    "likely_row": (
        'probably the same person as row {other_row} "{name}", {why}: imported as another new contact; '
        "if it is, merge the two after the import (Find duplicates)",
        'có lẽ cùng một người với dòng {other_row} "{name}", {why}: được nhập thành một liên hệ mới nữa; '
        "nếu đúng vậy, hãy gộp hai bản ghi sau khi nhập (Tìm bản ghi trùng lặp)",
    ),
    "likely_organisation": (
        'organisation "{typed}" is probably {name} (#{id}) spelt another way: it is created as a new '
        "organisation; to use #{id}, write its name as #{id} has it, or merge the two after the import "
        "(Find duplicates)",
        'tổ chức "{typed}" có lẽ là {name} (#{id}) viết khác đi: tổ chức này được tạo mới; để dùng #{id}, '
        "hãy ghi tên như #{id} đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản ghi trùng lặp)",
    ),
    # --- Log meeting's rules (app.importing.logbook) ---------------------------------------------
    "logged_already_by_on": (
        "{by} already logged “{title}” with {shared} at {at} (#{id}, logged {when})",
        "{by} đã ghi cuộc họp “{title}” với {shared} lúc {at} (#{id}, ghi lúc {when})",
    ),
    "logged_already_by": (
        "{by} already logged “{title}” with {shared} at {at} (#{id})",
        "{by} đã ghi cuộc họp “{title}” với {shared} lúc {at} (#{id})",
    ),
    "logged_already": (
        "“{title}” with {shared} at {at} is already logged (#{id})",
        "Cuộc họp “{title}” với {shared} lúc {at} đã được ghi (#{id})",
    ),
    "successor_meeting": (
        "{old} became {new} on {since}: the meeting is filed under {new}",
        "{old} đã trở thành {new} từ ngày {since}: cuộc họp được ghi với {new}",
    ),
    "successor_action": (
        "{old} became {new} on {since}: the action is filed under {new}",
        "{old} đã trở thành {new} từ ngày {since}: việc được ghi cho {new}",
    ),
    # (a contact's organisation, an organisation's parent: app.importing.reorganised)
    "successor_contact": (
        "{old} became {new} on {since}: the contact is filed under {new}",
        "{old} đã trở thành {new} từ ngày {since}: liên hệ được ghi thuộc {new}",
    ),
    "successor_parent": (
        "{old} became {new} on {since}: the parent organisation is {new}",
        "{old} đã trở thành {new} từ ngày {since}: tổ chức cấp trên được ghi là {new}",
    ),
    "successor_split": (
        "{old} was split into {names} on {since}: kept as {old}; write the one it was with",
        "{old} đã chia tách thành {names} từ ngày {since}: vẫn ghi {old}; hãy ghi tổ chức đúng",
    ),
    # --- a cell ---------------------------------------------------------------------------------
    "required_empty": ("required, but empty", "bắt buộc, đang để trống"),
    "two_people": (
        'two people in one cell? ("{first}" and "{second}"): split them into two rows',
        'hai người trong một ô? ("{first}" và "{second}"): hãy tách thành hai dòng',
    ),
    "formula_no_result": (
        "a formula with no saved result: open the file in Excel and save it, then import again",
        "công thức chưa có kết quả được lưu: hãy mở tệp bằng Excel, lưu lại rồi nhập lại",
    ),
    "error_value": (
        "an error value {value}: correct the cell in the file, then import again",
        "ô có giá trị lỗi {value}: hãy sửa ô này trong tệp rồi nhập lại",
    ),
    "unreadable_value": ("unreadable value ({detail})", "giá trị không đọc được ({detail})"),
    "field_error": ("{detail}", "{detail}"),
    "not_known_word": ('"{value}" is not a known {what}', '"{value}" không phải {what} đã biết'),
    "too_long": (
        "too long: {length} characters, where at most {most} fit; shorten it in the file and import "
        "it again (nothing was cut off)",
        "quá dài: {length} ký tự, trong khi tối đa chỉ được {most} ký tự; hãy rút ngắn trong tệp rồi "
        "nhập lại (không có gì bị cắt bớt)",
    ),
    "country_code": (
        '"{value}": not a country Ketnoi knows; write its name ("Việt Nam", "Singapore") or its 2-letter code (VN, SG)',
        '"{value}": không phải tên nước Ketnoi biết; hãy ghi tên nước ("Việt Nam", "Singapore") hoặc mã 2 chữ cái (VN, SG)',
    ),
    "not_1_to_5": ("{value} is not a number from 1 to 5", "{value} không phải số từ 1 đến 5"),
    "invalid_email": ('"{value}" is not a valid email address', '"{value}" không phải địa chỉ email hợp lệ'),
    "invalid_phone": ('"{value}" is not a valid phone number', '"{value}" không phải số điện thoại hợp lệ'),
    "invalid_date": (
        '"{value}" is not a date (day/month/year)',
        '"{value}" không phải ngày (ngày/tháng/năm)',
    ),
    "date_no_day": (
        "a time of day with no date ({value}): a date cell of 0 or less reads so (Excel shows it as 00/01/1900 or ####)",
        "giờ trong ngày mà không có ngày ({value}): ô ngày chứa số 0 hoặc số âm được đọc như vậy (Excel hiện là 00/01/1900 hoặc ####)",
    ),
    "date_out_of_range": (
        '"{value}" is outside the dates Ketnoi keeps ({first} to {last})',
        '"{value}" nằm ngoài khoảng ngày Ketnoi lưu (từ {first} đến {last})',
    ),
    "last_contact_ahead": (
        "{value} is after today ({today}): a last contact cannot be in the future",
        "{value} là ngày sau hôm nay ({today}): lần liên hệ gần nhất không thể ở tương lai",
    ),
    # --- warnings: the row is imported, the value kept as typed (issue 10, item 3) ---------------
    "last_contact_ahead_kept": (
        "{value} is after today ({today}): a last contact cannot be in the future; not applied, "
        "kept in the notes as typed",
        "{value} là ngày sau hôm nay ({today}): lần liên hệ gần nhất không thể ở tương lai; không "
        "áp dụng, đã ghi vào ghi chú như đã nhập",
    ),
    "phone_unverified": (
        'phone "{value}" kept unverified: the right length, but not in a range known yet',
        'số điện thoại "{value}" được giữ, chưa xác minh: đúng độ dài nhưng chưa thuộc dải số đã biết',
    ),
    "email_kept_in_notes": (
        'email "{value}" is not an address; kept in the notes',
        'email "{value}" không phải địa chỉ; đã ghi vào ghi chú',
    ),
    "date_no_day_left_out": (
        "a time of day with no date ({value}): a date cell of 0 or less reads so (Excel shows it as 00/01/1900 or ####); left out, with nothing to keep in the notes",
        "giờ trong ngày mà không có ngày ({value}): ô ngày chứa số 0 hoặc số âm được đọc như vậy (Excel hiện là 00/01/1900 hoặc ####); đã bỏ qua, không có gì để ghi vào ghi chú",
    ),
    "date_out_of_range_kept": (
        '"{value}" is outside the dates Ketnoi keeps ({first} to {last}); not applied, kept in the '
        "notes as typed",
        '"{value}" nằm ngoài khoảng ngày Ketnoi lưu (từ {first} đến {last}); không áp dụng, đã ghi '
        "vào ghi chú như đã nhập",
    ),
    "date_kept_as_typed": (
        '"{value}" is not a date; kept in the notes as typed',
        '"{value}" không phải ngày; đã ghi vào ghi chú như đã nhập',
    ),
    "value_kept_in_notes": ('"{value}" kept in the notes', '"{value}" được ghi vào ghi chú'),
    "phone_scientific": (
        '"{value}" is written in scientific notation, so digits may be lost: kept in the notes; '
        "write the number in full",
        '"{value}" được ghi dạng số khoa học (E+), có thể đã mất chữ số: đã ghi vào ghi chú; '
        "hãy ghi đầy đủ số điện thoại",
    ),
    "not_a_time": ('"{value}" is not a time of day', '"{value}" không phải giờ trong ngày'),
    "time_assumed": (
        "a day without a time: the meeting starts at 09:00 (change it on the meeting); one logged "
        "that day with the same organisation or person is taken as this one",
        "chỉ có ngày, không có giờ: cuộc họp được ghi lúc 09:00 (sửa ở cuộc họp); cuộc họp đã ghi "
        "trong ngày đó với cùng tổ chức hoặc người được coi là cuộc họp này",
    ),
    "direction_defaulted": (
        '"{value}" does not say who owes it: kept in the notes, and the action is "We owe"; '
        'write "We owe" or "They owe" (or "Bên ta cần làm" / "Đối tác cần làm") in the cell',
        '"{value}" không cho biết bên nào cần làm: được ghi vào ghi chú, và việc được ghi là '
        '"Bên ta cần làm"; hãy ghi "Bên ta cần làm" hoặc "Đối tác cần làm" vào ô',
    ),
    "status_defaulted": (
        '"{value}" is not a known status: kept in the notes, and the action is "Open"',
        '"{value}" không phải trạng thái đã biết: được ghi vào ghi chú, và việc được ghi là "Đang mở"',
    ),
    "priority_defaulted": (
        '"{value}" is not a known priority: kept in the notes, and the action is "Normal"',
        '"{value}" không phải mức ưu tiên đã biết: được ghi vào ghi chú, và việc được ghi là "Bình thường"',
    ),
    "done_dated_by_due": (
        "done, with no completion date: dated {date}, its due date; change it if it was done another day",
        "đã xong nhưng không có ngày hoàn thành: lấy hạn {date} làm ngày hoàn thành; hãy sửa nếu việc "
        "xong vào ngày khác",
    ),
    "done_undated": (
        "done, with no completion date nor a past due date: left without one, so no period counts "
        "it as completed; enter the date it was done",
        "đã xong nhưng không có ngày hoàn thành, cũng không có hạn đã qua: để trống, nên việc này không "
        "được tính là hoàn thành trong kỳ nào; hãy nhập ngày hoàn thành",
    ),
    "location_countries": (
        '"{value}" names more than one country ({countries}): Country left as VN; check it',
        '"{value}" nêu tên nhiều nước ({countries}): Quốc gia để là VN; hãy kiểm tra lại',
    ),
    "unit_not_person": (
        '"{value}" is a department or office, not a person',
        '"{value}" là tên một đơn vị (phòng, ban…), không phải một người',
    ),
    "unit_kept_in_notes": (
        '"{value}" is a department or office, not a person: no staff member made for it; kept in the notes',
        '"{value}" là tên một đơn vị (phòng, ban…), không phải một người: không tạo cán bộ; đã ghi vào ghi chú',
    ),
    "checkbox_value": (
        "{value} is a yes/no (checkbox) value, not what this column should hold: the row is not "
        "imported; check that the column is mapped to the right field",
        "{value} là giá trị có/không (ô đánh dấu), không phải nội dung cột này cần: dòng này không "
        "được nhập; hãy kiểm tra cột đã được ghép đúng trường chưa",
    ),
    "checkbox_left_out": (
        "{value} is a yes/no (checkbox) value, not what this column should hold: left out; check "
        "that the column is mapped to the right field",
        "{value} là giá trị có/không (ô đánh dấu), không phải nội dung cột này cần: đã bỏ qua; hãy "
        "kiểm tra cột đã được ghép đúng trường chưa",
    ),
    "date_unclear": (
        '"{value}" reads both ways (day/month or month/day), and this column has dates written '
        "both ways: write it with the month in words (4 March 2026) or as year-month-day "
        "(2026-03-04)",
        '"{value}" đọc được cả hai cách (ngày/tháng hoặc tháng/ngày), mà cột này có ngày ghi theo '
        "cả hai kiểu: hãy ghi tháng bằng chữ (4 tháng 3 năm 2026) hoặc theo năm-tháng-ngày "
        "(2026-03-04)",
    ),
    "date_unclear_kept": (
        '"{value}" reads both ways (day/month or month/day), and this column has dates written '
        "both ways, so it was not guessed: kept in the notes as typed; enter the date by hand",
        '"{value}" đọc được cả hai cách (ngày/tháng hoặc tháng/ngày), mà cột này có ngày ghi theo '
        "cả hai kiểu, nên không đoán: đã ghi vào ghi chú như đã nhập; hãy tự nhập ngày",
    ),
    "date_not_a_month": (
        '"{value}": {month} is not a month, and the other dates in this column are written day '
        "first (day/month/year): check the date and write it day first",
        '"{value}": {month} không phải tháng, mà các ngày khác trong cột này ghi theo kiểu ngày '
        "trước (ngày/tháng/năm): hãy kiểm tra lại và ghi ngày trước, tháng sau",
    ),
    "date_not_a_month_kept": (
        '"{value}": {month} is not a month, and the other dates in this column are written day '
        "first (day/month/year): kept in the notes as typed; check the date and enter it by hand",
        '"{value}": {month} không phải tháng, mà các ngày khác trong cột này ghi theo kiểu ngày '
        "trước (ngày/tháng/năm): đã ghi vào ghi chú như đã nhập; hãy kiểm tra lại và tự nhập ngày",
    ),
    "dates_month_first": (
        'column {header} writes its dates month first (row {example_row}: "{value}" can only be '
        "month/day/year), so every date in it was read as month/day/year",
        'cột {header} ghi ngày theo kiểu tháng trước (dòng {example_row}: "{value}" chỉ có thể là '
        "tháng/ngày/năm), nên mọi ngày trong cột được đọc theo tháng/ngày/năm",
    ),
    "dates_both_orders": (
        'column {header} has dates written day first (row {day_row}: "{day_value}") and month '
        'first (row {month_row}: "{month_value}"): a date that reads both ways, such as '
        "03/04/2026, was not guessed, and its row says so",
        'cột {header} có ngày ghi theo kiểu ngày trước (dòng {day_row}: "{day_value}") lẫn tháng '
        'trước (dòng {month_row}: "{month_value}"): ngày đọc được cả hai cách (như 03/04/2026) '
        "không được đoán; dòng nào có ngày như vậy đều được báo",
    ),
    # --- why a sheet is read as our staff, or as contacts (sheet.staff_evidence) ---------------
    "kind_staff_by_name": (
        'the sheet\'s name, "{sheet_name}", says staff, and no column names an organisation',
        'tên trang "{sheet_name}" cho biết đây là cán bộ, và không có cột nào ghi tổ chức',
    ),
    "kind_staff_by_active": (
        "column {header} says who still works here, and no column names an organisation",
        "cột {header} cho biết ai còn làm việc, và không có cột nào ghi tổ chức",
    ),
    "kind_staff_by_domains": (
        "column {header} names departments, no column names an organisation, and the emails are on "
        "your staff's domains ({domains})",
        "cột {header} ghi phòng ban, không có cột nào ghi tổ chức, và email thuộc tên miền của cán bộ "
        "mình ({domains})",
    ),
    "kind_staff_by_units": (
        "{units} of {values} values of column {header} are departments, with no organisation named "
        "({examples}): your own",
        "{units} trên {values} giá trị ở cột {header} là phòng ban, không ghi tổ chức nào ({examples}): "
        "đơn vị của mình",
    ),
    "kind_contacts_by_name": (
        'the sheet\'s name, "{sheet_name}", says contacts',
        'tên trang "{sheet_name}" cho biết đây là danh bạ liên hệ',
    ),
    "kind_contacts_by_organisation": (
        "column {header} names organisations ({examples}), not your own departments",
        "cột {header} ghi tên tổ chức ({examples}), không phải phòng ban của mình",
    ),
    "kind_contacts_by_column": (
        "column {header} names the organisation each person works for",
        "cột {header} ghi tổ chức nơi mỗi người công tác",
    ),
    "kind_contacts_by_department": (
        "column {header} names departments, but of one organisation, not necessarily yours: the sheet's "
        "name does not say staff and no email is on your staff's domains",
        "cột {header} ghi phòng ban, nhưng của một cơ quan chưa chắc là cơ quan mình: tên trang không "
        "cho biết là cán bộ và không email nào thuộc tên miền của cán bộ mình",
    ),
    "kind_contacts_by_contact_domains": (
        "column {header} names departments with no organisation, but the emails are on {domains}, where "
        "contacts of yours are: their departments, not yours",
        "cột {header} ghi phòng ban không kèm tên tổ chức, nhưng email thuộc {domains}, tên miền của những "
        "liên hệ đã có: phòng ban của họ, không phải của mình",
    ),
    "kind_contacts_by_domains": (
        "column {header} names departments, but the emails are on {domains}, not on your staff's "
        "domains ({ours})",
        "cột {header} ghi phòng ban, nhưng email thuộc {domains}, không phải tên miền của cán bộ mình "
        "({ours})",
    ),
    "columns_empty": (
        "no value in any row: {columns}; if they hold formulas, open the file in Excel and save "
        "it, so that their results are saved, then import it again",
        "không có giá trị ở dòng nào: {columns}; nếu các cột này chứa công thức, hãy mở tệp bằng "
        "Excel và lưu lại để kết quả được lưu, rồi nhập lại",
    ),
    "columns_blank": ("no value in any row: {columns}", "không có giá trị ở dòng nào: {columns}"),
    # (the sectors or tags a sheet would add; with those that name a saved one under another
    # name, written → saved: app.importing.samenames)
    "new_sectors_only": ("new sectors will be added: {names}", "sẽ thêm lĩnh vực mới: {names}"),
    "new_sectors": (
        "new sectors will be added: {names}; saved already under another name (as written → as saved): "
        "{pairs}: each would then be there twice: write it as saved, or rename the saved one first",
        "sẽ thêm lĩnh vực mới: {names}; đã lưu dưới tên khác (tên trong tệp → tên đã lưu): {pairs}: "
        "khi đó mỗi lĩnh vực sẽ có hai lần: hãy ghi đúng tên đã lưu, hoặc đổi tên lĩnh vực đã lưu trước",
    ),
    "new_tags_only": ("new tags will be added: {names}", "sẽ thêm thẻ mới: {names}"),
    "new_tags": (
        "new tags will be added: {names}; saved already under another name (as written → as saved): "
        "{pairs}: each would then be there twice: write it as saved, or rename the saved one first",
        "sẽ thêm thẻ mới: {names}; đã lưu dưới tên khác (tên trong tệp → tên đã lưu): {pairs}: "
        "khi đó mỗi thẻ sẽ có hai lần: hãy ghi đúng tên đã lưu, hoặc đổi tên thẻ đã lưu trước",
    ),
    "columns_hidden": (
        "hidden in Excel, yet imported like the other columns: {columns}; if a hidden column "
        "holds old values, choose “not imported” for it in the mapping, or delete it from the file",
        "bị ẩn trong Excel nhưng vẫn được nhập như các cột khác: {columns}; nếu cột bị ẩn chứa "
        "dữ liệu cũ, hãy chọn “không nhập” cho cột đó khi ghép cột, hoặc xoá cột khỏi tệp",
    ),
    "csv_code_page": (
        'not UTF-8 text: read in {encoding}, e.g. row {example_row}: "{example}"; check that the names read right, '
        'and if they do not, save the file again in Excel as "CSV UTF-8" and import that',
        'không phải văn bản UTF-8: đã đọc theo {encoding}, ví dụ dòng {example_row}: "{example}"; hãy kiểm tra họ tên '
        'có đọc đúng không, nếu sai hãy mở tệp bằng Excel, lưu lại dạng "CSV UTF-8" rồi nhập tệp đó',
    ),
    "legacy_encoding": (
        'typed in the old {encoding} encoding, read as Unicode: {columns} (e.g. "{typed}" → "{read}")',
        'gõ bằng bảng mã cũ {encoding}, đã chuyển sang Unicode: {columns} (ví dụ "{typed}" → "{read}")',
    ),
    "staff_columns_not_kept": (
        "not imported: {columns}: a staff member in Ketnoi has only a name, an email and whether "
        "they still work here",
        "không nhập: {columns}: cán bộ trong Ketnoi chỉ có họ tên, email và còn làm việc hay không",
    ),
    # --- rows Excel hides (hidden by hand, filtered out, in a collapsed group) -------------------
    "hidden_row_imported": (
        "hidden in Excel (a hidden or filtered-out row): imported like the others",
        "dòng bị ẩn trong Excel (ẩn hoặc bị lọc): vẫn được nhập như các dòng khác",
    ),
    "hidden_row_left_out": (
        "hidden in Excel (a hidden or filtered-out row): left out, as asked",
        "dòng bị ẩn trong Excel (ẩn hoặc bị lọc): bỏ qua theo lựa chọn",
    ),
    # --- a delegate list's section headings (app.importing.sections) ----------------------------
    "section_organisation": (
        'section heading: organisation "{organisation}" given to the rows below it that name none: {rows}',
        'dòng tiêu đề nhóm: tổ chức "{organisation}" được gán cho các dòng bên dưới chưa ghi tổ chức: {rows}',
    ),
    "section_heading": (
        'section heading "{text}", not a person: left out; the rows below it keep their own organisation',
        'dòng tiêu đề nhóm "{text}", không phải một người: bỏ qua; các dòng bên dưới giữ tổ chức của mình',
    ),
    "section_saved_as": (
        '"{text}" is the saved organisation {name} (#{id}), where its rows go',
        '"{text}" là tổ chức đã có {name} (#{id}); các dòng trong nhóm được gán vào tổ chức này',
    ),
    # --- an official form's rows that are not the list (app.importing.formrows) ----------------
    "numbering_row": (
        'row {number} numbers the columns ("{value}"): not imported',
        'dòng {number} là dòng đánh số cột ("{value}"): không được nhập',
    ),
    "signatures_left_out": (
        "rows {rows}: the signatures below the list, not imported",
        "dòng {rows}: phần ký tên bên dưới danh sách, không được nhập",
    ),
    "signature_left_out": (
        "row {rows}: the signatures below the list, not imported",
        "dòng {rows}: phần ký tên bên dưới danh sách, không được nhập",
    ),
    "total_left_out": (
        'row {rows}: a total below the list ("{value}"), not a person: not imported',
        'dòng {rows}: dòng tổng cộng bên dưới danh sách ("{value}"), không phải một người: không được nhập',
    ),
    "totals_left_out": (
        'rows {rows}: totals below the list ("{value}"), not people: not imported',
        'dòng {rows}: các dòng tổng cộng bên dưới danh sách ("{value}"), không phải người: không được nhập',
    ),
    # --- the import as a whole -------------------------------------------------------------------
    "unknown_kind": (
        '{file}, sheet "{sheet_name}": cannot tell what the sheet holds: choose contacts, organisations, '
        "meetings or actions",
        '{file}, trang "{sheet_name}": không nhận ra loại dữ liệu; hãy chọn liên hệ, tổ chức, cuộc họp hoặc việc',
    ),
    "nothing_mapped": (
        '{file}, sheet "{sheet_name}": no column is mapped to a field',
        '{file}, trang "{sheet_name}": chưa ghép cột nào',
    ),
    "bad_on_match": ("--on-match: {value}? ({choices})", "--on-match: {value}? ({choices})"),
    "no_sheets": ("{file}: the workbook has no sheets", "{file}: không có trang tính nào"),
    "no_row_read": ("{file}: no row could be read", "{file}: không đọc được dòng nào"),
    # --- files that cannot be read (reader.py, sheet.py, sheetproc.py) ----------------------------
    "file_password": (
        "{file}: the workbook is password-protected: remove the password and save it again",
        "{file}: tệp có mật khẩu; hãy bỏ mật khẩu rồi lưu lại",
    ),
    "file_password_or_not_spreadsheet": (
        "{file}: the workbook is password-protected or not a spreadsheet: remove the password and save it as .xlsx",
        "{file}: tệp có mật khẩu hoặc không phải bảng tính; hãy bỏ mật khẩu và lưu lại dạng .xlsx",
    ),
    "file_not_found": ("File not found: {file}", "Không tìm thấy tệp: {file}"),
    "file_is_folder": ("{file} is a folder, not a file", "{file} là thư mục, không phải tệp"),
    "file_not_ordinary": (
        "{file} is not an ordinary file (a pipe, a device or a socket): choose the file to import itself",
        "{file} không phải là một tệp thông thường (mà là ống dẫn, thiết bị hoặc socket): hãy chọn chính tệp cần nhập",
    ),
    "file_is_open_database": (
        "{file} is the Ketnoi database open in this program, not a spreadsheet to import",
        "{file} là cơ sở dữ liệu Ketnoi đang mở trong chương trình này, không phải bảng tính để nhập",
    ),
    "file_no_access": (
        "Cannot read {file}: access is denied. If it is open in another program, close it there and try "
        "again, or import a copy of it",
        "Không đọc được tệp {file}: không có quyền truy cập. Nếu tệp đang mở trong chương trình khác, hãy đóng "
        "lại rồi thử lại, hoặc nhập một bản sao của tệp",
    ),
    "file_empty": ("{file}: the file is empty", "{file}: tệp rỗng"),
    "file_damaged": ("{file}: the workbook is damaged ({detail})", "{file}: tệp Excel bị hỏng ({detail})"),
    "file_not_excel": ("{file}: not an Excel workbook", "{file}: không phải bảng tính Excel"),
    "file_unknown_format": (  # the suffixes of app.importing.reader.SUFFIXES (a test keeps them in step)
        "{file}: not a file Ketnoi imports (.xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv or .vcf)",
        "{file}: Ketnoi không nhập loại tệp này (chỉ nhập .xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv hoặc .vcf)",
    ),
    "file_not_as_named": (
        "{file}: the name ends in {suffix}, but the content is another kind of file (renamed?)",
        "{file}: tên có đuôi {suffix} nhưng nội dung là loại tệp khác (bị đổi tên?)",
    ),
    "file_named_as_other": (
        "{file} is {kind} named {suffix}: rename it to end in {expected} and import it again",
        "{file} là {kind} nhưng lại mang đuôi {suffix}: hãy đổi tên tệp sang đuôi {expected} rồi nhập lại",
    ),
    "file_web_page": (
        "{file} is a web page (HTML or XML) named .xls: open it in Excel and save it as .xlsx",
        "{file} là trang web (HTML/XML) đặt tên .xls; hãy mở bằng Excel rồi lưu lại dạng .xlsx",
    ),
    "file_zip_bomb": (
        "{file}: the workbook unpacks to {gb} GB from {mb} MB: not an ordinary spreadsheet, so it is not read",
        "{file}: tệp giải nén ra {gb} GB từ {mb} MB, không phải bảng tính thông thường nên không đọc",
    ),
    "file_unreadable": ("{file}: cannot be read ({detail})", "{file}: không đọc được ({detail})"),
    "file_no_sheets": ("{file}: the workbook has no worksheet", "{file}: không có trang tính nào"),
    "file_no_such_sheet": (
        '{file}: no sheet named "{sheet_name}" (there are: {names})',
        '{file}: không có trang "{sheet_name}" (có: {names})',
    ),
    "sheet_too_large": (
        '{file}, sheet "{sheet_name}": the sheet is too large to be a contact list ({gb} GB of XML; '
        "Ketnoi reads sheets up to {most} GB)",
        '{file}, trang "{sheet_name}": quá lớn ({gb} GB XML; Ketnoi đọc trang tối đa {most} GB)',
    ),
    "sheet_unreadable": (
        '{file}, sheet "{sheet_name}": cannot be read ({detail})',
        '{file}, trang "{sheet_name}": không đọc được ({detail})',
    ),
    "file_strict_ooxml": (
        '{file}: saved as "Strict Open XML Spreadsheet", which Ketnoi cannot read: open it in Excel '
        'and save it as "Excel Workbook (.xlsx)"',
        '{file}: được lưu ở dạng "Strict Open XML Spreadsheet", Ketnoi không đọc được: hãy mở bằng '
        'Excel và lưu lại ở dạng "Excel Workbook (.xlsx)"',
    ),
    "sheet_cell_unreadable": (
        '{file}, sheet "{sheet_name}": cannot be read: cell {cell} holds a value Excel does not write '
        '("{value}"); correct it in Excel and save the file, then import it again',
        '{file}, trang "{sheet_name}": không đọc được: ô {cell} chứa giá trị Excel không ghi ra '
        '("{value}"); hãy sửa ô này trong Excel, lưu tệp rồi nhập lại',
    ),
    "sheet_read_other_way": (
        'cell {cell} holds a value Excel does not write ("{value}"), read as {read}; the rest of '
        "the sheet was read as usual: check that cell in the file",
        'ô {cell} chứa giá trị Excel không ghi ra ("{value}"), đã đọc thành {read}; phần còn lại '
        "của trang tính được đọc bình thường: hãy kiểm tra ô này trong tệp",
    ),
    "sheet_read_other_way_somewhere": (
        "a cell holds a value Excel does not write ({detail}); the sheet was read another way: "
        "check its rows after the import",
        "có ô chứa giá trị Excel không ghi ra ({detail}); trang tính đã được đọc theo cách khác: "
        "hãy kiểm tra các dòng sau khi nhập",
    ),
    "sheet_row_unreadable": (
        '{file}, sheet "{sheet_name}", row {at}: cannot be read, the file is damaged there ({detail})',
        '{file}, trang "{sheet_name}", dòng {at}: không đọc được, tệp bị hỏng ở chỗ này ({detail})',
    ),
    "file_not_text": (
        "{file}: not a CSV text file (it holds binary data)",
        "{file}: không phải tệp văn bản CSV (có dữ liệu nhị phân)",
    ),
    "file_bad_csv": ("{file}: malformed CSV ({detail})", "{file}: CSV hỏng ({detail})"),
    "csv_unclosed_quote": (
        '{file}, row {at} (line {line}): a quote (") opens a cell that never closes, so the rest of '
        "the file would be read as that one cell; nothing was read: close the quote or remove it",
        '{file}, dòng dữ liệu {at} (dòng {line} của tệp): một dấu ngoặc kép (") mở một ô mà không '
        "đóng lại, nên phần còn lại của tệp sẽ bị đọc thành một ô; chưa đọc gì: hãy đóng hoặc xoá "
        "dấu ngoặc kép đó",
    ),
    "vcf_too_large": (
        "{file}: {mb} MB is too large for a contacts file (vCard; Ketnoi reads up to {most} MB)",
        "{file}: {mb} MB, quá lớn với một tệp danh bạ vCard (Ketnoi đọc tối đa {most} MB)",
    ),
    "vcf_unclosed": (
        "cards that never end (BEGIN:VCARD with no END:VCARD): {count}, the first at line {line}; "
        "they were not imported: export the contacts again, or add the missing END:VCARD lines",
        "thẻ không có dòng kết thúc (BEGIN:VCARD mà thiếu END:VCARD): {count}, thẻ đầu tiên ở dòng "
        "{line}; các thẻ này chưa được nhập: hãy xuất lại danh bạ hoặc thêm các dòng END:VCARD còn thiếu",
    ),
    "vcf_empty_cards": (
        "cards with nothing to import (no name, e-mail or phone): {count}, the first is card {card}; "
        "they were not imported",
        "thẻ không có gì để nhập (không có tên, email hay số điện thoại): {count}, thẻ đầu tiên là "
        "thẻ số {card}; các thẻ này chưa được nhập",
    ),
    "vcf_no_cards": (
        "{file}: no contact card (BEGIN:VCARD … END:VCARD) in the file",
        "{file}: không có thẻ liên hệ nào (BEGIN:VCARD … END:VCARD) trong tệp",
    ),
    "sheet_empty": (
        '{file}, sheet "{sheet_name}": the sheet is empty',
        '{file}, trang "{sheet_name}": trang tính trống',
    ),
    "sheets_empty": (
        "{file}: {count} sheets are empty ({sheet_name})",
        "{file}: {count} trang tính trống ({sheet_name})",
    ),
    "sheet_no_header": (
        '{file}, sheet "{sheet_name}": no header row (such as "Họ và tên", "Email") found in the first {rows} rows',
        '{file}, trang "{sheet_name}": không tìm thấy dòng tiêu đề cột (ví dụ "Họ và tên", "Email") '
        "trong {rows} dòng đầu",
    ),
    "file_timeout": (
        "{file}: reading took more than {seconds} s and was stopped: not an ordinary spreadsheet",
        "{file}: đọc quá {seconds} giây, đã dừng: không phải bảng tính thông thường",
    ),
    "file_child_died": (
        "{file}: the file is damaged or asks for more memory than a spreadsheet needs: it cannot be read",
        "{file}: tệp hỏng hoặc quá lớn, không đọc được",
    ),
    "cancelled": ("Import cancelled; nothing was written.", "Đã huỷ nhập; không có gì được ghi."),
    "changed_since_preview": ("{file} changed since the preview", "{file} đã thay đổi sau khi xem trước"),
    "already_undone": (
        "import #{id} was already undone ({at})",
        "lần nhập #{id} đã được hoàn tác lúc {at}",
    ),
    "batch_gone": (
        "import #{id} is no longer in this database: it was restored from a backup taken before "
        "this import. Nothing was changed",
        "lần nhập #{id} không còn trong cơ sở dữ liệu này: cơ sở dữ liệu đã được khôi phục từ một "
        "bản sao lưu có trước lần nhập đó. Không có gì bị thay đổi",
    ),
    "batch_replaced": (
        "import #{id} is no longer in this database: it was restored from a backup taken before "
        "this import, and #{id} is now another import ({file}, {at}), left as it is. Nothing was changed",
        "lần nhập #{id} không còn trong cơ sở dữ liệu này: cơ sở dữ liệu đã được khôi phục từ một "
        "bản sao lưu có trước lần nhập đó, và #{id} bây giờ là một lần nhập khác ({file}, {at}), "
        "vẫn được giữ nguyên. Không có gì bị thay đổi",
    ),
    # (app.undo.HIDDEN_WORDS says it of an ordinary operation: the import's own words name it)
    "undo_hidden": (
        "part of import #{id} touches records you may not see, so you cannot undo it: undoing only "
        "the rest would leave it half undone. Ask whoever made it, or a manager, to undo it. "
        "Nothing was changed",
        "một phần của lần nhập #{id} liên quan đến hồ sơ bạn không được xem, nên bạn không thể hoàn "
        "tác nó: chỉ hoàn tác phần còn lại sẽ để nó bị hoàn tác dở dang. Hãy nhờ người đã nhập hoặc "
        "một quản lý hoàn tác. Không có gì bị thay đổi",
    ),
    "undo_kept_edited": (
        '{entity} "{name}" (#{id}) was edited after the import; kept',
        '{entity} "{name}" (#{id}) đã được sửa sau khi nhập; giữ lại',
    ),
    "undo_kept_used": (
        '{entity} "{name}" (#{id}) is used by {user} "{user_name}" (#{user_id}); kept',
        '{entity} "{name}" (#{id}) đang được {user} "{user_name}" (#{user_id}) dùng; giữ lại',
    ),
    "undo_kept_for_kept": (
        '{entity} "{name}" (#{id}): {user} "{user_name}" (#{user_id}), which is kept, still refers to it; kept',
        '{entity} "{name}" (#{id}): {user} "{user_name}" (#{user_id}), được giữ lại, vẫn liên kết tới bản ghi này; giữ lại',
    ),
    "undo_kept_listed": (
        '{entity} "{name}" (#{id}) is listed by import #{batch} ({file}), which stands; kept',
        '{entity} "{name}" (#{id}) có trong lần nhập #{batch} ({file}), lần nhập này vẫn còn hiệu lực; giữ lại',
    ),
    "undo_merged_since": (
        '{entity} "{name}" (#{id}) was merged into #{into_id} "{into_name}" on {at}, after the import: '
        "it stays merged, its data is in #{into_id}",
        '{entity} "{name}" (#{id}) đã được gộp vào #{into_id} "{into_name}" ngày {at}, sau khi nhập: '
        "giữ nguyên việc gộp, dữ liệu của bản ghi này nằm ở #{into_id}",
    ),
    "undo_merged_since_trashed": (
        '{entity} "{name}" (#{id}) was merged into #{into_id} "{into_name}" on {at}, after the import, '
        "and #{into_id} is in the trash: it stays merged",
        '{entity} "{name}" (#{id}) đã được gộp vào #{into_id} "{into_name}" ngày {at}, sau khi nhập, '
        "và #{into_id} đang ở trong thùng rác: giữ nguyên việc gộp",
    ),
    "undo_deleted_since": (
        '{entity} "{name}" (#{id}) was deleted after the import: left in the trash',
        '{entity} "{name}" (#{id}) đã bị xoá sau khi nhập: để nguyên trong thùng rác',
    ),
    "undo_field_kept": (
        "{entity} #{id}: {field} was changed after the import; kept",
        "{entity} #{id}: {field} đã sửa sau khi nhập; giữ nguyên",
    ),
    # --- a row matched again at the import, the database having changed since the preview -----
    "rematch_gone": (
        'the preview matched #{id}, which was deleted or merged since: "{name}" was imported as a new record',
        'bản xem trước khớp với #{id}, nhưng bản ghi này đã bị xoá hoặc gộp sau đó: đã nhập "{name}" thành bản ghi mới',
    ),
    "rematch_other": (
        "the preview matched #{prev_id}; the database changed since, and it matched #{id}",
        "bản xem trước khớp với #{prev_id}; cơ sở dữ liệu đã thay đổi sau đó nên dòng này khớp với #{id}",
    ),
    "rematch_found": (
        "new in the preview; #{id} was added since, and it matched #{id}",
        "là dòng mới trong bản xem trước; #{id} được thêm sau đó nên dòng này khớp với #{id}",
    ),
    "rematch_changed": (
        "its result differs from the preview's: the database changed since",
        "kết quả khác với bản xem trước vì cơ sở dữ liệu đã thay đổi sau đó",
    ),
    "rematch_org_gone": (
        'the preview linked it to organisation #{id}, deleted or merged since: organisation "{name}" was created anew',
        'bản xem trước gắn dòng này với tổ chức #{id}, nhưng tổ chức đó đã bị xoá hoặc gộp sau đó: đã tạo mới tổ chức "{name}"',
    ),
    "rematch_org_other": (
        "the preview linked it to organisation #{prev_id}; the database changed since, and it is linked to #{id}",
        "bản xem trước gắn dòng này với tổ chức #{prev_id}; cơ sở dữ liệu đã thay đổi sau đó nên dòng này được gắn với #{id}",
    ),
    # (two officers preview one workbook; one imports it, then the other: the second creates
    # nothing again, and says whose import its rows met)
    "imported_since_preview_by": (
        '"{file}" was imported by {by} at {at} (import #{id}) after this preview was made; '
        "rows that now match the records it wrote were not created a second time: {rows}",
        '"{file}" đã được {by} nhập lúc {at} (lần nhập #{id}) sau khi bản xem trước này được tạo; '
        "các dòng nay khớp với bản ghi do lần nhập đó ghi nên không được tạo lần thứ hai: {rows}",
    ),
    "imported_since_preview": (
        '"{file}" was imported at {at} (import #{id}) after this preview was made; '
        "rows that now match the records it wrote were not created a second time: {rows}",
        '"{file}" đã được nhập lúc {at} (lần nhập #{id}) sau khi bản xem trước này được tạo; '
        "các dòng nay khớp với bản ghi do lần nhập đó ghi nên không được tạo lần thứ hai: {rows}",
    ),
}

LEVELS: dict[str, Level] = {
    "updates": "note",
    "nothing_new": "note",
    "creates_organisation": "note",
    "creates_staff": "note",
    "matches_created_anyway": "note",
    "already_exists": "note",
    "other_person_than_row": "note",
    "other_person_than_contact": "note",
    "fill_keeps": "note",
    "merged_into_row": "note",
    "row_keeps": "note",
    "shares_detail_with_row": "note",
    "shares_detail_with_contact": "note",
    "same_in_the_trash": "warning",
    "same_org_in_the_trash": "warning",
    "same_action_in_the_trash": "warning",
    "restores_from_trash": "note",
    "restores_record_from_trash": "note",
    "likely_contact": "note",
    "likely_row": "note",
    "likely_organisation": "note",
    "attendee_not_found": "warning",
    "logged_already_by_on": "warning",
    "logged_already_by": "warning",
    "logged_already": "warning",
    "successor_meeting": "warning",
    "successor_action": "warning",
    "successor_contact": "warning",
    "successor_parent": "warning",
    "successor_split": "warning",
    "attendee_namesakes": "warning",
    "counterpart_not_found": "warning",
    "meeting_not_found": "warning",
    "phone_unverified": "warning",
    "email_kept_in_notes": "warning",
    "date_kept_as_typed": "warning",
    "date_out_of_range_kept": "warning",
    "date_no_day_left_out": "warning",
    "value_kept_in_notes": "warning",
    "phone_scientific": "warning",
    "direction_defaulted": "warning",
    "time_assumed": "warning",
    "status_defaulted": "warning",
    "priority_defaulted": "warning",
    "location_countries": "warning",
    "done_dated_by_due": "warning",
    "done_undated": "warning",
    "unit_kept_in_notes": "warning",
    "checkbox_left_out": "warning",
    "date_unclear_kept": "warning",
    "date_not_a_month_kept": "warning",
    "dates_month_first": "warning",
    "dates_both_orders": "warning",
    "hidden_row_imported": "warning",
    "kind_staff_by_name": "note",
    "kind_staff_by_active": "note",
    "kind_staff_by_domains": "note",
    "kind_staff_by_units": "note",
    "kind_contacts_by_name": "note",
    "kind_contacts_by_organisation": "note",
    "kind_contacts_by_column": "note",
    "kind_contacts_by_department": "note",
    "kind_contacts_by_domains": "note",
    "kind_contacts_by_contact_domains": "note",
    "staff_columns_not_kept": "warning",
    "columns_empty": "warning",
    "columns_blank": "note",
    "new_sectors": "note",
    "new_tags": "note",
    "new_sectors_only": "note",
    "new_tags_only": "note",
    "columns_hidden": "warning",
    "sheet_read_other_way": "warning",
    "vcf_unclosed": "warning",
    "vcf_empty_cards": "warning",
    "sheet_read_other_way_somewhere": "warning",
    "legacy_encoding": "note",
    "csv_code_page": "warning",
    "hidden_row_left_out": "note",
    "section_organisation": "note",
    "section_heading": "note",
    "section_saved_as": "note",
    "numbering_row": "note",
    "signatures_left_out": "note",
    "signature_left_out": "note",
    "total_left_out": "note",
    "totals_left_out": "note",
    "undo_kept_edited": "warning",
    "undo_kept_used": "warning",
    "undo_kept_for_kept": "warning",
    "undo_kept_listed": "warning",
    "undo_field_kept": "warning",
    "undo_merged_since": "note",
    "undo_merged_since_trashed": "note",
    "undo_deleted_since": "note",
    "rematch_gone": "warning",
    "rematch_other": "warning",
    "rematch_found": "warning",
    "rematch_changed": "warning",
    "rematch_org_gone": "warning",
    "rematch_org_other": "warning",
    "imported_since_preview_by": "warning",
    "imported_since_preview": "warning",
}

TERMS: dict[str, tuple[str, str]] = {
    "code_page_cp1258": (
        "the Windows Vietnamese code page (Windows-1258)",
        "bảng mã Windows tiếng Việt (Windows-1258)",
    ),
    "code_page_cp1252": (
        "the Windows Western code page (Windows-1252)",
        "bảng mã Windows Tây Âu (Windows-1252)",
    ),
    "workbook_xlsx": ("an Excel workbook (.xlsx)", "bảng tính Excel (.xlsx)"),
    "workbook_xls": ("an Excel 97-2003 workbook (.xls)", "bảng tính Excel 97-2003 (.xls)"),
    "workbook_ods": ("an OpenDocument spreadsheet (.ods)", "bảng tính OpenDocument (.ods)"),
    "email": ("email", "email"),
    "phone": ("phone", "số điện thoại"),
    "name": ("name and organisation", "họ tên và đơn vị"),
    "acronym": ("acronym", "viết tắt"),
    "alias": ("alias", "tên khác"),
    "likely_other_order": ("names in another order", "họ tên viết theo thứ tự khác"),
    "likely_same_name": (
        "the same name, one without an organisation",
        "cùng họ tên, một bên không ghi đơn vị",
    ),
    "likely_other_accents": (
        "the same name with other accents, at the same organisation",
        "cùng họ tên nhưng khác dấu, cùng đơn vị",
    ),
    "likely_family_given": (
        "the same family and given names, middle names not contradicting",
        "cùng họ và tên, tên đệm không khác nhau",
    ),
    "title": ("title", "tiêu đề"),
    "kind": ("kind", "loại"),
    "status": ("status", "trạng thái"),
    "direction": ("direction", "chiều"),
    "priority": ("priority", "mức ưu tiên"),
    "confidential": ("confidential mark (Yes, or blank)", "dấu mật (Có, hoặc để trống)"),
    "contact": ("contact", "liên hệ"),
    "organisation": ("organisation", "tổ chức"),
    "meeting": ("meeting", "cuộc họp"),
    "action": ("action", "việc"),
    "staff": ("staff member", "cán bộ"),
    "letter": ("letter", "công văn"),  # (a letter keeping what an undone import brought)
    "attachment": ("attached file", "tệp đính kèm"),  # (a file attached since to what it brought)
    "staff_name": ("name", "họ tên"),  # (a staff member matched by name: no organisation in it)
    # (a meeting logged already: app.importing.logbook)
    "logged": ("time and organisation or attendee", "giờ họp và tổ chức hoặc người tham dự"),
}


# A count and what it counts: (English singular, English plural, Vietnamese, which has no plural).
COUNTED: dict[str, tuple[str, str, str]] = {
    "contact": ("contact", "contacts", "liên hệ"),
    "organisation": ("organisation", "organisations", "tổ chức"),
    "meeting": ("meeting", "meetings", "cuộc họp"),
    "action": ("action", "actions", "việc"),
    "staff": ("staff member", "staff members", "cán bộ"),
    "row": ("row", "rows", "dòng"),
    "field": ("field", "fields", "trường"),
    "record": ("record", "records", "bản ghi"),
    "duplicate": ("duplicate", "duplicates", "trùng"),
    "error": ("error", "errors", "lỗi"),
    "warning": ("warning", "warnings", "cảnh báo"),
}


def count_text(n: int, code: str, lang: str = "en") -> str:
    """ "1 staff member", "61 contacts", "1,200 rows"; in Vietnamese "61 liên hệ", "1.200 dòng"."""
    one, many, vi = COUNTED.get(code, (code, code, code))
    noun = vi if lang == "vi" else one if n == 1 else many
    return f"{param_text(n, lang)} {noun}"


def counts_text(counts: Mapping[str, int], lang: str = "en") -> str:
    """Several counts in one line: "3 actions, 61 contacts, 1 organisation" ("0 records" when empty)."""
    return ", ".join(count_text(n, code, lang) for code, n in counts.items()) or count_text(0, "record", lang)


@dataclass(frozen=True, slots=True)
class FieldName:
    """A parameter naming a record field (a column name such as ``position`` or ``organisation_id``)."""

    name: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field an update changes, with its values as shown (old may be empty), and the kind of
    record it is a field of ("organisation"): a coded value ("startup", priority 1, ✓) is worded
    in the reader's language when the change is said (:func:`change_values`). The kind is the
    sheet's, not a decision of matching: it is left out of the repr that
    ``tests/app/importing/test_match_results.py`` compares."""

    name: str
    old: str
    new: str
    kind: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class Detail:
    """A parameter that is a library's own reason for failing ("File is not a zip file"): worded
    in Vietnamese where it is known (:data:`DETAILS`), else said to be the technical reason, so
    that a Vietnamese line does not end in an English sentence of its own (reviewer: ``--lang
    vi`` printed "tệp Excel bị hỏng (File is not a zip file)")."""

    text: str


DETAILS: dict[str, str] = {
    "File is not a zip file": "nội dung không phải dạng nén zip mà tệp .xlsx phải có",
    "Truncated file header": "phần đầu tệp bị cắt cụt",
    "Bad magic number for file header": "phần đầu tệp không đúng định dạng",
    "Bad magic number for central directory": "mục lục của tệp nén không đúng định dạng",
    "Truncated central directory": "mục lục của tệp nén bị cắt cụt",
    "zipfiles that span multiple disks are not supported": "tệp nén chia thành nhiều phần, không đọc được",
}


def detail_text(detail: Detail, lang: str) -> str:
    if lang != "vi":
        return detail.text
    known = DETAILS.get(detail.text.strip())
    return known if known is not None else f"lỗi kỹ thuật: {detail.text}"


@dataclass(frozen=True, slots=True)
class EarlierRow:
    """A parameter naming, in place of a record's id, the row of an earlier sheet of the same
    workbook that writes the record first (a preview: the record has no id yet). Shown as the
    place is shown, 'sheet "Danh bạ 1", row 2', where the template says "#{id}". With no sheet,
    a row above on the same sheet ("row 5"): a new organisation another new one is probably
    a typo of (:mod:`app.importing.likely`)."""

    sheet: str
    row: int | None = None


_REF_FIELD = {"organisation_id": "organisation", "owner_id": "owner", "parent_id": "parent",
              "responsible_staff_id": "responsible", "responsible_contact_id": "responsible",
              "meeting_id": "meeting", "organisation_ids": "organisations"}  # fmt: skip
_RECORD_FIELD = {"organisation": "organisation_id", "owner": "owner_id", "parent": "parent_id",
                 "meeting": "meeting_id", "organisations": "organisation_ids",
                 "staff": "staff_ids"}  # fmt: skip
"""An import field named as the record's (the template's "Đơn vị / Organisation" column fills
``organisation_id``), whose label the window has."""


def field_label(name: str, lang: str = "en") -> str:
    """A field's name as the window's forms and its import preview say it ("Loại" / "Kind",
    "Cán bộ phụ trách" / "Relationship owner": :data:`app.value_labels.FIELDS`, which
    tests/ui/test_value_labels.py holds to ``ui.labels.field_label``), so that a change line of
    ``ketnoi import`` names the field as the window does (it said the template's column headers,
    "Loại hình", "Ảnh hưởng (1-5)"). A field only the import has ("Họ và tên đệm") by the
    template's header."""
    from app import value_labels
    from app.importing.fields import FIELDS

    field = _RECORD_FIELD.get(name, name)
    if field in value_labels.FIELDS or field in value_labels.RECORD_META:
        return value_labels.field_name(field, lang)
    wanted = _REF_FIELD.get(name, name)
    for specs in FIELDS.values():
        for spec in specs:
            if spec.name == wanted:
                vi, _, en = spec.header.partition(" / ")
                return (vi if lang == "vi" else en or vi).strip()
    return name.replace("_", " ")


WHERE: dict[str, tuple[str, str]] = {
    "sheet": ('sheet "{sheet}"', 'trang "{sheet}"'),
    "row": ("row {row}", "dòng {row}"),
    "column": ("column {column}", "cột {column}"),
}


def _lang(lang: str) -> int:
    return 1 if lang == "vi" else 0


def term(code: str, lang: str = "en") -> str:
    pair = TERMS.get(code)
    return pair[_lang(lang)] if pair else code


def param_text(value: Any, lang: str) -> str:
    """How a parameter reads: a :class:`Term` in ``lang``; a list joined; numbers grouped."""
    if isinstance(value, Term):
        return term(value.code, lang)
    if isinstance(value, FieldName):
        return field_label(value.name, lang)
    if isinstance(value, FieldChange):
        old, new = change_values(value, lang)
        return f"{field_label(value.name, lang)}: {old or '∅'} → {new or '∅'}"
    if isinstance(value, EarlierRow):
        return where_text(Message("", sheet=value.sheet, row=value.row), lang)
    if isinstance(value, Detail):
        return detail_text(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "." if lang == "vi" else ",")
    if isinstance(value, (list, tuple)):
        return ", ".join(param_text(v, lang) for v in value)
    return "" if value is None else str(value)


YES_NO = ("✓", "✗")
"""How :func:`app.importing.matching.shown_value` shows a yes/no value (a string is quoted)."""


IN_THE_TRASH = ", in the trash"
"""How a record in the trash is marked after its id in a value shown ("FPT Corporation (FPT)
(#6, in the trash)", :meth:`app.importing.resolve.OrgIndex.name_of`), worded in the reader's
language by :func:`change_values`."""


def change_values(change: FieldChange, lang: str) -> tuple[str, str]:
    """The old and new values of ``change`` in ``lang``'s words, as the window shows them: a
    country by its name, a code by its word ('"startup"' → '"Khởi nghiệp"' / '"Start-up"'), a
    priority by its word, yes/no in words, phones as people write them ("0912 345 678", as the
    contact's page and the lists show them: ``ketnoi import`` said "+84912345678"; what is
    written stays E.164); any other value as shown."""
    if change.name == "country":
        return country_shown(change.old, lang), country_shown(change.new, lang)
    if lang == "vi" and IN_THE_TRASH in change.old + change.new:  # "FPT (#6, in the trash)"
        old, new = (v.replace(IN_THE_TRASH, ", trong thùng rác") for v in (change.old, change.new))
        return old, new
    if change.name == "phones":
        from app.validation import phones_written  # (phonenumbers: loaded when a phone is said)

        return phones_written(change.old), phones_written(change.new)
    return coded_shown(change, change.old, lang), coded_shown(change, change.new, lang)


def coded_shown(change: FieldChange, shown: str, lang: str) -> str:
    """One value of ``change`` (as shown) in ``lang``'s words (see :func:`change_values`)."""
    from app import value_labels

    if shown in YES_NO:
        return f'"{value_labels.label_of(value_labels.ACTIVE, shown == YES_NO[0], lang)}"'
    table = value_labels.TABLES.get((change.kind, change.name))
    if table is None or not shown:
        return shown
    code: Any = shown[1:-1] if len(shown) > 1 and shown[0] == shown[-1] == '"' else shown
    if code not in table and code.isdigit():
        code = int(code)  # (a priority is shown as its number)
    return f'"{value_labels.label_of(table, code, lang)}"' if code in table else shown


def country_shown(shown: str, lang: str) -> str:
    """A country in an update's change as shown (``'"VN"'``, :func:`app.importing.matching.shown_value`)
    by its name in ``lang`` (``'"Việt Nam"'``): the preview said "Country: "VN" → "JP""."""
    code = shown.strip('"')
    if len(code) != 2 or not code.isalpha():
        return shown
    from app.value_labels import country_name

    return f'"{country_name(code, lang)}"'


IDENTIFIERS = frozenset({"row", "other_row", "id", "prev_id", "into_id", "user_id", "batch"})
"""Parameters that name a row or a record: written as numbers are written on a sheet's edge
or after a # ("row 2722", "#12345"), not grouped like quantities ("2,722 rows")."""


def fill(template: str, message: Message, lang: str) -> str:
    """``template`` with the message's parameters; a missing one shows as ``{name}``, never raises."""
    if isinstance(message.params.get("id"), EarlierRow):
        template = template.replace("#{id}", "{id}")  # (a place, not a number)
    values = {
        k: str(v) if k in IDENTIFIERS and type(v) is int else param_text(v, lang)
        for k, v in message.params.items()
    }
    try:
        return template.format_map(_Missing(values))
    except (ValueError, IndexError):
        return template


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def where_text(message: Message, lang: str = "en") -> str:
    """ "sheet "X", row 12, column Email (C)" — what of it is known."""
    i = _lang(lang)
    parts = []
    if message.sheet:
        parts.append(WHERE["sheet"][i].format(sheet=message.sheet))
    if message.row is not None:
        parts.append(WHERE["row"][i].format(row=message.row))
    if message.column:
        parts.append(WHERE["column"][i].format(column=message.column))
    return ", ".join(parts)


def text(message: Message, lang: str = "en", *, where: bool = False, column: bool = True) -> str:
    """The message in ``lang`` ("en" or "vi"); ``where`` puts its place first, ``column`` its
    column (the way a row's reasons are listed: "Email (C): …")."""
    pair = TEMPLATES.get(message.code)
    body = fill(pair[_lang(lang)], message, lang) if pair else message.code
    if where:
        place = where_text(message, lang)
        return f"{place}: {body}" if place else body
    if column and message.column:
        return f"{message.column}: {body}"
    return body


def texts(messages: Any, lang: str = "en") -> str:
    """Several messages on one line, "; " between them."""
    return "; ".join(text(m, lang) for m in messages)
