"""``ketnoi action done|reopen|reschedule``, ``ketnoi due``, ``ketnoi history`` and ``ketnoi trash``.

    ketnoi action done 12 13          # one undoable group, as the window's D key
    ketnoi action reschedule 12 --to +1w
    ketnoi due --json                 # what the window's banner shows: overdue and due today
    ketnoi history contact 7
    ketnoi trash                      # deleted records, with the command that restores each
    ketnoi trash --empty --yes        # remove them for good (a backup is taken first)

The rules are :mod:`app.actions`'; the figures of ``due`` are :func:`app.dashboard.due_summary`'s;
``history`` and ``trash`` read :mod:`app.history` and :mod:`app.trash`, as the window does.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from app import actions, dashboard, history, lists, records, resolve, trash, value_labels, workdays
from app.calendar_marks import marked
from app.cli import CliContext, json_option
from app.cli_lines import refused, say
from app.due import is_count, parse_due, reschedule_from
from app.language import cli_language
from app.workdays import WorkCalendar
from db import clock, kinds
from db.engine import read_session, unit_of_work

_KIND_WORDS = {"org": "organisation", "organisation": "organisation", "organization": "organisation"}


def add_action_verbs(verbs: Any, parents: list[argparse.ArgumentParser]) -> None:
    """``done``, ``reopen`` and ``reschedule`` under ``ketnoi action``."""
    p = verbs.add_parser("done", parents=parents, help="mark actions done (dated today)")
    p.add_argument("records", nargs="+", metavar="ID")
    p.set_defaults(handler=cmd_status, rule="done", entity="action")

    p = verbs.add_parser("reopen", parents=parents, help="put done or cancelled actions back to open")
    p.add_argument("records", nargs="+", metavar="ID")
    p.set_defaults(handler=cmd_status, rule="reopen", entity="action")

    p = verbs.add_parser("reschedule", parents=parents, help="new due date (closed actions reopen)")
    p.add_argument("records", nargs="+", metavar="ID")
    p.add_argument(
        "--to",
        required=True,
        metavar="DATE",
        help="2026-12-10, 10/12/2026; words that name a day (tomorrow, friday, next friday, eom, "
        "ngày mai, thứ sáu) count from today; a count (+3d, +3wd, +1w, +1m, +3 ngày) from each "
        "action's due date while it lies ahead (else from today)",
    )
    p.set_defaults(handler=cmd_status, rule="reschedule", entity="action")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]
    p = sub.add_parser("due", parents=parents, help="open actions overdue and due today (the banner)")
    p.add_argument("--staff", metavar="NAME_OR_ID", help="only this staff member's")
    p.add_argument("--limit", type=int, default=50, help="at most this many actions listed (default 50)")
    p.set_defaults(handler=cmd_due)

    p = sub.add_parser("history", parents=parents, help="what changed on a record, newest first")
    # every kind the history holds (staff too: ketnoi admin set-role writes a login's role there);
    # plain strings, so argparse's error lists words, not the Kind enum's reprs
    p.add_argument("kind", choices=("org", *map(str, kinds.ALL_KINDS)))
    p.add_argument(
        "record", metavar="NAME_OR_ID", help="a name (organisation, contact, meeting, action, staff) or an id"
    )
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("trash", parents=parents, help="deleted records and how to restore them")
    p.add_argument("--kind", choices=("org", *map(str, kinds.ALL_KINDS)), action="append")
    p.add_argument("--limit", type=int, default=50, help="at most this many listed (default 50)")
    p.add_argument("words", nargs="*", help="only records whose name has these words (accents optional)")
    p.add_argument(
        "--empty", action="store_true", help="remove every deleted record for good (a backup first)"
    )
    p.add_argument("--yes", action="store_true", help="with --empty: do it without asking")
    p.set_defaults(handler=cmd_trash)


def _due_rule(
    text: str, today: dt.date, calendar: WorkCalendar | None = None
) -> dt.date | Callable[[dt.date | None], dt.date]:
    """A count (``+1w``, ``+3 ngày làm việc``) counts from each action's own due date while it
    lies ahead; words that name a day (``thứ sáu``, ``tomorrow``) and dates from today, as the
    window's Reschedule reads them (:func:`app.due.reschedule_from`)."""
    if is_count(text):
        parse_due(text, today, calendar)  # a typing error is reported before anything is read

        def rule(current: dt.date | None) -> dt.date:
            return parse_due(text, reschedule_from(text, current, today), calendar)

        return rule
    return parse_due(text, today, calendar)


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    already: dict[int, str] = {}
    with unit_of_work(ctx.engine()) as session:
        ids = list(dict.fromkeys(resolve.resolve(session, "action", r) for r in args.records))
        if args.rule in ("done", "reopen"):
            # an action already done (or already open again) is left as it is and said so
            outcome = actions.done_or_reopen(session, dict.fromkeys(ids, args.rule == "done"), actor=actor)
            group = outcome.group
            already = outcome.already_done if args.rule == "done" else outcome.already_open
        else:
            rule = _due_rule(args.to, clock.today(), workdays.load_calendar(session))
            group = actions.reschedule(session, ids, rule, actor=actor)
        changed = actions.changed_ids(session, group)
        rows = lists.rows(session, "action", ids)
    items = [{k: x for k, x in rows[i].items() if k != "deleted_at"} for i in ids]
    ctx.emit(
        {
            "rule": args.rule,
            "changed": changed,
            "group_id": group,
            "actions": items,
            "already": [{"id": i, "by": who} for i, who in already.items()],
        }
    )
    if cli_language() == "vi":  # the window's words (its bulk bar's, its status words)
        _say_rule_vi(ctx, args.rule, items, changed, group, already)
        return 0
    verb = {"done": "Marked done", "reopen": "Reopened", "reschedule": "Rescheduled"}[args.rule]
    was = {"done": "already done", "reopen": "already open"}.get(args.rule, "")
    for item in items:
        mark = "*" if item["id"] in changed else " "
        due = f"due {item['due_date']:%d/%m/%Y}" if item["due_date"] else "no due date"
        ctx.out(f"{mark} #{item['id']:<6} {item['status']:<11} {due:<14} {item['title']}")
    n = len(changed)
    ctx.out(f"{verb} {n} action{'s' if n != 1 else ''}" + (f" (undo: ketnoi undo {group})" if group else ""))
    for i, who in already.items():
        ctx.out(f"#{i} was {was}" + (f" (by {who})" if who else "") + ": left as it is")
    return 0


