"""``ketnoi org|contact|meeting|action add|edit|show|delete|restore|list``: every record from the
command line, through the same services as the window (:mod:`app.records`, :mod:`app.lists`).

    ketnoi org add --name "Genetica" --kind start-up --sector biotech
    ketnoi contact add --name "Nguyễn Thị Hồng Nhung" --organisation Genetica --email n@genetica.vn
    ketnoi contact list nguyen --organisation Genetica --json
    ketnoi action edit 12 --due +1w --staff Quang
    ketnoi contact delete 7 && ketnoi contact restore 7

Records are named by id or by name (accents optional, see :mod:`app.resolve`). Each write is one
unit of work; a delete of several records is one undoable group (``ketnoi undo GROUP``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from app import bulk_edit, dedupe, history, lists, presets, records, reorg, resolve, validation, value_labels
from app.calendar_marks import marked
from app.cli import CliContext, json_option
from app.cli_lines import field_problem_vi, refused, say, zone_converted
from app.entities import DERIVED
from app.errors import LastSave, UserError
from app.language import cli_language, said
from app.record_fields import COMMAND_NAMES, KINDS, add_field_options, coded, convert, typed_values
from app.shown_record import record_lines
from app.value_labels import field_name
from app.written import NotWritten
from db import clock, kinds
from db.engine import read_session, unit_of_work

_ALIASES = {"organisation": ["organisation", "organization"], "contact": [], "meeting": [], "action": []}
# Filters each list takes, besides the words, --owner, --sort and --limit.
_FILTERS = {
    "organisation": ("kind", "sector", "tag", "parent"),
    "contact": ("kind", "sector", "tag", "organisation"),
    "meeting": ("kind", "organisation", "from", "to"),  # --from/--to bound the start
    "action": ("kind", "sector", "organisation", "status", "direction", "from", "to", "overdue"),
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from app import action_commands  # ``action`` also has done, reopen and reschedule

    as_json = json_option()
    for kind in KINDS:
        name = COMMAND_NAMES[kind]
        top = sub.add_parser(name, aliases=_ALIASES[kind], help=f"add, edit, show, list… {kind}s")
        verbs = top.add_subparsers(dest="verb", metavar="VERB", required=True)
        parents = [common, as_json]

        article = "an" if kind[0] in "aeiou" else "a"
        p = verbs.add_parser("add", parents=parents, help=f"add {article} {kind}")
        add_field_options(p, kind)
        p.add_argument(
            "--confidential",
            action="store_true",
            help="seen only by its owner, the staff on it, colleagues it is shared with and managers "
            "(a team database; later: --set confidential=no)",
        )
        if kind in _ORGANISATION_FIELDS:
            _as_was_option(p)
        p.set_defaults(handler=cmd_add, entity=kind, creates_db=True)

        p = verbs.add_parser(
            "edit",
            parents=parents,
            help=f"change fields of {article} {kind}",
            description="Only the fields given change; a repeated option (--tag, --email…) "
            "replaces the whole list.",
        )
        p.add_argument("record", metavar="NAME_OR_ID")
        p.add_argument("--if-version", type=int, metavar="N", help="refuse if saved since version N")
        add_field_options(p, kind)
        if kind in _ORGANISATION_FIELDS:
            _as_was_option(p)
        p.set_defaults(handler=cmd_edit, entity=kind)

        p = verbs.add_parser("show", parents=parents, help=f"every field of {article} {kind}")
        p.add_argument("record", metavar="NAME_OR_ID")
        p.set_defaults(handler=cmd_show, entity=kind)

        p = verbs.add_parser("delete", parents=parents, help=f"delete {kind}s (restorable; one undo)")
        p.add_argument("records", nargs="+", metavar="NAME_OR_ID")
        p.set_defaults(handler=cmd_delete, entity=kind)

        p = verbs.add_parser("restore", parents=parents, help=f"bring back deleted {kind}s")
        p.add_argument("records", nargs="+", metavar="ID", type=int)
        if kind == "contact":  # (one a live contact has the e-mail or phone of: asked, as in the window)
            twins = p.add_mutually_exclusive_group()
            twins.add_argument(
                "--merge",
                action="store_true",
                help="one a live contact has the e-mail or phone of: restore it and merge it into that one",
            )
            twins.add_argument(
                "--anyway",
                action="store_true",
                help="restore one a live contact has the e-mail or phone of as a second record",
            )
        p.set_defaults(handler=cmd_restore, entity=kind)

        p = verbs.add_parser("list", parents=parents, help=f"{kind}s, filtered and sorted as in the window")
        _list_options(p, kind)
        p.set_defaults(handler=cmd_list, entity=kind)

        if kind == "action":
            action_commands.add_action_verbs(verbs, parents)
        if kind == "organisation":  # org succeed / org lineage (issue 15: reorganisations)
            from app import org_commands

            org_commands.add_org_verbs(verbs, parents)


def _as_was_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-was",
        action="store_true",
        help="keep an organisation merged, renamed or split as it is named (else its successor "
        "is used, as in the window)",
    )


# --- what the commands say ------------------------------------------------------------------

LINES: dict[str, tuple[str, str]] = {
    # code: (English, Vietnamese): the CLI's language (a Vietnamese locale, else English), in the
    # window's words ("Đã lưu", "Đã khôi phục"); {what} is the kind's noun and the record's id
    "added": ("Added {what}: {label}", "Đã thêm {what}: {label}"),
    "saved": ("Saved {what}: {label}", "Đã lưu {what}: {label}"),
    "unchanged": ("Nothing changed on {what}: {label}", "Không có gì thay đổi ở {what}: {label}"),
    "deleted": ("Deleted {what}: {label}", "Đã xoá {what}: {label}"),
    "restore_with": (
        "Restore with: {restore}  (or ketnoi undo {group})",
        "Khôi phục bằng: {restore}  (hoặc ketnoi undo {group})",
    ),
    "restored": ("Restored {what}: {label}", "Đã khôi phục {what}: {label}"),
    "restored_merged": (
        "Restored {what}: {label}, and merged it into #{survivor} (undo the merge: ketnoi undo {group})",
        "Đã khôi phục {what}: {label} và gộp vào #{survivor} (hoàn tác việc gộp: ketnoi undo {group})",
    ),
    "refiled": (
        "  filed under the live organisation #{live} {name}: its own (#{own}, the same name) stays in the trash",
        "  xếp vào tổ chức đang dùng #{live} {name}: tổ chức cũ của nó (#{own}, cùng tên) vẫn ở trong thùng rác",
    ),
}


def _line(code: str, kind: str, record_id: int, label: str) -> str:
    """ "Added contact #5: Nguyễn Thị Hồng Nhung" / "Đã thêm liên hệ #5: Nguyễn Thị Hồng Nhung"."""
    lang = cli_language()
    noun = kinds.info(kind).noun_vi if lang == "vi" else kind
    return said(LINES[code], lang, what=f"{noun} #{record_id}", label=label)


# --- add / edit / show ----------------------------------------------------------------------


def _record_document(kind: str, record_id: int, values: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "id": record_id, "record": values}


def _print_record(
    ctx: CliContext, kind: str, values: dict[str, Any], lines: list[tuple[str, str]], lang: str
) -> None:
    """The record's fields in words under their labels (:mod:`app.shown_record`), the kind named
    in ``lang`` ("Tổ chức #1  Bộ Tài chính"); a value of several lines (an agenda, minutes) keeps
    its lines under the first."""
    info = kinds.info(kind)
    noun = info.noun_vi if lang == "vi" else info.noun
    # a confidential record's heading says so, as ``letter show`` and the briefs do
    heading = marked(records_label(kind, values), bool(values.get("confidential")), lang)
    ctx.out(f"{noun[:1].upper()}{noun[1:]} #{values['id']}  {heading}")
    width = max((len(label) for label, _ in lines), default=0)
    for label, shown in lines:
        ctx.out(f"  {label:<{width}}  " + shown.replace("\n", "\n" + " " * (width + 4)))


_ORGANISATION_FIELDS = {
    "contact": "organisation_id",
    "action": "organisation_id",
    "organisation": "parent_id",
}
"""The field of a new record that names an organisation: one reorganised by today is its
successor, as the window's forms and Log meeting have it (:func:`_successor`)."""


