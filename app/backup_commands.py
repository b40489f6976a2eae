"""``ketnoi backup``, ``ketnoi backups``, ``ketnoi restore``: copies of the SQLite database.

Copies are online (SQLite's backup API) and also taken by themselves before every import,
merge, bulk delete, restore and upgrade, and once a day when the window starts; see
:mod:`db.backup` for where they go and how many are kept.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from app.cli_lines import refused
from app.language import cli_language, said, thousands
from db import backup as backups
from db import clock
from db.engine import describe_url, read_only_reason, sqlite_path
from db.errors import ReadOnlyFile
from db.migrate import (
    HEAD_REVISION,
    ReadOnlyDatabaseError,
    read_only_problem,
    restore_database,
    stored_revision,
)
from db.read_only import OlderSchemaError

SERVER_NOTE = (
    "a PostgreSQL database keeps no automatic copies here: `ketnoi backup [FILE]` runs pg_dump, "
    "pg_restore restores it, and the server's own backups cover the rest"
)
SERVER_NOTE_VI = (
    "cơ sở dữ liệu PostgreSQL không có bản sao tự động ở đây: `ketnoi backup [TỆP]` chạy pg_dump, "
    "pg_restore dùng để khôi phục, phần còn lại do các bản sao lưu của máy chủ đảm nhận"
)
# `ketnoi restore` on a team database (reviewer: it printed SERVER_NOTE, about automatic copies,
# and not that a restore is refused here nor how a team database is put back)
TEAM_RESTORE = (
    "ketnoi restore puts back a copy of a SQLite file, and is refused on a team database "
    "(PostgreSQL): it would write over every colleague's work. A team database is restored by "
    "its owner with pg_restore, from a complete backup (the server's, or the owner's pg_dump), "
    'into an empty database; see docs/team.md, "Backups"'
)
TEAM_RESTORE_VI = (
    "ketnoi restore khôi phục bản sao của một tệp SQLite và bị từ chối trên cơ sở dữ liệu nhóm "
    "(PostgreSQL): lệnh này sẽ ghi đè lên công việc của mọi đồng nghiệp. Cơ sở dữ liệu nhóm do "
    "chủ sở hữu khôi phục bằng pg_restore, từ một bản sao lưu đầy đủ (của máy chủ, hoặc bản "
    'pg_dump của chủ sở hữu), vào một cơ sở dữ liệu trống; xem docs/team.md, mục "Backups"'
)


LINES: dict[str, tuple[str, str]] = {
    # code: (English, Vietnamese): what the commands print, in the CLI's language (a Vietnamese
    # locale, else English), in the words of the window's Backups dialog
    "backed_up": ("Backed up {db} to {to} ({mb} MB)", "Đã sao lưu {db} vào {to} ({mb} MB)"),
    "older_copy": (
        "The copy has the file's schema {older}, as the file has it; Ketnoi upgrades it to "
        "{head} when it is opened (ketnoi info --db {to}), keeping a copy from before",
        "Bản sao giữ lược đồ {older} như tệp gốc; Ketnoi sẽ nâng cấp nó lên {head} khi mở "
        "(ketnoi info --db {to}) và giữ lại một bản sao từ trước khi nâng cấp",
    ),
    "dumped": (
        "Dumped {db} to {to} ({mb} MB); restore with pg_restore",
        "Đã lưu bản sao của {db} vào {to} ({mb} MB) bằng pg_dump; khôi phục bằng pg_restore",
    ),
    "dumped_partial": (
        "This copy holds only what the login {login} may see ({role}): the confidential records of "
        "colleagues it may not see are left out, and cannot be counted from this login. The "
        "complete backup is the database owner's (the server's backups, or pg_dump as the owner; "
        "docs/team.md)",
        "Bản sao này chỉ chứa những gì tài khoản {login} được xem ({role}): các hồ sơ mật của đồng "
        "nghiệp mà tài khoản này không được xem đã bị bỏ qua, và không thể đếm được từ tài khoản "
        "này. Bản sao lưu đầy đủ là của chủ sở hữu cơ sở dữ liệu (các bản sao lưu của máy chủ, "
        "hoặc pg_dump bằng tài khoản chủ sở hữu; xem docs/team.md)",
    ),
    "none_possible": (
        "No backups of {db}, and none can be taken beside it: {why}. "
        "ketnoi backup COPY.db --db {db} copies it where you choose.",
        "Chưa có bản sao lưu nào của {db}, và không thể tạo bản sao bên cạnh tệp này: {why}. "
        "ketnoi backup BAN_SAO.db --db {db} sao chép tệp tới nơi bạn chọn.",
    ),
    "none_yet": (
        "No backups of {db} yet (they go to {folder}).",
        "Chưa có bản sao lưu nào của {db} (các bản sao sẽ được lưu trong {folder}).",
    ),
    "listing": ("Backups of {db}, newest first:", "Các bản sao lưu của {db}, mới nhất trước:"),
    "ahead": (
        "named with a time still to come: taken while the computer's clock was ahead; "
        "listed by when it was written, kept, and never counted among the copies kept",
        "mang thời điểm chưa tới: được tạo khi đồng hồ máy tính chạy sai (nhanh hơn); "
        "xếp theo lúc tệp được ghi, luôn được giữ, không tính vào số bản sao được giữ",
    ),
    "damaged": (
        "damaged, set aside (kept, not restorable)",
        "tệp hỏng được giữ riêng (không khôi phục được)",
    ),
    "not_in_place": (
        "None can be restored in place: {why}. ketnoi backup COPY.db --db BACKUP copies one where you choose.",
        "Không thể khôi phục bản nào vào chỗ của tệp: {why}. "
        "ketnoi backup BAN_SAO.db --db BAN_SAO_LUU sao chép một bản tới nơi bạn chọn.",
    ),
    "restore_one": (
        "Restore one with: ketnoi restore FILE --db {db}",
        "Khôi phục một bản bằng: ketnoi restore TỆP --db {db}",
    ),
    "holds": (
        "{contacts} contact{cs}, {meetings} meeting{ms}, {actions} action{as_}, {organisations} organisation{os}",
        "{contacts} người liên hệ, {meetings} cuộc họp, {actions} việc, {organisations} tổ chức",
    ),
    "last_change": ("last change {at} by {by}", "thay đổi cuối {at}, do {by}"),
    "unreadable_copy": ("cannot be read", "không đọc được"),
    "restored": ("Restored {db} from {source}.", "Đã khôi phục {db} từ {source}."),
    "kept": ("What it replaced is kept in {saved}.", "Dữ liệu trước đó được giữ trong {saved}."),
}
REASONS_VI = {
    # a copy's reason (db.backup: its file name's last part) as the Backups dialog names it
    "daily": "bản sao hằng ngày",
    "manual": "bản sao bạn yêu cầu",
    "before-import": "trước khi nhập dữ liệu",
    "before-merge": "trước khi gộp hồ sơ",
    "before-bulk-delete": "trước khi xoá nhiều hồ sơ",
    "before-restore": "trước khi khôi phục",
    "before-empty-trash": "trước khi dọn thùng rác",
    "before-undo-import": "trước khi hoàn tác một lần nhập",
}


def _holds(found: backups.Contents | None) -> str:
    """ "last change 2026-12-06 22:08 by Hà · 21 contacts, 9 meetings, 13 actions, 19 organisations" """
    if found is None:
        return _say("unreadable_copy")
    n = (found.contacts, found.meetings, found.actions, found.organisations)
    ends = ["" if x == 1 else "s" for x in n]
    w = [thousands(x, cli_language()) for x in n]  # 100,020 / 100.020, as the window's dialog
    counts = _say(
        "holds", contacts=w[0], meetings=w[1], actions=w[2], organisations=w[3],
        cs=ends[0], ms=ends[1], as_=ends[2], os=ends[3],
    )  # fmt: skip
    if found.last_change_at is None:
        return counts
    at = f"{clock.local(found.last_change_at):%Y-%m-%d %H:%M}"
    return f"{_say('last_change', at=at, by=found.last_change_by or '—')} · {counts}"


def _say(code: str, **values: object) -> str:
    return said(LINES[code], cli_language(), **values)


def _reason(reason: str) -> str:
    """A copy's reason: the code in English ("before-import"), the window's words in Vietnamese."""
    if cli_language() != "vi":
        return reason
    if reason.startswith("before-upgrade"):
        return "trước khi nâng cấp Ketnoi"
    return REASONS_VI.get(reason, reason)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from app.cli import json_option

    as_json = json_option()
    p = sub.add_parser(
        "backup", parents=[common, as_json], help="copy the database now (into its backups folder, or FILE)"
    )
    p.add_argument("file", nargs="?", type=Path, help="write the copy here instead")
    p.set_defaults(handler=backup_command)

    p = sub.add_parser("backups", parents=[common, as_json], help="list the database's backups")
    p.set_defaults(handler=list_command)

    p = sub.add_parser(
        "restore",
        parents=[common, as_json],
        help="replace the database by a backup (checked first; what it replaces is backed up)",
    )
    p.add_argument("file", type=Path, help="a backup, e.g. from `ketnoi backups`")
    p.add_argument(
        "--other-database",
        action="store_true",
        help="put a copy of another database in its place (refused without this: a copy's own id differs)",
    )
    p.set_defaults(handler=restore_command, creates_db=True)


def _new_file(target: Path, stem: str, suffix: str) -> Path:
    """``target`` as a new file for a copy: ``suffix`` added to a name without one (as the
    window does); a folder, an existing file, a missing folder or one Ketnoi may not write is
    refused in words (reviewer: a folder was called a file that "exists already")."""
    from db.paths import writable_folder

    if target.is_dir():
        example = target / f"{stem}-{clock.now():%Y%m%d}{suffix}"
        raise refused(
            f"{target} is a folder: name the copy's file in it, e.g. {example}",
            f"{target} là một thư mục: hãy đặt tên tệp cho bản sao trong đó, ví dụ {example}",
        )
    if not target.suffix:
        target = target.with_suffix(suffix)
    if target.exists():
        raise refused(
            f"{target} exists already; choose a new file name", f"{target} đã có; hãy chọn một tên tệp mới"
        )
    if not target.parent.is_dir():
        raise refused(f"no folder {target.parent}", f"không có thư mục {target.parent}")
    if not writable_folder(target.parent):
        raise refused(
            f"the folder {target.parent} is read-only for you; choose a folder you can write",
            f"thư mục {target.parent} chỉ cho phép bạn đọc; hãy chọn một thư mục bạn có quyền ghi",
        )
    return target


def _db_file(ctx: Any) -> Path:
    path = sqlite_path(ctx.url)
    if path is None:
        raise refused(SERVER_NOTE, SERVER_NOTE_VI)
    return path


def backup_command(args: argparse.Namespace, ctx: Any) -> int:
    if sqlite_path(ctx.url) is None:
        return _pg_backup(args, ctx)
    db_file = _db_file(ctx)
    target = args.file.expanduser() if args.file else None
    older: str | None = None  # a read-only file's older schema, copied as it is
    try:
        engine = ctx.engine()  # the database must exist and be a Ketnoi one
    except OlderSchemaError as exc:
        # A file Ketnoi may not write, of an older schema: what the refusal advises is a copy
        # elsewhere, so the copy is the file as it is (a backup is what the file held, not an
        # upgrade of it); opening the copy upgrades it, keeping a copy from before.
        older, read_only = exc.revision, True
    else:
        read_only = read_only_reason(engine) is not None
        if read_only and (revision := stored_revision(engine)) != HEAD_REVISION:
            older = revision  # read as it is: only data-only migrations since (db.read_only)
    if read_only and target is None and not backups.folder_writable(db_file):
        raise _no_backups_folder(db_file, read_only_problem(db_file))
    if target is not None:
        target = _new_file(target, db_file.stem, ".db")
    from app.cli_lines import say as say_line

    # Ctrl+C: the copy is renamed into place only when whole, so until take() returns there is
    # none (a hidden part is swept by a later backup)
    ctx.interrupted = lambda lang: say_line("interrupted_backup", lang)
    written = backups.take(db_file, "manual", to=target)  # its BackupError is a UserError: one line
    assert written is not None
    ctx.interrupted = lambda lang: say_line("interrupted_file_written", lang, path=written)
    size = written.stat().st_size
    ctx.emit(
        {
            "database": describe_url(ctx.url),
            "backup": str(written),
            "size": size,
            "schema": older or HEAD_REVISION,
        }
    )
    ctx.out(_say("backed_up", db=describe_url(ctx.url), to=written, mb=f"{size / 1e6:.1f}"))
    if older is not None:
        ctx.out(_say("older_copy", older=older, head=HEAD_REVISION, to=written))
    return 0


def _no_backups_folder(db_file: Path, problem: ReadOnlyDatabaseError | None) -> ReadOnlyFile:
    """``ketnoi backup`` without FILE on a file whose folder (or backups folder) may not be
    written: the read-only sentence, before anything is touched, and where a copy can go."""
    folder = backups.folder_for(db_file)
    if problem is not None and problem.folder:
        why, why_vi = problem.why, problem.why_vi
    else:
        blocked = folder if folder.is_dir() else folder.parent
        why, why_vi = f"the folder {blocked} is read-only for you", f"thư mục {blocked} chỉ cho phép bạn đọc"
    return ReadOnlyFile(
        str(db_file),
        why,
        then=f"ketnoi backup FILE --db {db_file} writes a copy to FILE instead",
        why_vi=why_vi,
        then_vi=f"ketnoi backup TỆP --db {db_file} ghi một bản sao vào TỆP",
    )


def _why(problem: ReadOnlyDatabaseError) -> str:
    """Why copies cannot be made or restored beside the file, in the CLI's language."""
    return problem.why_vi if cli_language() == "vi" else problem.why


