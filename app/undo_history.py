"""Undo that outlives the window: the recent change groups, read back from the ``change`` table.

    groups = recent_groups(session, limit=50, actor="Trần Minh Anh", lang="vi")
    groups[0].label, groups[0].kind, groups[0].status   # "Sửa tổ chức "Genetica"", "edit", "ready"
    undo_entry(session, groups[0].group_id, actor="Anh")  # recorded: itself undoable (a redo)

Every user operation writes its history rows under one ``group_id`` (a form's save, a bulk
edit, a merge, a re-rating on the stakeholder map, a delete, a restore); an import writes
``import-<batch>``. So the list survives a restart: nothing is kept in memory.

Whether a group can still be undone is decided here and explained, never forced:

* ``undone``: it was undone already (by whom, when);
* ``collides``: a later change touched a field the group wrote (or deleted, restored or edited a
  record the group created, deleted or restored): undoing would overwrite that work, so the
  sentence says which record and who changed it since ("Genetica's name was changed since by Lan
  on 3 Dec");
* ``final``: an import's undo or an undone merge (re-import, merge again instead);
* ``ready``: it can be undone. An import is undone by :func:`app.importing.undo.undo_import`,
  which keeps what was changed since (the ``reason`` says so); a merge by
  :func:`app.merge.undo_merge`; the rest by :func:`app.undo.undo_group`, whose own value check
  still refuses to overwrite anything.

Undos are history too (group ``u<group>``): listed as "Undo: …", and undoing one is a redo.
The walk costs what the latest groups hold, never the size of the whole history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from app import records, undo
from app.cli_lines import refused
from app.contacted import FIELD as CONTACTED
from app.errors import UserError
from app.language import thousands
from db import clock
from db import models as m
from db.queries import chunked
from db.tables import CHANGE, table_of

READY, UNDONE, COLLIDES, FINAL = "ready", "undone", "collides", "final"
IMPORT_PREFIX = undo.IMPORT_GROUP_PREFIX
_SHOWN_COLLISIONS = 2
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

FIELDS_EN = {**undo.FIELD_LABELS, "full_name": "name", "name_en": "English name", "starts_at": "start",
             "ends_at": "end", "organisation_ids": "organisations", "staff_ids": "staff", "completed_on":
             "completion date", "last_contacted_on": "last contacted"}  # fmt: skip
FIELDS_VI = {
    **undo.FIELD_LABELS_VI, "name": "tên", "full_name": "họ tên", "name_en": "tên tiếng Anh",
    "acronym": "tên viết tắt", "aliases": "tên gọi khác", "city": "thành phố", "address": "địa chỉ",
    "website": "trang web", "notes": "ghi chú", "tags": "thẻ", "sectors": "lĩnh vực", "emails": "email",
    "phones": "điện thoại", "honorific": "danh xưng", "position": "chức vụ", "family_name": "họ",
    "middle_name": "tên đệm", "given_name": "tên", "title": "tiêu đề", "starts_at": "giờ bắt đầu",
    "ends_at": "giờ kết thúc", "location": "địa điểm", "agenda": "chương trình", "minutes": "biên bản",
    "decisions": "kết luận", "attendees": "người dự", "organisation_ids": "các tổ chức",
    "staff_ids": "cán bộ dự", "meeting_id": "cuộc họp", "reference": "số hiệu", "completed_on": "ngày xong",
    "last_contacted_on": "ngày liên hệ gần nhất",
    "email": "email", "active": "trạng thái làm việc",
}  # fmt: skip
WORDS = {
    "en": {
        "field": "{record}'s {field} was changed since{by} on {day}",
        "deleted": "{record} was deleted since{by} on {day}",
        "restored": "{record} was restored since{by} on {day}",
        "purged": "{record} was removed for good since{by} on {day}",
        "edited": "{record} was edited since{by} on {day}",
        "merged": "{record} was merged since{by} on {day}",
        "by": " by {actor}",
        "more": "and {n} more",
        "undone": "Undone{by} on {day}",
        "imported": 'Imported "{file}" ({n} records)',
        "imported_one": 'Imported "{file}" (1 record)',  # (it said "1 records")
        "import_undone": 'Undid the import of "{file}"',
        "import_kept": "Undoing keeps what was changed since: {why}",
        "final_import": "An undone import cannot be redone here: import the file again.",
        "final_merge": "An undone merge cannot be redone here: merge the two records again.",
        "final_deep": "Undone and redone too many times to undo again.",
    },
    "vi": {
        "field": "{field} của {record} đã được{by} sửa sau đó, ngày {day}",
        "deleted": "{record} đã được{by} xoá sau đó, ngày {day}",
        "restored": "{record} đã được{by} khôi phục sau đó, ngày {day}",
        "purged": "{record} đã được{by} xoá hẳn sau đó, ngày {day}",
        "edited": "{record} đã được{by} sửa sau đó, ngày {day}",
        "merged": "{record} đã được{by} gộp sau đó, ngày {day}",
        "by": " {actor}",
        "more": "và {n} thay đổi khác",
        "undone": "Đã được{by} hoàn tác ngày {day}",
        "imported": 'Nhập "{file}" ({n} bản ghi)',
        "imported_one": 'Nhập "{file}" (1 bản ghi)',
        "import_undone": 'Hoàn tác lần nhập "{file}"',
        "import_kept": "Hoàn tác sẽ giữ nguyên những gì đã sửa sau đó: {why}",
        "final_import": "Không thể làm lại lần nhập đã hoàn tác ở đây: hãy nhập lại tệp.",
        "final_merge": "Không thể làm lại lần gộp đã hoàn tác ở đây: hãy gộp lại hai bản ghi.",
        "final_deep": "Đã hoàn tác và làm lại quá nhiều lần, không thể hoàn tác nữa.",
    },
}
_LIFECYCLE = {"delete": "deleted", "restore": "restored", "purge": "purged", "merge": "merged"}


@dataclass(frozen=True, slots=True)
class GroupEntry:
    """One operation of the history, as the Undo history list shows it."""

    group_id: str
    label: str  # "Tagged 3 contacts 'VIP'" (in ``lang``)
    at: dt.datetime  # aware UTC: when it was done (its latest row)
    actor: str  # who ("" when nobody was chosen)
    count: int  # records touched
    kind: str  # edit, bulk_edit, rating, merge, import, delete, restore, create, log_meeting, mark_done,
    # reopen, reschedule, reorganisation, calendar_link, undo, redo, import_undo, post_add / _edit / _remove
    # / _assign / _end
    status: str  # READY, UNDONE, COLLIDES or FINAL
    reason: str  # why it is not READY (or what undoing an import keeps), in ``lang``; "" otherwise
    batch_id: int | None = None

    @property
    def undoable(self) -> bool:
        return self.status == READY


def _lang(lang: str) -> str:
    return "vi" if lang.lower().startswith("vi") else "en"


def day_text(
    at: dt.datetime, lang: str = "en", today: dt.date | None = None, date_format: str | None = None
) -> str:
    """A short local day: "3 Dec" ("3/12" in Vietnamese), with the year when it is not this year;
    in ``date_format`` (strftime) when one is given: the window's, the format chosen in Settings
    (reviewer: "7/12" in the Undo history under year-month-day, beside "2026-12-07 09:14")."""
    local = clock.local(at) if at.tzinfo is not None else at
    if date_format is not None:
        return local.strftime(date_format)
    this_year = (today or local.date()).year == local.year
    if _lang(lang) == "vi":
        return f"{local.day}/{local.month}" + ("" if this_year else f"/{local.year}")
    return f"{local.day} {_MONTHS[local.month - 1]}" + ("" if this_year else f" {local.year}")


def field_name(field: str, lang: str) -> str:
    """A field's name in a sentence ("emails", "chức vụ"), by ``lang``."""
    names = FIELDS_VI if lang == "vi" else FIELDS_EN
    return names.get(field, field.replace("_", " "))


