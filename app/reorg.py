"""Reorganisations: an organisation merged into, renamed to or split into others from a date.

    p = preview(s, mpi, [mof], kind="merged", on=dt.date(2025, 3, 1))
    p.actions, p.contacts, p.meetings, p.departments   # what moves, each with its successor
    group = succeed(s, mpi, [mof], kind="merged", on=dt.date(2025, 3, 1), actor="Anh")
    undo.undo_group(s, group)                            # everything back, exactly

What moves to the successor: open actions (open, in progress, waiting), the people who work
there now, its departments, and meetings from the effective date on that have not happened
yet. What stays: the history, past meetings and closed actions — this is not a duplicate
merge (:mod:`app.merge`): the predecessor stays, marked as succeeded by its
:class:`~db.models.OrgSuccession` rows, and its old names keep finding it and its successor
(:func:`follow_successions` in search). On a split the person picks a successor per item
(``choices``), the others go to the default (the first successor).

Every move is an update with a history row under one group id (people and actions in bulk,
as a bulk edit writes them: 2,000 people and 1,000 actions in about 0.2 s), so the Edit menu's
Undo and ``ketnoi undo`` reverse it like any edit; :func:`after_undo` (called by
:mod:`app.undo`) removes the succession rows on undo and writes them again on redo. A duplicate
merge (:mod:`app.merge`) takes posts and succession rows along (:func:`move_on_merge`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, insert, select
from sqlmodel import Session

from app import bulk_edit, records
from app.cli_lines import refused
from app.errors import UserError
from app.vntext import clean
from db import clock
from db import models as m
from db.engine import write_lock
from db.tables import CHANGE, table_of

SUCCESSION = table_of(m.OrgSuccession)
ORG = table_of(m.Organisation)
CON = table_of(m.Contact)
ACT = table_of(m.Action)
MEET = table_of(m.Meeting)
MEET_ORG = table_of(m.MeetingOrganisation)
KINDS = m.SUCCESSION_KINDS
OP = "succeed"  # the history rows of a reorganisation on its organisations
MOVABLE = ("action", "contact", "meeting", "organisation")  # organisation: its departments


@dataclass(frozen=True)
class Item:
    """One record that moves: what it is, its label, a detail, and where it goes."""

    kind: str  # action / contact / meeting / organisation (a department)
    id: int
    label: str
    detail: str = ""  # an action's due date, a contact's position, a meeting's start
    to: int = 0  # the successor's id

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Preview:
    predecessor: tuple[int, str]
    successors: tuple[tuple[int, str], ...]
    kind: str
    effective_on: dt.date
    items: tuple[Item, ...] = ()

    def of(self, kind: str) -> list[Item]:
        return [i for i in self.items if i.kind == kind]

    @property
    def actions(self) -> list[Item]:
        return self.of("action")

    @property
    def contacts(self) -> list[Item]:
        return self.of("contact")

    @property
    def meetings(self) -> list[Item]:
        return self.of("meeting")

    @property
    def departments(self) -> list[Item]:
        return self.of("organisation")

    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in MOVABLE}


@dataclass(frozen=True)
class Link:
    """One step of an organisation's lineage, for pages and briefs."""

    id: int  # the other organisation
    name: str
    kind: str  # merged / renamed / split
    effective_on: dt.date
    note: str = ""


@dataclass(frozen=True)
class Lineage:
    formerly: list[Link] = field(default_factory=list)  # predecessors of this organisation
    became: list[Link] = field(default_factory=list)  # its successors (it is no longer active)

    @property
    def succeeded(self) -> bool:
        return bool(self.became)


# --- reading --------------------------------------------------------------------------------


def still_active(org_id: Any) -> Any:
    """A condition on ``org_id`` (an organisation id column): the organisation has not been
    merged into, renamed to or split into others (:attr:`Lineage.succeeded`). Live counts and
    the stakeholder map leave succeeded ones out; search and their pages still show them."""
    return ~exists().where(SUCCESSION.c.predecessor_id == org_id)


def _name(session: Session, org_id: int) -> str:
    row = session.execute(select(ORG.c.name, ORG.c.deleted_at).where(ORG.c.id == org_id)).first()
    if row is None or row.deleted_at is not None:
        raise refused(f"There is no organisation #{org_id}.", f"Không có tổ chức #{org_id}.")
    return str(row.name)


