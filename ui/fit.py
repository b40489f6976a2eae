"""Widgets that keep the window usable on a laptop screen (1280×720, 1366×768).

``ElidedLabel`` shows a long value cut with "…" and the whole of it in the tooltip, and asks for
little width, so one long name cannot make the window wider than the screen; ``ElidedComboBox``
does the same for a combo box's chosen item (Qt cuts it mid-letter: "Trung tâm Đổi mới sáng tạo
Quố"). ``FlowLayout`` lays
filters out left to right and wraps them onto another row instead of cutting their text (Qt's
flow layout example, in Python).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)


class ElidedLabel(QLabel):
    """One line of plain text; cut with "…" when narrow, the full text then in the tooltip."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._mode = mode  # ElideMiddle for a path: its file's name stays
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        w = self.fontMetrics().horizontalAdvance(self._full) + m.left() + m.right() + 2
        return QSize(w, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(), 60), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(width, 0))
        if not self.isVisible() and width <= 0:
            shown = self._full
        QLabel.setText(self, shown)
        self.setToolTip(self._full if shown != self._full else "")


class ElidedComboBox(QComboBox):
    """A combo box whose chosen item, when it does not fit, ends in "…" (the list shows it
    whole, and so does the tooltip then; else the tooltip given to :meth:`set_tip`)."""

    tip = ""

    def set_tip(self, text: str) -> None:
        self.tip = text
        self.setToolTip(text)

    def shown_text(self) -> str:
        """The chosen item's text as painted now."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return self._elided(opt)

    def _elided(self, opt: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        width = field.width() - (opt.iconSize.width() + 4 if not opt.currentIcon.isNull() else 0)
        return self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, max(width, 0))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        full = opt.currentText
        opt.currentText = self._elided(opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
        tip = full if opt.currentText != full else self.tip
        if self.toolTip() != tip:
            self.setToolTip(tip)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._lay_out(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._lay_out(rect, apply=True)

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        w = sum(i.sizeHint().width() for i in self._items) + self._spacing * max(0, len(self._items) - 1)
        h = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _lay_out(self, rect: QRect, apply: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = (
                item.sizeHint().boundedTo(QSize(area.width(), 1 << 20))
                if area.width() > 0
                else item.sizeHint()
            )
            if rows[-1] and used + hint.width() > area.width():
                rows.append([])
                used = 0
            rows[-1].append((item, hint))
            used += hint.width() + self._spacing
        y = area.y()
        for n, row in enumerate(rows):
            if not row:
                continue
            height = max(h.height() for _i, h in row)
            if apply:
                spare = area.width() - sum(h.width() for _i, h in row) - self._spacing * (len(row) - 1)
                grow = [n for n, (i, _h) in enumerate(row) if _expands(i)]
                x = area.x()
                for k, (item, hint) in enumerate(row):
                    w = hint.width() + (spare // len(grow) if k in grow and spare > 0 else 0)
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height)))
                    x += w + self._spacing
            y += height + (self._spacing if n < len(rows) - 1 else 0)
        return y - rect.y() + m.bottom()


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and bool(
        widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ExpandFlag.value
    )


class HeaderTips(QObject):
    """Tooltips for a table header: the section's whole name when it is drawn cut short."""

    @classmethod
    def install(cls, header: QHeaderView) -> None:
        if header.property("ketnoi_header_tips"):
            return
        header.setProperty("ketnoi_header_tips", True)
        header.viewport().installEventFilter(cls(header))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        header = self.parent()
        if event.type() == QEvent.Type.ToolTip and isinstance(header, QHeaderView):
            assert isinstance(event, QHelpEvent)
            section = header.logicalIndexAt(event.pos())
            model = header.model()
            if section >= 0 and model is not None:
                text = str(model.headerData(section, header.orientation()) or "")
                if header.sectionSizeHint(section) > header.sectionSize(section):
                    QToolTip.showText(event.globalPos(), text, header)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return False
