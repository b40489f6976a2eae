"""The ``ketnoi`` command's subcommands, which script the services without Qt.

The console script is :mod:`ui.launcher`: it passes the desktop app as ``main(gui=...)``, run for
``ketnoi`` with no subcommand or ``ketnoi gui``, so that nothing here imports ``ui/``.

Feature packages add their own subcommands through ``register(sub, common)`` (see
``FEATURE_MODULES``); a handler is ``handler(args, ctx) -> int``. Errors meant for the user
(:class:`~app.errors.UserError`, a database that cannot be opened) print one line and exit 1;
``--debug`` shows the traceback. With ``--json`` a command prints one JSON document on stdout
(dates in ISO form), errors included (``{"error": ...}``, besides the line on stderr).

Exit codes: 0 done, 1 an error (one line on stderr), 2 a usage error (argparse), 130 interrupted.
Ctrl+C, at any moment, prints one line in the CLI's language and never a traceback; a command
that writes says in it what it wrote (``CliContext.interrupted``: "interrupted after the import
was written: import #5 (undo: ketnoi undo-import 5)"), a COMMIT telling it as it returns
(:func:`db.engine.unit_of_work`'s ``on_commit``, Ctrl+C held back meanwhile).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from app import __version__
from app.errors import UserError, ValidationError
from db.paths import default_url, resolve_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# SQLAlchemy and db.engine / db.migrate are imported where a command uses them: the window
# (ketnoi, ketnoi gui) shows its frame before they load, and they cost more than that frame.

# Packages that contribute subcommands; each has register(sub, common).
FEATURE_MODULES = (
    "app.importing.commands",
    "app.exporting.commands",
    "app.briefing.commands",
    "app.dedupe_commands",
    "app.backup_commands",
    "app.record_commands",
    "app.meeting_commands",
    "app.action_commands",
    "app.admin_commands",
    "app.workday_commands",
    "app.letters.commands",
    "app.org_commands",
    "app.mail_commands",
    "app.copy_commands",
    "app.calendar_commands",
)
# Which module registers each subcommand (aliases included), so that a command imports and
# builds the parser of its own module only: building them all costs ~0.7 s of imports. A command
# missing here still works (every module is then registered); tests/cli/test_lazy_cli.py checks
# this table against what the modules register.
COMMANDS: dict[str, str] = {
    "import": "app.importing.commands",
    "undo-import": "app.importing.commands",
    "import-history": "app.importing.commands",
    "export": "app.exporting.commands",
    "template": "app.exporting.commands",
    "brief": "app.briefing.commands",
    "dedupe": "app.dedupe_commands",
    "merge": "app.dedupe_commands",
    "undo": "app.dedupe_commands",
    "backup": "app.backup_commands",
    "backups": "app.backup_commands",
    "restore": "app.backup_commands",
    "org": "app.record_commands",
    "organisation": "app.record_commands",
    "organization": "app.record_commands",
    "contact": "app.record_commands",
    "meeting": "app.record_commands",
    "action": "app.record_commands",
    "log-meeting": "app.meeting_commands",
    "due": "app.action_commands",
    "history": "app.action_commands",
    "trash": "app.action_commands",
    "admin": "app.admin_commands",
    "whoami": "app.admin_commands",
    "share": "app.admin_commands",
    "workdays": "app.workday_commands",
    "holidays": "app.workday_commands",
    "letter": "app.letters.commands",
    "post": "app.org_commands",
    "log-email": "app.mail_commands",
    "attach": "app.mail_commands",
    "attachments": "app.mail_commands",
    "attachment": "app.mail_commands",
    "copy-db": "app.copy_commands",
    "export-ics": "app.calendar_commands",
    "export-vcard": "app.calendar_commands",
}
BUILT_IN = frozenset({"demo", "search", "info", "gui"})
# Commands that may create the database file; every other one needs an existing database.
CREATES_DATABASE = frozenset({"demo", "import"})

Handler = Callable[[argparse.Namespace, "CliContext"], int]


T = TypeVar("T")


class PasswordNeeded(UserError):
    """The server asks for a password, none was given and no one can type it (not a terminal)."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.vi = vi


