"""Rows whose person or organisation is in the trash (an import undone, a record deleted):
brought back from the trash, or said at the row.

Reviewer h109: after undoing an import and importing the same file again, every row was "new"
and nothing said that the same people were in the trash; restoring one of them later made a
second record of the person (which the trash now asks about: app.trash.restore_many). Then
each such row said so ("restore it from the trash rather than import a second record?") but
nothing offered to (reviewer h148: 79 new records beside the 79 in the trash, their meetings,
actions and history left with the old ones).

Now, with the import's choice to bring them back (:attr:`Preview.restore_trashed`, ``ketnoi
import --restore-trashed``, a check box of the window's preview), a row whose person is in the
trash updates that record (the fill / overwrite rule of a live match) and the import restores it
by the trash's own rules (:func:`app.trash.restore_many`: a contact's organisation in the trash
comes back with it, or it is filed under the live namesake); a row naming an organisation in
the trash links to it and brings it back instead of creating a second one. Without the choice,
the rows say it, and :attr:`Preview.in_trash` counts what the choice would bring back. An
action sheet's row that is an action in the trash (its title at the organisation, the import's
rule for actions) is brought back the same way: the reviewer's 79 records were 61 contacts, 14
organisations and 4 actions. Only in "fill" and "overwrite" (``Preview.restoring``): "create
anyway" and "skip" bring nothing back. The commit brings back only what the preview showed
(``Preview.announced``).

Who is the same person is the import's rule (:mod:`app.importing.matching`), as a restore asks
it (:func:`app.trash_twins.twin_of`): an e-mail or a phone shared by names that can be one
person's, or the name as written at the same organisation when the two are not evidently two
people (:func:`~app.importing.matching.evidently_others`). Which organisation in the trash a
name is: :meth:`app.importing.resolve.OrgIndex.in_the_trash`. Records merged into another are
never brought back (:func:`app.trash_twins.merged_away`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.importing.messages import Term
from app.importing.resolve import OrgIndex, org_label
from app.trash_twins import merged_away
from app.vntext import as_written
from db.tables import ACT, CON, METHOD

if TYPE_CHECKING:
    from sqlmodel import Session

    from app.importing.matching import MatchContext
    from app.importing.preview import Preview, RowResult

ORG_COLUMNS = ("organisation_id", "parent_id")
KINDS = ("contact", "organisation", "action")  # what an import brings back from the trash, as said


@dataclass
class People:
    """The contacts in the trash (not those merged into another), as the import finds people:
    by e-mail and phone (the one deleted last wins), and by name as written at an organisation."""

    emails: dict[str, int] = field(default_factory=dict)
    phones: dict[str, int] = field(default_factory=dict)
    names: dict[tuple[str, Any], list[int]] = field(default_factory=dict)
    full: dict[int, str] = field(default_factory=dict)
    org: dict[int, int | None] = field(default_factory=dict)
    details: dict[int, int] = field(default_factory=dict)


def _org_key(ctx: MatchContext, org_id: int | None) -> Any:
    """What a contact's organisation is for name matching: its id; one in the trash that cannot
    come back (a live one has its name), the live one it is filed under once restored
    (:func:`app.trash_twins.filed_under`)."""
    if org_id is None or org_id not in ctx.orgs.trashed or org_id in ctx.trash_orgs.revived_names:
        return org_id
    found = ctx.orgs.lookup(ctx.orgs.trashed[org_id])
    return found if found is not None and found > 0 else org_id


def _row_org(ctx: MatchContext, row: RowResult) -> Any:
    """The organisation a row names, for name matching: a new one (a placeholder) that is in the
    trash is that one (the choice not taken: what it would bring back)."""
    org = (row.columns or {}).get("organisation_id")
    if isinstance(org, int) and org < 0:
        pending = ctx.orgs.pending.get(org)
        if pending is not None:
            found = ctx.trash_orgs.lookup(org_label(pending.name, pending.acronym))
            if found is not None:
                return found
        return org
    return _org_key(ctx, org)


def _people(session: Session, ctx: MatchContext) -> People:
    from app.importing.matching import details_of

    out = People()
    conn = session.connection()
    newest_first = (CON.c.deleted_at.desc(), CON.c.id.desc())
    found = conn.execute(
        select(CON.c.id, CON.c.full_name, CON.c.organisation_id)
        .where(CON.c.deleted_at.is_not(None))
        .order_by(*newest_first)
    ).all()
    merged = merged_away(session, "contact") if found else set()
    for ident, name, org in found:
        if ident in merged:
            continue
        out.full[ident], out.org[ident] = str(name), org
        out.names.setdefault((as_written(name), _org_key(ctx, org)), []).append(ident)
        out.details[ident] = 0
    if not out.full:
        return out
    for ident, how, value in conn.execute(
        select(METHOD.c.contact_id, METHOD.c.kind, METHOD.c.value)
        .join(CON, CON.c.id == METHOD.c.contact_id)
        .where(CON.c.deleted_at.is_not(None))
        .order_by(*newest_first)
    ):
        if ident not in out.full:
            continue
        email = how == "email"
        (out.emails if email else out.phones).setdefault(value, ident)
        out.details[ident] |= details_of(email, not email)
    return out


def _find(
    row: RowResult, people: People, ctx: MatchContext, claimed: set[int]
) -> tuple[int, str, Any] | None:
    """The contact in the trash that ``row`` is (id, how: "email", "phone" or "name", the
    value), not one a row above took."""
    from app.importing.matching import details_of, evidently_others, same_person_names

    c, rels = row.columns or {}, row.relations or {}
    name = str(c.get("full_name") or "")
    for how, table in (("email", people.emails), ("phone", people.phones)):
        for value in rels.get(how + "s") or ():
            found = table.get(value)
            if found is not None and found not in claimed and same_person_names(name, people.full[found]):
                return found, how, value
    mine = details_of(bool(rels.get("emails")), bool(rels.get("phones")))
    org = _row_org(ctx, row)
    for found in people.names.get((as_written(name), org), ()):
        if found not in claimed and not evidently_others(mine, people.details[found]):
            org_id = people.org[found]
            where = ctx.orgs.name_of(org_id).rsplit(" (#", 1)[0] if org_id is not None else ""
            return found, "name", where
    return None


def match(session: Session, preview: Preview, ctx: MatchContext) -> None:
    """Before the updates are worked out: each new contact row whose person is in the trash
    updates that record when the import brings them back (``preview.restoring``), else is said
    to be there; an organisations sheet's rows that met one in the trash bring it back."""
    if preview.kind == "organisation" and preview.restoring:
        for row in preview.rows:
            if row.status == "update" and row.match_id in ctx.orgs.revivable:
                ctx.restoring.add(row.match_id)
                row.note("restores_record_from_trash", id=row.match_id, name=ctx.orgs.name_of(row.match_id))
        return
    if preview.kind == "action":
        _match_actions(session, preview, ctx)
        return
    if preview.kind != "contact":
        return
    rows = [r for r in preview.rows if r.status == "new" and r.columns is not None]
    if not rows:
        return
    people = _people(session, ctx)
    if not people.full:
        return
    claimed: set[int] = set()
    shown = preview.announced  # (at the commit: only what the preview showed coming back)
    allowed = None if shown is None else shown.get("contact", frozenset())
    for row in rows:
        hit = _find(row, people, ctx, claimed)
        if hit is None:
            continue
        ident, how, value = hit
        claimed.add(ident)
        name = people.full[ident]
        if preview.restoring and allowed is not None and ident not in allowed:
            row.note("same_in_the_trash", id=ident, name=name, key=Term(how), value=value)
            continue
        ctx.people_orgs[ident] = people.org[ident]
        if preview.restoring:
            row.status, row.match_id = "update", ident
            ctx.restoring.add(ident)
            row.note("restores_from_trash", id=ident, name=name, key=Term(how), value=value)
        else:
            row.note("same_in_the_trash", id=ident, name=name, key=Term(how), value=value)


