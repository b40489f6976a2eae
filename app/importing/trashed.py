"""New rows of a contacts sheet whose person is in the trash (an import undone, a contact
deleted): said at the row, with the record to restore instead.

Reviewer h109: after undoing an import and importing the same file again, every row was "new"
and nothing said that the same people were in the trash; restoring one of them later made a
second record of the person (which the trash now asks about: app.trash.restore_many).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from app.importing.messages import Term
from db.tables import CON, METHOD

if TYPE_CHECKING:
    from sqlmodel import Session

    from app.importing.preview import Preview


def say(session: Session, preview: Preview) -> None:
    """Note each new contact row with an e-mail or phone of a contact in the trash."""
    if preview.kind != "contact":
        return
    rows = [r for r in preview.rows if r.status == "new" and r.relations]
    if not rows:
        return
    stmt = (
        select(METHOD.c.kind, METHOD.c.value, CON.c.id, CON.c.full_name)
        .join(CON, CON.c.id == METHOD.c.contact_id)
        .where(CON.c.deleted_at.is_not(None))
        .order_by(CON.c.id)  # (the latest deleted, the highest id, wins: an import's undo is recent)
    )
    emails: dict[str, tuple[int, str]] = {}
    phones: dict[str, tuple[int, str]] = {}
    for how, value, ident, name in session.connection().execute(stmt).all():
        (emails if how == "email" else phones)[value] = (ident, name)
    if not emails and not phones:
        return
    for row in rows:
        rels = row.relations or {}
        for how, values, table in (
            ("email", rels.get("emails"), emails),
            ("phone", rels.get("phones"), phones),
        ):
            if not values or not table:
                continue
            for value in values:
                found = table.get(value)
                if found is not None:
                    break
            else:
                continue
            row.note("same_in_the_trash", key=Term(how), value=value, id=found[0], name=found[1])
            break
