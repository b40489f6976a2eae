"""Letters where people look for them: the organisation's brief (a "Letters" section in the
PDF), the organisation's page, the search box, and the banner's count of late replies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy.engine import Engine

from app import dashboard, records, search, story
from app.briefing.gather import gather_organisation
from app.briefing.render import render_organisation
from app.letters import register
from db.engine import read_session, unit_of_work


def _org_with_letters(engine: Engine) -> int:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        out = register.add_letter(
            s,
            {"subject": "Mời dự Hội thảo Đổi mới sáng tạo mở", "symbol": "NIC-HTQT", "organisation_id": org},
        )
        register.sign(s, out, on=dt.date(2026, 11, 2))
        register.add_letter(
            s,
            {
                "direction": "incoming",
                "reference": "45/BKHCN-HTQT",
                "letter_date": dt.date(2026, 11, 3),
                "subject": "Đề nghị cử cán bộ",
                "reply_due": dt.date(2026, 11, 13),
                "organisation_id": org,
            },
        )
    return org


def test_the_organisation_brief_lists_its_letters(engine: Engine, tmp_path: Path) -> None:
    org = _org_with_letters(engine)
    with read_session(engine) as s:
        brief = gather_organisation(s, org, today=dt.date(2026, 11, 23))  # type: ignore[arg-type]
    assert [x.reference for x in brief.letters] == ["45/BKHCN-HTQT", "01/NIC-HTQT"]
    assert brief.letters[0].late and not brief.letters[1].late
    for lang, due, heading in (("vi", "hạn trả lời", "Công văn"), ("en", "reply by", "Letters")):
        path = tmp_path / f"brief-{lang}.pdf"
        render_organisation(brief, str(path), lang=lang)
        text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
        assert due in text.replace("\n", " ") and heading in text
        assert "01/NIC-HTQT" in text and "45/BKHCN-HTQT" in text
        # the direction, not a status: "signed (sent)" read as if the letter had gone out
        flat = " ".join(text.split())
        signed, received = {
            "en": ("signed (outgoing)", "received (incoming)"),
            "vi": ("đã ký (đi)", "đã nhận (đến)"),
        }[lang]
        assert signed in flat and received in flat and "(sent)" not in flat


def test_the_page_the_search_and_the_banner(engine: Engine) -> None:
    org = _org_with_letters(engine)
    with read_session(engine) as s:
        page = story.organisation_story(s, org, today=dt.date(2026, 11, 23))  # type: ignore[arg-type]
        assert {x["reference"] for x in page.letters} == {"01/NIC-HTQT", "45/BKHCN-HTQT"}
        hits = search.search(s, "bkhcn")  # type: ignore[arg-type]
        assert ("letter", "45/BKHCN-HTQT Đề nghị cử cán bộ") in [(h.kind, h.title) for h in hits]
        assert [h.kind for h in search.search(s, "hoi thao doi moi")][:1] == ["letter"]  # type: ignore[arg-type]
        assert dashboard.due_summary(s, today=dt.date(2026, 11, 23)).late_replies == 1
        assert dashboard.due_summary(s, today=dt.date(2026, 11, 13)).late_replies == 0


def test_signing_an_actions_letter_leaves_one_number_in_the_brief(engine: Engine, tmp_path: Path) -> None:
    """The reviewer's brief showed "Số 125/NIC-HTQT" on the commitment (typed on the action
    before the letter was in the register) and "01/NIC-HTQT … signed" in Letters."""
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        ours = records.create(
            s,
            "action",
            {"title": "Gửi thư giới thiệu Genetica", "organisation_id": org, "reference": "Số 125/NIC-HTQT"},
        )
        theirs = records.create(
            s,
            "action",
            {"title": "Trả lời công văn của Genetica", "organisation_id": org, "reference": "45/GEN-VP"},
        )
        for action in (ours, theirs):
            letter = register.letter_for_record(s, "action", action)
            register.sign(s, letter, on=dt.date(2026, 11, 20))
    with read_session(engine) as s:
        assert records.get(s, "action", ours)["reference"] == "01/NIC-HTQT"  # type: ignore[arg-type]
        assert records.get(s, "action", theirs)["reference"] == "45/GEN-VP"  # type: ignore[arg-type]
        brief = gather_organisation(s, org, today=dt.date(2026, 11, 23))  # type: ignore[arg-type]
    path = tmp_path / "brief.pdf"
    render_organisation(brief, str(path), lang="en")
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "125/NIC-HTQT" not in text
    assert "01/NIC-HTQT" in text and "02/NIC-HTQT" in text and "45/GEN-VP" in text
