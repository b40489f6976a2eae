"""The window on a team database, where a record names a colleague's confidential one (reviewer
h130): the pages say "a confidential record" for it — no "#16084", no nameless "Participant" row,
no "From meeting: #13" link that opens nothing — and the edit form of a contact whose organisation
is confidential shows those words and saves (it refused: "there is no organisation with id 20"),
keeping the organisation as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from app import records, story
from db.clock import today
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.db.test_hidden_links_team import Built, built  # noqa: F401  (module fixture)
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import opened_context, saved

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]
WORDS = "a confidential record"


@pytest.fixture
def minh(qapp: Any, ready: Team, settings: Any) -> Iterator[Any]:  # noqa: F811
    with opened_context(ready.urls["minh"], settings) as context:
        yield context


def test_pages_name_hidden_records_in_words(minh: Any, built: Built) -> None:  # noqa: F811
    from ui.details.story import action_html, contact_html, meeting_html

    with read_session(minh.engine) as s:
        pages = {
            "contact": contact_html(story.contact_story(s, built.hung, today=today()), minh.settings),
            "meeting": meeting_html(story.meeting_story(s, built.meeting, today=today()), minh.settings),
            "action": action_html(story.action_story(s, built.action, today=today()), minh.settings),
        }
    for kind, html in pages.items():
        assert WORDS in html, kind
        for hidden in (f"#{built.secret_org}", f"#{built.secret_contact}"):
            assert hidden not in html, (kind, hidden)
        assert f"ketnoi:contact/{built.secret_contact}" not in html, kind
        assert f"ketnoi:organisation/{built.secret_org}" not in html, kind
    assert "Ngô Đức Thảo" in pages["meeting"] and "MOST" in pages["meeting"]
    assert "Responsible: <span" in pages["action"]


def test_the_contact_form_shows_the_words_and_saves_keeping_the_organisation(
    qtbot: Any,
    minh: Any,
    ready: Team,  # noqa: F811
    built: Built,  # noqa: F811
) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(minh, "contact", built.hung)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.widgets["organisation_id"].text() == WORDS
    form.widgets["position"].setText("Chuyên viên chính")
    saved(qtbot, form)
    lan = open_database(ready.urls["lan"])
    try:
        with read_session(lan) as s:
            stored = records.get(s, "contact", built.hung)
    finally:
        lan.dispose()
    assert (stored["position"], stored["organisation_id"]) == ("Chuyên viên chính", built.secret_org)


def test_a_follow_up_of_a_confidential_meeting_says_so_without_a_link(
    minh: Any,
    ready: Team,  # noqa: F811
) -> None:
    from ui.details.story import action_html

    lan = open_database(ready.urls["lan"])
    try:
        with unit_of_work(lan) as s:
            meeting = records.create(
                s, "meeting", {"title": "Họp kín", "starts_at": "2026-12-11 14:00", "confidential": True}
            )
            action = records.create(s, "action", {"title": "Gửi công văn", "meeting_id": meeting})
    finally:
        lan.dispose()
    with read_session(minh.engine) as s:
        html = action_html(story.action_story(s, action, today=today()), minh.settings)
    assert f'From meeting: <span class="muted">{WORDS}</span>' in html
    assert f"ketnoi:meeting/{meeting}" not in html and f"#{meeting}" not in html
