"""The wizard's preview offers to bring back from the trash the people and organisations its
rows are (reviewer h148: after an undo, the same file imported again said on every row "the same
person is in the trash … restore it rather than import a second record?" and offered no way to:
61 new contacts beside the 61 in the trash). The check box, on by default, ticked and unticked
like a person would; the rows checked again each time; the import and its undo from the wizard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QFormLayout, QMessageBox, QPushButton
from sqlmodel import col, func, select

from app.importing import inspect_workbook, preview_import, run_import, undo_import
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import SAMPLE
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from tests.ui.files.test_import_wizard_accelerators import _clashes
from ui.import_wizard import history_dialog
from ui.import_wizard.wizard import PAGE_COMMIT


def imported_and_undone(engine: Any) -> None:
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(SAMPLE, session=s) if not isinstance(x, Exception)]
        layouts.sort(key=lambda x: x.kind != "organisation")
        done: list[Any] = []
        for lay in layouts:
            done.append(preview_import(SAMPLE, lay, session=s, parallel=False, after=list(done)))
    result = run_import(engine, done)
    assert result.batch_id is not None
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)


def rows(engine: Any, model: Any, *, live: bool) -> int:
    with read_session(engine) as s:
        cond = col(model.deleted_at).is_(None) if live else col(model.deleted_at).is_not(None)
        return int(s.exec(select(func.count()).select_from(model).where(cond)).one())


def shown(page: Any) -> dict[str, str]:
    """The commit page's figures: label → number, as they read."""
    form, role = page.figures, QFormLayout.ItemRole
    return {
        form.itemAt(i, role.LabelRole).widget().text().rstrip(":"): form.itemAt(i, role.FieldRole)
        .widget()
        .text()
        for i in range(form.rowCount())
    }


def test_the_preview_brings_them_back_unless_unticked(
    qtbot: Any, ctx: Any, engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported_and_undone(engine)
    w = open_wizard(qtbot, ctx, SAMPLE)
    w.show()
    to_preview(qtbot, w)
    pp = w.preview_page
    box = pp.trash_box
    # on by default: the 61 people of the sheet and the organisations they work at
    assert box.isVisible() and box.isEnabled() and box.isChecked()
    assert box.text() == "B&ring back the 75 records from the trash instead of creating new ones"
    assert "(61 contacts, 14 organisations)" in box.toolTip()
    assert _clashes(w) == {}  # its Alt+R answers nothing else on the page (nor "< &Back")
    assert pp.model.counts() == {"new": 0, "update": 61, "duplicate": 2, "error": 1, "skip": 0}
    # the first row's note, cut in the table, is whole under it with no click (nor hover)
    assert pp.row_detail.text().startswith(
        'row 4: brought back from the trash: #1 "Ngô Minh An", the same email an.ngo0@ai4life.example.vn'
    )
    assert pp.message.text().startswith("61 of 64 rows will be written.")

    box.click()  # new records instead: the rows are checked again
    assert not w.restore_trashed
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy() and box.isEnabled(), timeout=TIMEOUT)
    assert box.isVisible() and not box.isChecked()
    assert box.text() == "B&ring back the 75 records from the trash instead of creating new ones"
    assert pp.model.counts() == {"new": 61, "update": 0, "duplicate": 2, "error": 1, "skip": 0}
    assert pp.row_detail.text() == (
        'row 4: the same person is in the trash: #1 "Ngô Minh An" has the email '
        "an.ngo0@ai4life.example.vn; restore it from the trash rather than import a second record?"
    )
    detail = pp.row_detail
    qtbot.waitUntil(lambda: detail.height() >= detail.heightForWidth(detail.width()), timeout=TIMEOUT)
    assert (
        detail.isVisible()
        and detail.wordWrap()
        and detail.width() < detail.fontMetrics().horizontalAdvance(detail.text())
    )  # (wrapped: longer than the pane is wide, all of it shown)

    box.click()  # and back again, then Import
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy() and box.isEnabled(), timeout=TIMEOUT)
    assert box.isChecked() and pp.model.counts()["update"] == 61
    w.next()
    assert w.currentId() == PAGE_COMMIT
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    figures = shown(cp)
    assert figures["Records brought back from the trash"] == "75"
    assert figures["New records"] == "0" and figures["Records updated"] == "61"
    assert (rows(engine, m.Contact, live=True), rows(engine, m.Contact, live=False)) == (61, 0)
    assert rows(engine, m.Organisation, live=True) == 14

    asked: list[str] = []

    def confirm(box: QMessageBox) -> Any:
        asked.append(box.text())
        return box.findChild(QPushButton, "import_history_confirm_undo")

    monkeypatch.setattr(history_dialog, "answer", confirm)
    cp.undo.click()
    qtbot.waitUntil(lambda: cp.state == "undone", timeout=TIMEOUT)
    assert "61 contacts and 14 organisations it brought back from the trash will go back there." in asked[0]
    figures = shown(cp)
    assert figures["Records put back in the trash"] == "75"
    assert (rows(engine, m.Contact, live=True), rows(engine, m.Contact, live=False)) == (0, 61)
    w.accept()


@pytest.fixture
def in_vietnamese(qapp: Any) -> Iterator[None]:
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def test_in_vietnamese(qtbot: Any, ctx: Any, engine: Any, in_vietnamese: None) -> None:
    imported_and_undone(engine)
    w = open_wizard(qtbot, ctx, SAMPLE)
    w.show()
    to_preview(qtbot, w)
    pp = w.preview_page
    assert pp.trash_box.text() == "Khôi &phục 75 bản ghi từ thùng rác thay vì tạo bản ghi mới"
    assert "(61 người liên hệ, 14 tổ chức)" in pp.trash_box.toolTip()
    assert _clashes(w) == {}
    assert pp.row_detail.text().startswith('dòng 4: khôi phục từ thùng rác: #1 "Ngô Minh An", cùng email')
    w.reject()
