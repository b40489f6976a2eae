"""The import wizard driven like a person would: a real workbook, real database, real widgets."""

from __future__ import annotations

import gc
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select
from sqlmodel import col

from app.importing import ImportFileError, inspect_workbook, remembered_mapping
from db.engine import read_session
from db.models import Contact, ContactMethod, ImportBatch, Organisation
from tests.ui.files.workbooks import HEADERS, contacts_workbook
from ui.import_wizard import open_import_wizard
from ui.import_wizard.wizard import PAGE_COMMIT, PAGE_MAPPING, PAGE_PREVIEW

TIMEOUT = 30_000


def contacts(engine: Any) -> list[dict[str, Any]]:
    with read_session(engine) as s:
        live = select(Contact).where(col(Contact.deleted_at).is_(None)).order_by(col(Contact.id))
        return [c.model_dump() for c in s.execute(live).scalars()]


def count(engine: Any, model: Any) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def open_wizard(qtbot: Any, ctx: Any, path: Path) -> Any:
    w = open_import_wizard(None, ctx, path)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    return w


def to_preview(qtbot: Any, w: Any) -> None:
    w.file_page.select_sheet("Danh bạ")
    w.next()
    assert w.currentId() == PAGE_MAPPING
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)


def test_import_through_the_wizard_then_undo(qtbot, ctx, engine, tmp_path):
    path = contacts_workbook(tmp_path / "dai-bieu.xlsx")
    w = open_wizard(qtbot, ctx, path)

    # Page 1: every sheet with what it holds; organisations are proposed first.
    tree = w.file_page.tree
    kinds = {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())
    }
    assert kinds == {"Danh bạ": "Contacts", "Tổ chức": "Organisations"}  # in the window's language
    assert tree.currentItem().text(0) == "Tổ chức"
    assert tree.topLevelItem(0).text(2) == "3"  # the header is found below the title row

    # Page 2: suggestion shown with samples; the user drops the notes column.
    w.file_page.select_sheet("Danh bạ")
    w.next()
    page = w.mapping_page
    assert [c.currentData() for c in page.combos] == [
        "", "full_name", "position", "organisation", "emails", "phones", "notes"
    ]  # fmt: skip
    assert page.table.item(1, 1).text() == "Họ và tên"
    assert page.combos[1].currentText() == "Full name"  # the field, in the window's language
    assert "Đặng Văn Hùng" in page.table.item(1, 2).text()
    page.set_field(HEADERS.index("Ghi chú"), "")
    assert page.isComplete()
    page.set_field(HEADERS.index("Họ và tên"), "")
    assert not page.isComplete()  # no name column: cannot go on
    assert page.problem.isVisible()
    page.set_field(HEADERS.index("Họ và tên"), "full_name")
    assert page.isComplete()

    # Page 3: every row with its status; nothing written yet.
    w.next()
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    pp = w.preview_page
    assert not gc.isenabled()  # the GUI thread collects (ui.gui_gc): the preview's pause left it off
    assert pp.model.counts() == {"new": 4, "update": 0, "duplicate": 1, "error": 1, "skip": 0}
    assert pp.chips["error"].label.text() == "Error <b>1</b>"
    assert count(engine, Contact) == 0
    pp.show_only(("error",))
    assert pp.model.rowCount() == 1
    err = pp.model.row_at(0)
    assert err.row == 9 and "required, but empty" in err.message
    assert pp.model.index(0, 2).data() == " — Genetica"  # nothing in the name: its organisation says which
    pp.show_only(("new",))
    warned = next(pp.model.row_at(i) for i in range(pp.model.rowCount()) if pp.model.row_at(i).row == 8)
    assert [w.code for w in warned.warnings] == ["email_kept_in_notes"]
    assert (
        "khong-co-email"
        in pp.model.index(
            next(i for i in range(pp.model.rowCount()) if pp.model.row_at(i).row == 8), 3
        ).data()
    )  # the warning beside the row, in English
    pp.show_only(None)
    assert pp.model.rowCount() == 6
    assert w.button(w.WizardButton.CommitButton).isVisible()

    # Page 4: written as one batch.
    w.next()
    assert w.currentId() == PAGE_COMMIT
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    batch_id = w.commit_result.batch_id
    assert cp.headline.text() == f"Import #{batch_id} is done."
    stored = contacts(engine)
    names = [c["full_name"] for c in stored]
    assert names == [
        unicodedata.normalize("NFC", "Nguyễn Thị Hồng Nhung"), "Đặng Văn Hùng", "Lê Thu Trang", "Phạm Minh Khoa"
    ]  # fmt: skip
    assert all(c["import_batch_id"] == batch_id for c in stored)
    # the column the user dropped is not in the notes; the email that is not one is
    assert [c["full_name"] for c in stored if c["notes"]] == ["Phạm Minh Khoa"]
    assert "khong-co-email" in stored[-1]["notes"] and "Hòa Lạc" not in stored[0]["notes"]
    with read_session(engine) as s:
        emails = set(
            s.execute(select(ContactMethod.value).where(col(ContactMethod.kind) == "email")).scalars()
        )
        nic = s.execute(select(Organisation).where(col(Organisation.acronym) == "NIC")).scalar_one()
        genetica = ("Đặng Văn Hùng", "Phạm Minh Khoa")
        assert {c["organisation_id"] for c in stored if c["full_name"] not in genetica} == {nic.id}
        remembered = remembered_mapping(s, HEADERS)
    assert emails == {"nhung@nic.gov.vn", "hung@genetica.vn", "trang@nic.gov.vn"}
    assert remembered is not None and remembered[0] == "contact"
    assert 6 not in remembered[1]  # the confirmed mapping, with Ghi chú left out

    # The error report from the summary: rejected rows as they were, with the reason.
    report = tmp_path / "loi.xlsx"
    cp.save_report(str(report))
    qtbot.waitUntil(lambda: report.exists() and not w.busy(), timeout=TIMEOUT)
    ws = load_workbook(report).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][: len(HEADERS)] == tuple(HEADERS)
    assert sorted(str(r[1] or "") for r in rows[1:]) == ["", "Nguyễn Thị Hồng Nhung"]

    # Undo from the wizard: the batch is reversed exactly. (The question's counts are read off
    # the UI thread first, so the busy strip starts a moment after the click: what it said and
    # whether it offered Cancel are noted as the undo's task starts.)
    shown: list[tuple[bool, str, bool]] = []
    run_task = w.run_task

    def noted(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("write"):
            shown.append((cp.busy.isVisible(), cp.busy.label.text(), cp.busy.cancel.isVisible()))
        return run_task(*args, **kwargs)

    w.run_task = noted
    qtbot.mouseClick(cp.undo, qtbot_left())
    qtbot.waitUntil(lambda: cp.state == "undone", timeout=TIMEOUT)
    assert shown == [(True, f"Undoing import #{batch_id}…", False)]  # an undo runs to its end
    assert not cp.busy.isVisible()
    assert contacts(engine) == []
    with read_session(engine) as s:
        assert s.get(ImportBatch, batch_id).undone_at is not None
    assert cp.headline.text() == f"Import #{batch_id} was undone."
    w.accept()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_remembered_mapping_is_offered_next_time(qtbot, ctx, engine, tmp_path):
    path = contacts_workbook(tmp_path / "a.xlsx")
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    w.back()
    w.mapping_page.set_field(HEADERS.index("Chức vụ"), "notes")
    w.next()
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    w.accept()

    again = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "b.xlsx"))
    again.file_page.select_sheet("Danh bạ")
    again.next()
    assert again.mapping_page.combos[HEADERS.index("Chức vụ")].currentData() == "notes"
    assert "confirmed last time" in again.mapping_page.note.text()
    again.reject()


