"""The detail pages' data (app.story), without Qt: commitments, people, timeline, role history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.errors import NotFoundError
from app.story import (
    ActionStory,
    ContactStory,
    MeetingStory,
    OrganisationStory,
    story,
)
from db.engine import read_session, unit_of_work
from tests.app.lists.seed import TODAY, seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


def test_organisation_story_splits_open_commitments_and_flags_the_overdue(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with read_session(engine) as s:
        st = story(s, "organisation", ids["nic"], today=TODAY)
    assert isinstance(st, OrganisationStory)
    assert [c.title for c in st.commitments.we_owe] == ["Send the MoU draft", "Quarterly review"]
    today_one, later = st.commitments.we_owe
    assert (today_one.due_today, today_one.overdue, today_one.responsible) == (True, False, "Trần Minh Anh")
    assert (later.due_today, later.overdue) == (False, False)
    assert [(c.title, c.responsible) for c in st.commitments.they_owe] == [
        ("Receive pilot budget", "Nguyễn Thị Hồng Nhung")
    ]
    assert "Old finished task" not in {c.title for c in st.commitments.we_owe + st.commitments.they_owe}
    assert st.parent is not None and st.parent["acronym"] == "MOST"
    assert st.owner == "Trần Minh Anh"
    assert {p["full_name"] for p in st.people} == {"Nguyễn Thị Hồng Nhung", "Đặng Văn An"}

    with read_session(engine) as s:
        genetica = story(s, "organisation", ids["genetica"], today=TODAY)
    assert isinstance(genetica, OrganisationStory)
    (late,) = genetica.commitments.we_owe
    assert (late.title, late.overdue, late.due_date) == (
        "Gửi thư giới thiệu tới Genetica",
        True,
        TODAY - dt.timedelta(days=3),
    )
    # the same action on a later day is no longer "due today" and is overdue
    with read_session(engine) as s:
        tomorrow = story(s, "organisation", ids["nic"], today=TODAY + dt.timedelta(days=1))
    assert isinstance(tomorrow, OrganisationStory)
    assert tomorrow.commitments.we_owe[0].overdue and not tomorrow.commitments.we_owe[0].due_today


def test_organisation_timeline_is_newest_first_with_meetings_and_dated_actions(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with read_session(engine) as s:
        st = story(s, "organisation", ids["nic"], today=TODAY)
    assert isinstance(st, OrganisationStory)
    days = [e.at for e in st.timeline]
    assert days == sorted(days, reverse=True)
    kinds = {(e.kind, e.title) for e in st.timeline}
    assert ("meeting", "Họp làm việc về chương trình AI") in kinds
    meeting = next(e for e in st.timeline if e.kind == "meeting")
    assert meeting.note == "Pilot programme in Q1"
    done = next(e for e in st.timeline if e.title == "Old finished task")
    assert done.done and done.kind == "action"
    assert st.timeline[0].title == "Quarterly review"  # due in 40 days: the newest point


def test_departments_and_people_of_departments_show_on_the_ministry(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with read_session(engine) as s:
        st = story(s, "organisation", ids["ministry"], today=TODAY)
        nic = story(s, "organisation", ids["nic"], today=TODAY)
    assert isinstance(st, OrganisationStory) and isinstance(nic, OrganisationStory)
    assert [d["acronym"] for d in st.departments] == ["NIC"]
    assert {p["unit"] for p in st.people} == {"NIC"}
    # its department's open commitments are the ministry's too (dashboard.involving_organisation)
    assert st.commitments == nic.commitments and not st.commitments.empty


def test_contact_story_has_role_history_by_name_and_former_people_show_at_the_old_place(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with unit_of_work(engine) as s:
        version = records.get(s, "contact", ids["dang"])["version"]
        records.update(
            s,
            "contact",
            ids["dang"],
            {"position": "CEO", "organisation_id": ids["genetica"]},
            expected_version=version,
        )
    with read_session(engine) as s:
        st = story(s, "contact", ids["dang"], today=TODAY)
        nic = story(s, "organisation", ids["nic"], today=TODAY)
    assert isinstance(st, ContactStory)
    changes = {h["field"]: (h["old"], h["new"]) for h in st.role_history}
    assert changes == {
        "position": ("Phó Giám đốc", "CEO"),
        "organisation_id": ("Trung tâm Đổi mới sáng tạo Quốc gia", "Genetica"),
    }
    assert isinstance(nic, OrganisationStory)
    assert [f["full_name"] for f in nic.former] == ["Đặng Văn An"]
    assert "Đặng Văn An" not in {p["full_name"] for p in nic.people}


def test_an_undone_position_is_no_part_of_the_role_history_and_a_redone_one_is(
    engine: Engine, ids: dict[str, Any]
) -> None:
    """Reviewer: a position typed by mistake ("0916 777 999") and undone, then another edit
    undone, stayed in the contact's role history and as "formerly …" under the organisation's
    people — four entries for a contact whose position never changed. A redone edit stands."""
    from app.undo import undo_group, undo_id

    def edit(position: str) -> str:
        group = records.new_group_id()
        with unit_of_work(engine) as s:
            version = records.get(s, "contact", ids["dang"])["version"]
            records.update(
                s, "contact", ids["dang"], {"position": position}, expected_version=version, group_id=group
            )
        return group

    def undo(group: str) -> None:
        with unit_of_work(engine) as s:
            undo_group(s, group)

    def seen() -> tuple[list[tuple[Any, Any]], list[tuple[Any, Any]]]:
        with read_session(engine) as s:
            st = story(s, "contact", ids["dang"], today=TODAY)
            nic = story(s, "organisation", ids["nic"], today=TODAY)
        assert isinstance(st, ContactStory) and isinstance(nic, OrganisationStory)
        person = next(p for p in nic.people if p["id"] == ids["dang"])
        return [(h["old"], h["new"]) for h in st.role_history], [
            (h["old"], h["new"]) for h in person["history"]
        ]

    undo(edit("0916 777 999"))
    undo(edit("Giám đốc"))
    assert seen() == ([], [])
    redone = edit("CEO")
    undo(redone)
    undo(undo_id(redone))  # the undo undone: a redo
    assert seen() == ([("Phó Giám đốc", "CEO")], [("Phó Giám đốc", "CEO")])


def test_contact_story_lists_what_they_owe_and_their_meetings(engine: Engine, ids: dict[str, Any]) -> None:
    with read_session(engine) as s:
        st = story(s, "contact", ids["nhung"], today=TODAY)
    assert isinstance(st, ContactStory)
    assert [c.title for c in st.commitments.they_owe] == ["Receive pilot budget"]
    assert st.commitments.we_owe == []
    assert [e.title for e in st.timeline if e.kind == "meeting"] == ["Họp làm việc về chương trình AI"]


def test_meeting_and_action_stories(engine: Engine, ids: dict[str, Any]) -> None:
    with unit_of_work(engine) as s:
        follow_up = records.create(
            s,
            "action",
            {
                "title": "Share the pilot plan",
                "direction": "we_owe",
                "due_date": TODAY - dt.timedelta(days=1),
                "meeting_id": ids["past_meeting"],
                "organisation_id": ids["nic"],
                "responsible_contact_id": ids["dang"],
            },
        )
    with read_session(engine) as s:
        meeting = story(s, "meeting", ids["past_meeting"], today=TODAY)
        action = story(s, "action", follow_up, today=TODAY)
    assert isinstance(meeting, MeetingStory)
    assert meeting.organisations == [{"id": ids["nic"], "name": "Trung tâm Đổi mới sáng tạo Quốc gia"}]
    assert [(c.title, c.overdue) for c in meeting.commitments.we_owe] == [("Share the pilot plan", True)]
    assert isinstance(action, ActionStory)
    assert action.overdue
    assert (action.responsible, action.organisation, action.meeting) == (
        "Đặng Văn An",
        "Trung tâm Đổi mới sáng tạo Quốc gia",
        "Họp làm việc về chương trình AI",
    )
    assert [h["op"] for h in action.history] == ["create"]


def test_a_deleted_record_has_no_story(engine: Engine, ids: dict[str, Any]) -> None:
    with unit_of_work(engine) as s:
        records.delete(s, "contact", ids["smith"])
    with read_session(engine) as s, pytest.raises(NotFoundError):
        story(s, "contact", ids["smith"], today=TODAY)
    with read_session(engine) as s, pytest.raises(ValueError, match="no story"):
        story(s, "staff", ids["me"], today=TODAY)
