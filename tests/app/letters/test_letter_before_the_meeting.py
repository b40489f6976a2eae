"""A meeting's letter says only what is true (reviewer h149): a meeting later today gets the
invitation, not a thank-you "for the valuable exchange" hours before it happens; and a thank-you
to the ministry does not tell it that the meeting was held at its own premises when the location
names the ministry by its Vietnamese abbreviation ("Bộ KH&CN") or its street address. Drafted
through ``ketnoi letter draft meeting:ID`` and read back from the .docx with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app import records
from db import clock
from db.engine import unit_of_work
from tests.app.letters.conftest import Run
from tests.app.letters.test_meeting_letters import _texts

STARTS = dt.datetime(2026, 12, 8, 14, 0)


def _body(path: Path) -> str:
    """The letter's text: its paragraphs and the header table's cells ("V/v …" is there)."""
    return "\n".join(t for t in _texts(path) if t.strip())


def _most_meeting(engine: Engine, location: str, address: str = "") -> int:
    """The reviewer's meeting with the ministry, recorded as they had it: no alias, no English
    name, the location as typed."""
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        most = records.create(
            s,
            "organisation",
            {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST", "kind": "ministry", "address": address},
        )
        return records.create(
            s,
            "meeting",
            {
                "title": "Họp với Bộ KH&CN về cơ chế thử nghiệm",
                "starts_at": STARTS,
                "location": location,
                "organisation_ids": [most, nic],
            },
        )


def _draft(run: Run, tmp_path: Path, meeting: int, name: str) -> str:
    path = tmp_path / f"{name}.docx"
    run("letter", "draft", f"meeting:{meeting}", "-o", str(path))
    return _body(path)


def test_a_meeting_later_today_gets_its_invitation_and_the_thank_you_once_it_has_begun(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    meeting = _most_meeting(engine, "Bộ KH&CN, 113 Trần Duy Hưng")
    with clock.frozen(dt.datetime(2026, 12, 8, 2, 15)):  # the same day, twelve hours before
        early = _draft(run, tmp_path, meeting, "early")
    assert "V/v mời tham dự buổi làm việc ngày 08/12/2026" in early
    assert "cảm ơn" not in early and "ý kiến trao đổi quý báu" not in early
    with clock.frozen(dt.datetime(2026, 12, 8, 13, 59)):
        assert "V/v mời tham dự" in _draft(run, tmp_path, meeting, "just-before")
    with clock.frozen(dt.datetime(2026, 12, 8, 14, 0)):  # begun: thanks, a letter of its own
        begun = _draft(run, tmp_path, meeting, "begun")
    assert "V/v cảm ơn sau buổi làm việc ngày 08/12/2026" in begun
    assert "ý kiến trao đổi quý báu" in begun


def test_a_thank_you_to_the_ministry_does_not_say_it_was_held_at_the_ministry(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    by_abbreviation = _most_meeting(engine, "Bộ KH&CN, 113 Trần Duy Hưng")
    with clock.frozen(dt.datetime(2026, 12, 8, 17, 0)):
        body = _draft(run, tmp_path, by_abbreviation, "abbr")
    assert "Kính gửi: Bộ Khoa học và Công nghệ" in body
    assert "tham dự buổi làm việc ngày 08/12/2026 về cơ chế thử nghiệm và" in body
    assert "Trần Duy Hưng" not in body and "tại Bộ" not in body


def test_nor_when_the_location_is_its_street_address_on_record(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    meeting = _most_meeting(
        engine, "113 Trần Duy Hưng, Hà Nội", address="113 Trần Duy Hưng, Cầu Giấy, Hà Nội"
    )
    with clock.frozen(dt.datetime(2026, 12, 9, 9, 0)):
        body = _draft(run, tmp_path, meeting, "street")
    assert "tham dự buổi làm việc ngày 08/12/2026 về cơ chế thử nghiệm và" in body
    assert "Trần Duy Hưng" not in body


def test_another_place_is_still_said(engine: Engine, run: Run, tmp_path: Path) -> None:
    """Elsewhere (here, another ministry's building, and a place in the same city) is said."""
    meeting = _most_meeting(engine, "Bộ KH&ĐT, 6B Hoàng Diệu, Hà Nội", address="113 Trần Duy Hưng, Hà Nội")
    with clock.frozen(dt.datetime(2026, 12, 9, 9, 0)):
        body = _draft(run, tmp_path, meeting, "elsewhere")
    assert "buổi làm việc ngày 08/12/2026 tại Bộ KH&ĐT, 6B Hoàng Diệu, Hà Nội về cơ chế thử nghiệm" in body


def test_a_floor_of_its_address_does_not_make_another_building_its_premises(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    """The ministry's address begins "Tầng 5": a meeting on the 5th floor of another building is
    elsewhere (every part of an address with a number counted as its street: code review h157)."""
    meeting = _most_meeting(
        engine, "Tầng 5, Tòa nhà VTC, 23 Lạc Trung, Hà Nội", address="Tầng 5, 113 Trần Duy Hưng, Hà Nội"
    )
    with clock.frozen(dt.datetime(2026, 12, 9, 9, 0)):
        body = _draft(run, tmp_path, meeting, "floor")
    assert "tại Tầng 5, Tòa nhà VTC, 23 Lạc Trung, Hà Nội" in body
