"""An organisation with no meeting recorded whose people were contacted (a sheet's "Ngày gặp gần
nhất", kept as the contact's last contacted day): the brief's line under "Relationship at a
glance" says when and who, so that it does not read as a contradiction of the "Last met" beside
them under Key people (reviewer h98: "No meeting with this organisation is recorded yet" above a
person last met on 12 Mar). Rendered and read back from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.briefing import render
from app.briefing.gather import gather_organisation
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Contact, Organisation
from tests.app.briefing.pdfutil import pdf_text


def _org(engine: Engine, *people: tuple[str, dt.date | None, bool]) -> int:
    with unit_of_work(engine) as s:
        org = Organisation(name="Công ty Sinh học Genetica", acronym="GEN")
        s.add(org)
        s.flush()
        assert org.id is not None
        for name, day, secret in people:
            s.add(Contact(full_name=name, organisation_id=org.id, last_contacted_on=day, confidential=secret))
        return org.id


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "No meeting with this organisation is recorded yet. "
            "Its people were last met or contacted on 12 Mar 2026 (Đặng Văn Hòa).",
        ),
        (
            "vi",
            "Chưa ghi nhận cuộc họp nào với tổ chức này. "
            "Lần gặp hoặc liên hệ gần nhất với người của tổ chức: 12/03/2026 (Đặng Văn Hòa).",
        ),
    ],
)
def test_no_meeting_but_people_contacted_says_when_and_who(
    engine: Engine, tmp_path: Path, lang: str, line: str
) -> None:
    org = _org(
        engine,
        ("Nguyễn Thị Hồng Nhung", dt.date(2026, 1, 5), False),
        ("Đặng Văn Hòa", dt.date(2026, 3, 12), False),
        ("Trần Minh Quân", None, False),
    )
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        brief = gather_organisation(s, org)
    path = tmp_path / f"gen-{lang}.pdf"
    render.render_organisation(brief, path, lang=lang)
    text = " ".join(" ".join(pdf_text(path)).split())
    assert line in text, text


def test_the_person_named_is_marked_when_confidential(engine: Engine, tmp_path: Path) -> None:
    org = _org(engine, ("Đặng Văn Hòa", dt.date(2026, 3, 12), True))
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        brief = gather_organisation(s, org)
    path = tmp_path / "gen.pdf"
    render.render_organisation(brief, path, lang="en")
    text = " ".join(" ".join(pdf_text(path)).split())
    assert "contacted on 12 Mar 2026 (Đặng Văn Hòa (Confidential))." in text, text


def test_never_contacted_the_line_stays_alone(engine: Engine, tmp_path: Path) -> None:
    org = _org(engine, ("Trần Minh Quân", None, False))
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        brief = gather_organisation(s, org)
    path = tmp_path / "gen.pdf"
    render.render_organisation(brief, path, lang="en")
    text = " ".join(" ".join(pdf_text(path)).split())
    assert "No meeting with this organisation is recorded yet. Key people" in text, text