# --- the walk ------------------------------------------------------------------------------------


def _latest_groups(session: Session, limit: int, actor: str | None) -> list[str]:
    """The ids of the ``limit`` latest groups, imports' too, newest first (:func:`app.undo.walk_groups`)."""
    groups: list[str] = []
    seen: set[str] = set()
    if limit <= 0:
        return groups
    for _row, group in undo.walk_groups(session, actor=actor, seen=seen, imports=True):
        groups.append(group)
        seen.add(group)
        if len(groups) >= limit:
            break
    return groups


def recent_groups(
    session: Session,
    limit: int = 50,
    actor: str | None = None,
    lang: str = "en",
    date_format: str | None = None,
) -> list[GroupEntry]:
    """The latest change groups, newest first, each with its label, who, when, how many
    records, its kind and whether it can still be undone (``actor``: only that person's;
    ``date_format``: every day a reason names, as the window's Settings say; without one a
    short day, "3 Dec", and a restore's dd/mm/yyyy)."""
    lang = _lang(lang)
    return [entry(session, g, lang, date_format) for g in _latest_groups(session, limit, actor)]


def entry(session: Session, group_id: str, lang: str = "en", date_format: str | None = None) -> GroupEntry:
    """One group, described and checked (see the module's notes)."""
    lang = _lang(lang)
    if not group_id:
        raise refused("There is no change to undo.", "Không có thay đổi nào để hoàn tác.")
    last_id, at, who, batch_id = session.execute(
        select(func.max(CHANGE.c.id), func.max(CHANGE.c.at), func.max(CHANGE.c.actor), func.max(CHANGE.c.batch_id))
        .where(CHANGE.c.group_id == group_id)
    ).one()  # fmt: skip
    if last_id is None:
        raise refused(f"There is no change {group_id}.", f"Không có thay đổi nào mang mã {group_id}.")
    stats = session.execute(
        select(CHANGE.c.entity, CHANGE.c.op, CHANGE.c.field, func.count(func.distinct(CHANGE.c.entity_id)))
        .where(CHANGE.c.group_id == group_id)
        .group_by(CHANGE.c.entity, CHANGE.c.op, CHANGE.c.field)
    ).all()
    count = int(
        session.execute(
            select(func.count()).select_from(
                select(CHANGE.c.entity, CHANGE.c.entity_id)
                .where(CHANGE.c.group_id == group_id, CHANGE.c.op != "undo")
                .distinct()
                .subquery()
            )
        ).scalar_one()
    )
    common = {"group_id": group_id, "at": at, "actor": who or "", "count": count}
    base, depth = undo.undo_depth(group_id)
    if batch_id is not None:
        # An import, even one that came with a restored backup: Ctrl+Z never undoes an import
        # (what "does not reach back across a restore" guards), its own undo does, exactly, from
        # Import history or ``ketnoi undo-import`` (it puts back only what the import wrote and
        # keeps what was edited since). Reviewer: this list said "Cannot be undone … across a
        # restore" while Import history said "Can be undone" and ``undo-import 3`` worked.
        return _import_entry(session, group_id, int(batch_id), lang, common, date_format)
    if (mark := undo.before_restore(session, int(last_id))) is not None:  # came with the backup
        label = undo.describe(session, group_id, lang)
        # (an undo before the restore is still an undo: reviewer, "Undo: Deleted meeting …" of
        # kind "Bulk edit", its restore and the attendees' last-contact dates read as edits)
        kind = _step_kind(session, group_id, stats, depth)
        reason = undo.restore_words(mark, "before", lang, date_format or undo.DAY_FORMAT)
        return GroupEntry(label=label, kind=kind, status=FINAL, reason=reason, **common)
    kind = _step_kind(session, group_id, stats, depth)
    label = undo.describe(session, group_id, lang)
    if depth and _is_merge(session, base):
        return GroupEntry(label=label, kind=kind, status=FINAL, reason=WORDS[lang]["final_merge"], **common)
    if len(undo.undo_id(group_id)) > undo.MAX_GROUP_ID:
        return GroupEntry(label=label, kind=kind, status=FINAL, reason=WORDS[lang]["final_deep"], **common)
    undone = _undone_by(session, undo.undo_id(group_id), lang, date_format)
    if undone:
        return GroupEntry(label=label, kind=kind, status=UNDONE, reason=undone, **common)
    if undo.part_hidden(session, group_id):  # refused as a whole, never half undone (reviewer)
        return GroupEntry(label=label, kind=kind, status=FINAL, reason=undo.HIDDEN_WORDS[lang], **common)
    found = _later_work(session, group_id, int(last_id))
    status = COLLIDES if found else READY
    return GroupEntry(
        label=label, kind=kind, status=status, reason=_join(session, found, lang, date_format), **common
    )


