"""Issue 16 item 4: a follow-up names its counterpart. "Issue introduction letter to Genetica"
logged in a meeting with MOST is about Genetica: on Genetica's page (commitments, timeline),
in its brief and on the dashboard; not on MOST's. The attendees' organisations are linked to
the meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import dashboard, records, story
from app.briefing.gather import gather_contact, gather_organisation
from app.meetings import Chosen, FollowUp, MeetingDraft, save_meeting
from db.engine import read_session, unit_of_work

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def net(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        gen = records.create(s, "organisation", {"name": "Genetica"})
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        return {
            "most": most,
            "gen": gen,
            "nic": nic,
            "lan": records.create(s, "staff", {"name": "Lan"}),
            "thu": records.create(s, "contact", {"full_name": "Đỗ Minh Thư", "organisation_id": most}),
            "hung": records.create(s, "contact", {"full_name": "Phạm Quốc Hùng", "organisation_id": gen}),
            "nhung": records.create(
                s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": nic}
            ),
        }


def _log(engine: Engine, draft: MeetingDraft) -> int:
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="test")


def _draft(net: dict[str, int], *followups: FollowUp, attendees: list[Chosen] | None = None) -> MeetingDraft:
    return MeetingDraft(
        {"title": "Làm việc với Bộ KH&CN", "starts_at": dt.datetime(2026, 11, 23, 9)},
        [Chosen(net["most"], "MOST")],
        attendees if attendees is not None else [Chosen(net["thu"], "Đỗ Minh Thư")],
        list(followups),
    )


def _actions(s: Any, meeting_id: int) -> dict[str, dict[str, Any]]:
    return {a["title"]: a for a in dashboard.actions_for(s, meeting_id=meeting_id)}


def test_a_follow_up_about_another_organisation_is_that_organisations(
    engine: Engine, net: dict[str, int]
) -> None:
    letter = FollowUp(
        "Issue introduction letter to Genetica",
        f"contact:id:{net['hung']}",  # not an attendee
        "Phạm Quốc Hùng",
        "we_owe",
        DAY + dt.timedelta(days=7),
        organisation=f"id:{net['gen']}",
        organisation_label="Genetica",
    )
    minutes = FollowUp("Send the minutes", f"staff:{net['lan']}", "Lan", "we_owe", DAY + dt.timedelta(days=2))
    meeting = _log(engine, _draft(net, letter, minutes))
    with read_session(engine) as s:
        acts = _actions(s, meeting)
        assert acts["Issue introduction letter to Genetica"]["organisation_id"] == net["gen"]
        assert acts["Issue introduction letter to Genetica"]["responsible_contact_id"] == net["hung"]
        assert acts["Send the minutes"]["organisation_id"] == net["most"]  # the meeting's first
        # the meeting stays MOST's: Genetica was not there
        assert records.get(s, "meeting", meeting)["organisation_ids"] == [net["most"]]
        page = story.organisation_story(s, net["gen"], today=DAY)
        assert [c.title for c in page.commitments.we_owe] == ["Issue introduction letter to Genetica"]
        assert [e.title for e in page.timeline] == ["Issue introduction letter to Genetica"]
        most_page = story.organisation_story(s, net["most"], today=DAY)
        assert [c.title for c in most_page.commitments.we_owe] == ["Send the minutes"]
        # and on the page and brief of the person named, who was not at the meeting
        person = story.contact_story(s, net["hung"], today=DAY)
        assert [c.title for c in person.commitments.we_owe] == ["Issue introduction letter to Genetica"]
        assert [a.title for a in gather_contact(s, net["hung"], today=DAY).we_owe] == [
            "Issue introduction letter to Genetica"
        ]
        brief = gather_organisation(s, net["gen"], today=DAY)
        assert [a.title for a in brief.we_owe] == ["Issue introduction letter to Genetica"]
        assert brief.we_owe[0].responsible == "Phạm Quốc Hùng"
        assert [a.title for a in gather_organisation(s, net["most"], today=DAY).we_owe] == [
            "Send the minutes"
        ]
        due = dashboard.actions_due(s, from_=DAY, to=DAY + dt.timedelta(days=7))
        assert {a["title"]: a["organisation"] for a in due} == {
            "Issue introduction letter to Genetica": "Genetica",
            "Send the minutes": "MOST",
        }


def test_a_follow_up_about_one_of_the_meetings_organisations_by_its_key(
    engine: Engine, net: dict[str, int]
) -> None:
    draft = _draft(net, FollowUp("Visit the new lab", "", "", "we_owe", None, organisation="new:BioLab"))
    draft.organisations.append(Chosen(None, "BioLab"))
    meeting = _log(engine, draft)
    with read_session(engine) as s:
        act = _actions(s, meeting)["Visit the new lab"]
        orgs = records.get(s, "meeting", meeting)["organisation_ids"]
        assert act["organisation_id"] == orgs[1] != net["most"]
        assert records.label(s, "organisation", orgs[1]) == "BioLab"


def test_the_attendees_organisations_are_linked_to_the_meeting(engine: Engine, net: dict[str, int]) -> None:
    people = [
        Chosen(net["thu"], "Đỗ Minh Thư"),
        Chosen(net["hung"], "Phạm Quốc Hùng"),
        Chosen(net["nhung"], "Nhung"),
        Chosen(None, "Người Mới"),  # joins the meeting's first organisation
    ]
    meeting = _log(engine, _draft(net, attendees=people))
    with read_session(engine) as s:
        m = records.get(s, "meeting", meeting)
        assert m["organisation_ids"] == [net["most"], net["gen"], net["nic"]]
        titles = [x["title"] for x in dashboard.meetings_for(s, organisation_id=net["gen"])]
        assert titles == ["Làm việc với Bộ KH&CN"]
    # editing it keeps them, once each
    with read_session(engine) as s:
        version = records.get(s, "meeting", meeting)["version"]
    draft = _draft(net, attendees=[Chosen(net["hung"], "Phạm Quốc Hùng")])
    draft.meeting_id, draft.version = meeting, version
    _log(engine, draft)
    with read_session(engine) as s:
        assert records.get(s, "meeting", meeting)["organisation_ids"] == [net["most"], net["gen"]]
