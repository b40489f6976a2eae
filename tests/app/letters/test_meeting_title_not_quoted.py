"""A meeting's title is the officer's own note ("Họp với FPT về sandbox"), not words for a
partner: the thank-you names the meeting by its date, where it was held (its location, unless
online or at the addressee's own premises) and its topic — also when an office's own template
still says ``${meeting}`` (as the shipped ones did). Drafted through ``ketnoi letter draft``
and read back from the .docx with python-docx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy.engine import Engine

from app import records
from app.letters import draft
from db.engine import unit_of_work

Run = Callable[..., str]
TITLE = "Họp với FPT về sandbox"


def _body(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs if p.text.strip())


@pytest.fixture
def meetings(engine: Engine) -> dict[str, int]:
    """The same meeting with FPT held at our office, at FPT's building, and on Teams."""
    with unit_of_work(engine) as s:
        nic = records.create(
            s,
            "organisation",
            {
                "name": "Trung tâm Đổi mới sáng tạo Quốc gia",
                "name_en": "National Innovation Center",
                "acronym": "NIC",
            },
        )
        fpt = records.create(
            s, "organisation", {"name": "Công ty Cổ phần FPT", "name_en": "FPT Corporation", "acronym": "FPT"}
        )

        def meeting(location: str, kind: str = "meeting") -> int:
            return records.create(
                s,
                "meeting",
                {
                    "title": TITLE,
                    "kind": kind,
                    "starts_at": dt.datetime(2026, 12, 3, 14, 0),
                    "location": location,
                    "organisation_ids": [fpt, nic],
                },
            )

        return {
            "ours": meeting("Khu Công nghệ cao Hòa Lạc"),
            "theirs": meeting("Tòa nhà FPT, 17 Duy Tân, Hà Nội"),
            "online": meeting("Microsoft Teams", "call"),
            "office": meeting("Trung tâm Đổi mới sáng tạo Quốc gia, Khu Công nghệ cao Hòa Lạc"),
        }


def _thanks(run: Run, tmp_path: Path, meeting: int, lang: str) -> str:
    path = tmp_path / f"thanks-{meeting}-{lang}.docx"
    run("letter", "draft", f"meeting:{meeting}", "--template", "thanks", "--lang", lang, "-o", str(path))
    return _body(path)


def test_the_thank_you_says_when_where_and_what_not_the_title(
    run: Run, tmp_path: Path, meetings: dict[str, int]
) -> None:
    vi = _thanks(run, tmp_path, meetings["ours"], "vi")
    assert "Kính gửi: Công ty Cổ phần FPT" in vi
    assert (
        "cảm ơn Quý Công ty đã dành thời gian tham dự buổi làm việc ngày 03/12/2026 tại Khu Công nghệ "
        "cao Hòa Lạc về sandbox và có những ý kiến trao đổi quý báu." in vi
    )
    en = _thanks(run, tmp_path, meetings["ours"], "en")
    assert "To: FPT Corporation" in en
    assert (
        "thank you for the time you gave us at the meeting on 03 December 2026 at Khu Công nghệ cao "
        "Hòa Lạc and for the valuable exchange." in en
    )
    # at FPT's own building: FPT is not told where its office is; on Teams: no place at all
    vi = _thanks(run, tmp_path, meetings["theirs"], "vi")
    assert "tham dự buổi làm việc ngày 03/12/2026 về sandbox và" in vi
    assert "Duy Tân" not in vi
    vi = _thanks(run, tmp_path, meetings["online"], "vi")
    assert "tham dự buổi trao đổi trực tuyến ngày 03/12/2026 về sandbox và" in vi
    assert "Teams" not in vi
    # our office by its English name, with the article the letter gives it ("the ${office}")
    en = _thanks(run, tmp_path, meetings["office"], "en")
    assert "at the meeting on 03 December 2026 at the National Innovation Center, Khu Công nghệ cao" in en


def test_an_office_template_with_the_meeting_word_names_it_as_a_letter_does(
    run: Run, tmp_path: Path, meetings: dict[str, int]
) -> None:
    """The thank-you an office copied before letters took their own words."""
    own = draft.office_template_dir()
    own.mkdir(parents=True, exist_ok=True)
    (own / "thanks.vi.txt").write_text(
        "${office} (${office_short}) xin gửi tới Quý cơ quan lời chào trân trọng.\n\n"
        "${office} trân trọng cảm ơn Quý cơ quan đã tham dự ${meeting}.\n",
        encoding="utf-8",
    )
    (own / "thanks.en.txt").write_text(
        "${salutation}\n\nThank you for attending ${meeting}.\n\nYours sincerely,\n", encoding="utf-8"
    )
    vi = _thanks(run, tmp_path, meetings["ours"], "vi")
    assert (
        "trân trọng cảm ơn Quý cơ quan đã tham dự buổi làm việc ngày 03/12/2026 tại Khu Công nghệ "
        "cao Hòa Lạc về sandbox." in vi
    )
    en = _thanks(run, tmp_path, meetings["ours"], "en")
    assert "Thank you for attending the meeting on 03 December 2026 at Khu Công nghệ cao Hòa Lạc." in en
    for text in (vi, en):
        assert TITLE not in text and "Họp với" not in text