def _step_kind(session: Session, group_id: str, stats: Sequence[Any], depth: int) -> str:
    """An undo or a redo of a step (``depth`` > 0), else the step's own kind (:func:`_kind`)."""
    return ("redo" if depth % 2 == 0 else "undo") if depth else _kind(session, group_id, stats)


def _is_merge(session: Session, group_id: str) -> bool:
    from app.merge import merge_summary

    return merge_summary(session, group_id) is not None


def _kind(session: Session, group_id: str, stats: Sequence[Any]) -> str:
    """edit (one record's fields), bulk_edit, rating, merge, delete, restore, create, log_meeting
    (a meeting, alone or with what came with it), mark_done, reopen or reschedule (actions), reorganisation,
    calendar_link (an invitation linked to a meeting logged by hand), post_add, post_edit,
    post_remove, post_assign or post_end (app.posts.describe_parts)."""
    stats = undo.meeting_stats(stats)  # a meeting's save, not an edit of its attendees
    ops = {op for _, op, _, _ in stats}
    if "merge" in ops:
        return "merge"
    if "succeed" in ops:  # app.reorg: merged, renamed or split (its people and actions moved)
        return "reorganisation"
    if "calendar_link" in ops:  # app.invitation_links: an invitation linked to a meeting logged by hand
        return "calendar_link"
    if undo.logs_a_meeting(stats):  # (with follow-ups or without: one kind, reviewer)
        return "log_meeting"
    if "post" in ops:  # app.posts: a post added, edited, removed, taken up or left (not "Bulk edit")
        from app.posts import describe_parts

        parts = describe_parts(session, group_id)
        if parts is not None:
            return parts[0]
    step = undo.action_step(session, group_id, stats)
    if step:
        return {"marked_done": "mark_done", "reopened": "reopen", "rescheduled": "reschedule"}[step]
    for op in ("delete", "restore", "create"):
        if ops == {op}:
            return op
    updated = max((n for _, op, _, n in stats if op == "update"), default=0)
    fields = {f for _, op, f, _ in stats if op == "update"}
    if updated == 1 and fields <= {"influence", "interest"} and ops == {"update"}:
        return "rating"
    return "edit" if updated == 1 else "bulk_edit"


