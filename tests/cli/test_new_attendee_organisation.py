"""``ketnoi log-meeting --new-attendee "NAME[:ROLE][;org=ORG]"``: a new person joins the
organisation named, or none (``org=-``); without it, the meeting's one new organisation, else
its one organisation besides our own office, else none — never our own office unless named
(reviewer: "Trịnh Minh Tâm", typed with a new organisation "An Phát" in a meeting with NIC,
silently joined NIC, the first organisation listed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_records import Ketnoi

AN_PHAT = "Công ty Công nghệ sinh học An Phát"


@pytest.fixture
def ketnoi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Ketnoi:
    return Ketnoi(tmp_path / "k.db", capsys)


def _organisation_of(ketnoi: Ketnoi, logged: dict[str, Any], name: str) -> str | None:
    [person] = [a for a in logged["meeting"]["attendees"] if a["full_name"] == name]
    record = ketnoi("contact", "show", str(person["contact_id"]))["record"]
    return record.get("organisation_name") if record.get("organisation_id") else None


def test_a_new_attendee_joins_the_organisation_named_or_the_default(ketnoi: Ketnoi) -> None:
    # our own office (the office profile's name and acronym) and a ministry
    ketnoi("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    ketnoi("org", "add", "--name", "Bộ Khoa học và Công nghệ", "--acronym", "MOST")
    ketnoi("contact", "add", "--name", "Đặng Văn Khoa", "--organisation", "NIC")
    logged = ketnoi(
        "log-meeting", "--title", "Họp về sandbox", "--at", "2026-12-05 09:00",
        "--organisation", "NIC", "--attendee", "Dang Van Khoa",
        "--new-attendee", "Trịnh Minh Tâm",  # typed with a new organisation: that one
        "--new-organisation", AN_PHAT,
        "--new-attendee", "Lê Văn Hải:chair;org=MOST",  # named: any organisation, linked too
        "--new-attendee", "Ngô Thị Ba;org=-",  # none
    )  # fmt: skip
    assert _organisation_of(ketnoi, logged, "Trịnh Minh Tâm") == AN_PHAT
    assert _organisation_of(ketnoi, logged, "Lê Văn Hải") == "Bộ Khoa học và Công nghệ"
    assert _organisation_of(ketnoi, logged, "Ngô Thị Ba") is None
    roles = {a["full_name"]: a["role"] for a in logged["meeting"]["attendees"]}
    assert roles["Lê Văn Hải"] == "chair"
    names = {o["name"]: o["id"] for o in ketnoi("org", "list")["items"]}
    assert sorted(logged["meeting"]["organisation_ids"]) == sorted(names.values())  # MOST linked

    # only our own office in the meeting: the new person has no organisation, not ours
    alone = ketnoi(
        "log-meeting", "--title", "Họp nội bộ", "--at", "2026-12-06 09:00",
        "--organisation", "NIC", "--new-attendee", "Phạm Văn Tư",
    )  # fmt: skip
    assert _organisation_of(ketnoi, alone, "Phạm Văn Tư") is None
    # ours and one other: the other
    with_most = ketnoi(
        "log-meeting", "--title", "Họp với Bộ", "--at", "2026-12-07 09:00",
        "--organisation", "NIC", "--organisation", "MOST", "--new-attendee", "Vũ Thị Năm",
    )  # fmt: skip
    assert _organisation_of(ketnoi, with_most, "Vũ Thị Năm") == "Bộ Khoa học và Công nghệ"


def test_an_unknown_organisation_of_a_new_attendee_is_a_one_line_error(ketnoi: Ketnoi) -> None:
    _doc, err = ketnoi.fails(
        "log-meeting", "--title", "Họp", "--at", "2026-12-05 09:00",
        "--new-attendee", "Trịnh Minh Tâm;org=Nowhere Ltd",
    )  # fmt: skip
    assert "Trịnh Minh Tâm" in err and "org=Nowhere Ltd" in err
    assert ketnoi("contact", "list")["total"] == 0 and ketnoi("meeting", "list")["total"] == 0
