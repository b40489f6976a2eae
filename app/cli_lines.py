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

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import field_words
from app.errors import UserError, ValidationError

# code: (English, Vietnamese)
LINES: dict[str, tuple[str, str]] = {
    # Ctrl+C (app.cli._interrupted): a command that writes says what it wrote instead
    "interrupted": ("interrupted", "đã dừng (Ctrl+C)"),
    "interrupted_file": ("interrupted: {path} was not written", "đã dừng (Ctrl+C): chưa ghi {path}"),
    "interrupted_file_written": (
        "interrupted after {path} was written",
        "đã dừng (Ctrl+C) sau khi đã ghi {path}",
    ),
    "interrupted_brief": ("interrupted: no brief was written", "đã dừng (Ctrl+C): chưa tạo bản tóm tắt nào"),
    "interrupted_backup": (
        "interrupted: no backup was written",
        "đã dừng (Ctrl+C): chưa ghi bản sao lưu nào",
    ),
    # ketnoi demo: without --db, the sample database of its own (app.sample_data), never the
    # person's own one (a reviewer's demo data went into the file the window opens)
    "demo_written": (
        "Demo data written to {where} in {seconds} s:",
        "Đã ghi dữ liệu mẫu vào {where} trong {seconds} giây:",
    ),
    "demo_sample_written": (
        "Sample data written to {where} in {seconds} s — a database of its own; yours was not touched:",
        "Đã ghi dữ liệu mẫu vào {where} trong {seconds} giây — một cơ sở dữ liệu riêng; cơ sở dữ liệu "
        "của bạn không bị động đến:",
    ),
    "demo_sample_there": (
        "The sample database is there already: {path} (with whatever was changed in it; delete the "
        "file to start it afresh). Your own database was not touched.",
        "Cơ sở dữ liệu mẫu đã có sẵn: {path} (kèm những gì đã sửa trong đó; xoá tệp này để tạo lại từ "
        "đầu). Cơ sở dữ liệu của bạn không bị động đến.",
    ),
    "demo_open_it": (
        "Open it: ketnoi --db {path}  (plain ketnoi opens your own database)",
        "Mở nó: ketnoi --db {path}  (lệnh ketnoi không kèm gì mở cơ sở dữ liệu của bạn)",
    ),
    "interrupted_demo": (
        "interrupted: no demo data was written",
        "đã dừng (Ctrl+C): chưa ghi dữ liệu mẫu nào",
    ),
    "interrupted_demo_written": (
        "interrupted after the demo data was written",
        "đã dừng (Ctrl+C) sau khi đã ghi dữ liệu mẫu",
    ),
    # a command stopped by a team database's server gone (stopped, restarted, the network down;
    # app.cli._lost): the window's "Cannot reach the database server …", and what was written
    "lost": (
        "lost the connection to the database server {server} (the server stopped or restarted, "
        "or the network is down): {written}",
        "mất kết nối tới máy chủ cơ sở dữ liệu {server} (máy chủ đã dừng hoặc khởi động lại, "
        "hoặc mạng bị ngắt): {written}",
    ),
    "lost_nothing": (
        "nothing was written (the database is as it was); run the command again when the server is back",
        "chưa ghi gì (cơ sở dữ liệu giữ nguyên như trước); hãy chạy lại lệnh khi máy chủ hoạt động trở lại",
    ),
    "lost_some": (
        "what the command had saved before then stays saved, the rest was not written "
        "(ketnoi history shows what was)",
        "những gì lệnh đã lưu trước đó vẫn được giữ, phần còn lại chưa được ghi "
        "(ketnoi history cho xem những gì đã lưu)",
    ),
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
    # ketnoi log-meeting: an organisation reorganised by the meeting's day (app.reorg.successors_on)
    # a meeting's time typed with a zone (app.zones): what it became in the office's time
    "zone_converted": (
        "  {typed} ({offset}) is {office} Hanoi time ({office_offset}), the time Ketnoi keeps",
        "  {typed} ({offset}) là {office} giờ Hà Nội ({office_offset}), giờ Ketnoi ghi lại",
    ),
    "successor_used": (
        "  {old} became {new} on {since}: the meeting is with {new} (--organisation-as-was keeps {old})",
        "  {old} đã trở thành {new} từ ngày {since}: cuộc họp được ghi với {new} "
        "(--organisation-as-was để giữ {old})",
    ),
    # ketnoi contact / action / org add: the same for a new record's organisation
    "successor_for_record": (
        "  {old} became {new} on {since}: saved with {new} (--as-was keeps {old})",
        "  {old} đã trở thành {new} từ ngày {since}: đã lưu với {new} (--as-was để giữ {old})",
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
    "dedupe_merge": (
        "merge: ketnoi merge {kind} {keep} {other} --dry-run (keeps #{keep}: more history, else older)",
        "gộp: ketnoi merge {kind} {keep} {other} --dry-run (giữ lại #{keep}: nhiều lịch sử hơn, "
        "nếu bằng nhau thì cũ hơn)",
    ),
    "undo_with": ("Undo with: ketnoi undo {group}", "Hoàn tác: ketnoi undo {group}"),
    "undone": ("Undone: {description}.", "Đã hoàn tác: {description}."),
    "redone": ("Redone: {description}.", "Đã làm lại: {description}."),
    "merge_head_field": ("field", "trường"),
    "merge_head_survivor": ("survivor #{id}", "giữ lại #{id}"),
    "merge_head_other": ("other #{id}", "bị xoá sau khi gộp #{id}"),
    "merge_head_keeps": ("keeps", "lấy theo"),
    "dry_run": ("Nothing was written (--dry-run).", "Chưa ghi gì cả (--dry-run)."),
    # ketnoi KIND edit --if-version N of a record saved since N: their fields kept beside these
    "kept_theirs": (
        "Merged with what {by} saved meanwhile ({at}), kept as they saved it: {fields}",
        "Đã gộp với những gì {by} lưu trong lúc đó ({at}), giữ nguyên như họ đã lưu: {fields}",
    ),
    "kept_elsewhere": (
        "Merged with what was saved meanwhile from {by} ({at}), kept as it was saved: {fields}",
        "Đã gộp với những gì được lưu trong lúc đó từ {by} ({at}), giữ nguyên như đã lưu: {fields}",
    ),
    # ketnoi history / trash
    "by": (" by {actor}", " bởi {actor}"),
    "nothing_in_trash": ("Nothing in the trash matches.", "Không có gì trong thùng rác khớp."),
    "nothing_deleted": ("Nothing deleted.", "Chưa có gì bị xoá."),
    "trash_restore_usage": (
        "restore what? Give the ids the trash lists: ketnoi trash restore 3 (or ketnoi meeting restore 3)",
        "khôi phục gì? Hãy ghi số hiệu mà thùng rác liệt kê: ketnoi trash restore 3 (hoặc ketnoi meeting restore 3)",
    ),
    "trash_restore_gone": (
        "#{id} is not in the trash; nothing restored (ketnoi trash lists what is)",
        "#{id} không có trong thùng rác; chưa khôi phục gì (ketnoi trash liệt kê những gì có trong đó)",
    ),
    "trash_restore_which": (
        "#{id} is in the trash as more than one kind of record; say which: {commands}",
        "#{id} có trong thùng rác ở nhiều loại hồ sơ; hãy nói rõ loại nào: {commands}",
    ),
    "trash_restore_each": (
        "these are records of different kinds; restore each kind with its command: {commands}",
        "đây là hồ sơ thuộc nhiều loại; hãy khôi phục từng loại bằng lệnh của nó: {commands}",
    ),
    "in_trash": (
        "{kind} #{id} {label}  (deleted {when}{by}{merged}; {restore})",
        "{kind} #{id} {label}  (xoá lúc {when}{by}{merged}; {restore})",
    ),
    "merged_into": ("; merged into {into}", "; đã gộp vào {into}"),
    "purged": (
        "Removed for good: {what} (a backup was taken first: ketnoi backups)",
        "Đã xoá vĩnh viễn: {what} (đã sao lưu trước khi xoá: ketnoi backups)",
    ),
    "purged_server": (
        "Removed for good: {what} (no copy was taken first: the server's backups are the team's)",
        "Đã xoá vĩnh viễn: {what} (không sao lưu trước: bản sao lưu của máy chủ là của cả nhóm)",
    ),
    # ketnoi trash --empty on a team database: who empties what (app.trash.Emptying)
    "trash_mine": (
        "only what you deleted: what colleagues deleted ({others}) stays, for them or a manager to empty",
        "chỉ những gì bạn đã xoá: những gì đồng nghiệp đã xoá ({others} hồ sơ) vẫn ở lại, để họ hoặc quản lý dọn",
    ),
    "trash_mine_all": ("only what you deleted", "chỉ những gì bạn đã xoá"),
    "trash_team": (
        "every deleted record of the team, whoever deleted it",
        "mọi hồ sơ đã xoá của cả nhóm, bất kể ai đã xoá",
    ),
    "trash_kept": (
        "kept in the trash: {kept}, still used by a record you may not see",
        "giữ lại trong thùng rác: {kept} hồ sơ mà một hồ sơ bạn không được xem vẫn dùng",
    ),
    "trash_no_copy": (
        "no copy is taken first (the server's backups are the team's)",
        "không sao lưu trước (bản sao lưu của máy chủ là của cả nhóm)",
    ),
    "trash_none_yours": (
        "Nothing you deleted is in the trash; what colleagues deleted ({others}) stays, for them or a manager to empty",
        "Thùng rác không có gì do bạn xoá; những gì đồng nghiệp đã xoá ({others} hồ sơ) vẫn ở lại, để họ hoặc quản lý dọn",
    ),
    # ketnoi whoami
    "not_team": (
        "Not a team database; history names you as {actor}",
        "Không phải cơ sở dữ liệu nhóm; lịch sử ghi tên bạn là {actor}",
    ),
    "nobody": ("(nobody)", "(không ai)"),
    "whoami": ("{name} (login {login}, {role})", "{name} — tài khoản {login}, {role}"),
    "no_role": ("no Ketnoi role", "chưa có vai trò trong Ketnoi"),
    # ketnoi copy-db
    "copy_older": (
        "{path} has schema {revision}, older than this Ketnoi's {head}, and may not be written: "
        "copying from a temporary copy of it, upgraded (the file itself is left as it is)",
        "{path} có lược đồ {revision}, cũ hơn {head} của Ketnoi này, và không ghi được: sao chép từ "
        "một bản sao tạm của tệp, đã nâng cấp (tệp gốc giữ nguyên)",
    ),
    "copying": ("Copying {source} → {target}", "Đang sao chép {source} → {target}"),
    "copy_progress": ("  {table}: {rows} rows", "  {table}: {rows} dòng"),
    "copy_header": (
        "{:<22} {:>9} {:>9}  rows hashed".format("table", "source", "target"),
        "{:<22} {:>9} {:>9}  so khớp từng dòng".format("bảng", "nguồn", "đích"),
    ),
    "copy_row": (
        "{table:<22} {source:>9} {target:>9}  {same}",
        "{table:<22} {source:>9} {target:>9}  {same}",
    ),
    "identical": ("identical", "giống hệt"),
    "different": ("DIFFERENT", "KHÁC NHAU"),
    "copied": (
        "Copied {rows} rows in {tables} tables; the copy is identical to the source.",
        "Đã sao chép {rows} dòng trong {tables} bảng; bản sao giống hệt nguồn.",
    ),
    "merging": (
        "Merging organisations and contacts of {source} into {target}",
        "Đang gộp tổ chức và liên hệ của {source} vào {target}",
    ),
    "merged_organisation": (
        "  organisations: {added} added, {matched} matched existing ones",
        "  tổ chức: thêm {added}, {matched} khớp với tổ chức đã có",
    ),
    "merged_contact": (
        "  contacts: {added} added, {matched} matched existing ones",
        "  liên hệ: thêm {added}, {matched} khớp với liên hệ đã có",
    ),
    "not_merged": (
        "  not merged (copy-db merges organisations and contacts only): {shown}",
        "  không gộp (copy-db chỉ gộp tổ chức và liên hệ): {shown}",
    ),
    # ketnoi log-meeting: a meeting logged already (app.already_logged)
    "logged_by": (
        "{by} already logged “{title}” with {shared} at {at}",
        "{by} đã ghi cuộc họp “{title}” với {shared} lúc {at}",
    ),
    "logged_by_you": (
        "You already logged “{title}” with {shared} at {at}",
        "Bạn đã ghi cuộc họp “{title}” với {shared} lúc {at}",
    ),
    "logged_before": (
        "“{title}” with {shared} at {at} is already logged",
        "Cuộc họp “{title}” với {shared} lúc {at} đã được ghi",
    ),
    "logged_on": (" (meeting #{id}, logged {when})", " (cuộc họp #{id}, ghi lúc {when})"),
    "logged_id": (" (meeting #{id})", " (cuộc họp #{id})"),
    "logged_refused": (
        "{said}; nothing saved. To save this one too, run the command again with --even-if-logged "
        "(ketnoi meeting show {id} shows the one saved)",
        "{said}; chưa lưu gì. Để vẫn lưu cuộc họp này, chạy lại lệnh với --even-if-logged "
        "(ketnoi meeting show {id} cho xem cuộc họp đã ghi)",
    ),
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


def interrupted_writing(path: Path) -> Callable[[str], str]:
    """What a Ctrl+C says while ``path`` is written (``ketnoi export``, a brief): whether it was,
    judged by the file itself when the line is said (written under another name and renamed in
    one step, it is there whole or not changed)."""
    before = _stamp(path)

    def said(lang: str) -> str:
        now = _stamp(path)
        code = "interrupted_file_written" if now is not None and now != before else "interrupted_file"
        return say(code, lang, path=path)

    return said


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def say(code: str, lang: str, **values: Any) -> str:
    """The line ``code`` of :data:`LINES` in ``lang`` ("vi" or else English), filled in."""
    return LINES[code][1 if lang == "vi" else 0].format(**values)


def zone_converted(typed: object, lang: str) -> str | None:
    """The line that says what a time typed with a zone ("21:00 JST") became in the office's
    time, or None when no zone was typed."""
    from app import zones

    found = zones.converted(typed)
    if found is None:
        return None
    zoned, office = found
    return say(
        "zone_converted",
        lang,
        typed=" ".join(str(typed).split()),
        offset=zones.offset_text(
            zoned.zone, office.replace(tzinfo=zones.OFFICE).astimezone(zoned.zone).replace(tzinfo=None)
        ),
        office=f"{office:%d/%m/%Y %H:%M}",
        office_offset=zones.office_offset_text(),
    )


def field_problem_vi(message: str) -> str:
    """A service's sentence about a field in Vietnamese where it is known; else as written (the
    words are :data:`app.field_words.WORDS`, the window's too)."""
    return field_words.say(message, "vi")


def not_saved_vi(error: ValidationError) -> str:
    """ "Chưa lưu tổ chức: Mức ảnh hưởng (1–5): 9 nằm ngoài thang từ 1 (thấp) đến 5 (cao)": a
    refused form in Vietnamese, each field by the window's label (it said "The organisation was
    not saved: influence: 9 is outside the scale …" under a Vietnamese locale)."""
    from app.value_labels import field_name

    detail = "; ".join(
        f"{field_name(field, 'vi')}: {field_problem_vi(problem)}" for field, problem in error.errors.items()
    )
    return f"Chưa lưu {field_words.noun_vi(error.entity)}: {detail}"