def _undone_by(session: Session, undo_group: str, lang: str, day: str | None) -> str:
    row = session.execute(
        select(CHANGE.c.actor, CHANGE.c.at).where(CHANGE.c.group_id == undo_group).order_by(CHANGE.c.id).limit(1)
    ).first()  # fmt: skip
    if row is None:
        return ""
    return _sentence("undone", lang, day, actor=row.actor, at=row.at)


def _import_entry(
    session: Session, group_id: str, batch_id: int, lang: str, common: dict[str, Any], day: str | None = None
) -> GroupEntry:
    words = WORDS[lang]
    batch = session.get(m.ImportBatch, batch_id)
    name = batch.file_name.replace("\\", "/").rsplit("/", 1)[-1] if batch else f"#{batch_id}"
    if not group_id.startswith(IMPORT_PREFIX):  # its undo: "undo-<batch>"
        label = words["import_undone"].format(file=name)
        return GroupEntry(
            label=label, kind="import_undo", status=FINAL, reason=words["final_import"], batch_id=batch_id, **common
        )  # fmt: skip
    one = "imported_one" if common["count"] == 1 else "imported"
    label = words[one].format(file=name, n=thousands(common["count"], lang))
    if batch is not None and batch.undone_at is not None:
        row = session.execute(
            select(CHANGE.c.actor).where(CHANGE.c.group_id == f"undo-{batch_id}").limit(1)
        ).first()
        reason = _sentence("undone", lang, day, actor=row.actor if row else "", at=batch.undone_at)
        return GroupEntry(
            label=label, kind="import", status=UNDONE, reason=reason, batch_id=batch_id, **common
        )
    if undo.import_hidden(session, [batch_id]):  # refused whole, as an operation is (above)
        reason = import_hidden_words(batch_id, lang)
        return GroupEntry(
            label=label, kind="import", status=FINAL, reason=reason, batch_id=batch_id, **common
        )
    last_id = int(
        session.execute(select(func.max(CHANGE.c.id)).where(CHANGE.c.group_id == group_id)).scalar_one()
    )
    found = _later_work(session, group_id, last_id)
    reason = words["import_kept"].format(why=_join(session, found, lang, day)) if found else ""
    return GroupEntry(label=label, kind="import", status=READY, reason=reason, batch_id=batch_id, **common)