def test_cancel_during_commit_leaves_the_database_unchanged(qtbot, ctx, engine, tmp_path, monkeypatch):
    monkeypatch.setattr("app.importing.commit.WRITE_CHUNK", 50)  # many small steps to cancel between
    path = contacts_workbook(tmp_path / "big.xlsx", extra_rows=3000)
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    assert w.preview_page.model.counts()["new"] > 3000
    orgs_before = count(engine, Organisation)

    cp = w.commit_page
    clicked: list[int] = []

    def cancel_once(value: int) -> None:
        if value > 0 and not clicked:
            clicked.append(value)
            qtbot.mouseClick(cp.busy.cancel, qtbot_left())

    cp.busy.bar.valueChanged.connect(cancel_once)
    w.next()
    qtbot.waitUntil(lambda: cp.state != "writing", timeout=TIMEOUT)
    assert clicked, "the commit never reported progress"
    assert cp.state == "cancelled"
    assert "nothing was written" in cp.message.text()
    assert count(engine, Contact) == 0
    assert count(engine, ImportBatch) == 0
    assert count(engine, Organisation) == orgs_before
    assert w.commit_page.isComplete()  # Finish closes the wizard


def test_closing_while_previewing_cancels_and_closes(qtbot, ctx, engine, tmp_path):
    path = contacts_workbook(tmp_path / "big.xlsx", extra_rows=3000)
    w = open_wizard(qtbot, ctx, path)
    w.file_page.select_sheet("Danh bạ")
    w.next()
    w.next()
    assert w.busy()
    w.reject()
    assert w.discard_box is not None  # the preview being computed would be lost: asked first
    assert "preview being computed will be lost" in w.discard_box.text()
    w.discard_box.findChild(QPushButton, "import_discard_close").click()
    assert w.isVisible()  # waits for the worker to stop
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=TIMEOUT)
    assert count(engine, Contact) == 0


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a spreadsheet",
        b"PK\x03\x04 broken zip",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
    ],
    ids=["text", "corrupted-zip", "password-or-xls"],
)
def test_a_bad_file_shows_the_services_message(qtbot, ctx, tmp_path, content):
    path = tmp_path / "danh-ba.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as expected:
        inspect_workbook(path)
    w = open_import_wizard(None, ctx, path)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.file_page.message.isVisible() and not w.busy(), timeout=TIMEOUT)
    shown = w.file_page.message.text()
    assert str(expected.value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in shown
    assert "Traceback" not in shown
    assert not w.file_page.isComplete()
    assert not w.button(w.WizardButton.NextButton).isEnabled()


def test_a_sheet_without_header_is_listed_with_its_reason(qtbot, ctx, tmp_path):
    from openpyxl import Workbook

    path = contacts_workbook(tmp_path / "mixed.xlsx")
    wb = load_workbook(path)
    wb.create_sheet("Trống")
    junk = wb.create_sheet("Số liệu")
    junk.append([1, 2, 3])
    wb.save(path)
    assert Workbook  # openpyxl wrote the workbook above
    w = open_wizard(qtbot, ctx, path)
    tree = w.file_page.tree
    items = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert "trống" in items["Trống"].text(1) or "empty" in items["Trống"].text(1)
    assert "header" in items["Số liệu"].toolTip(1)
    assert not items["Số liệu"].flags()  # cannot be chosen


def test_organisations_first_then_another_sheet(qtbot, ctx, engine, tmp_path):
    path = contacts_workbook(tmp_path / "two-sheets.xlsx")
    w = open_wizard(qtbot, ctx, path)
    assert w.file_page.tree.currentItem().text(0) == "Tổ chức"
    w.file_page.select_sheet("Tổ chức")  # only this one this time: the other stays unticked
    w.next()
    w.next()
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    assert w.preview_page.model.counts()["new"] == 1
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    first_batch = w.commit_result.batch_id
    assert w.commit_page.again.isVisible()

    qtbot.mouseClick(w.commit_page.again, qtbot_left())
    assert w.currentId() == 0
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    current = w.file_page.tree.currentItem()
    assert current.text(0) == "Danh bạ"  # the sheet not yet imported
    tree = w.file_page.tree
    done = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Tổ chức"
    )
    assert f"#{first_batch}" in done.text(1)
    w.next()
    w.next()
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert w.commit_result.batch_id != first_batch
    assert w.commit_result.counts["organisations_created"] == 1  # Genetica; NIC came from sheet one
    assert count(engine, Organisation) == 2
    w.accept()


