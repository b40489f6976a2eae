"""The wizard's preview says which rows of a delegate list it read as section headings, in the
window's language (reviewer h149: "II | GENETICA", merged across the table, was shown as "New ·
Genetica — BỘ KHOA HỌC VÀ CÔNG NGHỆ · a new contact", and the Genetica engineer below it was
filed under the Ministry): the heading is skipped, says what it gave and which saved
organisation that is, and the row below it goes there (app.importing.sections)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy.engine import Engine

from db import models as m
from db.engine import unit_of_work
from tests.ui.files.test_import_wizard import open_wizard, to_preview
from ui.import_wizard.model import COL_DETAILS, COL_RECORD, COL_STATUS


def _delegates(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["STT", "Họ và tên", "Chức vụ", "Điện thoại", "Email"])
    ws.append(["I", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"])  # row 2
    ws.merge_cells("B2:E2")
    ws.append([1, "Lê Minh Quang", "Vụ trưởng", "0903 112 233", "quang.lm@most.gov.vn"])
    ws.append(["II", "GENETICA"])  # row 4
    ws.merge_cells("B4:E4")
    ws.append([2, "Nguyễn Thị Hoa", "Kỹ sư", "0988 111 222", "hoa.nt@genetica.vn"])
    wb.save(path)
    return path


def _shown(qtbot: Any, ctx: Any, path: Path) -> dict[int, tuple[str, str, str]]:
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    model = w.preview_page.model
    return {
        model.row_at(i).row: tuple(model.index(i, c).data() for c in (COL_STATUS, COL_RECORD, COL_DETAILS))
        for i in range(model.rowCount())
    }


def test_the_preview_says_which_rows_are_headings(  # type: ignore[no-untyped-def]
    qtbot, qapp, ctx, engine: Engine, tmp_path: Path
) -> None:
    from ui import i18n

    with unit_of_work(engine) as session:
        genetica = m.Organisation(name="Genetica", kind="startup")
        session.add(genetica)
        session.flush()
        ident = genetica.id
    path = _delegates(tmp_path / "ds-dai-bieu.xlsx")
    shown = _shown(qtbot, ctx, path)
    assert shown[4] == (
        "Skip",
        "GENETICA",
        'section heading: organisation "GENETICA" given to the rows below it that name none: 5; '
        f'"GENETICA" is the saved organisation Genetica (#{ident}), where its rows go',
    ), shown[4]
    assert shown[5][:2] == ("New", "Nguyễn Thị Hoa — GENETICA")
    assert shown[3][:2] == ("New", "Lê Minh Quang — BỘ KHOA HỌC VÀ CÔNG NGHỆ")
    try:
        assert i18n.install(qapp, "vi") == "vi"
        shown = _shown(qtbot, ctx, path)
        assert shown[4][2] == (
            'dòng tiêu đề nhóm: tổ chức "GENETICA" được gán cho các dòng bên dưới chưa ghi tổ chức: 5; '
            f'"GENETICA" là tổ chức đã có Genetica (#{ident}); các dòng trong nhóm được gán vào tổ chức này'
        ), shown[4]
    finally:
        i18n.install(qapp, "en")