def lineage(session: Session, org_id: int) -> Lineage:
    """What the organisation was formerly and what it became, oldest date first."""
    rows = session.execute(
        select(SUCCESSION, ORG.c.name)
        .join(ORG, ORG.c.id == SUCCESSION.c.successor_id)
        .where(SUCCESSION.c.predecessor_id == org_id)
        .order_by(SUCCESSION.c.effective_on, SUCCESSION.c.id)
    ).all()
    became = [Link(int(r.successor_id), str(r.name), r.kind, r.effective_on, r.note) for r in rows]
    rows = session.execute(
        select(SUCCESSION, ORG.c.name)
        .join(ORG, ORG.c.id == SUCCESSION.c.predecessor_id)
        .where(SUCCESSION.c.successor_id == org_id)
        .order_by(SUCCESSION.c.effective_on, SUCCESSION.c.id)
    ).all()
    formerly = [Link(int(r.predecessor_id), str(r.name), r.kind, r.effective_on, r.note) for r in rows]
    return Lineage(formerly=formerly, became=became)


def successors_of(session: Session, org_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """The successors (id, name) of each predecessor among ``org_ids``."""
    ids = sorted(set(org_ids))
    if not ids:
        return {}
    out: dict[int, list[tuple[int, str]]] = {}
    rows = session.execute(
        select(SUCCESSION.c.predecessor_id, ORG.c.id, ORG.c.name)
        .join(ORG, ORG.c.id == SUCCESSION.c.successor_id)
        .where(SUCCESSION.c.predecessor_id.in_(ids), ORG.c.deleted_at.is_(None))
        .order_by(SUCCESSION.c.id)
    ).all()
    for pred, succ, name in rows:
        out.setdefault(int(pred), []).append((int(succ), str(name)))
    return out


def became_of(session: Session, org_ids: Iterable[int]) -> dict[int, list[Link]]:
    """What each of ``org_ids`` became, for the organisations list: its successors (not
    deleted), oldest date first. One query for a block of rows; organisations that were never
    succeeded are not in the answer."""
    ids = sorted(set(org_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(SUCCESSION, ORG.c.name)
        .join(ORG, ORG.c.id == SUCCESSION.c.successor_id)
        .where(SUCCESSION.c.predecessor_id.in_(ids), ORG.c.deleted_at.is_(None))
        .order_by(SUCCESSION.c.effective_on, SUCCESSION.c.id)
    ).all()
    out: dict[int, list[Link]] = {}
    for r in rows:
        link = Link(int(r.successor_id), str(r.name), r.kind, r.effective_on, r.note)
        out.setdefault(int(r.predecessor_id), []).append(link)
    return out


def successors_on(session: Session, org_ids: Iterable[int], on: dt.date) -> dict[int, list[Link]]:
    """What a record dated ``on`` (a new meeting's day) names instead of each of ``org_ids``:
    the organisations it had become by then, following later steps (merged, then renamed) as
    long as they too took effect by ``on``; several for a split (the person picks one). An
    organisation not succeeded by ``on`` is not in the answer: a meeting dated before the
    reorganisation keeps the old organisation (historical records stay possible). Each
    :class:`Link` carries the first step's kind and date ("merged … since 01/03/2025").

    The one rule of Log meeting (the window and ``ketnoi log-meeting``) for an organisation
    that no longer exists (reviewer: a meeting in 2026 was filed under the ministry merged into
    Bộ Tài chính in 2025, with no word)."""
    out: dict[int, list[Link]] = {}
    first = {k: [x for x in v if x.effective_on <= on] for k, v in became_of(session, org_ids).items()}
    for old, links in first.items():
        found: list[Link] = []
        for link in links:
            ends, seen = [link.id], {old, link.id}
            for _step in range(5):  # a chain of reorganisations, within reason
                later = {
                    k: [x for x in v if x.effective_on <= on] for k, v in became_of(session, ends).items()
                }
                if not any(later.values()):
                    break
                nxt: list[int] = []
                for e in ends:
                    went = [x.id for x in later.get(e, []) if x.id not in seen]
                    nxt.extend(went or [e])
                if nxt == ends:
                    break
                seen.update(nxt)
                ends = nxt
            names = {i: _name(session, i) for i in ends}
            found.extend(dataclasses.replace(link, id=i, name=names[i]) for i in ends)
        if found:
            out[old] = list({x.id: x for x in found}.values())
    return out


def follow_successions(session: Session, hits: list[Any]) -> list[Any]:
    """Search hits with each found predecessor's successors added right above it ("Bộ Kế hoạch
    và Đầu tư" finds Bộ Tài chính, "formerly Bộ Kế hoạch và Đầu tư"), and the predecessor said
    to be "→ now Bộ Tài chính". ``hits`` are :class:`app.search.SearchHit`."""
    found = {h.id: h for h in hits if h.kind == "organisation"}
    succ = successors_of(session, found)
    if not succ:
        return hits
    out = []
    for hit in hits:
        if hit.kind == "organisation" and hit.id in succ:
            now = ", ".join(n for _, n in succ[hit.id])
            hit = dataclasses.replace(hit, subtitle=" · ".join(x for x in (f"→ {now}", hit.subtitle) if x))  # noqa: PLW2901
            for sid, sname in succ[hit.id]:
                out.append(
                    dataclasses.replace(
                        hit, id=sid, title=sname, subtitle=f"← {found[hit.id].title}", score=hit.score + 0.5
                    )
                )
        out.append(hit)
    best: dict[tuple[str, int], Any] = {}
    for h in out:
        if (h.kind, h.id) not in best or h.score > best[(h.kind, h.id)].score:
            best[(h.kind, h.id)] = h
    return list(best.values())


# --- what moves -----------------------------------------------------------------------------


def _check(session: Session, old_id: int, new_ids: list[int], kind: str) -> None:
    if kind not in KINDS:
        raise UserError(f"A reorganisation is one of {', '.join(KINDS)}, not {kind!r}.")
    if not new_ids:
        raise refused(
            "Name the organisation it became (the successor).", "Hãy ghi tên tổ chức kế thừa (tổ chức mới)."
        )
    if len(set(new_ids)) != len(new_ids):
        raise refused("A successor is named twice.", "Một tổ chức kế thừa được ghi hai lần.")
    if old_id in new_ids:
        raise refused("An organisation cannot succeed itself.", "Một tổ chức không thể tự kế thừa chính nó.")
    if kind in ("merged", "renamed") and len(new_ids) != 1:
        into_vi = {"merged": "hợp nhất vào", "renamed": "đổi tên thành"}.get(kind, kind)
        raise refused(
            f"An organisation {kind} into one other; a split names several.",
            f"Một tổ chức {into_vi} một tổ chức khác; chia tách mới ghi nhiều tổ chức kế thừa.",
        )
    if kind == "split" and len(new_ids) < 2:
        raise refused(
            "A split names two or more successors.", "Chia tách cần ghi từ hai tổ chức kế thừa trở lên."
        )
    done = lineage(session, old_id).became
    if done:
        how_vi = {"merged": "hợp nhất vào", "renamed": "đổi tên thành", "split": "chia tách thành"}
        raise refused(
            f"{_name(session, old_id)} already {done[0].kind} into {done[0].name} "
            f"on {done[0].effective_on:%d/%m/%Y}; undo that first.",
            f"{_name(session, old_id)} đã {how_vi.get(done[0].kind, done[0].kind)} {done[0].name} "
            f"từ ngày {done[0].effective_on:%d/%m/%Y}; hãy hoàn tác việc đó trước.",
        )
    for new in new_ids:
        ahead = session.execute(
            select(SUCCESSION.c.id).where(SUCCESSION.c.predecessor_id == new).limit(1)
        ).first()
        if ahead is not None:
            raise refused(
                f"{_name(session, new)} has itself been succeeded; name what it became.",
                f"{_name(session, new)} cũng đã được tổ chức khác kế thừa; hãy ghi tên tổ chức hiện nay.",
            )


def preview(
    session: Session,
    old_id: int,
    new_ids: list[int],
    *,
    kind: str,
    on: dt.date,
    choices: Mapping[str, int] | None = None,
    now: dt.datetime | None = None,
) -> Preview:
    """What :func:`succeed` would move, each item with its successor: ``choices`` maps
    ``"action:12"`` to a successor id (a split), the rest go to ``new_ids[0]``."""
    _check(session, old_id, new_ids, kind)
    names = {i: _name(session, i) for i in [old_id, *new_ids]}
    default = new_ids[0]
    choices = dict(choices or {})
    bad = [k for k, v in choices.items() if v not in new_ids]
    if bad:
        raise refused(
            f"{bad[0]} is sent to an organisation that is not one of the successors.",
            f"{bad[0]} được chuyển đến một tổ chức không phải là tổ chức kế thừa.",
        )
    start = max(now or clock.now().replace(tzinfo=None), dt.datetime.combine(on, dt.time()))
    items: list[Item] = []

    def add(kind_: str, ident: int, label: str, detail: str = "") -> None:
        items.append(Item(kind_, ident, label, detail, choices.get(f"{kind_}:{ident}", default)))

    for r in session.execute(
        select(ACT.c.id, ACT.c.title, ACT.c.due_date)
        .where(ACT.c.organisation_id == old_id, ACT.c.deleted_at.is_(None))
        .where(ACT.c.status.in_(m.OPEN_STATUSES))
        .order_by(ACT.c.due_date.is_(None), ACT.c.due_date, ACT.c.id)
    ):
        add("action", int(r.id), r.title, f"{r.due_date:%d/%m/%Y}" if r.due_date else "")
    for r in session.execute(
        select(CON.c.id, CON.c.full_name, CON.c.position)
        .where(CON.c.organisation_id == old_id, CON.c.deleted_at.is_(None))
        .order_by(CON.c.sort_key, CON.c.id)
    ):
        add("contact", int(r.id), r.full_name, r.position or "")
    for r in session.execute(
        select(MEET.c.id, MEET.c.title, MEET.c.starts_at)
        .join(MEET_ORG, MEET_ORG.c.meeting_id == MEET.c.id)
        .where(MEET_ORG.c.organisation_id == old_id, MEET.c.deleted_at.is_(None))
        .where(MEET.c.starts_at >= start)
        .order_by(MEET.c.starts_at, MEET.c.id)
    ):
        add("meeting", int(r.id), r.title, f"{r.starts_at:%d/%m/%Y %H:%M}")
    for r in session.execute(
        select(ORG.c.id, ORG.c.name)
        .where(ORG.c.parent_id == old_id, ORG.c.deleted_at.is_(None), ORG.c.id.not_in(new_ids))
        .order_by(ORG.c.sort_key, ORG.c.id)
    ):
        add("organisation", int(r.id), r.name)
    unknown = set(choices) - {i.key for i in items}
    if unknown:
        raise refused(
            f"{sorted(unknown)[0]} is not among what moves.",
            f"{sorted(unknown)[0]} không nằm trong những gì được chuyển.",
        )
    return Preview(
        predecessor=(old_id, names[old_id]),
        successors=tuple((i, names[i]) for i in new_ids),
        kind=kind,
        effective_on=on,
        items=tuple(items),
    )


def succeed(
    session: Session,
    old_id: int,
    new_ids: list[int],
    *,
    kind: str,
    on: dt.date,
    note: str = "",
    actor: str = "",
    choices: Mapping[str, int] | None = None,
) -> tuple[str, Preview]:
    """Record the reorganisation and move what :func:`preview` lists, in the caller's unit of
    work; returns the history group (what undo names) and the preview that was applied.
    Two reorganisations of one organisation at once are taken one after the other: the second
    finds the first's and is refused."""
    write_lock(session, f"reorg:{old_id}")
    plan = preview(session, old_id, new_ids, kind=kind, on=on, choices=choices)
    group = records.new_group_id()
    note = clean(note)
    payload = {"kind": kind, "on": on, "note": note, "into": list(new_ids)}
    # The predecessor's row first: it names the operation in the Edit menu and undo history.
    records.record_change(session, "organisation", old_id, OP, new=payload, actor=actor, group_id=group)
    for new in new_ids:
        records.record_change(
            session, "organisation", new, OP, new={**payload, "from": old_id}, actor=actor, group_id=group
        )
    _write_rows(session, old_id, new_ids, kind=kind, on=on, note=note, group=group, actor=actor)
    now = m.utcnow()
    for moved in ("contact", "action"):  # many rows: in bulk, as a bulk edit writes them
        items = plan.of(moved)
        by_successor: dict[int, list[int]] = {}
        for i in items:
            by_successor.setdefault(i.to, []).append(i.id)
        for to, ids in by_successor.items():
            bulk_edit.bump(session, moved, ids, now, organisation_id=to)
        history = [{"id": i.id, "field": "organisation_id", "old": old_id, "new": i.to} for i in items]
        bulk_edit.write_history(
            session, history, entity=moved, op="update", actor=actor, group=group, now=now
        )
    for item in plan.items:
        values: dict[str, Any]
        if item.kind in ("contact", "action"):
            continue
        if item.kind == "meeting":
            current = records.snapshot(session, "meeting", item.id)["organisation_ids"]
            values = {"organisation_ids": sorted({*(o for o in current if o != old_id), item.to})}
        else:  # a department
            values = {"parent_id": item.to}
        records.update(
            session, item.kind, item.id, values, expected_version=None, actor=actor, group_id=group
        )
    session.flush()
    return group, plan


def _write_rows(
    session: Session,
    old_id: int,
    new_ids: list[int],
    *,
    kind: str,
    on: dt.date,
    note: str,
    group: str,
    actor: str,
) -> None:
    session.execute(
        insert(SUCCESSION),
        [
            {
                "predecessor_id": old_id,
                "successor_id": new,
                "kind": kind,
                "effective_on": on,
                "note": note,
                "group_id": group,
                "created_at": m.utcnow(),
                "created_by": actor,
            }
            for new in new_ids
        ],
    )


def is_reorganisation(session: Session, group_id: str) -> bool:
    return (
        session.execute(
            select(CHANGE.c.id).where(CHANGE.c.group_id == group_id, CHANGE.c.op == OP).limit(1)
        ).first()
        is not None
    )


def after_undo(session: Session, group_id: str, undo_group_id: str) -> None:
    """Called by :func:`app.undo.undo_group` once ``group_id``'s updates are reversed: on the
    undo of a reorganisation its succession rows go; on a redo they come back as they were."""
    from app.undo import undo_depth

    base, depth = undo_depth(group_id)
    rows = session.execute(
        select(CHANGE.c.entity_id, CHANGE.c.new, CHANGE.c.actor)
        .where(CHANGE.c.group_id == base, CHANGE.c.op == OP)
        .order_by(CHANGE.c.id)
    ).all()
    if not rows:
        return
    if depth % 2 == 0:  # undoing the operation (or a redo of it)
        session.execute(delete(SUCCESSION).where(SUCCESSION.c.group_id == base))
        return
    first = rows[0]
    new = dict(first.new or {})
    _write_rows(
        session,
        int(first.entity_id),
        [int(x) for x in new.get("into") or []],
        kind=str(new.get("kind") or "merged"),
        on=dt.date.fromisoformat(str(new["on"])),
        note=str(new.get("note") or ""),
        group=base,
        actor=str(first.actor or ""),
    )


def describe_parts(session: Session, group_id: str) -> dict[str, str] | None:
    """The words of the Edit menu's "Undo …" for a reorganisation (None: not one)."""
    row = session.execute(
        select(CHANGE.c.entity_id, CHANGE.c.new)
        .where(CHANGE.c.group_id == group_id, CHANGE.c.op == OP)
        .order_by(CHANGE.c.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    new = dict(row.new or {})
    into = [records.label(session, "organisation", int(i)) for i in new.get("into") or []]
    return {
        "a": records.label(session, "organisation", int(row.entity_id)),
        "b": ", ".join(into),
        "kind": str(new.get("kind") or "merged"),
    }


# --- a duplicate merge (app.merge) of organisations --------------------------------------------

POST = table_of(m.Post)


def move_on_merge(
    session: Session, old: int, new: int, *, only: Mapping[str, Any] | None = None
) -> dict[str, list[int]]:
    """Point the posts and the reorganisation rows of ``old`` at ``new`` (a duplicate merge);
    with ``only`` (the merge's recorded moves, on its undo) just those rows, back. A row that
    would say an organisation succeeded itself, or repeat one the other has, stays."""
    moved: dict[str, list[int]] = {"posts": [], "succeeded": [], "succeeds": []}
    wanted = {k: set(only.get(k) or []) for k in moved} if only is not None else None

    def pick(key: str, ids: list[int]) -> list[int]:
        return [i for i in ids if wanted is None or i in wanted[key]]

    posts = pick(
        "posts",
        [int(i) for i in session.execute(select(POST.c.id).where(POST.c.organisation_id == old)).scalars()],
    )
    if posts:
        session.execute(POST.update().where(POST.c.id.in_(posts)).values(organisation_id=new))
    moved["posts"] = posts
    for key, column, other in (
        ("succeeded", "predecessor_id", "successor_id"),
        ("succeeds", "successor_id", "predecessor_id"),
    ):
        rows = session.execute(
            select(SUCCESSION.c.id, SUCCESSION.c[other]).where(SUCCESSION.c[column] == old)
        ).all()
        taken = set(session.execute(select(SUCCESSION.c[other]).where(SUCCESSION.c[column] == new)).scalars())
        ids = pick(key, [int(r.id) for r in rows if r[1] != new and r[1] not in taken])
        if ids:
            session.execute(SUCCESSION.update().where(SUCCESSION.c.id.in_(ids)).values({column: new}))
        moved[key] = ids
    return moved
