"""Help → Keyboard shortcuts (Ctrl+/): every shortcut of the window, read from its QActions.

The sheet is built from the actions themselves — the menus in menu-bar order, then the keys
that work inside a list — so a shortcut added, changed or translated shows here without anyone
updating a table. The dialogs' own keys (Save, due-date quick picks) are QShortcuts created
when a dialog opens; they are listed from :data:`DIALOG_KEYS`, which a test compares with the
shortcuts of the real dialogs; the keys Log meeting's fields and lists handle themselves
(F2 on an attendee's row), from :data:`FIELD_KEYS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# (dialog, what the key does, keys): the QShortcuts of ui/dialogs/log_meeting.py,
# followups.py and record_form.py (tests/ui/test_help.py checks them against the dialogs).
LOG_MEETING = QT_TRANSLATE_NOOP("Shortcuts", "In the Log meeting dialog")
RECORD_FORM = QT_TRANSLATE_NOOP("Shortcuts", "In a record's form")
DIALOG_KEYS: tuple[tuple[Any, Any, tuple[str, ...]], ...] = (
    (LOG_MEETING, QT_TRANSLATE_NOOP("Shortcuts", "Save"), ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S")),
    (LOG_MEETING, QT_TRANSLATE_NOOP("Shortcuts", "Follow-up due the day after the meeting"), ("Ctrl+1",)),
    (LOG_MEETING, QT_TRANSLATE_NOOP("Shortcuts", "Follow-up due a week after the meeting"), ("Ctrl+2",)),
    (LOG_MEETING, QT_TRANSLATE_NOOP("Shortcuts", "Follow-up due at the end of its month"), ("Ctrl+3",)),
    (
        LOG_MEETING,
        QT_TRANSLATE_NOOP("Shortcuts", "Follow-up due 3 working days after the meeting"),
        ("Ctrl+4",),
    ),
    (LOG_MEETING, QT_TRANSLATE_NOOP("Shortcuts", "Follow-up with no due date"), ("Ctrl+0",)),
    (RECORD_FORM, QT_TRANSLATE_NOOP("Shortcuts", "Save"), ("Ctrl+Return", "Ctrl+S")),
)
# Keys handled inside the Log meeting dialog's fields and lists (no QShortcut): listed the same.
FIELD_KEYS: tuple[tuple[Any, Any, tuple[str, ...]], ...] = (
    (
        LOG_MEETING,
        QT_TRANSLATE_NOOP("Shortcuts", "From an empty attendee or organisation field: its chosen list"),
        ("Down",),
    ),
    (
        LOG_MEETING,
        QT_TRANSLATE_NOOP("Shortcuts", "Chosen attendee: change the role (Tab: organisation)"),
        ("F2", "Return", "Space"),
    ),
    (
        LOG_MEETING,
        QT_TRANSLATE_NOOP("Shortcuts", "From the role or organisation: back to the list"),
        ("Return", "Esc"),
    ),
    (
        LOG_MEETING,
        QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected attendee, organisation or new follow-up"),
        ("Del",),
    ),
)
# Actions that carry a standard key and no text (a list's "select all"): named by their key.
STANDARD_NAMES = ((QKeySequence.StandardKey.SelectAll, QT_TRANSLATE_NOOP("Shortcuts", "Select all")),)


def tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def plain(text: str) -> str:
    """A menu text as read: no mnemonic marker ("&File" → "File", "&&" → "&"), no "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()


def keys_text(sequences: list[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in sequences if not s.isEmpty())


def standard_name(sequences: list[QKeySequence]) -> str:
    for key, name in STANDARD_NAMES:
        if any(s in QKeySequence.keyBindings(key) for s in sequences):
            return tr(str(name))
    return ""


@dataclass
class Group:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (what, keys)


def _menu_rows(menu: QMenu, rows: list[tuple[str, str]], seen: set[tuple[str, str]]) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            _menu_rows(action.menu(), rows, seen)  # type: ignore[arg-type]
            continue
        if action.isSeparator() or not action.shortcuts():
            continue
        row = (plain(action.text()), keys_text(action.shortcuts()))
        if row not in seen:
            seen.add(row)
            rows.append(row)


def collect(window: QMainWindow) -> list[Group]:
    """The window's shortcuts, grouped: one group per menu, the list keys, the window's other
    actions, then the dialogs'."""
    groups: list[Group] = []
    seen: set[tuple[str, str]] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        group = Group(plain(menu.title()))
        _menu_rows(menu, group.rows, seen)
        if group.rows:
            groups.append(group)
    in_list = Group(tr("In a list"))
    for action in window.findChildren(QAction):
        if not action.shortcuts() or not isinstance(action.parent(), QAbstractItemView):
            continue
        what = plain(action.text()) or standard_name(action.shortcuts())
        row = (what, keys_text(action.shortcuts()))
        if what and row not in seen:
            seen.add(row)
            in_list.rows.append(row)
    if in_list.rows:
        groups.append(in_list)
    # Window actions in no menu (History on a record's page, Ctrl+H): listed all the same.
    other = Group(tr("Other commands"))
    for action in window.findChildren(QAction):
        if action.shortcuts() and action.text() and not isinstance(action.parent(), QAbstractItemView):
            row = (plain(action.text()), keys_text(action.shortcuts()))
            if row not in seen:
                seen.add(row)
                other.rows.append(row)
    if other.rows:
        groups.append(other)
    by_dialog: dict[str, Group] = {}
    for dialog, what, keys in (*DIALOG_KEYS, *FIELD_KEYS):
        group = by_dialog.setdefault(str(dialog), Group(tr(str(dialog))))
        group.rows.append((tr(str(what)), keys_text([QKeySequence(k) for k in keys])))
    groups.extend(by_dialog.values())
    return groups


class ShortcutsDialog(QDialog):
    """The sheet: a filterable two-column tree, one branch per group."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText(self.tr("Find a command or a key…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.groups = collect(window)
        for group in self.groups:
            top = QTreeWidgetItem(self.tree, [group.title, ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for what, keys in group.rows:
                QTreeWidgetItem(top, [what, keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.resize(self._whole_width(), 620)

    def _whole_width(self) -> int:
        """Wide enough for every command and its keys whole, within the screen: at 560 px two
        Vietnamese lines of Log meeting's keys ended in "…" at 1366×768 (reviewer h149)."""
        fm = self.tree.fontMetrics()
        pad = 2 * self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        rows = [c for _t, c in self.items()]
        command = max((fm.horizontalAdvance(c.text(0)) for c in rows), default=0)
        keys = max((fm.horizontalAdvance(c.text(1)) for c in rows), default=0)
        scroll = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        layout = self.layout()
        sides = (
            layout.contentsMargins().left() + layout.contentsMargins().right() if layout is not None else 24
        )
        want = (
            command + self.tree.indentation() + keys + 2 * pad + scroll + 2 * self.tree.frameWidth()
        ) + sides
        screen = self.screen().availableGeometry().width() - 40 if self.screen() is not None else want
        return max(560, min(want, screen))

    def items(self) -> Iterator[tuple[QTreeWidgetItem, QTreeWidgetItem]]:
        """(group item, row item) of every row."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                yield top, child

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) of every row shown (for tests and screenshots)."""
        return [(top.text(0), c.text(0), c.text(1)) for top, c in self.items() if not c.isHidden()]

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            shown = 0
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                hit = not needle or needle in child.text(0).lower() or needle in child.text(1).lower()
                child.setHidden(not hit)
                shown += hit
            top.setHidden(shown == 0)
