"""What ``ketnoi letter …`` prints, in English and Vietnamese.

The commands printed English whatever the locale (reviewer, under LANG=vi_VN.UTF-8: "Letter #1
signed: Số 01/NIC-HTQT", "No letters match.", "moved to the trash"). They now speak the CLI's
language (:func:`app.language.cli_language`: a Vietnamese locale, else English), in the words
the window and the letters use (a letter: *công văn*; draft, signed, sent: *dự thảo*, *đã ký*,
*đã gửi*). ``letter draft --lang`` is the letter's language, not the CLI's: the draft's lines
follow the locale. ``--json`` is unchanged.

    say("signed", "vi", id=3, reference="125/NIC-HTQT", date="06/12/2026")
    # "Đã ký công văn #3: Số 125/NIC-HTQT, ngày 06/12/2026"
"""

from __future__ import annotations

from app.errors import UserError
from app.language import cli_language

# code: (English, Vietnamese)
LINES: dict[str, tuple[str, str]] = {
    "registered": ("Letter #{id} registered: {line}", "Đã vào sổ công văn #{id}: {line}"),
    "no_number": ("(no number yet)", "(chưa có số)"),
    "reply_by": (" reply by {date}", " · hạn trả lời {date}"),
    "none_match": ("No letters match.", "Không có công văn nào khớp."),
    "history": ("  history:", "  lịch sử:"),
    "by": (" by {actor}", " — {actor}"),
    "signed": (
        "Letter #{id} signed: Số {reference}, {date}",
        "Đã ký công văn #{id}: Số {reference}, ngày {date}",
    ),
    "action_reads": ("Action #{id} now reads {now}", "Việc #{id} nay ghi số {now}"),
    "action_was": (" (was {was})", " (trước đây: {was})"),
    "status": ("Letter #{id}: {status}", "Công văn #{id}: {status}"),
    "deleted": (
        "Letter #{id} moved to the trash (restore: ketnoi restore letter {id})",
        "Đã chuyển công văn #{id} vào thùng rác (khôi phục: ketnoi restore letter {id})",
    ),
    "attached": ("Attached #{att} {name} to letter #{id}", "Đã đính kèm #{att} {name} vào công văn #{id}"),
    "undo": ("(undo: ketnoi undo {group})", "(hoàn tác: ketnoi undo {group})"),
    "drafted": ("Letter #{id}{about}: {path}", "Công văn #{id}{about}: {path}"),
    "for_action": ("action #{id}: {title}", "việc #{id}: {title}"),
    "for_meeting": ("meeting #{id}: {title}", "cuộc họp #{id}: {title}"),
    "bare_number": (
        "a bare number is a letter's id; action #{id}'s letter: action:{id}",
        "số viết không kèm gì là số thứ tự của công văn; công văn của việc #{id}: action:{id}",
    ),
    "named_in_title": (
        "{line} (named in action #{id}'s title{under}; --to ORG writes to another)",
        "{line} (tổ chức được nêu trong tiêu đề việc #{id}{under}; gửi tổ chức khác: --to TỔ_CHỨC)",
    ),
    "recorded_under": ("; the action is recorded under {name}", "; việc được ghi cho {name}"),
    "met_besides_ours": (
        "{line} (the organisations met besides ours: {names}; --to ORG writes to another)",
        "{line} (các tổ chức đã gặp ngoài bên ta: {names}; gửi tổ chức khác: --to TỔ_CHỨC)",
    ),
    "first_met_besides_ours": (
        "{line} (the first of the organisations met besides ours: {names}; --to ORG writes to another)",
        "{line} (tổ chức đầu tiên trong số các tổ chức đã gặp ngoài bên ta: {names}; "
        "gửi tổ chức khác: --to TỔ_CHỨC)",
    ),
    "withheld_meeting": (
        "Meeting #{id} is confidential: its title, agenda and people are not in the letter "
        "(it names the meeting by its date only).",
        "Cuộc họp #{id} là cuộc họp mật: tiêu đề, chương trình và người tham dự không được đưa "
        "vào công văn (công văn chỉ nêu ngày của buổi làm việc).",
    ),
    "withheld_action": (
        "Action #{id} is confidential: its title is not in the letter (a neutral subject instead).",
        "Việc #{id} là việc mật: tiêu đề của việc không được đưa vào công văn (thay bằng trích yếu chung).",
    ),
    "withheld_people": (
        "Meeting #{id}'s title names a confidential person: those words are not in the letter.",
        "Tiêu đề cuộc họp #{id} nêu tên người được bảo mật: những chữ đó không được đưa vào công văn.",
    ),
    "pdf": ("PDF ({engine}): {path}", "Bản PDF ({engine}): {path}"),
    "copied": (
        "Copied to {path}: edit it there; it is used instead of the shipped one.",
        "Đã chép sang {path}: hãy sửa tại đó; mẫu này được dùng thay cho mẫu có sẵn.",
    ),
    "template_dirs": (
        "Office copies (win): {own}\nShipped: {shipped}",
        "Mẫu của cơ quan (được ưu tiên): {own}\nMẫu có sẵn: {shipped}",
    ),
    "office_copy": ("office ", "cơ quan"),
    "shipped_copy": ("shipped", "có sẵn "),
    "start_at": (
        "{symbol} {year}: the next letter signed gets number {number}",
        "{symbol} năm {year}: công văn ký tiếp theo sẽ mang số {number}",
    ),
}

# A letter's status (m.LETTER_STATUSES), as the window says it
STATUSES: dict[str, str] = {
    "draft": "dự thảo",
    "signed": "đã ký",
    "sent": "đã gửi",
    "received": "đã nhận",
    "replied": "đã trả lời",
}

# The fields ``letter show`` prints, as the letter form names them
FIELDS: dict[str, str] = {
    "addressee": "kính gửi",
    "signer_title": "chức vụ người ký",
    "signer_name": "người ký",
    "recipients_copy": "nơi nhận khác",
    "notes": "ghi chú",
    "action": "việc",
    "meeting": "cuộc họp",
    "reply_to": "trả lời công văn",
}


def language() -> str:
    """The CLI's language for these lines: the locale's (``letter draft --lang`` is the letter's)."""
    return cli_language(None)


def say(code: str, lang: str, **values: object) -> str:
    """The line ``code`` of :data:`LINES` in ``lang`` ("vi" or else English), filled in."""
    return LINES[code][1 if lang == "vi" else 0].format(**values)


def status(value: str, lang: str) -> str:
    """A letter's status in ``lang`` ("sent" / "đã gửi")."""
    return STATUSES.get(value, value) if lang == "vi" else value


def field(name: str, lang: str) -> str:
    """A field's name as ``letter show`` prints it in ``lang``."""
    return FIELDS.get(name, name) if lang == "vi" else name


def refused(en: str, vi: str) -> UserError:
    """A refusal in English that carries its Vietnamese (``vi``): the CLI prints the one of its
    language (``app.cli._vietnamese``), the window and ``--json`` scripts read the English."""
    error = UserError(en)
    error.vi = vi  # type: ignore[attr-defined]
    return error
