"""A meeting's letter, drafted through ``ketnoi letter draft meeting:ID`` and parsed back with
python-docx: written to the other organisation met, never to the office itself; the first of
several by the meeting's order, ``--to`` another; a letter apart from its actions' letters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db.engine import unit_of_work


def _texts(path: Path) -> list[str]:
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            out += [p.text for p in cell.paragraphs]
    return out


def _meeting(engine: Engine, *partners: str) -> int:
    """A past meeting (the clock is pinned to 23/11/2026) of the office (made first, so the lowest id) with ``partners``."""
    with unit_of_work(engine) as s:
        ours = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        others = [records.create(s, "organisation", {"name": name}) for name in partners]
        return records.create(
            s,
            "meeting",
            {
                "title": "Working session on the AI R&D ecosystem",
                "starts_at": dt.datetime(2026, 11, 20, 14, 0),
                "organisation_ids": [*others, ours],
            },
        )


Run = Callable[..., str]


@pytest.fixture
def run(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``ketnoi ARGS --db …``: what it printed (and said wrong); ``ok=False``: it refused."""

    def run(*args: str, ok: bool = True) -> str:
        capsys.readouterr()
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        assert (code == 0) == ok, err
        return out + err

    return run


def test_a_thank_you_letter_is_never_written_to_our_own_office(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    meeting = _meeting(engine, "NVIDIA Vietnam R&D Center")
    path = tmp_path / "m.docx"
    out = run(
        "letter", "draft", f"meeting:{meeting}", "--template", "thanks", "--lang", "en", "-o", str(path)
    )
    texts = _texts(path)
    assert "To: NVIDIA Vietnam R&D Center" in texts
    assert not any("Đổi mới sáng tạo" in t for t in texts if t.startswith("To:"))
    assert "To: NVIDIA Vietnam R&D Center" in out


def test_several_organisations_met_the_first_by_the_meetings_order_and_to_picks_another(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    meeting = _meeting(engine, "NVIDIA Vietnam R&D Center", "Qualcomm AI R&D Center Hanoi")
    path = tmp_path / "m.docx"
    out = run("letter", "draft", f"meeting:{meeting}", "-o", str(path))
    assert "Kính gửi: NVIDIA Vietnam R&D Center" in _texts(path)
    assert "the first of the organisations met besides ours" in out
    assert "Qualcomm AI R&D Center Hanoi" in out and "--to ORG" in out
    out = run("letter", "draft", f"meeting:{meeting}", "--to", "Qualcomm", "-o", str(path))
    assert "Letter #2" in out  # another letter: NVIDIA's draft stays (test_to_another_is_a_new_letter)
    assert "Kính gửi: Qualcomm AI R&D Center Hanoi" in _texts(path)
    out = run("letter", "draft", f"meeting:{meeting}", "--to", "NIC", "-o", str(path), ok=False)
    assert "our own office" in out
    assert "Kính gửi: Qualcomm AI R&D Center Hanoi" in _texts(path)


def test_a_meeting_letter_is_not_the_letter_of_one_of_its_actions(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    meeting = _meeting(engine, "NVIDIA Vietnam R&D Center")
    with unit_of_work(engine) as s:
        action = records.create(
            s,
            "action",
            {"title": "Shortlist 5 start-ups for NVIDIA compute credits", "meeting_id": meeting},
        )
    out = run("letter", "draft", f"action:{action}", "-o", str(tmp_path / "a.docx"))
    assert "Letter #1" in out
    out = run(
        "letter",
        "draft",
        f"meeting:{meeting}",
        "--template",
        "thanks",
        "--lang",
        "en",
        "-o",
        str(tmp_path / "m.docx"),
    )
    assert "Letter #2" in out
    body = " ".join(_texts(tmp_path / "m.docx"))
    assert "the meeting on 20 November 2026 about the AI R&D ecosystem" in body and "Shortlist" not in body
    # the same meeting letter again; an invitation is another letter of the meeting
    out = run("letter", "draft", f"meeting:{meeting}", "-o", str(tmp_path / "m2.docx"))
    assert "Letter #2" in out
    out = run(
        "letter", "draft", f"meeting:{meeting}", "--template", "invitation", "-o", str(tmp_path / "i.docx")
    )
    assert "Letter #3" in out
    out = run("letter", "draft", f"action:{action}", "-o", str(tmp_path / "a2.docx"))
    assert "Letter #1" in out
    listed = json.loads(run("letter", "list", "--json"))
    assert {(x["id"], x["action_id"], x["template"]) for x in listed["letters"]} == {
        (1, action, "other"),
        (2, None, "thanks"),
        (3, None, "invitation"),
    }


def _letters(run: Run) -> dict[int, tuple[str, str]]:
    """Each letter's (addressee, status), by id."""
    rows = json.loads(run("letter", "list", "--json"))["letters"]
    return {r["id"]: (r["organisation"], r["status"]) for r in rows}


def test_to_another_organisation_is_a_new_letter_the_first_stays(
    engine: Engine, run: Run, tmp_path: Path
) -> None:
    """Reviewer: ``--to NVIDIA`` readdressed the ministry's draft (its history "Organisation: Bộ
    Khoa học và Công nghệ → NVIDIA"), and once it was signed refused any other letter."""
    meeting = _meeting(
        engine, "Bộ Khoa học và Công nghệ", "NVIDIA Vietnam R&D Center", "Qualcomm AI R&D Center Hanoi"
    )
    path = tmp_path / "m.docx"
    run("letter", "draft", f"meeting:{meeting}", "-o", str(path))
    assert _letters(run) == {1: ("Bộ Khoa học và Công nghệ", "draft")}
    out = run("letter", "draft", f"meeting:{meeting}", "--to", "NVIDIA", "-o", str(path))
    assert "Letter #2" in out and "Kính gửi: NVIDIA Vietnam R&D Center" in _texts(path)
    assert _letters(run) == {
        1: ("Bộ Khoa học và Công nghệ", "draft"),
        2: ("NVIDIA Vietnam R&D Center", "draft"),
    }
    assert "NVIDIA" not in run("letter", "show", "1")  # no readdressing in its history
    # again to NVIDIA: its letter, not a third; to the ministry by name: the first
    assert "Letter #2" in run("letter", "draft", f"meeting:{meeting}", "--to", "NVIDIA", "-o", str(path))
    assert "Letter #1" in run(
        "letter", "draft", f"meeting:{meeting}", "--to", "Bộ Khoa học và Công nghệ", "-o", str(path)
    )
    # signed, the ministry's letter is never touched: a letter to another is still written
    run("letter", "sign", "1")
    run("letter", "sign", "2")
    out = run("letter", "draft", "1", "--to", "Qualcomm", "-o", str(path))
    assert "Letter #3" in out and "Kính gửi: Qualcomm AI R&D Center Hanoi" in _texts(path)
    assert _letters(run)[1] == ("Bộ Khoa học và Công nghệ", "signed")
    assert _letters(run)[3] == ("Qualcomm AI R&D Center Hanoi", "draft")
