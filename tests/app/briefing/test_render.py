"""Render briefs from a real database, read the PDFs back with pypdf and check what prints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.briefing import render
from app.briefing.data import ActionRow, MeetingRow, OrganisationBrief
from app.briefing.gather import gather_contact, gather_digest, gather_meeting, gather_organisation
from app.briefing.layout import font_dir
from db import clock
from db.engine import read_session
from tests.app.briefing.pdfutil import is_embedded, page_fonts, pdf_text
from tests.app.briefing.seed import TODAY, Sample, big_organisation

VIETNAMESE = ("Nguyễn Thị Hồng Nhung", "Đặng", "Hòa Lạc")


def _all_briefs(
    session: Session, data: Sample, tmp_path: Path, *, lang: str = "en", paper: str = "a4"
) -> dict[str, Path]:
    out = {}
    jobs = {
        "org": (render.render_organisation, gather_organisation(session, data.nic, today=TODAY)),
        "contact": (render.render_contact, gather_contact(session, data.nhung, today=TODAY)),
        "meeting": (render.render_meeting, gather_meeting(session, data.planned, today=TODAY)),
        "digest": (
            render.render_digest,
            gather_digest(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30), today=TODAY),
        ),
    }
    for name, (fn, brief) in jobs.items():
        path = tmp_path / f"{name}-{lang}-{paper}.pdf"
        pages = fn(brief, path, lang=lang, paper=paper)  # type: ignore[operator]
        assert pages == len(PdfReader(str(path)).pages)
        out[name] = path
    return out


def test_font_files_and_licence_are_bundled() -> None:
    d = font_dir()
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "OFL.txt"):
        assert (d / name).is_file(), name
    assert "SIL Open Font License" in (d / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_brief_prints_vietnamese_exactly_with_embedded_fonts(
    session: Session, data: Sample, tmp_path: Path, lang: str
) -> None:
    for name, path in _all_briefs(session, data, tmp_path, lang=lang).items():
        text = " ".join(pdf_text(path))
        for word in VIETNAMESE:
            assert word in text, (name, word)
        fonts = page_fonts(path)
        assert fonts, name
        names = {str(f["/BaseFont"]) for f in fonts}
        assert all(is_embedded(f) for f in fonts), (name, names)  # no unembedded Helvetica anywhere
        assert all("NotoSans" in n for n in names), names
        assert ("TÀI LIỆU NỘI BỘ" if lang == "vi" else "INTERNAL — NOT FOR CIRCULATION") in text


def test_contact_brief_contents(session: Session, data: Sample, tmp_path: Path) -> None:
    path = _all_briefs(session, data, tmp_path)["contact"]
    text = " ".join(pdf_text(path))
    assert "TS. Nguyễn Thị Hồng Nhung" in text
    assert "Role history" in text and "Phó Giám đốc" in text
    assert "Colleagues at the same organisation" in text and "Phạm Quốc Bảo" in text
    assert "Hoàng Đã Xoá" not in text  # soft-deleted colleague


def test_markup_characters_print_literally(session: Session, data: Sample, tmp_path: Path) -> None:
    briefs = _all_briefs(session, data, tmp_path)
    meeting = " ".join(pdf_text(briefs["meeting"]))
    assert "<b>R&D</b> Trưởng nhóm" in meeting
    assert "Head of <i>R&D</i>" in meeting
    assert "Kế hoạch <2027> & ngân sách" in meeting
    assert "Send <b>R&D</b> profile & budget" in meeting
    assert "Phòng họp 301, Bộ KH&CN" in meeting
    digest = " ".join(pdf_text(briefs["digest"]))
    assert "R&D<V>" in digest
    org = " ".join(pdf_text(briefs["org"]))
    assert "Working session on AI sandbox <draft>" in org
    assert "due by 30/9 & shared with R&D team" in org


def test_overdue_commitments_are_marked(session: Session, data: Sample, tmp_path: Path) -> None:
    text = " ".join(pdf_text(_all_briefs(session, data, tmp_path)["org"]))
    assert "We owe · 2 · 1 overdue" in text
    assert "They owe · 2 · 1 overdue" in text
    assert re.search(r"15 Nov 2026 OVERDUE", text)
    assert not re.search(r"5 Dec 2026 OVERDUE", text)
    vi = " ".join(pdf_text(_all_briefs(session, data, tmp_path, lang="vi")["org"]))
    assert "15/11/2026 QUÁ HẠN" in vi


def test_header_footer_and_paper(session: Session, data: Sample, tmp_path: Path) -> None:
    for paper, width in (("a4", 595.28), ("letter", 612.0)):
        path = _all_briefs(session, data, tmp_path, paper=paper)["org"]
        reader = PdfReader(str(path))
        assert float(reader.pages[0].mediabox.width) == pytest.approx(width, abs=0.1)
        pages = pdf_text(path)
        for i, text in enumerate(pages, 1):
            assert f"Page {i} of {len(pages)}" in text
            assert "INTERNAL — NOT FOR CIRCULATION" in text and "TÀI LIỆU" not in text
            assert "Organisation brief: NIC" in text
            assert re.search(r"Generated \d{1,2} \w{3} \d{4} \d\d:\d\d by Ketnoi", text)
    vi = pdf_text(_all_briefs(session, data, tmp_path, lang="vi")["meeting"])
    assert f"Trang 1/{len(vi)}" in vi[0]
    with pytest.raises(ValueError):
        render.render_organisation(gather_organisation_brief_stub(), io.BytesIO(), paper="a3")


def gather_organisation_brief_stub() -> OrganisationBrief:
    return OrganisationBrief(organisation_id=1, name="X", generated_at=clock.utcnow(), today=TODAY)


def test_a_hand_built_brief_renders_to_a_file_object_with_progress() -> None:
    """Layout needs no database: a brief built by hand renders (empty sections included)."""
    calls: list[tuple[int, int]] = []
    buf = io.BytesIO()
    pages = render.render_organisation(
        gather_organisation_brief_stub(), buf, progress=lambda d, t: calls.append((d, t))
    )
    assert pages == 1 and calls[-1] == (1, 1)
    text = pdf_text(io.BytesIO(buf.getvalue()))
    assert "None." in text[0]


def test_very_long_decisions_are_not_cut_off() -> None:
    tail = "Điều khoản cuối cùng về Hòa Lạc."
    decisions = (
        " ".join(f"Kết luận số {i}: hai bên thống nhất triển khai nội dung hợp tác." for i in range(400))
        + " "
        + tail
    )
    brief = dataclasses.replace(
        gather_organisation_brief_stub(),
        recent_meetings=(MeetingRow(1, dt.datetime(2026, 1, 5, 9), "Họp dài", decisions=decisions),),
    )
    buf = io.BytesIO()
    pages = render.render_organisation(brief, buf)
    assert pages >= 3
    text = " ".join(pdf_text(io.BytesIO(buf.getvalue())))
    assert tail in text
    assert "Kết luận số 399" in text


@pytest.mark.slow
def test_500_meetings_give_a_long_brief_with_repeated_headers_and_page_numbers(
    engine: Engine, tmp_path: Path
) -> None:
    org = big_organisation(engine, meetings=500, actions=2000)
    with read_session(engine) as s:
        brief = gather_organisation(s, org, today=TODAY, recent=None)
    path = tmp_path / "big.pdf"
    n = render.render_organisation(brief, path, paper="letter")
    pages = pdf_text(path)
    assert n == len(pages) > 20
    for i, text in enumerate(pages, 1):
        assert f"Page {i} of {n}" in text
    # the meetings table and the commitment tables run over many pages; each continuation
    # page starts (after the running header) with the table's header row
    meetings_head = [i for i, t in enumerate(pages) if t.startswith("Date Meeting With Decisions ")]
    commitments_head = [i for i, t in enumerate(pages) if t.startswith("Commitment Due Responsible Status ")]
    assert len(meetings_head) > 5, [p[:60] for p in pages[:4]]
    assert len(commitments_head) > 5
    # and the section's own page shows the header once more, under its title
    assert sum(t.count("Commitment Due Responsible Status") for t in pages) == len(commitments_head) + 2
    assert "Họp làm việc số 1 về hợp tác nghiên cứu" in " ".join(pages)  # the oldest meeting too


def _pages_with(story_tail: list, tmp_path: Path, room: float) -> list[str]:
    """A story whose first page is full but for ``room`` points, then ``story_tail``."""
    from reportlab.platypus import Spacer

    from app.briefing.labels import labels
    from app.briefing.layout import MARGIN_BOTTOM, MARGIN_TOP, PAPERS, build_document

    height = PAPERS["a4"][1] - MARGIN_TOP - MARGIN_BOTTOM
    path = tmp_path / "story.pdf"
    build_document(path, [Spacer(1, height - room), *story_tail], title="T", subject="S", lab=labels("en"),
                   generated=dt.datetime(2026, 11, 23, 9))  # fmt: skip
    return pdf_text(path)


def test_a_short_last_section_stays_on_the_page_it_fits(tmp_path: Path) -> None:
    """A one-line "Notes" section fits in the 60 points left: it used to go to a page of its
    own (a heading asked for 72 points below it whatever followed)."""
    from app.briefing.layout import SectionHeading, para

    pages = _pages_with([SectionHeading("Notes"), para("Gặp lại sau Tết.")], tmp_path, room=60)
    assert len(pages) == 1 and "Notes" in pages[0] and "Gặp lại sau Tết." in pages[0]


def test_a_heading_still_never_ends_a_page_alone(tmp_path: Path) -> None:
    from app.briefing.layout import SectionHeading, para

    lines = [para(f"Dòng {i} của một ghi chú dài.") for i in range(20)]
    pages = _pages_with([SectionHeading("Notes"), *lines], tmp_path, room=60)
    assert len(pages) == 2 and "Notes" not in pages[0] and pages[1].startswith("Notes Dòng 0")


def test_the_commitments_heading_never_sits_alone_at_the_foot_of_a_page() -> None:
    """Reviewer: "Open commitments" ended page 1 of the NIC brief, its tables on page 2. However
    much comes before it, the heading shares its page with the first direction's line."""
    owed = (ActionRow(1, "Gửi thư giới thiệu Genetica", "we_owe", "open", responsible="Lê Thu Hà"),)
    for n, k in [(n, k) for n in range(8, 14) for k in range(7)]:  # the heading near the foot
        meetings = tuple(
            MeetingRow(
                i, dt.datetime(2026, 1, 5, 9), f"Họp {i}", decisions="Kết luận " * 12 * k if i == 0 else ""
            )
            for i in range(n)
        )
        brief = dataclasses.replace(gather_organisation_brief_stub(), recent_meetings=meetings, we_owe=owed)
        buf = io.BytesIO()
        render.render_organisation(brief, buf)
        for page in pdf_text(io.BytesIO(buf.getvalue())):
            if "Open commitments" in page:
                assert "We owe · 1 Commitment" in page, (n, k, page[-200:])  # with its table


