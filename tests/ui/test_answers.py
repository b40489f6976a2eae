"""Every command ends with a visible answer: a saved record is announced and selected, a written
file is offered (Open, Show in folder), a brief no program opens says where it is — and is
still there after Ketnoi quits (h129: the folder it named was a temporary one, removed on
Ctrl+Q); briefs opened long ago are cleared from Ketnoi's folder of briefs."""

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
    assert path is not None and path.is_file() and path.parent == briefs.open_folder()

    def box() -> Any:
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "no_viewer" and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None, timeout=TIMEOUT)
    message: QMessageBox = box()
    assert path.name in message.text() and str(path.parent) in message.text()
    message.findChild(object, "show_in_folder").click()  # type: ignore[union-attr]
    assert launched == [str(path.parent)]
    assert window.file_offer.isVisible() and window.file_offer.path == path


def test_a_brief_said_to_be_saved_is_still_there_after_ketnoi_quits(
    qtbot: Any, qapp: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Open on a machine with no PDF viewer: the box says where the brief is saved; after Ctrl+Q
    (the application's aboutToQuit) the file is still there, in Ketnoi's own data folder, not a
    temporary one."""
    import os
    from typing import cast

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import briefs

    monkeypatch.setattr(briefs, "open_in_viewer", lambda _p: False)  # no PDF viewer answers
    dialog = briefs.brief_organisation(window, ctx, ids["nic"])
    dialog.start_brief(None)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=TIMEOUT)
    path = cast(Path, dialog.written)
    qtbot.waitUntil(
        lambda: any(w.objectName() == "no_viewer" and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=TIMEOUT,
    )
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "no_viewer" and w.isVisible())
    assert str(path.parent) in cast(QMessageBox, box).text()
    qapp.aboutToQuit.emit()  # Ctrl+Q
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert path.parent.is_relative_to(Path(os.environ["KETNOI_DATA_DIR"]))  # Ketnoi's folder, not /tmp


def test_briefs_opened_long_ago_are_cleared_and_nothing_else(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first brief opened in a session clears Ketnoi's own briefs of more than 30 days ago
    from its folder; a recent one, a file of another name and a subfolder stay."""
    import os

    from app.briefing import opened
    from db import clock
    from ui import briefs

    folder = opened.opened_folder()
    long_ago = (clock.utcnow().timestamp()) - 31 * 86_400
    lately = (clock.utcnow().timestamp()) - 2 * 86_400
    old, recent, mine = (
        folder / "brief-nic-2026-11-01.pdf",
        folder / "brief-sao-viet-2026-12-01.pdf",
        folder / "ke-hoach.pdf",
    )
    (folder / "giu-lai").mkdir()
    kept_inside = folder / "giu-lai" / "brief-old-2026-10-01.pdf"
    for f in (old, recent, mine, kept_inside):
        f.write_bytes(b"%PDF-1.4")
    for f, when in ((old, long_ago), (recent, lately), (mine, long_ago), (kept_inside, long_ago)):
        os.utime(f, (when, when))
    opened_paths: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", lambda p: opened_paths.append(p) or True)
    dialog = briefs.brief_organisation(window, ctx, ids["nic"])
    dialog.start_brief(None)
    qtbot.waitUntil(lambda: bool(opened_paths), timeout=TIMEOUT)
    assert opened_paths[0].parent == folder and opened_paths[0].is_file()
    assert not old.exists()
    assert recent.is_file() and mine.is_file() and kept_inside.is_file()
