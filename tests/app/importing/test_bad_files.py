"""Files that cannot be imported: one clear message naming the file (and sheet), DB untouched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import UserError
from app.importing import ImportFileError, inspect_sheet, preview_import
from app.importing.messages import text
from app.importing.reader import iter_rows, sheet_names
from db.engine import read_session
from tests.app.importing.helpers import SAMPLE, counts, write_xlsx


def _workbook_bytes(tmp_path: Path) -> bytes:
    return write_xlsx(
        tmp_path / "ok.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["An", "an@x.vn"]]}
    ).read_bytes()


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("Đây không phải bảng tính", encoding="utf-8")
    ole = tmp_path / "mat-khau.xlsx"
    ole.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000
    )  # how Excel stores an encrypted workbook
    truncated = tmp_path / "cat-do.xlsx"
    truncated.write_bytes(SAMPLE.read_bytes()[:3000])
    broken_member = tmp_path / "hong.xlsx"
    data = bytearray(_workbook_bytes(tmp_path))
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 5
    data[start : start + 20] = b"\xff" * 20  # damage the compressed sheet
    broken_member.write_bytes(bytes(data))
    not_zip_workbook = tmp_path / "khong-phai-excel.xlsx"
    with zipfile.ZipFile(not_zip_workbook, "w") as zf:
        zf.writestr("hello.txt", "hi")
    empty = write_xlsx(tmp_path / "trong.xlsx", {"Trống": []})
    prose = write_xlsx(
        tmp_path / "van-ban.xlsx", {"Báo cáo": [["Báo cáo tháng 11"], [None], ["Không có bảng"]]}
    )
    # UTF-16 and the Windows code pages are read now (test_formats.py); bytes that are no
    # text in any encoding are not.
    binary = tmp_path / "nhi-phan.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    zero = tmp_path / "rong.xlsx"
    zero.write_bytes(b"")
    return {
        "text": (text, "ghi-chu.xlsx"),
        "password": (ole, "password-protected"),
        "truncated": (truncated, "cat-do.xlsx"),
        "broken member": (broken_member, "hong.xlsx"),
        "zip but not excel": (not_zip_workbook, "not an Excel workbook"),
        "empty sheet": (empty, "the sheet is empty"),
        "no header": (prose, "no header row"),
        "not text": (binary, "not a CSV text file"),
        "zero bytes": (zero, "rong.xlsx"),
        "missing": (tmp_path / "khong-co.xlsx", "khong-co.xlsx"),
    }


@pytest.mark.parametrize(
    "case",
    ["text", "password", "truncated", "broken member", "zip but not excel", "empty sheet", "no header",
     "not text", "zero bytes", "missing"],
)  # fmt: skip
def test_bad_file_gives_one_clear_message_and_writes_nothing(engine, tmp_path: Path, case: str) -> None:  # type: ignore[no-untyped-def]
    path, expected = _bad_files(tmp_path)[case]
    before = counts(engine)
    with pytest.raises(UserError) as info, read_session(engine) as session:
        layout = inspect_sheet(path, session=session)
        preview_import(path, layout, session=session, parallel=False)
    message = str(info.value)
    assert isinstance(info.value, ImportFileError)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    # a message with a code: worded in Vietnamese too, naming the same file, no English left in it
    m = info.value.message
    assert m is not None
    vi = text(m, "vi", where=True)
    assert path.name in vi and vi != text(m, "en", where=True)
    assert counts(engine) == before


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="Danh bạ"):
        list(iter_rows(SAMPLE, "Không có"))
    assert sheet_names(SAMPLE) == ["Danh bạ", "Organisations", "Việc cần làm"]


def test_very_hidden_sheets_are_not_offered(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Danh bạ"
    wb.create_sheet("Ẩn").sheet_state = "veryHidden"
    path = tmp_path / "h.xlsx"
    wb.save(path)
    assert sheet_names(path) == ["Danh bạ"]


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_a_workbook_renamed_says_what_it_is_and_to_rename_it(engine, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """Reviewer: an .xlsx named .xls gave "Cfb error: Invalid OLE (signature \\x50\\x4b...)" and one
    named .ods "'mimetype' file not found in archive": the readers go by the name."""
    path = tmp_path / f"danh-ba{suffix}"
    path.write_bytes(_workbook_bytes(tmp_path))
    with pytest.raises(ImportFileError) as info, read_session(engine) as session:
        inspect_sheet(path, session=session)
    m = info.value.message
    assert m is not None
    assert text(m, "en", where=True) == (
        f"danh-ba{suffix} is an Excel workbook (.xlsx) named {suffix}: rename it to end in .xlsx and import it again"
    )
    assert text(m, "vi", where=True) == (
        f"danh-ba{suffix} là bảng tính Excel (.xlsx) nhưng lại mang đuôi {suffix}: "
        "hãy đổi tên tệp sang đuôi .xlsx rồi nhập lại"
    )
