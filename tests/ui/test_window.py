"""The main window: title, navigation, search everywhere, settings and state kept between runs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from app import records
from db.engine import read_session
from tests.ui.helpers import wait_idle
from ui.settings import Settings


def test_title_navigation_and_shortcuts(qtbot, window, ids):
    assert "Ketnoi" in window.windowTitle()
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["act_new"] == "Ctrl+N"
    assert shortcuts["act_search"] == "Ctrl+K"
    assert shortcuts["act_log_meeting"] == "Ctrl+M"
    assert shortcuts["act_new_action"] == "Ctrl+Shift+A"
    assert shortcuts["act_delete"] == "Del"
    assert shortcuts["act_refresh"] == "F5"
    assert window.banner.isVisible() and "1 overdue" in window.banner.text.text()
    window.navigate("organisation", ids["nic"])
    view = window.views["organisation"]
    assert view.detail.record_id == ids["nic"]
    wait_idle(qtbot, window.ctx)  # the page is read off the UI thread
    html = view.detail.browser.toHtml()
    for text in ("Nguyễn Thị Hồng Nhung", "Receive pilot budget", "Họp làm việc về chương trình AI"):
        assert text in html
    view.detail.link_activated.emit("contact", ids["nhung"])
    assert window.current_entity() == "contact"
    assert window.views["contact"].detail.record_id == ids["nhung"]


def test_delete_with_undo(qtbot, window, ctx, ids):
    window.navigate("contact", ids["bao"])
    panel = window.views["contact"].list
    before = panel.model.rowCount()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.model.rowCount() == before - 1 and not ctx.tasks.busy(), timeout=10_000)
    assert ids["bao"] not in panel.model.loaded_ids()
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: ids["bao"] in panel.model.loaded_ids(), timeout=10_000)


def test_search_everywhere_finds_records_typed_without_accents(qtbot, ctx, ids):
    from ui.dialogs.search import SearchDialog

    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    for ch in "hong nhung":
        QApplication.sendEvent(
            dialog.box, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # (chosen once the answer comes)
    qtbot.waitUntil(lambda: dialog.chosen == ("contact", ids["nhung"]), timeout=10_000)


def test_settings_persist_and_window_state_is_remembered(qtbot, tmp_path, engine, ids):
    from ui.context import AppContext
    from ui.main_window import MainWindow

    path = str(tmp_path / "k.ini")
    s = Settings(path)
    assert s.date_format == "dmy" and s.staff_id is None
    assert s.fmt_date(dt.date(2025, 4, 5)) == "05/04/2025"
    s.staff_id = ids["colleague"]
    s.database_url = "postgresql://team@server/ketnoi"
    s.date_format = "ymd"
    again = Settings(path)
    assert again.staff_id == ids["colleague"] and again.date_format == "ymd"
    assert again.database_url == "postgresql://team@server/ketnoi"

    ctx = AppContext(engine, again)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.resize(w.width(), 513)  # the offscreen screen clamps widths; heights are free
    w.views["contact"].list.view.setColumnWidth(0, 333)
    w.views["contact"].setSizes([700, 300])
    w.close()
    ctx.tasks.wait()
    third = Settings(path)
    w2 = MainWindow(AppContext(engine, third))
    qtbot.addWidget(w2)
    assert w2.views["contact"].list.view.columnWidth(0) == 333
    assert w2.size().height() == 513
    w2.views["contact"].list.ctx.tasks.wait()


def test_settings_dialog_stores_the_choices(qtbot, ctx, ids):
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.use_file.setChecked(True)
    dialog.file.setText("/tmp/team/ketnoi.db")
    dialog.staff.setCurrentIndex(dialog.staff.findData(ids["colleague"]))
    dialog.date_format.setCurrentIndex(dialog.date_format.findData("mdy"))
    dialog.apply()
    assert ctx.settings.database_url == "sqlite:////tmp/team/ketnoi.db"
    assert ctx.settings.staff_id == ids["colleague"]
    assert ctx.settings.date_format == "mdy"


def test_a_staff_member_can_be_added_from_settings(qtbot, ctx):
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.create_staff("Đỗ Thị Hạnh")
    qtbot.waitUntil(lambda: dialog.staff.currentText() == "Đỗ Thị Hạnh", timeout=10_000)
    dialog.apply()
    assert ctx.settings.staff_id == dialog.staff.currentData()


def test_actions_filtered_by_organisation(qtbot, window, ids):
    panel = window.views["action"].list
    panel.set_organisation(ids["genetica"], "Genetica")
    assert panel.model.loaded_ids() == [ids["a_overdue"]]
    panel.set_organisation(None)
    assert len(panel.model.loaded_ids()) == 4


def test_the_banner_comes_back_when_the_day_changes(qtbot, window, ctx, ids):
    days = [ctx.today()]
    ctx.today = lambda: days[-1]
    window.banner.hide()
    window.notifier.check()  # same day: nothing new
    qtbot.wait(100)
    assert not window.banner.isVisible()
    days.append(days[0] + dt.timedelta(days=1))  # the laptop stayed open overnight
    window.notifier.check()
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert "2 overdue" in window.banner.text.text()  # yesterday's "due today" is overdue now


def test_multi_select_mark_done_is_one_undoable_step(qtbot, window, ctx, ids, engine):
    from PySide6.QtCore import QItemSelectionModel

    window.show_actions("open")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    sel = panel.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1, 2):
        sel.select(panel.model.index(row, 0), flags)
    chosen = panel.selected_ids()
    assert len(chosen) == 3
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: {_status(engine, i) for i in chosen} == {"done"}, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert panel.model.rowCount() == 4 and sorted(panel.selected_ids()) == sorted(chosen)  # kept, struck
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: {_status(engine, i) for i in chosen} == {"open"}, timeout=10_000)
    assert panel.model.rowCount() == 4


def test_new_on_the_map_creates_a_contact_instead_of_crashing(qtbot, window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(window.commands, "new", lambda entity, *a: asked.append(entity))
    window.nav.setCurrentRow(window.nav.count() - 1)  # the stakeholder map
    assert window.current_entity() == "map"
    window.new_record()
    assert asked == ["contact"]


def _status(engine, action_id):
    with read_session(engine) as s:
        return records.get(s, "action", action_id)["status"]


def test_letters_typed_in_a_list_filter_it_and_change_nothing(qtbot, window, ctx, ids, engine):
    """Reviewer: Ctrl+F did nothing, then "dang" typed with the Actions list focused marked the
    selected action done (the bare "D"). Now Ctrl+F goes to the filter box, its text selected,
    and letters typed in the list go there too; no letter changes data."""
    window.show_actions("overdue")
    panel = window.views["action"].list
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    panel.view.selectRow(0)
    window.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view)
    for letter in "dang":  # the filter's own hint: "nguyen, dang…"; each key where the focus is
        qtbot.keyClicks(QApplication.focusWidget(), letter)
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    assert _status(engine, ids["a_overdue"]) == "open"
    assert panel.search.text() == "dang"
    assert QApplication.focusWidget() is panel.search
    # Ctrl+F from the list: the filter box, its text selected, so typing replaces it
    panel.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view)
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is panel.search
    assert panel.search.selectedText() == "dang"
    qtbot.keyClicks(panel.search, "nguyen")
    assert panel.search.text() == "nguyen"
    # the list keeps its own keys: Down moves, Ctrl+D marks done
    panel.search.clear()
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    panel.view.setFocus()
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.view
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _status(engine, ids["a_overdue"]) == "done", timeout=10_000)