def test_nothing_open_either_way_is_one_line_not_two_empty_tables() -> None:
    buf = io.BytesIO()
    render.render_organisation(gather_organisation_brief_stub(), buf, lang="vi")
    text = " ".join(pdf_text(io.BytesIO(buf.getvalue())))
    assert "Cam kết đang mở Không còn việc đang mở ở cả hai bên." in text
    assert "Bên ta cần làm" not in text


def test_a_meeting_that_has_taken_place_prints_its_decisions_and_minutes(
    session: Session, data: Sample
) -> None:
    """Reviewer: the brief of a meeting held on 20 Nov printed its agenda and a blank lined
    notes page, not a word of what was decided."""
    from app import records
    from db.engine import unit_of_work

    engine = session.get_bind()
    with unit_of_work(engine) as s:  # type: ignore[arg-type]
        held = records.create(
            s,
            "meeting",
            {
                "title": "Làm việc với Genetica",
                "starts_at": dt.datetime(2026, 11, 20, 9),
                "decisions": "Ký thỏa thuận hợp tác trước ngày 31/01/2027.",
                "minutes": "Hai bên trao đổi về phòng thí nghiệm chung tại Hòa Lạc.",
            },
        )
    with read_session(engine) as s:  # type: ignore[arg-type]
        brief = gather_meeting(s, held, today=TODAY)
    buf = io.BytesIO()
    render.render_meeting(brief, buf, lang="vi")
    text = " ".join(pdf_text(io.BytesIO(buf.getvalue())))
    assert "Kết luận Ký thỏa thuận hợp tác trước ngày 31/01/2027." in text
    assert "Biên bản Hai bên trao đổi về phòng thí nghiệm chung tại Hòa Lạc." in text


@pytest.mark.parametrize("room", [293, 294, 295, 296, 300])
def test_a_charts_heading_never_ends_a_page_without_its_chart(tmp_path: Path, room: float) -> None:
    """The digest's "Stakeholder map" heading ended page 1, its chart alone on page 2: the heading
    kept 262 points below its own line, but not the 5 after it, so with 281-286 points left it
    stayed and the 260-point chart moved on."""
    from reportlab.graphics.shapes import Drawing, String

    from app.briefing.charts import FlexChart
    from app.briefing.layout import SectionHeading

    def chart(height: float) -> Drawing:
        d = Drawing(200, height)
        d.add(String(10, height / 2, "THE CHART"))
        return d

    pages = _pages_with(
        [SectionHeading("Stakeholder map", need=262), FlexChart(chart, min_height=260, max_height=400)],
        tmp_path,
        room=room,
    )
    where = [i for i, t in enumerate(pages) if "Stakeholder map" in t]
    assert where and "THE CHART" in pages[where[0]], [p[-80:] for p in pages]
