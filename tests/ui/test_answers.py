"""Every command ends with a visible answer: a saved record is announced and selected, a written
file is offered (Open, Show in folder), a brief no program opens says where it is, and the
session's temporary folders are removed when Ketnoi quits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.helpers import wait_idle

TIMEOUT = 20_000


def test_log_meeting_is_announced_and_the_meeting_selected(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import log_meeting

    def fill_and_save(dialog: Any) -> int:
        dialog.title.setText("Gặp Genetica về giải mã gen")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=TIMEOUT)
        return 1

    monkeypatch.setattr(log_meeting.LogMeetingDialog, "exec", fill_and_save)
    window.navigate("organisation", ids["genetica"])
    window.act_log.trigger()
    wait_idle(qtbot, ctx)
    assert window.current_entity() == "meeting"
    view = window.views["meeting"]
    assert view.detail.record_id and view.list.current_id() == view.detail.record_id
    assert "Gặp Genetica về giải mã gen" in view.detail.browser.toPlainText()
    assert window.statusBar().currentMessage() == "Added meeting “Gặp Genetica về giải mã gen”"
    qtbot.waitUntil(window.undo_button.isVisible, timeout=TIMEOUT)  # and Undo beside it


def test_a_new_action_is_announced_and_selected(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import record_form

    def fill_and_save(form: Any) -> int:
        form.widgets["title"].setText("Gửi biên bản cho NIC")
        form.save()
        qtbot.waitUntil(lambda: form.saved_id is not None, timeout=TIMEOUT)
        return 1

    monkeypatch.setattr(record_form.RecordForm, "exec", fill_and_save)
    window.act_new_action.trigger()
    wait_idle(qtbot, ctx)
    assert window.current_entity() == "action"
    assert window.views["action"].detail.record_id
    assert window.statusBar().currentMessage() == "Added action “Gửi biên bản cho NIC”"


def test_a_written_file_is_offered_open_and_show_in_folder(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import answers, exports

    launched: list[str] = []
    monkeypatch.setattr(answers, "_launch", lambda url: launched.append(url.toLocalFile()) or True)
    target = tmp_path / "all.xlsx"
    exports.export_all(window, ctx, target)
    qtbot.waitUntil(window.file_offer.isVisible, timeout=TIMEOUT)
    assert window.statusBar().currentMessage().startswith("Exported ")
    assert " record to " not in window.statusBar().currentMessage()  # plural counted by Qt
    window.file_offer.open_button.click()
    window.file_offer.folder_button.click()
    assert launched == [str(target), str(tmp_path)]
    ctx.status_message.emit("Something else")  # the next answer replaces the offer
    assert not window.file_offer.isVisible()


def test_a_brief_no_program_opens_says_where_it_is_and_shows_the_folder(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import answers, briefs

    launched: list[str] = []
    monkeypatch.setattr(briefs, "open_in_viewer", lambda _p: False)  # no PDF viewer answers
    monkeypatch.setattr(answers, "_launch", lambda url: launched.append(url.toLocalFile()) or True)
    dialog = briefs.brief_organisation(window, ctx, ids["nic"])
    dialog.start_brief(None)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=TIMEOUT)
    path = dialog.written
    assert path is not None and path.is_file() and path.parent == briefs.temp_dir()

    def box() -> Any:
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "no_viewer" and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None, timeout=TIMEOUT)
    message: QMessageBox = box()
    assert path.name in message.text() and str(path.parent) in message.text()
    message.findChild(object, "show_in_folder").click()  # type: ignore[union-attr]
    assert launched == [str(path.parent)]
    assert window.file_offer.isVisible() and window.file_offer.path == path


def test_temporary_folders_are_removed_when_ketnoi_quits(qapp: Any) -> None:
    from ui import answers

    folder = answers.temp_folder("ketnoi-test-")
    (folder / "brief.pdf").write_bytes(b"%PDF-1.4")
    assert folder.is_dir()
    qapp.aboutToQuit.emit()
    assert not folder.exists()
