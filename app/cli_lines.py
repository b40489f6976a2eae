"""What ``ketnoi info``, ``search``, ``merge``, ``undo``, ``trash`` and ``whoami`` print, in
English and Vietnamese.

They printed English whatever the locale (reviewer, under LANG=vi_VN.UTF-8: "organisations",
"1 result in 121 ms", "deleted … by root", "Merged contact…"). They now speak the CLI's
language (:func:`app.language.cli_language`: ``--lang`` where a command has it, else the
locale), in the window's words for the same things
(the trash: *thùng rác*; a merge's two records: *giữ lại*, *bị xoá sau khi gộp*).
The English lines are unchanged; ``--json`` is unchanged.

    say("results", "vi", counted="1 kết quả", ms="65")   # "1 kết quả trong 65 ms"
"""

from __future__ import annotations

from typing import Any

from app.errors import UserError

# code: (English, Vietnamese)
LINES: dict[str, tuple[str, str]] = {
    # ketnoi info
    "database": ("Database: {where}", "Cơ sở dữ liệu: {where}"),
    "checked": (
        "Checked (SQLite quick_check): no damage found",
        "Đã kiểm tra (SQLite quick_check): không thấy hư hỏng",
    ),
    "read_only": ("Opened read-only: {why}", "Mở ở chế độ chỉ đọc: {why}"),
    "schema": (
        "Schema {revision}, read as it is: the upgrades to this Ketnoi's {head} change data only, "
        "and a copy opened for changes is upgraded",
        "Lược đồ {revision}, được đọc nguyên trạng: các bản nâng cấp lên {head} của Ketnoi này chỉ "
        "thay đổi dữ liệu, và bản sao được mở để sửa sẽ được nâng cấp",
    ),
    # ketnoi search
    "nothing_matches": ('Nothing matches "{query}".', "Không có gì khớp với “{query}”."),
    "results": ("{counted} in {ms} ms", "{counted} trong {ms} ms"),
    "first_results": (
        "First {counted} in {ms} ms (more match; --limit N shows more)",
        "{counted} đầu tiên trong {ms} ms (còn kết quả khác; --limit N để xem thêm)",
    ),
    # ketnoi merge
    "merged": ("{description}; moved {moved}.", "{description}; đã chuyển {moved}."),
    "merged_nothing": ("{description}; moved nothing else.", "{description}; không có gì khác cần chuyển."),
    "undo_with": ("Undo with: ketnoi undo {group}", "Hoàn tác: ketnoi undo {group}"),
    "undone": ("Undone: {description}.", "Đã hoàn tác: {description}."),
    "merge_head_field": ("field", "trường"),
    "merge_head_survivor": ("survivor #{id}", "giữ lại #{id}"),
    "merge_head_other": ("other #{id}", "bị xoá sau khi gộp #{id}"),
    "merge_head_keeps": ("keeps", "lấy theo"),
    "dry_run": ("Nothing was written (--dry-run).", "Chưa ghi gì cả (--dry-run)."),
    # ketnoi history / trash
    "by": (" by {actor}", " bởi {actor}"),
    "nothing_in_trash": ("Nothing in the trash matches.", "Không có gì trong thùng rác khớp."),
    "nothing_deleted": ("Nothing deleted.", "Chưa có gì bị xoá."),
    "in_trash": (
        "{kind} #{id} {label}  (deleted {when}{by}{merged}; {restore})",
        "{kind} #{id} {label}  (xoá lúc {when}{by}{merged}; {restore})",
    ),
    "merged_into": ("; merged into {into}", "; đã gộp vào {into}"),
    # ketnoi whoami
    "not_team": (
        "Not a team database; history names you as {actor}",
        "Không phải cơ sở dữ liệu nhóm; lịch sử ghi tên bạn là {actor}",
    ),
    "nobody": ("(nobody)", "(không ai)"),
    "whoami": ("{name} (login {login}, {role})", "{name} — tài khoản {login}, {role}"),
    "no_role": ("no Ketnoi role", "chưa có vai trò trong Ketnoi"),
}

MOVED_VI = {  # what a merge moved to the record kept (app.merge.REPOINT, MEMBERSHIP; app.reorg)
    "actions": "việc cần làm",
    "contacts": "liên hệ",
    "children": "đơn vị trực thuộc",
    "attendance": "lượt tham dự cuộc họp",
    "meetings": "cuộc họp",
    "posts": "chức vụ",
    "succeeded": "lần sắp xếp tổ chức",
    "succeeds": "lần sắp xếp tổ chức",
}

# Roles of a team login (db.models / app.team), as the window's team dialog says them
TEAM_ROLES: dict[str, str] = {
    "admin": "quản trị viên",
    "manager": "lãnh đạo",
    "officer": "cán bộ",
    "reader": "người xem (chỉ đọc)",
}


def refused(en: str, vi: str) -> UserError:
    """A refusal in English that carries its Vietnamese (``vi``): the CLI prints the one of its
    language (``app.cli._vietnamese``), ``--json`` scripts read it too."""
    error = UserError(en)
    error.vi = vi  # type: ignore[attr-defined]
    return error


def say(code: str, lang: str, **values: Any) -> str:
    """The line ``code`` of :data:`LINES` in ``lang`` ("vi" or else English), filled in."""
    return LINES[code][1 if lang == "vi" else 0].format(**values)


def thousands(n: int, lang: str) -> str:
    """``n`` with the thousands separator of ``lang``: 1,234 / 1.234."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text