class PasswordRefused(UserError):
    """The server turned away the password typed at the terminal (db.engine.password_refused)."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.vi = vi


def _refused_login(exc: BaseException) -> BaseException | None:
    """The login the server turned away that ``exc`` is, or an error it was raised from; None."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        seen.add(id(found))
        if getattr(found, "login_refused", False):
            return found
        found = found.__cause__ or found.__context__
    return None


class CliContext:
    """What a subcommand handler gets: the database (opened on first use) and output."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.url = resolve_url(getattr(args, "db", None))
        self.json = bool(getattr(args, "json", False))
        self._engine: Engine | None = None
        # What a Ctrl+C from now on leaves, in the CLI's language ("vi"/"en" → the line): a
        # command that writes says whether it wrote (ketnoi import: nothing, or import #5
        # and its undo); None: "interrupted"
        self.interrupted: Callable[[str], str] | None = None
        # What a lost connection to a team database's server leaves, for a command that commits
        # in steps (ketnoi import: nothing, or import #5 and its undo); None: nothing was
        # written, or what was, as db.engine.committed counts the command's commits (_lost)
        self.lost: Callable[[str], str] | None = None
        # the commits before the command's own (the meetings-started catch-up's on opening,
        # its mark stored once on a database that had none): not counted as the command's
        self.commits_before = 0

    def engine(self) -> Engine:
        if self._engine is None:
            creates = bool(getattr(self.args, "creates_db", False))
            creates = creates or getattr(self.args, "command", None) in CREATES_DATABASE
            check_database_url(self.url, creates=creates)
            from db.migrate import ReadOnlyDatabaseError, open_database

            try:
                self._engine = self.asking_password(lambda: open_database(self.url))
            except ReadOnlyDatabaseError as exc:
                # a file this login may not write (a read-only share, a backup on a read-only
                # medium): read commands read it; a write says so in one line (db.errors.ReadOnlyFile)
                from db.read_only import open_read_only

                self._engine = open_read_only(self.url, exc)
            else:
                # meetings logged before they started count once they have (the dates this
                # command prints, lists or briefs): a look-up, and a write only when one has
                from app.contacted import catch_up_quietly

                catch_up_quietly(self._engine)
                from db.engine import committed

                self.commits_before = committed(self._engine)
        return self._engine

    def asking_password(self, fn: Callable[[], T]) -> T:
        """``fn()`` (what first connects to the database, with :attr:`url`); once more with a
        password typed at the terminal when the server asked for one and none was given (not in
        the URL, ~/.pgpass or PGPASSWORD). The password is used for this command only, never
        stored. Not on a terminal: :class:`PasswordNeeded` says the ways to give it. (Reviewer:
        the owner's documented ``admin init`` was told its login may have been disabled.)"""
        try:
            return fn()
        except Exception as exc:
            if _refused_login(exc) is None:
                raise
            from db.engine import needs_password, password_wanted, server_address

            if not needs_password(self.url):
                raise
            if not sys.stdin.isatty():
                raise PasswordNeeded(password_wanted(self.url), password_wanted(self.url, "vi")) from exc
            import getpass

            from sqlalchemy.engine import make_url

            from app.language import cli_language

            u = make_url(self.url)
            if cli_language(getattr(self.args, "lang", None)) == "vi":
                prompt = (
                    f"Mật khẩu của tài khoản {u.username} trên máy chủ {server_address(u)} (không lưu lại): "
                )
            else:
                prompt = f"Password for login {u.username} on {server_address(u)} (not stored): "
            password = getpass.getpass(prompt)
            if not password:
                raise PasswordNeeded(password_wanted(self.url), password_wanted(self.url, "vi")) from exc
            self.url = u.set(password=password).render_as_string(hide_password=False)
        try:
            return fn()
        except Exception as again:
            said = _refused_login(again)
            if said is None:
                raise
            from db.engine import password_refused

            raise PasswordRefused(
                password_refused(self.url, said), password_refused(self.url, said, "vi")
            ) from again

    def actor(self) -> str:
        """Who the history says made a change: on a team database the signed-in login's staff
        name (the database writes it itself, app.team); else ``$KETNOI_ACTOR``; else the staff
        member this login chose in the window's Settings → I am on this database
        (:mod:`app.identity`: the window records the same name); else the login name."""
        from sqlalchemy.engine import make_url

        if make_url(self.url).get_backend_name() == "postgresql":
            from app import team

            who = team.identity(self.engine())
            if who is not None:
                return who.name
        from app.team import login_name

        if os.environ.get("KETNOI_ACTOR"):
            return login_name()
        login = login_name()
        found = self._chosen_identity(login)
        return found if found else login

    def _chosen_identity(self, login: str) -> str:
        """The name ``login`` chose under the window's Settings → I am on this command's
        database, "" if none; a database the command has not opened and that is not there
        (``copy-db`` names its own) is not made or opened for it."""
        from app import identity
        from db.engine import read_session, sqlite_path

        if self._engine is None:
            path = sqlite_path(self.url)
            if path is None or not path.exists():
                return ""
        try:
            with read_session(self.engine()) as session:
                found = identity.chosen(session, login)
        except Exception:  # (unreadable here: the command says so itself when it reads it)
            return ""
        return found[1] if found is not None else ""

    def out(self, text: str = "") -> None:
        """A line of the human-readable output (nothing when ``--json`` asked for a document)."""
        if not self.json:
            print(text, flush=True)

    def emit(self, document: Any) -> None:
        """The ``--json`` document (dates as ISO text); nothing without ``--json``."""
        if self.json:
            from app.records import jsonable

            print(json.dumps(jsonable(document), ensure_ascii=False, indent=2, default=str), flush=True)

    def close(self) -> None:
        if self._engine is not None:
            from db.engine import settle_if_moved

            settle_if_moved(self._engine)  # (a file moved meanwhile: its -wal into it)
            self._engine.dispose()


def check_database_url(url: str, *, creates: bool) -> None:
    """Refuse, in one line, a database that cannot be what the person meant.

    A SQLite file must exist unless the command writes (and then its folder must exist: a typo
    in ``--db`` should not leave a new folder behind); only SQLite and PostgreSQL are
    supported, and PostgreSQL needs its driver installed.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from app.cli_lines import refused
    from db.engine import sqlite_path

    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except ArgumentError:
        raise refused(
            f"cannot read the database URL {url!r}; pass a SQLite file or postgresql://…",
            f"không đọc được địa chỉ cơ sở dữ liệu {url!r}; hãy cho một tệp SQLite hoặc postgresql://…",
        ) from None
    if backend not in ("sqlite", "postgresql"):
        raise refused(
            f"unsupported database URL scheme {parsed.drivername!r}; pass a SQLite file or postgresql://…",
            f"Ketnoi không dùng được loại địa chỉ cơ sở dữ liệu {parsed.drivername!r}; hãy cho một tệp "
            "SQLite hoặc postgresql://…",
        )
    if backend == "postgresql":
        try:
            parsed.get_dialect().import_dbapi()
        except ImportError:
            raise refused(
                "PostgreSQL needs its driver: install it with pip install 'ketnoi[postgres]'",
                "PostgreSQL cần trình điều khiển riêng: hãy cài bằng pip install 'ketnoi[postgres]'",
            ) from None
        except Exception:  # an unknown driver name (postgresql+foo://)
            raise refused(
                f"unsupported PostgreSQL driver {parsed.drivername!r}; use postgresql://…",
                f"Ketnoi không dùng được trình điều khiển PostgreSQL {parsed.drivername!r}; hãy dùng postgresql://…",
            ) from None
        return
    path = sqlite_path(url)
    if path is None or path.exists():
        return
    from db.paths import leftovers

    if found := leftovers(path):  # a moved database's -wal: never a new database over it
        from db.migrate import LeftoverFilesError

        raise LeftoverFilesError(path, found)
    if not creates and path.name == "ketnoi.db" and url == default_url():  # (demo: not this file)
        raise refused(
            f"no database at {path} yet: it is made when you first add or import records, or open "
            "the window; ketnoi demo writes a sample database of its own",
            f"chưa có cơ sở dữ liệu nào ở {path}: tệp được tạo khi bạn thêm hoặc nhập bản ghi đầu tiên, "
            "hoặc mở cửa sổ; ketnoi demo ghi một cơ sở dữ liệu mẫu riêng",
        )
    if not creates:
        raise refused(
            f"no database at {path}; run ketnoi demo or pass an existing file",
            f"không có cơ sở dữ liệu nào ở {path}; hãy chạy ketnoi demo hoặc cho một tệp đã có",
        )
    if not path.parent.is_dir():
        raise refused(
            f"no folder {path.parent} for the database; create it first or pass another path",
            f"không có thư mục {path.parent} để đặt cơ sở dữ liệu; hãy tạo thư mục trước hoặc cho một "
            "đường dẫn khác",
        )
    from db.paths import writable_folder

    if not writable_folder(path.parent):  # (SQLite said only "unable to open database file")
        raise refused(
            f"the folder {path.parent} is read-only for you, so no database can be made there; "
            "pass a path in a folder you can write",
            f"thư mục {path.parent} chỉ cho phép bạn đọc, nên không tạo được cơ sở dữ liệu ở đó; "
            "hãy cho một đường dẫn trong thư mục bạn có quyền ghi",
        )


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="SQLite file or database URL (default: $KETNOI_DATABASE_URL, else the file in "
        "your data directory)",
    )
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    return common


def json_option() -> argparse.ArgumentParser:
    """A parent parser with ``--json``, for the commands that can answer in JSON."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--json", action="store_true", help="print one JSON document on stdout (dates in ISO form)"
    )
    return parent


