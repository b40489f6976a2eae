"""``ketnoi dedupe``, ``ketnoi merge`` and ``ketnoi undo``.

``dedupe`` only ever lists: which records are merged, and which value each field keeps, is a
person's decision (the app's "Find duplicates" view, or ``ketnoi merge`` for one pair).
Every merge, bulk edit and rating is one group of history rows; ``ketnoi undo`` lists the
recent ones and reverses one of them.
"""

from __future__ import annotations

import argparse
from typing import Any

from app import merge as merging
from app import undo
from app.cli_lines import MOVED_VI, refused, say
from app.dedupe import ENTITIES, reason_text
from app.dedupe_groups import find_duplicate_groups
from app.errors import UserError
from app.language import cli_language, thousands
from db import kinds as db_kinds
from db.engine import read_session, unit_of_work

KIND_ALIASES = {"contacts": "contact", "organisations": "organisation", "organization": "organisation",
                "organizations": "organisation", "org": "organisation"}  # fmt: skip

DEDUPE_HELP = """\
List records that look like duplicates, most certain first, with the reasons
(same email or phone; same name ignoring accents, in any order, at the same or no
organisation; for organisations: name, acronym, alias, English name, website domain).

Nothing is merged or written (--dry-run is not needed): choose the survivor and the values in the app
(Find duplicates), or merge one pair with
    ketnoi merge contact SURVIVOR_ID OTHER_ID
and take it back with
    ketnoi undo GROUP_ID"""

MERGE_HELP = """\
Merge OTHER_ID into SURVIVOR_ID: each field keeps the value that says more (non-empty
over empty, "Nguyễn Thị Hồng Nhung" over "Nguyen Thi Hong Nhung"; a name that differs
otherwise stays the survivor's; of other values "Thành phố Hà Nội" over "Hà Nội", else
the newer) unless --take FIELD (the other's value) or --keep FIELD (the survivor's) says otherwise;
emails, phones, tags and sectors are united; meetings, actions, contacts and
sub-organisations move to the survivor; the other is deleted (restorable).
Prints the group id that `ketnoi undo` takes."""

UNDO_HELP = """\
Without arguments: list the recent operations that can be undone (merges, bulk
edits, ratings, deletes), newest first, with who made each. With GROUP_ID: undo
it, whoever made it. With --last: undo your own latest operation (recorded under
your name: --as, else your login name), never a colleague's or a window's newer
one. An undo never overwrites an edit made since; imports are undone with
undo-import."""


def _kind(value: str) -> str:
    kind = KIND_ALIASES.get(value, value)
    if kind not in ENTITIES:
        raise argparse.ArgumentTypeError(f"choose contact or organisation, not {value!r}")
    return kind


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("dedupe", parents=[common], help="list likely duplicates with their reasons",
                       description=DEDUPE_HELP, formatter_class=raw)  # fmt: skip
    p.add_argument("--kind", type=_kind, default=None, help="contact or organisation (default: both)")
    # It only ever lists, with or without --dry-run (which it once required: reviewer, `ketnoi
    # dedupe` stopped with "run it with --dry-run" though its help calls it the listing command);
    # accepted still, for the scripts that pass it.
    p.add_argument("--dry-run", action="store_true", help="accepted, changes nothing: dedupe only ever lists")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="0..1", help="hide weaker groups")
    p.add_argument("--limit", type=int, default=100, help="show at most this many groups per kind")
    p.set_defaults(handler=dedupe_command)

    mp = sub.add_parser("merge", parents=[common], help="merge two records (undoable)",
                        description=MERGE_HELP, formatter_class=raw)  # fmt: skip
    mp.add_argument("kind", type=_kind, help="contact or organisation")
    mp.add_argument("survivor_id", type=int)
    mp.add_argument("other_id", type=int)
    mp.add_argument("--take", action="append", default=[], metavar="FIELD", help="use the other's value")
    mp.add_argument("--keep", action="append", default=[], metavar="FIELD", help="use the survivor's value")
    mp.add_argument("--dry-run", action="store_true", help="show both records and the value each field keeps")
    mp.add_argument("--as", dest="actor", default=None, help="who is merging (default: your login name)")
    mp.set_defaults(handler=merge_command)

    up = sub.add_parser("undo", parents=[common], help="undo a merge or bulk edit",
                        description=UNDO_HELP, formatter_class=raw)  # fmt: skip
    up.add_argument("group_id", nargs="?", help="from the list, or printed by `ketnoi merge`")
    up.add_argument("--last", action="store_true", help="undo your own latest operation (see above)")
    up.add_argument("--as", dest="actor", default=None, help="who is undoing (default: your login name)")
    up.set_defaults(handler=undo_command)


def _actor(args: argparse.Namespace, ctx: Any) -> str:
    """``--as``, else who every other command records (:meth:`app.cli.CliContext.actor`)."""
    return str(args.actor) if args.actor else str(ctx.actor())


