"""The preview's "Created alongside" tab: organisations to be created with their folded
variants, split and joined with the real widgets, and the commit doing what was chosen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard
from sqlalchemy import select
from sqlmodel import col

from app.importing.messages import TEMPLATES
from db.engine import read_session
from db.models import Organisation
from tests.app.importing.helpers import write_xlsx
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard
from ui.import_wizard.messages import templates, terms
from ui.import_wizard.wizard import PAGE_COMMIT, PAGE_PREVIEW

ROWS = [
    ["Họ và tên", "Đơn vị", "Email"],
    ["Nguyễn Văn An", "VIN", "an@vin.vn"],
    ["Trần Thị Bình", "Mạng lưới Đổi mới sáng tạo Việt Nam", "binh@vin.vn"],
    ["Lê Văn Cường", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)", "cuong@vin.vn"],
    ["Phạm Thu Dung", "Viện Vật lý", "dung@iop.vn"],
    ["Hoàng Minh Em", "Institute of Physics", "em@iop.vn"],
]


def to_preview(qtbot: Any, w: Any) -> None:
    w.file_page.select_sheet("Khách")
    w.next()
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)


def tree_labels(panel: Any) -> dict[str, list[str]]:
    out = {}
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        out[top.text(0)] = sorted(top.child(j).text(0) for j in range(top.childCount()))
    return out


def select_item(panel: Any, top_text: str, child_text: str | None = None) -> None:
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        if top.text(0) == top_text:
            item = (
                top
                if child_text is None
                else next(top.child(j) for j in range(top.childCount()) if top.child(j).text(0) == child_text)
            )
            panel.tree.setCurrentItem(item)
            return
    raise AssertionError(top_text)


def test_split_and_join_in_the_preview_then_import(qtbot, ctx, engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Khách": ROWS})
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    page = w.preview_page
    panel = page.folds
    assert page.tabs.tabText(1) == "Created alongside (3)"
    vin = "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"
    assert tree_labels(panel)[vin] == sorted(["VIN", "Mạng lưới Đổi mới sáng tạo Việt Nam", vin])
    select_item(panel, vin, "VIN")
    assert panel.split_button.isEnabled()
    panel.split_button.click()
    qtbot.waitUntil(lambda: not w.busy() and "VIN" in tree_labels(panel), timeout=TIMEOUT)
    select_item(panel, "Institute of Physics")
    panel.join_selected("Viện Vật lý")
    qtbot.waitUntil(
        lambda: not w.busy() and "Institute of Physics" not in tree_labels(panel), timeout=TIMEOUT
    )
    assert set(tree_labels(panel)) == {"VIN", vin, "Viện Vật lý"}
    w.button(QWizard.WizardButton.CommitButton).click()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    with read_session(engine) as s:
        names = sorted(
            s.exec(select(Organisation.name).where(col(Organisation.deleted_at).is_(None))).scalars()
        )
    assert names == ["Mạng lưới Đổi mới sáng tạo Việt Nam", "VIN", "Viện Vật lý"]


def test_the_windows_message_table_matches_the_services(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.importing.messages import TERMS

    assert {k: v[0] for k, v in TEMPLATES.items()} == templates()  # English window: the English text
    assert {k: v[0] for k, v in TERMS.items()} == terms()
    for en, vi in TEMPLATES.values():  # the same parameters in both languages
        assert sorted(re.findall(r"{(\w+)}", en)) == sorted(re.findall(r"{(\w+)}", vi))


def test_the_vietnamese_window_words_messages_in_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.importing.messages import FieldChange, Term, msg
    from ui import i18n
    from ui.import_wizard.messages import wording

    m = msg("updates", id=12, changes=[FieldChange("position", '"Chuyên viên"', '"Trưởng phòng"')], column="")
    assert wording(m) == 'updates #12: Position: "Chuyên viên" → "Trưởng phòng"'
    try:
        assert i18n.install(qapp, "vi") == "vi"
        assert {k: v[1] for k, v in TEMPLATES.items()} == templates()
        assert wording(m).startswith("cập nhật #12: ") and "updates" not in wording(m)
        dup = msg("duplicate_of_row", other_row=4, key=Term("phone"))
        assert wording(dup) == "trùng dòng 4 (cùng số điện thoại)"
        far = msg("duplicate_of_row", other_row=2722, key=Term("phone"))
        assert wording(far) == "trùng dòng 2722 (cùng số điện thoại)"  # a row, not a quantity: "2.722"
        assert wording(msg("nothing_new", id=12345)) == "#12345: không có gì mới"
    finally:
        i18n.install(qapp, "en")


def test_the_row_under_the_cursor_is_said_in_full(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [*ROWS, ["Đỗ Văn Phúc", "VIN", "khong-co-email"]]
    w = open_wizard(qtbot, ctx, write_xlsx(tmp_path / "k.xlsx", {"Khách": rows}))
    to_preview(qtbot, w)
    page = w.preview_page
    last = page.model.rowCount() - 1
    assert page.model.row_at(last).row == 7
    page.view.setCurrentIndex(page.model.index(last, 0))
    assert page.row_detail.text() == (
        'sheet "Khách", row 7, column Email (C): email "khong-co-email" is not an address; kept in the notes'
    )


def test_the_wizard_groups_counts_as_the_window_language_does(qapp) -> None:  # type: ignore[no-untyped-def]
    """The preview said "Sẽ ghi 100,000 trên 100,000 dòng" in the Vietnamese window."""
    from ui import i18n
    from ui.import_wizard.common import num

    try:
        assert i18n.install(qapp, "vi") == "vi"
        assert num(100000) == "100.000"
        assert i18n.install(qapp, "en") == "en"
        assert num(100000) == "100,000"
    finally:
        i18n.install(qapp, "en")
