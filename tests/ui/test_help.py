"""Help: the keyboard-shortcut sheet (read from the window's actions), the guide, About, and
the hidden "open and quit" switch the bundle's smoke test uses."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def _open(qtbot, window, name):
    found = []
    qtbot.waitUntil(lambda: bool(found.extend(window.findChildren(object, name)) or found), timeout=3000)
    dialog = found[0]
    qtbot.addWidget(dialog)
    return dialog


def native(keys):
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def test_ctrl_slash_opens_a_sheet_of_every_shortcut_of_the_window(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = _open(qtbot, window, "shortcuts_dialog")
    rows = sheet.rows()
    groups = [g for g, _w, _k in rows]
    for menu in ("File", "Edit", "View", "Help", "In a list", "In the Log meeting dialog"):
        assert menu in groups
    shown = {(w, k) for _g, w, k in rows}
    assert ("Log meeting", "Ctrl+M") in shown
    assert ("Keyboard shortcuts", "Ctrl+/") in shown
    assert ("Mark done", "Ctrl+D") in shown
    assert ("Filter the list", "Ctrl+F") in shown
    assert ("Select all", "Ctrl+A") in shown
    # every action of the window that has a shortcut and a name is on the sheet
    for action in window.findChildren(QAction):
        if action.shortcuts() and action.text():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            name = action.text().replace("&", "").replace("…", "").strip()
            assert (name, keys) in shown, (name, keys)


def test_a_shortcut_added_to_a_menu_appears_on_the_sheet(qtbot, window):
    from ui.dialogs.shortcuts import ShortcutsDialog

    extra = QAction("Frobnicate", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.menus["tools"].addAction(extra)
    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    assert ("Tools", "Frobnicate", "Ctrl+Alt+F") in sheet.rows()


def test_the_sheet_filters_by_command_or_key(qtbot, window):
    from ui.dialogs.shortcuts import ShortcutsDialog

    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    qtbot.keyClicks(sheet.filter, "ctrl+k")
    assert [(w, k) for _g, w, k in sheet.rows()] == [("Search everywhere", "Ctrl+K")]
    sheet.filter.clear()
    qtbot.keyClicks(sheet.filter, "brief")
    assert {w for _g, w, _k in sheet.rows()} == {"Brief (PDF)"}


def test_the_dialog_keys_on_the_sheet_are_the_dialogs_own(qtbot, ctx, ids):
    """The dialogs' QShortcuts are listed from DIALOG_KEYS: it must match the real dialogs."""
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.dialogs.record_form import RecordForm
    from ui.dialogs.shortcuts import DIALOG_KEYS, LOG_MEETING, RECORD_FORM

    def real(dialog):
        qtbot.addWidget(dialog)
        return {s.key().toString() for s in dialog.findChildren(QShortcut)}

    listed = {LOG_MEETING: set(), RECORD_FORM: set()}
    for group, _what, keys in DIALOG_KEYS:
        listed[group] |= set(keys)
    assert real(LogMeetingDialog(ctx)) == listed[LOG_MEETING]
    assert real(RecordForm(ctx, "contact")) == listed[RECORD_FORM]