def _match_actions(session: Session, preview: Preview, ctx: MatchContext) -> None:
    """An action sheet's new rows that are an action in the trash (the import's rule for
    actions: the title at the organisation), not one merged into another: brought back when
    the import brings them back, else said."""
    from app.importing.resolve import fold

    rows = [r for r in preview.rows if r.status == "new" and r.columns is not None]
    if not rows:
        return
    gone = (
        session.connection()
        .execute(
            select(ACT.c.id, ACT.c.title, ACT.c.organisation_id)
            .where(ACT.c.deleted_at.is_not(None))
            .order_by(ACT.c.deleted_at.desc(), ACT.c.id.desc())
        )
        .all()
    )
    merged = merged_away(session, "action") if gone else set()
    found: dict[tuple[str, Any], tuple[int, str, int | None]] = {}
    for ident, title, org in gone:
        if ident not in merged:
            found.setdefault((fold(title), _org_key(ctx, org)), (int(ident), str(title), org))
    if not found:
        return
    shown = preview.announced
    allowed = None if shown is None else shown.get("action", frozenset())
    for row in rows:
        hit = found.pop((fold(str((row.columns or {}).get("title") or "")), _row_org(ctx, row)), None)
        if hit is None:
            continue
        ident, title, org = hit
        if not preview.restoring or (allowed is not None and ident not in allowed):
            row.note("same_action_in_the_trash", id=ident, name=title)
            if not preview.restoring:  # (counted as one the choice would bring back; one the
                ctx.trashed_actions[ident] = org  # preview did not show is not restored: h157)
            continue
        ctx.trashed_actions[ident] = org
        row.status, row.match_id = "update", ident
        ctx.restoring.add(ident)
        row.note("restores_record_from_trash", id=ident, name=title)