def dedupe_command(args: argparse.Namespace, ctx: Any) -> int:
    kinds = [args.kind] if args.kind else list(ENTITIES)
    vi = cli_language(getattr(args, "lang", None)) == "vi"
    with read_session(ctx.engine()) as session:
        for kind in kinds:
            groups = find_duplicate_groups(session, kind, min_confidence=args.min_confidence)
            n = len(groups)
            if vi:
                ctx.out(f"{db_kinds.info(kind).noun_vi}: {thousands(n, 'vi')} nhóm có vẻ trùng nhau")
            else:
                ctx.out(f"{kind}s: {n:,} group{'' if n == 1 else 's'} of likely duplicates")
            for g in groups[: args.limit]:
                reasons = [reason_text(r, "vi") for r in g.reasons] if vi else g.reasons
                ctx.out(f"  {g.confidence:.0%}  {'; '.join(reasons)}")
                for member in g.members:
                    extra = f" · {member.subtitle}" if member.subtitle else ""
                    ctx.out(f"      #{member.id}  {member.label}{extra}")
                # the pair to merge with the one to keep first, as the window offers it: more
                # history, else the older (reviewer h129: the newer, unaccented one was kept)
                keep, other = merging.kept_first(session, kind, *g.best_pair())
                ctx.out("    " + say("dedupe_merge", "vi" if vi else "en", kind=kind, keep=keep, other=other))
            if len(groups) > args.limit:
                more = len(groups) - args.limit
                if vi:
                    ctx.out(f"  … và {thousands(more, 'vi')} nhóm khác (tăng --limit để xem)")
                else:
                    ctx.out(f"  … and {more:,} more (raise --limit to see them)")
    return 0


def merge_command(args: argparse.Namespace, ctx: Any) -> int:
    choices = {f: "other" for f in args.take} | {f: "survivor" for f in args.keep}
    unknown = set(choices) - set(merging.FIELDS[args.kind])
    if unknown:
        raise refused(
            f"unknown field{'' if len(unknown) == 1 else 's'} {', '.join(sorted(unknown))}; choose from {', '.join(merging.FIELDS[args.kind])}",
            f"không có trường {', '.join(sorted(unknown))}; hãy chọn trong: {', '.join(merging.FIELDS[args.kind])}",
        )
    lang = cli_language(getattr(args, "lang", None))
    if args.dry_run:
        with read_session(ctx.engine()) as session:
            preview = merging.merge_preview(session, args.kind, args.survivor_id, args.other_id)
            names = _names(session, preview["fields"]) if lang == "vi" else {}
        if lang == "vi":
            _vietnamese_preview(ctx, args, preview["fields"], choices, names)
            return 0
        ctx.out(
            f"{'field':<16} {'survivor #' + str(args.survivor_id):<32} {'other #' + str(args.other_id):<32} keeps"
        )
        for row in preview["fields"]:
            pick = choices.get(row["field"], row["default"])
            ctx.out(f"{row['field']:<16} {_cell(row['survivor']):<32} {_cell(row['other']):<32} {pick}")
        ctx.out("Nothing was written (--dry-run).")
        return 0
    actor = _actor(args, ctx)
    with unit_of_work(ctx.engine()) as session:
        result = merging.merge(
            session, args.kind, args.survivor_id, args.other_id, choices=choices, actor=actor
        )
        description = undo.describe(session, result.group_id, lang)
    moved = ", ".join(f"{n} {_moved_what(what, lang)}" for what, n in result.moved.items())
    ctx.out(say("merged" if moved else "merged_nothing", lang, description=description, moved=moved))
    ctx.out(say("undo_with", lang, group=result.group_id))
    return 0


def _moved_what(what: str, lang: str) -> str:
    return MOVED_VI.get(what, what) if lang == "vi" else what


def _names(session: Any, rows: list[dict[str, Any]]) -> dict[str, dict[int, str]]:
    """The records the two sides' fields name (an organisation, a relationship owner), by id."""
    from app.history import REFERS_TO, labels_of

    wanted: dict[str, set[int]] = {}
    for row in rows:
        for side in ("survivor", "other"):
            stored = row[side]
            if row["field"] in REFERS_TO and isinstance(stored, int) and not isinstance(stored, bool):
                wanted.setdefault(REFERS_TO[row["field"]], set()).add(stored)
    return labels_of(session, wanted) if wanted else {}


def _vietnamese_preview(
    ctx: Any, args: argparse.Namespace, rows: list[dict[str, Any]], choices: dict[str, str], names: Any
) -> None:
    """``merge --dry-run`` in Vietnamese: each field by the window's label (its name for --take
    and --keep in brackets), each value in words as ``show`` prints it ("Genetica (#2)", not
    "2"), and which side it keeps (reviewer: "full_name", "organisation_id 2", "owner_id 2")."""
    from app.shown_record import shown_value
    from app.value_labels import field_name

    def value(field: str, stored: Any) -> str:
        if stored in (None, "", []):
            return ""
        return _cell(shown_value(args.kind, field, stored, names, "vi"))

    labels = [f"{field_name(row['field'], 'vi')} [{row['field']}]" for row in rows]
    width = max(len(say("merge_head_field", "vi")), *(len(label) for label in labels))
    survivor = say("merge_head_survivor", "vi", id=args.survivor_id)
    other = say("merge_head_other", "vi", id=args.other_id)
    ctx.out(
        f"{say('merge_head_field', 'vi'):<{width}} {survivor:<32} {other:<32} {say('merge_head_keeps', 'vi')}"
    )
    for label, row in zip(labels, rows, strict=True):
        side = choices.get(row["field"], row["default"])
        pick = f"#{args.survivor_id if side == 'survivor' else args.other_id}"
        field = row["field"]
        ctx.out(
            f"{label:<{width}} {value(field, row['survivor']):<32} {value(field, row['other']):<32} {pick}"
        )
    ctx.out(say("dry_run", "vi"))


