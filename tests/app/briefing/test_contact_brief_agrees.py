"""A contact's brief says only what is true, and never two things that cannot both be
(reviewer h149, Hồ Đức Giang's brief):

- after his meeting of 07/12 was made confidential, the brief said "Liên hệ gần nhất 12/11/2024"
  at the top and "Lần gặp gần nhất 07/12/2026" below: the usual brief lists that meeting, so it
  is the last contact there too; without confidential records both leave it out;
- its "Quá trình công tác" listed three changes of position on one day that never happened: a
  merge with his duplicate, its undo and the merge again.

Written through ``ketnoi brief contact`` and read back from the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import merge, records, story, undo
from app.cli import main
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.briefing.pdfutil import pdf_text

Brief = Callable[..., str]
GIANG = "Hồ Đức Giang"


@pytest.fixture
def brief(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Brief:
    """``ketnoi brief contact ID [flags] --lang vi``: the PDF's text."""

    def brief(contact: int, *flags: str) -> str:
        path = tmp_path / f"brief-{contact}-{len(flags)}.pdf"
        code = main(
            ["brief", "contact", str(contact), *flags, "--lang", "vi", "-o", str(path), "--db", str(db_path)]
        )
        assert code == 0, capsys.readouterr().err
        return " ".join(" ".join(pdf_text(path)).split())

    return brief


def _giang(engine: Engine) -> int:
    """Giang as an import left him: a sheet's "last met" of 12/11/2024, his post CTO."""
    with clock.frozen(dt.datetime(2026, 11, 2, 9)), unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Cổ phần Genetica", "acronym": "Genetica"})
        return records.create(
            s,
            "contact",
            {
                "full_name": GIANG,
                "position": "CTO",
                "organisation_id": org,
                "last_contacted_on": dt.date(2024, 11, 12),
            },
        )


def test_last_contacted_agrees_with_the_last_meeting_in_either_brief(engine: Engine, brief: Brief) -> None:
    giang = _giang(engine)
    with clock.frozen(dt.datetime(2026, 12, 7, 15)), unit_of_work(engine) as s:
        open_one = records.create(
            s,
            "meeting",
            {"title": "Gọi điện với Genetica", "kind": "call", "starts_at": dt.datetime(2026, 11, 20, 10),
             "attendees": [{"contact_id": giang}]},
        )  # fmt: skip
        secret = records.create(
            s,
            "meeting",
            {"title": "Làm việc với Genetica về sandbox", "starts_at": dt.datetime(2026, 12, 7, 9, 30),
             "attendees": [{"contact_id": giang}]},
        )  # fmt: skip
        records.update(s, "meeting", secret, {"confidential": True}, expected_version=None)
    assert open_one
    with clock.frozen(dt.datetime(2026, 12, 8, 2, 15)):
        usual = brief(giang)
        handed = brief(giang, "--without-confidential")
    # the usual brief lists the meeting of 07/12: it is his last contact there too
    assert "Liên hệ gần nhất 07/12/2026" in usual, usual
    assert "07/12/2026 Lần gặp gần nhất" in usual
    assert "12/11/2024" not in usual
    # without confidential records: the call of 20/11 is the last of both, the 07/12 nowhere
    assert "Liên hệ gần nhất 20/11/2026" in handed, handed
    assert "20/11/2026 Lần gặp gần nhất" in handed
    assert "07/12/2026" not in handed


def test_a_sheets_later_date_still_stands_above_an_earlier_meeting(engine: Engine, brief: Brief) -> None:
    """ "Last contacted" may be later than the last meeting (a call a sheet recorded): no clash."""
    giang = _giang(engine)
    with clock.frozen(dt.datetime(2026, 12, 1, 9)), unit_of_work(engine) as s:
        records.create(
            s, "meeting", {"title": "Họp với Genetica", "starts_at": dt.datetime(2024, 6, 3, 9),
                           "attendees": [{"contact_id": giang}]},
        )  # fmt: skip
    with clock.frozen(dt.datetime(2026, 12, 8, 9)):
        text = brief(giang)
    assert "Liên hệ gần nhất 12/11/2024" in text and "03/06/2024 Lần gặp gần nhất" in text


def test_a_merge_its_undo_and_the_merge_again_are_no_change_of_career(engine: Engine, brief: Brief) -> None:
    giang = _giang(engine)
    with clock.frozen(dt.datetime(2026, 11, 10, 9)), unit_of_work(engine) as s:
        records.update(s, "contact", giang, {"position": "Giám đốc Kỹ thuật"}, expected_version=None)
        twin = records.create(s, "contact", {"full_name": "Ho Duc Giang", "position": "CTO"})
    # the reviewer's afternoon: merged keeping the duplicate's CTO, undone, merged again
    with clock.frozen(dt.datetime(2026, 12, 8, 9, 8)), unit_of_work(engine) as s:
        first = merge.merge(s, "contact", giang, twin, choices={"position": "other"})
    with clock.frozen(dt.datetime(2026, 12, 8, 9, 9)), unit_of_work(engine) as s:
        undo.undo_group(s, first.group_id)
    with clock.frozen(dt.datetime(2026, 12, 8, 9, 10)), unit_of_work(engine) as s:
        merge.merge(s, "contact", giang, twin, choices={"position": "other"})
    with clock.frozen(dt.datetime(2026, 12, 8, 10)):
        text = brief(giang)
        with read_session(engine) as s:
            page = story.role_history(s, giang)
    assert "Quá trình công tác" in text
    assert "10/11/2026 Chức vụ CTO Giám đốc Kỹ thuật" in text  # the one change of post
    career = text.split("Quá trình công tác", 1)[1].split("Cam kết", 1)[0]
    assert "08/12/2026" not in career, career
    # the contact's page (its role history) says the same
    assert [(h["old"], h["new"]) for h in page] == [("CTO", "Giám đốc Kỹ thuật")]
