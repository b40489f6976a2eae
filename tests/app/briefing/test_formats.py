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
    for lang, influence, interest in (
        ("en", "Influence", "Interest"),
        ("vi", "Mức ảnh hưởng", "Mức quan tâm"),
    ):
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


def test_a_long_email_breaks_after_its_at_sign(session: Session, data: Sample, tmp_path: Path) -> None:
    """Too wide for its cell, an address breaks after the "@", not before its last letter
    ("…@visecurity.example.v" / "n" on a line of its own, as an office reviewer printed it)."""
    import dataclasses

    from pypdf import PdfReader

    brief = gather_contact(session, data.nhung, today=TODAY)
    long = "huong.nguyen7@visecurity-and-partners.example.vn"
    brief = dataclasses.replace(brief, emails=(long, "an@nic.vn"))
    for lang in ("en", "vi"):
        path = tmp_path / f"contact-{lang}.pdf"
        render.render_contact(brief, path, lang=lang)
        lines = [line.strip() for line in (PdfReader(str(path)).pages[0].extract_text() or "").splitlines()]
        assert any(line.endswith("huong.nguyen7@") for line in lines), lines
        assert any(line.startswith("visecurity-and-partners.example.vn") for line in lines), lines
        assert "an@nic.vn" in " ".join(lines)  # a short one stays whole
