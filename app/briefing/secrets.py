"""The confidential contacts and organisations a gathered brief names in passing (data.Secret):
in a meeting's "With", as an action's responsible or organisation, as a person's organisation
or department, among the facts (part of, formerly, succeeded by, the contact's organisation,
the meeting's organisations), in a role history or a post held. The renderer marks each of
those names where it prints it, and the brief's header follows (data.confidential_items).

The rows' own queries say which of the records they name are confidential (queries.secret), at
no cost of a query; the facts' organisations, named from elsewhere (the change log, the
lineage, the posts), are looked up by name in one query, only when the brief has such names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlmodel import Session

from app import secret_names
from app.briefing import queries as q
from app.briefing.data import Secret
from db import models as m
from db.queries import chunked

Organisation: Any = m.Organisation
Contact: Any = m.Contact

B = TypeVar("B")

_ROWS = (
    "people", "colleagues", "attendees", "new_contacts",
    "recent_meetings", "upcoming_meetings", "previous_meetings", "meetings",
    "we_owe", "they_owe", "completed",
)  # fmt: skip


def _rows(brief: Any) -> list[Any]:
    out = [r for name in _ROWS for r in getattr(brief, name, ())]
    return out + [a for g in getattr(brief, "overdue", ()) for a in g.actions]


def fact_names(brief: Any) -> set[str]:
    """The organisations ``brief`` names outside its rows: the one it is part of, the contact's,
    the lineage's, the role history's and the posts held's."""
    orgs: set[str] = set()
    for field in ("parent", "organisation"):
        if isinstance(value := getattr(brief, field, ""), str):
            orgs.add(value)
    if (lineage := getattr(brief, "lineage", None)) is not None:
        orgs.update(x.name for x in (*lineage.formerly, *lineage.became))
    for change in getattr(brief, "role_history", ()):
        if change.field == "organisation":
            orgs.update((change.old, change.new))
    orgs.update(h.organisation for h in getattr(brief, "posts_held", ()))
    return orgs - {""}


def secret_organisations(session: Session, names: Iterable[str]) -> tuple[Secret, ...]:
    """The confidential organisations whose acronym or name is one of ``names`` (one in the
    trash too: a name printed is marked all the same). Another organisation of the same name is
    marked too: the safe side of a mistake."""
    wanted = set(names)
    out: list[Secret] = []
    for part in chunked(sorted(wanted)):
        stmt = select(Organisation.id, Organisation.acronym, Organisation.name).where(
            Organisation.confidential.is_(True),
            or_(Organisation.name.in_(part), Organisation.acronym.in_(part)),
        )
        for oid, acronym, name in q.fetch(session, stmt):
            out += [
                Secret("organisation", oid, n) for n in dict.fromkeys((acronym, name)) if n and n in wanted
            ]
    return tuple(out)


def only_contacts(secrets: tuple[Secret, ...]) -> tuple[Secret, ...]:
    """``secrets`` less the organisations: for a row whose organisation the brief does not print."""
    return tuple(x for x in secrets if x.kind == "contact")


def with_secrets(session: Session, brief: B) -> B:
    """``brief`` with ``secrets``: every confidential record it names in passing, its rows' and
    its facts' (what the gatherer set already kept), and those its free text names (a title, a
    decision, the notes: :func:`in_text`)."""
    found: list[Secret] = [*getattr(brief, "secrets", ())]
    for row in _rows(brief):
        found += row.secrets
    if names := fact_names(brief):
        found += secret_organisations(session, names)
    found += in_text(session, free_texts(brief))
    return dataclasses.replace(brief, secrets=tuple(dict.fromkeys(found)))  # type: ignore[type-var]


_TEXT_FIELDS = ("title", "location", "decisions", "minutes", "notes", "agenda")


def free_texts(brief: Any) -> list[str]:
    """What people wrote that a brief prints: its subject's (a meeting's) title and place,
    notes, agenda, decisions and minutes, and its rows' titles, places, decisions and minutes."""
    out = [
        str(getattr(brief, f, "") or "")
        for f in ("title", "location", "notes", "agenda", "decisions", "minutes")
    ]
    for row in _rows(brief):
        out += [str(getattr(row, f, "") or "") for f in _TEXT_FIELDS]
    return [t for t in out if t.strip()]


def in_text(session: Session, texts: Iterable[str]) -> list[Secret]:
    """The confidential contacts and organisations named in ``texts`` (a meeting titled "Gặp Lưu
    Văn Mật tuần trước", a decision naming QBM: reviewer h103), by the rules the letters and the
    calendars use (:mod:`app.secret_names`): one query of the confidential records alone, none
    when the brief has no free text."""
    texts = [t for t in texts if t]
    if not "".join(texts).strip():
        return []
    return [Secret(x.kind, x.id, x.name) for x in secret_names.found_in(secret_names.load(session), texts)]