def _org_refs(row: RowResult) -> list[int]:
    """The existing organisations a written row links to: all of a new row's, of an update only
    those its changes write."""
    values: list[Any] = []
    if row.status == "new":
        c, rels = row.columns or {}, row.relations or {}
        values = [c.get(n) for n in ORG_COLUMNS] + list(rels.get("organisation_ids") or ())
    elif row.status == "update" and row.changes:
        for name in (*ORG_COLUMNS, "organisation_ids"):
            if name in row.changes:
                new = row.changes[name][1]
                values += list(new) if isinstance(new, list) else [new]
    return [v for v in values if isinstance(v, int) and v > 0]


def count(preview: Preview, ctx: MatchContext) -> None:
    """Once every row has its status: what this sheet brings back from the trash, or would with
    the choice (:attr:`Preview.in_trash`); an organisations sheet's new rows that are one in the
    trash are said to be (the choice not taken)."""
    contacts = set(ctx.people_orgs)
    actions = set(ctx.trashed_actions)
    orgs: set[int] = set()
    if preview.restoring:
        if preview.kind == "organisation":
            orgs |= ctx.restoring
        revivable = ctx.orgs.revivable
        for row in preview.rows:
            if row.status in ("new", "update"):
                orgs.update(i for i in _org_refs(row) if i in revivable)
        orgs.update(o for o in (*ctx.people_orgs.values(), *ctx.trashed_actions.values()) if o in revivable)
    else:
        trash: OrgIndex = ctx.trash_orgs
        if trash.revived_names:
            if preview.kind == "organisation":
                for row in preview.rows:
                    if row.status == "new" and row.columns is not None:
                        c = row.columns
                        found = trash.lookup(org_label(c["name"], c.get("acronym") or ""))
                        if found is not None:
                            orgs.add(found)
                            row.note("same_org_in_the_trash", id=found, name=trash.name_of(found))
            for key, pending in ctx.orgs.pending.items():
                if key not in ctx.earlier and pending.row is None:
                    found = trash.lookup(org_label(pending.name, pending.acronym))
                    if found is not None:
                        orgs.add(found)
            trashed = (*ctx.people_orgs.values(), *ctx.trashed_actions.values())
            orgs.update(o for o in trashed if o in trash.revived_names)
    kinds = (("contact", contacts), ("organisation", orgs), ("action", actions))
    preview.in_trash = {k: frozenset(v) for k, v in kinds if v}


def in_trash(previews: Any) -> dict[str, int]:
    """What the sheets of one import bring back from the trash (or would), by kind, each record
    once (an organisation its own sheet and a contacts sheet both name)."""
    out: dict[str, set[int]] = {}
    for p in previews:
        for kind, ids in p.in_trash.items():
            out.setdefault(kind, set()).update(ids)
    return {k: len(out[k]) for k in KINDS if out.get(k)}


def to_restore(preview: Preview) -> list[tuple[str, int]]:
    """What the commit restores before it writes the sheet's rows: organisations first (a
    contact's comes back with it by the trash's rule anyway), then contacts."""
    if not preview.restoring:
        return []
    return [
        (k, i) for k in ("organisation", "contact", "action") for i in sorted(preview.in_trash.get(k, ()))
    ]
