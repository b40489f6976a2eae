"""A contact or an action restored from the trash whose organisation is in the trash too brings
it back, in the same undoable group (reviewer h102: a contact an import's undo had removed,
restored by a colleague's "restore and keep my changes", showed "Viện AI4LIFE" as live while
the organisation stayed in the trash; only `ketnoi contact show` said "(in the trash)"). An
organisation whose name a live one has taken meanwhile stays in the trash, said."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app import records, trash
from db import models as m
from db.engine import read_session, unit_of_work


def _org_and_contact(engine: Engine) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Viện AI4LIFE"})
        person = records.create(s, "contact", {"full_name": "Ngô Minh An", "organisation_id": org})
        action = records.create(s, "action", {"title": "Gửi hồ sơ", "organisation_id": org})
        for kind, ident in (("action", action), ("contact", person), ("organisation", org)):
            records.delete(s, kind, ident)
    return org, person


def test_a_contact_restored_brings_its_organisation_back(engine: Engine) -> None:
    org, person = _org_and_contact(engine)
    with unit_of_work(engine) as s:
        done = trash.restore_many(s, [("contact", person)], actor="Trang")
    assert done.restored == [("contact", person), ("organisation", org)] and not done.skipped
    with read_session(engine) as s:
        assert records.get(s, "organisation", org)["deleted_at"] is None
        assert records.get(s, "contact", person)["organisation_id"] == org
    with unit_of_work(engine) as s:  # one step back: both in the trash again
        from app import undo

        undo.undo_group(s, done.group_id, actor="Trang")
    with read_session(engine) as s:
        from db import models as m

        assert s.get(m.Organisation, org).deleted_at is not None  # type: ignore[union-attr]
        assert s.get(m.Contact, person).deleted_at is not None  # type: ignore[union-attr]


def test_an_organisation_whose_name_was_taken_stays_in_the_trash_said(engine: Engine) -> None:
    """Reviewer h143: the contact came back still filed under the organisation that stayed in
    the trash. Now it is filed under the live one of that name (evidently the same organisation,
    as an import would take it), said, in the restore's one undoable step."""
    org, person = _org_and_contact(engine)
    with unit_of_work(engine) as s:
        live = records.create(s, "organisation", {"name": "Viện AI4LIFE"})  # recreated meanwhile
        done = trash.restore_many(s, [("contact", person)], actor="Trang")
    assert done.restored == [("contact", person)] and not done.skipped
    assert done.refiled == [("contact", person, org, live, "Viện AI4LIFE")]
    with read_session(engine) as s:
        assert records.get(s, "contact", person)["organisation_id"] == live
        assert s.get(m.Organisation, org).deleted_at is not None  # type: ignore[union-attr]
    with unit_of_work(engine) as s:  # asked for itself, the organisation is refused, said
        again = trash.restore_many(s, [("organisation", org)], actor="Trang")
    assert [(x.kind, x.id, x.code) for x in again.skipped] == [("organisation", org, "name")]
    with unit_of_work(engine) as s:  # one step back: in the trash, filed as it was
        from app import undo

        undo.undo_group(s, done.group_id, actor="Trang")
    with read_session(engine) as s:
        back = s.get(m.Contact, person)
        assert back is not None and back.deleted_at is not None and back.organisation_id == org


def test_an_action_is_filed_under_the_live_namesake_too(engine: Engine) -> None:
    org, _person = _org_and_contact(engine)
    with unit_of_work(engine) as s:
        live = records.create(s, "organisation", {"name": "Viện AI4LIFE"})
        action = next(i for k, i in _trashed(s) if k == "action")
        done = trash.restore_many(s, [("action", action)], actor="Trang")
    assert done.refiled == [("action", action, org, live, "Viện AI4LIFE")]
    with read_session(engine) as s:
        assert records.get(s, "action", action)["organisation_id"] == live


def _trashed(s: object) -> list[tuple[str, int]]:
    return [(x.kind, x.id) for x in trash.list_trash(s)]  # type: ignore[arg-type]
