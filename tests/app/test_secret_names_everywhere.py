"""A confidential person or organisation named in passing — an ordinary meeting's title, its
place, its agenda, an action's notes — is found the same way by the brief, the calendar and the
letter (:mod:`app.secret_names`), however it is spelt there.

Before, each had rules of its own: the same ordinary meeting "Gặp luu van mat bàn thương vụ
QBM" was headed CONFIDENTIAL in its brief when the name kept its diacritics and not without them,
went into the exported calendar CLASS:PUBLIC with both names unmarked (the calendar looked at
linked records only), and was left out of the letter (which folded the names). Each output is
read back: the PDF's text, the .ics parsed with icalendar, the .docx with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar
from sqlalchemy.engine import Engine

from app import calendars, records, secret_names
from app.briefing import render
from app.briefing.gather import gather_meeting
from app.cli import main
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.briefing.pdfutil import pdf_text

TITLE = "Gặp luu van mat bàn thương vụ QBM"
AGENDA = "Điều khoản với Genetica; an toàn dữ liệu"


def _office(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        records.create(s, "organisation", {"name": "Quỹ Bí Mật", "acronym": "QBM", "confidential": True})
        records.create(s, "organisation", {"name": "Genetica", "confidential": True})
        records.create(s, "contact", {"full_name": "Lưu Văn Mật", "confidential": True})
        records.create(s, "contact", {"full_name": "An", "confidential": True})
        ha = records.create(s, "contact", {"full_name": "Lê Thu Hà", "organisation_id": most})
        meeting = records.create(
            s,
            "meeting",
            {"title": TITLE, "starts_at": dt.datetime(2026, 12, 9, 9), "agenda": AGENDA,
             "location": "Văn phòng Quỹ Bí Mật", "organisation_ids": [most],
             "attendees": [{"contact_id": ha, "role": "participant"}]},
        )  # fmt: skip
        action = records.create(
            s,
            "action",
            {"title": "Gửi hồ sơ năng lực", "organisation_id": most, "due_date": dt.date(2026, 12, 11),
             "notes": "Hỏi ý kiến LƯU VĂN MẬT trước khi gửi"},
        )  # fmt: skip
    return {"meeting": meeting, "action": action, "most": most}


def test_the_finder_rules() -> None:
    """Full names whatever the case, diacritics and spacing, as whole words; acronyms in capitals
    as written; an organisation's one word of five letters or more; a one-word person only for
    letters (``every_word``)."""
    mark = secret_names.mark_within
    assert (
        mark("Gặp luu  van MAT, rồi Lưu Văn Mật", ["Lưu Văn Mật"], "M")
        == "Gặp luu  van MAT (M), rồi Lưu Văn Mật (M)"
    )
    assert mark("QBM và qbm; QBMX", ["QBM"], "M") == "QBM (M) và qbm; QBMX"
    assert mark("Bộ Khoa học và Công nghệ, khoa học", ["Khoa học", "Bộ Khoa học và Công nghệ"], "M") == (
        "Bộ Khoa học và Công nghệ (M), khoa học (M)"
    )
    decomposed = "Gặp Lu\u031bu Va\u0306n Ma\u0323\u0302t nhé"  # (NFD, as some Mac files have it)
    assert mark(decomposed, ["Lưu Văn Mật"], "M") == decomposed.replace("t nhé", "t (M) nhé")
    assert secret_names.nameable("Genetica", "organisation") and not secret_names.nameable(
        "Sao", "organisation"
    )
    assert not secret_names.nameable("An") and secret_names.nameable("An", every_word=True)
    assert not secret_names.nameable("Genetica", "contact")


@pytest.mark.parametrize(
    ("lang", "mark", "header"), [("en", "Confidential", "CONFIDENTIAL"), ("vi", "Mật", "MẬT")]
)
def test_the_brief_marks_them_however_spelt(
    engine: Engine, tmp_path: Path, lang: str, mark: str, header: str
) -> None:
    ids = _office(engine)
    with clock.frozen(dt.datetime(2026, 12, 8, 10)), read_session(engine) as s:
        brief = gather_meeting(s, ids["meeting"])
    path = tmp_path / f"m-{lang}.pdf"
    render.render_meeting(brief, path, lang=lang)
    text = " ".join(" ".join(pdf_text(path)).split())
    assert f"Gặp luu van mat ({mark}) bàn thương vụ QBM ({mark})" in text, text
    assert f"Điều khoản với Genetica ({mark}); an toàn dữ liệu" in text, text
    assert f"Văn phòng Quỹ Bí Mật ({mark})" in text, text
    assert text.startswith(f"{header} ") and "(3)" in text[:120], text[:120]  # QBM, Genetica, Mật


@pytest.mark.parametrize(("lang", "mark"), [("en", "Confidential"), ("vi", "Mật")])
def test_the_calendar_marks_them_and_keeps_the_events_private(engine: Engine, lang: str, mark: str) -> None:
    ids = _office(engine)
    with read_session(engine) as s:
        data = calendars.export_ics(s, [ids["meeting"]], action_ids=[ids["action"]], lang=lang).data
    events = {str(e["UID"]).split("-")[0]: e for e in Calendar.from_ical(data).walk() if e.name == "VEVENT"}
    meeting, action = events["meeting"], events["action"]
    assert str(meeting["SUMMARY"]) == f"Gặp luu van mat ({mark}) bàn thương vụ QBM ({mark})"
    assert str(meeting["LOCATION"]) == f"Văn phòng Quỹ Bí Mật ({mark})"
    assert f"Điều khoản với Genetica ({mark}); an toàn dữ liệu" in str(meeting["DESCRIPTION"])
    assert str(meeting["CLASS"]) == "PRIVATE"
    assert f"Hỏi ý kiến LƯU VĂN MẬT ({mark}) trước khi gửi" in str(action["DESCRIPTION"])
    assert str(action["CLASS"]) == "PRIVATE"


def test_an_event_naming_no_one_confidential_stays_public(engine: Engine) -> None:
    """ "An toàn" is not the confidential "An"; "Quỹ" alone is not "Quỹ Bí Mật"."""
    _office(engine)
    with unit_of_work(engine) as s:
        plain = records.create(
            s, "meeting", {"title": "An toàn dữ liệu ở Quỹ", "starts_at": dt.datetime(2026, 12, 10, 9)}
        )
    with read_session(engine) as s:
        data = calendars.export_ics(s, [plain], reminders="none").data
    (event,) = [e for e in Calendar.from_ical(data).walk() if e.name == "VEVENT"]
    assert str(event["SUMMARY"]) == "An toàn dữ liệu ở Quỹ" and str(event["CLASS"]) == "PUBLIC"


def test_the_letter_leaves_them_out(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    ids = _office(engine)
    path = tmp_path / "thu.docx"
    assert (
        main(
            [
                "letter",
                "draft",
                f"meeting:{ids['meeting']}",
                "--to",
                "MOST",
                "-o",
                str(path),
                "--db",
                str(db_path),
            ]
        )
        == 0
    )
    doc = Document(str(path))
    text = "\n".join([p.text for p in doc.paragraphs] + [doc.core_properties.title or ""])
    for word in ("luu van mat", "QBM", "Genetica", "Quỹ Bí Mật"):
        assert word.casefold() not in text.casefold(), (word, text)


def test_the_briefs_file_is_not_named_after_them(engine: Engine, tmp_path: Path) -> None:
    """A file's name travels where its content does not (an attachment, a folder's listing):
    the brief of an ordinary meeting whose title names a confidential person is named as a
    confidential meeting's is, by its day only, in "Save as…" and when written."""
    from app.briefing.produce import BriefRequest, produce, suggested_file_name

    ids = _office(engine)
    with unit_of_work(engine) as s:
        plain = records.create(
            s, "meeting", {"title": "Giao ban tuần", "starts_at": dt.datetime(2026, 12, 10, 8)}
        )
    today = dt.date(2026, 12, 8)
    req = BriefRequest("meeting", ids["meeting"])
    with read_session(engine) as s:
        assert suggested_file_name(s, req, today) == "brief-meeting-2026-12-09-confidential-2026-12-08.pdf"
        assert suggested_file_name(s, BriefRequest("meeting", plain), today).startswith(
            "brief-meeting-2026-12-10-giao-ban-tuan"
        )
    with clock.frozen(dt.datetime(2026, 12, 8, 10)):
        done = produce(engine, req, today=today, folder=tmp_path)
    assert done.path.name == "brief-meeting-2026-12-09-confidential-2026-12-08.pdf"


