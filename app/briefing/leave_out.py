"""A brief that can be handed over: confidential records left out.

A manager sometimes gives a brief to the counterpart or to a colleague outside the team
(reviewer h129 could not give the ministry its own brief: one contact there was confidential,
which made the whole brief confidential, marked so on every page). Asked to leave confidential
records out (the Brief dialog's checkbox, ``ketnoi brief … --without-confidential``), a brief
holds no confidential contact, organisation, meeting, follow-up or letter:

- the gatherers' queries leave those rows out, and count them nowhere ("Attendees (N)", "Last
  meeting", the meetings per month, "… and N more"): their ``hide`` (queries.shown); an
  organisation at a meeting only through confidential people is not "met" there
  (queries.met_openly);
- what is left names none of them (:func:`scrub`): a confidential contact or organisation named
  in passing in a row that stays — among a meeting's "With", as an action's responsible, as a
  person's organisation, in a fact, a role history, a post held, a lineage — is taken out, and
  one named in what someone wrote (a title, the minutes, the notes) is replaced by "…";
- nothing left being confidential, the brief is not marked confidential (data.confidential_items);
- when leaving them out changed what the brief says, it ends with a line that says so, naming
  none (data's ``left_out``; the default brief gathered too and compared: :func:`gather`).

A brief of a record that is itself confidential cannot be made this way: :func:`refuse` says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from sqlmodel import Session

from app import secret_names
from app.briefing.secrets import with_secrets
from app.cli_lines import refused
from app.errors import UserError
from db import kinds

B = TypeVar("B")

ELLIPSIS = "…"
"""What a confidential name in someone's words becomes."""

_WRITTEN = frozenset({"title", "location", "notes", "agenda", "decisions", "minutes", "subject", "note"})
"""Fields of what people wrote: a confidential name within them is replaced (secret_names.spans)."""

_NAMING = {
    "RoleChange": ("old", "new"),
    "PostHolding": ("organisation",),
    "Link": ("name",),
    "PersonRow": ("name",),
    "NewContactRow": ("name",),
}
"""Rows that are about a confidential record when one of these fields names it: left out whole
(a role history's step to a confidential organisation, a post held there, a predecessor)."""

_REFUSALS = {
    "organisation": (
        "This organisation is confidential itself: its brief cannot leave confidential records out.",
        "Tổ chức này là hồ sơ mật: không thể lập tài liệu về nó mà lược bỏ hồ sơ mật.",
    ),
    "contact": (
        "This contact is confidential themselves: their brief cannot leave confidential records out.",
        "Người liên hệ này là hồ sơ mật: không thể lập tài liệu về họ mà lược bỏ hồ sơ mật.",
    ),
    "meeting": (
        "This meeting is confidential itself: its brief cannot leave confidential records out.",
        "Cuộc họp này là hồ sơ mật: không thể lập tài liệu về nó mà lược bỏ hồ sơ mật.",
    ),
}


def subject_is_confidential(session: Session, kind: str, subject_id: int | None) -> bool:
    """Whether the record a brief is about is confidential (a digest has none): one row read
    by its key."""
    if kind not in _REFUSALS or subject_id is None:
        return False
    rec: Any = session.get(kinds.model(kind), subject_id)
    return bool(getattr(rec, "confidential", False))


def refusal(kind: str) -> UserError:
    """What is said when a brief of a confidential ``kind`` is asked without confidential records,
    in English and Vietnamese (app.cli_lines.refused)."""
    en, vi = _REFUSALS[kind]
    return refused(en, vi)


def refuse(session: Session, kind: str, subject_id: int | None) -> None:
    """Raise :func:`refusal` when the brief's own record is confidential."""
    if subject_is_confidential(session, kind, subject_id):
        raise refusal(kind)


def scrub(brief: B) -> B:
    """``brief`` naming none of the confidential records in its ``secrets`` (found by
    secrets.with_secrets): a name given alone (an action's responsible, a person's organisation,
    a fact) is emptied; a name in a list (a meeting's "With") is taken out; a row about one
    (``_NAMING``) is left out; one within what someone wrote is replaced by "…"."""
    secrets = getattr(brief, "secrets", ())
    names = {x.name for x in secrets}
    written = [x.name for x in secrets if secret_names.nameable(x.name, x.kind)]

    def text(field: str, value: str) -> str:
        if field in _WRITTEN:
            return _replace(value, written)
        return "" if value in names else value

    def about_one(row: Any) -> bool:
        return any(getattr(row, f, None) in names for f in _NAMING.get(type(row).__name__, ()))

    def value(field: str, v: Any) -> Any:
        if isinstance(v, str):
            return text(field, v)
        if isinstance(v, (tuple, list)):
            kept = [
                value(field, x) for x in v if not (isinstance(x, str) and x in names) and not about_one(x)
            ]
            return type(v)(kept)
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return walk(v)
        return v

    def walk(obj: Any) -> Any:
        changes = {
            f.name: value(f.name, getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.name != "secrets"
        }
        if any(f.name == "secrets" for f in dataclasses.fields(obj)):
            changes["secrets"] = ()
        return dataclasses.replace(obj, **changes)

    return walk(brief) if names else brief


def _replace(text: str, names: list[str]) -> str:
    out, last = [], 0
    for start, end in secret_names.spans(text, names):
        out += [text[last:start], ELLIPSIS]
        last = end
    return "".join(out) + text[last:]


def gather(session: Session, gather_one: Callable[[bool], B]) -> B:
    """The brief ``gather_one(hide)`` gathers with confidential records left out and nothing
    confidential named (:func:`scrub`, until :func:`secrets.with_secrets` finds nothing more),
    with ``left_out`` set when that changed what it says: when the brief gathered as usual
    differs from it (both gathered in the same session, their time of writing aside)."""
    brief = scrub(gather_one(True))
    for _ in range(3):  # (a name taken out may uncover none: once is the rule, the loop the guard)
        again = with_secrets(session, brief)
        if not getattr(again, "secrets", ()):
            break
        brief = scrub(again)
    usual: Any = gather_one(False)
    when = {"generated_at": getattr(brief, "generated_at", None)}
    changed = dataclasses.replace(usual, **when) != brief
    return dataclasses.replace(brief, left_out=changed)  # type: ignore[type-var]
