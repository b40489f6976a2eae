"""The preview's "Created alongside" tab: the organisations and staff members the import will
create for the rows, each organisation with the ways the file writes it (folded into one), and
the user's corrections: split a way of writing off a wrong fold, or join two organisations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.importing import Preview, folds
from app.vntext import text_sort_key
from db.engine import read_session
from ui import labels

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard

VARIANT_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldsPanel(QWidget):
    changed = Signal()  # the preview was matched again after a split or a join

    def __init__(self, wizard: ImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.w = wizard
        self.setObjectName("folds_panel")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("folds_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [self.tr("Organisation to be created / written in the file as"), self.tr("Rows")]
        )
        self.tree.setColumnWidth(0, 560)
        self.tree.itemSelectionChanged.connect(self._selection)
        self.split_button = QPushButton(self.tr("S&plit off"), self)
        self.split_button.setObjectName("folds_split")
        self.split_button.setToolTip(
            self.tr("This way of writing names another organisation: create it on its own")
        )
        self.split_button.clicked.connect(self.split_selected)
        self.join_button = QPushButton(self.tr("&Join into…"), self)
        self.join_button.setObjectName("folds_join")
        self.join_button.setToolTip(self.tr("This is the same organisation as another one in the list"))
        self.join_button.clicked.connect(lambda: self.join_selected())  # noqa: PLW0108 (not the bool)
        self.reset_button = QPushButton(self.tr("&Reset"), self)
        self.reset_button.setObjectName("folds_reset")
        self.reset_button.clicked.connect(self.reset)
        self.staff = QLabel(self)
        self.staff.setObjectName("folds_staff")
        self.staff.setWordWrap(True)
        self.staff.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for b in (self.split_button, self.join_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.staff)
        self._folds: list[folds.Fold] = []
        self._selection()

    def count(self) -> int:
        return len(self._folds) + len(self._staff_names())

    def _staff_names(self) -> list[str]:
        preview = self.w.preview
        ctx = preview.context if preview is not None else None
        if ctx is None:
            return []
        names = [n for k, n in ctx.staff.pending.items() if k not in ctx.earlier_staff]
        return sorted(names, key=text_sort_key)  # Vietnamese dictionary order, as the lists

    def show_preview(self, preview: Preview | None) -> None:
        self.tree.clear()
        self._folds = folds.folds(preview) if preview is not None else []
        folded = sum(1 for f in self._folds if f.folded)
        self.intro.setText(
            self.tr(
                "%1 organisations will be created for the rows. Written in more than one way, folded into one: %2."
            )
            .replace("%1", labels.number(len(self._folds)))
            .replace("%2", labels.number(folded))
        )
        for f in self._folds:
            top = QTreeWidgetItem([f.label, str(f.rows)])
            top.setData(0, VARIANT_ROLE, f.label)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for variant in f.variants if f.folded else ():  # one way of writing: nothing to unfold
                child = QTreeWidgetItem([variant, ""])
                child.setData(0, VARIANT_ROLE, variant)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(f.folded)
        staff = self._staff_names()
        self.staff.setText(
            self.tr("Staff members created: %1").replace("%1", "; ".join(staff)) if staff else ""
        )
        self.staff.setVisible(bool(staff))
        self._selection()

    def _selected(self) -> QTreeWidgetItem | None:
        items = self.tree.selectedItems()
        return items[0] if items else None

    def _selection(self) -> None:
        item = self._selected()
        idle = not self.w.busy()
        parent = item.parent() if item is not None else None
        self.split_button.setEnabled(idle and parent is not None and parent.childCount() > 1)
        self.join_button.setEnabled(idle and item is not None and len(self._folds) > 1)
        self.reset_button.setEnabled(
            idle and self.w.preview is not None and self.w.preview.org_choices is not None
        )

    # --- corrections (matched again off the UI thread) ---------------------------------------------

    def _run(self, fn: Callable[[object], None]) -> None:
        preview, engine = self.w.preview, self.w.ctx.engine
        if preview is None or self.w.busy():
            return

        def work(_task: object) -> Preview:
            with read_session(engine) as session:
                fn(session)
            return preview

        self.w.run_task(work, on_done=self._done, on_error=lambda exc: None)

    def _done(self, preview: Preview) -> None:
        self.show_preview(preview)
        self.changed.emit()

    def split_selected(self) -> None:
        item = self._selected()
        if item is None or item.parent() is None:
            return
        variant = str(item.data(0, VARIANT_ROLE))
        preview = self.w.preview
        assert preview is not None
        self._run(lambda s: folds.split(s, preview, variant))  # type: ignore[arg-type]

    def join_selected(self, into: str | None = None) -> None:
        item = self._selected()
        if item is None:
            return
        top = item.parent() or item
        source = str(item.data(0, VARIANT_ROLE))
        others = [f.label for f in self._folds if f.label != top.text(0)]
        if into is None:
            into, ok = QInputDialog.getItem(
                self, self.tr("Join into"), self.tr("The same organisation as:"), others, 0, False
            )
            if not ok:
                return
        preview = self.w.preview
        assert preview is not None
        target = into
        self._run(lambda s: folds.join(s, preview, source, target))  # type: ignore[arg-type]

    def reset(self) -> None:
        preview = self.w.preview
        if preview is not None:
            self._run(lambda s: folds.reset(s, preview))  # type: ignore[arg-type]
