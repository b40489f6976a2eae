"""The import wizard with an office's staff list whose "Đơn vị" column holds the centre's own
departments: read as staff and says why (in English and Vietnamese), names the columns a staff
member cannot hold, and the kind box still reads it as contacts when the user says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from db.engine import read_session
from db.models import Contact, Organisation, Staff
from tests.app.importing.helpers import write_xlsx
from ui.import_wizard import open_import_wizard
from ui.import_wizard.wizard import PAGE_MAPPING, PAGE_PREVIEW

TIMEOUT = 30_000
HEAD = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email"]
OFFICE = [
    [1, "Trần Minh Anh", "Trưởng phòng", "Phòng Hợp tác quốc tế", "anh@nic.gov.vn"],
    [2, "Phạm Thu Hà", "Chuyên viên", "Phòng Hợp tác quốc tế", "ha@nic.gov.vn"],
    [3, "Lê Văn Cường", "Chánh Văn phòng", "Văn phòng", "cuong@nic.gov.vn"],
]
SAID = {
    "en": (
        "Read as staff: 3 of 3 values of column Đơn vị (D) are departments, with no organisation named "
        "(Phòng Hợp tác quốc tế, Văn phòng): your own. If the sheet lists contacts, choose Contacts above.",
        "Not imported: Chức vụ (C), Đơn vị (D): a staff member in Ketnoi has only a name, an email and "
        "whether they still work here",
    ),
    "vi": (
        "Đọc là danh sách cán bộ: 3 trên 3 giá trị ở cột Đơn vị (D) là phòng ban, không ghi tổ chức nào "
        "(Phòng Hợp tác quốc tế, Văn phòng): đơn vị của mình. Nếu trang này là danh bạ liên hệ, hãy chọn "
        "Liên hệ ở trên.",
        "Không nhập: Chức vụ (C), Đơn vị (D): cán bộ trong Ketnoi chỉ có họ tên, email và còn làm việc hay không",
    ),
}


@pytest.fixture(params=["en", "vi"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    from ui import i18n

    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "en")


def open_wizard(qtbot: Any, ctx: Any, path: Path) -> Any:
    w = open_import_wizard(None, ctx, path)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    return w


def live(engine: Any, column: Any) -> list[str]:
    model = column.class_
    with read_session(engine) as s:
        return sorted(s.execute(select(column).where(col(model.deleted_at).is_(None))).scalars())


def test_the_wizard_reads_the_staff_list_as_staff_and_says_why(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, language: str
) -> None:
    book = write_xlsx(tmp_path / "nic.xlsx", {"Danh sách cán bộ": [HEAD, *OFFICE]})
    w = open_wizard(qtbot, ctx, book)
    item = w.file_page.tree.topLevelItem(0)
    assert item.text(1) == {"en": "Staff", "vi": "Cán bộ"}[language]
    assert item.toolTip(1) == SAID[language][0].split(": ", 1)[1].split(". ")[0]  # the reason alone
    w.next()
    assert w.currentId() == PAGE_MAPPING
    page = w.mapping_page
    assert page.kind.currentData() == "staff"
    assert SAID[language][0] in page.note.text()
    assert page.problem.text() == SAID[language][1]
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: len(w.previews) == 1 and not w.busy(), timeout=TIMEOUT)
    assert SAID[language][1] in w.preview_page.message.text()
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert live(engine, Staff.name) == ["Lê Văn Cường", "Phạm Thu Hà", "Trần Minh Anh"]
    assert live(engine, Organisation.name) == [] and live(engine, Contact.full_name) == []
    w.accept()


def test_the_kind_box_still_reads_it_as_contacts(qtbot: Any, ctx: Any, engine: Any, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "nic.xlsx", {"Danh sách cán bộ": [HEAD, *OFFICE]})
    w = open_wizard(qtbot, ctx, book)
    w.next()
    page = w.mapping_page
    assert page.kind.currentData() == "staff" and page.combos[3].currentData() == ""  # Đơn vị: not imported
    index = page.kind.findData("contact")
    page.kind.setCurrentIndex(index)
    page.kind.activated.emit(index)  # as a person choosing "Contacts" in the box
    assert page.combos[3].currentData() == "organisation"
    assert "Read as" not in page.note.text() and page.problem.text() == ""
    w.next()
    qtbot.waitUntil(lambda: len(w.previews) == 1 and not w.busy(), timeout=TIMEOUT)
    assert w.previews[0].kind == "contact" and "Not imported" not in w.preview_page.message.text()
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert live(engine, Staff.name) == []
    assert live(engine, Contact.full_name) == ["Lê Văn Cường", "Phạm Thu Hà", "Trần Minh Anh"]
    assert live(engine, Organisation.name) == ["Phòng Hợp tác quốc tế", "Văn phòng"]  # as the user chose
    w.accept()


def test_a_contacts_list_named_as_staff_says_why_it_is_contacts(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    rows = [HEAD, [1, "Nguyễn Văn An", "Giám đốc", "Viettel", "an@viettel.vn"], [2, "Lê Hà", "CV", "FPT", ""]]
    book = write_xlsx(tmp_path / "dm.xlsx", {"Cán bộ đầu mối": rows})
    w = open_wizard(qtbot, ctx, book)
    w.next()
    page = w.mapping_page
    assert page.kind.currentData() == "contact"
    assert (
        "Read as contacts: column Đơn vị (D) names organisations (Viettel, FPT), not your own departments. "
        "If the sheet lists your own staff, choose Staff above."
    ) in page.note.text()
    index = page.kind.findData("staff")
    page.kind.setCurrentIndex(index)
    page.kind.activated.emit(index)
    assert "Read as" not in page.note.text()
    assert page.problem.text().startswith("Not imported: Chức vụ (C), Đơn vị (D)")
    w.reject()


PARTNER = [  # a partner's people by department, on the partner's domain (a reviewer's workbook)
    ["Họ và tên", "Phòng ban", "Chức vụ", "Email"],
    ["Nguyễn Văn X", "Phòng Kinh doanh", "Trưởng phòng", "x@viettel.com.vn"],
    ["Trần Y", "Ban Công nghệ", "Phó ban", "y@viettel.com.vn"],
]
PARTNER_SAID = {
    "en": "Read as contacts: column Phòng ban (B) names departments, but the emails are on viettel.com.vn, "
    "not on your staff's domains (nic.gov.vn). If the sheet lists your own staff, choose Staff above.",
    "vi": "Đọc là danh bạ liên hệ: cột Phòng ban (B) ghi phòng ban, nhưng email thuộc viettel.com.vn, không "
    "phải tên miền của cán bộ mình (nic.gov.vn). Nếu trang này là danh sách cán bộ của mình, hãy chọn Cán bộ "
    "ở trên.",
}


def test_a_partners_list_by_department_is_read_as_contacts_and_says_why(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, language: str
) -> None:
    """The staff recorded are on nic.gov.vn; a "Phòng ban" list on viettel.com.vn is a partner's:
    contacts, with the domains named (it was read as staff by its header alone)."""
    from tests.app.importing.helpers import do_import

    recorded = write_xlsx(
        tmp_path / "cb.xlsx", {"Cán bộ": [["Họ và tên", "Email"], ["Trần Quang", "q@nic.gov.vn"]]}
    )
    assert do_import(engine, recorded, "Cán bộ")[0].kind == "staff"
    book = write_xlsx(tmp_path / "pd.xlsx", {"Sheet1": PARTNER})
    w = open_wizard(qtbot, ctx, book)
    item = w.file_page.tree.topLevelItem(0)
    assert item.text(1) == {"en": "Contacts", "vi": "Liên hệ"}[language]
    assert item.toolTip(1) == PARTNER_SAID[language].split(": ", 1)[1].rsplit(". ", 1)[0]  # the reason alone
    w.next()
    page = w.mapping_page
    assert page.kind.currentData() == "contact"
    assert PARTNER_SAID[language] in page.note.text()
    w.next()
    qtbot.waitUntil(lambda: len(w.previews) == 1 and not w.busy(), timeout=TIMEOUT)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert live(engine, Staff.name) == ["Trần Quang"]
    assert live(engine, Contact.full_name) == ["Nguyễn Văn X", "Trần Y"]
    w.accept()


DELEGATES = [  # the same headers, delegates of ministries (a reviewer's workbook 19)
    [1, "Hoàng Đức Anh", "Chuyên viên", "Bộ Khoa học và Công nghệ", "anh@most.gov.vn"],
    [2, "Đỗ Mạnh Cường", "Chuyên viên", "Viện Hàn lâm KH&CN Việt Nam", "cuong@vast.vn"],
    [3, "Ngô Thị Mai", "Chuyên viên", "Văn phòng Bộ Công Thương", "mai@moit.gov.vn"],
]


def test_a_remembered_mapping_does_not_decide_staff_or_contacts(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path
) -> None:
    """Our list imported (its mapping remembered for its headers), a list of delegates with the
    same headers is contacts, not three new staff; another list of ours uses the remembered
    mapping and still says why it is staff."""
    from tests.app.importing.helpers import do_import

    assert (
        do_import(engine, write_xlsx(tmp_path / "nic.xlsx", {"Sheet1": [HEAD, *OFFICE]}))[0].kind == "staff"
    )
    w = open_wizard(qtbot, ctx, write_xlsx(tmp_path / "d.xlsx", {"Sheet1": [HEAD, *DELEGATES]}))
    w.next()
    page = w.mapping_page
    assert page.kind.currentData() == "contact" and page.combos[3].currentData() == "organisation"
    assert "confirmed last time" not in page.note.text()
    w.reject()
    more = [
        [1, "Vũ Lan", "CV", "Ban Giám đốc", "lan@nic.gov.vn"],
        [2, "Đặng Bảo", "CV", "Văn phòng", "b@nic.gov.vn"],
    ]
    w = open_wizard(qtbot, ctx, write_xlsx(tmp_path / "m.xlsx", {"Sheet1": [HEAD, *more]}))
    w.next()
    page = w.mapping_page
    assert page.kind.currentData() == "staff"
    # (do_import names no one: the mapping is no one's, not "you confirmed")
    assert "Using the column choices confirmed last time for these headers." in page.note.text()
    assert "Read as staff: 2 of 2 values of column Đơn vị (D) are departments" in page.note.text()
    w.reject()
