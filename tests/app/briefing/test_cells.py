"""What a reader sees in a table cell of a printed brief: every row on a page says whose action
it is, and no word is broken inside (an acronym, an organisation's code, an e-mail address).
The PDFs are read back line by line, as the page shows them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.briefing import render
from app.briefing.data import ActionRow, MeetingPrepBrief, OverdueGroup, PeriodDigest, PersonRow

NAMES = ("Trần Minh Quân", "Lê Thu Hà", "Nguyễn Văn Bình")
HEADER = {
    "en": "Responsible Commitment Organisation Due Working days late",
    "vi": "Người thực hiện Nội dung Tổ chức Hạn Số ngày làm việc trễ",
}
CONTINUED = {"en": "(continued)", "vi": "(tiếp theo)"}
GENERATED = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


def _pages(data: bytes) -> list[list[str]]:
    """Each page's lines, as pypdf reads them back."""
    reader = PdfReader(io.BytesIO(data))
    return [[ln.strip() for ln in (p.extract_text() or "").splitlines() if ln.strip()] for p in reader.pages]


def _digest(**kw: object) -> PeriodDigest:
    return PeriodDigest(
        start=dt.date(2026, 11, 1),
        end=dt.date(2026, 11, 30),
        generated_at=GENERATED,
        today=dt.date(2026, 11, 20),
        **kw,  # type: ignore[arg-type]
    )


def _overdue() -> tuple[OverdueGroup, ...]:
    """Three people with thirty overdue actions each, some titles long enough to be cut between
    two pages."""
    title = "Gửi công văn đề nghị phối hợp tổ chức hội thảo về chuyển đổi số"
    return tuple(
        OverdueGroup(
            name,
            tuple(
                ActionRow(
                    g * 100 + i,
                    " ".join([title] * (1 + (i % 4) * 3)),
                    "we_owe",
                    "open",
                    due_date=dt.date(2026, 10, 1),
                    responsible=name,
                    organisation="UBND",
                    overdue=True,
                    late_workdays=20 + i,
                )
                for i in range(30)
            ),
        )
        for g, name in enumerate(NAMES)
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_page_of_overdue_actions_says_whose_they_are(lang: str) -> None:
    """Reviewer: on a continuation page the first rows had an empty Responsible column (the
    name is printed once, in a group's first row), and the header was repeated mid-page above a
    row cut in two. Now each page of the table starts with the header, once, then a name."""
    buf = io.BytesIO()
    pages = render.render_digest(_digest(overdue=_overdue()), buf, lang=lang)
    assert pages > 4
    from tests.app.briefing.pdfutil import pdf_text

    texts = pdf_text(io.BytesIO(buf.getvalue()))
    with_table = [t for t in texts if HEADER[lang] in t]
    assert len(with_table) >= pages - 1 >= 4
    for i, text in enumerate(with_table):
        assert text.count(HEADER[lang]) == 1, (i, text[:300])  # never again mid-page
        first_row = text.split(HEADER[lang], 1)[1].strip()
        assert first_row.startswith(NAMES), (i, first_row[:80])
        if i and not first_row.startswith(tuple(f"{n} Gửi" for n in NAMES)):
            name = next(n for n in NAMES if first_row.startswith(n))
            assert first_row.startswith(f"{name} {CONTINUED[lang]}"), (i, first_row[:80])
    assert any(CONTINUED[lang] in t for t in with_table[1:])


LONG_ORG_WORDS = ("UBND", "BIDV", "VNPT-Technology", "Viettel-IDC", "VNPT-VinaPhone")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_acronyms_in_narrow_columns_are_never_broken_inside(lang: str) -> None:
    """Reviewer: "VNPT-Technolo" / "gy" in the Organisation column; a word breaks only where
    it has a space, a hyphen or a slash, else prints a little smaller and whole."""
    rows = tuple(
        ActionRow(
            i,
            f"Việc {i}",
            "we_owe",
            "open",
            due_date=dt.date(2026, 10, 1),
            responsible="Lê Thu Hà",
            organisation=org,
            overdue=True,
            late_workdays=3,
        )
        for i, org in enumerate(LONG_ORG_WORDS)
    )
    long_name = "Tổng công ty VNPT-Technology-Holdings-International UBND-TP.HCM/Sở-TTTT"
    rows += (dataclasses.replace(rows[0], action_id=99, organisation=long_name),)
    buf = io.BytesIO()
    render.render_digest(_digest(overdue=(OverdueGroup("Lê Thu Hà", rows),), completed=rows), buf, lang=lang)
    lines = [ln for page in _pages(buf.getvalue()) for ln in page]
    for word in LONG_ORG_WORDS:
        assert sum(word in ln.split() for ln in lines) >= 2, (word, lines)  # whole on a line, both tables
    # the long one breaks at its hyphens and slash only: each line a run of whole pieces
    pieces = {"VNPT-", "Technology-", "Holdings-", "International", "UBND-", "TP.HCM/", "Sở-", "TTTT"}
    parts = [ln for ln in lines if ln and any(p in ln for p in pieces) and ln not in LONG_ORG_WORDS]
    for ln in parts:
        for word in ln.split():
            assert word in long_name.split() or any(word == "".join(seq) for seq in _runs(long_name)), (
                word,
                parts,
            )


def _runs(text: str) -> list[tuple[str, ...]]:
    """Every run of consecutive pieces (cut after hyphens and slashes) of every word in ``text``."""
    import re

    out = []
    for word in text.split():
        cut = re.split(r"(?<=[-/])", word)
        out += [tuple(cut[i:j]) for i in range(len(cut)) for j in range(i + 1, len(cut) + 1)]
    return out


def _meeting(emails: tuple[str, ...]) -> MeetingPrepBrief:
    people = tuple(
        PersonRow(i, name, position="Chuyên viên", organisation="VNPT-Technology", emails=(email,))
        for i, (name, email) in enumerate(
            zip(("Nguyễn Thu Hương", "Phạm Văn An", "Lý Minh"), emails, strict=False)
        )
    )
    return MeetingPrepBrief(
        meeting_id=1,
        title="Làm việc với VNPT",
        starts_at=dt.datetime(2026, 12, 9, 9),
        generated_at=GENERATED,
        today=dt.date(2026, 11, 20),
        attendees=people,
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_email_never_leaves_a_fragment_alone_on_a_line(lang: str, tmp_path: Path) -> None:
    """Reviewer: "huong.nguyen7@visecurity.example." / "vn". An address that fits the "How to
    reach" cell in slightly smaller type prints whole; a longer one breaks after its "@", then
    after a "." that leaves more than a fragment ("example.vn" stays together)."""
    emails = (
        "huong.nguyen@genetica-biotech.example.vn",
        "lan.tt@genetica.example.vn",
        "vanphong@ubnd.hanoi.gov.vn",
    )
    buf = io.BytesIO()
    render.render_meeting(_meeting(emails), buf, lang=lang)
    lines = [ln for page in _pages(buf.getvalue()) for ln in page]
    for fragment in ("vn", "gov.vn", "com", "example.", ".vn"):
        assert fragment not in lines, lines
    # whole, in slightly smaller type (they were cut after the "@")
    assert "lan.tt@genetica.example.vn" in lines and "vanphong@ubnd.hanoi.gov.vn" in lines, lines
    assert "huong.nguyen@" in lines and "example.vn" in lines, lines
    assert "genetica-biotech." in lines or "genetica-biotech.example.vn" in lines, lines