def import_hidden_words(batch_id: int, lang: str) -> str:
    """Why the import ``batch_id`` is not undoable by this login: the refusal its undo gives
    (app.importing.undo.refuse_hidden), with a capital."""
    from app.importing.messages import msg, text  # the import package loads on first use

    said = text(msg("undo_hidden", id=batch_id), lang)
    return said[:1].upper() + said[1:] + "."


# --- collisions ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Later:
    """A later change that touched what a group wrote (said in words only when shown)."""

    change_id: int
    entity: str
    entity_id: int
    key: str  # a key of WORDS: field, deleted, restored, purged, edited, merged
    field: str
    actor: str
    at: dt.datetime


def collisions(session: Session, group_id: str, last_id: int | None = None, lang: str = "en") -> list[str]:
    """Sentences naming the later changes that touched what ``group_id`` wrote, oldest first
    ("Genetica's name was changed since by Lan on 3 Dec"); empty when nothing collides."""
    lang = _lang(lang)
    return [_said(session, x, lang) for x in _later_work(session, group_id, last_id)]


def _written(
    session: Session, group_id: str
) -> tuple[dict[str, dict[int, set[str]]], dict[str, dict[int, str]]]:
    """What ``group_id`` wrote: the fields of each record, by kind, and the records it created,
    deleted or restored (by kind: id → op)."""
    fields: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    lifecycle: dict[str, dict[int, str]] = defaultdict(dict)
    counts = False
    for entity, entity_id, op, field in session.execute(
        select(CHANGE.c.entity, CHANGE.c.entity_id, CHANGE.c.op, CHANGE.c.field)
        .where(CHANGE.c.group_id == group_id, CHANGE.c.op != "undo")
        .distinct()
    ):
        if field:
            fields[entity][int(entity_id)].add(str(field))
        elif op in ("create", "delete", "restore"):
            lifecycle[entity][int(entity_id)] = str(op)
        counts = counts or op == "merge" or entity == "meeting"
    if counts:  # its undo counts "Last contacted" again (app.merge.undo_merge, app.undo.undo_group
        for written in fields["contact"].values():  # of a meeting): a meeting since moved it, no edit
            written.discard(CONTACTED)
    return fields, lifecycle


def _later_work(session: Session, group_id: str, last_id: int | None) -> list[_Later]:
    if last_id is None:
        last_id = session.execute(select(func.max(CHANGE.c.id)).where(CHANGE.c.group_id == group_id)).scalar()
        if last_id is None:
            return []
    fields, lifecycle = _written(session, group_id)
    found: list[_Later] = []
    seen: set[tuple[str, int, str]] = set()
    stands: dict[str, bool] = {}
    for entity in sorted(set(fields) | set(lifecycle)):
        touched = sorted(set(fields[entity]) | set(lifecycle[entity]))
        for chunk in chunked(touched, 900):
            later = session.execute(
                select(CHANGE.c.id, CHANGE.c.entity_id, CHANGE.c.op, CHANGE.c.field, CHANGE.c.actor, CHANGE.c.at,
                       CHANGE.c.group_id)
                .where(CHANGE.c.entity == entity, CHANGE.c.entity_id.in_(chunk), CHANGE.c.id > last_id,
                       CHANGE.c.op != "undo")
                .order_by(CHANGE.c.id)
            )  # fmt: skip
            for row in later:
                rid, field = int(row.entity_id), str(row.field)
                mine_op = lifecycle[entity].get(rid)
                if field and (field in fields[entity].get(rid, ()) or mine_op == "create"):
                    key = "field" if field in fields[entity].get(rid, ()) else "edited"
                elif not field and row.op in _LIFECYCLE and (mine_op or row.op in ("purge", "merge")):
                    key = _LIFECYCLE[str(row.op)]
                else:
                    continue
                later_group = str(row.group_id)
                if later_group not in stands:
                    stands[later_group] = _stands(session, later_group, last_id)
                if not stands[later_group]:
                    continue
                mark = (entity, rid, field if key == "field" else key)
                if mark in seen:
                    continue
                seen.add(mark)
                found.append(_Later(int(row.id), entity, rid, key, field, str(row.actor or ""), row.at))
    return sorted(found, key=lambda x: x.change_id)


