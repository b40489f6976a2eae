"""The main window's commands on the records: new, edit, delete, log a meeting, mark done,
add a note, history, trash, search, letters, working days, duplicates, and the lists' context
menu and Edit → Selection.

Functions of the window, called by its actions (ui.window_actions); ui.main_window keeps the
methods others call (new_record, new_action, open_letters, _context_menu,
_fill_selection_menu). Each dialog's module loads when it is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu

from ui import window_views
from ui.alt_letters import give_menu_letters
from ui.window_views import RECORDS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def mark_done(window: MainWindow) -> None:
    """Ctrl+D: the actions marked done stay in the list shown, selected, so that Ctrl+D again
    reopens them (README, F1), until the person moves on (ui.lists.model's ``keep``)."""
    ids = window_views.selected(window, "action")
    view = window.current_view()
    if ids and view is not None and view.entity == "action":
        view.list.model.keep(ids)
    window.commands.mark_done(ids)


def new_record(window: MainWindow) -> None:
    entity = window.current_entity()
    if entity not in RECORDS:  # the dashboard and the map: a new person is the usual need
        entity = "contact"
    new_id = window.commands.new(entity)
    if new_id:
        window.navigate(entity, new_id)


def new_action(window: MainWindow) -> None:
    initial = {
        "organisation_id": window_views.current_org(window),
        "responsible_staff_id": window.ctx.staff_id,
    }
    new_id = window.commands.new("action", initial)
    if new_id:
        window.navigate("action", new_id)  # the new record is selected


def log_meeting(window: MainWindow) -> None:
    """Log a meeting (with the organisation or person on the page); the saved meeting is then
    selected in Meetings, its page beside it."""
    meeting_id = window.commands.log_meeting(
        organisation_id=window_views.current_org(window), contact_id=window_views.current_contact(window)
    )
    if meeting_id:
        window.navigate("meeting", meeting_id)


def edit_current(window: MainWindow) -> None:
    entity = window.current_entity()
    ids = window_views.selected(window, entity)
    if ids:
        window.commands.edit(entity, ids[0])


def delete_selected(window: MainWindow) -> None:
    entity = window.current_entity()
    window.bulk.delete(entity, window_views.selected(window, entity))  # asks first when several are selected


def add_note(window: MainWindow) -> None:
    ids = window_views.selected(window, "action")
    if ids:
        window.commands.add_note(ids[0])


def show_history(window: MainWindow) -> None:
    """The history of the record on the page (or the first one selected)."""
    entity = window.current_entity()
    ids = window_views.selected(window, entity)
    if ids:
        from ui.history import show_history

        window.history_dialog = show_history(window, window.ctx, entity, ids[0])


def open_trash(window: MainWindow) -> None:
    dialog = getattr(window, "trash_dialog", None)
    if dialog is None:
        from ui.trash import TrashDialog

        dialog = TrashDialog(window.ctx, window)
        window.trash_dialog = dialog
    else:
        dialog.reload()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def search(window: MainWindow) -> None:
    from ui.dialogs.search import SearchDialog

    dialog = SearchDialog(window.ctx, window)
    chosen = dialog.chosen if dialog.exec() else None
    dialog.deleteLater()  # (each Ctrl+K left its dialog, hidden, in the window; an answer on its way is dropped)
    if chosen:
        window.navigate(*chosen)


def open_letters(window: MainWindow, select: int | None = None) -> None:
    from ui.letters import LettersDialog

    dialog = getattr(window, "letters_dialog", None)
    if dialog is None:
        dialog = LettersDialog(window.ctx, window)
        window.letters_dialog = dialog
    if select is not None:
        dialog.year.setValue(0)  # any year: the letter asked for is listed
        dialog.reload(select=select)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def draft_letter(window: MainWindow) -> None:
    """The shown action's or meeting's letter: its draft in the register (made now if it
    has none; no number is taken), opened in Tools → Letters."""
    view = window.current_view()
    if view is None or view.entity not in ("action", "meeting") or not view.detail.record_id:
        return
    from app.letters.register import letter_for_record, meeting_addressees

    kind, ident, actor, engine = view.entity, view.detail.record_id, window.ctx.actor(), window.ctx.engine

    def write(to: int | None) -> None:
        window.ctx.write(
            lambda s: letter_for_record(s, kind, ident, to=to, actor=actor),
            entity="letter",
            on_done=lambda letter_id: open_letters(window, select=int(letter_id)),
        )

    if kind != "meeting":
        write(None)
        return

    def read(_task: Any) -> list[tuple[int, str]]:
        from db.engine import read_session

        with read_session(engine) as s:
            return meeting_addressees(s, ident)

    def choose(others: list[tuple[int, str]]) -> None:
        """Several organisations met: which one the letter is to (each its own letter; one
        drafted to another stays as it is)."""
        if len(others) < 2:
            write(None)
            return
        names = [name for _, name in others]
        chosen, ok = QInputDialog.getItem(
            window, tr("Draft letter"), tr("Write the letter to:"), names, 0, False
        )
        if ok and chosen in names:
            write(others[names.index(chosen)][0])

    window.ctx.tasks.run(read, on_done=choose, owner=window)


def open_workdays(window: MainWindow) -> None:
    from ui.workdays import WorkingDaysDialog

    dialog = WorkingDaysDialog(window.ctx, window)
    dialog.exec()
    dialog.deleteLater()
    window.dashboard.refresh()


def bulk_ids(window: MainWindow) -> list[int]:
    return window_views.selected(window, window.current_entity())


def fill_selection_menu(window: MainWindow) -> None:
    entity = window.current_entity()
    window.bulk.fill_selection(
        window.selection_menu, entity if entity in RECORDS else "", lambda: bulk_ids(window)
    )


def context_menu(window: MainWindow, entity: str, pos: QPoint) -> None:
    view = window.views[entity]
    window_views.label_done(window)  # (the row right-clicked is the selection now)
    actions = [a for a in window.record_actions[entity] if a is not window.act_delete]
    menu = window.bulk.context_menu(window, entity, view.list.selected_ids, actions)
    if menu is None:  # (no row under the click: the list itself)
        menu = QMenu(window)
        menu.setObjectName("context_menu")
    else:
        menu.addSeparator()
    menu.addAction(window.act_export_list)
    if entity in ("meeting", "action"):
        menu.addAction(window.act_export_list_ics)
    give_menu_letters(menu, [a for a in menu.actions() if a.objectName().startswith("bulk_")])
    window.context_menu = menu
    menu.popup(view.list.view.viewport().mapToGlobal(pos))


def find_duplicates(window: MainWindow) -> None:
    dialog = getattr(window, "duplicates_dialog", None)
    if dialog is None:
        from ui.dialogs.duplicates import FindDuplicatesDialog

        dialog = FindDuplicatesDialog(window.ctx, window.commands, window)
        window.duplicates_dialog = dialog
    dialog.show()
    dialog.look_among(window.current_entity())  # the current view's kind, at once
    dialog.raise_()
    dialog.activateWindow()