def _successor(session: Any, kind: str, values: dict[str, Any], as_was: bool) -> tuple[str, str, str] | None:
    """A new record's organisation merged or renamed by today becomes its successor in
    ``values`` (said with the (old, new, since) returned); one split is refused, naming what it
    became; ``as_was`` keeps it as named."""
    field = _ORGANISATION_FIELDS.get(kind)
    oid = values.get(field) if field else None
    if as_was or field is None or not isinstance(oid, int):
        return None
    now = reorg.successors_on(session, [oid], clock.today()).get(oid, [])
    if not now:
        return None
    label, since = records.label(session, "organisation", oid), f"{now[0].effective_on:%d/%m/%Y}"
    if len(now) > 1:
        names = ", ".join(x.name for x in now)
        raise refused(
            f"{label} was split into {names} on {since}: name the one meant (--organisation), "
            f"or add --as-was to keep {label}",
            f"{label} đã chia tách thành {names} từ ngày {since}: hãy ghi tổ chức muốn chọn "
            f"(--organisation), hoặc thêm --as-was để giữ {label}",
        )
    values[field] = now[0].id
    return label, now[0].name, since


def _successor_said(document: dict[str, Any], moved: tuple[str, str, str] | None) -> str:
    """The successor :func:`_successor` used, put in the ``--json`` document; its line ("")."""
    if moved is None:
        return ""
    old, new, since = moved
    document["successor_used"] = {"old": old, "new": new, "since": since}
    return say("successor_for_record", cli_language(), old=old, new=new, since=since)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = args.entity
    raw = typed_values(args, kind)
    if getattr(args, "confidential", False):
        raw["confidential"] = True
    with unit_of_work(ctx.engine()) as session:
        values = convert(session, kind, raw)
        moved = _successor(session, kind, values, getattr(args, "as_was", False))
        record_id = records.create(session, kind, values, actor=ctx.actor(), group_id=records.new_group_id())
        saved = records.get(session, kind, record_id)
        # the window's form warns while typing (ui/dupwarn.py); the same look-up here
        similar = (
            dedupe.possible_duplicates(session, kind, saved, exclude_id=record_id, limit=3)
            if kind in dedupe.ENTITIES
            else []
        )
    document = _record_document(kind, record_id, saved)
    said = _successor_said(document, moved)
    if similar:
        document["possible_duplicates"] = [
            {"id": c.id, "label": c.label, "subtitle": c.subtitle, "confidence": round(c.confidence, 2),
             "reasons": c.reasons}
            for c in similar
        ]  # fmt: skip
    ctx.emit(document)
    ctx.out(_line("added", kind, record_id, records_label(kind, saved)))
    _said_zones(ctx, raw)
    if said:
        ctx.out(said)
    _warn_duplicates(kind, record_id, records_label(kind, saved), similar)
    return 0


