"""Switching the language at once: the main window is built again in the new language.

Qt's usual way is a ``retranslate`` method per widget answering ``QEvent.LanguageChange``; here
nearly every text (menus, filters, column titles, the pages, the dashboard) is written once when
a widget is built, by many modules, so the robust way is to build the window again: every string
then comes through ``tr`` in the new language, and a widget added later needs nothing special.
What the person sees is kept: the window's place and size, the splitters and column widths (the
settings the new window reads), each list's filters (typed text, choices, order), the view and
the record selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui import i18n

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def change_language(old: MainWindow, language: str) -> MainWindow:
    from ui.main_window import VIEWS, MainWindow

    app = QCoreApplication.instance()
    if app is not None:
        i18n.install(app, language)
    old.ctx.settings.language = language
    entity = old.current_entity()
    view = old.current_view()
    record = view.detail.record_id if view is not None else 0
    filters = {name: v.list.filter_state() for name, v in old.views.items()}  # typed text too
    old.save_state()  # splitters, column widths: read back by the new window
    geometry, state = old.geometry(), old.windowState()
    live = getattr(old, "live", None)
    was_live = live is not None and getattr(live, "feed", None) is not None
    if live is not None:
        live.stop()
    new = MainWindow(old.ctx)
    new.place_as(geometry)  # the same place and size (a restored one is fitted to the screen)
    new.setWindowState(state)
    for name, kept in filters.items():
        if name in new.views:
            new.views[name].list.restore_filter_state(kept)
    new.nav.setCurrentRow(VIEWS.index(entity))
    if record:
        new.navigate(entity, record)
    new.show()
    if was_live:
        new.live.start(new.live_label)
    _retire(old)
    return new


def _retire(old: MainWindow) -> None:
    """Hide the old window and let Qt delete it (its slots go with it); nothing is cancelled:
    work it started finishes and is announced to the new window."""
    if old.tray is not None:
        old.tray.hide()
    old.notifier.timer.stop()
    old.hide()
    old.deleteLater()