def _pg_backup(args: argparse.Namespace, ctx: Any) -> int:
    """A team database: pg_dump into FILE (or ketnoi-YYYYMMDD-HHMMSS.dump here)."""
    from app import team
    from app.cli_lines import TEAM_ROLES

    engine = ctx.engine()
    target = _new_file(
        (args.file or Path(f"ketnoi-{clock.now():%Y%m%d-%H%M%S}.dump")).expanduser(), "ketnoi", ".dump"
    )
    # an officer's or a reader's dump holds what row-level security lets the login read: said,
    # with whose copy is the whole (reviewer: lan's dump had 2 of the team's 3 meetings, unsaid)
    complete = team.sees_everything(engine)
    backups.pg_dump(ctx.url, target)  # (its failure in both languages: app.cli says the CLI's)
    size = target.stat().st_size
    ctx.emit({"database": describe_url(ctx.url), "backup": str(target), "size": size, "complete": complete})
    ctx.out(_say("dumped", db=describe_url(ctx.url), to=target, mb=f"{size / 1e6:.1f}"))
    if not complete and (who := team.identity(engine)) is not None:
        role = TEAM_ROLES.get(who.role, who.role) if cli_language() == "vi" else who.role
        ctx.out(_say("dumped_partial", login=who.login, role=role or "—"))
    return 0