def test_the_tray_leaves_out_a_due_title_naming_them(engine: Engine) -> None:
    """The tray's message is shown by the system and kept where anyone may read it: a due
    action whose title names a confidential person is left out of it, as a confidential action
    is (the banner in the window marks it)."""
    from app.dashboard import due_summary

    _office(engine)
    with unit_of_work(engine) as s:
        records.create(s, "action", {"title": "Gọi cho luu van mat", "due_date": dt.date(2026, 12, 7)})
        records.create(s, "action", {"title": "Gửi lịch họp", "due_date": dt.date(2026, 12, 7)})
    with read_session(engine) as s:
        summary = due_summary(s, today=dt.date(2026, 12, 8))
    said = dict(zip(summary.first_titles, summary.first_confidential, strict=True))
    assert said == {"Gọi cho luu van mat": True, "Gửi lịch họp": False}


def test_a_letter_leaves_out_an_acronym_written_small(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    """A letter goes to an outsider: there an acronym is looked for in any case ("qbm"), where
    a brief marks it only as written (lower case it is often a word)."""
    ids = _office(engine)
    with unit_of_work(engine) as s:
        meeting = records.create(
            s,
            "meeting",
            {"title": "Làm việc với MOST về vốn của qbm", "starts_at": dt.datetime(2026, 12, 9, 14),
             "organisation_ids": [ids["most"]]},
        )  # fmt: skip
    path = tmp_path / "qbm.docx"
    assert (
        main(["letter", "draft", f"meeting:{meeting}", "--to", "MOST", "-o", str(path), "--db", str(db_path)])
        == 0
    )
    doc = Document(str(path))
    text = "\n".join([p.text for p in doc.paragraphs] + [doc.core_properties.title or ""])
    assert "qbm" not in text.casefold(), text
