"""One way to write each value in a brief: influence and interest as two scores, phones as the app
shows them (the database and the export keep E.164)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.briefing import render
from app.briefing.gather import gather_contact, gather_organisation
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import TODAY, Sample


def test_influence_and_interest_are_two_scores(session: Session, data: Sample, tmp_path: Path) -> None:
    for lang, influence, interest in (("en", "Influence", "Interest"), ("vi", "Ảnh hưởng", "Quan tâm")):
        path = tmp_path / f"org-{lang}.pdf"
        render.render_organisation(gather_organisation(session, data.nic, today=TODAY), path, lang=lang)
        text = " ".join(pdf_text(path))
        assert f"{influence} 5/5" in text and f"{interest} 4/5" in text, text
        assert "Influence / interest" not in text and "5 / 4" not in text


def test_phones_print_as_the_app_shows_them(session: Session, data: Sample, tmp_path: Path) -> None:
    path = tmp_path / "contact.pdf"
    brief = gather_contact(session, data.nhung, today=TODAY)
    assert brief.phones == ("+84912345678",)  # stored and exported as E.164
    render.render_contact(brief, path, lang="en")
    text = " ".join(pdf_text(path))
    assert "0912 345 678" in text and "+84912345678" not in text
