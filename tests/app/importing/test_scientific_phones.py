"""A phone written in scientific notation (reviewer h109: sci.csv, partnerE row 9).

"9.12345006E8" was stored as 9123450068 (the letters dropped, the exponent's digit appended);
"9.12345E+08" went to the notes without saying why. Now a number in scientific notation is
read as the number it is when every digit is written (9.12345006E8 = 912345006), and one that
may have lost digits (Excel's display 9.12345E+08 = 912345000) is kept in the notes with a
warning that says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import select

from app import records
from app.importing.messages import text
from app.importing.scinum import scientific
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx


def _contacts(engine: Engine) -> dict[str, dict[str, Any]]:
    with read_session(engine) as s:
        return {c.full_name: records.get(s, "contact", c.id) for c in s.exec(select(m.Contact)).all()}


def test_a_phone_in_scientific_notation_from_a_csv(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "sci.csv"
    path.write_text(
        "\ufeffHọ và tên;SĐT;Đơn vị;Email\n"
        "Nguyễn Văn Một;9.12345E+08;Sở KH&CN;mot@x.example.vn\n"
        "Trần Hai;9.12345006E8;Sở KH&CN;hai@x.example.vn\n"
        "Lê Ba;8.49123E+10;Sở KH&CN;ba@x.example.vn\n",
        encoding="utf-8",
    )
    pv, result = do_import(engine, path)
    assert result.counts["new"] == 3
    said = {(w.row, w.code): w for r in pv.rows for w in r.warnings}
    assert sorted(said) == [(2, "phone_scientific"), (4, "phone_scientific")]
    assert text(said[(2, "phone_scientific")], "en", where=True) == (
        'sheet "sci", row 2, column SĐT (B): "9.12345E+08" is written in scientific notation, so digits '
        "may be lost: kept in the notes; write the number in full"
    )
    assert "số khoa học" in text(said[(2, "phone_scientific")], "vi")
    got = _contacts(engine)
    assert got["Trần Hai"]["phones"] == ["+84912345006"]  # (not +849123450068)
    assert got["Nguyễn Văn Một"]["phones"] == []
    assert got["Nguyễn Văn Một"]["notes"] == "SĐT: 9.12345E+08"
    assert got["Lê Ba"]["phones"] == [] and got["Lê Ba"]["notes"] == "SĐT: 8.49123E+10"


def test_a_phone_in_scientific_notation_typed_as_text_in_a_workbook(engine: Engine, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Điện thoại", "Email"],
        ["Vũ Đức Long", "9.12345006E8", "long.vd@hp.example.vn"],
        ["Đỗ Minh", "9,12345E+08", "minh@hp.example.vn"],  # (a Vietnamese decimal comma: one number)
        ["Phan Hà", "0912 345 678", "ha@hp.example.vn"],
    ]
    pv, _ = do_import(engine, write_xlsx(tmp_path / "hp.xlsx", {"Danh bạ": rows}))
    assert [(w.row, w.code) for r in pv.rows for w in r.warnings] == [(3, "phone_scientific")]
    got = _contacts(engine)
    assert got["Vũ Đức Long"]["phones"] == ["+84912345006"]
    assert got["Đỗ Minh"]["phones"] == [] and got["Đỗ Minh"]["notes"] == "Điện thoại: 9,12345E+08"
    assert got["Phan Hà"]["phones"] == ["+84912345678"]


def test_what_scientific_notation_reads_as() -> None:
    assert scientific("9.12345006E8") == ("912345006", True)
    assert scientific("9.12345E+08") == ("912345000", False)
    assert scientific("9,12345E+08") == ("912345000", False)
    assert scientific("8.49123456789E+10")[1] is False  # (84912345678.9: no phone number)  # type: ignore[index]
    assert scientific("8.4912345678E+10") == ("84912345678", True)
    assert scientific("0912 345 678") is None
    assert scientific("Ext. 12") is None
