"""Reading workbooks and understanding their sheets: header row, kind, column mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.importing import fields, inspect_sheet, inspect_workbook, remembered_mapping
from app.importing.reader import iter_rows, sheet_names
from app.importing.sheet import detect_kind, find_header_row, header_key, suggest_mapping
from db.engine import read_session
from tests.app.importing.helpers import SAMPLE, do_import, write_xlsx


def test_sample_header_below_title_and_blank_row() -> None:
    layout = inspect_sheet(SAMPLE, "Danh bạ")
    assert layout.header_row == 3
    assert layout.kind == "contact"
    assert layout.headers[:3] == ["STT", "Họ và tên", "Chức vụ"]
    assert layout.mapping == {
        0: fields.IGNORE, 1: "full_name", 2: "position", 3: "organisation", 4: "emails", 5: "phones",
        6: "last_contacted_on", 7: "notes",
    }  # fmt: skip


def test_sample_every_sheet_kind() -> None:
    kinds = {x.sheet: x.kind for x in inspect_workbook(SAMPLE) if not isinstance(x, Exception)}
    assert kinds == {"Danh bạ": "contact", "Organisations": "organisation", "Việc cần làm": "action"}
    actions = inspect_sheet(SAMPLE, "Việc cần làm")
    assert set(actions.mapping.values()) == {"title", "organisation", "responsible", "due_date", "status"}


@pytest.mark.parametrize(
    ("header", "kind", "field"),
    [
        ("Họ và tên", "contact", "full_name"),
        ("Họ tên", "contact", "full_name"),
        ("HỌ TÊN", "contact", "full_name"),
        ("Ho ten", "contact", "full_name"),
        ("Đơn vị", "contact", "organisation"),
        ("Cơ quan", "contact", "organisation"),
        ("Chức vụ", "contact", "position"),
        ("SĐT", "contact", "phones"),
        ("Số điện thoại", "contact", "phones"),
        ("Điện thoại (*)", "contact", "phones"),
        ("Thư điện tử", "contact", "emails"),
        ("E-mail:", "contact", "emails"),
        ("Full name", "contact", "full_name"),
        ("Hạn", "action", "due_date"),
        ("Trạng thái", "action", "status"),
        ("Người phụ trách", "action", "responsible"),
        ("Tên viết tắt", "organisation", "acronym"),
        ("Tỉnh/Thành phố", "organisation", "city"),
        ("Loại hình", "organisation", "kind"),
        ("Thời gian", "meeting", "starts_at"),
        ("STT", "contact", fields.IGNORE),
    ],
)
def test_header_synonyms_on_folded_text(header: str, kind: str, field: str) -> None:
    assert fields.field_for_header(kind, header) == field


def test_every_exported_header_reads_back_as_its_field() -> None:
    for kind in fields.KINDS:
        headers = [f.header for f in fields.FIELDS[kind]]
        assert detect_kind(fields.LABELS[kind], headers)[0] == kind
        assert suggest_mapping(kind, headers) == dict(enumerate(f.name for f in fields.FIELDS[kind]))


def test_header_found_below_merged_title_in_the_middle_of_the_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Liên hệ"
    ws["C2"] = "BỘ KHOA HỌC VÀ CÔNG NGHỆ"
    ws.merge_cells("C2:F2")
    ws["C3"] = "Danh sách đại biểu"
    for col, text in zip("CDEF", ["Họ tên", "Cơ quan", "SĐT", "Thư điện tử"], strict=True):
        ws[f"{col}5"] = text
    ws["C6"], ws["D6"], ws["E6"], ws["F6"] = "Trần Thị Mai", "NIC", "0912 345 678", "mai@nic.vn"
    path = tmp_path / "b.xlsx"
    wb.save(path)
    layout = inspect_sheet(path)
    assert layout.header_row == 5
    assert layout.mapping == {2: "full_name", 3: "organisation", 4: "phones", 5: "emails"}
    rows = dict(iter_rows(path))
    assert rows[6][2:6] == ["Trần Thị Mai", "NIC", "0912 345 678", "mai@nic.vn"]


def test_vertically_merged_cells_fill_every_row(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Đơn vị", "Email"])
    ws.append(["An", "Viettel", "an@v.vn"])
    ws.append(["Bình", None, "binh@v.vn"])
    ws.append(["Chi", "FPT", "chi@f.vn"])
    ws.merge_cells("B2:B3")
    ws.row_dimensions[4].hidden = True
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    rows = dict(iter_rows(path))
    assert rows[3] == ["Bình", "Viettel", "binh@v.vn"]
    assert rows[4] == ["Chi", "FPT", "chi@f.vn"]  # hidden rows are read like the others


def test_cell_types_normalised(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        {"S": [["a", 1, 2.5, True, dt.date(2025, 4, 5), dt.datetime(2025, 4, 5, 9, 30), None, ""]]},
    )
    ((number, values),) = list(iter_rows(path))
    assert number == 1
    assert values[:6] == ["a", 1, 2.5, True, dt.date(2025, 4, 5), dt.datetime(2025, 4, 5, 9, 30)]
    assert isinstance(values[1], int)
    assert all(v is None for v in values[6:])


def test_csv_utf8_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "danh-ba.csv"
    path.write_bytes("\ufeffHọ và tên;Email;Điện thoại\nNguyễn Văn Hùng;HUNG@NIC.VN;0912345678\n".encode())
    assert sheet_names(path) == ["danh-ba"]
    layout = inspect_sheet(path)
    assert layout.kind == "contact" and layout.header_row == 1
    assert layout.headers == ["Họ và tên", "Email", "Điện thoại"]
    assert dict(iter_rows(path))[2] == ["Nguyễn Văn Hùng", "HUNG@NIC.VN", "0912345678"]


def test_confirmed_mapping_is_remembered_for_the_same_headers(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [["Tên", "Ghi chú khác", "Email"], ["Lê Văn Tám", "x", "tam@a.vn"]]
    first = write_xlsx(tmp_path / "one.xlsx", {"Sheet": rows})
    from app.importing import run_import
    from tests.app.importing.helpers import preview

    pv = preview(engine, first, mapping={0: "full_name", 1: "notes", 2: "emails"})
    assert pv.layout.kind == "contact"
    run_import(engine, pv)
    second = write_xlsx(
        tmp_path / "two.xlsx", {"Other": [["TÊN", "ghi chú khác", "email"], ["Lý Thu", "y", "thu@b.vn"]]}
    )
    with read_session(engine) as session:
        layout = inspect_sheet(second, session=session)
        assert layout.remembered
        assert layout.mapping == {0: "full_name", 1: "notes", 2: "emails"}
        assert remembered_mapping(session, ["x"]) is None
    assert header_key(["TÊN", "ghi chú khác", "email"]) == header_key(["Tên", "Ghi chú khác", "Email", ""])


def test_find_header_row_none_for_prose() -> None:
    rows = [(1, ["Báo cáo tháng 11"]), (2, ["Không có bảng nào ở đây", None])]
    assert find_header_row(rows) == (0, [])


def test_sample_imports_whole_workbook(engine) -> None:  # type: ignore[no-untyped-def]
    _pv, orgs = do_import(engine, SAMPLE, "Organisations")
    assert orgs.counts["new"] == 14
    pv, result = do_import(engine, SAMPLE, "Danh bạ")
    assert result.counts["new"] == 61
    assert result.counts["organisations_created"] == 0  # every organisation cited was found
    statuses = {r.row: r.status for r in pv.rows}
    assert statuses[64] == "duplicate"  # CHAU.VU3@… is row 7 in capitals
    # "khong-co-email" no longer rejects row 65: kept in its notes, the row is then row 9's phone.
    assert statuses[65] == "duplicate" and statuses[66] == "error"  # 66 has no name
    assert statuses[67] == "new"  # a "last met" of 31/02/2025 is kept as typed, with a warning


def test_formula_cells_give_their_cached_value(tmp_path: Path) -> None:
    import zipfile

    src = write_xlsx(
        tmp_path / "src.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["An", '=LOWER("AN@X.VN")']]}
    )
    out = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # What Excel stores: the formula and the value it last computed.
                # (openpyxl writes the empty value "<v />", or "<v></v>" when lxml is installed)
                data = data.replace(b"<v />", b"<v>an@x.vn</v>").replace(b"<v></v>", b"<v>an@x.vn</v>")
                data = data.replace(b'<c r="B2">', b'<c r="B2" t="str">')
            zout.writestr(item, data)
    assert dict(iter_rows(out))[2] == ["An", "an@x.vn"]


def test_streaming_openpyxl_reader_gives_the_same_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.importing import reader

    fast = list(iter_rows(SAMPLE, "Danh bạ"))
    monkeypatch.setattr(reader, "CALAMINE_MAX_XML_BYTES", 0)
    slow = list(iter_rows(SAMPLE, "Danh bạ"))
    assert [n for n, _ in slow] == [n for n, _ in fast]

    def trimmed(values: list[object]) -> list[object]:
        values = list(values)
        while values and values[-1] is None:
            values.pop()
        return values

    # The merged title's covered cells are filled by calamine only; every other cell agrees.
    assert [trimmed(v) for n, v in slow if n > 1] == [trimmed(v) for n, v in fast if n > 1]