def test_f1_opens_the_user_guide_from_docs(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = _open(qtbot, window, "guide_dialog")
    assert guide.path == ROOT / "docs" / "guide.md"
    text = guide.browser.toPlainText()
    headings = re.findall(r"^## (.+)$", (ROOT / "docs" / "guide.md").read_text(encoding="utf-8"), re.M)
    for needed in (
        "Log a meeting",
        "Follow-ups",
        "Import a spreadsheet",
        "Briefs",
        "Search",
        "Backups",
        "Team database",
    ):
        assert needed in headings
    for heading in headings:
        assert heading in text  # rendered, not shown as raw Markdown
    assert "## " not in text


def test_a_copy_without_the_guide_says_so(qtbot, tmp_path):
    from ui.dialogs.guide import GuideDialog

    guide = GuideDialog(None, "en", docs=tmp_path)
    qtbot.addWidget(guide)
    assert guide.path is None
    assert "not installed" in guide.browser.toPlainText()


def test_about_shows_the_version_and_the_licences(qtbot, window):
    from app import __version__

    action = window.findChild(QAction, "act_about")
    action.trigger()
    about = _open(qtbot, window, "about_dialog")
    assert f"Ketnoi {__version__}" in about.findChild(object, "about_summary").text()
    licences = about.licences.toPlainText()
    assert "SIL Open Font License" in licences
    assert "GNU Lesser General Public License" in licences
    assert "PySide6_Essentials" in licences and "LGPL-3.0" in licences
    assert "SQLAlchemy" in licences and "reportlab" in licences
    font_licence = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    dejavu = (ROOT / "resources" / "fonts" / "DejaVu-LICENSE.txt").read_text(encoding="utf-8")
    assert about.font_licence.toPlainText() == font_licence.strip() + "\n\n\n" + dejavu.strip()
    assert "SIL Open Font License, Version 1.1" in font_licence
    assert "Bitstream Vera" in dejavu and "DejaVu Sans" in licences


def test_quit_after_closes_the_window_and_says_so(qtbot, window, capsys):
    from ui.main import quit_after

    assert quit_after(window, {}) is None
    assert quit_after(window, {"KETNOI_QUIT_AFTER_MS": "soon"}) is None
    assert quit_after(window, {"KETNOI_QUIT_AFTER_MS": "50"}) == 50
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    err = capsys.readouterr().err
    assert "ketnoi: window opened:" in err and "Ketnoi" in err


def test_help_menu_lists_guide_shortcuts_welcome_and_about(window):
    names = [a.objectName() for a in window.menus["help"].actions() if not a.isSeparator()]
    assert names == ["act_guide", "act_shortcuts", "act_welcome", "act_about"]
    assert QApplication.instance() is not None


def test_the_vietnamese_guide_has_every_section_of_the_english_one(qtbot):
    from ui.dialogs.guide import GuideDialog

    guide = GuideDialog(None, "vi")
    qtbot.addWidget(guide)
    assert guide.path == ROOT / "docs" / "guide.vi.md"
    english = re.findall(r"^## ", (ROOT / "docs" / "guide.md").read_text(encoding="utf-8"), re.M)
    vietnamese = re.findall(r"^## (.+)$", guide.path.read_text(encoding="utf-8"), re.M)
    assert len(vietnamese) == len(english)
    assert "Ghi nhận cuộc họp" in vietnamese and "Cơ sở dữ liệu của nhóm" in vietnamese
    assert "Ghi nhận cuộc họp" in guide.browser.toPlainText()


_KEY = r"(?:(?:Ctrl|Alt|Shift)\+)*(?:F\d{1,2}|Return|Enter|Delete|Del|Tab|Esc|Down|Up|Space|[A-Z0-9,./])"
# as the sheet writes them on every system here (and the Vietnamese guide's "Down arrow")
_SAME_KEY = {"Enter": "Return", "Delete": "Del", "Mũi tên xuống": "Down"}
_MOVES_BETWEEN_FIELDS = {"Tab"}  # every dialog's; the sheet names it in a description only


def _keys_named(text: str) -> set[str]:
    """The keys a document tells the reader to press: every bold one (**D**, **Ctrl+R**, **F2**)
    and every Ctrl/Alt/Shift combination written out ("(Ctrl+/)", "Ctrl+1 … Ctrl+6")."""
    bold = {_SAME_KEY.get(k, k) for k in re.findall(r"\*\*([^*\n]+)\*\*", text)}
    combos = set(re.findall(rf"(?<![\w+])(?:Ctrl|Alt|Shift)\+{_KEY}(?![\w+])", text))
    return {_SAME_KEY.get(k, k) for k in bold | combos if re.fullmatch(_KEY, _SAME_KEY.get(k, k))}


def test_every_key_the_guides_and_the_readme_name_is_a_real_shortcut(qtbot, window):
    """Reviewer: both guides said the bare key **D** marks the selected actions done; it types
    into the list's filter (no bare letter changes data). Every key the guides and the README's
    table of keys name is one the shortcut sheet lists: the window's actions and the dialogs'."""
    from ui.dialogs.shortcuts import ShortcutsDialog

    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    real = {k for _g, _w, keys in sheet.rows() for k in keys.split(", ") if k} | _MOVES_BETWEEN_FIELDS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| keys | does |") :].split("\n\n")[0]
    first_column = {
        k.strip()
        for row in table.splitlines()[2:]
        for k in re.split(r"[,/·]", row.split("|")[1])
        if k.strip()
    }
    named = {
        "docs/guide.md": _keys_named((ROOT / "docs" / "guide.md").read_text(encoding="utf-8")),
        "docs/guide.vi.md": _keys_named((ROOT / "docs" / "guide.vi.md").read_text(encoding="utf-8")),
        "README.md": _keys_named(table) | {k for k in first_column if re.fullmatch(_KEY, k)},
    }
    for where, keys in named.items():
        assert keys <= real, f"{where} names keys that are no shortcut: {sorted(keys - real)}"
    assert {"Ctrl+D", "Ctrl+R", "F2", "Ctrl+,", "Ctrl+/"} <= named["docs/guide.md"]  # (the parse reads them)
    assert {"Ctrl+D", "Del", "F5", "Ctrl+Y"} <= named["README.md"]
    assert named["docs/guide.md"] == named["docs/guide.vi.md"]  # one guide in two languages


def test_the_sheet_shows_every_command_whole_at_1366_by_768_in_vietnamese(
    qtbot: Any, language: str, ctx: Any, monkeypatch: Any
) -> None:
    """Reviewer h149: at 1366×768 in Vietnamese two of Log meeting's lines ended in "…" ("Việc
    cần làm có hạn 3 ngày làm việc sau cuộc h…", "Từ ô người dự hoặc tổ chức đang trống: tới
    dan…"): the sheet was 560 px wide whatever it held. It is as wide as its longest command and
    keys, within the screen."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from ui.dialogs.shortcuts import ShortcutsDialog
    from ui.main_window import MainWindow

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1366, 768))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30_000)
    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    tree = sheet.tree
    cut = [
        child.text(0)
        for _top, child in sheet.items()  # (a cell's text has 3 px of room on either side)
        if tree.fontMetrics().horizontalAdvance(child.text(0)) + 6
        > tree.visualRect(tree.indexFromItem(child, 0)).width()
    ]
    assert cut == []
    assert tree.columnWidth(1) >= tree.sizeHintForColumn(1)  # the keys whole too
    assert sheet.frameGeometry().width() <= 1366
    sheet.close()
    window.close()