def _cell(value: Any) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= 30 else text[:29] + "…"


UNDO_LIST_WORDS = {  # ``ketnoi undo`` without an id, in the CLI's language (the window's words)
    "en": {
        "nothing": "Nothing to undo.",
        "head": "Can be undone, newest first (ketnoi undo ID):",
        "by": "by {who}",
        "redo": 'An ID starting "uu" is a redo (an undo that was undone); give it as shown.',
        "last": "ketnoi undo --last undoes your latest ({who}): {id}",
    },
    "vi": {
        "nothing": "Không có gì để hoàn tác.",
        "head": "Có thể hoàn tác, mới nhất trước (ketnoi undo MÃ):",
        "by": "bởi {who}",
        "redo": "Mã bắt đầu bằng “uu” là một lần làm lại (một lần hoàn tác đã được hoàn tác); "
        "hãy ghi mã đúng như trên.",
        "last": "ketnoi undo --last hoàn tác thay đổi mới nhất của bạn ({who}): {id}",
    },
}


def undo_list(ctx: Any, lang: str, actor: str) -> None:
    """The recent operations that can be undone: the id to give ``ketnoi undo`` in one column
    (a redo's id, ``uu<id>``, is longer: the column is as wide as the longest, and a line says
    what it is), when in local time day first, who, and what, as the window's Undo history;
    then which of them ``--last`` undoes: ``actor``'s latest."""
    from app.shown_record import when

    words = UNDO_LIST_WORDS[lang]
    with read_session(ctx.engine()) as session:
        recent = undo.recent_undoable(session, limit=15, lang=lang)
        mine = undo.last_undoable(session, actor=actor) if recent else None
        mark = undo.restore_mark(session)
    if not recent:
        ctx.out(undo.restore_words(mark, "nothing", lang) if mark is not None else words["nothing"])
        return
    ctx.out(words["head"])
    width = max(len(g.group_id) for g in recent)
    for g in recent:
        who = "  " + words["by"].format(who=g.actor) if g.actor else ""
        ctx.out(f"{g.group_id:<{width}}  {when(g.at)}{who}  {g.description}")
    if mine is not None:
        ctx.out(words["last"].format(who=actor, id=mine.group_id))
    if any(undo.undo_depth(g.group_id)[1] for g in recent):
        ctx.out(words["redo"])


def undo_command(args: argparse.Namespace, ctx: Any) -> int:
    actor = _actor(args, ctx)
    if not args.group_id and not args.last:
        undo_list(ctx, cli_language(getattr(args, "lang", None)), actor)
        return 0
    with unit_of_work(ctx.engine()) as session:
        group_id = args.group_id
        if args.last:  # the caller's own latest: a colleague's or a window's newer one is named
            last = undo.last_undoable(session, actor=actor)
            if last is None:
                mark = undo.restore_mark(session)
                if mark is None and undo.last_undoable(session) is not None:  # only others' left
                    raise refused(
                        f"Nothing of yours ({actor}) to undo: `ketnoi undo` lists every change with "
                        "who made it; undo one of them by its ID (ketnoi undo ID).",
                        f"Không có thay đổi nào của bạn ({actor}) để hoàn tác: `ketnoi undo` liệt kê mọi "
                        "thay đổi kèm người thực hiện; hoàn tác một thay đổi bằng mã của nó (ketnoi undo MÃ).",
                    )
                error = UserError(
                    undo.restore_words(mark, "nothing") if mark is not None else "Nothing to undo."
                )
                error.vi = (  # type: ignore[attr-defined]
                    undo.restore_words(mark, "nothing", "vi")
                    if mark is not None
                    else UNDO_LIST_WORDS["vi"]["nothing"]
                )
                raise error
            group_id = last.group_id
        result = undo.undo_group(session, group_id, actor)
        lang = cli_language(getattr(args, "lang", None))
        base, depth = undo.undo_depth(group_id)
        if depth % 2:  # an undo undone: a redo, said as one ("Redone: Rescheduled action …",
            # not "Undone: Undo: Rescheduled action …"; reviewer h129)
            ctx.out(say("redone", lang, description=undo.describe(session, base, lang)))
            return 0
        description = undo.describe(session, group_id, lang) if lang == "vi" else result.description
    ctx.out(say("undone", lang, description=description))
    return 0
