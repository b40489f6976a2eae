"""Posts…: a post's notes written in the box under the list (several lines), saved on leaving
the box, on choosing another post, on closing, or with Edit…'s other values — each one step of
Edit → Undo; an edit made from values a colleague changed since is refused in words (notes
kept in the box, a name put back as it is now); the list is read on a pool thread, and a
change elsewhere reads it again only when it can touch it."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import history, posts, records
from db import clock
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle
from tests.ui.test_posts_dialog import _enter, _open, _row_of, _two_posts

NOTES = "Gọi qua Văn phòng: 024 3943 1234\nThứ Hai họp giao ban, không hẹn"


def _notes(ctx: Any, post_id: int) -> str:
    with read_session(ctx.engine) as s:
        return posts.get_post(s, post_id).notes


def _saved_at(ctx: Any, ids: dict[str, Any]) -> str:
    """When the organisation's history says its post was last changed, as the window writes times."""
    with read_session(ctx.engine) as s:
        at = history.record_history(s, "organisation", ids["nic"])[0].at
    return str(ctx.fmt_datetime(clock.local(at)))


def _focus(qtbot: Any, dialog: Any, widget: Any) -> None:
    """Give ``widget`` the keyboard focus in the active dialog (focus events as a click does)."""
    qtbot.waitExposed(dialog)

    def active() -> bool:
        # asked again while waiting: another test's window left on this worker's screen may
        # take the activation back once (the full suite, one run in about thirty)
        if not dialog.isActiveWindow():
            dialog.activateWindow()
        return bool(dialog.isActiveWindow())

    qtbot.waitUntil(active)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _type(qtbot: Any, dialog: Any, text: str) -> None:
    _focus(qtbot, dialog, dialog.notes)
    dialog.notes.selectAll()
    dialog.notes.insertPlainText(text)  # keyClicks types ASCII only


