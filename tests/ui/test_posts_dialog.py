"""Posts… on an organisation's page: a post renamed in place or through Edit…, re-ranked, added
and removed, each one step that Edit → Undo (Ctrl+Z, also inside the dialog) takes back; a post
with a holder recorded is not removed and the dialog says why; the page follows the changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSpinBox

from app import posts
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle


def _posts(ctx: Any, org: int) -> list[tuple[str, str, int]]:
    with read_session(ctx.engine) as s:
        return [(p.title, p.title_en, p.rank) for p in posts.posts_of(s, org)]


def _two_posts(ctx: Any, ids: dict[str, Any]) -> tuple[int, int]:
    """'Pho Giam doc' typed without accents (no holder) and 'Giám đốc' held by Nhung."""
    with unit_of_work(ctx.engine) as s:
        head = posts.add_post(s, ids["nic"], "Giám đốc", rank=1)
        posts.assign(s, head, ids["nhung"], starts_on=dt.date(2026, 1, 5))
        deputy = posts.add_post(s, ids["nic"], "Pho Giam doc", rank=3)
    return head, deputy


def _open(qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]) -> Any:
    """The dialog as the page's Posts… button opens it (the window its parent)."""
    from ui.posts_dialog import PostsDialog

    window.navigate("organisation", ids["nic"])
    wait_idle(qtbot, ctx)
    act = next(a for a in window.org_actions if a.objectName() == "act_posts")
    assert act in window.current_view().detail.toolbar.actions()
    dialog = PostsDialog(ctx, ids["nic"], window)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)  # the list is read on a pool thread
    assert dialog.loads == 1
    return dialog


def _enter(qtbot: Any, dialog: Any, editor: Any) -> None:
    """Return in an in-place editor: the delegate commits on the next turn of the event loop."""
    from PySide6.QtWidgets import QAbstractItemView

    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != QAbstractItemView.State.EditingState)


def _page(window: Any) -> str:
    return str(window.current_view().detail.browser.toPlainText())


def _row_of(dialog: Any, title: str) -> int:
    return [r.title for r in dialog.model.rows].index(title)


def test_a_post_renamed_in_place_is_written_and_undone_with_ctrl_z(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    assert [r.title for r in dialog.model.rows] == ["Giám đốc", "Pho Giam doc"]  # by precedence
    assert dialog.model.index(0, 3).data() == dialog.model.rows[0].holder.name
    assert dialog.model.index(1, 3).data() == "vacant"
    assert not dialog.undo_button.isEnabled()  # nothing done here yet

    index = dialog.model.index(_row_of(dialog, "Pho Giam doc"), 0)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)  # as a double-click or F2 does
    editor = dialog.table.indexWidget(index) or dialog.table.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Pho Giam doc"
    editor.selectAll()
    editor.insert("Phó Giám đốc")  # keyClicks types ASCII only
    _enter(qtbot, dialog, editor)
    wait_idle(qtbot, ctx)
    assert dialog.error.isHidden(), dialog.error.text()
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Phó Giám đốc", "", 3)]
    assert [r.title for r in dialog.model.rows] == ["Giám đốc", "Phó Giám đốc"]
    assert "Phó Giám đốc" in _page(window) and "Pho Giam doc" not in _page(window)  # the page follows
    assert ctx.undo_offer is not None and ctx.undo_offer[1] == dialog.groups[-1]
    assert dialog.undo_button.isEnabled()

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z here
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Pho Giam doc", "", 3)]
    assert [r.title for r in dialog.model.rows] == ["Giám đốc", "Pho Giam doc"]  # the list follows
    assert "Pho Giam doc" in _page(window)
    assert deputy in {r.id for r in dialog.model.rows}


def test_precedence_changed_in_place_reorders_and_the_window_undo_takes_it_back(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    index = dialog.model.index(_row_of(dialog, "Pho Giam doc"), 2)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    spin = dialog.table.focusWidget()
    assert isinstance(spin, QSpinBox) and (spin.minimum(), spin.maximum()) == (1, posts.MAX_RANK)
    spin.setValue(1)  # the two come first together: the names then decide
    _enter(qtbot, dialog, spin)
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Pho Giam doc", "", 1)]
    assert dialog.current_id() == deputy  # the edited post stays chosen
    dialog.close()

    window.act_undo.trigger()  # Edit → Undo in the window, after the dialog closed
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Pho Giam doc", "", 3)]


def test_edit_form_renames_and_adds_an_english_title_in_one_step(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from ui.posts_dialog import PostForm

    _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))

    def fill(form: Any) -> int:
        assert form.title.text() == "Pho Giam doc" and form.rank.value() == 3
        form.title.setText("Phó Giám đốc")
        form.title_en.setText("Deputy Director")
        form.rank.setValue(2)
        form.buttons.accepted.emit()
        return int(form.result())

    monkeypatch.setattr(PostForm, "exec", fill)
    dialog.edit_button.click()
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Phó Giám đốc", "Deputy Director", 2)]
    assert len(dialog.groups) == 1  # one step for the three values
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Pho Giam doc", "", 3)]


