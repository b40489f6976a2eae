"""The import wizard with a staff sheet: shown as staff (in English and in Vietnamese), imported
first, its people the owners the contacts sheet names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from db.engine import read_session
from db.models import Contact, Staff
from tests.app.importing.helpers import write_xlsx
from ui.import_wizard import open_import_wizard
from ui.import_wizard.wizard import PAGE_MAPPING, PAGE_PREVIEW

TIMEOUT = 30_000


@pytest.fixture(params=["en", "vi"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    from ui import i18n

    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "en")


def test_a_staff_sheet_is_shown_as_staff_and_imported_first(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, language: str
) -> None:
    book = write_xlsx(
        tmp_path / "can-bo.xlsx",
        {
            "Liên hệ": [
                ["Họ và tên", "Đơn vị", "Cán bộ phụ trách"],
                ["Nguyễn Văn An", "NIC", "Trần Minh Anh"],
            ],
            "Cán bộ": [["Họ và tên", "Email", "Đang làm việc"], ["Trần Minh Anh", "anh@nic.gov.vn", "Có"]],
        },
    )
    w = open_import_wizard(None, ctx, book)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    staff_word = {"en": "Staff", "vi": "Cán bộ"}[language]
    tree = w.file_page.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert staff_word in [rows["Cán bộ"].text(c) for c in range(tree.columnCount())]
    w.next()
    assert w.currentId() == PAGE_MAPPING
    page = w.mapping_page
    assert w.sheet.name == "Cán bộ"  # staff first, whatever the order of the sheets in the file
    assert page.kind.currentData() == "staff" and page.kind.currentText() == staff_word
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: len(w.previews) == 2 and not w.busy(), timeout=TIMEOUT)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    with read_session(engine) as s:
        staff = s.execute(select(Staff).where(col(Staff.deleted_at).is_(None))).scalars().all()
        assert [(x.name, x.email, x.active) for x in staff] == [("Trần Minh Anh", "anh@nic.gov.vn", True)]
        assert s.execute(select(Contact.owner_id)).scalar_one() == staff[0].id
    w.accept()
