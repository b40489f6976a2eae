"""A confidential contact or organisation named in what someone wrote — an ordinary meeting's
title, a decision, an action's title, the notes — is marked there too, and the brief is headed
CONFIDENTIAL (reviewer h103's "Gặp Lưu Văn Mật tuần trước", a confidential contact's name in an
ordinary meeting's title; h99 left free text unmarked). A one-word name ("An") is not looked for
in text: it would mark "An toàn". Read back from real PDFs, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.briefing import render
from app.briefing.gather import gather_organisation
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.briefing.pdfutil import pdf_text


def _genetica(engine: Engine) -> int:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Sinh học Genetica", "acronym": "GEN"})
        records.create(s, "organisation", {"name": "Quỹ Bí Mật", "acronym": "QBM", "confidential": True})
        records.create(s, "contact", {"full_name": "Lưu Văn Mật", "confidential": True})
        records.create(s, "contact", {"full_name": "An", "confidential": True})
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Gặp lưu văn mật tuần trước",
                "starts_at": dt.datetime(2026, 11, 12, 9),
                "decisions": "QBM rót vốn cho Genetica; An toàn dữ liệu là điều kiện.",
            },
        )
        from db.models import MeetingOrganisation

        s.add(MeetingOrganisation(meeting_id=meeting, organisation_id=org))
        records.create(
            s,
            "action",
            {"title": "Gửi hồ sơ cho QBM", "organisation_id": org, "due_date": dt.date(2026, 12, 1)},
        )
        records.update(s, "organisation", org, {"notes": "Liên hệ qua Lưu Văn Mật."}, expected_version=None)
    return org


@pytest.mark.parametrize(
    ("lang", "mark", "header"), [("en", "Confidential", "CONFIDENTIAL"), ("vi", "Mật", "MẬT")]
)
def test_confidential_names_in_free_text_are_marked(
    engine: Engine, tmp_path: Path, lang: str, mark: str, header: str
) -> None:
    org = _genetica(engine)
    with clock.frozen(dt.datetime(2026, 11, 20, 10)), read_session(engine) as s:
        brief = gather_organisation(s, org)
    path = tmp_path / f"gen-{lang}.pdf"
    render.render_organisation(brief, path, lang=lang)
    text = " ".join(" ".join(pdf_text(path)).split())
    assert f"Gặp lưu văn mật ({mark}) tuần trước" in text, text  # any case, as written
    assert f"QBM ({mark}) rót vốn" in text and f"Gửi hồ sơ cho QBM ({mark})" in text, text
    assert f"Liên hệ qua Lưu Văn Mật ({mark})." in text, text
    assert f"An ({mark})" not in text and "An toàn dữ liệu" in text
    assert text.startswith(header), text[:80]
