"""An organisation brief's "Key people": the people its page in the window lists (its own and
its departments'), the department named; the first twelve, the most influential and the most
recently met first, how many more said under them, so that the commitments are not pushed pages
away. Read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import dashboard
from app.briefing import render
from app.briefing.gather import gather_organisation
from db.engine import read_session
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import TODAY, Sample, big_organisation

NIC_PEOPLE = ("Nguyễn Thị Hồng Nhung", "Đặng Văn Long", "Phạm Quốc Bảo")


@pytest.mark.parametrize(
    ("lang", "heading", "department", "none"),
    [("en", "Key people", "Department", "None."), ("vi", "Nhân sự chủ chốt", "Đơn vị", "Không có.")],
)
def test_a_ministry_brief_lists_its_departments_people(
    session: Session, data: Sample, tmp_path: Path, lang: str, heading: str, department: str, none: str
) -> None:
    # MOST has no one of its own; NIC, its department, has three: the window's MOST page
    # lists them, the brief said "None."
    window = {p["id"] for p in dashboard.organisation_people(session, data.most, departments=True)}
    b = gather_organisation(session, data.most, today=TODAY)
    assert {p.contact_id for p in b.people} == window and len(window) == 3
    assert {p.organisation for p in b.people} == {"NIC"}
    path = tmp_path / f"most-{lang}.pdf"
    render.render_organisation(b, path, lang=lang)
    text = " ".join(pdf_text(path))
    section = text.split(heading, 1)[1][:600]
    assert not section.lstrip().startswith(none)
    assert department in section
    for name in NIC_PEOPLE:
        assert name in section
    # NIC's own brief: its people, no department column (they are all its own)
    nic = gather_organisation(session, data.nic, today=TODAY)
    assert {p.organisation for p in nic.people} == {""}


@pytest.mark.parametrize(
    ("lang", "more", "commitments"),
    [
        (
            "en",
            "… and 18 more: the organisation's page in Ketnoi lists them all, under People.",
            "Open commitments",
        ),
        (
            "vi",
            "… và 18 người khác: xem đầy đủ ở mục Nhân sự trên trang của tổ chức trong Ketnoi.",
            "Cam kết đang mở",
        ),
    ],
)
def test_a_big_organisation_lists_twelve_people_and_keeps_its_commitments_near(
    engine: Engine, tmp_path: Path, lang: str, more: str, commitments: str
) -> None:
    org_id = big_organisation(engine, meetings=60, actions=30, people=30)
    with read_session(engine) as s:
        b = gather_organisation(s, org_id, today=TODAY)
    assert len(b.people) == 12 and getattr(b, "people_more", None) == 18
    met = [p.last_met for p in b.people]
    assert all(met) and met == sorted(met, reverse=True)  # the most recently met first
    path = tmp_path / f"big-{lang}.pdf"
    render.render_organisation(b, path, lang=lang)
    pages = pdf_text(path)
    text = " ".join(pages)
    assert more in text
    assert sum(1 for p in b.people if p.name in text) == 12
    # 30 people over two pages pushed the commitments to page 3 or 4
    first = next(i for i, page in enumerate(pages) if commitments in page)
    assert first <= 1, first