def list_command(args: argparse.Namespace, ctx: Any) -> int:
    db_file = _db_file(ctx)
    found = backups.listing(db_file)
    # what each copy holds, to tell copies apart (reviewer: four "before-restore" copies, and
    # the wrong one restored)
    holds = {b.path: None if b.damaged else backups.contents(b.path) for b in found}
    ctx.emit(
        {
            "database": str(db_file),
            "folder": str(backups.folder_for(db_file)),
            "backups": [
                {"file": str(b.path), "at": b.at, "reason": b.reason, "size": b.size, "damaged": b.damaged,
                 "ahead": b.ahead,
                 "holds": dataclasses.asdict(c) if (c := holds[b.path]) is not None else None}
                for b in found
            ],
        }
    )  # fmt: skip
    blocked = read_only_problem(db_file)  # (reviewer: a read-only file was told where copies
    # go and how to restore one, neither of which can happen there)
    if not found:
        if blocked is not None:
            ctx.out(_say("none_possible", db=db_file, why=_why(blocked)))
        else:
            ctx.out(_say("none_yet", db=db_file, folder=backups.folder_for(db_file)))
        return 0
    ctx.out(_say("listing", db=db_file))
    for b in found:
        what = _say("damaged") if b.damaged else _reason(b.reason)
        ctx.out(f"  {b.at:%Y-%m-%d %H:%M:%S}  {what:<24} {b.size / 1e6:>8.1f} MB  {b.path}")
        if not b.damaged:
            ctx.out(f"  {'':19}  {_holds(holds[b.path])}")
        if b.ahead:
            ctx.out(f"  {'':19}  {_say('ahead')}")
    if blocked is not None:
        ctx.out(_say("not_in_place", why=_why(blocked)))
    else:
        ctx.out(_say("restore_one", db=db_file))
    return 0


def restore_command(args: argparse.Namespace, ctx: Any) -> int:
    if sqlite_path(ctx.url) is None:
        raise refused(TEAM_RESTORE, TEAM_RESTORE_VI)
    db_file = _db_file(ctx)
    source = args.file.expanduser()
    if source.resolve() == db_file.resolve():
        raise refused(
            "that is the database itself; pass one of its backups",
            "đó chính là cơ sở dữ liệu; hãy cho một bản sao lưu của nó",
        )
    if not db_file.parent.is_dir():
        raise refused(
            f"no folder {db_file.parent} for the database",
            f"không có thư mục {db_file.parent} để đặt cơ sở dữ liệu",
        )

    def done(saved: Path | None) -> None:  # said at once: the upgrade after may take a while
        ctx.emit({"database": str(db_file), "restored_from": str(source), "replaced_copy": str(saved or "")})
        ctx.out(_say("restored", db=db_file, source=source))
        if saved:
            ctx.out(_say("kept", saved=saved))

    # (a copy of another database is refused without --other-database: db.migrate)
    restore_database(ctx.url, source, on_restored=done, other_database=args.other_database)
    return 0
