"""An email the import could not keep as an address is kept in the contact's notes, so that
nothing is lost; the notes say what it is and where it came from (reviewer h149: a duplicate
row's "khong-co-email" went into the kept contact's notes as "Email: khong-co-email", and their
brief printed it as though it were an address of theirs). The brief prints the notes as the
contact's page shows them; imported from a real workbook, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.cli import main
from db import models as m
from db.engine import read_session
from tests.app.briefing.pdfutil import pdf_text
from tests.app.importing.helpers import do_import, write_xlsx

NOTE = "Nhập từ “Danh bạ”, dòng 3: email không hợp lệ “khong-co-email”"


def test_a_duplicate_rows_invalid_email_is_noted_as_what_it_is_on_the_brief(
    engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Họ và tên", "Đơn vị", "Email", "Ghi chú"],
        [
            "Lý Ngọc An",
            "Viện Nghiên cứu Dữ liệu lớn",
            "an.ly@vinbigdata.example.vn",
            "Gặp tại phiên làm việc",
        ],
        ["Lý Ngọc An", "Viện Nghiên cứu Dữ liệu lớn", "khong-co-email", None],  # a duplicate
        ["Lý Ngọc An", "Viện Nghiên cứu Dữ liệu lớn", "khong-co-email", None],  # and again
    ]
    pv, _result = do_import(engine, write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": rows}))
    assert [r.status for r in pv.rows] == ["new", "duplicate", "duplicate"]
    with read_session(engine) as s:
        an_id, notes = s.exec(select(m.Contact.id, m.Contact.notes)).one()
    assert notes == f"Gặp tại phiên làm việc\n{NOTE}"  # once, from the first row that had it
    path = tmp_path / "an.pdf"
    code = main(["brief", "contact", str(an_id), "--lang", "vi", "-o", str(path), "--db", str(db_path)])
    assert code == 0, capsys.readouterr().err
    text = " ".join(" ".join(pdf_text(path)).split())
    assert NOTE in text, text
    assert "Email: khong-co-email" not in text
