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
import functools
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import literal, or_, select, union_all
from sqlmodel import Session

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


_TEXT_FIELDS = ("title", "decisions", "minutes", "notes", "agenda")


def free_texts(brief: Any) -> list[str]:
    """What people wrote that a brief prints: its subject's notes, agenda, decisions and
    minutes, and its rows' titles, decisions and minutes."""
    out = [str(getattr(brief, f, "") or "") for f in ("notes", "agenda", "decisions", "minutes")]
    for row in _rows(brief):
        out += [str(getattr(row, f, "") or "") for f in _TEXT_FIELDS]
    return [t for t in out if t.strip()]


def in_text(session: Session, texts: Iterable[str]) -> list[Secret]:
    """The confidential contacts and organisations named in ``texts`` by their full name (two
    words or more, any case), or an organisation by its acronym (three characters or more, as
    written): a meeting titled "Gặp Lưu Văn Mật tuần trước", a decision naming QBM (reviewer
    h103). One query for each kind, of the confidential records alone; nothing when the brief
    has no free text."""
    haystack = "\n".join(texts)
    if not haystack.strip():
        return []
    people = select(literal("contact"), Contact.id, Contact.full_name, literal("")).where(
        Contact.confidential.is_(True)
    )
    orgs = select(literal("organisation"), Organisation.id, Organisation.name, Organisation.acronym).where(
        Organisation.confidential.is_(True)
    )
    candidates = [
        Secret(str(kind), int(ident), str(n))
        for kind, ident, name, acronym in q.fetch(session, union_all(people, orgs))  # (one query)
        for n in (name, acronym)
        if n
    ]
    wanted = [x for x in candidates if nameable(x.name)]
    if not wanted:
        return []
    found = names_pattern(tuple(x.name for x in wanted)).findall(haystack)
    hits = set(found) | {" ".join(f.split()).casefold() for f in found}
    return [
        x for x in wanted if x.name in hits or (" " in x.name and " ".join(x.name.split()).casefold() in hits)
    ]


def nameable(name: str) -> bool:
    """Whether a confidential record's name is looked for in free text: a full name of two words
    or more, or an acronym of three characters or more (a one-word name — "An", "Hà" — would
    mark every sentence that happens to hold the word)."""
    name = name.strip()
    return len(name.split()) >= 2 or (len(name) >= 3 and name.isupper())


@functools.lru_cache(maxsize=64)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of ``names`` as whole words: full names in any case, acronyms as
    written; the longest first ("Bộ Khoa học và Công nghệ" before "Khoa học")."""
    parts = []
    for name in sorted({n.strip() for n in names if nameable(n)}, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in name.split())
        parts.append(f"(?i:{body})" if " " in name else body)
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
