"""A brief names the country in its language, as a person writes it ("Hòa Lạc, Việt Nam"), not
by the code the database keeps (reviewer: "Quốc gia: VN", "Hà Nội, VN"); a code with no known
name is printed as it is. Read back from the PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.briefing import render
from app.briefing.gather import gather_contact, gather_organisation
from db.engine import read_session, unit_of_work
from db.models import Contact, Organisation
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import TODAY, Sample


@pytest.mark.parametrize(
    ("lang", "location", "country"),
    [
        ("en", "Location Hòa Lạc, Viet Nam", "Country Viet Nam"),
        ("vi", "Địa điểm Hòa Lạc, Việt Nam", "Quốc gia Việt Nam"),
    ],
)
def test_the_country_is_named_in_the_briefs_language(
    engine: Engine, data: Sample, tmp_path: Path, lang: str, location: str, country: str
) -> None:
    with read_session(engine) as s:
        org = gather_organisation(s, data.nic, today=TODAY)
        person = gather_contact(s, data.nhung, today=TODAY)
    render.render_organisation(org, tmp_path / "org.pdf", lang=lang)
    render.render_contact(person, tmp_path / "contact.pdf", lang=lang)
    org_text = " ".join(pdf_text(tmp_path / "org.pdf"))
    contact_text = " ".join(pdf_text(tmp_path / "contact.pdf"))
    assert location in org_text and ", VN" not in org_text
    assert country in contact_text and "VN " not in contact_text.replace("VNPT", "")


@pytest.mark.parametrize(
    ("code", "en", "vi"), [("LA", "Laos", "Lào"), ("KR", "South Korea", "Hàn Quốc"), ("ZZ", "ZZ", "ZZ")]
)
def test_other_countries_and_an_unknown_code(
    engine: Engine, data: Sample, tmp_path: Path, code: str, en: str, vi: str
) -> None:
    """Any country the phone-number library names (Laos), and a code nobody names, as written."""
    with unit_of_work(engine) as s:
        for row in (s.get(Organisation, data.nic), s.get(Contact, data.nhung)):
            assert row is not None
            row.country = code
            s.add(row)
    with read_session(engine) as s:
        org = gather_organisation(s, data.nic, today=TODAY)
        person = gather_contact(s, data.nhung, today=TODAY)
    for lang, name in (("en", en), ("vi", vi)):
        render.render_organisation(org, tmp_path / f"org-{lang}.pdf", lang=lang)
        render.render_contact(person, tmp_path / f"contact-{lang}.pdf", lang=lang)
        assert f"Hòa Lạc, {name}" in " ".join(pdf_text(tmp_path / f"org-{lang}.pdf"))
        label = "Country" if lang == "en" else "Quốc gia"
        assert f"{label} {name}" in " ".join(pdf_text(tmp_path / f"contact-{lang}.pdf"))
