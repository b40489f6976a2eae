"""An English letter's subject inside its sentence reads as words of the sentence: "We are
pleased to write to you regarding introducing our officer …", not "regarding Introducing our
officer …" (seen in docs/letters/letter-en.png); a name stays capitalised."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from sqlalchemy.engine import Engine

from app import records
from app.letters import draft, register
from db.engine import read_session, unit_of_work


def _body(engine: Engine, subject_en: str, tmp_path: Path) -> str:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Cổ phần Genetica", "acronym": "Genetica"})
        letter = register.add_letter(
            s,
            {
                "subject": "Giới thiệu cán bộ đến làm việc",
                "subject_en": subject_en,
                "symbol": "NIC-HTQT",
                "organisation_id": org,
                "template": "introduction",
            },
        )
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter, lang="en")
    path = draft.write_docx(doc, tmp_path / "letter.docx")
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_a_subject_of_common_words_is_lower_case_in_the_sentence(engine: Engine, tmp_path: Path) -> None:
    body = _body(engine, "Introducing our officer for work on genome sequencing", tmp_path)
    assert "regarding introducing our officer for work on genome sequencing." in body


def test_a_subject_that_begins_with_a_name_keeps_it(engine: Engine, tmp_path: Path) -> None:
    body = _body(engine, "Genetica's genome sequencing programme", tmp_path)
    assert "regarding Genetica's genome sequencing programme." in body
