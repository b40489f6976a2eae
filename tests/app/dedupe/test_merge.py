"""Merging two contacts / organisations, and undoing the merge exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import records
from app.errors import ConflictError
from app.merge import merge, merge_preview, undo_merge
from app.undo import UndoConflict, describe, last_undoable, undo_group
from db import clock
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.dedupe.conftest import link_state, meeting, record_state


@pytest.fixture
def two_hungs(engine: Engine) -> dict[str, int]:
    """The same man entered twice, each with meetings, actions, tags, emails and phones."""
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        staff = records.create(s, "staff", {"name": "Trần Minh Quang"})
        old = records.create(
            s,
            "contact",
            {"full_name": "Nguyen Van Hung", "emails": ["hung@gmail.com"], "phones": ["0912345678"],
             "tags": ["AI", "Hà Nội"], "notes": "Met at Techfest 2024", "position": "Engineer"},
        )  # fmt: skip
        new = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn Hùng", "honorific": "TS.", "organisation_id": nic,
             "emails": ["hung@nic.gov.vn"], "phones": ["+84 24 3555 1234"], "tags": ["VIP", "ai"],
             "position": "Giám đốc", "owner_id": staff, "notes": "Phụ trách hợp tác quốc tế"},
        )  # fmt: skip
        bystander = records.create(s, "contact", {"full_name": "Lê Thị Mai"})
        m1 = meeting(s, "Gặp lần đầu", [old, bystander])
        m2 = meeting(s, "Làm việc về AI", [new], [nic])
        m3 = meeting(s, "Hội thảo", [old, new, bystander])  # both attended: one row survives
        s.execute(
            m.MeetingAttendee.__table__.update()  # type: ignore[attr-defined]
            .where(m.MeetingAttendee.__table__.c.contact_id == old)  # type: ignore[attr-defined]
            .where(m.MeetingAttendee.__table__.c.meeting_id == m3)  # type: ignore[attr-defined]
            .values(role="presenter")
        )
        a1 = records.create(s, "action", {"title": "Gửi thư giới thiệu", "responsible_contact_id": old})
        a2 = records.create(
            s, "action", {"title": "Send the MoU draft", "responsible_contact_id": new, "meeting_id": m2}
        )
        a3 = records.create(
            s, "action", {"title": "Call back", "responsible_contact_id": old, "status": "done"}
        )
        records.delete(s, "action", a3)  # a deleted action moves and comes back too
    return {"old": old, "new": new, "nic": nic, "m1": m1, "m2": m2, "m3": m3, "a1": a1, "a2": a2, "a3": a3,
            "bystander": bystander}  # fmt: skip


def test_merge_keeps_every_meeting_and_action_and_undo_restores_both(
    engine: Engine, two_hungs: dict[str, int]
) -> None:
    ids = two_hungs
    with read_session(engine) as s:
        before_records = record_state(s, "contact", [ids["new"], ids["old"], ids["bystander"]])
        before_links = link_state(s)
        preview = merge_preview(s, "contact", ids["new"], ids["old"])
    defaults = {f["field"]: f["default"] for f in preview["fields"]}
    assert defaults["organisation_id"] == "survivor"  # the other has none
    assert defaults["notes"] == "both"

    with unit_of_work(engine) as s:
        result = merge(s, "contact", ids["new"], ids["old"], choices={"position": "other"}, actor="Quang")
    assert result.moved == {"actions": 2, "attendance": 1, "attendance_dropped": 1}

    with read_session(engine) as s:
        survivor = records.snapshot(s, "contact", ids["new"])
        attended = set(
            s.execute(
                select(m.MeetingAttendee.meeting_id).where(m.MeetingAttendee.contact_id == ids["new"])
            ).scalars()
        )  # type: ignore[arg-type,call-overload]
        responsible = set(
            s.execute(select(m.Action.id).where(m.Action.responsible_contact_id == ids["new"])).scalars()
        )  # type: ignore[arg-type,call-overload]
        other_row = s.get(m.Contact, ids["old"])
        other_deleted = other_row is not None and other_row.deleted_at is not None
        history = records.history(s, "contact", ids["new"])
        other_history = records.history(s, "contact", ids["old"])
        roles = dict(
            s.execute(
                select(m.MeetingAttendee.meeting_id, m.MeetingAttendee.role).where(
                    m.MeetingAttendee.contact_id == ids["new"]
                )
            ).all()
        )  # type: ignore[arg-type,call-overload]
        offered = last_undoable(s)
    assert attended == {ids["m1"], ids["m2"], ids["m3"]}
    assert responsible == {ids["a1"], ids["a2"], ids["a3"]}
    assert roles[ids["m3"]] == "participant"  # the survivor's own role where both attended
    assert other_deleted
    assert survivor["full_name"] == "Nguyễn Văn Hùng"  # newer non-empty value
    assert survivor["position"] == "Engineer"  # chosen
    assert survivor["organisation_id"] == ids["nic"]
    assert survivor["emails"] == ["hung@nic.gov.vn", "hung@gmail.com"]
    assert survivor["phones"] == ["+842435551234", "+84912345678"]
    assert sorted(survivor["tags"]) == ["AI", "Hà Nội", "VIP"]
    assert survivor["notes"] == "Phụ trách hợp tác quốc tế\n\nMet at Techfest 2024"
    assert {h["op"] for h in history} >= {"merge"} and all(
        h["group_id"] for h in history if h["op"] == "merge"
    )
    assert any(h["op"] == "merge" and h["new"].get("into") == ids["new"] for h in other_history)
    assert any(h["op"] == "create" for h in other_history)  # its own history stays
    assert offered is not None and offered.group_id == result.group_id
    assert offered.description == 'Merged contact "Nguyen Van Hung" into "Nguyễn Văn Hùng"'

    with unit_of_work(engine) as s:
        undone = undo_group(s, result.group_id, actor="Quang")
    assert undone.undone == result.group_id
    with read_session(engine) as s:
        assert record_state(s, "contact", [ids["new"], ids["old"], ids["bystander"]]) == before_records
        assert link_state(s) == before_links
        assert last_undoable(s) is None or last_undoable(s).group_id != result.group_id  # type: ignore[union-attr]
    with unit_of_work(engine) as s, pytest.raises(Exception, match="already been undone"):
        undo_merge(s, result.group_id, "Quang")


def test_undo_refuses_after_the_survivor_was_edited(engine: Engine, two_hungs: dict[str, int]) -> None:
    with unit_of_work(engine) as s:
        group = merge(s, "contact", two_hungs["new"], two_hungs["old"], actor="Quang").group_id
    with unit_of_work(engine) as s:
        records.update(s, "contact", two_hungs["new"], {"tags": ["VIP"]}, expected_version=None)
    with unit_of_work(engine) as s, pytest.raises(UndoConflict, match="edited after the merge"):
        undo_group(s, group, "Quang")
    with read_session(engine) as s:  # nothing was written
        assert s.get(m.Contact, two_hungs["old"]).deleted_at is not None  # type: ignore[union-attr]


def test_merging_organisations_moves_contacts_actions_meetings_children_and_undoes(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST",
                                                  "sectors": ["AI"], "influence": 5})  # fmt: skip
        # The same ministry imported again under its English name.
        twin = records.create(s, "organisation", {"name": "Ministry of Science and Technology",
                                                  "sectors": ["Quantum"], "tags": ["Gov"], "interest": 4})  # fmt: skip
        dept = records.create(s, "organisation", {"name": "Vụ Công nghệ cao", "parent_id": twin})
        c1 = records.create(s, "contact", {"full_name": "Phạm Đức Long", "organisation_id": twin})
        c2 = records.create(s, "contact", {"full_name": "Vũ Thu Hà", "organisation_id": most})
        both = meeting(s, "Họp liên ngành", [c1, c2], [most, twin])
        only_twin = meeting(s, "Working session", [c1], [twin])
        act = records.create(s, "action", {"title": "Báo cáo", "organisation_id": twin})
    with read_session(engine) as s:
        before = record_state(s, "organisation", [most, twin, dept])
        before_contacts = record_state(s, "contact", [c1, c2])
        before_links = link_state(s)
    with unit_of_work(engine) as s:
        result = merge(s, "organisation", most, twin, choices={"name": "survivor"}, actor="Quang")
    with read_session(engine) as s:
        merged = records.snapshot(s, "organisation", most)
        assert s.get(m.Organisation, dept).parent_id == most  # type: ignore[union-attr]
        assert s.get(m.Contact, c1).organisation_id == most  # type: ignore[union-attr]
        assert s.get(m.Action, act).organisation_id == most  # type: ignore[union-attr]
        orgs_of = lambda mid: set(  # noqa: E731
            s.execute(
                select(m.MeetingOrganisation.organisation_id).where(m.MeetingOrganisation.meeting_id == mid)
            ).scalars()  # type: ignore[arg-type,call-overload]
        )
        assert orgs_of(both) == {most} and orgs_of(only_twin) == {most}
    assert (
        merged["name"] == "Bộ Khoa học và Công nghệ" and merged["influence"] == 5 and merged["interest"] == 4
    )
    assert "Ministry of Science and Technology" in merged["aliases"]
    assert set(merged["sectors"]) == {"AI", "Quantum"} and merged["tags"] == ["Gov"]
    assert result.moved["contacts"] == 1 and result.moved["children"] == 1
    with unit_of_work(engine) as s:
        undo_group(s, result.group_id, actor="Quang")
    with read_session(engine) as s:
        assert record_state(s, "organisation", [most, twin, dept]) == before
        assert record_state(s, "contact", [c1, c2]) == before_contacts
        assert link_state(s) == before_links


def test_merge_refuses_nonsense(engine: Engine, two_hungs: dict[str, int]) -> None:
    with read_session(engine) as s:
        preview = merge_preview(s, "contact", two_hungs["new"], two_hungs["old"])
    versions = (preview["survivor"]["version"], preview["other"]["version"])
    with unit_of_work(engine) as s:  # someone edits the other while the dialog is open
        records.update(s, "contact", two_hungs["old"], {"position": "CTO"}, expected_version=None)
    with unit_of_work(engine) as s, pytest.raises(ConflictError, match="Nguyen Van Hung"):
        merge(s, "contact", two_hungs["new"], two_hungs["old"], expected_versions=versions)
    with unit_of_work(engine) as s, pytest.raises(Exception, match="itself"):
        merge(s, "contact", two_hungs["new"], two_hungs["new"])
    with unit_of_work(engine) as s, pytest.raises(ValueError, match="survivor"):
        merge(s, "contact", two_hungs["new"], two_hungs["old"], choices={"position": "newest"})
    with unit_of_work(engine) as s, pytest.raises(ValueError):
        merge(s, "meeting", two_hungs["m1"], two_hungs["m2"])


def test_newer_non_empty_value_wins_by_default(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Đỗ Minh Tú", "position": "Researcher"})
        b = records.create(s, "contact", {"full_name": "Do Minh Tu", "position": "", "source": "import"})
    with unit_of_work(engine) as s:  # a is edited later: its values are the newer ones
        s.execute(
            m.Contact.__table__.update()
            .where(m.Contact.__table__.c.id == a)
            .values(updated_at=clock.utcnow() + dt.timedelta(hours=1))
        )  # type: ignore[attr-defined]
    with unit_of_work(engine) as s:
        merge(s, "contact", b, a)
    with read_session(engine) as s:
        got = records.snapshot(s, "contact", b)
    assert got["full_name"] == "Đỗ Minh Tú" and got["given_name"] == "Tú"
    assert got["position"] == "Researcher" and got["source"] == "import"


def test_a_department_merged_with_its_ministry_does_not_become_its_own_parent(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        ministry = records.create(s, "organisation", {"name": "Bộ Công Thương", "acronym": "MOIT"})
        dept = records.create(s, "organisation", {"name": "Bộ Công Thương (MOIT)", "parent_id": ministry})
        sub = records.create(s, "organisation", {"name": "Phòng Năng lượng", "parent_id": ministry})
    with read_session(engine) as s:
        before = record_state(s, "organisation", [ministry, dept, sub])
    with unit_of_work(engine) as s:  # the department (wrongly entered) survives
        group = merge(s, "organisation", dept, ministry, choices={"name": "other"}).group_id
    with read_session(engine) as s:
        survivor = records.snapshot(s, "organisation", dept)
        assert survivor["parent_id"] is None and survivor["name"] == "Bộ Công Thương"
        assert survivor["acronym"] == "MOIT" and survivor["aliases"] == ["Bộ Công Thương (MOIT)"]
        assert records.snapshot(s, "organisation", sub)["parent_id"] == dept
    with unit_of_work(engine) as s:
        undo_group(s, group)
    with read_session(engine) as s:
        assert record_state(s, "organisation", [ministry, dept, sub]) == before


def test_bulk_tags_on_organisations(engine: Engine) -> None:
    from app import bulk_edit

    with unit_of_work(engine) as s:
        ids = [
            records.create(s, "organisation", {"name": f"Startup {i}", "tags": ["Seed"]}) for i in range(3)
        ]
        group = bulk_edit.remove_tags(s, "organisation", ids, ["seed"])
        assert describe(s, group) == "Removed tag 'Seed' from 3 organisations"
    with unit_of_work(engine) as s:
        undo_group(s, group)
    with read_session(engine) as s:
        assert all(records.snapshot(s, "organisation", i)["tags"] == ["Seed"] for i in ids)


def test_default_keeps_the_value_that_says_more_and_the_undo_names_both_as_after(engine: Engine) -> None:
    """Reviewer: the newer record's unaccented name replaced the kept record's accented one by
    default, and the undo then read 'Merged contact "Nguyen…" into "Nguyen…"'."""
    with unit_of_work(engine) as s:
        kept = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "position": "Giam doc", "country": "VN",
             "source": "Hội thảo AI"},
        )  # fmt: skip
        typed = records.create(
            s,
            "contact",
            {"full_name": "Nguyen Thi Hong Nhung", "position": "Giám đốc", "country": "VN",
             "source": "Hội thảo AI 2026 tại Hà Nội", "honorific": "TS."},
        )  # fmt: skip
        other_name = records.create(s, "contact", {"full_name": "Hồng Nhung", "source": "Excel"})
    with read_session(engine) as s:
        preview = merge_preview(s, "contact", kept, typed)
        swapped = merge_preview(s, "contact", typed, kept)
        differing = merge_preview(s, "contact", kept, other_name)
    defaults = {f["field"]: f["default"] for f in preview["fields"]}
    assert defaults["full_name"] == "survivor"  # the diacritics, though the other is newer
    assert defaults["position"] == "other"  # "Giám đốc" over "Giam doc"
    assert defaults["source"] == "other"  # the longer one holding the shorter's words
    assert defaults["honorific"] == "other"  # non-empty over empty
    assert defaults["country"] == "survivor"  # the same
    assert {f["field"]: f["default"] for f in swapped["fields"]}["full_name"] == "other"
    # a name that differs otherwise stays the kept record's, even when the other is newer
    # (a longer name is not taken either: "Genetica Co" for "Genetica", test_undo_history);
    # another field that differs takes the newer value, as before
    differ = {f["field"]: f["default"] for f in differing["fields"]}
    assert differ["full_name"] == "survivor" and differ["source"] == "other"

    with unit_of_work(engine) as s:
        result = merge(s, "contact", typed, kept, actor="Quang")  # the unaccented one kept
    with read_session(engine) as s:
        survivor = records.snapshot(s, "contact", typed)
        offered = last_undoable(s)
    assert survivor["full_name"] == "Nguyễn Thị Hồng Nhung" and survivor["given_name"] == "Nhung"
    assert survivor["position"] == "Giám đốc"
    assert offered is not None and offered.group_id == result.group_id
    # named as the merge left them (reviewer h129): one name now, the ids tell them apart
    assert offered.description == (
        f'Merged contact "Nguyễn Thị Hồng Nhung" (#{kept}) into "Nguyễn Thị Hồng Nhung" (#{typed})'
    )


def test_a_country_written_wins_over_viet_nam_left_by_default(engine: Engine) -> None:
    """Reviewer h98: "Tanaka Hiroshi", imported from a sheet with no country column (Viet Nam,
    as every record without one), merged into Hiroshi Tanaka (Japan): the merge chose Viet Nam,
    the newer record's, and the history said "Country: Japan → Viet Nam"."""
    with unit_of_work(engine) as s:
        kept = records.create(s, "contact", {"full_name": "Hiroshi Tanaka", "country": "JP"})
    with clock.frozen(dt.datetime(2030, 1, 1, 9, 0)), unit_of_work(engine) as s:
        imported = records.create(
            s, "contact", {"full_name": "Tanaka Hiroshi", "position": "Head of Partnerships"}
        )
    with read_session(engine) as s:
        for survivor, other in ((kept, imported), (imported, kept)):
            fields = {f["field"]: f for f in merge_preview(s, "contact", survivor, other)["fields"]}
            chosen = fields["country"][fields["country"]["default"]]
            assert chosen == "JP", (survivor, fields["country"])
    with unit_of_work(engine) as s:
        merge(s, "contact", kept, imported, actor="t")
    with read_session(engine) as s:
        assert records.get(s, "contact", kept)["country"] == "JP"
    # two countries written (neither the default): the newer, as for any other field
    with unit_of_work(engine) as s:
        a = records.create(s, "organisation", {"name": "Qualcomm", "country": "US"})
    with clock.frozen(dt.datetime(2030, 1, 2, 9, 0)), unit_of_work(engine) as s:
        b = records.create(s, "organisation", {"name": "Qualcomm Inc.", "country": "JP"})
    with read_session(engine) as s:
        fields = {f["field"]: f for f in merge_preview(s, "organisation", a, b)["fields"]}
        assert fields["country"]["default"] == "other"
