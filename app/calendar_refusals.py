"""Why an .ics file is not imported, in English and Vietnamese.

    raise NotAnInvitation("no_start", "Họp Genetica.ics")
    str(exc)  # "Họp Genetica.ics: the event has no start (DTSTART), so … Ask the organiser …"
    exc.vi    # "Họp Genetica.ics: sự kiện không có thời điểm bắt đầu (DTSTART) … Hãy nhờ …"

Reading an invitation (:func:`app.calendars.read_ics`, ``ketnoi import FILE.ics``, File → Import
calendar invitation, a file dropped on the window) refuses a file that is not one with a
:class:`NotAnInvitation`: a code of :data:`TEMPLATES`, the file's name and what was found. Each
sentence names the file and says what to do (the Vietnamese window and the CLI under a Vietnamese
locale used to say "the event has no start (DTSTART)" in English, and not what to do). The CLI says ``vi`` under
``--lang vi`` or a Vietnamese locale (``app.cli._vietnamese``), the window in a Vietnamese
interface (``ui.not_written.error_text``). What a library or the system said (``{detail}``) is
quoted as it was said.
"""

from __future__ import annotations

from app.errors import UserError

_AGAIN_EN = "Ask the organiser to send the invitation again, or log the meeting by hand (Log meeting…)."
_AGAIN_VI = "Hãy nhờ người tổ chức gửi lại lời mời, hoặc tự ghi cuộc họp (Ghi nhận cuộc họp…)."

# code: (English, Vietnamese); {name} is the file's name, the rest as each code says
TEMPLATES: dict[str, tuple[str, str]] = {
    "unreadable": (  # {detail}: the system's words
        "{name}: cannot be read ({detail}). Check that the file is still there and that you may open "
        "it, then import it again.",
        "{name}: không đọc được tệp ({detail}). Hãy kiểm tra tệp vẫn còn đó và bạn có quyền mở tệp, rồi "
        "nhập lại.",
    ),
    "not_ordinary": (
        "{name}: not an ordinary file (a pipe, a device or a socket). Choose the invitation's .ics "
        "file itself.",
        "{name}: không phải là một tệp thông thường (mà là ống dẫn, thiết bị hoặc socket). Hãy chọn "
        "chính tệp lời mời .ics.",
    ),
    "too_large": (  # {size}, {limit}: megabytes
        "{name}: {size} MB is too large for a calendar invitation (at most {limit} MB). Import the "
        "invitation itself (the .ics file attached to the e-mail), not a whole exported calendar.",
        "{name}: {size} MB là quá lớn đối với một lời mời lịch (tối đa {limit} MB). Hãy nhập chính tệp "
        "lời mời (tệp .ics đính kèm email), không phải cả một lịch đã xuất ra.",
    ),
    "not_calendar": (
        "{name}: not a calendar file (.ics): it does not start with BEGIN:VCALENDAR. Choose the "
        "invitation's .ics file (attached to the e-mail, or saved from the calendar).",
        "{name}: không phải tệp lịch (.ics): tệp không bắt đầu bằng BEGIN:VCALENDAR. Hãy chọn tệp .ics "
        "của lời mời (đính kèm email, hoặc lưu ra từ ứng dụng lịch).",
    ),
    "whole_calendar": (  # {count}: events in the file, {limit}: at most
        "{name}: a whole calendar ({count} events), not an invitation (at most {limit} events in a "
        "file). Import one invitation at a time.",
        "{name}: cả một lịch ({count} sự kiện), không phải một lời mời (tối đa {limit} sự kiện trong "
        "một tệp). Hãy nhập từng lời mời một.",
    ),
    "damaged": (  # {detail}: the calendar library's words
        "{name}: not a readable calendar file ({detail}). The file may be damaged: save the "
        "invitation again from the e-mail or the calendar and import that file.",
        "{name}: không đọc được nội dung lịch ({detail}). Có thể tệp đã bị hỏng: hãy lưu lại lời mời "
        "từ email hoặc ứng dụng lịch rồi nhập tệp đó.",
    ),
    "no_event": (
        "{name}: the calendar holds no event (VEVENT) to import, maybe only tasks or time zones. "
        "Choose the file of a meeting invitation.",
        "{name}: tệp lịch không có sự kiện (VEVENT) nào để nhập, có thể chỉ có công việc hoặc múi giờ. "
        "Hãy chọn tệp của một lời mời họp.",
    ),
    "no_start": (
        f"{{name}}: the event has no start (DTSTART), so the meeting's date is unknown. {_AGAIN_EN}",
        f"{{name}}: sự kiện không có thời điểm bắt đầu (DTSTART) nên không biết cuộc họp diễn ra khi nào. "
        f"{_AGAIN_VI}",
    ),
    "bad_times": (  # {detail}: the calendar library's words
        f"{{name}}: the event's times cannot be read ({{detail}}). {_AGAIN_EN}",
        f"{{name}}: không đọc được thời gian của sự kiện ({{detail}}). {_AGAIN_VI}",
    ),
    "no_uid": (
        "{name}: the event has no UID, so the meeting it makes could not be found when the invitation "
        f"is imported again. {_AGAIN_EN}",
        "{name}: sự kiện không có UID nên khi nhập lại lời mời sẽ không tìm được cuộc họp đã tạo. "
        f"{_AGAIN_VI}",
    ),
    "long_uid": (
        f"{{name}}: the event's UID is longer than 255 characters. {_AGAIN_EN}",
        f"{{name}}: UID của sự kiện dài quá 255 ký tự. {_AGAIN_VI}",
    ),
    "bad_occurrence": (
        "{name}: the event's RECURRENCE-ID (which occurrence of a repeating meeting it changes) "
        f"cannot be read. {_AGAIN_EN}",
        "{name}: không đọc được RECURRENCE-ID của sự kiện (lần họp nào của cuộc họp định kỳ bị thay "
        f"đổi). {_AGAIN_VI}",
    ),
}

NO_NAME = ("The file", "Tệp")
"""What a sentence calls a file read without a name (it starts the sentence)."""


class NotAnInvitation(UserError):
    """An .ics file that is not imported: ``code`` (a key of :data:`TEMPLATES`) says why,
    ``name`` is the file's name, ``params`` what the sentence quotes. Its own text is English,
    ``vi`` Vietnamese; :meth:`text` gives either."""

    def __init__(self, code: str, name: str, **params: object) -> None:
        if code not in TEMPLATES:
            raise KeyError(f"no wording for {code!r}")
        self.code = code
        self.name = name
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.text("en"))
        self.vi = self.text("vi")

    def text(self, lang: str = "en") -> str:
        i = 1 if lang == "vi" else 0
        return TEMPLATES[self.code][i].format(name=self.name or NO_NAME[i], **self.params)
