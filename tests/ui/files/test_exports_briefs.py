"""File → Export…, Save import template…, and the brief dialogs, with real files read back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.importing import inspect_sheet, preview_import, run_import
from app.importing.fields import LABELS
from db.engine import read_session
from tests.app.lists.seed import TODAY, seed_network
from ui import briefs, exports, file_dialogs

TIMEOUT = 30_000


@pytest.fixture
def seeded(engine: Any, ctx: Any) -> dict[str, Any]:
    ctx.today = lambda: TODAY
    return seed_network(engine)


def statuses(ctx: Any) -> list[str]:
    seen: list[str] = []
    ctx.status_message.connect(seen.append)
    return seen


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_export_asks_for_a_name_and_writes_a_workbook_that_reads_back(
    qtbot, ctx, seeded, tmp_path, monkeypatch
):
    asked: list[str] = []
    target = tmp_path / "out" / "chosen"
    target.parent.mkdir()  # (a folder the file dialog offers is there: export makes none)

    def fake_dialog(parent, title, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake_dialog)
    seen = statuses(ctx)
    task = exports.export_all(None, ctx)
    assert task is not None
    assert Path(asked[0]).name == f"ketnoi-export-{TODAY.isoformat()}.xlsx"
    qtbot.waitUntil(lambda: any(s.startswith("Exported") for s in seen), timeout=TIMEOUT)
    written = target.with_name("chosen.xlsx")  # the extension is added
    wb = load_workbook(written, read_only=True)
    assert wb.sheetnames == [LABELS[k] for k in ("organisation", "contact", "meeting", "action", "staff")]
    names = [r[0] for r in wb[LABELS["organisation"]].iter_rows(min_row=2, values_only=True)]
    assert "Trung tâm Đổi mới sáng tạo Quốc gia" in names
    people = [r[0] for r in wb[LABELS["contact"]].iter_rows(min_row=2, values_only=True)]
    assert "Nguyễn Thị Hồng Nhung" in people
    assert str(written) in seen[-1]

    # What was exported imports again (the importer reads its own layout).
    with read_session(ctx.engine) as s:
        layout = inspect_sheet(written, LABELS["contact"], session=s)
    assert layout.kind == "contact" and layout.header_row == 1


def test_export_cancelled_writes_nothing(qtbot, ctx, seeded, tmp_path, monkeypatch):
    monkeypatch.setattr("app.exporting.workbook.READ_CHUNK", 1)  # check the cancel flag at every record
    seen = statuses(ctx)
    target = tmp_path / "x.xlsx"
    task = exports.export_all(None, ctx, target)
    assert task is not None
    task.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=TIMEOUT)
    assert seen[-1] == "Export cancelled; no file was written.", seen
    assert not target.exists()
    assert not target.with_name("x.xlsx.part").exists()


def test_template_has_every_sheet_and_header(qtbot, ctx, tmp_path):
    seen = statuses(ctx)
    target = tmp_path / "mau.xlsx"
    exports.save_import_template(None, ctx, target)
    qtbot.waitUntil(lambda: any("template" in s for s in seen), timeout=TIMEOUT)
    wb = load_workbook(target)
    assert wb.sheetnames == [LABELS[k] for k in ("organisation", "contact", "meeting", "action", "staff")]
    headers = [c.value for c in wb[LABELS["contact"]][1]]
    assert "Họ và tên / Full name" in headers
    assert wb[LABELS["contact"]].max_row == 1


def test_organisation_brief_opens_a_real_pdf(qtbot, ctx, seeded, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    dialog = briefs.brief_organisation(None, ctx, seeded["nic"])
    qtbot.addWidget(dialog)
    dialog.lang.setCurrentIndex(dialog.lang.findData("vi"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
    path = opened[0]
    # Another brief of the same day may already be in the folder: then "-2" is added.
    assert path.parent == briefs.open_folder()
    assert re.fullmatch(rf"brief-nic-{TODAY.isoformat()}(-\d+)?\.pdf", path.name)
    text = pdf_text(path)
    assert "Trung tâm Đổi mới sáng tạo Quốc gia" in text
    assert "Nguyễn Thị Hồng Nhung" in text
    assert not dialog.isVisible()
    assert not list(path.parent.glob("*.part"))


def test_contact_brief_save_as_in_letter(qtbot, ctx, seeded, tmp_path, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    suggested: list[str] = []

    def fake_dialog(parent, title, name, filters):
        suggested.append(name)
        return str(tmp_path / "nhung"), filters

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake_dialog)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    dialog = briefs.brief_contact(None, ctx, seeded["nhung"])
    qtbot.addWidget(dialog)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=TIMEOUT)
    assert Path(suggested[0]).name == f"brief-nguyen-thi-hong-nhung-{TODAY.isoformat()}.pdf"
    assert dialog.written == tmp_path / "nhung.pdf"
    assert any(str(tmp_path / "nhung.pdf") in m for m in said)  # "Brief written: …", with Open beside
    assert opened == []  # saved where chosen, not opened too (the status bar offers Open)
    page = PdfReader(str(dialog.written)).pages[0]
    assert round(float(page.mediabox.width)) == 612  # US Letter
    assert "Nguyễn Thị Hồng Nhung" in pdf_text(dialog.written)


def test_meeting_brief(qtbot, ctx, seeded, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    dialog = briefs.brief_meeting(None, ctx, seeded["next_meeting"])
    qtbot.addWidget(dialog)
    dialog.start_brief(None)
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
    assert opened[0].name.startswith("brief-meeting-")
    assert PdfReader(str(opened[0])).pages


def test_digest_periods_and_pdf(qtbot, ctx, seeded, tmp_path, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    dialog = briefs.brief_digest(None, ctx)
    qtbot.addWidget(dialog)
    # TODAY is Monday 23/11/2026
    dialog.set_period("this_week")
    assert (dialog.request().start, dialog.request().end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    dialog.set_period("this_month")
    assert (dialog.request().start, dialog.request().end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    dialog.set_period("last_month")
    assert (dialog.request().start, dialog.request().end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    dialog.start.setDate(dialog.start.date().addDays(-10))
    assert dialog.period.currentData() == "custom"  # editing a date means a custom period
    dialog.set_period("custom", dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    dialog.save_as(str(tmp_path / "digest.pdf"))
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=TIMEOUT)
    assert opened == [] and dialog.written == tmp_path / "digest.pdf"
    text = pdf_text(dialog.written)
    assert "2026" in text and len(text) > 200


def test_digest_with_the_period_backwards_says_so(qtbot, ctx, seeded, monkeypatch):
    monkeypatch.setattr(briefs, "open_in_viewer", lambda p: pytest.fail("nothing should open"))
    dialog = briefs.brief_digest(None, ctx)
    qtbot.addWidget(dialog)
    dialog.set_period("custom", dt.date(2026, 12, 31), dt.date(2026, 1, 1))
    dialog.start_brief(None)
    qtbot.waitUntil(dialog.message.isVisible, timeout=TIMEOUT)
    assert "the period ends before it starts" in dialog.message.text()
    assert dialog.open_button.isEnabled()


def test_brief_of_a_deleted_record_gives_the_message(qtbot, ctx, seeded, monkeypatch):
    monkeypatch.setattr(briefs, "open_in_viewer", lambda p: pytest.fail("nothing should open"))
    dialog = briefs.brief_organisation(None, ctx, 999_999)
    qtbot.addWidget(dialog)
    dialog.start_brief(None)
    qtbot.waitUntil(dialog.message.isVisible, timeout=TIMEOUT)
    assert "999999" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()


def test_imported_records_can_be_briefed(qtbot, ctx, engine, tmp_path, monkeypatch):
    """The two halves together: import a workbook, then brief an organisation it created."""
    from tests.ui.files.workbooks import contacts_workbook

    path = contacts_workbook(tmp_path / "c.xlsx")
    with read_session(engine) as s:
        layout = inspect_sheet(path, "Danh bạ", session=s)
        preview = preview_import(path, layout, session=s)
    run_import(engine, preview)
    from app.briefing.lookup import find_organisation

    with read_session(engine) as s:
        org_id = find_organisation(s, "NIC")
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    dialog = briefs.brief_organisation(None, ctx, org_id)
    qtbot.addWidget(dialog)
    dialog.start_brief(None)
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
    text = pdf_text(opened[0])
    assert "Nguyễn Thị Hồng Nhung" in text and "Lê Thu Trang" in text


def test_export_in_vietnamese_writes_the_windows_vietnamese_words(qtbot, qapp, ctx, seeded, tmp_path):
    from app import value_labels
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    try:
        target = tmp_path / "vi.xlsx"
        done: list[str] = []
        ctx.status_message.connect(done.append)
        exports.export_all(None, ctx, target)
        qtbot.waitUntil(lambda: not ctx.tasks.busy() and target.exists(), timeout=TIMEOUT)
    finally:
        i18n.install(qapp, "en")
    ws = load_workbook(target)[LABELS["action"]]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    directions = {r["Chiều / Direction"] for r in rows}
    statuses_ = {r["Trạng thái / Status"] for r in rows}
    assert directions and directions <= {vi for _en, vi in value_labels.DIRECTIONS.values()}
    assert statuses_ and statuses_ <= {vi for _en, vi in value_labels.STATUSES.values()}
    assert "Bên ta cần làm" in directions


def test_an_export_holding_confidential_records_says_so(qtbot, ctx, engine, tmp_path):
    """Reviewer: an export carried a confidential meeting and said nothing of it."""
    from app import records
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        records.create(
            s,
            "meeting",
            {"title": "Họp kín", "starts_at": dt.datetime(2026, 11, 20, 9), "confidential": True},
        )
    seen = statuses(ctx)
    target = tmp_path / "x.xlsx"
    exports.export_all(None, ctx, target)
    qtbot.waitUntil(lambda: any(s.startswith("Exported") for s in seen), timeout=TIMEOUT)
    done = next(s for s in seen if s.startswith("Exported"))
    assert done.endswith("x.xlsx; it holds 1 confidential record: give it only to those who may see them."), (
        done
    )
    assert "MẬT" in load_workbook(target)[LABELS["meeting"]].oddHeader.center.text
