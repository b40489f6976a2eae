"""The main window's actions, menus and toolbar: every command with its keys and icon, the
File, Edit, View, Tools and Help menus (each item with an Alt letter of its own), the toolbar,
and the buttons of each record's page.

Functions of the window, called as it is built: build_actions, build_menus and build_toolbar
by the frame (Qt only: the commands are there, disabled, before the database opens),
build_record_actions by attach. The window's own ``_act`` makes each QAction. The commands
themselves are in ui.window_commands, ui.window_files and ui.window_views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt

from ui import help_menu, window_commands, window_files, window_views
from ui.icons import icon
from ui.window_views import RECORDS, VIEWS, meet_with

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Edit → Redo: the platform's key (Ctrl+Y on Windows, Ctrl+Shift+Z elsewhere) and both anyway
REDO_KEYS = ["Ctrl+Y", "Ctrl+Shift+Z"]


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def alt_letter(text: str) -> str:
    """The Alt letter of a menu text ("&Open…" → "o"), "" if it has none."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1 : at + 2].lower() if at >= 0 else ""


def with_alt_letter(text: str, taken: set[str]) -> str:
    """``text`` with an Alt letter: the first free ASCII letter starting a word, else any
    free ASCII letter (Alt+ơ cannot be typed); the letter is added to ``taken``. A text that
    has one, or has no free letter, is given back as it is."""
    if alt_letter(text):
        return text
    starts = [i for i, c in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
    for at in starts + list(range(len(text))):
        letter = text[at].lower()
        if letter.isascii() and letter.isalnum() and letter not in taken:
            taken.add(letter)
            return text[:at] + "&" + text[at:]
    return text


def build_actions(window: MainWindow) -> None:
    """Every action of the menus and the toolbar (Qt only: the frame has them, disabled)."""
    window.act_new = window._act("new", tr("&New…"), window.new_record, ["Ctrl+N"], "new")
    window.act_log = window._act(
        "log_meeting",
        tr("&Log meeting…"),
        lambda: window_commands.log_meeting(window),
        ["Ctrl+M"],
        "log-meeting",
    )
    window.act_log_email = window._act(
        "log_email", tr("Log e-&mail…"), lambda: window_files.log_email(window), None, "mail"
    )
    window.act_new_action = window._act(
        "new_action", tr("New &action…"), window.new_action, ["Ctrl+Shift+A"], "new-action"
    )
    window.act_search = window._act(
        "search",
        tr("&Search everywhere…"),
        lambda: window_commands.search(window),
        ["Ctrl+K"],
        "search",
    )
    # Ctrl+F: the shown list's filter box (no list shown: Search everywhere)
    window.act_find = window._act(
        "find", tr("&Filter the list"), lambda: window_views.find_in_list(window), ["Ctrl+F"], "filter"
    )
    window.act_edit = window._act(
        "edit", tr("&Edit…"), lambda: window_commands.edit_current(window), ["Ctrl+E"], "edit"
    )
    window.act_delete = window._act(
        "delete", tr("&Delete"), lambda: window_commands.delete_selected(window), ["Del"], "delete"
    )
    window.act_undo = window._act("undo", tr("&Undo"), lambda: undo(window), ["Ctrl+Z"], "undo")
    window.act_redo = window._act("redo", tr("&Redo"), lambda: redo(window), REDO_KEYS, "redo")
    window.act_undo_history = window._act("undo_history", tr("Undo &history…"), lambda: undo_history(window))
    window.act_refresh = window._act("refresh", tr("&Refresh"), window.refresh_all, ["F5"], "refresh")
    window.act_done = window._act(
        "done",
        tr("&Mark done"),
        lambda: window_commands.mark_done(window),
        ["Ctrl+D"],
        "done",
    )
    window.act_reschedule = window._act(
        "reschedule",
        tr("Re&schedule…"),
        lambda: window.commands.reschedule(window_views.selected(window, "action")),
        ["Ctrl+R"],
        "reschedule",
    )
    window.act_note = window._act(
        "note", tr("Add &note…"), lambda: window_commands.add_note(window), ["Ctrl+Shift+N"], "note"
    )
    window.act_settings = window._act(
        "settings", tr("&Settings…"), window.open_settings, ["Ctrl+,"], "settings"
    )
    window.act_open = window._act("open_database", tr("&Open database…"), window.open_database, ["Ctrl+O"])
    window.act_backups = window._act("backups", tr("Bac&kups…"), lambda: window_files.open_backups(window))
    window.act_quit = window._act("quit", tr("&Quit"), window.close, ["Ctrl+Q"])
    window.act_import = window._act(
        "import",
        tr("&Import spreadsheet…"),
        lambda: window_files.import_wizard().open_import_wizard(window, window.ctx),
        ["Ctrl+I"],
        "import",
    )
    window.act_import_history = window._act(
        "import_history", tr("Import &history…"), lambda: window_files.open_import_history(window)
    )
    window.act_export = window._act(
        "export",
        tr("&Export to Excel…"),
        lambda: window_files.exports().export_all(window, window.ctx),
        ["Ctrl+Shift+E"],
        "export",
    )
    window.act_export_list = window._act(
        "export_list",
        tr("Export this list to E&xcel…"),
        lambda: window_files.export_list(window),
        None,
        "export",
    )
    window.act_template = window._act(
        "template",
        tr("Save import &template…"),
        lambda: window_files.exports().save_import_template(window, window.ctx),
    )
    # Issue 14: calendars (.ics) and address books (vCard); ui/calendar_files.py.
    window.act_export_ics = window._act(
        "export_ics",
        tr("Export &calendar (.ics)…"),
        lambda: window_files.calendar_files().export_calendar(window, window.ctx),
        None,
        "calendar",
    )
    window.act_export_list_ics = window._act(  # the list as filtered (reviewer h129): not every meeting
        "export_list_ics",
        tr("Export this list to calenda&r (.ics)…"),
        lambda: window_files.export_list_calendar(window),
        None,
        "calendar",
    )
    window.act_export_vcard = window._act(
        "export_vcard",
        tr("Ex&port contacts (vCard)…"),
        lambda: window_files.calendar_files().export_vcards(window, window.ctx),
    )
    window.act_import_ics = window._act(
        "import_ics",
        tr("Import calendar in&vitation (.ics)…"),
        lambda: window_files.calendar_files().import_invitation(window, window.ctx),
        None,
        "calendar",
    )
    window.act_meeting_ics = window._act(
        "meeting_ics",
        tr("Export to calendar…"),
        lambda: window_files.calendar_files().export_calendar(
            window, window.ctx, meeting_ids=window_views.selected(window, "meeting")
        ),
        None,
        "export",
    )
    window.act_action_ics = window._act(  # an officer's own follow-ups, not the whole office's
        "action_ics",
        tr("Export to calendar…"),
        lambda: window_files.calendar_files().export_calendar(
            window, window.ctx, action_ids=window_views.selected(window, "action")
        ),
        None,
        "export",
    )
    window.act_contact_vcard = window._act(
        "contact_vcard",
        tr("Export vCard…"),
        lambda: window_files.calendar_files().export_vcards(
            window, window.ctx, contact_ids=window_views.selected(window, "contact")
        ),
        None,
        "export",
    )
    window.act_brief = window._act(
        "brief", tr("&Brief (PDF)"), lambda: window_files.brief(window), ["Ctrl+B"], "brief"
    )
    window.act_digest = window._act(
        "digest",
        tr("Period &digest (PDF)…"),
        lambda: window_files.briefs().brief_digest(window, window.ctx),
        None,
        "brief",
    )
    window.act_org_meeting = window._act(
        "org_meeting",
        tr("Log meeting with them…"),
        lambda: window_commands.log_meeting(window),
        None,
        "log-meeting",
    )
    window.act_duplicates = window._act(
        "duplicates",
        tr("Find &duplicates…"),
        lambda: window_commands.find_duplicates(window),
        None,
        "merge",
    )
    window.act_history = window._act(
        "history",
        tr("&History…"),
        lambda: window_commands.show_history(window),
        ["Ctrl+H"],
        "calendar",
    )
    window.act_trash = window._act(
        "trash", tr("&Trash…"), lambda: window_commands.open_trash(window), None, "delete"
    )
    window.act_letters = window._act(
        "letters", tr("&Letters…"), window.open_letters, ["Ctrl+Shift+L"], "letter"
    )
    window.act_workdays = window._act(
        "workdays",
        tr("&Working days…"),
        lambda: window_commands.open_workdays(window),
        None,
        "calendar",
    )
    window.act_draft_letter = window._act(
        "draft_letter",
        tr("Draft &letter…"),
        lambda: window_commands.draft_letter(window),
        None,
        "letter",
    )
    window.view_actions = []
    for n, entity in enumerate(VIEWS):
        a = window._act(
            f"view_{entity}", window_views.view_name(entity), goto(window, n), [f"Ctrl+{n + 1}"], entity
        )
        window.view_actions.append(a)


def build_record_actions(window: MainWindow) -> None:
    """What needs the views or the database: each record page's buttons, e-mail and
    calendar files dropped on the window, the lists' own keys (attach)."""
    from db import kinds
    from ui.calendar_drops import CalendarDrops
    from ui.mail import EmailLogger, WindowDrops

    window.mail = EmailLogger(window.ctx, window)  # File → Log e-mail…, and .eml/.msg dropped on the window
    window.mail.logged.connect(lambda meeting_id: window.navigate("meeting", meeting_id))
    WindowDrops(window, window.mail)
    CalendarDrops(window, window.ctx)  # .ics and .vcf dropped on the window (issue 14)
    meeting = meet_with()
    for entity in RECORDS:
        base = [window.act_edit]
        if entity == "action":
            base += [window.act_done, window.act_reschedule, window.act_note]
        if entity in meeting:
            base += [window.act_org_meeting, window.act_new_action]
        if entity in kinds.BRIEFABLE:
            base += [window.act_brief]
        if entity in ("action", "meeting"):  # its letter in the register (issue 15)
            base += [window.act_draft_letter]
        if entity == "meeting":
            base += [window.act_meeting_ics]
        if entity == "action":
            base += [window.act_action_ics]
        if entity == "contact":
            base += [window.act_contact_vcard]
        window.record_actions[entity] = [*base, window.act_history, window.act_delete]
    from ui.reorg import organisation_actions  # Reorganisation…, Assign holder… (issue 15)

    window.org_actions = organisation_actions(window)
    window.record_actions["organisation"][-2:-2] = window.org_actions


def build_menus(window: MainWindow) -> None:
    """File, Edit, View, Tools, Help, each item with an Alt letter of its own."""
    bar = window.menuBar()
    m = window.menus
    m["file"] = bar.addMenu(tr("&File"))
    m["file"].addActions([window.act_log, window.act_log_email, window.act_new, window.act_new_action])
    m["file"].addSeparator()
    m["file"].addActions([window.act_import, window.act_import_ics, window.act_import_history])
    m["file"].addActions([window.act_export, window.act_export_list])
    m["file"].addActions([window.act_export_ics, window.act_export_list_ics])
    m["file"].addActions([window.act_export_vcard, window.act_template])
    m["file"].addSeparator()
    m["file"].addActions([window.act_brief, window.act_digest])
    m["file"].addSeparator()
    m["file"].addActions([window.act_open, window.act_backups, window.act_settings])
    m["file"].addSeparator()
    m["file"].addAction(window.act_quit)
    m["edit"] = bar.addMenu(tr("&Edit"))
    m["edit"].addActions(
        [window.act_undo, window.act_redo, window.act_undo_history, window.act_edit, window.act_delete]
    )
    m["edit"].addSeparator()
    m["edit"].addActions([window.act_done, window.act_reschedule, window.act_note])
    m["edit"].addSeparator()
    window.selection_menu = m["edit"].addMenu(icon("edit"), tr("Se&lection"))
    window.selection_menu.setObjectName("menu_selection")  # filled once the views exist (attach)
    m["view"] = bar.addMenu(tr("&View"))
    m["view"].addActions(window.view_actions)
    m["view"].addSeparator()
    m["view"].addActions([window.act_find, window.act_search, window.act_refresh])
    m["view"].addSeparator()
    m["view"].addActions([window.act_history, window.act_trash])  # (Ctrl+H was in no menu: h108)
    m["tools"] = bar.addMenu(tr("&Tools"))
    m["tools"].addAction(window.act_duplicates)
    m["tools"].addActions([window.act_letters, window.act_workdays])
    m["tools"].addAction(window.view_actions[VIEWS.index("map")])
    # The sections' names are the lists' own (no "&" in them): each gets a letter the View
    # and Tools menus leave free (reviewer: a menu walked by Alt letters stopped at them).
    taken = {alt_letter(a.text()) for a in m["view"].actions() + m["tools"].actions()} - {""}
    for a in window.view_actions:
        a.setText(with_alt_letter(a.text(), taken))
    m["help"] = bar.addMenu(tr("&Help"))
    window.help_actions = help_menu.fill(window, m["help"])  # guide, shortcuts (Ctrl+/), welcome, about


def build_toolbar(window: MainWindow) -> None:
    """The toolbar: the day's commands (log a meeting, new action, mark done, search)."""
    tb = window.addToolBar(tr("Main"))
    tb.setObjectName("main_toolbar")
    tb.setMovable(False)
    tb.setIconSize(QSize(20, 20))
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tb.addActions([window.act_log, window.act_new_action, window.act_new])
    tb.addSeparator()
    tb.addActions([window.act_done, window.act_reschedule])
    tb.addSeparator()
    tb.addActions([window.act_search, window.act_refresh])
    window.toolbar = tb


def undo(window: MainWindow) -> None:
    window.commands.undo()  # (not bound at build: the commands exist once the database is open)


def redo(window: MainWindow) -> None:
    window.commands.redo()


def undo_history(window: MainWindow) -> None:
    window.commands.undo_history()


def goto(window: MainWindow, row: int) -> Callable[[], None]:
    """View → the view at ``row`` of the navigation (Ctrl+1…)."""
    return lambda: window.nav.setCurrentRow(row)