def test_csv_dropped_on_the_first_page(qtbot, ctx, engine, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "danh-ba.csv"
    path.write_text(
        "Họ và tên;Đơn vị;SĐT\nNguyễn Thị Hồng Nhung;NIC;0912 345 678\nĐặng Văn Hùng;Genetica;\n",
        encoding="utf-8-sig",
    )
    w = open_import_wizard(None, ctx)
    qtbot.addWidget(w)
    assert not w.file_page.isComplete()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(QPoint(20, 20)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    w.file_page.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    assert w.file_page.path_edit.text() == str(path)
    w.next()
    assert w.mapping_page.kind.currentData() == "contact"
    w.next()
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    assert w.preview_page.model.counts()["new"] == 2
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert [c["full_name"] for c in contacts(engine)] == ["Nguyễn Thị Hồng Nhung", "Đặng Văn Hùng"]
    with read_session(engine) as s:
        phones = list(
            s.execute(select(ContactMethod.value).where(col(ContactMethod.kind) == "phone")).scalars()
        )
    assert phones == ["+84912345678"]
    w.accept()


def test_a_sheet_whose_every_row_is_rejected_says_nothing_was_imported(qtbot, ctx, engine, tmp_path):
    from tests.app.importing.helpers import write_xlsx

    path = write_xlsx(
        tmp_path / "loi.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["", "a@b.vn"], ["", "c@d.vn"]]}
    )
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    cp = w.commit_page
    assert cp.headline.text() == "Nothing was imported."
    assert not cp.undo.isVisible() and cp.report.isVisible()
    assert count(engine, ImportBatch) == 0
    w.accept()


def test_every_sheet_in_one_pass_one_batch(qtbot, ctx, engine, tmp_path):
    """Both sheets are ticked at first: one mapping page with a sheet box, one preview with a
    sheet box, one commit, one batch, one undo."""
    path = contacts_workbook(tmp_path / "two-sheets.xlsx")
    w = open_wizard(qtbot, ctx, path)
    assert [i.name for i in w.file_page.ticked()] == ["Danh bạ", "Tổ chức"]
    w.next()
    assert w.currentId() == PAGE_MAPPING
    page = w.mapping_page
    assert page.sheet_choice.isVisibleTo(page) and page.sheet_choice.count() == 2
    assert w.sheet.name == "Tổ chức"  # organisations first
    page.show_sheet("Danh bạ")
    assert w.sheet.name == "Danh bạ" and page.combos[HEADERS.index("Ghi chú")].currentData() == "notes"
    page.set_field(HEADERS.index("Ghi chú"), "")  # kept when the sheet box moves on
    page.show_sheet("Tổ chức")
    page.show_sheet("Danh bạ")
    assert not page.combos[HEADERS.index("Ghi chú")].currentData()
    w.next()
    qtbot.waitUntil(lambda: len(w.previews) == 2 and not w.busy(), timeout=TIMEOUT)
    pp = w.preview_page
    assert pp.sheet_choice.isVisibleTo(pp) and pp.sheet_choice.count() == 2
    assert "of 2 sheets will be written, together" in pp.message.text()
    assert w.preview.layout.sheet == "Tổ chức"
    pp.sheet_choice.setCurrentIndex(1)
    assert w.preview.layout.sheet == "Danh bạ" and pp.model.total() == len(w.previews[1].rows)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    with read_session(engine) as s:
        batches = s.execute(select(ImportBatch)).scalars().all()
        assert len(batches) == 1 and batches[0].kind == "organisation,contact"
        notes = [c.notes for c in s.execute(select(Contact)).scalars()]
        assert notes and not any("Hòa Lạc" in n for n in notes)  # the column unmapped on the way
    assert not w.commit_page.again.isVisible()  # nothing left to import
    qtbot.mouseClick(w.commit_page.undo, qtbot_left())
    qtbot.waitUntil(lambda: w.commit_page.state == "undone", timeout=TIMEOUT)
    with read_session(engine) as s:
        live = select(func.count()).select_from(Organisation).where(col(Organisation.deleted_at).is_(None))
        assert contacts(engine) == [] and s.execute(live).scalar_one() == 0
    w.accept()


def test_the_on_match_choice_says_what_it_does_to_lists(qtbot, ctx, tmp_path):
    """ "Fill" adds the sheet's new e-mails, phones, sectors and tags to a record's lists (lists
    gain, never lose: tests/app/importing/test_commit.py): its words say so, its tooltip says how."""
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    w.file_page.select_sheet("Danh bạ")
    w.next()
    combo = w.mapping_page.on_match
    assert combo.currentData() == "fill"
    assert "add to its lists" in combo.currentText()
    tip = combo.toolTip()
    assert "left as they are" in tip and "sectors" in tip and "nothing is removed" in tip
    combo.setCurrentIndex(combo.findData("skip"))
    assert combo.toolTip() == "The record already in Ketnoi is left exactly as it is."


def test_escape_after_a_preview_asks_before_discarding_it(qtbot, ctx, tmp_path):
    path = contacts_workbook(tmp_path / "dai-bieu.xlsx")
    w = open_wizard(qtbot, ctx, path)
    w.show()
    to_preview(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    box = w.discard_box
    assert box is not None and box.isVisible() and w.isVisible()
    assert box.text() == "Discard this import? 4 rows checked and ready will not be imported."
    assert sorted(b.text() for b in box.buttons()) == ["&Discard", "&Keep working"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape again keeps it
    assert w.discard_box is None and w.isVisible() and w.preview is not None
    w.close()  # the close box asks too
    assert w.discard_box is not None
    w.discard_box.findChild(QPushButton, "import_discard_close").click()
    assert not w.isVisible()


def test_escape_before_any_preview_closes_at_once(qtbot, ctx, tmp_path):
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    w.show()
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.discard_box is None and not w.isVisible()


def test_closing_while_writing_asks_then_says_nothing_was_written(qtbot, ctx, engine, tmp_path, monkeypatch):
    monkeypatch.setattr("app.importing.commit.WRITE_CHUNK", 50)  # many small steps to cancel between
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "big.xlsx", extra_rows=3000))
    w.show()
    to_preview(qtbot, w)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    asked: list[str] = []

    def close_once(value: int) -> None:
        if value > 0 and not asked:
            w.close()  # the window's close box while the rows are written
            assert w.discard_box is not None
            asked.append(w.discard_box.text())
            w.discard_box.findChild(QPushButton, "import_discard_close").click()

    w.commit_page.busy.bar.valueChanged.connect(close_once)
    w.next()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=TIMEOUT)
    assert asked == ["Discard this import? Writing stops and nothing is written."]
    assert said == ["Import cancelled: nothing was written."]
    assert w.cancelled_box is not None and w.cancelled_box.isVisible()  # the status bar is easily missed
    assert w.cancelled_box.text() == "Import cancelled: nothing was written."
    w.cancelled_box.accept()
    assert count(engine, Contact) == 0
    assert count(engine, ImportBatch) == 0


def test_the_rows_with_warnings_have_their_own_filter(qtbot, ctx, tmp_path):
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    pp = w.preview_page
    texts = [pp.filter.itemText(i) for i in range(pp.filter.count())]
    assert texts[-1] == "With warnings (1)"  # row 8: the email that is not one, kept in the notes
    pp.filter.setCurrentIndex(pp.filter.count() - 1)
    assert pp.model.rowCount() == 1
    row = pp.model.row_at(0)
    assert row.row == 8 and row.status == "new" and [m.code for m in row.warnings] == ["email_kept_in_notes"]


def test_a_preview_with_nothing_to_import_closes_without_asking(qtbot, ctx, engine, tmp_path):
    """Every row already in Ketnoi (imported before): nothing would be lost, nothing is asked."""
    path = contacts_workbook(tmp_path / "dai-bieu.xlsx")
    w = open_wizard(qtbot, ctx, path)
    w.show()
    to_preview(qtbot, w)
    w.next()
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    w.accept()
    again = open_wizard(qtbot, ctx, path)
    again.show()
    to_preview(qtbot, again)
    assert again.preview is not None and all(r.status not in ("new", "update") for r in again.preview.rows)
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert again.discard_box is None and not again.isVisible()


def test_a_named_pipe_is_refused_at_once_and_the_wizard_stays_usable(qtbot, ctx, tmp_path):
    """Reviewer: a FIFO typed as the file hung the wizard on "Reading fifo.csv…"; Cancel turned
    to "Cancelling…" for ever and only killing Ketnoi closed it (no writer ever came)."""
    import os

    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    w = open_import_wizard(None, ctx, fifo)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.file_page.message.isVisible() and not w.busy(), timeout=TIMEOUT)
    assert "fifo.csv is not an ordinary file (a pipe, a device or a socket)" in w.file_page.message.text()
    assert not w.file_page.isComplete()
    w.reject()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=TIMEOUT)