def test_an_empty_name_is_refused_without_a_write(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    index = dialog.model.index(_row_of(dialog, "Pho Giam doc"), 0)
    assert dialog.model.setData(index, "   ")
    wait_idle(qtbot, ctx)
    assert not dialog.error.isHidden() and "Name the post" in dialog.error.text()
    assert [r.title for r in dialog.model.rows] == ["Giám đốc", "Pho Giam doc"]  # put back
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Pho Giam doc", "", 3)]
    assert dialog.groups == []


def test_a_post_without_holder_is_removed_and_undone(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    assert dialog.remove_button.isEnabled() and dialog.reason.isHidden()
    dialog.remove_button.click()
    wait_idle(qtbot, ctx)
    assert dialog.error.isHidden(), dialog.error.text()
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1)]
    assert [r.title for r in dialog.model.rows] == ["Giám đốc"]
    assert "Pho Giam doc" not in _page(window)
    dialog.undo_button.click()  # the dialog's Undo: Edit → Undo of the window
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Giám đốc", "", 1), ("Pho Giam doc", "", 3)]
    assert [r.title for r in dialog.model.rows] == ["Giám đốc", "Pho Giam doc"]


def test_a_post_with_a_holder_is_not_removed_and_the_dialog_says_why(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    head, _ = _two_posts(ctx, ids)
    with unit_of_work(ctx.engine) as s:  # a past holder counts too: the role history stays
        posts.end(s, posts.holder_of(s, head).holder_id, on=dt.date(2026, 6, 30))  # type: ignore[union-attr]
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Giám đốc"))
    assert dialog.model.index(0, 3).data() == "vacant"
    assert not dialog.remove_button.isEnabled()
    why = "“Giám đốc” has 1 holder recorded: their role history stays, so the post cannot be removed."
    assert dialog.remove_button.toolTip() == why
    assert dialog.reason.isVisibleTo(dialog) and dialog.reason.text() == why
    dialog.remove()  # a stale click (the button is disabled) says it too, and writes nothing
    wait_idle(qtbot, ctx)
    assert not dialog.error.isHidden() and dialog.error.text() == why
    assert ("Giám đốc", "", 1) in _posts(ctx, ids["nic"]) and dialog.groups == []
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    assert dialog.remove_button.isEnabled() and dialog.reason.isHidden()


def test_the_service_refusal_is_shown_when_a_holder_came_meanwhile(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    assert dialog.remove_button.isEnabled()
    with unit_of_work(ctx.engine) as s:  # another officer assigns a holder meanwhile
        posts.assign(s, deputy, ids["dang"], starts_on=dt.date(2026, 2, 1))
    dialog.remove_button.click()
    wait_idle(qtbot, ctx)
    assert (
        not dialog.error.isHidden()
        and "A holder of “Pho Giam doc” was recorded meanwhile" in dialog.error.text()
    )
    assert "End holding…" in dialog.error.text() and "ketnoi post end" not in dialog.error.text()
    assert len(_posts(ctx, ids["nic"])) == 2
    assert not dialog.remove_button.isEnabled()  # read again: now it has a holder


def test_a_post_added_here_is_one_undoable_step(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    from ui.posts_dialog import PostForm

    dialog = _open(qtbot, window, ctx, ids)
    assert dialog.model.rows == [] and dialog.empty.isVisibleTo(dialog)
    assert not dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()

    def fill(form: Any) -> int:
        assert form.rank.value() == 1
        form.buttons.accepted.emit()  # no name: refused in the form
        assert form.result() == 0 and "Name the post" in form.error.text()
        form.title.setText("Chánh Văn phòng")
        form.buttons.accepted.emit()
        return int(form.result())

    monkeypatch.setattr(PostForm, "exec", fill)
    dialog.add_button.click()
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == [("Chánh Văn phòng", "", 1)]
    assert dialog.current_id() == dialog.model.rows[0].id and dialog.table.isVisibleTo(dialog)
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    assert _posts(ctx, ids["nic"]) == []


def test_vietnamese_reason(qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    _two_posts(ctx, ids)
    i18n.install(QApplication.instance(), "vi")
    try:
        dialog = _open(qtbot, window, ctx, ids)
        dialog.table.selectRow(_row_of(dialog, "Giám đốc"))
        assert dialog.windowTitle().startswith("Chức vụ")
        assert dialog.reason.text().startswith("“Giám đốc” có 1 người")
        assert dialog.model.index(1, 3).data() == "còn trống"
    finally:
        i18n.install(QApplication.instance(), "en")
