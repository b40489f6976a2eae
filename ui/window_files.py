"""The main window's File menu: import and export (Excel, calendars, vCards), briefs, e-mail
files, another database, backups and Settings.

Functions of the window, called by its actions (ui.window_actions); ui.main_window keeps the
methods others call (open_database, open_settings, settings_saved). The brief (reportlab),
export and import (openpyxl) modules load on first use, not at start-up: together they were a
third of the time to the first paint (tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from ui import window_views

if TYPE_CHECKING:
    from ui.dialogs.settings import SettingsDialog
    from ui.main_window import MainWindow


def briefs() -> ModuleType:
    from ui import briefs

    return briefs


def import_wizard() -> ModuleType:
    import ui.import_wizard

    return ui.import_wizard


def exports() -> ModuleType:
    from ui import exports

    return exports


def calendar_files() -> ModuleType:
    from ui import calendar_files

    return calendar_files


def log_email(window: MainWindow) -> None:
    """E-mail files chosen in a dialog, logged with the contact, organisation or meeting shown."""
    view = window.current_view()
    if view and view.entity in ("contact", "organisation", "meeting") and view.detail.record_id:
        window.mail.choose(view.entity, view.detail.record_id)
    else:
        window.mail.choose()


def export_list(window: MainWindow) -> None:
    """File → Export this list to Excel…: the rows the current list holds, its filters and
    its order (the list's own query), in the full export's layout for its kind."""
    view = window.current_view()
    if view is None:
        return
    panel = view.list
    exports().export_list(window, window.ctx, view.entity, panel.model.query, panel.export_words())


def export_list_calendar(window: MainWindow) -> None:
    """File → Export this list to calendar (.ics)…: the meetings (or open actions) the current
    list holds, as filtered and searched; File → Export calendar (.ics)… still writes every
    upcoming meeting."""
    view = window.current_view()
    if view is None or view.entity not in ("meeting", "action"):
        return
    panel = view.list
    count = panel.model.rowCount() if panel.model.complete else None
    calendar_files().export_list_calendar(
        window,
        window.ctx,
        view.entity,
        panel.model.query,
        panel.filters_said(),
        panel.export_words(),
        count=count,
    )


def brief(window: MainWindow) -> None:
    entity = window.current_entity()
    ids = window_views.selected(window, entity)
    module = briefs() if ids else None
    if module is not None and entity in module.BRIEF_FOR:
        module.BRIEF_FOR[entity](window, window.ctx, ids[0])


def open_import_history(window: MainWindow, select: int | None = None) -> None:
    """File → Import history…; ``select``: opened on that import (Ctrl+Z's offer)."""
    from ui.import_wizard.history_dialog import ImportHistoryDialog

    dialog = ImportHistoryDialog(window.ctx, window, select=select)
    dialog.exec()
    dialog.deleteLater()


def open_database(window: MainWindow, url: str | None = None) -> MainWindow | None:
    """File → Open database… (Ctrl+O): another database file, chosen in a file dialog (or
    ``url``), opened in a new window in this one's place the way Ketnoi opens one at start
    (ui.main: damaged, read-only and older files alike); this window closes once it is open,
    and stays as it was if it is not. Returns the new window."""
    from ui import main

    chosen = url or main.choose_database(window)
    return main.open_database_in(window, chosen) if chosen else None


def open_backups(window: MainWindow) -> None:
    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(window.ctx, window)
    dialog.exec()
    dialog.deleteLater()


def open_settings(window: MainWindow) -> None:
    from ui.dialogs.settings import SettingsDialog

    language = window.ctx.settings.language
    dialog = SettingsDialog(window.ctx, window)
    if dialog.exec():
        window.settings_saved(dialog, language)


def settings_saved(window: MainWindow, dialog: SettingsDialog, language: str) -> MainWindow:
    """After Settings' OK: a new database location opened at once in place of this one (as
    File → Open database… opens one; not opened — the person was told — the location saved
    before is kept), else the window in the language chosen; returns the window shown."""
    if dialog.moved_to is not None:
        from ui import main

        opened = main.open_database_in(window, dialog.moved_to)
        if opened is not None:
            return opened
        window.ctx.settings.database_url = dialog.location_before
    if window.ctx.settings.language != language:
        return window.change_language(window.ctx.settings.language)
    window.refresh_all()
    return window
