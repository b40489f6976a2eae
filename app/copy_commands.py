"""``ketnoi copy-db --from URL --to URL [--merge]``: move a whole database (see app/copy_db.py)."""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import copy_db
from app.cli_lines import refused, say
from app.language import cli_language, thousands
from db.engine import describe_url, read_only_reason, resolve_url, sqlite_path
from db.migrate import HEAD_REVISION, ReadOnlyDatabaseError, open_database, stored_revision
from db.read_only import OlderSchemaError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from app.cli import json_option

    p = sub.add_parser(
        "copy-db",
        parents=[common, json_option()],
        help="copy a whole database into an empty one (a laptop's file into a team database, or back)",
        description=(
            "Copies every table with its ids (history, import batches, attachments, letters, shares…) "
            "into an empty database, then compares the two in full (rows counted, every row hashed). "
            "A target holding records is refused unless --merge: a merge brings organisations and "
            "contacts only, through the duplicate matching. Copying from or to a team database "
            "needs its owner's login."
        ),
    )
    p.add_argument("--from", dest="source", required=True, metavar="URL", help="the database to copy")
    p.add_argument(
        "--to", dest="target", required=True, metavar="URL", help="an empty database (or a new file)"
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="the target holds records: add the source's organisations and contacts that it lacks",
    )
    p.set_defaults(handler=copy_command)


def _open(url: str, *, creates: bool) -> Engine:
    from app.cli import check_database_url

    check_database_url(url, creates=creates)
    try:
        return open_database(url)
    except ReadOnlyDatabaseError as exc:
        if creates:  # the target must be written
            raise
        from db.read_only import open_read_only

        return open_read_only(url, exc)  # a source on a read-only share or medium: read only


def _upgraded_copy(ctx: Any, source_url: str, folder: Path) -> Engine:
    """A read-only SQLite source of an older schema, as this Ketnoi's: the file copied as it is
    into ``folder`` (db.backup.copy reads it as db.read_only chooses) and the copy upgraded.
    The copy, not the source, is upgraded: the source cannot be written, and copying an older
    schema's rows into this Ketnoi's tables would skip what the upgrade does to them."""
    from db import backup as backups

    path = sqlite_path(source_url)
    assert path is not None
    copy = folder / path.name
    try:
        backups.copy(path, copy)
    except sqlite3.Error as exc:
        raise refused(f"Cannot copy {path}: {exc}", f"Không sao chép được {path}: {exc}") from exc
    con = sqlite3.connect(copy)
    try:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        con.close()
    ctx.out(say("copy_older", cli_language(), path=path, revision=revision, head=HEAD_REVISION))
    return open_database(f"sqlite:///{copy}")


def copy_command(args: argparse.Namespace, ctx: Any) -> int:
    source_url, target_url = resolve_url(args.source), resolve_url(args.target)
    if source_url == target_url:
        raise refused("--from and --to name the same database", "--from và --to cùng chỉ một cơ sở dữ liệu")
    with tempfile.TemporaryDirectory(prefix="ketnoi-copy-") as folder:
        try:
            source = _open(source_url, creates=False)
        except OlderSchemaError:
            source = _upgraded_copy(ctx, source_url, Path(folder))
        else:
            if read_only_reason(source) is not None and stored_revision(source) != HEAD_REVISION:
                source.dispose()  # read as it is (data-only migrations since): not to be copied so
                source = _upgraded_copy(ctx, source_url, Path(folder))
        try:
            return _copy(args, ctx, source, source_url, target_url)
        finally:
            source.dispose()


def _copy(args: argparse.Namespace, ctx: Any, source: Engine, source_url: str, target_url: str) -> int:
    copy_db.check_source(source)  # before a target file is made for nothing
    target = _open(target_url, creates=True)
    try:
        if args.merge and copy_db.non_empty_tables(target):
            return _merge(ctx, source, target, source_url, target_url)

        lang = cli_language()

        def progress(table: str, done: int, total: int) -> None:
            if done == total and total and not ctx.json:
                print(say("copy_progress", lang, table=table, rows=thousands(done, lang)), flush=True)

        ctx.out(say("copying", lang, source=describe_url(source_url), target=describe_url(target_url)))
        report = copy_db.copy_database(source, target, progress=progress)
        ctx.out(say("copy_header", lang))
        for table, got in report.source.items():
            theirs = report.target[table]
            same = say("identical" if got == theirs else "different", lang)
            ctx.out(say("copy_row", lang, table=table, source=thousands(got.rows, lang),
                        target=thousands(theirs.rows, lang), same=same))  # fmt: skip
        total = sum(p.rows for p in report.source.values())
        ctx.out(say("copied", lang, rows=thousands(total, lang), tables=len(report.source)))
        ctx.emit(
            {
                "from": describe_url(source_url),
                "to": describe_url(target_url),
                "tables": {
                    t: {"rows": p.rows, "sha256_sum": p.digest, "identical": p == report.target[t]}
                    for t, p in report.source.items()
                },
                "identical": not report.differences,
            }
        )
        return 0
    finally:
        target.dispose()


def _merge(ctx: Any, source: Engine, target: Engine, source_url: str, target_url: str) -> int:
    lang = cli_language()
    ctx.out(say("merging", lang, source=describe_url(source_url), target=describe_url(target_url)))
    report = copy_db.merge_database(source, target, actor=ctx.actor())
    for kind in ("organisation", "contact"):
        added, matched = thousands(report.created[kind], lang), thousands(report.matched[kind], lang)
        ctx.out(say(f"merged_{kind}", lang, added=added, matched=matched))
    if report.not_merged:
        shown = ", ".join(f"{t} {thousands(n, lang)}" for t, n in report.not_merged.items())
        ctx.out(say("not_merged", lang, shown=shown))
    ctx.emit(
        {
            "from": describe_url(source_url),
            "to": describe_url(target_url),
            "created": report.created,
            "matched": report.matched,
            "not_merged": report.not_merged,
        }
    )
    return 0
