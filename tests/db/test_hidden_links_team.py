"""Links to records an editor may not see survive their edits (reviewer h130, a team database):
an officer who edits the minutes of an ordinary meeting whose attendee and organisation are a
colleague's confidential records — in the window, whose form cannot list them, or with
``ketnoi meeting edit`` — saves the minutes and leaves both links as they were; a contact whose
organisation is confidential, an action whose responsible contact is, are edited the same way.
Nothing a colleague cannot see is lost, changed or refused by what they do."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from app import records
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


@dataclass
class Built:
    most: int
    secret_org: int
    thao: int
    secret_contact: int
    hung: int  # an ordinary contact of the confidential organisation
    meeting: int
    action: int  # an ordinary action, the confidential contact responsible


@pytest.fixture(scope="module")
def built(ready: Team) -> Iterator[Built]:  # noqa: F811
    engine = open_database(ready.urls["lan"])  # lan's records; minh, an officer, sees the ordinary ones
    try:
        with unit_of_work(engine) as s:
            most = records.create(s, "organisation", {"name": "MOST"})
            secret_org = records.create(s, "organisation", {"name": "Ban Dự án Mật", "confidential": True})
            thao = records.create(s, "contact", {"full_name": "Ngô Đức Thảo"})
            secret = records.create(s, "contact", {"full_name": "Trần Văn Kín", "confidential": True})
            hung = records.create(s, "contact", {"full_name": "Lê Văn Hưng", "organisation_id": secret_org})
            meeting = records.create(
                s,
                "meeting",
                {
                    "title": "Họp MOST về chính sách",
                    "starts_at": "2026-12-10 09:00",
                    "attendees": [{"contact_id": secret}, {"contact_id": thao}],
                    "organisation_ids": [most, secret_org],
                },
            )
            action = records.create(
                s,
                "action",
                {"title": "Gửi dự thảo", "responsible_contact_id": secret, "due_on": "2026-12-20"},
            )
        yield Built(most, secret_org, thao, secret, hung, meeting, action)
    finally:
        engine.dispose()


def _as_lan(ready: Team, kind: str, ident: int) -> dict:  # noqa: F811
    engine = open_database(ready.urls["lan"])
    try:
        with read_session(engine) as s:
            return records.snapshot(s, kind, ident)
    finally:
        engine.dispose()


def test_the_window_edit_of_a_meeting_keeps_the_attendee_it_could_not_list(ready: Team, built: Built) -> None:  # noqa: F811
    engine = open_database(ready.urls["minh"])
    try:
        with read_session(engine) as s:
            base = records.get(s, "meeting", built.meeting)
        # the form shows (and sends back) what minh sees: Thảo and MOST
        shown = [a for a in base["attendees"] if a["contact_id"] == built.thao]
        with unit_of_work(engine) as s:
            records.update_edited(
                s,
                "meeting",
                built.meeting,
                {
                    "minutes": "Thống nhất lộ trình",
                    "attendees": [{"contact_id": a["contact_id"], "role": a["role"]} for a in shown],
                    "organisation_ids": [built.most],
                },
                base=base,
                actor="Phạm Văn Minh",
            )
    finally:
        engine.dispose()
    stored = _as_lan(ready, "meeting", built.meeting)
    assert stored["minutes"] == "Thống nhất lộ trình"
    assert sorted(a["contact_id"] for a in stored["attendees"]) == sorted([built.thao, built.secret_contact])
    assert sorted(stored["organisation_ids"]) == sorted([built.most, built.secret_org])


def test_meeting_edit_on_the_command_line_saves_and_keeps_hidden_links(ready: Team, built: Built) -> None:  # noqa: F811
    code, _out, err = ready.cli("minh", "meeting", "edit", str(built.meeting), "--minutes", "Biên bản mới")
    assert code == 0, err
    stored = _as_lan(ready, "meeting", built.meeting)
    assert stored["minutes"] == "Biên bản mới"
    assert {a["contact_id"] for a in stored["attendees"]} == {built.thao, built.secret_contact}
    assert set(stored["organisation_ids"]) == {built.most, built.secret_org}


def test_a_contact_of_a_confidential_organisation_is_edited_and_keeps_it(ready: Team, built: Built) -> None:  # noqa: F811
    code, _out, err = ready.cli("minh", "contact", "edit", str(built.hung), "--position", "Chuyên viên")
    assert code == 0, err
    stored = _as_lan(ready, "contact", built.hung)
    assert (stored["position"], stored["organisation_id"]) == ("Chuyên viên", built.secret_org)


def test_an_action_of_a_confidential_contact_is_edited_and_keeps_them(ready: Team, built: Built) -> None:  # noqa: F811
    engine = open_database(ready.urls["minh"])
    try:
        with read_session(engine) as s:
            base = records.get(s, "action", built.action)
        with unit_of_work(engine) as s:  # a form that could not show the contact sends it empty
            records.update_edited(
                s,
                "action",
                built.action,
                {"notes": "Đã gọi điện", "responsible_contact_id": None},
                base=base,
                actor="Phạm Văn Minh",
            )
    finally:
        engine.dispose()
    stored = _as_lan(ready, "action", built.action)
    assert (stored["notes"], stored["responsible_contact_id"]) == ("Đã gọi điện", built.secret_contact)
    code, _out, err = ready.cli("minh", "action", "edit", str(built.action), "--notes", "Gọi lại")
    assert code == 0, err
    assert _as_lan(ready, "action", built.action)["responsible_contact_id"] == built.secret_contact


def test_show_names_a_hidden_record_in_words_without_its_id(
    ready: Team,  # noqa: F811
    built: Built,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    code, out, err = ready.cli("minh", "contact", "show", str(built.hung))
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith("Organisation"))
    assert line.split(None, 1)[1].strip() == "a confidential record"
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    code, out, err = ready.cli("minh", "meeting", "show", str(built.meeting))
    assert code == 0, err
    assert "Ngô Đức Thảo, hồ sơ mật" in out
    assert (
        "MOST, hồ sơ mật" in out
        and f"#{built.secret_org}" not in out
        and f"#{built.secret_contact}" not in out
    )
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    code, out, err = ready.cli("minh", "action", "show", str(built.action))
    assert code == 0, err
    assert "a confidential record" in out and f"#{built.secret_contact}" not in out
    code, out, _err = ready.cli("lan", "meeting", "show", str(built.meeting))
    assert "Trần Văn Kín" in out and "a confidential record" not in out  # its owner sees its name
