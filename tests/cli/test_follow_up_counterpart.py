"""``ketnoi log-meeting --follow-up "WHAT"`` without ``org=``: the follow-up is about the meeting's
first organisation that is not our own office, none when every one is ours — never our own office
unless named (reviewer h129: a follow-up of a meeting with MOST, NIC listed first, was filed
under NIC: ``action list`` showed it under NIC and ``brief org MOST`` lacked it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_records import Ketnoi


@pytest.fixture
def ketnoi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Ketnoi:
    k = Ketnoi(tmp_path / "k.db", capsys)
    # our own office (the office profile's name and acronym) and a ministry
    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    k("org", "add", "--name", "Bộ Khoa học và Công nghệ", "--acronym", "MOST")
    return k


def _about(ketnoi: Ketnoi, logged: dict) -> list[str | None]:
    names = {o["id"]: o["name"] for o in ketnoi("org", "list")["items"]}
    return [names.get(a["organisation_id"]) for a in logged["actions"]]


def test_a_follow_up_is_about_the_counterpart_not_our_own_office(ketnoi: Ketnoi) -> None:
    logged = ketnoi(
        "log-meeting", "--title", "Làm việc với đoàn Bộ KH&CN về sandbox", "--at", "2026-12-05 09:00",
        "--organisation", "NIC", "--organisation", "MOST",
        "--follow-up", "Chuẩn bị tài liệu họp lần 2;due=+1w",
        "--follow-up", "Gửi biên bản cho NIC;org=NIC",  # named: ours, as asked
    )  # fmt: skip
    assert _about(ketnoi, logged) == ["Bộ Khoa học và Công nghệ", "Trung tâm Đổi mới sáng tạo Quốc gia"]


def test_a_follow_up_of_a_meeting_of_our_own_office_alone_is_about_none(ketnoi: Ketnoi) -> None:
    logged = ketnoi(
        "log-meeting", "--title", "Họp nội bộ", "--at", "2026-12-05 09:00",
        "--organisation", "NIC", "--follow-up", "Tổng hợp ý kiến",
    )  # fmt: skip
    assert _about(ketnoi, logged) == [None]