def _said_zones(ctx: CliContext, raw: dict[str, Any]) -> None:
    """A meeting's time typed with a zone ("--at '10/12/2026 21:00 JST'"): what it became in
    the office's time, said."""
    for field in ("starts_at", "ends_at"):
        if field in raw and (line := zone_converted(raw[field], cli_language())) is not None:
            ctx.out(line)


def _warn_duplicates(kind: str, record_id: int, label: str, similar: list[dedupe.DuplicateCandidate]) -> None:
    """On stderr (also with --json): the records the one just added looks like, and how to merge."""
    if not similar:
        return
    vi = cli_language() == "vi"
    if vi:
        lines = [f"ketnoi: cảnh báo: {kinds.info(kind).noun_vi} #{record_id} “{label}” có vẻ trùng với:"]
    else:
        lines = [f'ketnoi: warning: {kind} #{record_id} "{label}" looks like a duplicate of:']
    for c in similar:
        extra = f" · {c.subtitle}" if c.subtitle else ""
        reasons = [dedupe.reason_text(r, "vi") for r in c.reasons] if vi else c.reasons
        why = "; ".join(dict.fromkeys(reasons))
        lines.append(f"  #{c.id} {c.label}{extra} ({c.confidence:.0%}: {why})")
    first = similar[0].id
    if vi:
        lines.append(
            f"  Để gộp vào #{first}: ketnoi merge {kind} {first} {record_id} --dry-run cho xem mỗi trường "
            "giữ giá trị nào; chạy lại không có --dry-run để gộp (ketnoi undo hoàn tác việc gộp)."
        )
    else:
        lines.append(
            f"  To merge it into #{first}: ketnoi merge {kind} {first} {record_id} --dry-run shows what each "
            f"field keeps; run it again without --dry-run (ketnoi undo takes a merge back)."
        )
    print("\n".join(lines), file=sys.stderr, flush=True)