def _say_rule_vi(
    ctx: CliContext,
    rule: str,
    items: list[dict[str, Any]],
    changed: list[int],
    group: str,
    already: dict[int, str],
) -> None:
    """What done / reopen / reschedule did, in Vietnamese: "Đã đánh dấu xong 2 việc"."""
    from app import value_labels

    for item in items:
        mark = "*" if item["id"] in changed else " "
        due = f"hạn {item['due_date']:%d/%m/%Y}" if item["due_date"] else "chưa có hạn"
        status = value_labels.label("action", "status", item["status"], "vi")
        ctx.out(f"{mark} #{item['id']:<6} {status:<14} {due:<14} {item['title']}")
    verb = {"done": "Đã đánh dấu xong", "reopen": "Đã mở lại", "reschedule": "Đã dời hạn"}[rule]
    ctx.out(f"{verb} {len(changed)} việc" + (f" (hoàn tác: ketnoi undo {group})" if group else ""))
    was = {"done": "đã xong từ trước", "reopen": "vẫn đang mở"}.get(rule, "")
    for i, who in already.items():
        ctx.out(f"#{i} {was}" + (f" (do {who})" if who else "") + ": giữ nguyên")


def cmd_due(args: argparse.Namespace, ctx: CliContext) -> int:
    today = clock.today()
    with read_session(ctx.engine()) as session:
        staff_id = resolve.resolve(session, "staff", args.staff) if args.staff else None
        summary = dashboard.due_summary(session, today=today, staff_id=staff_id)
        rows = dashboard.actions_due(session, to=today, staff_id=staff_id, limit=max(args.limit, 0))
        cal = workdays.load_calendar(session)
    items = [
        {
            **{k: x for k, x in r.items() if k != "deleted_at"},
            "overdue": r["due_date"] < today,
            "late_working_days": cal.count(r["due_date"], today),  # weekends and holidays not counted
        }
        for r in rows
    ]
    ctx.emit(
        {
            "today": today,
            "overdue": summary.overdue,
            "due_today": summary.due_today,
            "late_replies": summary.late_replies,
            "actions": items,
        }
    )
    lang = cli_language(getattr(args, "lang", None))
    words = DUE_WORDS[lang]
    if not summary.anything:
        ctx.out(words["nothing"])
        return 0
    ctx.out(words["counts"].format(overdue=summary.overdue, today=summary.due_today))
    if summary.late_replies:
        ctx.out(words["letters"].format(n=summary.late_replies))
    for item in items:
        when = words["today"] if not item["overdue"] else f"{item['due_date']:%d/%m/%Y}"
        if item["late_working_days"]:
            n = item["late_working_days"]
            when += " " + words["late_one" if n == 1 else "late"].format(n=n)
        who = f"  — {item['responsible']}" if item["responsible"] else ""
        title = marked(item["title"], bool(item["confidential"]), lang)  # as ``letter list``
        ctx.out(f"  #{item['id']:<6} {when:<10} {title}{who}")
    return 0


