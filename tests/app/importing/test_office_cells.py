"""Cells as real office workbooks hold them, found by reviewers of such files: a value too long
for its column, a checkbox (TRUE/FALSE) in a text column, an email or phone written after a
label ("Công việc: an@nic.vn", "Di động: 0912 345 678"), and dates written month first by a
partner abroad. Each goes through the public import (``preview_import`` / ``run_import``, and
``ketnoi import`` where what is printed matters) on a real workbook written with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.cli import main
from app.importing import run_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import preview, write_xlsx


def _contacts(engine: Any) -> dict[str, m.Contact]:
    with read_session(engine) as s:
        return {c.full_name: m.Contact.model_validate(c.model_dump()) for c in s.exec(select(m.Contact))}


# --- a value longer than its column ------------------------------------------------------------


def test_a_32000_character_name_rejects_its_row_only_and_says_where_and_how_long(
    engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "Nguyễn " + "Văn " * 7_998 + "A"  # 32,000 characters, as a pasted paragraph
    assert len(long_name) == 32_000
    rows = [
        ["Họ và tên", "Email"],
        ["Trần Thị Bình", "binh@nic.vn"],
        [long_name, "an@nic.vn"],
        ["Lê Văn Cường", "cuong@nic.vn"],
    ]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách mời": rows})
    pv = preview(engine, path)
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 3, 4)] == ["new", "error", "new"]
    [error] = by_row[3].errors.values()
    assert (error.sheet, error.row, error.column, error.code) == ("Khách mời", 3, "Họ và tên (A)", "too_long")
    assert text(error, "en", where=True) == (
        'sheet "Khách mời", row 3, column Họ và tên (A): too long: 32,000 characters, where at most '
        "300 fit; shorten it in the file and import it again (nothing was cut off)"
    )
    assert text(error, "vi", where=True) == (
        'trang "Khách mời", dòng 3, cột Họ và tên (A): quá dài: 32.000 ký tự, trong khi tối đa chỉ '
        "được 300 ký tự; hãy rút ngắn trong tệp rồi nhập lại (không có gì bị cắt bớt)"
    )
    result = run_import(engine, pv)
    assert result.counts["new"] == 2
    assert sorted(_contacts(engine)) == ["Lê Văn Cường", "Trần Thị Bình"]  # nothing cut and stored
    # the CLI says it in Vietnamese, without the service's English
    code = main(["import", str(path), "--db", str(tmp_path / "k2.db"), "--lang", "vi"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Họ và tên (A): quá dài: 32.000 ký tự, trong khi tối đa chỉ được 300 ký tự" in out
    assert "characters" not in out


# --- a checkbox (TRUE/FALSE) in a text column ----------------------------------------------------


def test_a_checkbox_column_makes_no_organisation_or_contact_named_true(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Đơn vị", "Chức vụ", "Nhãn", "Ghi chú"],
        ["Trần Thị Bình", True, False, True, "Gặp ở hội thảo"],
        ["Lê Văn Cường", "NIC", "Chuyên viên", "AI", True],
        [True, "NIC", "CTO", None, None],
        [False, None, None, None, None],
    ]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách mời": rows})
    pv = preview(engine, path)
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 3, 4, 5)] == ["new", "new", "error", "error"]
    # a name that is a checkbox rejects its row, at its column
    for n, value in ((4, "TRUE"), (5, "FALSE")):
        [error] = by_row[n].errors.values()
        assert (error.row, error.column, error.code) == (n, "Họ và tên (A)", "checkbox_value")
        assert text(error, "en").startswith(f"Họ và tên (A): {value} is a yes/no (checkbox) value")
        assert "dòng này không được nhập" in text(error, "vi")
    # in an optional column it is left out, with a warning at its column
    placed = sorted((w.row, w.column, w.code, w.params["value"]) for w in by_row[2].warnings)
    assert placed == [
        (2, "Chức vụ (C)", "checkbox_left_out", "FALSE"),
        (2, "Nhãn (D)", "checkbox_left_out", "TRUE"),
        (2, "Đơn vị (B)", "checkbox_left_out", "TRUE"),
    ]
    assert "đã bỏ qua" in text(by_row[2].warnings[0], "vi")
    assert by_row[3].warnings == ()  # (a checkbox in the notes is kept under its header)
    result = run_import(engine, pv)
    assert result.counts["new"] == 2
    got = _contacts(engine)
    assert sorted(got) == ["Lê Văn Cường", "Trần Thị Bình"]
    assert (got["Trần Thị Bình"].position, got["Trần Thị Bình"].organisation_id) == ("", None)
    assert got["Trần Thị Bình"].notes == "Gặp ở hội thảo"
    assert got["Lê Văn Cường"].notes == "Ghi chú: TRUE"
    with read_session(engine) as s:
        assert [o.name for o in s.exec(select(m.Organisation))] == ["NIC"]
        assert [t.name for t in s.exec(select(m.Tag))] == ["AI"]


def test_a_checkbox_in_an_organisations_name_column_rejects_the_row(engine: Any, tmp_path: Path) -> None:
    rows = [
        ["Tên đơn vị", "Loại hình", "Website"],
        ["Trung tâm Đổi mới sáng tạo Quốc gia", "agency", True],
        [True, "agency", "nic.vn"],
    ]
    path = write_xlsx(tmp_path / "don_vi.xlsx", {"Tổ chức": rows})
    pv = preview(engine, path, kind="organisation")
    by_row = {r.row: r for r in pv.rows}
    assert (by_row[2].status, by_row[3].status) == ("new", "error")
    assert [e.code for e in by_row[3].errors.values()] == ["checkbox_value"]
    assert [(w.column, w.code) for w in by_row[2].warnings] == [("Website (C)", "checkbox_left_out")]
    run_import(engine, pv)
    with read_session(engine) as s:
        orgs = [(o.name, o.website) for o in s.exec(select(m.Organisation))]
    assert orgs == [("Trung tâm Đổi mới sáng tạo Quốc gia", "")]
