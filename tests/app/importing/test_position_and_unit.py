"""The standard delegate list's "Chức vụ, đơn vị công tác": position and workplace in one cell.
A reviewer saw the column silently ignored (renamed "Chức vụ", it was read); it is now the
position, holding the whole text. Through the public import on real workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.importing import inspect_sheet, run_import
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import preview, write_xlsx


def test_a_delegate_lists_position_and_workplace_column_is_kept_as_the_position(
    engine: Any, tmp_path: Path
) -> None:
    rows = [
        ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", None, None, None, None],
        ["DANH SÁCH ĐẠI BIỂU", None, None, None, None],
        [None, None, None, None, None],
        ["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Điện thoại", "Email"],
        [
            1,
            "Nguyễn Văn Hùng",
            "Vụ trưởng Vụ Hợp tác quốc tế, Bộ Tài chính",
            "0912 345 678",
            "hung@mof.gov.vn",
        ],
        [2, "Trần Thị Thu Hằng", "Phó Vụ trưởng, Bộ Kế hoạch và Đầu tư", "0983 111 222", "hang@mpi.gov.vn"],
    ]
    path = write_xlsx(tmp_path / "ds_dai_bieu.xlsx", {"DS đại biểu": rows})
    layout = inspect_sheet(path)
    assert (layout.kind, layout.mapping[2]) == ("contact", "position")
    run_import(engine, preview(engine, path))
    with read_session(engine) as s:
        got = {c.full_name: c.position for c in s.exec(select(m.Contact))}
    assert got == {
        "Nguyễn Văn Hùng": "Vụ trưởng Vụ Hợp tác quốc tế, Bộ Tài chính",
        "Trần Thị Thu Hằng": "Phó Vụ trưởng, Bộ Kế hoạch và Đầu tư",
    }


@pytest.mark.parametrize(
    "header",
    ["Chức vụ, đơn vị", "Chức vụ - Đơn vị công tác", "Chức danh, đơn vị", "Chức vụ và cơ quan công tác"],
)
def test_other_ways_of_writing_position_and_workplace_name_the_position(tmp_path: Path, header: str) -> None:
    rows = [["Họ và tên", header, "Email"], ["Nguyễn Văn An", "Chuyên viên, Bộ Nội vụ", "an@moha.gov.vn"]]
    layout = inspect_sheet(write_xlsx(tmp_path / "ds.xlsx", {"Danh bạ": rows}))
    assert layout.mapping == {0: "full_name", 1: "position", 2: "emails"}