DUE_WORDS = {  # ``ketnoi due`` in the CLI's language; the Vietnamese is the window's banner's
    "en": {
        "nothing": "Nothing overdue or due today.",
        "counts": "{overdue} overdue · {today} due today",
        "letters": "{n} letter(s) to answer past their deadline (ketnoi letter list --overdue)",
        "today": "today",
        "late": "({n} working days late)",
        "late_one": "(1 working day late)",
    },
    "vi": {
        "nothing": "Không có việc quá hạn hay đến hạn hôm nay.",
        "counts": "{overdue} việc quá hạn · {today} việc đến hạn hôm nay",
        "letters": "{n} công văn đến quá hạn trả lời (ketnoi letter list --overdue)",
        "today": "hôm nay",
        "late": "(trễ {n} ngày làm việc)",
        "late_one": "(trễ 1 ngày làm việc)",
    },
}


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = _KIND_WORDS.get(args.kind, args.kind)
    if kind not in (*kinds.RECORD_KINDS, "staff") and resolve.as_id(args.record) is None:
        raise refused(
            f"ketnoi history {kind}: give the {kind}'s id (a number), not {args.record!r}",
            f"ketnoi history {kind}: hãy ghi mã số (id) của {kinds.info(kind).noun_vi}, không phải {args.record!r}",
        )
    lang = cli_language(getattr(args, "lang", None))

    def role_label(role: str) -> str:  # an attendee's role in the window's word: "(Chair)", "(Chủ trì)"
        return str(value_labels.label("meeting", "role", role, lang))

    with read_session(ctx.engine()) as session:
        record_id = resolve.resolve(session, kind, args.record, include_deleted=True)
        label = records.label(session, kind, record_id)
        entries = history.record_history(session, kind, record_id, role_label=role_label)
    changes = [
        {
            "change_id": e.id,
            "at": e.at,
            "op": e.op,
            "field": e.field,
            "old": e.old,
            "new": e.new,
            "old_label": e.old_label,
            "new_label": e.new_label,
            "actor": e.actor,
            "batch_id": e.batch_id,
            "batch_file": e.batch_file,
            "group_id": e.group_id,
            "merged_with": e.merged_with,
            "restorable": e.restorable,
            "what": history.describe(e, "en", kind),
        }
        for e in entries
    ]
    ctx.emit({"kind": kind, "id": record_id, "label": label, "changes": changes})
    # the lines in the CLI's language; --json's "what" stays English
    noun = kinds.info(kind).noun_vi if lang == "vi" and kind in kinds.KINDS else kind
    ctx.out(f"{noun} #{record_id}  {label}")
    for e in entries:
        by = (f" — {e.actor}" if lang == "vi" else f" by {e.actor}") if e.actor else ""
        head = f"  {clock.local(e.at):%d/%m/%Y %H:%M}{by}  "
        # a value of several lines (a meeting's minutes) goes on under its field, not at the
        # margin where it reads as a row of its own (reviewer h129)
        lines = history.describe(e, lang, kind).splitlines() or [""]
        ctx.out(head + lines[0])
        under = " " * len(head) + " " * _field_width(lines[0])
        for line in lines[1:]:
            ctx.out(under + line if line else "")
    return 0


