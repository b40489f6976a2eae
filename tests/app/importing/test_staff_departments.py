"""An office's own staff list with its departments ("Đơn vị: Phòng Hợp tác quốc tế", a "Phòng
ban" column) is read as staff, not as contacts of organisations named after the centre's own
departments; a contacts list with "Đơn vị" stays contacts. The reason for the kind is said
(service, ``ketnoi import``), the columns a staff member cannot hold are named, and ``--sheet …
--kind contact`` still reads such a sheet as contacts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app.cli import main
from app.importing import columns_not_kept, fields, inspect_workbook, kind_reason, preview_import, run_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import SAMPLE, count, write_xlsx

HEAD = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại"]
OFFICE = [  # the centre's own people, each with the department they work in
    [1, "Trần Minh Anh", "Trưởng phòng", "Phòng Hợp tác quốc tế", "anh@nic.gov.vn", "0912 345 678"],
    [2, "Phạm Thu Hà", "Chuyên viên", "Phòng Hợp tác quốc tế", "ha@nic.gov.vn", ""],
    [3, "Lê Văn Cường", "Chánh Văn phòng", "Văn phòng", "cuong@nic.gov.vn", ""],
    [4, "Đỗ Hùng", "Giám đốc", "Ban Giám đốc", "hung@nic.gov.vn", ""],
    [5, "Ngô Thị Lan", "Kế toán viên", "Phòng Kế hoạch - Tài chính", "lan@nic.gov.vn", ""],
    [6, "Vũ Mai", "Chuyên viên", "Trung tâm Ươm tạo", "mai@nic.gov.vn", ""],  # a centre: counts neither way
]
PARTNERS = [  # people of other organisations, as a contacts list writes them
    [1, "Nguyễn Văn An", "Giám đốc", "Viettel", "an@viettel.vn", ""],
    [2, "Bùi Thị Hoa", "Trưởng phòng", "Phòng Hợp tác, Đại học Bách khoa Hà Nội", "hoa@hust.edu.vn", ""],
    [3, "Lý Văn Nam", "Chuyên viên", "Phòng HTQT - Viettel", "nam@viettel.vn", ""],
    [4, "Hồ Thị Mai", "Phó Vụ trưởng", "Vụ Hợp tác quốc tế", "mai@most.gov.vn", ""],
    [5, "Đặng Văn Tú", "CTO", "FPT Corporation", "tu@fpt.vn", ""],
]


def layouts(path: Path) -> dict[str, Any]:
    return {x.sheet: x for x in inspect_workbook(path) if not isinstance(x, Exception)}


def import_all(engine: Engine, path: Path) -> Any:
    """Every recognised sheet in one batch, as the wizard and the CLI import a workbook."""
    with read_session(engine) as s:
        found = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception) and x.kind]
        order = {k: i for i, k in enumerate(fields.KINDS)}
        found.sort(key=lambda x: order[x.kind or ""])
        out: list[Any] = []
        for lay in found:
            out.append(preview_import(path, lay, session=s, parallel=False, after=list(out)))
    return out, run_import(engine, out)


def names(engine: Engine, model: Any, column: Any) -> list[str]:
    with read_session(engine) as s:
        return sorted(s.exec(select(column).where(col(model.deleted_at).is_(None))).all())


# --- which sheets are staff, and why ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "rows", "code"),
    [
        # "Đơn vị" holding the centre's departments, under a staff sheet's name or under none
        ("Danh sách cán bộ", [["DANH SÁCH CÁN BỘ"], [], HEAD, *OFFICE], "kind_staff_by_units"),
        ("Sheet1", [HEAD, *OFFICE], "kind_staff_by_units"),
        ("Cán bộ đầu mối", [HEAD, *OFFICE[:3]], "kind_staff_by_units"),  # our own focal points
        # one department is enough under a sheet named as staff (the Cooperation Office's own list)
        ("Cán bộ phòng HTQT", [HEAD, *OFFICE[:2]], "kind_staff_by_units"),
        # a department column and no organisation column
        ("Nhân sự", [["Họ tên", "Phòng ban", "Email"], ["Trần Minh Anh", "Phòng HTQT", "anh@nic.gov.vn"]],
         "kind_staff_by_name"),
        ("Employees", [["Name", "Bộ phận", "Email"], ["Tran Minh Anh", "IT", ""]], "kind_staff_by_name"),
        ("Sheet1", [["Họ và tên", "Email", "Đang làm việc"], ["Trần Minh Anh", "", "Có"]], "kind_staff_by_active"),
    ],
)  # fmt: skip
def test_an_office_staff_list_is_read_as_staff_and_says_why(
    tmp_path: Path, sheet: str, rows: list[list[Any]], code: str
) -> None:
    lay = layouts(write_xlsx(tmp_path / "s.xlsx", {sheet: rows}))[sheet]
    assert lay.kind == "staff"
    reason = kind_reason(lay)
    assert reason is not None and reason.code == code


@pytest.mark.parametrize(
    ("sheet", "rows", "code"),
    [
        # named as contacts: contacts whatever the columns
        ("Danh bạ", [HEAD, *OFFICE], "kind_contacts_by_name"),
        ("Contacts", [["Name", "Email", "Active"], ["Tran Minh Anh", "", "yes"]], "kind_contacts_by_name"),
        ("Đối tác", [["Họ và tên", "Phòng ban", "Email"], ["Lê Hà", "Phòng HTQT", ""]], "kind_contacts_by_name"),
        ("Danh sách đại biểu", [HEAD, *OFFICE], "kind_contacts_by_name"),
        ("Đầu mối", [HEAD, *OFFICE], "kind_contacts_by_name"),  # focal points: the partners' people
        ("Focal points", [HEAD, *OFFICE], "kind_contacts_by_name"),
        ("Khách mời", [["Họ và tên", "Phòng ban", "Email"], ["Lê Hà", "Phòng HTQT", ""]], "kind_contacts_by_name"),
        ("Guests", [HEAD, *OFFICE], "kind_contacts_by_name"),
        ("Delegates", [HEAD, *OFFICE], "kind_contacts_by_name"),
        # a department column alone: the people of one organisation, not said whose (the staff
        # sheets these two were once read as need the name, or the emails, to say so)
        ("Sheet1", [["Họ và tên", "Chức vụ", "Phòng/Ban", "Email"], ["Trần Minh Anh", "CV", "Văn phòng", ""]],
         "kind_contacts_by_department"),
        ("Sheet1", [["Name", "Department", "Email"], ["Tran Minh Anh", "International Cooperation", ""]],
         "kind_contacts_by_department"),
        # the partners' officers: "Đơn vị" names organisations
        ("Cán bộ đầu mối", [HEAD, *PARTNERS], "kind_contacts_by_organisation"),
        ("Cán bộ đầu mối", [HEAD], "kind_contacts_by_column"),  # no values: the header decides
        # no staff name: nothing said, contacts as before
        ("Sheet1", [HEAD, *PARTNERS], None),
        ("Sheet1", [HEAD, *OFFICE[:1], *PARTNERS], None),  # one department among organisations
        ("Sheet1", [HEAD, *[[i, f"Người {i}", "", "Trung tâm Đổi mới sáng tạo Quốc gia", "", ""] for i in range(5)]],
         None),  # a centre is an organisation as often as a department
        ("Sheet1", [HEAD, [1, "Lê Hà", "", "Phòng Hợp tác quốc tế", "", ""]], None),  # one value is no evidence
        # a delegation of one office: one department on every row is no list of ours…
        ("Sheet1", [HEAD, *[[i, f"Người {i}", "", "Văn phòng Bộ", "", ""] for i in range(4)]], None),
        # …and the Government Office, a province's People's Committee's are organisations
        ("Sheet1", [HEAD, *[[i, f"Người {i}", "", u, "", ""] for i, u in enumerate(
            ["Văn phòng Chính phủ", "Văn phòng UBND tỉnh Bắc Ninh", "Văn phòng Quốc hội"])]], None),
        # departments of a named organisation: the people of that organisation (a partner's too)
        ("Sheet1", [HEAD, *[[i, f"Người {i}", "", f"Phòng {w} - Viettel", "", ""] for i, w in enumerate(["HTQT", "Kinh doanh", "Kỹ thuật"])]],
         None),
    ],
)  # fmt: skip
def test_contact_lists_with_a_unit_column_stay_contacts(
    tmp_path: Path, sheet: str, rows: list[list[Any]], code: str | None
) -> None:
    lay = layouts(write_xlsx(tmp_path / "c.xlsx", {sheet: rows}))[sheet]
    assert lay.kind == "contact"
    reason = kind_reason(lay)
    assert (reason.code if reason else None) == code


def test_the_field_sample_stays_contacts(tmp_path: Path) -> None:
    """The workbook teams bring ("Danh bạ" with Họ và tên, Chức vụ, Đơn vị, Email…)."""
    book = shutil.copy(SAMPLE, tmp_path / "field.xlsx")
    found = layouts(Path(book))
    assert {k: v.kind for k, v in found.items()} == {
        "Danh bạ": "contact",
        "Organisations": "organisation",
        "Việc cần làm": "action",
    }
    assert all(kind_reason(v) is None and columns_not_kept(v) is None for v in found.values())


def test_the_reason_is_worded_in_both_languages(tmp_path: Path) -> None:
    lay = layouts(write_xlsx(tmp_path / "s.xlsx", {"Danh sách cán bộ": [HEAD, *OFFICE]}))["Danh sách cán bộ"]
    reason = kind_reason(lay)
    assert reason is not None
    assert text(reason, "en") == (
        "5 of 6 values of column Đơn vị (D) are departments, with no organisation named "
        "(Phòng Hợp tác quốc tế, Văn phòng, Ban Giám đốc): your own"
    )
    assert text(reason, "vi").startswith("5 trên 6 giá trị ở cột Đơn vị (D) là phòng ban")
    lay.kind = "contact"  # chosen otherwise: the reason for staff is no longer said
    assert kind_reason(lay) is None


# --- imported through the service -----------------------------------------------------------


def test_an_office_staff_list_makes_staff_members_not_organisations(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "nic.xlsx",
        {
            "Danh sách cán bộ": [["DANH SÁCH CÁN BỘ TRUNG TÂM"], [], HEAD, *OFFICE],
            "Danh bạ": [["Họ và tên", "Đơn vị", "Cán bộ phụ trách"], ["Nguyễn Văn An", "Viettel", "Phạm Thu Hà"]],
        },
    )  # fmt: skip
    previews, result = import_all(engine, book)
    assert [(p.layout.sheet, p.kind) for p in previews] == [
        ("Danh sách cán bộ", "staff"),
        ("Danh bạ", "contact"),
    ]
    not_kept = columns_not_kept(previews[0].layout)
    assert not_kept is not None and text(not_kept, "en") == (
        "not imported: Chức vụ (C), Đơn vị (D), Điện thoại (F): a staff member in Ketnoi has only a name, "
        "an email and whether they still work here"
    )
    assert result.counts["new"] == 7
    assert names(engine, m.Staff, m.Staff.name) == sorted(r[1] for r in OFFICE)
    # the partner's organisation, none of the centre's departments
    assert names(engine, m.Organisation, m.Organisation.name) == ["Viettel"]
    assert names(engine, m.Contact, m.Contact.full_name) == ["Nguyễn Văn An"]
    with read_session(engine) as s:
        owner = s.exec(select(m.Contact.owner_id)).one()
        assert s.get(m.Staff, owner).email == "ha@nic.gov.vn"  # type: ignore[union-attr]


def test_a_contacts_list_with_units_still_makes_organisations(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "db.xlsx", {"Danh bạ": [HEAD, *OFFICE[:2], *PARTNERS[:1]]})
    previews, _ = import_all(engine, book)
    assert [p.kind for p in previews] == ["contact"]
    assert count(engine, m.Staff) == 0 and count(engine, m.Contact) == 3
    assert names(engine, m.Organisation, m.Organisation.name) == ["Phòng Hợp tác quốc tế", "Viettel"]


# --- ketnoi import ----------------------------------------------------------------------------


def test_the_cli_says_staff_why_and_how_to_read_it_as_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_xlsx(tmp_path / "cb.xlsx", {"Danh sách cán bộ": [HEAD, *OFFICE]})
    db = tmp_path / "k.db"
    assert main(["import", str(book), "--db", str(db), "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == 'Sheet "Danh sách cán bộ" (staff member, header row 1): 6 new, 0 updated, 0 duplicates, ' \
        "0 errors, 0 skipped"  # fmt: skip
    assert out[1].startswith("  read as staff: 5 of 6 values of column Đơn vị (D) are departments")
    assert out[1].endswith('; if it lists contacts: --sheet "Danh sách cán bộ" --kind contact')
    assert out[2] == (
        "  warning: not imported: Chức vụ (C), Đơn vị (D), Điện thoại (F): a staff member in Ketnoi has only "
        "a name, an email and whether they still work here"
    )
    assert main(["import", str(book), "--db", str(db), "--dry-run", "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "  đọc là danh sách cán bộ: 5 trên 6 giá trị ở cột Đơn vị (D) là phòng ban" in out
    assert 'nếu là danh bạ liên hệ: --sheet "Danh sách cán bộ" --kind contact' in out
    assert "  cảnh báo: không nhập: Chức vụ (C), Đơn vị (D), Điện thoại (F)" in out
    # as the hint says: contacts, the departments made organisations, and nothing said of staff
    args = [
        "import",
        str(book),
        "--db",
        str(db),
        "--sheet",
        "Danh sách cán bộ",
        "--kind",
        "contact",
        "--lang",
        "en",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "(contact, header row 1): 6 new" in out and "read as" not in out and "not imported" not in out
    engine = _engine(db)
    try:
        assert count(engine, m.Staff) == 0 and count(engine, m.Contact) == 6
        assert "Phòng Hợp tác quốc tế" in names(engine, m.Organisation, m.Organisation.name)
    finally:
        engine.dispose()


def test_the_cli_imports_the_staff_list_as_staff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_xlsx(tmp_path / "cb.xlsx", {"Sheet1": [HEAD, *OFFICE]})
    db = tmp_path / "k.db"
    assert main(["import", str(book), "--db", str(db), "--lang", "en"]) == 0
    assert "  read as staff: " in capsys.readouterr().out
    engine = _engine(db)
    try:
        assert (
            count(engine, m.Staff) == 6
            and count(engine, m.Organisation) == 0
            and count(engine, m.Contact) == 0
        )
    finally:
        engine.dispose()


def test_the_cli_says_why_a_sheet_named_staff_is_read_as_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_xlsx(tmp_path / "dm.xlsx", {"Cán bộ đầu mối": [HEAD, *PARTNERS]})
    assert main(["import", str(book), "--db", str(tmp_path / "k.db"), "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        "  read as contacts: column Đơn vị (D) names organisations (Viettel, Phòng Hợp tác, Đại học Bách khoa "
        "Hà Nội, Phòng HTQT - Viettel), not your own departments; if it lists your own staff: --sheet "
        '"Cán bộ đầu mối" --kind staff'
    ) in out


def test_the_field_sample_is_imported_by_the_cli_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = shutil.copy(SAMPLE, tmp_path / "field.xlsx")
    assert main(["import", str(book), "--db", str(tmp_path / "k.db"), "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert 'Sheet "Danh bạ" (contact, header row 3)' in out
    assert "read as" not in out and "staff member," not in out


def _engine(db: Path) -> Engine:
    from db.migrate import open_database

    return open_database(f"sqlite:///{db}")
