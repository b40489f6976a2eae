"""File → Import history → Undo import, when a contact the import brought was merged since
into one that was there before (reviewer: the window listed it under "Kept, because they were
edited or used since", read as a record still there). The question counts it apart, and the
undo says it was merged into the kept record, which holds its data — in English and Vietnamese;
Undo history's own undo of the import says it in the window's language too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlmodel import select

from app import merge, undo_history
from app.importing import run_import
from db.engine import unit_of_work
from db.models import Contact
from tests.app.importing.helpers import preview, write_xlsx
from ui.import_wizard import history_dialog
from ui.import_wizard.history_dialog import ImportHistoryDialog

TIMEOUT = 20_000


def _merged_after_import(engine: Any, ids: dict[str, Any], tmp_path: Path) -> tuple[int, int]:
    """An import bringing "Lê Minh Tuấn", merged into Nguyễn Thị Hồng Nhung; (batch, his id)."""
    book = write_xlsx(
        tmp_path / "new.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["Lê Minh Tuấn", "tuan@x.vn"]]}
    )
    done = run_import(engine, preview(engine, book))
    assert done.batch_id is not None
    with unit_of_work(engine) as s:
        tuan = s.exec(select(Contact.id).where(Contact.full_name == "Lê Minh Tuấn")).one()
        merge.merge(s, "contact", ids["nhung"], tuan)
    return done.batch_id, tuan


def test_the_window_says_merged_not_kept(
    qtbot: Any, ctx: Any, engine: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: Any, language: str
) -> None:
    batch, tuan = _merged_after_import(engine, ids, tmp_path)
    asked: list[str] = []

    def confirm(box: QMessageBox) -> Any:
        asked.append(box.text())
        return box.findChild(QPushButton, "import_history_confirm_undo")

    monkeypatch.setattr(history_dialog, "answer", confirm)
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(batch)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and bool(asked), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "#" + str(tuan) in dialog.detail.text(), timeout=TIMEOUT)
    said = dialog.detail.text()
    nhung = f'#{ids["nhung"]} "Nguyễn Thị Hồng Nhung"'
    if language == "en":
        assert (
            "1 contact it created will be left as they are: merged into another record or deleted since."
            in asked[0]
        )
        assert "will be kept" not in asked[0]
        assert f'contact "Lê Minh Tuấn" (#{tuan}) was merged into {nhung} on 23/11/2026' in said, said
        assert f"it stays merged, its data is in #{ids['nhung']}" in said
        assert "Kept" not in said and "as it was before this import" not in said, said
    else:
        assert "sẽ được giữ lại" not in asked[0]
        assert (
            "1 người liên hệ do lần nhập này tạo sẽ được để nguyên: đã được gộp vào bản ghi khác hoặc đã bị xoá sau đó."
            in asked[0]
        ), asked[0]
        assert f'liên hệ "Lê Minh Tuấn" (#{tuan}) đã được gộp vào {nhung} ngày 23/11/2026' in said, said
        assert "Giữ lại" not in said, said


def test_undo_history_says_it_in_the_windows_language(
    engine: Any, ids: dict[str, Any], tmp_path: Path
) -> None:
    batch, tuan = _merged_after_import(engine, ids, tmp_path)
    with unit_of_work(engine) as s:
        found = [g for g in undo_history.recent_groups(s, lang="vi") if g.batch_id == batch]
        done = undo_history.undo_entry(s, found[0].group_id, lang="vi")
    assert done.kept == (
        f'liên hệ "Lê Minh Tuấn" (#{tuan}) đã được gộp vào #{ids["nhung"]} "Nguyễn Thị Hồng Nhung" ngày 23/11/2026, '
        f"sau khi nhập: giữ nguyên việc gộp, dữ liệu của bản ghi này nằm ở #{ids['nhung']}",
    )


def test_the_window_writes_ids_whole(language: str) -> None:
    """A record used by meeting #4321 is "(#4321)", not "(#4,321)" (ids over a thousand)."""
    from app.importing.messages import Term, msg
    from ui.import_wizard.messages import wording

    used = msg("undo_kept_used", entity=Term("contact"), id=1200, name="An", user=Term("meeting"),
               user_id=4321, user_name="Họp")  # fmt: skip
    merged = msg("undo_merged_since", entity=Term("contact"), id=1200, name="An", into_id=3456,
                 into_name="Bình", at="23/11/2026")  # fmt: skip
    assert "(#4321)" in wording(used) and "#3456" in wording(merged)
