"""What a write changed, told to the views (Anki's ``OpChanges``): kinds, ids and fields.

A :class:`Changes` says, per record kind, which ids were touched and which fields changed, and
for which kinds records were created, deleted, restored or purged ("membership"). Views use it
to do the least work that stays correct: a list marks the touched rows stale (the rows on
screen are read again), and runs its id query again only when the change can move rows in or
out of its result or reorder them (``app.lists.affects_result``).

The services need not say what they did: every write records its history (``Change`` rows),
so :func:`mark` before the work and :func:`since` after it, in the same unit of work, read the
changes back. Anything else (another process's write, an old caller) can build one with
:meth:`Changes.of` or fall back to :meth:`Changes.unknown`, which makes every view read again.

Plain Python: no Qt here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.tables import CHANGE

ANY_FIELD = "*"  # a field set holding this means "any field may have changed"
LIMIT = 5_000  # history rows read back after a write; beyond that the write counts as unknown


def _frozen(d: Mapping[str, Iterable[object]] | None) -> dict[str, frozenset]:  # type: ignore[type-arg]
    return {k: frozenset(v) for k, v in (d or {}).items()}


@dataclass(frozen=True)
class Changes:
    """Which records a write touched. Immutable; combine two with ``|``."""

    ids: Mapping[str, frozenset[int]] = field(default_factory=dict)
    fields: Mapping[str, frozenset[str]] = field(default_factory=dict)
    membership: frozenset[str] = frozenset()  # kinds with records created, deleted, restored…
    everything: bool = False  # not known: every view reads again

    @classmethod
    def of(
        cls,
        kinds: Mapping[str, Iterable[int]],
        *,
        fields: Mapping[str, Iterable[str]] | None = None,
        membership: bool | Iterable[str] = True,
    ) -> Changes:
        """Changes from plain data: kind → ids; optionally kind → field names (unknown fields
        count as any field); ``membership`` True for every kind named, or the kinds."""
        ids = _frozen(kinds)
        named = _frozen(fields)
        flds = {k: named.get(k, frozenset({ANY_FIELD})) for k in ids}
        if membership is True:
            member = frozenset(ids)
        elif membership is False:
            member = frozenset()
        else:
            member = frozenset(membership)
        return cls(ids=ids, fields=flds, membership=member)

    @classmethod
    def unknown(cls, kind: str = "", ids: Iterable[int] = ()) -> Changes:
        """A change known only by its kind (and maybe ids), or not at all (``kind`` empty)."""
        if not kind:
            return cls(everything=True)
        return cls.of({kind: ids})

    def __bool__(self) -> bool:
        return self.everything or bool(self.ids) or bool(self.membership)

    def __or__(self, other: Changes) -> Changes:
        ids = {
            k: self.ids.get(k, frozenset()) | other.ids.get(k, frozenset()) for k in {*self.ids, *other.ids}
        }
        flds = {
            k: self.fields.get(k, frozenset()) | other.fields.get(k, frozenset())
            for k in {*self.fields, *other.fields}
        }
        return Changes(ids, flds, self.membership | other.membership, self.everything or other.everything)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.ids) | self.membership

    def touches(self, kind: str) -> bool:
        return self.everything or kind in self.ids or kind in self.membership

    def changed(self, kind: str, names: Iterable[str]) -> bool:
        """Whether one of the fields ``names`` of ``kind`` (or any field, if unknown) changed."""
        if self.everything or kind in self.membership:
            return True
        got = self.fields.get(kind)
        if not got:
            return False
        return ANY_FIELD in got or not got.isdisjoint(names)

    def changed_any(self, kind: str) -> bool:
        return self.everything or kind in self.membership or bool(self.fields.get(kind))


def mark(session: Session) -> int:
    """Where history stands (the last ``Change`` id): read it before the work."""
    return int(session.execute(select(func.max(CHANGE.c.id))).scalar_one() or 0)


# Per database (its URL): the (after, up to] history ids this process wrote and announced.
_WRITTEN_HERE: dict[str, deque[tuple[int, int]]] = {}


def written_here(change_id: int, database: str) -> bool:
    """Whether this process wrote the history row ``change_id`` of ``database`` (through
    :func:`since`): a SQLite file's poll (app.live) skips what the window has announced
    already. Only that database's writes count: ids of another file say nothing of this one."""
    return any(after < change_id <= upto for after, upto in tuple(_WRITTEN_HERE.get(database, ())))


def forget_written(database: str) -> None:
    """Forget what this process wrote to ``database``: its history was rewound (a restore put
    an older file in place) or is unknown (the poll lost the file), and new rows will reuse
    the ids of the ones remembered, which no longer exist."""
    _WRITTEN_HERE.pop(database, None)


def since(session: Session, before: int) -> Changes:
    """What the history written after ``before`` says changed (the same unit of work).
    More rows than :data:`LIMIT` (an import, a bulk delete) count as unknown for their kinds."""
    stmt = (
        select(CHANGE.c.entity, CHANGE.c.entity_id, CHANGE.c.field, CHANGE.c.id)
        .where(CHANGE.c.id > before)
        .order_by(CHANGE.c.id)
        .limit(LIMIT + 1)
    )
    ids: dict[str, set[int]] = {}
    flds: dict[str, set[str]] = {}
    member: set[str] = set()
    rows = session.execute(stmt).all()
    for kind, record_id, name, _id in rows:
        ids.setdefault(kind, set()).add(int(record_id))
        if name:
            flds.setdefault(kind, set()).add(name)
        else:  # create, delete, restore, purge: a record came or went
            member.add(kind)
    if len(rows) > LIMIT:
        return Changes(everything=True)
    if rows and session.get_bind().dialect.name == "sqlite":  # the write lock: all of them ours
        written = _WRITTEN_HERE.setdefault(str(session.get_bind().engine.url), deque(maxlen=200))
        written.append((before, int(rows[-1][3])))
    return Changes(ids=_frozen(ids), fields=_frozen(flds), membership=frozenset(member))


GROUPS_LIMIT = 50  # groups one write may write (a command writes one; an undo of a merge a few)


def groups_since(session: Session, before: int, actor: str | None = None) -> list[str]:
    """The history groups written after ``before`` in this unit of work, in the order written:
    what one window remembers as its own steps (Ctrl+Z undoes those, app.undo.Own). On SQLite
    every row after ``before`` is this write's (it holds the write lock); elsewhere another
    session's rows may commit meanwhile, so only ``actor``'s count (a colleague's never do)."""
    first = func.min(CHANGE.c.id)
    query = select(CHANGE.c.group_id, first).where(CHANGE.c.id > before, CHANGE.c.group_id != "")
    if actor is not None and session.get_bind().dialect.name != "sqlite":
        query = query.where(CHANGE.c.actor == actor)
    rows = session.execute(query.group_by(CHANGE.c.group_id).order_by(first).limit(GROUPS_LIMIT)).all()
    return [str(group) for group, _ in rows]
