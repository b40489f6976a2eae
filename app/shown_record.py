"""A record's fields as ``ketnoi KIND show`` prints them: in the window's words, not as stored.

The database keeps codes, ids, booleans and UTC instants (``direction we_owe``,
``organisation_id 2``, ``confidential False``, ``created_at 2026-12-05 13:47:51.06+00:00``);
a person reads the words the window shows, in the CLI's language (:mod:`app.value_labels`:
"Bên ta cần làm", "Cao"), a referenced record by its name with its id ("Genetica (#2)"),
"Có"/"Không" for a yes/no field, a country by its name ("Việt Nam"), and dates day first in
local time ("05/12/2026 20:47").
Each field is named by the window's label in that language (:data:`app.value_labels.FIELDS`:
"Cán bộ phụ trách", not ``owner_id``); when the record was added and last changed come last;
its version (an edit's check, for scripts) and a contact's name parts that only repeat its full
name are left out. ``--json`` keeps the stored values (the command emits those, not these lines).

    record_lines(session, "action", records.get(session, "action", 12), "vi")
    # [("Tiêu đề", "Gửi thư giới thiệu"), ("Bên thực hiện", "Bên ta cần làm"), ("Tổ chức", "Genetica (#7)"), …]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import records, value_labels
from app.calendar_marks import marked, word
from app.history import LIST_REFERS_TO, REFERS_TO, labels_of
from db import clock, kinds
from db.tables import ORG

# Read alongside a field shown better (the organisation's name, beside organisation_id; the id,
# in the heading), or of use to scripts only (the version ``edit --if-version`` checks: --json).
_SKIPPED = frozenset({"id", "organisation_name", "version"})
_LAST = ("import_batch_id", "created_at", "updated_at", "deleted_at")  # after the record's own fields
_NAME_PARTS = ("family_name", "middle_name", "given_name")
_YES_NO = value_labels.ACTIVE  # ("Yes", "Có"), ("No", "Không")
HIDDEN_WORDS = ("a confidential record", "hồ sơ mật")
"""What stands for a record this login may not see (a colleague's confidential one on a team
database), where a record it can see refers to it: no name, no id (reviewer h130: "Organisation
#20", "Attendees  Ngô Đức Thảo, #16084"). The window says the same (ui: tr())."""


def hidden_word(lang: str) -> str:
    return HIDDEN_WORDS[1 if lang == "vi" else 0]


def _referred(values: dict[str, Any]) -> dict[str, set[int]]:
    """The ids of the records ``values`` refers to (its organisation, parent, tags…), by kind."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for field, value in values.items():
        if field in REFERS_TO and isinstance(value, int) and not isinstance(value, bool):
            wanted[REFERS_TO[field]].add(value)
        elif field in LIST_REFERS_TO and isinstance(value, list):
            wanted[LIST_REFERS_TO[field]].update(x for x in value if isinstance(x, int))
    return wanted


def _names(session: Session, values: dict[str, Any]) -> dict[str, dict[int, str]]:
    wanted = _referred(values)
    return labels_of(session, dict(wanted)) if wanted else {}


def when(value: dt.datetime) -> str:
    """Day first, in local time (an aware instant is converted; a naive one, a meeting's start,
    is local wall-clock time already)."""
    local = clock.local(value) if value.tzinfo is not None else value
    return f"{local:%d/%m/%Y %H:%M}"


def shown_value(
    kind: str,
    field: str,
    value: Any,
    names: dict[str, dict[int, str]],
    lang: str,
    secret: dict[str, set[int]] | None = None,
    unseen: dict[str, set[int]] | None = None,
) -> str:
    """One stored value in words (see the module's docstring); a record it names that is in
    ``secret`` (kind -> ids of confidential records: :func:`_secrets`) marked as ``letter list``
    and the calendar files mark one: "Lưu Văn Mật (Confidential)", "Genetica (#2, Mật)"."""
    hidden = secret or {}
    unseen = unseen or {}
    if isinstance(value, bool):
        return str(value_labels.label_of(_YES_NO, value, lang))
    if field in REFERS_TO and isinstance(value, int) and value in unseen.get(REFERS_TO[field], ()):
        return hidden_word(lang)
    if field in REFERS_TO and isinstance(value, int):
        name = names.get(REFERS_TO[field], {}).get(value)
        text = f"{name} (#{value})" if name and name != f"#{value}" else f"#{value}"
        return _mark_inside(text, word("secret", lang)) if value in hidden.get(REFERS_TO[field], ()) else text
    if field in LIST_REFERS_TO and isinstance(value, list):
        of = LIST_REFERS_TO[field]
        kind_of = names.get(of, {})
        return ", ".join(
            hidden_word(lang)
            if isinstance(x, int) and x in unseen.get(of, ())
            else marked(kind_of.get(x, f"#{x}"), x in hidden.get(of, ()), lang)
            if isinstance(x, int)
            else str(x)
            for x in value
        )
    if field == "import_batch_id":
        return f"#{value}"
    if field == "phones" and isinstance(value, list):  # as the window shows them: 0912 345 678
        from app import validation

        return ", ".join(
            validation.phone_display(p) if validation.phone_verified(p) else str(p) for p in value
        )
    if field == "country" and isinstance(value, str):
        return value_labels.country_name(value, lang)  # "Việt Nam", not "VN"
    if isinstance(value, dt.datetime):
        return when(value)
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list):
        parts = []
        for x in value:
            if isinstance(x, dict):  # a meeting's attendees: the name, and a role other than taking part
                name = str(x.get("full_name") or f"#{x.get('contact_id')}")
                if x.get("contact_id") in unseen.get("contact", ()):
                    name = hidden_word(lang)
                name = marked(name, x.get("contact_id") in hidden.get("contact", ()), lang)
                role = x.get("role") or "participant"
                if role != "participant":
                    name += f" ({value_labels.label('meeting', 'role', role, lang)})"
                parts.append(name)
            else:
                parts.append(str(x))
        return ", ".join(parts)
    return str(value_labels.label(kind, field, value, lang))


def record_lines(session: Session, kind: str, values: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(field's label, value in words) for every field that holds something, in the stored order
    (see the module's docstring for what is left out and what comes last)."""
    names = _names(session, values)
    skipped = set(_SKIPPED)
    parts = [str(values.get(p) or "") for p in _NAME_PARTS]
    if kind == "contact" and " ".join(p for p in parts if p) == values.get("full_name"):
        skipped.update(_NAME_PARTS)  # "Nguyễn | Thị Hồng | Nhung" under "Nguyễn Thị Hồng Nhung"
    order = [f for f in values if f not in _LAST] + [f for f in _LAST if f in values]
    trashed = _in_the_trash(session, values)
    secret = _secrets(session, values)
    not_seen = unseen(session, values)
    return [
        (value_labels.field_name(field, lang),
         _marked(shown_value(kind, field, values[field], names, lang, secret, not_seen), field in trashed, lang))
        for field in order
        if field not in skipped and values[field] not in (None, "", [], {})
    ]  # fmt: skip


_SECRET_KINDS = frozenset({"organisation", "contact", "meeting", "action", "letter"})
"""The kinds a record can be confidential of (each has a ``confidential`` column)."""


def _secrets(session: Session, values: dict[str, Any]) -> dict[str, set[int]]:
    """The confidential records among those ``values`` names (its organisation, parent, meeting,
    responsible contact, a meeting's organisations and attendees…), by kind: one read of the few
    ids per kind. On a team database a record this login may not see is not read at all."""
    wanted = _referred(values)
    attendees = values.get("attendees")
    if isinstance(attendees, list):
        wanted["contact"].update(
            x["contact_id"] for x in attendees if isinstance(x, dict) and x.get("contact_id")
        )
    out: dict[str, set[int]] = {}
    for kind, ids in wanted.items():
        if kind in _SECRET_KINDS and ids:
            table = kinds.table(kind)
            found = session.execute(
                select(table.c.id).where(table.c.id.in_(sorted(ids)), table.c.confidential.is_(True))
            ).scalars()
            out[kind] = {int(i) for i in found}
    return out


def unseen(session: Session, values: dict[str, Any]) -> dict[str, set[int]]:
    """The records ``values`` names that this login may not see (a colleague's confidential
    ones, on a team database), by kind (:func:`app.records.hidden_ids`)."""
    wanted = _referred(values)
    attendees = values.get("attendees")
    if isinstance(attendees, list):
        wanted["contact"].update(
            x["contact_id"] for x in attendees if isinstance(x, dict) and x.get("contact_id")
        )
    return records.hidden_ids(session, wanted)


def organisations_in_the_trash(session: Session, values: dict[str, Any]) -> set[int]:
    """The organisations ``values`` names (its organisation, parent, a meeting's) that are in
    the trash: a record page marks them so, as the lists do (reviewer h149: a contact's page
    named Genetica as if it were live after one Del put it in the trash)."""
    wanted = _referred(values).get("organisation", set())
    if not wanted:
        return set()
    found = session.execute(
        select(ORG.c.id).where(ORG.c.id.in_(sorted(wanted)), ORG.c.deleted_at.is_not(None))
    ).scalars()
    return {int(i) for i in found}


def _mark_inside(text: str, mark: str) -> str:
    """ "Genetica (#2)" → "Genetica (#2, Confidential)"."""
    return f"{text[:-1]}, {mark})" if text.endswith(")") else f"{text} ({mark})"


def _in_the_trash(session: Session, values: dict[str, Any]) -> set[str]:
    """The fields of ``values`` pointing to a record in the trash (one read each, a few): a
    contact keeps pointing to an organisation deleted since, so restoring it brings the link
    back; its page said "FPT Corporation (#6)" as if it were live (reviewer: ``org show 6`` then
    said "#6 is in the trash")."""
    out = set()
    for field, value in values.items():
        if field in REFERS_TO and isinstance(value, int) and not isinstance(value, bool):
            row = session.get(kinds.model(REFERS_TO[field]), value)
            if row is not None and row.deleted_at is not None:
                out.add(field)
    return out


def _marked(text: str, trashed: bool, lang: str) -> str:
    """ "FPT Corporation (#6)" → "FPT Corporation (#6, in the trash)" ("trong thùng rác")."""
    if not trashed:
        return text
    mark = "trong thùng rác" if lang == "vi" else "in the trash"
    return f"{text[:-1]}, {mark})" if text.endswith(")") else f"{text} ({mark})"