def command_word(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not an option or ``--db``'s
    value); None when there is none or help is asked before it."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in ("-h", "--help"):
            return None
        elif token == "--db":
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def feature_modules(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The feature modules to register for ``argv``: none for a built-in command or the window,
    one for a command in :data:`COMMANDS`, all for help, an unknown word or ``argv=None``."""
    if argv is None:
        return FEATURE_MODULES
    word = command_word(argv)
    if word is None:
        helping = any(t in ("-h", "--help") for t in argv)
        return FEATURE_MODULES if helping else ()
    if word in BUILT_IN:
        return ()
    if word in COMMANDS:
        return (COMMANDS[word],)
    return FEATURE_MODULES


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``ketnoi`` parser; with ``argv``, only the subcommand it names is registered."""
    common = _common_parser()
    parser = argparse.ArgumentParser(
        prog="ketnoi",
        description="Ketnoi — stakeholder relationships: organisations, contacts, meetings, follow-ups.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"Ketnoi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    as_json = json_option()
    p = sub.add_parser("demo", parents=[common, as_json], help="fill a database with realistic sample data")
    p.add_argument(
        "--scale",
        type=int,
        default=0,
        metavar="N",
        help="also generate N contacts with proportional meetings and actions",
    )
    p.add_argument("--seed", type=int, default=2025, help="random seed (same seed, same data)")
    p.add_argument("--force", action="store_true", help="add demo data even if the database has records")
    p.set_defaults(handler=_cmd_demo)

    p = sub.add_parser("search", parents=[common, as_json], help="search every record, accents optional")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--kind", choices=("organisation", "contact", "meeting", "action"), action="append")
    p.set_defaults(handler=_cmd_search)

    p = sub.add_parser("info", parents=[common, as_json], help="where the database is and what it holds")
    p.set_defaults(handler=_cmd_info)

    p = sub.add_parser("gui", parents=[common], help="open the desktop app (the default)")
    p.set_defaults(handler=_cmd_gui)

    for name in feature_modules(argv):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # feature not built in this version
            raise
        module.register(sub, common)
    return parser


def _cmd_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    # app/ never imports ui/: the ``ketnoi`` launcher (ui/launcher.py) passes the real handler
    # to main(gui=...). Reaching this means app.cli was run on its own (python -m app.cli).
    raise UserError("the desktop app starts from the ketnoi command (python -m ui.launcher), not app.cli")


def _cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from app import demo
    from db.engine import describe_url, sqlite_path

    if args.scale < 0:
        from app.cli_lines import refused

        raise refused(
            f"--scale is a number of contacts, 0 or more (not {args.scale})",
            f"--scale là số liên hệ, từ 0 trở lên (không phải {args.scale})",
        )
    from app.language import cli_language

    lang = cli_language(getattr(args, "lang", None))
    vi = lang == "vi"
    started = time.perf_counter()
    from app.cli_lines import say

    ctx.interrupted = lambda lang: say("interrupted_demo", lang)  # (one transaction: all or nothing)

    def written() -> None:
        ctx.interrupted = lambda lang: say("interrupted_demo_written", lang)

    sample = _sample_url(args)
    if sample is not None:  # never the person's own database (the one the window opens)
        ctx.url = sample
        if _holds_the_sample(ctx) and not args.force:
            path = str(sqlite_path(sample))
            ctx.emit({"database": describe_url(sample), "seconds": 0, "counts": {}, "already": True})
            ctx.out(say("demo_sample_there", lang, path=path))
            ctx.out(say("demo_open_it", lang, path=path))
            return 0
    engine = ctx.engine()
    counts = demo.fill(
        engine,
        scale=args.scale,
        seed=args.seed,
        force=args.force,
        progress=_progress_printer("demo") if args.scale >= 5000 else None,
        lang=lang,  # its sectors in the words a person of that language types
        written=written,
    )
    took = time.perf_counter() - started
    ctx.emit({"database": describe_url(ctx.url), "seconds": round(took, 2), "counts": counts})
    from app.language import thousands

    where = describe_url(ctx.url)
    path = str(sqlite_path(ctx.url))
    seconds = f"{took:.1f}".replace(".", ",") if vi else f"{took:.1f}"  # 1,4 giây: the decimal comma
    ctx.out(say("demo_sample_written" if sample else "demo_written", lang, where=where, seconds=seconds))
    for kind, n in counts.items():  # 12.000 cán bộ: the locale's separator and the window's words
        ctx.out(f"  {thousands(n, lang):>8} {DEMO_KINDS_VI.get(kind, kind) if vi else kind}")
    if where.startswith("sqlite:///"):
        ctx.out(say("demo_open_it", lang, path=path))
    return 0


def _sample_url(args: argparse.Namespace) -> str | None:
    """The sample database's URL (the file the window's welcome opens, beside the person's own)
    when ``ketnoi demo`` was given no ``--db`` nor ``KETNOI_DATABASE_URL``; else None."""
    from db.paths import ENV_VAR

    if getattr(args, "db", None) or os.environ.get(ENV_VAR):
        return None
    from app.sample_data import sample_path

    return f"sqlite:///{sample_path()}"


def _holds_the_sample(ctx: CliContext) -> bool:
    """Whether the sample database (``ctx.url``) is there already, with records in it (read
    through the command's own engine, which the demo then writes with)."""
    from app.sample_data import is_empty
    from db.engine import read_session, sqlite_path

    path = sqlite_path(ctx.url)
    if path is None or not path.exists():
        return False
    with read_session(ctx.engine()) as session:
        return not is_empty(session)


DEMO_KINDS_VI = {  # the window's words for them (its list tabs)
    "staff": "cán bộ",
    "organisations": "tổ chức",
    "contacts": "liên hệ",
    "meetings": "cuộc họp",
    "actions": "việc cần làm",
    "letters": "công văn",
}


def _progress_printer(label: str) -> Callable[[int, int], None]:
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 1.0 or done == total:
            last[0] = now
            print(f"  {label}: {done:,}/{total:,}", file=sys.stderr, flush=True)

    return report


def _cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.language import cli_language
    from app.search import details, search
    from db.engine import read_session

    query = " ".join(args.query)
    if args.limit < 1:
        from app.cli_lines import refused

        raise refused(
            f"--limit is how many results to show, 1 or more (not {args.limit})",
            f"--limit là số kết quả cần hiện, từ 1 trở lên (không phải {args.limit})",
        )
    engine = ctx.engine()
    started = time.perf_counter()
    with read_session(engine) as session:
        # one more than shown tells whether more match, without counting every match (issue 11)
        hits = search(session, query, limit=args.limit + 1, kinds=tuple(args.kind) if args.kind else None)
    took = (time.perf_counter() - started) * 1000
    more, hits = len(hits) > args.limit, hits[: args.limit]
    lang = cli_language(getattr(args, "lang", None))
    # the line under each title in words of the CLI's language ("Bên ta cần làm · Đã xong"), the
    # codes alongside in JSON for a script
    lines = [details(h, lang) for h in hits]
    ctx.emit(
        {
            "query": query,
            "hits": [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "title": h.title,
                    "subtitle": line,
                    **({"direction": h.direction} if h.direction else {}),
                    **({"status": h.status} if h.status else {}),
                    **({"due_date": h.due} if h.due else {}),
                    "confidential": h.confidential,
                }
                for h, line in zip(hits, lines, strict=True)
            ],
            "more": more,
        }
    )
    from app.calendar_marks import marked
    from app.cli_lines import say
    from app.language import thousands

    if not hits:
        ctx.out(say("nothing_matches", lang, query=query))
        return 0
    # each kind named in the CLI's language ("liên hệ", "việc cần làm"), as `ketnoi demo` does
    named = {h.kind: DEMO_KINDS_VI.get(f"{h.kind}s", h.kind) if lang == "vi" else h.kind for h in hits}
    width = max(len(named[h.kind]) for h in hits)
    for h, sub in zip(hits, lines, strict=True):
        line = f"{named[h.kind]:<{width}}  #{h.id:<6} {marked(h.title, h.confidential, lang)}"
        ctx.out(line + (f"  — {sub}" if sub else ""))
    n = thousands(len(hits), lang)
    counted = f"{n} kết quả" if lang == "vi" else f"{n} result{'s' if len(hits) != 1 else ''}"
    if more:  # the limit, not how many match: say so (counting every match costs what the search saves)
        ctx.out(say("first_results", lang, counted=counted, ms=f"{took:.0f}"))
    else:
        ctx.out(say("results", lang, counted=counted, ms=f"{took:.0f}"))
    return 0


def _cmd_info(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.stats import record_counts
    from db.engine import describe_url, read_only_reason, read_session, sqlite_path
    from db.migrate import quick_check

    read_only = read_only_reason(ctx.engine()) is not None  # then checked as it opened
    problem = None if read_only else quick_check(ctx.engine())
    if problem:
        from app.cli_lines import refused
        from db.backup import file_problem_vi

        where = sqlite_path(ctx.url)  # (h118: said in English alone under a Vietnamese locale)
        said_vi = file_problem_vi(problem, where) if where is not None else problem
        raise refused(
            f"{problem}; restore its latest good backup: ketnoi backups --db …, then ketnoi restore",
            f"{said_vi}; hãy khôi phục bản sao lưu tốt gần nhất: ketnoi backups --db …, rồi ketnoi restore",
        )
    with read_session(ctx.engine()) as session:
        counts = record_counts(session)
    checked = sqlite_path(ctx.url) is not None  # a server checks its own files
    ctx.emit(
        {
            "version": __version__,
            "database": describe_url(ctx.url),
            "checked": checked,
            "damage_found": False,
            "read_only": read_only_reason(ctx.engine()),
            "counts": counts,
        }
    )
    from app.cli_lines import say
    from app.language import cli_language, thousands

    lang = cli_language(getattr(args, "lang", None))
    ctx.out(f"Ketnoi {__version__}")
    ctx.out(say("database", lang, where=describe_url(ctx.url)))
    if checked:
        ctx.out(say("checked", lang))
    why = read_only_reason(ctx.engine(), lang)  # (it said "the folder … is read-only for you")
    if why is not None:
        ctx.out(say("read_only", lang, why=why))
        from db.migrate import HEAD_REVISION, stored_revision

        if (revision := stored_revision(ctx.engine())) != HEAD_REVISION:  # db.read_only.data_only_since
            ctx.out(say("schema", lang, revision=revision, head=HEAD_REVISION))
    for kind, n in counts.items():  # in Vietnamese: "12.000 liên hệ", the window's words
        if lang == "vi":
            ctx.out(f"  {thousands(n, lang):>8} {DEMO_KINDS_VI.get(kind, kind)}")
        else:
            ctx.out(f"  {n:>8,} {counted(kind, n)}")
    return 0


def counted(kind: str, n: int) -> str:
    """The plural label of :func:`app.stats.record_counts` as a person writes it with ``n``:
    "1 meeting", "2 meetings", "1 staff member"."""
    if kind == "staff":
        return "staff member" if n == 1 else "staff members"
    return kind[:-1] if n == 1 and kind.endswith("s") else kind


def main(argv: Sequence[str] | None = None, *, gui: Handler | None = None) -> int:
    """Run one subcommand; ``gui`` handles ``gui`` and no subcommand (the launcher passes it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser(argv)  # (it loads the command's module: a second on a slow laptop)
        args = parser.parse_args(argv)
    except KeyboardInterrupt:
        return _interrupted(None)
    debug = bool(getattr(args, "debug", False))
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    handler: Handler = getattr(args, "handler", _cmd_gui)
    if handler is _cmd_gui and gui is not None:
        handler = gui
    ctx = CliContext(args)
    code = 130  # (what the close below assumes if the command raised)
    with _interrupts_quiet(debug):
        try:
            code = _run(handler, args, ctx, debug)
        finally:
            code = _closed(ctx, code)
    return code


def _run(handler: Handler, args: argparse.Namespace, ctx: CliContext, debug: bool) -> int:
    try:
        return handler(args, ctx)
    except KeyboardInterrupt:
        return _interrupted(ctx)
    except BrokenPipeError:
        # The reader went away (``ketnoi contact list | head -2``): it chose to stop reading, so
        # stop quietly and succeed, as ``set -o pipefail`` scripts expect; stdout points at
        # nothing so that Python's own flush at exit does not print a traceback.
        _silence_stdout()
        return 0
    except _errors(UserError, "db.migrate.DatabaseError") as exc:
        if debug:
            raise
        if (lost := _lost(ctx, exc)) is not None:  # (pg_dump's, for one: the server gone)
            return _fail(ctx, lost, exc)
        return _fail(ctx, _in_cli_language(ctx, str(exc)), exc)
    except _errors(OSError, "sqlalchemy.exc.SQLAlchemyError") as exc:
        if debug:
            raise
        if _stopped(exc):  # an error raised while a Ctrl+C unwound (a clean-up that failed)
            return _interrupted(ctx)
        if (lost := _lost(ctx, exc)) is not None:
            return _fail(ctx, lost, exc)
        if getattr(exc, "login_refused", False):  # (db.engine.login_refused: the server said no)
            from app.language import cli_language
            from db.engine import turned_away

            lang = cli_language(getattr(ctx.args, "lang", None))
            return _fail(ctx, turned_away(ctx.url, exc, lang), exc)
        full = _disk_full(ctx, exc)
        if full is not None:  # a write the disk would not take outside a unit of work
            return _fail(ctx, str(full), full)
        return _fail(ctx, f"{_one_line(exc)} (run with --debug for details)", exc)
    except Exception as exc:
        if debug or not _stopped(exc):
            raise
        return _interrupted(ctx)  # (a clean-up that failed as a Ctrl+C unwound: said as the Ctrl+C)


def _lost(ctx: CliContext, exc: BaseException) -> str | None:
    """A command stopped because the team database's server could not be reached any more
    (stopped or restarted — "terminating connection due to administrator command" —, the
    connection reset, "server closed the connection unexpectedly", the network down): one line
    in the CLI's language that says so and what was written — nothing, or what the command
    says it wrote (:attr:`CliContext.lost`), or that what it had saved stays. (Reviewer h107,
    under a Vietnamese locale: "ketnoi: AdminShutdown: terminating connection due to
    administrator command (run with --debug for details)", which did not say that nothing was
    imported.) A database that could not be opened at all is said as before (db.migrate). None
    for any other error."""
    if ctx.args is None or "sqlalchemy" not in sys.modules or isinstance(exc, _opening_error()):
        return None
    from db.engine import server_unreachable

    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen and not server_unreachable(link):
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    if link is None or id(link) in seen:
        return None
    from app.cli_lines import say
    from app.language import cli_language
    from db.engine import committed, server_address

    lang = cli_language(getattr(ctx.args, "lang", None))
    if ctx.lost is not None:
        written = ctx.lost(lang)
    elif ctx._engine is not None and committed(ctx._engine) > ctx.commits_before:
        written = say("lost_some", lang)
    else:
        written = say("lost_nothing", lang)
    return say("lost", lang, server=server_address(ctx.url), written=written)


def _opening_error() -> tuple[type[BaseException], ...]:
    found = getattr(sys.modules.get("db.migrate"), "DatabaseError", None)
    return (found,) if isinstance(found, type) else ()


def _closed(ctx: CliContext, code: int) -> int:
    """The database closed after the command (its -wal checkpointed: seconds after a big
    import); a Ctrl+C meanwhile is said as one during the command (it printed a bare
    ``KeyboardInterrupt`` traceback after an import that was written)."""
    try:
        ctx.close()
    except KeyboardInterrupt:
        if code != 130:
            return _interrupted(ctx)
    return code


def _interrupted(ctx: CliContext | None) -> int:
    """Ctrl+C: one line in the CLI's language that says what the command wrote, exit 130
    (``ctx`` None: stopped before the command began)."""
    from app.cli_lines import say
    from app.language import cli_language

    lang = cli_language(getattr(ctx.args, "lang", None) if ctx is not None else None)
    said = (
        ctx.interrupted(lang) if ctx is not None and ctx.interrupted is not None else say("interrupted", lang)
    )
    print(f"ketnoi: {said}", file=sys.stderr, flush=True)
    return 130


def _stopped(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while a ``KeyboardInterrupt`` unwound (its context)."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, KeyboardInterrupt):
            return True
        seen.add(id(found))
        found = found.__context__
    return False


class _NoInterruptTracebacks(logging.Filter):
    """SQLAlchemy logs, with its traceback, a ``KeyboardInterrupt`` raised while it gave a
    connection back ("Exception during reset or similar") before raising it again: the CLI
    says the interrupt in one line (:func:`_interrupted`); ``--debug`` keeps the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        info = record.exc_info
        return not (info and info[1] is not None and _stopped(info[1]))


@contextmanager
def _interrupts_quiet(debug: bool) -> Iterator[None]:
    if debug:
        yield
        return
    quiet = _NoInterruptTracebacks()
    handlers = [*logging.getLogger().handlers, logging.lastResort]
    for h in handlers:
        if h is not None:
            h.addFilter(quiet)
    try:
        yield
    finally:
        for h in handlers:
            if h is not None:
                h.removeFilter(quiet)


def _disk_full(ctx: CliContext, exc: BaseException) -> UserError | None:
    """A write into the SQLite database its disk would not take, in words (db.errors.DiskFull)
    rather than "OperationalError: disk I/O error"; None for any other error."""
    from db.errors import DiskFull, disk_refused

    if isinstance(exc, OSError):  # another file than the database (a file a command writes)
        return None
    refused = disk_refused(exc)
    if refused is None:
        return None
    from db.engine import sqlite_path

    path = sqlite_path(ctx.url)
    return None if path is None else DiskFull(path, "database", full=refused == "full")


def _errors(always: type[BaseException], loaded: str) -> tuple[type[BaseException], ...]:
    """``always``, and the exception class named ``loaded`` ("module.Class") if its module was
    imported: an ``except`` clause's tuple is evaluated only when something was raised, and an
    error of a module that never loaded cannot have been raised (so ``ketnoi gui`` needs no
    SQLAlchemy to be ready for its errors)."""
    module, _, name = loaded.rpartition(".")
    found = getattr(sys.modules.get(module), name, None)
    if isinstance(found, type) and issubclass(found, BaseException):
        return (always, found)
    return (always,)


def _in_cli_language(ctx: CliContext, message: str) -> str:
    """A service's refusal about team roles and permissions in the CLI's language (``--lang``,
    else the locale), as the window says it (:mod:`app.role_words`); others as written."""
    from app.language import cli_language
    from app.role_words import in_language

    return in_language(message, cli_language(getattr(ctx.args, "lang", None)))


def _fail(ctx: CliContext, message: str, exc: BaseException) -> int:
    message = _vietnamese(ctx, exc) or message
    print(f"ketnoi: {message}", file=sys.stderr)
    if ctx.json:
        document: dict[str, Any] = {"error": message}
        if isinstance(exc, ValidationError):
            document["fields"] = exc.errors
        candidates = getattr(exc, "candidates", None)
        if candidates:
            document["candidates"] = [{"id": i, "label": label} for i, label in candidates]
        try:
            ctx.emit(document)
        except BrokenPipeError:
            _silence_stdout()
    return 1


def _vietnamese(ctx: CliContext, exc: BaseException) -> str:
    """An error's Vietnamese (its ``vi``: "Không tìm thấy việc cần làm #999") when the CLI
    speaks Vietnamese (``--lang vi``, else the locale); "" otherwise."""
    from app.language import cli_language

    if cli_language(getattr(ctx.args, "lang", None)) != "vi":
        return ""
    vi = getattr(exc, "vi", "")
    if isinstance(exc, ValidationError) and not vi:  # a refused form: its fields as the window names them
        from app.cli_lines import not_saved_vi

        return not_saved_vi(exc)
    return vi if vi and isinstance(vi, str) else ""


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a file (captured in tests)
        pass


def _one_line(exc: BaseException) -> str:
    orig: Any = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {text[0] if text else ''}"


if __name__ == "__main__":
    sys.exit(main())
