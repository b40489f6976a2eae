"""``ketnoi admin init|add-user|set-role|list-users|disable-user``, ``ketnoi whoami`` and ``ketnoi share``:
a team database on PostgreSQL, its people and who sees a confidential record.

    ketnoi admin init --db postgresql://ketnoi_owner@db.example.org/ketnoi      # as the owner
    ketnoi admin add-user lan --role officer --name "Trần Thị Lan" --db …     # asks the password
    printf '%s\\n' "$PW" | ketnoi admin add-user lan --role officer --name "Lan" --password-stdin
    ketnoi admin set-role lan --role manager --db …                        # password stays
    ketnoi admin list-users --db …
    ketnoi admin disable-user lan --db …
    ketnoi whoami --db postgresql://lan@db.example.org/ketnoi
    ketnoi share meeting 42 --with "Phạm Quang" --db …

The password is read from the terminal without echo (or one line of stdin), sent to the server
only as a SCRAM-SHA-256 verifier, and never printed or logged. See docs/team.md.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from app import records, resolve, team
from app.cli import CliContext, json_option
from app.cli_lines import refused
from db import team as dbteam
from db.engine import describe_url, unit_of_work


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    as_json = json_option()
    top = sub.add_parser("admin", help="set up a team database on PostgreSQL and manage its users")
    verbs = top.add_subparsers(dest="verb", metavar="VERB", required=True)

    p = verbs.add_parser(
        "init",
        parents=[common, as_json],
        help="as the database's owner: schema, roles, grants and row-level security (idempotent)",
    )
    p.add_argument(
        "--role-prefix",
        default=dbteam.DEFAULT_PREFIX,
        metavar="PREFIX",
        help="the group roles are PREFIXadmin, PREFIXmanager, PREFIXofficer, PREFIXreader "
        f"(default {dbteam.DEFAULT_PREFIX}; roles are shared by every database of a server)",
    )
    p.set_defaults(handler=cmd_init)

    p = verbs.add_parser("add-user", parents=[common, as_json], help="create a login and its staff record")
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=dbteam.ROLE_KINDS)
    p.add_argument("--name", required=True, help="the person's full name (their staff record)")
    p.add_argument("--email", default="")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from one line of standard input"
    )
    p.set_defaults(handler=cmd_add_user)

    p = verbs.add_parser(
        "set-role", parents=[common, as_json], help="give a login another role (its password stays)"
    )
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=dbteam.ROLE_KINDS)
    p.set_defaults(handler=cmd_set_role)

    p = verbs.add_parser("list-users", parents=[common, as_json], help="the logins and their roles")
    p.set_defaults(handler=cmd_list_users)

    p = verbs.add_parser("disable-user", parents=[common, as_json], help="the login can no longer connect")
    p.add_argument("login")
    p.set_defaults(handler=cmd_disable_user)

    p = sub.add_parser("whoami", parents=[common, as_json], help="who the database says you are")
    p.set_defaults(handler=cmd_whoami)

    p = sub.add_parser(
        "share", parents=[common, as_json], help="show a confidential record to colleagues (or stop)"
    )
    p.add_argument("kind", choices=dbteam.CONFIDENTIAL_KINDS)
    p.add_argument("record", metavar="NAME_OR_ID")
    p.add_argument("--with", dest="with_", action="append", default=[], metavar="STAFF", help="repeat")
    p.add_argument("--remove", action="append", default=[], metavar="STAFF", help="stop sharing; repeat")
    p.set_defaults(handler=cmd_share)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from db.engine import make_engine

    def set_up() -> dict[str, Any]:
        # Not ctx.engine(): that would upgrade the schema outside the checks set_up makes first.
        engine = make_engine(ctx.url)
        try:
            return team.set_up(engine, args.role_prefix)
        finally:
            engine.dispose()

    done = ctx.asking_password(set_up)  # (the owner's password, typed when the server asks)
    ctx.emit(done)
    ctx.out(f"Team database ready: {describe_url(ctx.url)} (owner {done['owner']})")
    ctx.out(f"Roles: {', '.join(done['roles'])}; row-level security on confidential records")
    ctx.out("Next: ketnoi admin add-user LOGIN --role officer --name 'FULL NAME'")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            raise refused(
                "no terminal to ask the password on: pass --password-stdin and pipe it in",
                "không có cửa sổ dòng lệnh để hỏi mật khẩu: hãy dùng --password-stdin và truyền mật khẩu vào",
            )
        password = getpass.getpass(f"Password for {args.login}: ")
        if getpass.getpass("Again: ") != password:
            raise refused(
                "the two passwords differ; nothing was changed", "hai mật khẩu không khớp; chưa thay đổi gì"
            )
    if not password:
        raise refused("an empty password; nothing was changed", "mật khẩu để trống; chưa thay đổi gì")
    return password


def cmd_add_user(args: argparse.Namespace, ctx: CliContext) -> int:
    password = _read_password(args)
    engine = ctx.engine()
    staff_id = team.add_user(
        engine, args.login, args.role, args.name, password, email=args.email, actor=ctx.actor()
    )
    ctx.emit({"login": args.login, "role": args.role, "staff_id": staff_id, "name": args.name})
    ctx.out(f"Login {args.login} ({args.role}) can connect; staff #{staff_id} {args.name}")
    return 0


def cmd_set_role(args: argparse.Namespace, ctx: CliContext) -> int:
    old, new = team.set_role(ctx.engine(), args.login, args.role, actor=ctx.actor())
    ctx.emit({"login": args.login, "old_role": old, "role": new})
    if old == new:
        ctx.out(f"Login {args.login} is already {new}; nothing changed")
    else:
        ctx.out(f"Login {args.login}: {old} → {new} (a window it has open follows at once)")
    return 0


def cmd_list_users(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = team.list_users(ctx.engine())
    ctx.emit(
        [
            {
                "login": r.login,
                "role": r.role,
                "can_login": r.can_login,
                "staff_id": r.staff_id,
                "name": r.name,
            }
            for r in rows
        ]
    )
    if not rows:
        ctx.out("No users yet: ketnoi admin add-user LOGIN --role officer --name 'FULL NAME'")
    for r in rows:
        state = "" if r.can_login else "  (disabled)"
        who = f"#{r.staff_id} {r.name}" if r.staff_id is not None else "(no staff record yet)"
        ctx.out(f"{r.login:<20} {r.role:<8} {who}{state}")
    return 0


def cmd_disable_user(args: argparse.Namespace, ctx: CliContext) -> int:
    changed = team.disable_user(ctx.engine(), args.login, actor=ctx.actor())
    ctx.emit({"login": args.login, "disabled": True, "changed": changed})
    if changed:
        ctx.out(f"Login {args.login} can no longer connect (its history stays)")
    else:
        ctx.out(f"Login {args.login} is disabled already; nothing changed")
    return 0


def cmd_whoami(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.cli_lines import TEAM_ROLES, say
    from app.language import cli_language

    lang = cli_language(getattr(args, "lang", None))  # Vietnamese as the window's team dialog says it
    who = team.identity(ctx.engine())
    if who is None:
        ctx.emit({"team": False, "actor": ctx.actor()})
        ctx.out(say("not_team", lang, actor=ctx.actor() or say("nobody", lang)))
        return 0
    ctx.emit({"team": True, "login": who.login, "role": who.role, "staff_id": who.staff_id, "name": who.name})
    role = (
        (TEAM_ROLES.get(who.role, who.role) if lang == "vi" else who.role)
        if who.role
        else say("no_role", lang)
    )
    ctx.out(say("whoami", lang, name=who.name, login=who.login, role=role))
    return 0


def cmd_share(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.with_ and not args.remove:
        raise refused(
            "say who: --with STAFF (or --remove STAFF)",
            "hãy cho biết chia sẻ với ai: --with CÁN_BỘ (hoặc --remove CÁN_BỘ)",
        )
    engine = ctx.engine()
    who = team.identity(engine)
    with unit_of_work(engine) as session:
        record_id = resolve.resolve(session, args.kind, args.record)
        add = [resolve.resolve(session, "staff", s) for s in args.with_]
        remove = [resolve.resolve(session, "staff", s) for s in args.remove]
        by = who.staff_id if who else None
        group = records.new_group_id()  # one step for ketnoi undo
        added = team.share(session, args.kind, record_id, add, by=by, actor=ctx.actor(), group_id=group)
        removed = team.unshare(session, args.kind, record_id, remove, actor=ctx.actor(), group_id=group)
        now = team.shares_of(session, args.kind, record_id)
        label = records.label(session, args.kind, record_id)
    changed = bool(added or removed)
    ctx.emit({
        "kind": args.kind, "id": record_id, "shared_with": [{"id": i, "name": n} for i, n in now],
        "group_id": group if changed else "",
    })  # fmt: skip
    ctx.out(
        f"{args.kind.capitalize()} #{record_id} {label}: shared with {len(added)} more, {removed} removed"
    )
    ctx.out("Shared with: " + (", ".join(n for _i, n in now) or "nobody"))
    if changed:
        ctx.out(f"Undo with: ketnoi undo {group}")
    return 0
