"""The wizard reads a sheet typed in the old TCVN3 fonts as Unicode: the mapping page shows the
header and the names as they read, the preview says once which columns were read from which
encoding, with an example, and the contacts written have Unicode names."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from app.importing import legacy as lg
from db.engine import read_session
from db.models import Contact
from tests.ui.files.test_import_wizard import open_wizard, to_preview

NAMES = ["Nguyễn Văn Hùng", "Trần Thị Thuỷ", "Phạm Đức Thắng", "Đỗ Thị Ngọc Diệp"]


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh bạ"
    ws.append([lg.encode("Họ và tên", lg.TCVN3), "Email", lg.encode("Đơn vị", lg.TCVN3)])
    for i, name in enumerate(NAMES):
        ws.append(
            [
                lg.encode(name, lg.TCVN3),
                f"nguoi{i}@most.gov.vn",
                lg.encode("Bộ Khoa học và Công nghệ", lg.TCVN3),
            ]
        )
    wb.save(path)
    return path


def test_a_tcvn3_sheet_is_read_as_unicode_and_said_once(qtbot, ctx, engine, tmp_path):  # type: ignore[no-untyped-def]
    w = open_wizard(qtbot, ctx, _workbook(tmp_path / "tcvn3.xlsx"))
    w.next()
    page = w.mapping_page  # the header and the samples as they read, the name column found
    assert [c.currentData() for c in page.combos][:3] == ["full_name", "emails", "organisation"]
    assert page.table.item(0, 1).text() == "Họ và tên"
    assert "Nguyễn Văn Hùng" in page.table.item(0, 2).text()
    w.back()
    to_preview(qtbot, w)
    pp = w.preview_page
    said = pp.message.text()
    assert said.startswith("4 of 4 rows will be written. "), said
    assert said.count("Typed in the old TCVN3 (ABC, .VnTime) encoding, read as Unicode: ") == 1, said
    assert 'Họ và tên (A), Đơn vị (C) (e.g. "NguyÔn V¨n Hïng" → "Nguyễn Văn Hùng").' in said
    pp.show_only(None)
    assert pp.model.index(0, 2).data().startswith("Nguyễn Văn Hùng")
    with read_session(engine) as s:
        assert s.execute(select(Contact.full_name)).scalars().all() == []  # nothing written yet
