"""Issue 16 item 4 from the command line: ``ketnoi log-meeting --follow-up "…;org=NAME;who=NAME"``
names the organisation a follow-up is about and any person responsible (not only an
attendee); the attendees' organisations are linked to the meeting; ``ketnoi action add
--organisation X --contact Y`` does the same for one action."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_records import Ketnoi


@pytest.fixture
def ketnoi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Ketnoi:
    return Ketnoi(tmp_path / "k.db", capsys)


def test_a_follow_up_names_another_organisation_and_person(ketnoi: Ketnoi) -> None:
    most = ketnoi("org", "add", "--name", "Bộ Khoa học và Công nghệ", "--acronym", "MOST")["id"]
    gen = ketnoi("org", "add", "--name", "Genetica")["id"]
    nic = ketnoi("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")["id"]
    thu = ketnoi("contact", "add", "--name", "Đỗ Minh Thư", "--organisation", "MOST")["id"]
    hung = ketnoi("contact", "add", "--name", "Phạm Quốc Hùng", "--organisation", "Genetica")["id"]
    ketnoi("contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--organisation", "NIC")
    logged = ketnoi(
        "log-meeting",
        "--title", "Làm việc với Bộ KH&CN",
        "--at", "2026-11-23 09:00",
        "--organisation", "MOST",
        "--attendee", "Do Minh Thu",
        "--attendee", "nguyen thi hong nhung",  # from NIC: NIC is linked too
        "--follow-up", "Issue introduction letter to Genetica;due=+1w;org=Genetica;who=Pham Quoc Hung",
        "--follow-up", "Send the minutes;org=NIC",
        "--follow-up", "Thank-you note",
    )  # fmt: skip
    assert logged["meeting"]["organisation_ids"] == [most, nic]
    letter, minutes, thanks = logged["actions"]
    assert letter["organisation_id"] == gen and letter["responsible_contact_id"] == hung
    assert minutes["organisation_id"] == nic  # one of the meeting's
    assert thanks["organisation_id"] == most  # by default the meeting's first
    listed = ketnoi("action", "list", "--organisation", "Genetica")["items"]
    assert [a["title"] for a in listed] == ["Issue introduction letter to Genetica"]
    assert thu  # an attendee from MOST

    added = ketnoi(
        "action", "add", "--title", "Call Hùng back", "--meeting", str(logged["meeting_id"]),
        "--organisation", "Genetica", "--contact", "Hung",
    )["record"]  # fmt: skip
    assert added["organisation_id"] == gen and added["responsible_contact_id"] == hung


def test_an_unknown_counterpart_is_a_one_line_error(ketnoi: Ketnoi) -> None:
    ketnoi("org", "add", "--name", "Genetica")
    _doc, err = ketnoi.fails(
        "log-meeting", "--title", "Họp", "--at", "2026-11-23 09:00",
        "--follow-up", "Letter;org=Nowhere Ltd",
    )  # fmt: skip
    assert "org=Nowhere Ltd" in err
    _doc, err = ketnoi.fails(
        "log-meeting", "--title", "Họp", "--at", "2026-11-23 09:00", "--follow-up", "Letter;who=Nobody Atall"
    )
    assert "who=Nobody Atall" in err
