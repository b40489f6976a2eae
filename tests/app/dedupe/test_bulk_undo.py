"""Bulk actions over a multi-selection, each one group that undo takes back."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from app import bulk, bulk_edit, records
from app.errors import ValidationError
from app.undo import UndoConflict, describe, last_undoable, recent_undoable, undo_group
from db import clock
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.dedupe.conftest import record_state


@pytest.fixture
def thousand(engine: Engine) -> list[int]:
    """1,200 contacts: 1,000 to tag, some already tagged 'vip' (another spelling)."""
    rows = [
        {
            "full_name": f"Nguyễn Văn Khách {i}",
            "tags": ["VIP"] if i % 100 == 0 else ["Hà Nội"] if i % 2 else [],
        }
        for i in range(1200)
    ]
    with unit_of_work(engine) as s:
        return bulk.create_many(s, "contact", bulk.prepare_many("contact", rows))


class _Statements:
    def __init__(self, engine: Engine) -> None:
        self.count = 0
        self.engine = engine

    def __enter__(self) -> _Statements:
        event.listen(self.engine, "before_cursor_execute", self._hit)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._hit)

    def _hit(self, *args: object) -> None:
        self.count += 1


def test_bulk_tag_1000_contacts_and_undo(engine: Engine, thousand: list[int]) -> None:
    chosen = thousand[:1000]
    with read_session(engine) as s:
        before = record_state(s, "contact", chosen[:50] + chosen[-50:])
    start = time.perf_counter()
    with _Statements(engine) as seen, unit_of_work(engine) as s:
        group = bulk_edit.add_tags(s, "contact", chosen, ["vip", "Đối tác"], actor="Quang")
    elapsed = time.perf_counter() - start
    print(f"add_tags on 1,000 contacts: {elapsed * 1000:.0f} ms, {seen.count} statements")
    assert seen.count < 40  # set-based: not one round trip per record
    assert elapsed < 3
    with read_session(engine) as s:
        tagged = s.execute(
            select(func.count())
            .select_from(m.ContactTag)
            .join(m.Tag, m.Tag.id == m.ContactTag.tag_id)  # type: ignore[arg-type]
            .where(m.Tag.folded.in_(["vip", "doi tac"]))  # type: ignore[attr-defined]
        ).scalar_one()
        first = records.snapshot(s, "contact", chosen[1])
        hist = records.history(s, "contact", chosen[1])
        offered = last_undoable(s, actor="Quang")
        vip_count = s.execute(
            select(func.count()).select_from(m.Tag).where(m.Tag.folded == "vip")
        ).scalar_one()
    assert tagged == 2002  # 1,000 vip (10 already) + 2 vip outside the selection + 1,000 Đối tác
    assert set(first["tags"]) == {"Đối tác", "Hà Nội", "VIP"}  # the existing spelling of 'vip'
    assert first["version"] == 2
    assert hist[0]["op"] == "update" and hist[0]["field"] == "tags" and hist[0]["group_id"] == group
    assert vip_count == 1
    assert offered is not None and offered.group_id == group and offered.count == 1000
    assert offered.description == "Tagged 1,000 contacts 'Đối tác', 'VIP'"

    start = time.perf_counter()
    with _Statements(engine) as seen, unit_of_work(engine) as s:
        result = undo_group(s, group, actor="Quang")
    print(f"undo of it: {(time.perf_counter() - start) * 1000:.0f} ms, {seen.count} statements")
    assert seen.count < 60
    assert result.description.startswith("Tagged 1,000 contacts")
    with read_session(engine) as s:
        assert record_state(s, "contact", chosen[:50] + chosen[-50:]) == before
        assert last_undoable(s, actor="Quang") is None
        assert records.snapshot(s, "contact", chosen[1])["version"] == 3  # versions only go forward
    with unit_of_work(engine) as s, pytest.raises(Exception, match="already been undone"):
        undo_group(s, group, actor="Quang")


def test_undo_never_overwrites_a_later_edit(engine: Engine, thousand: list[int]) -> None:
    with unit_of_work(engine) as s:
        group = bulk_edit.remove_tags(s, "contact", thousand[:10], ["Hà Nội"])
    with unit_of_work(engine) as s:
        records.update(s, "contact", thousand[1], {"tags": ["Khác"]}, expected_version=None)
    with unit_of_work(engine) as s, pytest.raises(UndoConflict, match="Nguyễn Văn Khách 1"):
        undo_group(s, group)
    with read_session(engine) as s:
        assert records.snapshot(s, "contact", thousand[3])["tags"] == []  # nothing was written


def test_set_field_status_and_due_date_and_undo(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        staff = records.create(s, "staff", {"name": "Trần Minh Quang"})
        meet = records.create(s, "meeting", {"title": "Họp", "starts_at": dt.datetime(2026, 5, 1, 9)})
        ids = [
            records.create(s, "action", {"title": f"Việc {i}", "due_date": dt.date(2026, 6, i + 1)})
            for i in range(5)
        ]
        from_meeting = records.create(s, "action", {"title": "Sau họp", "meeting_id": meet})
    with read_session(engine) as s:
        before = record_state(s, "action", ids)
    with unit_of_work(engine) as s:
        g_status = bulk_edit.set_field(s, "action", ids, "status", "done", actor="Quang")
        g_owner = bulk_edit.set_field(s, "action", ids, "responsible_staff_id", staff, actor="Quang")
        g_due = bulk_edit.set_field(s, "action", ids[:3], "due_date", "15/07/2026", actor="Quang")
    with read_session(engine) as s:
        done = records.snapshot(s, "action", ids[0])
        assert describe(s, g_status) == "Set status to 'done' on 5 actions"
        assert describe(s, g_owner) == 'Set responsible staff member to "Trần Minh Quang" on 5 actions'
        assert [g.group_id for g in recent_undoable(s)][:3] == [g_due, g_owner, g_status]
    assert done["status"] == "done" and done["completed_on"] == clock.today()
    assert done["due_date"] == dt.date(2026, 7, 15) and done["responsible_staff_id"] == staff
    with unit_of_work(engine) as s:
        for g in (g_due, g_owner, g_status):
            undo_group(s, g, actor="Quang")
    with read_session(engine) as s:
        assert record_state(s, "action", ids) == before
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="status"):
        bulk_edit.set_field(s, "action", ids, "status", "finished")
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="before the meeting it came from"):
        bulk_edit.set_field(s, "action", [from_meeting], "due_date", dt.date(2026, 4, 1))
    with unit_of_work(engine) as s, pytest.raises(ValueError, match="cannot be set in bulk"):
        bulk_edit.set_field(s, "action", ids, "title", "x")
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="no staff member"):
        bulk_edit.set_field(s, "action", ids, "responsible_staff_id", 999)


def test_bulk_delete_and_undo(engine: Engine, thousand: list[int]) -> None:
    with unit_of_work(engine) as s:
        group = bulk_edit.delete_records(s, "contact", thousand[:300], actor="Quang")
    with read_session(engine) as s:
        live = s.execute(
            select(func.count()).select_from(m.Contact).where(m.Contact.deleted_at.is_(None))
        ).scalar_one()  # type: ignore[union-attr]
        assert live == 900
        assert describe(s, group) == "Deleted 300 contacts"
    with unit_of_work(engine) as s:
        undo_group(s, group, actor="Quang")
    with read_session(engine) as s:
        live = s.execute(
            select(func.count()).select_from(m.Contact).where(m.Contact.deleted_at.is_(None))
        ).scalar_one()  # type: ignore[union-attr]
        assert live == 1200
        assert records.history(s, "contact", thousand[0])[0]["op"] == "restore"


def test_undo_of_a_single_edit_group_recomputes_search(engine: Engine) -> None:
    """A group written by records.update (not a bulk action) is undone through the service,
    so derived columns (search text, sort key) follow the restored name."""
    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Trần Thị Lan", "emails": ["lan@most.gov.vn"]})
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        records.update(
            s,
            "contact",
            cid,
            {"full_name": "Trần Thị Hương", "emails": []},
            expected_version=1,
            group_id=group,
        )
    with unit_of_work(engine) as s:
        assert describe(s, group) == 'Edited contact "Trần Thị Hương"'
        undo_group(s, group)
    with read_session(engine) as s:
        row = s.get(m.Contact, cid)
        assert row is not None and row.full_name == "Trần Thị Lan" and "lan" in row.search_text
        assert records.snapshot(s, "contact", cid)["emails"] == ["lan@most.gov.vn"]


def test_undo_of_a_logged_meeting_and_of_single_deletes(engine: Engine) -> None:
    """A meeting logged with a new contact and a follow-up in one group: undo removes all three;
    a delete made under a group id comes back."""
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Phạm Thu Trang"}, group_id=group)
        mid = records.create(
            s, "meeting", {"title": "Gặp Genetica", "starts_at": dt.datetime(2026, 3, 2, 14), "attendees": [cid]},
            group_id=group,
        )  # fmt: skip
        aid = records.create(s, "action", {"title": "Gửi thư", "meeting_id": mid, "due_date": dt.date(2026, 3, 9),
                                           "responsible_staff_id": None}, group_id=group)  # fmt: skip
    with unit_of_work(engine) as s:
        assert describe(s, group) == 'Logged meeting "Gặp Genetica" with 1 action, 1 contact'
        undo_group(s, group, actor="Quang")
    with read_session(engine) as s:
        assert all(
            s.get(model, i).deleted_at is not None
            for model, i in ((m.Contact, cid), (m.Meeting, mid), (m.Action, aid))
        )  # type: ignore[union-attr]
    gone = records.new_group_id()
    with unit_of_work(engine) as s:
        other = records.create(s, "contact", {"full_name": "Hoàng Anh"})
        records.delete(s, "contact", other, group_id=gone)
    with unit_of_work(engine) as s:
        assert describe(s, gone) == 'Deleted contact "Hoàng Anh"'
        undo_group(s, gone)
    with read_session(engine) as s:
        assert records.get(s, "contact", other)["full_name"] == "Hoàng Anh"


def test_owner_alias_for_actions(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        staff = records.create(s, "staff", {"name": "Ngô Bảo Châu"})
        aid = records.create(s, "action", {"title": "Review MoU"})
        group = bulk_edit.set_field(s, "action", [aid], "owner_id", staff)
    with read_session(engine) as s:
        assert records.snapshot(s, "action", aid)["responsible_staff_id"] == staff
        assert group and describe(s, group) == 'Edited action "Review MoU"'


def test_descriptions_in_vietnamese(engine: Engine, thousand: list[int]) -> None:
    with unit_of_work(engine) as s:
        tagged = bulk_edit.add_tags(s, "contact", thousand[:1000], ["Đối tác"])
        gone = bulk_edit.delete_records(s, "contact", thousand[1000:1002])
        staff = records.create(s, "staff", {"name": "Trần Minh Quang"})
        owner = bulk_edit.set_field(s, "contact", thousand[:3], "owner_id", staff)
    with read_session(engine) as s:
        assert describe(s, tagged, "vi") == "Gắn thẻ 'Đối tác' cho 1.000 liên hệ"
        assert describe(s, gone, "vi") == "Xoá 2 liên hệ"
        assert describe(s, owner, "vi") == 'Đặt người phụ trách là "Trần Minh Quang" cho 3 liên hệ'
        offered = last_undoable(s, lang="vi")
        assert offered is not None and offered.description.startswith("Đặt người phụ trách")


def test_undo_of_a_meeting_edit_with_attendees_in_any_order(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        people = [records.create(s, "contact", {"full_name": n}) for n in ("Lý Thu", "Mai Anh", "Cao Sơn")]
        mid = records.create(
            s, "meeting", {"title": "Họp", "starts_at": dt.datetime(2026, 2, 3, 9), "attendees": people[:1]}
        )
    with read_session(engine) as s:
        before = record_state(s, "meeting", [mid])
    group = records.new_group_id()
    with unit_of_work(engine) as s:  # saved in the order they were picked, not by id
        attendees = [
            {"contact_id": people[2], "role": "chair"},
            {"contact_id": people[0], "role": "participant"},
        ]
        records.update(s, "meeting", mid, {"attendees": attendees}, expected_version=None, group_id=group)
    with unit_of_work(engine) as s:
        undo_group(s, group)
    with read_session(engine) as s:
        assert record_state(s, "meeting", [mid]) == before
