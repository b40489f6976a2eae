"""A period digest's overdue actions are those overdue at the period's end (today's for a period
not over): the figure beside the period's counts says the day, nothing due after the period is
listed, an action done only after the period still counts, an overdue action is never "0" days
late, and our delays are apart from the partners'. Read back from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.briefing import render
from app.briefing.gather import gather_digest
from db.engine import read_session, unit_of_work
from db.models import Action, Staff
from tests.app.briefing.pdfutil import pdf_text

OCT_START, OCT_END = dt.date(2026, 10, 1), dt.date(2026, 10, 31)  # 31 Oct 2026: a Saturday
TODAY = dt.date(2026, 11, 20)


def _actions(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        ha = Staff(name="Lê Thu Hà")
        s.add(ha)
        s.flush()

        def add(title: str, due: dt.date, *, side: str = "we_owe", done: dt.date | None = None) -> None:
            s.add(
                Action(
                    title=title,
                    direction=side,
                    due_date=due,
                    status="done" if done else "open",
                    completed_on=done,
                    responsible_staff_id=ha.id,
                )
            )

        add("Gửi công văn tháng Mười", dt.date(2026, 10, 12))  # open, late on 31 Oct
        add("Nộp báo cáo quý", dt.date(2026, 10, 20), done=dt.date(2026, 11, 5))  # late on 31 Oct, done later
        add("Xong đúng hạn", dt.date(2026, 10, 15), done=dt.date(2026, 10, 14))  # done in time
        add("Hạn thứ Sáu", dt.date(2026, 10, 30))  # due the Friday: no working day late on Saturday
        add("Đối tác gửi hồ sơ", dt.date(2026, 10, 22), side="they_owe")
        add("Việc hạn tháng Mười Một", dt.date(2026, 11, 10))  # overdue today, not at the period's end


@pytest.mark.parametrize(
    ("lang", "figure", "note", "we", "they"),
    [
        (
            "en",
            "Overdue on 31 Oct 2026",
            "As on 31 Oct 2026, the last day of the period",
            "We owe · 3",
            "They owe · 1",
        ),
        (
            "vi",
            "Quá hạn tính đến 31/10/2026",
            "Tính đến ngày 31/10/2026, ngày cuối kỳ",
            "Bên ta cần làm · 3",
            "Đối tác cần làm · 1",
        ),
    ],
)
def test_overdue_is_as_at_the_end_of_the_period(
    engine: Engine, tmp_path: Path, lang: str, figure: str, note: str, we: str, they: str
) -> None:
    _actions(engine)
    with read_session(engine) as s:
        d = gather_digest(s, OCT_START, OCT_END, today=TODAY)
    path = tmp_path / f"digest-{lang}.pdf"
    render.render_digest(d, path, lang=lang)
    text = " ".join(pdf_text(path))
    assert f"4 {figure}" in text  # the four overdue on 31 Oct, not today's five
    assert note in text
    listed = text.split(note, 1)[1]
    for title in ("Gửi công văn tháng Mười", "Nộp báo cáo quý", "Hạn thứ Sáu", "Đối tác gửi hồ sơ"):
        assert title in listed
    assert "Việc hạn tháng Mười Một" not in text and "Xong đúng hạn" not in listed
    # our delays, then the partner's, each under its own line
    assert (
        listed.index(we)
        < listed.index("Hạn thứ Sáu")
        < listed.index(they)
        < listed.index("Đối tác gửi hồ sơ")
    )
    assert "Hạn thứ Sáu" in listed and "< 1" in listed.split("Hạn thứ Sáu", 1)[1][:60]
    assert " 0 " not in listed.split(we, 1)[1].split("Stakeholder", 1)[0].split("Bản đồ", 1)[0]


def test_a_period_not_over_counts_today(engine: Engine, tmp_path: Path) -> None:
    _actions(engine)
    with read_session(engine) as s:
        d = gather_digest(s, dt.date(2026, 11, 1), dt.date(2026, 11, 30), today=TODAY)
    path = tmp_path / "digest.pdf"
    render.render_digest(d, path, lang="en")
    text = " ".join(pdf_text(path))
    assert "4 Overdue on 20 Nov 2026" in text  # "Nộp báo cáo quý" was done on 5 Nov
    assert "As on 20 Nov 2026, today (the period has not ended)" in text
    assert "Việc hạn tháng Mười Một" in text
