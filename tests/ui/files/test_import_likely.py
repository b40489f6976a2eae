"""The import wizard's preview says, on a new row, the contact or organisation the database has
that it probably is under another spelling ("Tanaka Hiroshi" / Genetica's "Hiroshi Tanaka",
"Genetca" / "Genetica"), in the window's language, and the row stays new
(app.importing.likely)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from tests.app.importing.helpers import do_import, write_xlsx
from tests.ui.files.test_import_wizard import open_wizard, to_preview
from ui.import_wizard.model import COL_DETAILS

HEAD = ["Họ và tên", "Đơn vị", "Email"]


def _details(qtbot: Any, ctx: Any, path: Path) -> dict[int, tuple[str, str]]:
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    model = w.preview_page.model
    assert model.counts()["new"] == 2
    return {
        model.row_at(i).row: (model.row_at(i).status, model.index(i, COL_DETAILS).data())
        for i in range(model.rowCount())
    }


def test_the_preview_names_the_record_a_new_row_probably_is(  # type: ignore[no-untyped-def]
    qtbot, qapp, ctx, engine: Engine, tmp_path: Path
) -> None:
    from ui import i18n

    do_import(engine, write_xlsx(tmp_path / "first.xlsx", {"Danh bạ": [
        HEAD, ["Hiroshi Tanaka", "Genetica", "tanaka@genetica.vn"],
    ]}))  # fmt: skip
    book = write_xlsx(tmp_path / "office.xlsx", {"Danh bạ": [
        HEAD,
        ["Tanaka Hiroshi", "Genetica", "hiroshi.t@genetica.vn"],
        ["Lê Văn Nam", "Genetca", None],
    ]})  # fmt: skip
    shown = _details(qtbot, ctx, book)
    assert shown[2] == ("new", (
        "probably Hiroshi Tanaka (#1), names in another order: imported as a new contact; to update #1 "
        "instead, write the name and organisation as #1 has them, or merge the two after the import "
        "(Find duplicates)"
    ))  # fmt: skip
    assert shown[3] == ("new", (
        'organisation "Genetca" is probably Genetica (#1) spelt another way: it is created as a new '
        "organisation; to use #1, write its name as #1 has it, or merge the two after the import "
        "(Find duplicates)"
    ))  # fmt: skip
    try:
        assert i18n.install(qapp, "vi") == "vi"
        shown = _details(qtbot, ctx, book)
        assert shown[2][1] == (
            "có lẽ là Hiroshi Tanaka (#1), họ tên viết theo thứ tự khác: được nhập thành liên hệ mới; để "
            "cập nhật #1 thay vào đó, hãy ghi họ tên và đơn vị như #1 đang có, hoặc gộp hai bản ghi sau "
            "khi nhập (Tìm bản ghi trùng lặp)"
        )
        assert shown[3][1] == (
            'tổ chức "Genetca" có lẽ là Genetica (#1) viết khác đi: tổ chức này được tạo mới; để dùng #1, '
            "hãy ghi tên như #1 đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản ghi trùng lặp)"
        )
    finally:
        i18n.install(qapp, "en")


def test_the_preview_names_the_row_above_that_spells_a_new_organisation_otherwise(  # type: ignore[no-untyped-def]
    qtbot, qapp, ctx, tmp_path: Path
) -> None:
    """Neither spelling in the database: "Genetca JSC" on row 3 names "Genetica JSC" on row 2."""
    from ui import i18n

    book = write_xlsx(tmp_path / "office.xlsx", {"Danh bạ": [
        HEAD, ["Trần Văn Bảo", "Genetica JSC", None], ["Bùi Văn Sơn", "Genetca JSC", None],
    ]})  # fmt: skip
    shown = _details(qtbot, ctx, book)
    assert shown[2] == ("new", "A new contact is created"), shown
    assert shown[3][1] == (
        'organisation "Genetca JSC" is probably Genetica JSC (row 2) spelt another way: it is created as a '
        "new organisation; to use row 2, write its name as row 2 has it, or merge the two after the import "
        "(Find duplicates)"
    ), shown
    try:
        assert i18n.install(qapp, "vi") == "vi"
        shown = _details(qtbot, ctx, book)
        assert shown[3][1] == (
            'tổ chức "Genetca JSC" có lẽ là Genetica JSC (dòng 2) viết khác đi: tổ chức này được tạo mới; để '
            "dùng dòng 2, hãy ghi tên như dòng 2 đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản ghi "
            "trùng lặp)"
        ), shown
    finally:
        i18n.install(qapp, "en")
