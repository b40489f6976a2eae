"""A meeting's time in a letter says its zone. Reviewer h119: an English invitation to a partner
in Tokyo said "Time: 19:00, 16 December 2026." and Tanaka-san read it as his own time. English
letters now always say "Hanoi time (UTC+7)"; a Vietnamese one says "(giờ Hà Nội)" when the
addressee is abroad; the addressee's own time is given when their zone can be told (their phone,
else a country with one zone)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work
from tests.app.letters.test_meeting_letters import Run, _texts


def _time_line(path: Path) -> str:
    return next(t for t in _texts(path) if t.startswith(("Time:", "Thời gian:")))


def _meeting(engine: Engine, at: dt.datetime, org: dict[str, str]) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        ours = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        other = records.create(s, "organisation", org)
        meeting = records.create(
            s, "meeting", {"title": "Quarterly sync", "starts_at": at, "organisation_ids": [other, ours]}
        )
    return meeting, other


def _draft(run: Run, tmp_path: Path, meeting: int, lang: str, *more: str) -> str:
    path = tmp_path / f"{lang}.docx"
    run(
        "letter",
        "draft",
        f"meeting:{meeting}",
        "--template",
        "invitation",
        "--lang",
        lang,
        "-o",
        str(path),
        *more,
    )
    return _time_line(path)


def test_a_letter_to_tokyo_says_hanoi_time_and_tokyo_time(engine: Engine, run: Run, tmp_path: Path) -> None:
    meeting, _ = _meeting(
        engine, dt.datetime(2026, 12, 16, 19, 0), {"name": "Soratech Inc.", "country": "JP", "city": "Tokyo"}
    )
    assert (
        _draft(run, tmp_path, meeting, "en")
        == "Time: 19:00 Hanoi time (UTC+7; 21:00 in Tokyo), 16 December 2026."
    )
    assert _draft(run, tmp_path, meeting, "vi") == (
        "Thời gian: 19 giờ 00 (giờ Hà Nội, tức 21 giờ 00 tại Tokyo), 16/12/2026."
    )


def test_a_letter_to_hanoi_says_the_zone_in_english_only(engine: Engine, run: Run, tmp_path: Path) -> None:
    meeting, _ = _meeting(engine, dt.datetime(2026, 12, 16, 14, 30), {"name": "Công ty Genetica"})
    assert _draft(run, tmp_path, meeting, "en") == "Time: 14:30 Hanoi time (UTC+7), 16 December 2026."
    assert _draft(run, tmp_path, meeting, "vi") == "Thời gian: 14 giờ 30, 16/12/2026."


def test_the_contacts_phone_tells_the_zone_of_a_country_with_several(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    meeting, org = _meeting(
        engine, dt.datetime(2026, 12, 16, 7, 0), {"name": "Lumen AI Inc.", "country": "US"}
    )
    with unit_of_work(engine) as s:
        contact = records.create(
            s,
            "contact",
            {
                "full_name": "Sarah Miller",
                "organisation_id": org,
                "country": "US",
                "phones": ["+1 415 555 0100"],
            },
        )
    path = tmp_path / "us.docx"
    run("letter", "add", "--subject", "Invitation", "--organisation", str(org), "--contact", str(contact),
        "--meeting", str(meeting), "--template", "invitation")  # fmt: skip
    run("letter", "draft", "1", "--lang", "en", "-o", str(path))
    # 07:00 in Hanoi is 16:00 the day before in San Francisco (Los Angeles' zone)
    assert (
        _time_line(path)
        == "Time: 07:00 Hanoi time (UTC+7; 16:00 on 15 December 2026 in Los Angeles), 16 December 2026."
    )
