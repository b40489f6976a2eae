"""A meeting brief's agenda is printed whole up to the notes' limit, and beyond it says how much
is left out, in the brief's language (reviewer h103: a 35-item agenda of 2,536 characters stopped
at item 17, mid-word, with a bare "…"; the Vietnamese note wrote "18,597 ký tự"). Read back from
the PDF."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sqlmodel import Session

from app.briefing import render
from app.briefing.gather import gather_meeting
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import Sample

ITEMS = "\n".join(
    f"Mục {i}: trao đổi về phân bổ ngân sách và tiến độ hợp tác giai đoạn {i}" for i in range(1, 36)
)


def _text(path: Path) -> str:
    return " ".join(" ".join(pdf_text(path)).split())


def test_an_agenda_of_35_items_is_printed_whole(session: Session, data: Sample, tmp_path: Path) -> None:
    assert len(ITEMS) > 2_400
    brief = dataclasses.replace(gather_meeting(session, data.planned), agenda=ITEMS)
    path = tmp_path / "agenda.pdf"
    render.render_meeting(brief, path, lang="en")
    text = _text(path)
    assert "Mục 35: trao đổi về phân bổ ngân sách và tiến độ hợp tác giai đoạn 35" in text
    assert "more characters in Ketnoi" not in text


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", r"… 10,0\d\d more characters in Ketnoi\."), ("vi", r"… còn 10\.0\d\d ký tự nữa trong Ketnoi\.")],
)
def test_a_longer_agenda_says_how_much_is_left_out(
    session: Session, data: Sample, tmp_path: Path, lang: str, said: str
) -> None:
    agenda = ("Chuẩn bị nội dung làm việc. " * 1_500)[:30_000]
    brief = dataclasses.replace(gather_meeting(session, data.planned), agenda=agenda)
    path = tmp_path / f"agenda-{lang}.pdf"
    render.render_meeting(brief, path, lang=lang)
    assert re.search(said, _text(path))
