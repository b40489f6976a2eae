"""The totals and "prepared by" rows at a sheet's foot are no people (reviewer h117): "Tổng
cộng: 3000 liên hệ" in the name column became a contact; "Người lập biểu" (B) and "Vũ Thanh
Hương" (D) on one row became contact "Người lập biểu" at a new organisation "Vũ Thanh Hương"; a
totals row above a proper signing block was still imported. Now they are left out, and the
preview, ``ketnoi import`` and the error report say which rows and why, in English and in
Vietnamese. A person's row is never left out: a name with an email or a phone, a name followed
by its position, a family name "Tống". Real workbooks, a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.cli import main
from app.importing import write_error_report
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, write_xlsx

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại"]
PEOPLE = [
    [1, "Nguyễn Văn Bắc", "Giám đốc", "Sở KH&CN Bắc Ninh", "bac@example.vn", "0912111001"],
    [2, "Trần Thị Hoa", "Chuyên viên", "Sở KH&CN Bắc Ninh", "hoa@example.vn", "0912111002"],
]
NAMES = ["Nguyễn Văn Bắc", "Trần Thị Hoa"]


def _book(tmp_path: Path, tail: list[list[Any]]) -> Path:
    return write_xlsx(tmp_path / "danhba.xlsx", {"Danh bạ": [HEADER, *PEOPLE, *tail]})


def _contacts(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        return sorted(c.full_name for c in s.exec(select(m.Contact)).all())


def _organisations(engine: Engine) -> list[str]:
    with read_session(engine) as s:
        return sorted(o.name for o in s.exec(select(m.Organisation)).all())


def test_a_total_in_the_name_column_is_no_contact(engine: Engine, tmp_path: Path) -> None:
    pv, result = do_import(engine, _book(tmp_path, [[None, "Tổng cộng: 3000 liên hệ"]]))
    assert result.counts["new"] == 2
    assert _contacts(engine) == NAMES
    said = [text(w, "en") for w in pv.sheet_warnings]
    assert said == ['row 4: a total below the list ("Tổng cộng: 3000 liên hệ"), not a person: not imported']
    assert text(pv.sheet_warnings[0], "vi") == (
        'dòng 4: dòng tổng cộng bên dưới danh sách ("Tổng cộng: 3000 liên hệ"), không phải một người: '
        "không được nhập"
    )
    assert pv.sheet_warnings[0].sheet == "Danh bạ"


@pytest.mark.parametrize(
    "total",
    [
        [None, "Tổng cộng", None, None, None, "2 người"],
        ["Tổng cộng: 2"],
        [None, "Cộng:", None, None, None, 2],
        [None, "Total", None, None, None, 2],
        [None, "Tổng số cán bộ: 2"],
    ],
)
def test_totals_written_every_way_are_left_out(engine: Engine, tmp_path: Path, total: list[Any]) -> None:
    pv, _ = do_import(engine, _book(tmp_path, [[], total]))
    assert _contacts(engine) == NAMES
    assert [w.code for w in pv.sheet_warnings] == ["total_left_out"]
    assert pv.sheet_warnings[0].params["rows"] == "5"


def test_a_title_and_its_signer_on_one_row_are_no_contact_and_no_organisation(
    engine: Engine, tmp_path: Path
) -> None:
    pv, _ = do_import(engine, _book(tmp_path, [[], [None, "Người lập biểu", None, "Vũ Thanh Hương"]]))
    assert _contacts(engine) == NAMES
    assert _organisations(engine) == ["Sở KH&CN Bắc Ninh"]
    assert [text(w, "en") for w in pv.sheet_warnings] == [
        "row 5: the signatures below the list, not imported"
    ]
    assert text(pv.sheet_warnings[0], "vi") == "dòng 5: phần ký tên bên dưới danh sách, không được nhập"


def test_prepared_by_and_approved_by_with_their_names(engine: Engine, tmp_path: Path) -> None:
    tail = [[], [None, "Prepared by", "Vũ Thanh Hương", None, "Approved by", "Lê Văn Nam"]]
    pv, _ = do_import(engine, _book(tmp_path, tail))
    assert _contacts(engine) == NAMES
    assert [w.code for w in pv.sheet_warnings] == ["signature_left_out"]


def test_a_total_above_a_signing_block_is_left_out_too(engine: Engine, tmp_path: Path) -> None:
    tail = [
        [None, "Tổng cộng: 2 người"],
        [],
        [None, "Người lập biểu", None, None, "TRƯỞNG PHÒNG"],
        [None, "Vũ Thanh Hương", None, None, "Lê Văn Nam"],
    ]
    pv, _ = do_import(engine, _book(tmp_path, tail))
    assert _contacts(engine) == NAMES
    assert [text(w, "en") for w in pv.sheet_warnings] == [
        'row 4: a total below the list ("Tổng cộng: 2 người"), not a person: not imported',
        "rows 6–7: the signatures below the list, not imported",
    ]


@pytest.mark.parametrize(
    "person",
    [
        # a chief accountant with an email: a person
        [3, "Lê Thị Kế", "Kế toán trưởng", "Sở KH&CN Bắc Ninh", "ke@example.vn", None],
        [None, "Lê Thị Kế", "Kế toán trưởng", None, "ke@example.vn"],
        # a name, then its position: a person, whatever the position
        [None, "Lê Thị Kế", "Kế toán trưởng"],
        # "Tống" is a family name, not "Tổng" (a total)
        [None, "Tống Văn An"],
        [None, "Tống Văn An", None, None, None, "0912111003"],
    ],
)
def test_a_person_at_the_foot_stays_a_person(engine: Engine, tmp_path: Path, person: list[Any]) -> None:
    pv, _ = do_import(engine, _book(tmp_path, [[], person]))
    assert pv.sheet_warnings == ()
    assert person[1] in _contacts(engine)


def test_a_title_in_the_positions_column_is_a_persons_position(engine: Engine, tmp_path: Path) -> None:
    """A sheet whose position comes before the name: "Kế toán trưởng | Lê Thị Kế" is a person."""
    header = ["Chức vụ", "Họ và tên", "Đơn vị"]
    rows = [header, ["Giám đốc", "Nguyễn Văn Bắc", "Sở KH&CN Bắc Ninh"], ["Kế toán trưởng", "Lê Thị Kế"]]
    pv, _ = do_import(engine, write_xlsx(tmp_path / "cv.xlsx", {"Danh bạ": rows}))
    assert pv.sheet_warnings == ()
    assert _contacts(engine) == ["Lê Thị Kế", "Nguyễn Văn Bắc"]


def test_a_row_of_the_list_after_a_total_puts_it_back(engine: Engine, tmp_path: Path) -> None:
    # not the foot: the rows are read as before
    tail = [[None, "Tổng cộng: 2"], [3, "Lê Thị Kế", "Kế toán", None, "ke@example.vn", None]]
    pv, _ = do_import(engine, _book(tmp_path, tail))
    assert not any(w.code == "total_left_out" for w in pv.sheet_warnings)
    assert "Lê Thị Kế" in _contacts(engine)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_cli_and_the_report_say_the_rows_left_out(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = _book(
        tmp_path, [[None, "Tổng cộng: 3000 liên hệ"], [], [None, "Người lập biểu", None, "Vũ Thanh Hương"]]
    )
    report = tmp_path / "report.xlsx"
    assert main(["import", str(path), "--db", str(db_path), "--lang", lang, "--report", str(report)]) == 0
    out = capsys.readouterr().out
    total = {
        "en": 'row 4: a total below the list ("Tổng cộng: 3000 liên hệ")',
        "vi": "dòng 4: dòng tổng cộng",
    }
    signed = {"en": "row 6: the signatures below the list", "vi": "dòng 6: phần ký tên"}
    assert total[lang] in out and signed[lang] in out, out
    wb = load_workbook(report, read_only=True)
    notes = [r for ws in wb for r in ws.iter_rows(values_only=True) if r and r[0] == "Danh bạ"]
    assert any(total[lang] in str(r[-1]) for r in notes), notes
    assert any(signed[lang] in str(r[-1]) for r in notes), notes


def test_the_report_written_from_a_preview_has_the_lines(engine: Engine, tmp_path: Path) -> None:
    pv, _ = do_import(engine, _book(tmp_path, [[None, "Tổng cộng: 3000 liên hệ"]]))
    report = tmp_path / "r.xlsx"
    write_error_report(pv, report, lang="vi")
    wb = load_workbook(report, read_only=True)
    cells = [str(c) for ws in wb for r in ws.iter_rows(values_only=True) for c in r if c]
    assert any("Tổng cộng: 3000 liên hệ" in c and c.startswith("dòng 4") for c in cells), cells