def test_notes_typed_in_the_box_are_saved_on_leaving_it_and_undone_with_ctrl_z(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    assert dialog.notes.isEnabled() and dialog.notes.toPlainText() == ""
    assert dialog.notes_label.text() == "Notes on “Pho Giam doc”"
    _type(qtbot, dialog, NOTES + "  \n")
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == "" and dialog.groups == []  # not saved while typing

    _focus(qtbot, dialog, dialog.table)  # leaving the box saves it
    wait_idle(qtbot, ctx)
    assert dialog.error.isHidden(), dialog.error.text()
    assert _notes(ctx, deputy) == NOTES  # several lines kept; the trailing blank trimmed
    assert dialog.notes.toPlainText() == NOTES and not dialog.notes_dirty()
    assert next(r.notes for r in dialog.model.rows if r.id == deputy) == NOTES
    assert len(dialog.groups) == 1 and ctx.undo_offer is not None and ctx.undo_offer[1] == dialog.groups[0]
    assert dialog.undo_button.isEnabled()
    _focus(qtbot, dialog, dialog.notes)  # leaving again with nothing typed writes nothing
    _focus(qtbot, dialog, dialog.table)
    wait_idle(qtbot, ctx)
    assert len(dialog.groups) == 1

    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == ""
    assert dialog.notes.toPlainText() == ""  # the box follows the undo


def test_choosing_another_post_saves_the_notes_typed_for_the_first(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    head, deputy = _two_posts(ctx, ids)
    with unit_of_work(ctx.engine) as s:
        posts.edit_post(s, head, notes="Ký văn bản đi")
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    dialog.notes.setPlainText("Phụ trách hợp tác quốc tế")  # typed, the box not left yet
    dialog.table.selectRow(_row_of(dialog, "Giám đốc"))
    assert dialog.notes.toPlainText() == "Ký văn bản đi"  # the chosen post's own notes
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == "Phụ trách hợp tác quốc tế" and len(dialog.groups) == 1
    assert dialog.current_id() == head and dialog.notes.toPlainText() == "Ký văn bản đi"


def test_closing_saves_the_notes_first_and_then_closes(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    dialog.notes.setPlainText("Nghỉ phép đến 15/12")
    dialog.buttons.button(dialog.buttons.StandardButton.Close).click()
    assert dialog.isVisible()  # waits for the write
    wait_idle(qtbot, ctx)
    assert not dialog.isVisible()
    assert _notes(ctx, deputy) == "Nghỉ phép đến 15/12"
    window.act_undo.trigger()  # one step of the window's Edit → Undo, after the dialog closed
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == ""


def test_notes_changed_by_a_colleague_meanwhile_are_not_overwritten_silently(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    with unit_of_work(ctx.engine) as s:  # another officer, another computer: no word to this window
        posts.edit_post(s, deputy, notes="Anh Đặng phụ trách")
    _type(qtbot, dialog, "Chị Hà phụ trách")
    _focus(qtbot, dialog, dialog.table)
    wait_idle(qtbot, ctx)
    assert not dialog.error.isHidden()
    # (a file one person uses: the other save was another window's or the command line's, at)
    assert dialog.error.text() == (
        f"The notes of “Pho Giam doc” were changed at {_saved_at(ctx, ids)} in another window or "
        "from the command line, after you began here: nothing was saved. They now read: “Anh Đặng "
        "phụ trách”. What you typed is still in the box: leave it again to save it over them, or "
        "press Esc in the box to take them."
    )
    assert _notes(ctx, deputy) == "Anh Đặng phụ trách" and dialog.groups == []
    assert dialog.notes.toPlainText() == "Chị Hà phụ trách" and dialog.notes_dirty()  # kept, unsaved
    assert next(r.notes for r in dialog.model.rows if r.id == deputy) == "Anh Đặng phụ trách"

    _focus(qtbot, dialog, dialog.notes)  # told, the officer leaves the box again: theirs replaced
    _focus(qtbot, dialog, dialog.table)
    wait_idle(qtbot, ctx)
    assert dialog.error.isHidden() and _notes(ctx, deputy) == "Chị Hà phụ trách"
    window.act_undo.trigger()  # the undo puts the colleague's notes back
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == "Anh Đặng phụ trách" == dialog.notes.toPlainText()


def test_a_stale_rename_in_place_is_refused_and_the_list_shows_the_colleagues(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    with unit_of_work(ctx.engine) as s:
        posts.edit_post(s, deputy, title="Phó Giám đốc thường trực")
    index = dialog.model.index(_row_of(dialog, "Pho Giam doc"), 0)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    editor.insert("Phó Giám đốc")  # type: ignore[union-attr]
    _enter(qtbot, dialog, editor)
    wait_idle(qtbot, ctx)
    assert dialog.error.text().startswith(
        f"The name of “Phó Giám đốc thường trực” was changed at {_saved_at(ctx, ids)} in another "
        "window or from the command line, after you began here: nothing was saved."
    ), dialog.error.text()
    with read_session(ctx.engine) as s:
        assert posts.get_post(s, deputy).title == "Phó Giám đốc thường trực"
    assert "Phó Giám đốc thường trực" in [r.title for r in dialog.model.rows] and dialog.groups == []


def test_edit_form_saves_notes_with_the_name_in_one_step(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from ui.posts_dialog import PostForm

    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))

    def fill(form: Any) -> int:
        assert form.notes.toPlainText() == ""
        form.title.setText("Phó Giám đốc")
        form.notes.setPlainText("Dòng 1\nDòng 2")
        form.buttons.accepted.emit()
        return int(form.result())

    monkeypatch.setattr(PostForm, "exec", fill)
    dialog.edit_button.click()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        row = posts.get_post(s, deputy)
    assert (row.title, row.notes) == ("Phó Giám đốc", "Dòng 1\nDòng 2") and len(dialog.groups) == 1
    assert dialog.notes.toPlainText() == "Dòng 1\nDòng 2"
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        row = posts.get_post(s, deputy)
    assert (row.title, row.notes) == ("Pho Giam doc", "")


def test_the_list_is_read_off_the_ui_thread_and_only_for_changes_that_touch_it(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    head, _ = _two_posts(ctx, ids)  # Nhung holds "Giám đốc"
    import ui.posts_dialog as mod

    threads: list[threading.Thread] = []  # where the dialog reads
    real = mod.read_session

    def spy(*args: Any, **kw: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kw)

    monkeypatch.setattr(mod, "read_session", spy)
    dialog = _open(qtbot, window, ctx, ids)
    assert threads and all(t is not threading.main_thread() for t in threads)
    loads = dialog.loads

    def write(fn: Any) -> None:
        ctx.write(fn)
        wait_idle(qtbot, ctx)

    # an unrelated contact's change (Hùng works at Genetica, holds no post here): no read
    write(
        lambda s: records.update(s, "contact", ids["hung"], {"position": "Chủ tịch"}, expected_version=None)
    )
    write(
        lambda s: records.update(
            s, "organisation", ids["genetica"], {"city": "Hà Nội"}, expected_version=None
        )
    )
    assert dialog.loads == loads
    # the holder renamed: read again, the new name shown
    write(lambda s: records.update(s, "contact", ids["nhung"], {"full_name": "Nguyễn Hồng Nhung"},
                                   expected_version=None))  # fmt: skip
    assert dialog.loads == loads + 1
    assert dialog.model.index(_row_of(dialog, "Giám đốc"), 3).data() == "Nguyễn Hồng Nhung"
    # a contact who held no post here is assigned to one (written to the contact's history)
    write(lambda s: posts.assign(s, head, ids["dang"], starts_on=dt.date(2026, 11, 1)))
    assert dialog.loads == loads + 2
    assert dialog.model.index(_row_of(dialog, "Giám đốc"), 3).data() == "Đặng Văn An"
    assert ids["dang"] in dialog.holders
    # the organisation's own change: read again
    write(lambda s: records.update(s, "organisation", ids["nic"], {"city": "Hà Nội"}, expected_version=None))
    assert dialog.loads == loads + 3
    assert all(t is not threading.main_thread() for t in threads)


def test_a_reader_cannot_type_notes(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    import ui.posts_dialog as mod

    _two_posts(ctx, ids)
    monkeypatch.setattr(mod, "is_reader", lambda _ctx: True)
    dialog = _open(qtbot, window, ctx, ids)
    assert dialog.notes.isReadOnly()
    dialog.notes.setPlainText("x")
    dialog.save_notes()
    wait_idle(qtbot, ctx)
    assert dialog.groups == []


def test_vietnamese_notes_and_refusal(qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from ui import i18n

    _, deputy = _two_posts(ctx, ids)
    i18n.install(QApplication.instance(), "vi")
    try:
        dialog = _open(qtbot, window, ctx, ids)
        dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
        assert dialog.notes_label.text() == "Ghi chú về “Pho Giam doc”"
        with unit_of_work(ctx.engine) as s:
            posts.edit_post(s, deputy, notes="Anh Đặng phụ trách")
        dialog.notes.setPlainText("Chị Hà phụ trách")
        dialog.save_notes()
        wait_idle(qtbot, ctx)
        assert dialog.error.text().startswith(
            f"Ghi chú của “Pho Giam doc” đã được sửa lúc {_saved_at(ctx, ids)} từ một cửa sổ khác "
            "hoặc dòng lệnh, sau khi bạn bắt đầu ở đây: chưa lưu gì."
        ), dialog.error.text()
        assert "“Anh Đặng phụ trách”" in dialog.error.text()
    finally:
        i18n.install(QApplication.instance(), "en")


def test_esc_in_the_box_takes_the_colleagues_notes_and_writes_nothing(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    with unit_of_work(ctx.engine) as s:
        posts.edit_post(s, deputy, notes="Anh Đặng phụ trách")
    _type(qtbot, dialog, "Chị Hà phụ trách")
    _focus(qtbot, dialog, dialog.table)
    wait_idle(qtbot, ctx)
    assert not dialog.error.isHidden() and dialog.notes_dirty()
    _focus(qtbot, dialog, dialog.notes)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)  # theirs back; the dialog stays open
    assert dialog.isVisible() and dialog.error.isHidden()
    assert dialog.notes.toPlainText() == "Anh Đặng phụ trách" and not dialog.notes_dirty()
    _focus(qtbot, dialog, dialog.table)
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == "Anh Đặng phụ trách" and dialog.groups == []
    _focus(qtbot, dialog, dialog.notes)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)  # nothing typed: Esc closes as anywhere
    assert not dialog.isVisible()


def test_a_long_name_does_not_widen_the_dialog(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    with unit_of_work(ctx.engine) as s:
        posts.add_post(s, ids["nic"], "Phó Vụ trưởng phụ trách " * 12, rank=1)
    dialog = _open(qtbot, window, ctx, ids)
    assert dialog.notes_label.text().startswith("Notes on “Phó Vụ trưởng")
    assert dialog.minimumSizeHint().width() < 720 and dialog.width() <= 720


def test_a_change_elsewhere_while_a_name_is_typed_in_place_keeps_the_editor(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    from app.changes import Changes

    _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    loads = dialog.loads
    index = dialog.model.index(_row_of(dialog, "Pho Giam doc"), 0)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.focusWidget()
    editor.insert(" (typing)")  # type: ignore[union-attr]
    ctx.publish(Changes.of({"organisation": [ids["nic"]]}))  # e.g. a colleague's, told live
    wait_idle(qtbot, ctx)
    assert dialog.table.state() == QAbstractItemView.State.EditingState  # not reset under the typing
    assert dialog.loads == loads
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # given up: the list is read again
    wait_idle(qtbot, ctx)
    assert dialog.loads == loads + 1 and dialog.groups == []


def test_a_role_changed_while_open_is_followed(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    """An administrator makes the officer a reader while the dialog is open, then an officer
    again: names, precedence and notes stop and start being editable (the buttons follow
    through ui.team's holds on a team database)."""
    import ui.posts_dialog as mod

    _, deputy = _two_posts(ctx, ids)
    reader = [False]
    monkeypatch.setattr(mod, "is_reader", lambda _ctx: reader[0])
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    assert not dialog.notes.isReadOnly() and dialog.model.editable
    reader[0] = True
    ctx.identity_changed.emit(None, None)
    assert dialog.notes.isReadOnly() and not dialog.model.editable
    assert not dialog.model.flags(dialog.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    dialog.notes.setPlainText("x")
    dialog.save_notes()
    dialog.edit()  # refused at once, nothing opened or written
    wait_idle(qtbot, ctx)
    assert dialog.groups == [] and _notes(ctx, deputy) == ""
    reader[0] = False
    ctx.identity_changed.emit(None, None)
    assert not dialog.notes.isReadOnly() and dialog.model.editable
    dialog.save_notes()
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == "x" and len(dialog.groups) == 1


def test_esc_in_the_notes_box_can_be_taken_back_with_ctrl_z_in_it(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    """Esc puts the saved notes back, as one edit of the box: Ctrl+Z in the box brings what was
    typed back, and leaving saves it (reviewer h95: Esc, pressed to leave the box, threw the
    text away with no way back)."""
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    _type(qtbot, dialog, NOTES)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.notes.toPlainText() == "" and not dialog.notes_dirty()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the box
    assert dialog.notes.toPlainText() == NOTES and dialog.notes_dirty()
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == ""  # (the box's own undo: nothing undone in the database)
    _focus(qtbot, dialog, dialog.table)
    wait_idle(qtbot, ctx)
    assert _notes(ctx, deputy) == NOTES
    assert "Esc" in dialog.notes.placeholderText()  # (said in the empty box)