def _stands(session: Session, group_id: str, after: int) -> bool:
    """Does the later group ``group_id`` still have its effect? Not when it was undone since,
    nor when it is the undo of something that itself came after ``after`` (the two cancel out:
    an edit made and undone since leaves nothing to collide with). A redo stands."""
    if not group_id:
        return True
    if group_id.startswith(IMPORT_PREFIX):
        number = group_id[len(IMPORT_PREFIX) :]
        batch = session.get(m.ImportBatch, int(number)) if number.isdigit() else None
        return batch is None or batch.undone_at is None
    if undo.is_undone(session, group_id):
        return False
    base, depth = undo.undo_depth(group_id)
    if group_id.startswith(undo.IMPORT_UNDO_PREFIX):
        base, depth = IMPORT_PREFIX + group_id[len(undo.IMPORT_UNDO_PREFIX) :], 1
    if depth % 2 == 0:
        return True
    first = session.execute(select(func.min(CHANGE.c.id)).where(CHANGE.c.group_id == base)).scalar()
    return first is None or int(first) <= after


def _said(session: Session, x: _Later, lang: str, day: str | None = None) -> str:
    record = records.label(session, x.entity, x.entity_id)
    field = field_name(x.field, lang)
    return _sentence(x.key, lang, day, actor=x.actor, at=x.at, record=record, field=field)


def _sentence(key: str, lang: str, day: str | None, *, actor: str, at: dt.datetime, **params: str) -> str:
    """``day``: the date format its day is written in (:func:`day_text`)."""
    words = WORDS[lang]
    by = words["by"].format(actor=actor) if actor else ""
    text = words[key].format(by=by, day=day_text(at, lang, date_format=day), **params)
    return text[0].upper() + text[1:]


def _join(session: Session, found: list[_Later], lang: str, day: str | None = None) -> str:
    """The first few collisions in words, and how many more (only those shown are named)."""
    shown = "; ".join(_said(session, x, lang, day) for x in found[:_SHOWN_COLLISIONS])
    if len(found) > _SHOWN_COLLISIONS:
        shown += f"; {WORDS[lang]['more'].format(n=len(found) - _SHOWN_COLLISIONS)}"
    return shown + "." if shown else ""


# --- undoing -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Undone:
    group_id: str  # what was undone
    undo_group: str  # the undo's own group ("" for an import: its rows carry the batch)
    label: str  # what was undone, in ``lang``
    kept: tuple[str, ...] = ()  # an import's records and fields kept because they changed since


def undo_entry(
    session: Session,
    group_id: str,
    *,
    actor: str = "",
    lang: str = "en",
    progress: Callable[[int, int], None] | None = None,
    date_format: str | None = None,
) -> Undone:
    """Undo one group the way its kind is undone: an import by its batch, a merge by
    :func:`app.merge.undo_merge`, the rest by :func:`app.undo.undo_group`; refused, with the
    reason, when :func:`entry` says it cannot be undone. The undo is recorded (undoable).
    ``progress(done, total)``: an import's undo counts its records (the others are quick)."""
    lang = _lang(lang)
    found = entry(session, group_id, lang, date_format)
    if found.status != READY:
        raise (
            undo.UndoConflict(f"{found.label}: {found.reason}")
            if found.status == COLLIDES
            else UserError(f"{found.label}: {found.reason}")
        )
    if found.kind == "import" and found.batch_id is not None:
        from app.importing.messages import text
        from app.importing.undo import undo_import  # the import package loads on first use

        result = undo_import(found.batch_id, session=session, actor=actor, progress=progress)
        # in ``lang`` (the window's): merged or deleted since, then kept (it said them in English)
        said = tuple(text(k, lang) for k in [*result.gone, *result.kept])
        return Undone(group_id, "", found.label, said)
    done = undo.undo_group(session, group_id, actor=actor, lang=lang)
    return Undone(group_id, done.group_id, found.label)