def _field_width(first: str) -> int:
    """How wide a change's field name is ("Minutes: " of "Minutes: — → Hai bên…"): its
    further lines go on under the values, after it."""
    name, sep, _rest = first.partition(": ")
    return len(name) + len(sep) if sep else 0


def _kind_named(kind: str, lang: str) -> str:
    """A record kind as the CLI names it in ``lang``: "contact" / "liên hệ"."""
    if lang != "vi":
        return kind
    return kinds.KINDS[kind].noun_vi if kind in kinds.KINDS else kind


def cmd_trash(args: argparse.Namespace, ctx: CliContext) -> int:
    wanted = [_KIND_WORDS.get(k, k) for k in args.kind] if args.kind else None
    # the verbs other commands have, typed here: "ketnoi trash restore 3" searched the trash for
    # the words "restore" and "3" and said "Nothing in the trash matches.", exit 0
    verb = args.words[0].casefold() if args.words else ""
    if verb == "list":
        args.words = args.words[1:]
    elif verb == "restore":
        return _restore_from_trash(args, ctx, args.words[1:], wanted)
    elif verb == "empty" and len(args.words) == 1:
        args.empty, args.words = True, []
    if args.empty:
        return _empty_trash(args, ctx)
    with read_session(ctx.engine()) as session:
        found = trash.list_trash(session, wanted, " ".join(args.words), limit=max(args.limit, 0))
    items: list[dict[str, Any]] = [
        {
            "kind": i.kind,
            "id": i.id,
            "label": i.label,
            "deleted_at": i.deleted_at,
            "deleted_by": i.deleted_by,
            "merged_into": i.merged_into,
            "restore": trash.restore_command(i.kind, i.id),
        }
        for i in found
    ]
    ctx.emit({"items": items})
    lang = cli_language(getattr(args, "lang", None))
    if not items:
        ctx.out(say("nothing_in_trash" if wanted or args.words else "nothing_deleted", lang))
    for item in items:
        by = say("by", lang, actor=item["deleted_by"]) if item["deleted_by"] else ""
        merged = say("merged_into", lang, into=item["merged_into"]) if item["merged_into"] else ""
        line = say(
            "in_trash",
            lang,
            kind=f"{_kind_named(item['kind'], lang):<12}",
            id=f"{item['id']:<6}",
            label=item["label"],
            when=f"{clock.local(item['deleted_at']):%d/%m/%Y %H:%M}",
            by=by,
            merged=merged,
            restore=item["restore"],
        )
        ctx.out(line)
    return 0


def _restore_from_trash(
    args: argparse.Namespace, ctx: CliContext, words: list[str], wanted: list[str] | None
) -> int:
    """``ketnoi trash restore [KIND] ID…``: the records of these ids in the trash brought back
    as ``ketnoi KIND restore ID…`` does (one step, all or none). An id in the trash as two kinds
    of record, or ids of several kinds, are refused with the commands that say which."""
    from app.record_commands import cmd_restore
    from app.record_fields import COMMAND_NAMES

    named = list(wanted or [])
    ids: list[int] = []
    for word in words:
        kind = _kind_of_word(word)
        if kind:
            named.append(kind)
        elif word.isdigit():
            ids.append(int(word))
        else:
            raise _refusal("trash_restore_usage")
    if not ids:
        raise _refusal("trash_restore_usage")
    with read_session(ctx.engine()) as session:
        found = trash.trashed_kinds(session, ids, named or None)
    for record_id in ids:
        where = found.get(record_id, [])
        if not where:
            raise _refusal("trash_restore_gone", id=record_id)
        if len(where) > 1:
            commands = " | ".join(trash.restore_command(k, record_id) for k in where)
            raise _refusal("trash_restore_which", id=record_id, commands=commands)
    kinds_found = list(dict.fromkeys(found[i][0] for i in ids))
    if len(kinds_found) > 1 or kinds_found[0] not in COMMAND_NAMES:
        commands = " ; ".join(
            f"ketnoi {COMMAND_NAMES.get(k, k)} restore {' '.join(str(i) for i in ids if found[i][0] == k)}"
            for k in kinds_found
        )
        raise _refusal("trash_restore_each", commands=commands)
    return cmd_restore(argparse.Namespace(entity=kinds_found[0], records=ids, merge=False, anyway=False), ctx)


