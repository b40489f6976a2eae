"""A list imported with its "Ngày gặp gần nhất" (last met) column and imported again later: a
later day for a person moves their "Last contacted" to it in "fill" mode too (it was left, "fill"
keeping what the record had), and an earlier one never lowers it, in "overwrite" mode either
(it put an older list's day over a meeting's). The later day is then the floor a recount keeps
(app.contacted), and the import's undo puts the day before back. Real workbooks (openpyxl)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.importing.messages import text
from app.importing.undo import undo_import
from app.meetings import Chosen, MeetingDraft, save_meeting
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import do_import, preview, write_xlsx

HEADER = ["Họ và tên", "Email", "Ngày gặp gần nhất"]


def _dates(engine: Engine) -> dict[str, dt.date | None]:
    with read_session(engine) as s:
        return {
            r["full_name"]: r["last_contacted_on"] for r in (records.get(s, "contact", i) for i in (1, 2, 3))
        }


def _log(engine: Engine, at: dt.datetime, contact: int) -> int:
    draft = MeetingDraft({"title": "Làm việc", "starts_at": at}, [], [Chosen(contact, str(contact))])
    with unit_of_work(engine) as s:
        return save_meeting(s, draft, actor="Lan", group_id=records.new_group_id())


@pytest.mark.parametrize("on_match", ["fill", "overwrite"])
def test_a_later_day_counts_and_an_earlier_one_never_lowers_it(
    engine: Engine, tmp_path: Path, on_match: str
) -> None:
    first = write_xlsx(
        tmp_path / "danh-sach-thang-3.xlsx",
        {
            "Liên hệ": [
                HEADER,
                ["Trần Thị Thu Hà", "ha@viettel.com.vn", "02/03/2025"],
                ["Hồ Đức Bình", "binh@nvidia.com", "01/10/2026"],
                ["Lê Văn Nam", "nam@most.gov.vn", None],
            ]
        },
    )
    do_import(engine, first)
    assert _dates(engine) == {
        "Trần Thị Thu Hà": dt.date(2025, 3, 2),
        "Hồ Đức Bình": dt.date(2026, 10, 1),
        "Lê Văn Nam": None,
    }
    _log(engine, dt.datetime(2026, 11, 18, 9), 3)  # Nam met us on 18/11
    later = write_xlsx(
        tmp_path / "danh-sach-thang-11.xlsx",
        {
            "Liên hệ": [
                HEADER,
                ["Trần Thị Thu Hà", "ha@viettel.com.vn", "15/11/2026"],  # later: counts
                ["Hồ Đức Bình", "binh@nvidia.com", "01/05/2026"],  # earlier: never lowers it
                ["Lê Văn Nam", "nam@most.gov.vn", "01/11/2026"],  # before his meeting
            ]
        },
    )
    pv = preview(engine, later, on_match=on_match)
    ha, binh, nam = pv.rows
    assert ha.status == "update" and ha.changes == {
        "last_contacted_on": (dt.date(2025, 3, 2), dt.date(2026, 11, 15))
    }
    said = " ".join(text(r) for r in ha.reasons)
    assert "Last contacted: 02/03/2025 → 15/11/2026" in said and '"overwrite" would' not in said
    for row in (binh, nam):  # nothing to write, and no "overwrite would replace it"
        assert row.status == "skip" and [r.code for r in row.reasons] == ["nothing_new"]
    result = do_import(engine, later, on_match=on_match)[1]
    assert _dates(engine) == {
        "Trần Thị Thu Hà": dt.date(2026, 11, 15),
        "Hồ Đức Bình": dt.date(2026, 10, 1),
        "Lê Văn Nam": dt.date(2026, 11, 18),
    }
    # Hà met us on 20/11; the meeting deleted, her date goes back to the sheet's later day
    meeting = _log(engine, dt.datetime(2026, 11, 20, 9), 1)
    assert _dates(engine)["Trần Thị Thu Hà"] == dt.date(2026, 11, 20)
    with unit_of_work(engine) as s:
        records.delete(s, "meeting", meeting, group_id=records.new_group_id())
    assert _dates(engine)["Trần Thị Thu Hà"] == dt.date(2026, 11, 15)
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert _dates(engine)["Trần Thị Thu Hà"] == dt.date(2025, 3, 2)
