"""Our own staff on a meeting logged from the command line (reviewer h129: a hand-logged
meeting had an empty "Cán bộ dự / Our staff" column in the export and no "Thành phần phía ta"
in its brief; only an import or the demo filled them): ``ketnoi log-meeting --staff NAME`` (and
``"staff"`` in a JSON file, ``ketnoi meeting edit --staff``) records them, the export and the
brief show them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db.engine import unit_of_work
from tests.app.briefing.pdfutil import pdf_text
from tests.cli.test_records import Ketnoi


@pytest.fixture
def ketnoi(engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str]) -> Ketnoi:
    with unit_of_work(engine) as s:
        for name in ("Trần Minh Quân", "Lê Thu Hà", "Phạm Văn Long"):
            records.create(s, "staff", {"name": name})
    return Ketnoi(db_path, capsys)


def _run(ketnoi: Ketnoi, *args: str) -> None:
    """A command that writes a file (no --json)."""
    assert main([*args, "--db", ketnoi.db]) == 0


def _staff_cell(path: Path) -> str:
    sheet = load_workbook(path, read_only=True)["Cuộc họp (Meetings)"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r and "Cán bộ dự / Our staff" in r)
    body = rows[rows.index(header) + 1]
    return str(body[header.index("Cán bộ dự / Our staff")] or "")


def test_log_meeting_records_our_staff_and_the_export_and_brief_show_them(
    ketnoi: Ketnoi, tmp_path: Path
) -> None:
    ketnoi("org", "add", "--name", "Bộ Khoa học và Công nghệ", "--acronym", "MOST")
    ketnoi("contact", "add", "--name", "Bùi Đức Hà", "--organisation", "MOST")
    logged = ketnoi(
        "log-meeting", "--title", "Làm việc với Bộ KH&CN", "--at", "2026-11-23 09:00",
        "--organisation", "MOST", "--attendee", "bui duc ha",
        "--staff", "tran minh q", "--staff", "Lê Thu Hà",  # accents optional, as everywhere
    )  # fmt: skip
    meeting_id = logged["meeting_id"]
    assert len(ketnoi("meeting", "show", str(meeting_id))["record"]["staff_ids"]) == 2

    _run(ketnoi, "export", str(tmp_path / "all.xlsx"))
    assert _staff_cell(tmp_path / "all.xlsx").split("; ") == ["Lê Thu Hà", "Trần Minh Quân"]

    _run(ketnoi, "brief", "meeting", str(meeting_id), "--lang", "vi", "-o", str(tmp_path / "m.pdf"))
    text = pdf_text(tmp_path / "m.pdf")[0]
    assert "Thành phần phía ta" in text
    assert "Trần Minh Quân" in text and "Lê Thu Hà" in text

    # edited from the command line too: the staff replaced
    ketnoi("meeting", "edit", str(meeting_id), "--staff", "Phạm Văn Long")
    _run(ketnoi, "export", str(tmp_path / "again.xlsx"))
    assert _staff_cell(tmp_path / "again.xlsx") == "Phạm Văn Long"


def test_a_json_file_names_our_staff(ketnoi: Ketnoi, tmp_path: Path) -> None:
    spec = tmp_path / "meeting.json"
    spec.write_text(
        json.dumps({"title": "Gọi điện", "at": "2026-11-24 10:00", "staff": ["Pham Van Long"]}),
        encoding="utf-8",
    )
    logged = ketnoi("log-meeting", "--from-file", str(spec))
    assert len(logged["meeting"]["staff_ids"]) == 1


def test_the_lines_printed_name_our_staff(
    engine: Engine, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    with unit_of_work(engine) as s:
        quan = records.create(s, "staff", {"name": "Trần Minh Quân"})
    code = main(["log-meeting", "--title", "Họp", "--at", "2026-11-23 09:00", "--staff", "Quan",
                 "--db", str(db_path)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert f"our staff #{quan} Trần Minh Quân" in out


def test_an_unknown_staff_member_is_a_one_line_error(ketnoi: Ketnoi) -> None:
    _doc, err = ketnoi.fails(
        "log-meeting", "--title", "Họp", "--at", "2026-11-23 09:00", "--staff", "Nobody Here"
    )
    assert "Nobody Here" in err