def _refusal(code: str, **values: Any) -> Exception:
    return refused(say(code, "en", **values), say(code, "vi", **values))


def _kind_of_word(word: str) -> str:
    """ "meeting", "meetings", "org": the kind of record a word names ("" none)."""
    w = word.casefold()
    w = _KIND_WORDS.get(w, w)
    for k in kinds.ALL_KINDS:
        if w in (str(k), f"{k}s"):
            return str(k)
    return "organisation" if w in ("orgs", "organisations", "organizations") else ""


def _trash_notes(going: trash.Emptying, lang: str, *, asking: bool) -> list[str]:
    """What emptying the trash on a server leaves and takes no copy of, in ``lang``: whose
    records go (an officer's, or the team's), those kept, and (when ``asking``) that no copy is
    taken first."""
    notes = []
    if going.scope == "mine" and going.others:
        notes.append(say("trash_mine", lang, others=going.others))
    elif going.scope == "mine" and asking:
        notes.append(say("trash_mine_all", lang))
    elif going.scope == "team" and asking:
        notes.append(say("trash_team", lang))
    if going.kept:
        notes.append(say("trash_kept", lang, kept=going.kept))
    if asking and not going.backup:
        notes.append(say("trash_no_copy", lang))
    return notes


def _empty_trash(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.kind or args.words:
        raise refused(
            "--empty removes every deleted record; it takes no --kind or words",
            "--empty xoá mọi hồ sơ trong thùng rác; không dùng kèm --kind hay từ khoá",
        )
    lang = cli_language(getattr(args, "lang", None))
    if not args.yes:  # what goes, as the trash lists it, and the files attached to it
        with read_session(ctx.engine()) as session:
            going = trash.emptying(session)
        if going.total == 0:  # (it said "this removes nothing for good; add --yes to do it")
            ctx.emit({"purged": {}, "others": going.others, "kept": going.kept})
            _nothing_to_empty(ctx, going, lang)
            return 0
        en, vi = (
            "; ".join([f"this removes {going.words()} for good", *_trash_notes(going, "en", asking=True)]),
            "; ".join(
                [f"lệnh này xoá vĩnh viễn {going.words('vi')}", *_trash_notes(going, "vi", asking=True)]
            ),
        )
        raise refused(f"{en}; add --yes to do it", f"{vi}; thêm --yes để thực hiện")
    with unit_of_work(ctx.engine()) as session:
        going = trash.emptying(session)
        purged = trash.empty_trash(session, actor=ctx.actor())
    ctx.emit({"purged": purged, "others": going.others, "kept": going.kept})
    if not purged:
        _nothing_to_empty(ctx, going, lang)
        return 0
    what = going.removed(purged).words(lang)
    ctx.out(say("purged" if going.backup else "purged_server", lang, what=what))
    for note in _trash_notes(going, lang, asking=False):
        ctx.out(note[:1].upper() + note[1:])
    return 0


def _nothing_to_empty(ctx: CliContext, going: trash.Emptying, lang: str) -> None:
    """Nothing removed: why (nothing deleted; only colleagues' deletions; only records kept)."""
    if going.others:
        ctx.out(say("trash_none_yours", lang, others=going.others))
    elif not going.kept:
        ctx.out(say("nothing_deleted", lang))
    if going.kept:
        note = say("trash_kept", lang, kept=going.kept)
        ctx.out(note[:1].upper() + note[1:])