def latest_for(
    session: Session, actor: str, lang: str = "en", own: undo.Own | None = None
) -> undo.UndoableGroup | None:
    """What Ctrl+Z offers: ``actor``'s latest operation not yet undone (imports excluded: they
    are undone from this history or ``ketnoi undo-import``); ``own``: one window's own steps."""
    return undo.last_undoable(session, actor=actor, lang=lang, own=own)


def only_record(session: Session, group_id: str) -> tuple[str, int] | None:
    """The one record a group brought back or wrote, as (kind, id); None when there is no one.
    The window selects it after an undo (an action marked done, then undone). A group that
    restored exactly one record from the trash names that one however many others it wrote:
    an undone merge brings back the record merged away and rewrites the kept one (reviewer
    h143: the contact brought back was not selected)."""
    pick = (
        select(CHANGE.c.entity, CHANGE.c.entity_id).where(CHANGE.c.group_id == group_id).distinct().limit(2)
    )
    restored = session.execute(pick.where(CHANGE.c.op == "restore")).all()
    rows = restored or session.execute(pick).all()
    return (str(rows[0][0]), int(rows[0][1])) if len(rows) == 1 else None


def redo_label(session: Session, undo_group: str, lang: str = "en") -> str:
    """What redoing ``undo_group`` (an undo just done) does again: the undone operation's label
    ("Edited meeting …"); "" when it cannot be redone (an undone merge or import, undone and
    redone too often, or its records changed since). Redoing is undoing the undo."""
    lang = _lang(lang)
    depth = undo.undo_depth(undo_group)[1]
    if not undo_group or depth % 2 == 0:
        return ""
    if entry(session, undo_group, lang).status != READY:
        return ""
    return base_label(session, undo_group, lang)


def base_label(session: Session, group_id: str, lang: str = "en") -> str:
    """The operation an undo or a redo works on, said without "Undo: " ("Edited meeting …")."""
    return undo.describe(session, undo.undo_depth(group_id)[0], _lang(lang))


@dataclass(frozen=True, slots=True)
class ImportOnTop:
    """An import newer than anything Ctrl+Z can undo: the window says where it is undone."""

    batch_id: int
    at: dt.datetime  # when it was done (as stored: UTC)
    file_name: str
    kinds: tuple[str, ...]  # what it wrote ("contact"; "organisation", "contact" for two sheets)
    records: int  # rows it wrote: records created and updated


def import_on_top(
    session: Session, *, actor: str, above: str | None, own: undo.Own | None = None
) -> ImportOnTop | None:
    """``actor``'s latest import not undone, when it is newer than the group ``above`` (what
    Ctrl+Z would undo otherwise; None when there is none). Ctrl+Z never undoes an import — it is
    undone from Import history — nor, in its place, an operation done before it. ``own``: only
    one window's imports (its ``import-<batch>`` groups) and those from before it opened
    (:class:`app.undo.Own`): another window's or ``ketnoi import``'s since are not its own. A few
    indexed look-ups whatever the size of the history."""
    b = table_of(m.ImportBatch).c
    batches = session.execute(
        select(b.id, b.created_at, b.file_name, b.kind, b.counts)
        .where(b.created_by == actor, b.undone_at.is_(None))
        .order_by(b.id.desc())
        .limit(10)  # the latest that wrote something: nearly always the first
    ).all()
    newer = None
    if above:
        newer = session.execute(select(func.max(CHANGE.c.id)).where(CHANGE.c.group_id == above)).scalar_one()
    for batch in batches:
        last = session.execute(
            select(func.max(CHANGE.c.id)).where(CHANGE.c.batch_id == batch.id)
        ).scalar_one()
        if last is None:  # it wrote nothing (every row already there)
            continue
        if own is not None and last > own.opened_at and f"{IMPORT_PREFIX}{batch.id}" not in own.groups:
            continue  # another window's or program's import since this window opened
        if undo.before_restore(session, int(last)) is not None:  # came with a restored backup
            return None
        if newer is not None and newer > last:
            return None
        break
    else:
        return None
    counts = dict(batch.counts or {})
    written = sum(int(v) for k, v in counts.items() if k in ("new", "update") and isinstance(v, (int, float)))
    kinds = tuple(k for k in (batch.kind or "").split(",") if k)
    return ImportOnTop(int(batch.id), batch.created_at, batch.file_name, kinds, written)
