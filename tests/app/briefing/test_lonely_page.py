"""A brief's last page never holds only a tail: one table row, or a one-line section such as
"No open commitments on either side" (reviewer: page 2 of Genetica's brief held one row, page 2
of NIC's only that sentence). The tail stays on the page before when it can; else rows above it
go over with it. Nothing is left out. Read back from the PDFs, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.engine import Engine
from sqlmodel import select

from app import demo
from app.briefing import render
from app.briefing.gather import gather_organisation
from app.briefing.labels import labels
from app.briefing.layout import build_document, data_table, format_date, styles, usable_width
from db import clock
from db.engine import read_session, unit_of_work
from db.models import Action, Contact, Meeting, MeetingAttendee, MeetingOrganisation, Organisation

TODAY = dt.date(2026, 12, 5)
NOW = dt.datetime(2026, 12, 5, 14)


def page_bodies(path: Path) -> list[list[str]]:
    """Each page's lines of text between the running header and the footer."""
    out = []
    for page in PdfReader(str(path)).pages:
        lines = [x.strip() for x in page.extract_text(extraction_mode="layout").splitlines() if x.strip()]
        out.append(lines[1:-1])
    return out


def assert_no_tail(path: Path) -> None:
    """No page after the first holds three lines or fewer (a heading and its one line; a
    direction's line, the table's header and one row)."""
    for n, body in enumerate(page_bodies(path)[1:], start=2):
        assert len(body) > 3, f"page {n} holds only {body}"


def flat(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


def org_id(engine: Engine, acronym_or_name: str) -> int:
    with read_session(engine) as s:
        org = s.exec(
            select(Organisation).where(
                (Organisation.acronym == acronym_or_name) | (Organisation.name == acronym_or_name)
            )
        ).one()
        assert org.id is not None
        return org.id


@pytest.fixture
def demo_db(engine: Engine) -> Engine:
    with clock.frozen(NOW):
        demo.fill(engine, today=TODAY)
    return engine


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_genetica_they_owe_row_stays_on_the_first_page(demo_db: Engine, tmp_path: Path, lang: str) -> None:
    """The demo's Genetica: "They owe · 1" and its one row went to page 2 with room for them on
    page 1 (the direction asked for 28 mm, more than it takes)."""
    with clock.frozen(NOW), read_session(demo_db) as s:
        brief = gather_organisation(s, org_id(demo_db, "Genetica"))
    path = tmp_path / f"genetica-{lang}.pdf"
    assert render.render_organisation(brief, path, lang=lang) == 1
    text = flat(path)
    for a in [*brief.we_owe, *brief.they_owe]:
        assert a.title in text
    assert labels(lang)["they_owe"] in text


def _busy_nic(engine: Engine) -> None:
    """NIC after a week in the reviewer's hands: its open commitments done, one more meeting."""
    nic = org_id(engine, "NIC")
    with unit_of_work(engine) as s:
        for a in s.exec(select(Action).where(Action.organisation_id == nic)).all():
            a.status = "done"
            a.completed_on = TODAY
            s.add(a)
        m = Meeting(
            title="Họp với Bộ KH&CN về sandbox công nghệ sinh học",
            starts_at=dt.datetime(2026, 12, 5, 9),
            location="Hòa Lạc, phòng họp tầng 3",
        )
        s.add(m)
        s.flush()
        assert m.id is not None
        s.add(MeetingOrganisation(meeting_id=m.id, organisation_id=nic))
        people = s.exec(select(Contact).where(Contact.organisation_id == nic)).all()
        s.add_all([MeetingAttendee(meeting_id=m.id, contact_id=c.id) for c in people[:2]])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_page_holds_only_the_closing_sentence(demo_db: Engine, tmp_path: Path, lang: str) -> None:
    """NIC's brief, its last meeting's decisions longer and longer (the table ending lower and
    lower on page 1): "No open commitments on either side" never goes alone onto page 2, and
    every meeting is printed."""
    _busy_nic(demo_db)
    nothing = labels(lang)["nothing_open"]
    decided = "Đồng ý lộ trình dự thảo quy định trong tháng 12. " * 30
    for length in range(0, 600, 30):
        with unit_of_work(demo_db) as s:
            m = s.exec(select(Meeting).where(Meeting.location == "Hòa Lạc, phòng họp tầng 3")).one()
            m.decisions = decided[:length].strip()
            s.add(m)
        with clock.frozen(NOW), read_session(demo_db) as s:
            brief = gather_organisation(s, org_id(demo_db, "NIC"))
        path = tmp_path / f"nic-{lang}-{length}.pdf"
        render.render_organisation(brief, path, lang=lang)
        assert_no_tail(path)
        text = flat(path)
        assert nothing in text
        for meeting in brief.recent_meetings:
            assert " ".join(meeting.title.split()[:3]) in text
            assert format_date(meeting.starts_at, labels(lang)) in text


def test_rows_above_a_lonely_last_row_go_over_with_it(tmp_path: Path) -> None:
    """A table one row too long for its page and no space to take in: the last page carries
    the repeated header and several rows, never the one row alone; every row is printed."""
    lab = labels("en")
    avail = usable_width("a4")
    st = styles()

    def story(rows: int) -> list[Flowable]:
        body = [[Paragraph(f"Row {i:03d}", st.cell), Paragraph("text", st.cell)] for i in range(rows)]
        return [data_table(["Name", "Text"], body, [0.5, 0.5], avail)]

    # as many rows as fill one page exactly, plus one
    rows = 1
    while (
        build_document(
            tmp_path / "probe.pdf", story(rows + 1), title="t", subject="t", lab=lab, generated=NOW
        )
        == 1
    ):
        rows += 1
    rows += 1
    path = tmp_path / "table.pdf"
    pages = build_document(path, lambda _compact: story(rows), title="t", subject="t", lab=lab, generated=NOW)
    assert pages == 2
    bodies = page_bodies(path)
    assert len(bodies[1]) >= 6, bodies[1]  # the repeated header and at least five rows
    text = flat(path)
    for i in range(rows):
        assert f"Row {i:03d}" in text
