"""Partner lists that the staff-by-departments rules once read as our own staff, now contacts,
and the staff lists beside them still staff (a reviewer's workbooks, rebuilt here):

* a focal-points sheet ("Đầu mối") whose "Đơn vị" names a ministry's departments, a board of
  its own ("Ban Quản lý …") and a ministry's office ("Văn phòng Bộ …");
* a partner's staff list with a "Phòng ban" column and the partner's emails ("Sheet1");
* a reason quoting a 5,000-character cell whole, or a boolean cell as "True".

Each through ``inspect_workbook`` (with the database's session, as the wizard and the CLI
inspect), the import service and ``ketnoi import --dry-run``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app.cli import main
from app.importing import inspect_workbook, kind_reason, preview_import, run_import
from app.importing.messages import text
from app.importing.sheet import EXAMPLE_CHARS, clip_example, our_department
from db import models as m
from db.engine import read_session
from db.migrate import open_database
from tests.app.importing.helpers import count, do_import, write_xlsx

NAMES = ["Họ và tên", "Đơn vị", "Chức vụ", "Email"]
FOCAL = [  # a ministry's focal points: its departments, a board of its own, the ministry's office
    ["Nguyễn Văn M", "Vụ Hợp tác quốc tế", "Vụ trưởng", "m@most.gov.vn"],
    ["Trần N", "Phòng Hợp tác quốc tế", "Trưởng phòng", "n@most.gov.vn"],
    ["Lê O", "Ban Quản lý Khu CNC Hòa Lạc", "Phó trưởng ban", "o@hhtp.gov.vn"],
    ["Phạm P", "Văn phòng Bộ Khoa học và Công nghệ", "Chánh VP", "p@most.gov.vn"],
]
OURS = [  # the centre's own staff, with their departments in "Đơn vị"
    ["Nguyễn Văn A", "Phòng Hợp tác quốc tế", "Chuyên viên", "a@nic.gov.vn"],
    ["Trần Thị B", "Phòng Kế hoạch - Tài chính", "Trưởng phòng", "b@nic.gov.vn"],
    ["Lê Văn C", "Văn phòng", "Chánh VP", "c@nic.gov.vn"],
    ["Phạm D", "Ban Đổi mới sáng tạo", "Phó ban", "d@nic.gov.vn"],
]
DEPT = ["Họ và tên", "Phòng ban", "Chức vụ", "Email", "Điện thoại"]
VIETTEL = [  # a partner's people by department, on the partner's domain
    ["Nguyễn Văn X", "Phòng Kinh doanh", "Trưởng phòng", "x@viettel.com.vn", "0911"],
    ["Trần Y", "Ban Công nghệ", "Phó ban", "y@viettel.com.vn", "0912"],
]
NIC = [  # the same columns, the centre's people on its own domain
    ["Đỗ Hùng", "Phòng Hợp tác quốc tế", "Chuyên viên", "hung@nic.gov.vn", ""],
    ["Vũ Mai", "Ban Đổi mới sáng tạo", "Phó ban", "mai@nic.gov.vn", ""],
    ["Ngô Lan", "Văn phòng", "Văn thư", "lan@gmail.com", ""],  # webmail: says nothing either way
]
RECORDED = [["Họ và tên", "Email"], ["Trần Minh Quang", "quang@nic.gov.vn"], ["Lê Thu Hà", "ha@nic.gov.vn"]]
"""Staff already in the database (imported from a sheet named "Cán bộ")."""


def layouts(path: Path, engine: Engine | None = None) -> dict[str, Any]:
    if engine is None:
        found = inspect_workbook(path)
    else:
        with read_session(engine) as s:
            found = inspect_workbook(path, session=s)
    return {x.sheet: x for x in found if not isinstance(x, Exception)}


def import_sheet(engine: Engine, path: Path, sheet: str) -> Any:
    with read_session(engine) as s:
        lay = next(
            x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception) and x.sheet == sheet
        )
        pv = preview_import(path, lay, session=s, parallel=False)
    return pv, run_import(engine, pv)


def record_staff(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "can-bo.xlsx", {"Cán bộ": RECORDED})
    pv, _ = do_import(engine, book, "Cán bộ")
    assert pv.kind == "staff" and count(engine, m.Staff) == 2


def reason_of(lay: Any) -> tuple[str | None, str]:
    reason = kind_reason(lay)
    return (reason.code, text(reason, "en")) if reason is not None else (None, "")


# --- 1. focal points, a board of its own, a ministry's office --------------------------------


@pytest.mark.parametrize(
    ("value", "ours"),
    [
        ("Ban Quản lý Khu CNC Hòa Lạc", False),
        ("Ban quản lý dự án ODA", False),
        ("Ban Chỉ đạo Chương trình 844", False),
        ("Văn phòng Bộ Khoa học và Công nghệ", False),
        ("Văn phòng Bộ", False),
        ("Văn phòng Tổng cục Tiêu chuẩn Đo lường Chất lượng", False),
        ("Văn phòng Cục Sở hữu trí tuệ", False),
        ("Văn phòng đại diện JICA", False),
        ("Văn phòng Sở Khoa học và Công nghệ", False),
        ("Phòng Kinh tế quận Ba Đình", False),
        ("Ban Tuyên giáo Trung ương", False),
        ("Phòng Quản lý khoa học tỉnh Bắc Ninh", False),
        # another organisation's department, after a dash; the Government's boards; a chamber
        # of commerce, a clinic, a notary's, a lawyer's office; a district's office; a board
        # of its own; an international organisation's (a reviewer's workbooks 16-18)
        ("Phòng Hợp tác Quốc tế - Đại học Quốc gia Hà Nội", False),
        ("Phòng Quản lý Khoa học - Đại học Cần Thơ", False),
        ("Phòng Kế hoạch - Sở Khoa học và Công nghệ", False),
        ("Phòng Thương mại và Công nghiệp Việt Nam", False),
        ("Phòng Thương mại Hoa Kỳ", False),
        ("Ban Cơ yếu Chính phủ", False),
        ("Ban Tôn giáo Chính phủ", False),
        ("Phòng khám Đa khoa Medlatec", False),
        ("Văn phòng công chứng Hà Nội", False),
        ("Văn phòng Luật sư Trần Hùng", False),
        ("Phòng Giáo dục và Đào tạo Cầu Giấy", False),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO CẦU GIẤY", False),
        ("Phòng Tài chính - Kế hoạch Ba Vì", False),
        ("Ban Nghiên cứu Phát triển kinh tế tư nhân", False),
        ("Ban Thư ký ASEAN", False),
        # ours, as before
        ("Văn phòng", True),
        ("Ban Giám đốc", True),
        ("Phòng Quản trị", True),  # (quản, not quận)
        ("Phòng Văn hóa - Xã hội", True),
        ("Phòng Hợp tác quốc tế", True),
        ("Văn phòng Đảng ủy", True),  # the centre's own party committee's office
        ("Ban Thư ký", True),
        ("Ban Nghiên cứu", True),
        ("Phòng Giáo dục và Đào tạo", True),  # (no district named)
        ("Phòng Khảo thí", True),  # (not khám)
        ("Phòng Tổ chức - Hành chính", True),
        ("PHÒNG HỢP TÁC QUỐC TẾ", True),
    ],
)
def test_boards_and_offices_of_their_own_are_organisations(value: str, ours: bool) -> None:
    assert our_department(value) is ours


def test_a_focal_points_sheet_is_contacts(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "dm.xlsx", {"Đầu mối": [NAMES, *FOCAL]})
    lay = layouts(book, engine)["Đầu mối"]
    assert lay.kind == "contact"
    pv, result = import_sheet(engine, book, "Đầu mối")
    assert pv.kind == "contact" and result.counts["new"] == 4
    assert count(engine, m.Staff) == 0 and count(engine, m.Contact) == 4


def test_the_ministrys_units_are_not_ours_under_any_name(tmp_path: Path) -> None:
    """The values alone: 1 of 4 is a department of ours (before: 3 of 4, "Ban Quản lý …" and
    "Văn phòng Bộ …" counted as ours)."""
    book = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [NAMES, *FOCAL]})
    lay = layouts(book)["Sheet1"]
    assert lay.kind == "contact" and kind_reason(lay) is None
    # under a name that says staff, the reason names them
    book = write_xlsx(tmp_path / "cb.xlsx", {"Cán bộ": [NAMES, *FOCAL]})
    code, said = reason_of(layouts(book)["Cán bộ"])
    assert code == "kind_contacts_by_organisation"
    assert said == (
        "column Đơn vị (B) names organisations (Vụ Hợp tác quốc tế, Ban Quản lý Khu CNC Hòa Lạc, "
        "Văn phòng Bộ Khoa học và Công nghệ), not your own departments"
    )


@pytest.mark.parametrize(
    "sheet", ["Đầu mối", "Danh sách đầu mối", "Focal points", "Khách mời", "Guests", "Delegates", "Visitors"]
)
def test_partner_list_names_make_contacts_even_of_our_departments(tmp_path: Path, sheet: str) -> None:
    book = write_xlsx(tmp_path / "s.xlsx", {sheet: [NAMES, *OURS]})
    lay = layouts(book)[sheet]
    assert lay.kind == "contact"
    assert reason_of(lay) == ("kind_contacts_by_name", f'the sheet\'s name, "{sheet}", says contacts')


def test_our_staff_list_with_its_departments_is_still_staff(engine: Engine, tmp_path: Path) -> None:
    """Even on a domain the staff recorded are not on: the departments decide under "Đơn vị"."""
    record_staff(engine, tmp_path)
    book = write_xlsx(tmp_path / "nic.xlsx", {"Sheet1": [NAMES, *OURS], "Cán bộ đầu mối": [NAMES, *OURS[:3]]})
    found = layouts(book, engine)
    assert {k: (v.kind, reason_of(v)[0]) for k, v in found.items()} == {
        "Sheet1": ("staff", "kind_staff_by_units"),
        "Cán bộ đầu mối": ("staff", "kind_staff_by_units"),  # our own focal points: the name says staff
    }
    pv, result = import_sheet(engine, book, "Sheet1")
    assert pv.kind == "staff" and result.counts["new"] == 4
    assert count(engine, m.Staff) == 6 and count(engine, m.Organisation) == 0


# --- 2. a department column: whose? ------------------------------------------------------------


def test_a_partners_list_by_department_is_contacts_on_a_new_database(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "pd.xlsx", {"Sheet1": [DEPT, *VIETTEL]})
    lay = layouts(book, engine)["Sheet1"]
    assert lay.kind == "contact"
    assert reason_of(lay) == (
        "kind_contacts_by_department",
        "column Phòng ban (B) names departments, but of one organisation, not necessarily yours: the sheet's "
        "name does not say staff and no email is on your staff's domains",
    )
    pv, result = import_sheet(engine, book, "Sheet1")
    assert pv.kind == "contact" and result.counts["new"] == 2
    assert count(engine, m.Staff) == 0 and count(engine, m.Contact) == 2


def test_a_partners_list_by_department_names_the_domains(engine: Engine, tmp_path: Path) -> None:
    record_staff(engine, tmp_path)
    book = write_xlsx(tmp_path / "pd.xlsx", {"Sheet1": [DEPT, *VIETTEL]})
    lay = layouts(book, engine)["Sheet1"]
    assert lay.kind == "contact"
    assert reason_of(lay) == (
        "kind_contacts_by_domains",
        "column Phòng ban (B) names departments, but the emails are on viettel.com.vn, not on your staff's "
        "domains (nic.gov.vn)",
    )


def test_our_list_by_department_on_our_domain_is_staff(engine: Engine, tmp_path: Path) -> None:
    record_staff(engine, tmp_path)
    book = write_xlsx(tmp_path / "nic.xlsx", {"Sheet1": [DEPT, *NIC]})
    lay = layouts(book, engine)["Sheet1"]
    assert lay.kind == "staff"
    assert reason_of(lay) == (
        "kind_staff_by_domains",
        "column Phòng ban (B) names departments, no column names an organisation, and the emails are on "
        "your staff's domains (nic.gov.vn)",
    )
    pv, result = import_sheet(engine, book, "Sheet1")
    assert pv.kind == "staff" and result.counts["new"] == 3
    assert count(engine, m.Staff) == 5 and count(engine, m.Contact) == 0
    # without the session the staff's domains are not known: contacts, as on a new database
    assert layouts(book)["Sheet1"].kind == "contact"


@pytest.mark.parametrize(
    ("emails", "kind"),
    [
        (["a@hn.nic.gov.vn", "b@nic.gov.vn"], "staff"),  # a subdomain of ours
        (["a@nic.gov.vn", "b@nic.gov.vn", "c@nic.gov.vn", "d@fpt.vn"], "staff"),  # 3 in 4
        (["a@nic.gov.vn", "b@fpt.vn"], "contact"),  # 1 in 2
        (["a@gmail.com", "b@yahoo.com"], "contact"),  # webmail: no evidence
        (["", ""], "contact"),  # no email
        (["a@most.gov.vn", "b@most.gov.vn"], "contact"),  # another .gov.vn
    ],
)
def test_the_emails_decide_whose_departments(
    engine: Engine, tmp_path: Path, emails: list[str], kind: str
) -> None:
    record_staff(engine, tmp_path)
    units = ["Phòng HTQT", "Phòng Kế hoạch", "Phòng IT", "Phòng Pháp chế"][: len(emails)]
    rows = [[f"Người {i}", unit, email] for i, (unit, email) in enumerate(zip(units, emails, strict=True))]
    book = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [["Họ và tên", "Bộ phận", "Email"], *rows]})
    assert layouts(book, engine)["Sheet1"].kind == kind


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The SQLite file of the test, or an empty PostgreSQL database (skipped without one)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("engine")
        return
    eng = open_database(request.getfixturevalue("pg_url"))
    try:
        yield eng
    finally:
        eng.dispose()


def test_bare_departments_on_the_domain_of_recorded_contacts_are_theirs(
    any_engine: Engine, tmp_path: Path
) -> None:
    """Under "Đơn vị" a partner's list writes its departments bare too; its emails are where
    the contacts from that partner are: contacts, and the reason says so. Our list (on no
    contact's domain, or on our staff's too) stays staff."""
    engine = any_engine
    record_staff(engine, tmp_path)
    contacts = [["Họ và tên", "Tổ chức", "Email"], ["Lê Viettel", "Viettel", "le@Viettel.com.vn"],
                ["Quang NIC", "NIC", "quang.nic@nic.gov.vn"]]  # fmt: skip
    pv, _ = do_import(engine, write_xlsx(tmp_path / "db.xlsx", {"Danh bạ": contacts}), "Danh bạ")
    assert pv.kind == "contact" and count(engine, m.Contact) == 2
    theirs = [["Nguyễn Văn X", "Phòng Kinh doanh", "TP", "x@viettel.com.vn"],
              ["Trần Y", "Ban Công nghệ", "PB", "y@viettel.com.vn"]]  # fmt: skip
    book = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [NAMES, *theirs], "Ours": [NAMES, *OURS]})
    found = layouts(book, engine)
    assert found["Sheet1"].kind == "contact"
    assert reason_of(found["Sheet1"]) == (
        "kind_contacts_by_contact_domains",
        "column Đơn vị (B) names departments with no organisation, but the emails are on viettel.com.vn, "
        "where contacts of yours are: their departments, not yours",
    )
    # nic.gov.vn: a contact is on it, but so are our staff
    assert (found["Ours"].kind, reason_of(found["Ours"])[0]) == ("staff", "kind_staff_by_units")
    # without the session nothing is known of the domains: the departments decide, as before
    assert layouts(book)["Sheet1"].kind == "staff"
    pv, result = import_sheet(engine, book, "Sheet1")
    assert pv.kind == "contact" and result.counts["new"] == 2 and count(engine, m.Staff) == 2


def test_a_sheet_named_as_staff_with_departments_is_still_staff(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "ns.xlsx", {"Nhân sự": [DEPT, *VIETTEL]})
    lay = layouts(book, engine)["Nhân sự"]
    assert lay.kind == "staff" and reason_of(lay)[0] == "kind_staff_by_name"


# --- 2b. centres: a name that counts neither way ----------------------------------------------------

CENTRES = [  # delegates of eight centres of their own, one department, one office (workbook 29)
    ["Nhung", "Trung tâm Đổi mới sáng tạo Quốc gia", "CV", "nhung@nic.gov.vn"],
    ["Hùng", "Trung tâm Thông tin và Thống kê KH&CN", "CV", "hung@vista.gov.vn"],
    ["Tuấn", "Trung tâm Hỗ trợ khởi nghiệp sáng tạo", "CV", "tuan@sihub.vn"],
    ["Trang", "Trung tâm Ươm tạo doanh nghiệp công nghệ cao", "CV", "trang@hht.gov.vn"],
    ["Anh", "Trung tâm Chuyển đổi số Quốc gia", "CV", "anh@most.gov.vn"],
    ["Lan", "Trung tâm Đổi mới sáng tạo Quốc gia", "CV", "lan@nic.gov.vn"],
    ["Bảo", "Trung tâm Thông tin và Thống kê KH&CN", "CV", "bao@vista.gov.vn"],
    ["Hà", "Trung tâm Ươm tạo doanh nghiệp công nghệ cao", "CV", "ha@sihub.vn"],
    ["Cường", "Phòng Hợp tác Quốc tế", "CV", "cuong@hht.gov.vn"],
    ["Mai", "Văn phòng", "CV", "mai@most.gov.vn"],
]
OUR_CENTRES = [  # our own people, most in our centres (workbook 11), on our staff's domain
    [name, unit, "CV", f"{i}@nic.gov.vn"]
    for i, (name, unit) in enumerate(
        [("A", "Trung tâm Dữ liệu"), ("B", "Trung tâm Ươm tạo"), ("C", "Văn phòng"), ("D", "Trung tâm Dữ liệu"),
         ("E", "Ban Giám đốc"), ("F", "Trung tâm Ươm tạo"), ("G", "Văn phòng"), ("H", "Trung tâm Dữ liệu")]
    )
]  # fmt: skip


def test_delegates_of_centres_are_contacts(engine: Engine, tmp_path: Path) -> None:
    """2 departments of 10 values were "2 of 10 … your own": the centres counted for nothing."""
    book = write_xlsx(tmp_path / "c.xlsx", {"Sheet1": [NAMES, *CENTRES]})
    assert layouts(book)["Sheet1"].kind == "contact"
    record_staff(engine, tmp_path)  # (on nic.gov.vn, as two of the delegates are)
    lay = layouts(book, engine)["Sheet1"]
    assert lay.kind == "contact" and kind_reason(lay) is None


def test_our_list_mostly_of_centres_is_staff_by_its_emails(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "o.xlsx", {"Sheet1": [NAMES, *OUR_CENTRES]})
    assert layouts(book, engine)["Sheet1"].kind == "contact"  # nothing tells whose: contacts
    record_staff(engine, tmp_path)
    lay = layouts(book, engine)["Sheet1"]
    assert lay.kind == "staff"
    assert reason_of(lay) == (
        "kind_staff_by_domains",
        "column Đơn vị (B) names departments, no column names an organisation, and the emails are on "
        "your staff's domains (nic.gov.vn)",
    )


# --- 3. the reason's examples are clipped ---------------------------------------------------------


LONG = "Phòng " + "X" * 5000


def test_the_reasons_examples_are_clipped_and_text_only(tmp_path: Path) -> None:
    rows = [["A", 12345, "a@x.vn"], ["B", True, "b@x.vn"], ["C", LONG, "c@x.vn"], ["D", "Viettel", "d@x.vn"]]
    book = write_xlsx(tmp_path / "w.xlsx", {"Cán bộ": [["Họ và tên", "Đơn vị", "Email"], *rows]})
    lay = layouts(book)["Cán bộ"]
    assert lay.kind == "contact"
    code, said = reason_of(lay)
    clipped = clip_example(LONG)
    assert code == "kind_contacts_by_organisation"
    assert said == f"column Đơn vị (B) names organisations ({clipped}, Viettel), not your own departments"
    assert len(clipped) == EXAMPLE_CHARS == 60
    assert clipped.startswith("Phòng XXX") and " … " in clipped and clipped.endswith("XXX")


def test_the_staff_reasons_examples_are_clipped(tmp_path: Path) -> None:
    units = [
        "Phòng Hợp tác quốc tế và Phát triển nguồn nhân lực khu vực phía Bắc",
        "Phòng Hợp tác quốc tế và Phát triển nguồn nhân lực khu vực phía Nam",  # told apart by the end
        "Ban Giám đốc",
    ]
    book = write_xlsx(
        tmp_path / "s.xlsx", {"Sheet1": [NAMES, *[[f"N {i}", u, "", ""] for i, u in enumerate(units)]]}
    )
    lay = layouts(book)["Sheet1"]
    code, said = reason_of(lay)
    assert lay.kind == "staff" and code == "kind_staff_by_units"
    assert said == (
        "3 of 3 values of column Đơn vị (B) are departments, with no organisation named "
        "(Phòng Hợp tác quốc tế và Phát triển … lực khu vực phía Bắc, Phòng Hợp tác quốc tế và Phát "
        "triển … lực khu vực phía Nam, Ban Giám đốc): your own"
    )


UNIVERSITIES = [  # delegates of the universities' departments (workbooks 16 and 31)
    ["A", "Phòng Hợp tác Quốc tế - Đại học Quốc gia Hà Nội", "CV", "a@vnu.edu.vn"],
    ["B", "Phòng Quản lý Khoa học và Hợp tác Quốc tế - Đại học Quốc gia Hà Nội", "CV", "b@vnu.edu.vn"],
    ["C", "Ban Khoa học Công nghệ - Đại học Bách khoa Hà Nội", "CV", "c@hust.edu.vn"],
    ["D", "Phòng Đào tạo - Đại học Thái Nguyên", "CV", "d@tnu.edu.vn"],
]
BOARDS = [  # the Government's boards, chambers of commerce, and the like (workbooks 17 and 18)
    ["E", "Ban Cơ yếu Chính phủ", "CV", "e@bcy.gov.vn"],
    ["F", "Phòng Thương mại và Công nghiệp Việt Nam", "CV", "f@vcci.com.vn"],
    ["G", "Ban Thư ký ASEAN", "CV", "g@asean.org"],
    ["H", "Phòng Giáo dục và Đào tạo Cầu Giấy", "CV", "h@caugiay.edu.vn"],
]


def test_other_organisations_departments_and_boards_are_contacts(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "d.xlsx", {"Sheet1": [NAMES, *UNIVERSITIES], "Sheet2": [NAMES, *BOARDS]})
    assert {k: v.kind for k, v in layouts(book, engine).items()} == {"Sheet1": "contact", "Sheet2": "contact"}
    # under a name that says staff, the reason quotes the end that names the organisation
    book = write_xlsx(tmp_path / "c.xlsx", {"Cán bộ": [NAMES, *UNIVERSITIES]})
    assert reason_of(layouts(book, engine)["Cán bộ"]) == (
        "kind_contacts_by_organisation",
        "column Đơn vị (B) names organisations (Phòng Hợp tác Quốc tế - Đại học Quốc gia Hà Nội, Phòng "
        "Quản lý Khoa học và Hợp … - Đại học Quốc gia Hà Nội, Ban Khoa học Công nghệ - Đại học Bách khoa "
        "Hà Nội), not your own departments",
    )


# --- ketnoi import --dry-run ----------------------------------------------------------------------


def dry_run(book: Path, db: Path, capsys: pytest.CaptureFixture[str], lang: str = "en") -> str:
    assert main(["import", str(book), "--db", str(db), "--dry-run", "--lang", lang]) == 0
    return capsys.readouterr().out


def test_the_cli_reads_the_partner_lists_as_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    book = write_xlsx(tmp_path / "dm.xlsx", {"Đầu mối": [NAMES, *FOCAL]})
    out = dry_run(book, db, capsys)
    assert out.startswith('Sheet "Đầu mối" (contact, header row 1): 4 new')
    assert "staff" not in out
    # the partner's list by department: contacts, and why, with the way to say staff
    book = write_xlsx(tmp_path / "pd.xlsx", {"Sheet1": [DEPT, *VIETTEL]})
    out = dry_run(book, db, capsys).splitlines()
    assert out[0].startswith('Sheet "Sheet1" (contact, header row 1): 2 new')
    assert out[1] == (
        "  read as contacts: column Phòng ban (B) names departments, but of one organisation, not necessarily "
        "yours: the sheet's name does not say staff and no email is on your staff's domains; if it lists your "
        'own staff: --sheet "Sheet1" --kind staff'
    )
    # once the staff are recorded, the domains are named
    assert main(["import", str(write_xlsx(tmp_path / "cb.xlsx", {"Cán bộ": RECORDED})), "--db", str(db)]) == 0
    capsys.readouterr()
    out = dry_run(book, db, capsys, "vi")
    assert (
        "  đọc là danh bạ liên hệ: cột Phòng ban (B) ghi phòng ban, nhưng email thuộc viettel.com.vn, không phải "
        'tên miền của cán bộ mình (nic.gov.vn); nếu là cán bộ của mình: --sheet "Sheet1" --kind staff'
    ) in out


def test_the_cli_still_reads_our_lists_as_staff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.db"
    out = dry_run(write_xlsx(tmp_path / "nic.xlsx", {"Sheet1": [NAMES, *OURS]}), db, capsys)
    assert out.startswith('Sheet "Sheet1" (staff member, header row 1): 4 new')
    assert "  read as staff: 4 of 4 values of column Đơn vị (B) are departments" in out
    assert main(["import", str(write_xlsx(tmp_path / "cb.xlsx", {"Cán bộ": RECORDED})), "--db", str(db)]) == 0
    capsys.readouterr()
    out = dry_run(write_xlsx(tmp_path / "pb.xlsx", {"Sheet1": [DEPT, *NIC]}), db, capsys).splitlines()
    assert out[0].startswith('Sheet "Sheet1" (staff member, header row 1): 3 new')
    assert out[1] == (
        "  read as staff: column Phòng ban (B) names departments, no column names an organisation, and the "
        'emails are on your staff\'s domains (nic.gov.vn); if it lists contacts: --sheet "Sheet1" --kind contact'
    )


def test_the_cli_clips_the_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["A", 12345, "a@x.vn"], ["B", True, "b@x.vn"], ["C", LONG, "c@x.vn"]]
    book = write_xlsx(tmp_path / "w.xlsx", {"Cán bộ": [["Họ và tên", "Đơn vị", "Email"], *rows]})
    out = dry_run(book, tmp_path / "k.db", capsys).splitlines()
    assert out[1] == (
        f"  read as contacts: column Đơn vị (B) names organisations ({clip_example(LONG)}), not your own "
        'departments; if it lists your own staff: --sheet "Cán bộ" --kind staff'
    )