def records_label(kind: str, values: dict[str, Any]) -> str:
    return str(values.get({"contact": "full_name", "organisation": "name"}.get(kind, "title"), ""))


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = args.entity
    raw = typed_values(args, kind)
    if not raw:
        raise refused(
            "nothing to change: give a field option (see --help) or --set FIELD=VALUE",
            "không có gì để thay đổi: hãy ghi một tuỳ chọn trường (xem --help) hoặc --set TRƯỜNG=GIÁ_TRỊ",
        )
    with unit_of_work(ctx.engine()) as session:
        record_id = resolve.resolve(session, kind, args.record)
        current = records.get(session, kind, record_id)
        values = convert(session, kind, raw, current=current)
        _keep_length(kind, values, current)
        moved = _successor(session, kind, values, getattr(args, "as_was", False))
        group = records.new_group_id()  # one operation, undone in one step
        # --if-version N of a record saved since: merged with that save as the window merges
        # with it (their other fields kept; a field both changed refused, naming it)
        base = None
        if args.if_version is not None and args.if_version != current["version"]:
            base = history.values_at(session, kind, record_id, args.if_version)
        theirs: LastSave | None = None
        if base is not None:
            edited = records.update_edited(
                session, kind, record_id, values, base=base, actor=ctx.actor(), group_id=group
            )
            version, theirs = edited.version, edited.saved if edited.merged else None
            kept = [f for f in _shown_fields(kind, base, current) if f not in values]
        else:
            version = records.update(
                session,
                kind,
                record_id,
                values,
                expected_version=args.if_version,
                actor=ctx.actor(),
                group_id=group,
            )
        saved = records.get(session, kind, record_id)
    changed = version != current["version"]
    document = {**_record_document(kind, record_id, saved), "changed": changed}
    if base is not None:
        document["merged_with"] = {"version": current["version"], "fields": kept}
    said = _successor_said(document, moved)
    ctx.emit(document)
    ctx.out(_line("saved" if changed else "unchanged", kind, record_id, records_label(kind, saved)))
    _said_zones(ctx, raw)
    if said:
        ctx.out(said)
    if base is not None and kept:
        lang = cli_language()
        by, by_vi = theirs.said() if theirs is not None else ("someone else", "người khác")
        at = theirs.when() if theirs is not None else ""
        ctx.out(
            say(
                "kept_theirs" if theirs is None or theirs.team else "kept_elsewhere",
                lang,
                by=by_vi if lang == "vi" else by,
                at=at,
                fields=", ".join(field_name(f, lang) for f in kept),
            )
        )
    return 0


