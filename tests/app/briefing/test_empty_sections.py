"""What has nothing to show is said in one line, not drawn empty: an organisation never met
gets no "—, —, 0, 0" strip, empty chart nor "Recent meetings: None."; meetings none of which has
decisions get no column of "—". Read back from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.briefing import render
from app.briefing.data import MeetingRow, MonthCount, OrganisationBrief, RelationshipSummary
from tests.app.briefing.pdfutil import pdf_text

TODAY = dt.date(2026, 11, 20)
MONTHS = tuple(
    MonthCount(dt.date(2026 if m <= 11 else 2025, m if m <= 11 else 12, 1), 0) for m in [12, *range(1, 12)]
)


def _brief(**kw: object) -> OrganisationBrief:
    return OrganisationBrief(
        organisation_id=1,
        name="Bộ Tài chính",
        generated_at=dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC),
        today=TODAY,
        acronym="MOF",
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("lang", "line", "heading", "chart", "recent"),
    [
        (
            "en",
            "No meeting with this organisation is recorded yet.",
            "Relationship at a glance",
            "Meetings per month",
            "Recent meetings",
        ),
        (
            "vi",
            "Chưa ghi nhận cuộc họp nào với tổ chức này.",
            "Tổng quan quan hệ",
            "Số cuộc họp theo tháng",
            "Các cuộc họp gần đây",
        ),
    ],
)
def test_an_organisation_never_met_says_it_in_one_line(
    tmp_path: Path, lang: str, line: str, heading: str, chart: str, recent: str
) -> None:
    path = tmp_path / "mof.pdf"
    render.render_organisation(_brief(summary=RelationshipSummary(None, None, 0, 0, MONTHS)), path, lang=lang)
    text = " ".join(pdf_text(path))
    assert f"{heading} {line}" in text
    assert chart not in text and recent not in text and "— —" not in text


@pytest.mark.parametrize(
    ("lang", "header", "line"),
    [
        ("en", "Date Meeting With", "No decisions or minutes are recorded for these meetings."),
        ("vi", "Ngày Cuộc họp Với", "Các cuộc họp này chưa ghi kết luận hay biên bản."),
    ],
)
def test_meetings_without_decisions_have_no_column_of_dashes(
    tmp_path: Path, lang: str, header: str, line: str
) -> None:
    met = tuple(
        MeetingRow(i, dt.datetime(2026, 11, i, 9), f"Làm việc số {i}", organisations=("MOF",))
        for i in (3, 10)
    )
    summary = RelationshipSummary(met[0].starts_at, met[1].starts_at, 2, 2, MONTHS)
    path = tmp_path / "mof.pdf"
    render.render_organisation(_brief(summary=summary, recent_meetings=met), path, lang=lang)
    text = " ".join(pdf_text(path))
    table = text.split(header, 1)[1].split(line, 1)[0]  # the header ends at "With": no "Decisions"
    assert table.lstrip().startswith("03/11/2026" if lang == "vi" else "3 Nov 2026")
    assert "Làm việc số 3" in table and "—" not in table
