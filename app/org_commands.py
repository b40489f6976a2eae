"""``ketnoi org succeed`` (reorganisations) and ``ketnoi post …`` (posts and their holders).

ketnoi org succeed "Bộ Kế hoạch và Đầu tư" --into "Bộ Tài chính" --on 01/03/2025 --preview
ketnoi org succeed MPI --into MOF --on 01/03/2025            # undo: ketnoi undo GROUP
ketnoi org succeed MIC --into MOST --renamed --on 2025-03-01
ketnoi org succeed X --into A --into B --split --on 2025-03-01 --move contact:12=B
ketnoi org lineage MOF                                       # formerly … / merged into …

ketnoi post add NIC "Phó Giám đốc" --rank 2
ketnoi post list [NIC]
ketnoi post show 3
ketnoi post assign 3 "Nguyễn Văn An" --from 05/01/2026 --decision "12/QĐ-BKHCN"
ketnoi post end 3 --on 31/12/2026
ketnoi post held "Nguyễn Văn An"                             # the contact's posts over time
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app import dateranges, posts, records, reorg, resolve, validation
from app.cli import CliContext, json_option
from app.cli_lines import refused
from app.language import cli_language, said
from db.engine import read_session, unit_of_work

_WORDS = {"merged": "merged into", "renamed": "renamed to", "split": "split into"}
_WORDS_VI = {"merged": "hợp nhất vào", "renamed": "đổi tên thành", "split": "chia tách thành"}
_KINDS_VI = {"merged": "hợp nhất", "renamed": "đổi tên", "split": "chia tách"}
# (English, Vietnamese): what the post and reorganisation commands print, in the CLI's language,
# in the words of the window's Posts and Reorganisation dialogs (they printed English whatever
# the locale)
LINES: dict[str, tuple[str, str]] = {
    "undo_with": ("Undo with: ketnoi undo {group}", "Hoàn tác: ketnoi undo {group}"),
    "succeed": ("{old} {verb} {how} {into} on {on}.", "{old} {verb}{how} {into} từ ngày {on}."),
    "moving": ("{title} moving: {n}", "{title} được chuyển: {n}"),
    "formerly": ("formerly {name} ({how} on {on})", "trước đây là {name} ({how} từ ngày {on})"),
    "became": ("{how} {name} on {on}", "{how} {name} từ ngày {on}"),
    "no_reorg": ("No reorganisation recorded.", "Chưa ghi nhận lần sắp xếp tổ chức nào."),
    "post": (
        "Post #{id}: {title}, {org} (precedence {rank})",
        "Chức vụ #{id}: {title}, {org} (thứ tự {rank})",
    ),
    "post_line": ("#{id} {title}, {org} (precedence {rank})", "#{id} {title}, {org} (thứ tự {rank})"),
    "since": ("{name} since {day}", "{name} từ {day}"),
    "vacant": ("vacant", "còn trống"),
    "no_posts": ("No posts.", "Chưa có chức vụ nào."),
    "no_holder": ("  no holder recorded", "  chưa ghi nhận người giữ chức vụ"),
    "holds": ("{name} holds {title}, {org} from {span}", "{name} giữ chức vụ {title}, {org}: {span}"),
    "left": ("{name} left {title}: {span}", "{name} thôi giữ chức vụ {title}: {span}"),
    "nothing": ("#{id} {title}: nothing to change.", "#{id} {title}: không có gì thay đổi."),
    "removed": ("Removed the post #{id} {title}, {org}.", "Đã xoá chức vụ #{id} {title}, {org}."),
    "none_held": ("No posts recorded.", "Chưa ghi nhận chức vụ nào."),
    "now": ("now", "nay"),
    "decision": (" (decision {decision})", " (quyết định {decision})"),
}
_MOVING = {  # the window's Reorganisation dialog: its four lists
    "action": ("Open actions", "Việc cần làm đang mở"),
    "contact": ("People", "Nhân sự"),
    "meeting": ("Future meetings", "Cuộc họp sắp tới"),
    "organisation": ("Departments", "Đơn vị trực thuộc"),
}


def _say(code: str, **values: object) -> str:
    return said(LINES[code], cli_language(), **values)


def _vi() -> bool:
    return cli_language() == "vi"


def _day(text: str | None, what: str = "date") -> dt.date | None:
    if text is None:
        return None
    try:
        return validation.date(text)
    except ValueError as exc:
        if (out_of_range := dateranges.refusal(exc)) is not None:
            raise out_of_range from exc
        what_vi = {"date": "ngày", "effective date": "ngày có hiệu lực"}.get(what, what)
        raise refused(
            f"cannot read the {what} {text!r} (use 2025-03-01 or 01/03/2025)",
            f"không đọc được {what_vi} {text!r} (hãy ghi 2025-03-01 hoặc 01/03/2025)",
        ) from exc


def add_org_verbs(verbs: Any, parents: list[argparse.ArgumentParser]) -> None:
    """``org succeed`` and ``org lineage`` beside the record verbs (app.record_commands)."""
    p = verbs.add_parser(
        "succeed",
        parents=parents,
        help="record that an organisation merged into, was renamed to or split into others",
        description="Open actions, current people, departments and meetings from the date on move to "
        "the successor; history, past meetings and closed actions stay. One transaction; undo it with "
        "`ketnoi undo GROUP`.",
    )
    p.add_argument("old", metavar="OLD", help="the organisation that ceased: id, name or acronym")
    p.add_argument(
        "--into", action="append", required=True, metavar="NEW", help="a successor (repeat on a split)"
    )
    p.add_argument("--on", required=True, metavar="DATE", help="the effective date: 2025-03-01 or 01/03/2025")
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--renamed", action="store_const", const="renamed", dest="kind", help="renamed, not merged"
    )
    how.add_argument("--split", action="store_const", const="split", dest="kind", help="split into several")
    p.add_argument("--note", default="", help="e.g. the resolution: Nghị quyết 176/2025/QH15")
    p.add_argument(
        "--move", action="append", default=[], metavar="KIND:ID=NEW",
        help="on a split, send one item (action:12, contact:7, meeting:3, organisation:5) to a successor; "
        "the rest go to the first --into",
    )  # fmt: skip
    p.add_argument("--preview", action="store_true", help="list what would move; change nothing")
    p.set_defaults(handler=cmd_succeed, kind="merged")

    p = verbs.add_parser("lineage", parents=parents, help="what an organisation was formerly and became")
    p.add_argument("record", metavar="NAME_OR_ID")
    p.set_defaults(handler=cmd_lineage)


_NOTES_HELP = "notes on the post; several lines in quotes, e.g. $'line 1\\nline 2' in bash"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]
    top = sub.add_parser("post", help="posts in organisations and who holds them")
    verbs = top.add_subparsers(dest="verb", metavar="VERB", required=True)
    p = verbs.add_parser("add", parents=parents, help="a post in an organisation")
    p.add_argument("organisation", metavar="ORG")
    p.add_argument("title", metavar="TITLE", help="e.g. 'Phó Giám đốc'")
    p.add_argument("--rank", type=int, default=100, help="precedence: 1 first (default 100)")
    p.add_argument("--title-en", default="", help="the post in English")
    p.add_argument("--notes", default="", help=_NOTES_HELP)
    p.set_defaults(handler=cmd_add)
    p = verbs.add_parser("list", parents=parents, help="posts and their holders today")
    p.add_argument("organisation", nargs="?", metavar="ORG")
    p.set_defaults(handler=cmd_list)
    p = verbs.add_parser("show", parents=parents, help="a post and all its holders")
    p.add_argument("post", type=int, metavar="POST_ID")
    p.set_defaults(handler=cmd_show)
    p = verbs.add_parser("assign", parents=parents, help="a contact holds the post from a date")
    p.add_argument("post", type=int, metavar="POST_ID")
    p.add_argument("contact", metavar="CONTACT")
    p.add_argument("--from", dest="starts_on", metavar="DATE", help="first day in post (default today)")
    p.add_argument("--decision", default="", help="the appointment decision, e.g. 12/QĐ-BKHCN")
    p.set_defaults(handler=cmd_assign)
    p = verbs.add_parser("end", parents=parents, help="the current holder leaves the post")
    p.add_argument("post", type=int, metavar="POST_ID")
    p.add_argument(
        "--on",
        metavar="DATE",
        help="last day in post (default today); the day the holding began at the earliest (a one-day acting post)",
    )
    p.set_defaults(handler=cmd_end)
    p = verbs.add_parser("edit", parents=parents, help="rename a post or change its precedence or notes")
    p.add_argument("post", type=int, metavar="POST_ID")
    p.add_argument("--title", help="the post's name")
    p.add_argument("--title-en", help="the post in English")
    p.add_argument("--rank", type=int, help="precedence: 1 first")
    p.add_argument("--notes", help=_NOTES_HELP + "; '' clears them")
    p.set_defaults(handler=cmd_edit)
    p = verbs.add_parser(
        "remove", parents=parents, help="remove a post added by mistake (no holder recorded)"
    )
    p.add_argument("post", type=int, metavar="POST_ID")
    p.set_defaults(handler=cmd_remove)
    p = verbs.add_parser("held", parents=parents, help="the posts a contact held (role history)")
    p.add_argument("contact", metavar="CONTACT")
    p.set_defaults(handler=cmd_held)


# --- org succeed ----------------------------------------------------------------------------


def _choices(session: Any, moves: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for text in moves:
        item, sep, target = text.partition("=")
        kind, _, ident = item.partition(":")
        if not sep or kind not in reorg.MOVABLE or not ident.strip().isdigit():
            raise refused(
                f"--move {text!r}: write KIND:ID=NEW, e.g. contact:12=MOST",
                f"--move {text!r}: hãy ghi LOẠI:ID=MỚI, ví dụ contact:12=MOST",
            )
        out[f"{kind}:{int(ident)}"] = resolve.resolve(session, "organisation", target.strip())
    return out


def _item(i: reorg.Item, names: dict[int, str]) -> dict[str, Any]:
    return {
        "kind": i.kind,
        "id": i.id,
        "label": i.label,
        "detail": i.detail,
        "to": i.to,
        "to_name": names[i.to],
    }


def cmd_succeed(args: argparse.Namespace, ctx: CliContext) -> int:
    on = _day(args.on, "effective date")
    assert on is not None
    with unit_of_work(ctx.engine()) as s:
        old = resolve.resolve(s, "organisation", args.old)
        new = [resolve.resolve(s, "organisation", x) for x in args.into]
        choices = _choices(s, args.move)
        if args.preview:
            plan = reorg.preview(s, old, new, kind=args.kind, on=on, choices=choices)
            group = ""
        else:
            group, plan = reorg.succeed(
                s, old, new, kind=args.kind, on=on, note=args.note, actor=ctx.actor(), choices=choices
            )
    names = dict(plan.successors)
    ctx.emit(
        {
            "predecessor": {"id": plan.predecessor[0], "name": plan.predecessor[1]},
            "successors": [{"id": i, "name": n} for i, n in plan.successors],
            "kind": plan.kind,
            "effective_on": plan.effective_on,
            "moves": [_item(i, names) for i in plan.items],
            "counts": plan.counts(),
            "group_id": group,
            "preview": bool(args.preview),
        }
    )
    into = ", ".join(n for _, n in plan.successors)
    if _vi():
        verb, how = ("sẽ được " if args.preview else "được "), _WORDS_VI[plan.kind]
    else:
        verb, how = ("would be" if args.preview else "is"), _WORDS[plan.kind]
    ctx.out(_say("succeed", old=plan.predecessor[1], verb=verb, how=how, into=into, on=f"{on:%d/%m/%Y}"))
    for kind, title in _MOVING.items():
        items = plan.of(kind)
        ctx.out(_say("moving", title=title[1 if _vi() else 0], n=len(items)))
        for i in items:
            detail = f" ({i.detail})" if i.detail else ""
            ctx.out(f"  #{i.id} {i.label}{detail} → {names[i.to]}")
    if group:
        ctx.out(_say("undo_with", group=group))
    return 0


def cmd_lineage(args: argparse.Namespace, ctx: CliContext) -> int:
    with read_session(ctx.engine()) as s:
        org = resolve.resolve(s, "organisation", args.record)
        line = reorg.lineage(s, org)
    ctx.emit(
        {
            "formerly": [vars_of(x) for x in line.formerly],
            "became": [vars_of(x) for x in line.became],
        }
    )
    words = _WORDS_VI if _vi() else _WORDS
    for x in line.formerly:
        how = _KINDS_VI.get(x.kind, x.kind) if _vi() else x.kind
        ctx.out(_say("formerly", name=x.name, how=how, on=f"{x.effective_on:%d/%m/%Y}"))
    for x in line.became:
        ctx.out(_say("became", how=words[x.kind], name=x.name, on=f"{x.effective_on:%d/%m/%Y}"))
    if not line.formerly and not line.became:
        ctx.out(_say("no_reorg"))
    return 0


def vars_of(link: reorg.Link) -> dict[str, Any]:
    return {
        "id": link.id,
        "name": link.name,
        "kind": link.kind,
        "effective_on": link.effective_on,
        "note": link.note,
    }


# --- posts ----------------------------------------------------------------------------------


def _holding(h: posts.PostHolding | None) -> dict[str, Any] | None:
    if h is None:
        return None
    return {
        "holder_id": h.holder_id,
        "post_id": h.post_id,
        "post": h.post,
        "organisation": h.organisation,
        "contact_id": h.contact_id,
        "name": h.name,
        "honorific": h.honorific,
        "from": h.starts_on,
        "to": h.ends_on,
        "decision": h.decision,
    }


def _post(p: posts.PostRow) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "title_en": p.title_en,
        "organisation_id": p.organisation_id,
        "organisation": p.organisation,
        "rank": p.rank,
        "notes": p.notes,
        "holder": _holding(p.holder),
        "holders": [_holding(h) for h in p.holdings],
    }


def _span(h: posts.PostHolding) -> str:
    start = f"{h.starts_on:%d/%m/%Y}" if h.starts_on else "…"
    end = f"{h.ends_on:%d/%m/%Y}" if h.ends_on else _say("now")
    decision = _say("decision", decision=h.decision) if h.decision else ""
    return f"{start} – {end}{decision}"


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.engine()) as s:
        org = resolve.resolve(s, "organisation", args.organisation)
        group = records.new_group_id()
        post_id = posts.add_post(
            s, org, args.title, rank=args.rank, title_en=args.title_en, notes=args.notes, actor=ctx.actor(),
            group_id=group,
        )  # fmt: skip
        row = posts.get_post(s, post_id)
    ctx.emit({**_post(row), "group_id": group})
    ctx.out(_say("post", id=post_id, title=row.title, org=row.organisation, rank=row.rank))
    ctx.out(_say("undo_with", group=group))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with read_session(ctx.engine()) as s:
        org = resolve.resolve(s, "organisation", args.organisation) if args.organisation else None
        rows = posts.list_posts(s, org)
    ctx.emit([_post(p) for p in rows])
    for p in rows:
        who = _say("since", name=p.holder.name, day=f"{p.holder.starts_on:%d/%m/%Y}") if p.holder and p.holder.starts_on else (
            p.holder.name if p.holder else _say("vacant")
        )  # fmt: skip
        ctx.out(f"#{p.id}  {p.rank:>3}  {p.title}, {p.organisation}: {who}")
    if not rows:
        ctx.out(_say("no_posts"))
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with read_session(ctx.engine()) as s:
        row = posts.get_post(s, args.post)
    ctx.emit(_post(row))
    ctx.out(_say("post_line", id=row.id, title=row.title, org=row.organisation, rank=row.rank))
    for line in row.notes.splitlines():
        ctx.out(f"  | {line}")
    for h in row.holdings:
        ctx.out(f"  {h.name}: {_span(h)}")
    if not row.holdings:
        ctx.out(_say("no_holder"))
    return 0


def cmd_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.engine()) as s:
        contact = resolve.resolve(s, "contact", args.contact)
        group = records.new_group_id()
        posts.assign(
            s, args.post, contact, starts_on=_day(args.starts_on), decision=args.decision, actor=ctx.actor(),
            group_id=group,
        )  # fmt: skip
        row = posts.get_post(s, args.post)
    ctx.emit({**_post(row), "group_id": group})
    h = row.holdings[0]
    ctx.out(_say("holds", name=h.name, title=row.title, org=row.organisation, span=_span(h)))
    ctx.out(_say("undo_with", group=group))
    return 0


def cmd_end(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.engine()) as s:
        group = records.new_group_id()
        ended = posts.end_current(s, args.post, on=_day(args.on), actor=ctx.actor(), group_id=group)
        if ended is None:
            raise refused(
                f"post #{args.post} has no holder to end",
                f"chức vụ #{args.post} không có ai đang giữ để kết thúc",
            )
        row = posts.get_post(s, args.post)
    ctx.emit({**_post(row), "group_id": group})
    h = next(x for x in row.holdings if x.holder_id == ended)
    ctx.out(_say("left", name=h.name, title=row.title, span=_span(h)))
    ctx.out(_say("undo_with", group=group))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    values = {
        k: getattr(args, k) for k in ("title", "title_en", "rank", "notes") if getattr(args, k) is not None
    }
    if not values:
        raise refused(
            "Say what to change: --title, --title-en, --rank or --notes.",
            "Hãy cho biết cần thay đổi gì: --title, --title-en, --rank hoặc --notes.",
        )
    with unit_of_work(ctx.engine()) as s:
        group = records.new_group_id()
        changed = posts.edit_post(s, args.post, actor=ctx.actor(), group_id=group, **values)
        row = posts.get_post(s, args.post)
    ctx.emit({**_post(row), "group_id": group if changed else "", "changed": sorted(changed)})
    if not changed:
        ctx.out(_say("nothing", id=row.id, title=row.title))
        return 0
    ctx.out(_say("post_line", id=row.id, title=row.title, org=row.organisation, rank=row.rank))
    ctx.out(_say("undo_with", group=group))
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.engine()) as s:
        row = posts.get_post(s, args.post)
        group = records.new_group_id()
        posts.remove_post(s, args.post, actor=ctx.actor(), group_id=group)
    ctx.emit({"id": row.id, "title": row.title, "removed": True, "group_id": group})
    ctx.out(_say("removed", id=row.id, title=row.title, org=row.organisation))
    ctx.out(_say("undo_with", group=group))
    return 0


def cmd_held(args: argparse.Namespace, ctx: CliContext) -> int:
    with read_session(ctx.engine()) as s:
        contact = resolve.resolve(s, "contact", args.contact)
        rows = posts.held_by(s, contact)
    ctx.emit([_holding(h) for h in rows])
    for h in rows:
        ctx.out(f"{h.post}, {h.organisation}: {_span(h)}")
    if not rows:
        ctx.out(_say("none_held"))
    return 0