def _keep_length(kind: str, values: dict[str, Any], current: dict[str, Any]) -> None:
    """A meeting moved (--at) without a new end (--ends) keeps its length: its end moves with its
    start (reviewer h103: "meeting edit 9 --at '10/12/2026 14:00'" was refused, "the meeting ends
    before it starts", its end left on the day before)."""
    if kind != "meeting" or "starts_at" not in values or "ends_at" in values:
        return
    old_start, old_end = current.get("starts_at"), current.get("ends_at")
    try:
        new_start = validation.datetime_(values["starts_at"])  # (as typed: the save says what is wrong)
    except ValueError:
        return
    if isinstance(old_start, dt.datetime) and isinstance(old_end, dt.datetime):
        values["ends_at"] = new_start + (old_end - old_start)


def _shown_fields(kind: str, base: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """The fields saved since ``base`` (by someone else), in the record's order."""
    skip = {"version", "updated_at", "created_at"}
    return [f for f in current if f not in skip and f not in DERIVED and current[f] != base.get(f)]


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with read_session(ctx.engine()) as session:
        record_id = resolve.resolve(session, args.entity, args.record)
        values = records.get(session, args.entity, record_id)
        lang = cli_language()
        lines = [] if ctx.json else record_lines(session, args.entity, values, lang)
    ctx.emit(_record_document(args.entity, record_id, values))  # --json: the stored values
    _print_record(ctx, args.entity, values, lines, lang)
    return 0


# --- delete / restore -------------------------------------------------------------------------


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    """Soft-delete the records named, as the window's Delete does: one undoable group."""
    kind, name = args.entity, COMMAND_NAMES[args.entity]
    with unit_of_work(ctx.engine()) as session:
        ids = list(dict.fromkeys(resolve.resolve(session, kind, text) for text in args.records))
        group = bulk_edit.delete_records(session, kind, ids, actor=ctx.actor())
        labels = {i: records.label(session, kind, i) for i in ids}
    restore = f"ketnoi {name} restore {' '.join(map(str, ids))}"
    ctx.emit({"kind": kind, "deleted": ids, "group_id": group, "restore": restore})
    for record_id in ids:
        ctx.out(_line("deleted", kind, record_id, labels[record_id]))
    ctx.out(said(LINES["restore_with"], cli_language(), restore=restore, group=group))
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """Bring back records from the trash, all or none: one not in the trash (reviewer: ``ketnoi
    meeting restore 3`` of a live meeting said "Restored meeting #3" and exited 0) or one that
    cannot come back (its name is taken) is named, and nothing is restored."""
    from app import trash

    kind = args.entity
    wanted = list(dict.fromkeys(args.records))
    with unit_of_work(ctx.engine()) as session:
        for record_id in wanted:
            resolve.resolve(session, kind, record_id, include_deleted=True)
        # a contact a live one has the e-mail or phone of (an import undone, the same file
        # imported again: reviewer h109) is not silently made a second record: refused, naming
        # the live one, unless --merge or --anyway says what to do
        twins = (
            "merge"
            if getattr(args, "merge", False)
            else "allow"
            if getattr(args, "anyway", False)
            else "refuse"
        )
        result = trash.restore_many(session, [(kind, i) for i in wanted], actor=ctx.actor(), twins=twins)
        if result.skipped:  # raised inside the unit of work: the others are not restored either
            error = UserError("; ".join(_not_restored(x) for x in result.skipped) + "; nothing restored")
            error.vi = "; ".join(_not_restored(x, "vi") for x in result.skipped) + "; chưa khôi phục gì"  # type: ignore[attr-defined]
            raise error
        group = result.group_id
        merged = {other: (survivor, undo) for other, survivor, undo in result.merged}
        refiled = {i: (own, live, name) for k, i, own, live, name in result.refiled if k == kind}
        done = [(record_id, records.label(session, kind, record_id)) for record_id in wanted]
    document: dict[str, Any] = {"kind": kind, "restored": [i for i, _ in done], "group_id": group}
    if merged:
        document["merged"] = [{"id": o, "into": s, "group_id": g} for o, (s, g) in merged.items()]
    if refiled:
        document["refiled"] = [{"id": i, "from": o, "to": t} for i, (o, t, _n) in refiled.items()]
    ctx.emit(document)
    lang = cli_language()
    for record_id, label in done:
        if record_id in merged:
            survivor, undo = merged[record_id]
            noun = kinds.info(kind).noun_vi if lang == "vi" else kind
            ctx.out(
                said(LINES["restored_merged"], lang, what=f"{noun} #{record_id}", label=label,
                     survivor=survivor, group=undo)
            )  # fmt: skip
        else:
            ctx.out(_line("restored", kind, record_id, label))
        if record_id in refiled:
            own, live, name = refiled[record_id]
            ctx.out(said(LINES["refiled"], lang, live=live, name=name, own=own))
    return 0


def _not_restored(skipped: Any, lang: str = "en") -> str:
    """ "Meeting #3 is not in the trash", "Organisation #5 cannot come back: …"."""
    if lang == "vi":
        noun = kinds.info(skipped.kind).noun_vi
        what = f"{noun[:1].upper()}{noun[1:]} #{skipped.id}"
        if skipped.code == "gone":
            return f"{what} không có trong thùng rác"
        return f"{what} không khôi phục được: {skipped.message_vi or skipped.message}"
    what = f"{skipped.kind.capitalize()} #{skipped.id}"
    if skipped.code == "gone":
        return f"{what} is not in the trash"
    return f"{what} cannot come back: {skipped.message}"


# --- list -------------------------------------------------------------------------------------


def _list_options(p: argparse.ArgumentParser, kind: str) -> None:
    list_filter_options(p, kind)
    p.add_argument("--sort", choices=lists.COLUMNS[kind], help=f"default: {lists.DEFAULT_SORT[kind][0]}")
    p.add_argument("--desc", action="store_true", help="sort in descending order")
    p.add_argument("--limit", type=int, help="at most this many (default 50 printed; with --xlsx, every one)")
    p.add_argument(
        "--xlsx",
        type=Path,
        metavar="FILE.xlsx",
        help="write the list (every row, in its order) to FILE.xlsx in the layout ketnoi import reads",
    )


def list_filter_options(p: argparse._ActionsContainer, kind: str, *, words_option: bool = False) -> None:
    """The filters of ``ketnoi KIND list`` (the window's list filters), read back by
    :func:`list_query`: also ``export-ics``'s (its positional argument is the file written, so
    the words are ``--words`` there: ``words_option``)."""
    if words_option:
        p.add_argument(
            "--words",
            action="append",
            default=[],
            metavar="TEXT",
            help="only those containing these words (accents optional), as `list` takes them",
        )
    else:
        p.add_argument("words", nargs="*", help="words the records contain (accents optional)")
    wanted = _FILTERS[kind]
    if "kind" in wanted:
        what = "organisation kind" if kind == "contact" else "kind"
        of = "organisation" if kind == "contact" else kind
        p.add_argument("--kind", help=f"only this {what}: {value_labels.accepted(of, 'kind')}")
    if "sector" in wanted:
        p.add_argument("--sector", metavar="NAME", help="only this sector")
    if "tag" in wanted:
        p.add_argument("--tag", metavar="NAME", help="only this tag")
    if "parent" in wanted:
        p.add_argument("--parent", metavar="NAME_OR_ID", help="only departments of this organisation")
    if "organisation" in wanted:
        p.add_argument("--organisation", metavar="NAME_OR_ID", help="only this organisation's")
    if "status" in wanted:
        p.add_argument(
            "--status",
            help=f"{value_labels.accepted('action', 'status')} or all (default: every open status); "
            "the English or Vietnamese word works too, accents optional",
        )
    if "direction" in wanted:
        p.add_argument(
            "--direction",
            help=f"{value_labels.accepted('action', 'direction')}; the English or Vietnamese word works too",
        )
    if "from" in wanted:
        p.add_argument("--from", dest="date_from", metavar="DATE", help="on or after this day")
        p.add_argument("--to", dest="date_to", metavar="DATE", help="on or before this day")
    if "overdue" in wanted:
        p.add_argument("--overdue", action="store_true", help="open actions due before today")
    if presets.names(kind):
        shown = ", ".join(n.replace("_", "-") for n in presets.names(kind))
        p.add_argument("--preset", metavar="NAME", help=f"a view of the window's list: {shown}")
    owner = "responsible staff member" if kind == "action" else "owner"
    p.add_argument("--owner", metavar="NAME_OR_ID", help=f"only this {owner}")


LIST_FILTERS = ("kind", "sector", "tag", "parent", "organisation", "status", "direction",
                "date_from", "date_to", "overdue", "preset", "owner", "words")  # fmt: skip
"""The ``args`` names :func:`list_filter_options` adds (those of its kind among them)."""


def list_filters_given(args: argparse.Namespace) -> list[str]:
    """The list filters given on the command line as ``ketnoi KIND list`` takes them
    ("--preset week", the words last: "genetica"), in the order of :data:`LIST_FILTERS`;
    none: []."""
    out: list[str] = []
    for name in LIST_FILTERS:
        value = getattr(args, name, None)
        option = {"date_from": "--from", "date_to": "--to"}.get(name, f"--{name}")
        if name == "words":
            out.extend(_quoted(v) for v in value or () if v)
        elif value is True:
            out.append(option)
        elif value:
            out.append(f"{option} {_quoted(str(value))}")
    return out


def _quoted(text: str) -> str:
    return f'"{text}"' if not text or any(c.isspace() for c in text) else text


def list_query(session: Any, args: argparse.Namespace, kind: str) -> lists.ListQuery:
    """The window's list query, from the command line's filters (a preset first, as the
    window's first filter box; the other options narrow or override it)."""
    q = lists.default_query(kind).with_(text=" ".join(args.words))
    owner_id = resolve.resolve(session, "staff", args.owner) if args.owner else None
    if getattr(args, "preset", None):
        try:
            q = presets.apply_preset(q, args.preset.replace("-", "_"), today=clock.today(), staff_id=owner_id)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    q = q.with_(**_named_filters(session, args), **_window_filters(args))
    if owner_id is not None:
        q = q.with_(owner_id=owner_id)
    sort, desc = getattr(args, "sort", None), getattr(args, "desc", False)  # (export-ics: no order)
    if sort:
        q = q.with_(sort=sort, descending=desc)
    elif desc:
        q = q.with_(descending=not q.descending)
    return q


def _named_filters(session: Any, args: argparse.Namespace) -> dict[str, Any]:
    """Filters naming a record or a word of a vocabulary, resolved to ids."""
    out: dict[str, Any] = {}
    if getattr(args, "kind", None):  # the code or the window's word, as add and edit take it
        of = "organisation" if args.entity == "contact" else args.entity  # a contact's: its organisation's
        out["kind"] = coded(of, "kind", args.kind)
    if getattr(args, "sector", None):
        out["sector_id"] = resolve.vocabulary_id(session, "sector", args.sector)
    if getattr(args, "tag", None):
        out["tag_id"] = resolve.vocabulary_id(session, "tag", args.tag)
    org = getattr(args, "organisation", None) or getattr(args, "parent", None)
    if org:
        out["organisation_id"] = resolve.resolve(session, "organisation", org)
    return out


def _window_filters(args: argparse.Namespace) -> dict[str, Any]:
    """Status, direction and date window (actions' due date, meetings' start)."""
    out: dict[str, Any] = {}
    status = getattr(args, "status", None)
    if status:
        out["status"] = None if status == "all" else coded("action", "status", status)
    if getattr(args, "direction", None):
        out["direction"] = coded("action", "direction", args.direction)
    try:
        if getattr(args, "date_from", None):
            out["due_from"] = validation.date(args.date_from)
        if getattr(args, "date_to", None):
            out["due_to"] = validation.date(args.date_to)
    except validation.FieldError as exc:
        raise refused(str(exc), field_problem_vi(str(exc))) from None
    if getattr(args, "overdue", False):
        out["overdue_on"] = clock.today()
    return out


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = args.entity
    if args.limit is not None and args.limit < 1:
        raise refused(
            f"--limit is 1 or more (not {args.limit})", f"--limit từ 1 trở lên (không phải {args.limit})"
        )
    if args.xlsx is not None:
        return _list_to_xlsx(args, ctx)
    with read_session(ctx.engine()) as session:
        q = list_query(session, args, kind)
        total = lists.count(session, q)
        ids = lists.page_ids(session, q, limit=args.limit or LIST_LIMIT)
        rows = lists.rows(session, kind, ids)
    items = [{k: x for k, x in rows[i].items() if k != "deleted_at"} for i in ids if i in rows]
    ctx.emit({"kind": kind, "total": total, "count": len(items), "items": items})
    columns = lists.COLUMNS[kind]
    lang = cli_language()
    vi = lang == "vi"
    for item in items:
        cells = [f"#{item['id']:<6}"]
        for c in columns:
            value = item.get(c)
            if vi and c in _CODES:  # the window's words: "Khởi nghiệp", "Bên ta cần làm"
                value = value_labels.label(kind, c, value, "vi")
            cell = _cell(value, c in _CODES)
            if c in _NAMED:  # "(Confidential)" / "(Mật)" as ``letter list`` marks one: a list
                cell = marked(cell, bool(item.get("confidential")), lang)  # piped into a mail
            cells.append(cell)
        ctx.out("  ".join(c for c in cells if c))
    if vi:
        ctx.out(f"{len(items)} trong số {total} {_KINDS_VI.get(kind, kind)}")
    else:
        ctx.out(f"{len(items)} of {total} {kind}{'s' if total != 1 else ''}")
    return 0


LIST_LIMIT = 50
"""How many rows ``list`` prints unless ``--limit`` says otherwise."""


def _list_to_xlsx(args: argparse.Namespace, ctx: CliContext) -> int:
    """``list … --xlsx FILE``: the rows the list holds (the same query, every row unless
    ``--limit``), written as the export writes that kind (:func:`app.exporting.export_list`)."""
    from app.exporting import commands as export_commands
    from app.exporting import export_list

    kind, lang = args.entity, cli_language()
    path = export_commands.xlsx_path(args.xlsx, lang)
    secret: dict[str, int] = {}
    with read_session(ctx.engine()) as session:
        q = list_query(session, args, kind)
        try:
            n = export_list(path, q, session=session, lang=lang, confidential=secret, limit=args.limit)
        except NotWritten as exc:
            raise UserError(exc.text(lang)) from None
    ctx.emit({"kind": kind, "count": n, "path": str(path), "confidential": sum(secret.values())})
    ctx.out(export_commands.list_written(kind, n, path, lang))
    if secret:
        ctx.out(export_commands.confidential_line(secret, lang))
    return 0


_NAMED = frozenset({"name", "title"})
"""The column naming the record (an organisation's or contact's name, a meeting's or action's
title): a confidential record's is marked there."""
_CODES = frozenset({"direction", "status", "kind"})
"""Columns that hold a code ("we_owe", "in_progress"): printed as words, kept as codes in --json."""
_KINDS_VI = {"organisation": "tổ chức", "contact": "liên hệ", "meeting": "cuộc họp", "action": "việc cần làm"}


def _cell(value: Any, code: bool = False) -> str:
    if value is None:
        return ""
    if code and isinstance(value, str):
        return value.replace("_", " ")  # "we owe", "in progress"
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y %H:%M" if hasattr(value, "hour") else "%d/%m/%Y"))
    return str(value)
