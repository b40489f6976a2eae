"""The wizard's preview says which rows at the sheet's foot it leaves out and why — a total, a
title with its signer on one row — in English and in Vietnamese (reviewer h117: "Tổng cộng:
3000 liên hệ" became a contact, "Người lập biểu" one at an organisation "Vũ Thanh Hương"); the
new tags' note claims no tag saved under another name into an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from db.engine import read_session
from db.models import Contact, Organisation
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.wizard import PAGE_COMMIT


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Thẻ"])
    ws.append([1, "Nguyễn Văn Bắc", "Giám đốc", "Sở KH&CN Bắc Ninh", "bac@example.vn", "VIP"])
    ws.append([2, "Trần Thị Hoa", "Chuyên viên", "Sở KH&CN Bắc Ninh", "hoa@example.vn", None])
    ws.append([None, "Tổng cộng: 2 liên hệ"])
    ws.append([])
    ws.append([None, "Người lập biểu", None, "Vũ Thanh Hương"])
    wb.save(path)
    return path


def test_the_preview_says_the_total_and_the_signature_left_out(qtbot, ctx, engine, tmp_path):  # type: ignore[no-untyped-def]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "danhba.xlsx"))
    to_preview(qtbot, w)
    said = w.preview_page.message.text()
    assert "2 of 2 rows will be written." in said
    assert 'Row 4: a total below the list ("Tổng cộng: 2 liên hệ"), not a person: not imported.' in said
    assert "Row 6: the signatures below the list, not imported." in said
    assert "New tags will be added: VIP." in said
    assert "twice" not in said and "Quantum" not in said
    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    with read_session(engine) as s:
        people = sorted(s.execute(select(Contact.full_name)).scalars())
        orgs = sorted(s.execute(select(Organisation.name)).scalars())
    assert people == ["Nguyễn Văn Bắc", "Trần Thị Hoa"]
    assert orgs == ["Sở KH&CN Bắc Ninh"]


def test_the_preview_says_them_in_vietnamese(qtbot, ctx, engine, tmp_path, vietnamese):  # type: ignore[no-untyped-def]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "danhba.xlsx"))
    to_preview(qtbot, w)
    said = w.preview_page.message.text()
    assert (
        'Dòng 4: dòng tổng cộng bên dưới danh sách ("Tổng cộng: 2 liên hệ"), không phải một người: '
        "không được nhập." in said
    ), said
    assert "Dòng 6: phần ký tên bên dưới danh sách, không được nhập." in said, said
    assert "Sẽ thêm thẻ mới: VIP." in said, said
    assert "hai lần" not in said and "Lượng tử" not in said
