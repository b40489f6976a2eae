"""The stakeholder map: influence × interest with Mendelow's four quadrants.

:class:`MapCanvas` paints the grid and the dots itself (a few hundred dots at most: a plain
widget is simpler than a graphics scene and easy to drive from tests). Interest runs left to
right, influence bottom to top, 1–5 each; ratings of 3 or more are "high". Each dot is sized by
the meetings of the last twelve months and coloured by sector. Hover shows the name, a click
opens the record, a drag re-rates it (snapped to the grid) through ``app.stakeholder_map.rate``
on the write lane, undoable from Edit → Undo.

:class:`MapView` adds the switches (organisations / contacts, sector, tag) and the legend.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app import lists
from app import stakeholder_map as sm
from app.errors import ConflictError
from db.engine import read_session
from ui import labels
from ui.context import AppContext
from ui.tasks import Task

GRID = 5
# Distinct hues that read on light and dark backgrounds; "" (no sector) is grey.
COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#86bcb6",
    "#d37295",
    "#a0cbe8",
)
NO_SECTOR = "#9a9a9a"


def tr(text: str) -> str:
    return QCoreApplication.translate("StakeholderMap", text)


def quadrant_name(key: str) -> str:
    return {
        sm.MANAGE_CLOSELY: tr("Manage closely"),
        sm.KEEP_SATISFIED: tr("Keep satisfied"),
        sm.KEEP_INFORMED: tr("Keep informed"),
        sm.MONITOR: tr("Monitor"),
        sm.UNRATED: tr("Not rated yet"),
    }.get(key, key)


def sector_colours(points: list[sm.MapPoint]) -> dict[str, str]:
    names = sorted({p.sector for p in points if p.sector}, key=str.casefold)
    return {n: COLOURS[i % len(COLOURS)] for i, n in enumerate(names)}


class MapCanvas(QWidget):
    open_requested = Signal(str, int)
    rated = Signal(object, int, int)  # the MapPoint, new influence, new interest

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False, editable: bool = True):
        super().__init__(parent)
        self.setObjectName("map_canvas")
        self.compact, self.editable = compact, editable
        self.points: list[sm.MapPoint] = []
        self.colours: dict[str, str] = {}
        self._pos: dict[tuple[str, int], QPointF] = {}
        self._drag: sm.MapPoint | None = None
        self._press: QPointF | None = None
        self._drag_at: QPointF | None = None
        self._hover: sm.MapPoint | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(220, 180) if compact else QSize(320, 240))

    # --- data ------------------------------------------------------------------------------------

    def set_points(self, points: list[sm.MapPoint]) -> None:
        self.points = [p for p in points if p.influence is not None and p.interest is not None]
        self.colours = sector_colours(self.points)
        self._layout()
        self.update()

    def move_point(self, point: sm.MapPoint, influence: int, interest: int) -> None:
        """Show a re-rated point at once (the save follows on the write lane)."""
        moved = dataclasses.replace(
            point, influence=influence, interest=interest, quadrant=sm.quadrant(influence, interest)
        )
        self.points = [moved if (p.entity, p.id) == (point.entity, point.id) else p for p in self.points]
        self._layout()
        self.update()

    # --- geometry --------------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        left = 22 if self.compact else 46
        bottom = 18 if self.compact else 40
        return QRectF(left, 6, max(10, self.width() - left - 8), max(10, self.height() - bottom - 6))

    def cell_centre(self, influence: int, interest: int) -> QPointF:
        r = self.plot_rect()
        cw, ch = r.width() / GRID, r.height() / GRID
        return QPointF(r.left() + (interest - 0.5) * cw, r.top() + (GRID - influence + 0.5) * ch)

    def cell_at(self, pos: QPointF) -> tuple[int, int]:
        """(influence, interest) of the cell under ``pos``, clamped to the grid."""
        r = self.plot_rect()
        interest = int((pos.x() - r.left()) / (r.width() / GRID)) + 1
        influence = GRID - int((pos.y() - r.top()) / (r.height() / GRID))
        return min(GRID, max(1, influence)), min(GRID, max(1, interest))

    def radius(self, p: sm.MapPoint) -> float:
        r = self.plot_rect()
        cap = min(r.width(), r.height()) / GRID * 0.22
        base = 3.0 if self.compact else 5.0
        return min(cap, base + (1.6 if self.compact else 2.6) * math.sqrt(p.meetings_recent))

    def _layout(self) -> None:
        """Spread the dots that share a cell on a small sunflower spiral around its centre."""
        cells: dict[tuple[int, int], list[sm.MapPoint]] = {}
        for p in self.points:
            cells.setdefault((int(p.influence or 0), int(p.interest or 0)), []).append(p)
        r = self.plot_rect()
        spread = min(r.width(), r.height()) / GRID * 0.36
        self._pos = {}
        for (inf, intr), group in cells.items():
            centre = self.cell_centre(inf, intr)
            n = len(group)
            for k, p in enumerate(group):
                if n == 1:
                    self._pos[(p.entity, p.id)] = centre
                    continue
                dist = spread * math.sqrt((k + 0.5) / n)
                angle = k * 2.39996
                self._pos[(p.entity, p.id)] = QPointF(
                    centre.x() + dist * math.cos(angle), centre.y() + dist * math.sin(angle)
                )

    def position(self, p: sm.MapPoint) -> QPointF:
        return self._pos.get((p.entity, p.id), self.cell_centre(p.influence or 1, p.interest or 1))

    def point_at(self, pos: QPointF) -> sm.MapPoint | None:
        best, best_d = None, 1e9
        for p in self.points:
            c = self.position(p)
            d = math.hypot(c.x() - pos.x(), c.y() - pos.y())
            if d <= self.radius(p) + 3 and d < best_d:
                best, best_d = p, d
        return best

    def resizeEvent(self, event: Any) -> None:
        self._layout()
        super().resizeEvent(event)

    # --- painting --------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        r = self.plot_rect()
        text, base, mid = (
            pal.color(QPalette.ColorRole.Text),
            pal.color(QPalette.ColorRole.Base),
            pal.color(QPalette.ColorRole.Mid),
        )
        painter.fillRect(r, base)
        cw, ch = r.width() / GRID, r.height() / GRID
        split_x, split_y = r.left() + 2 * cw, r.top() + 3 * ch
        highlight = QColor(pal.color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(34)
        painter.fillRect(QRectF(split_x, r.top(), r.right() - split_x, split_y - r.top()), highlight)
        faint = QColor(mid)
        faint.setAlpha(70)
        painter.setPen(QPen(faint, 1))
        for i in range(1, GRID):
            painter.drawLine(QPointF(r.left() + i * cw, r.top()), QPointF(r.left() + i * cw, r.bottom()))
            painter.drawLine(QPointF(r.left(), r.top() + i * ch), QPointF(r.right(), r.top() + i * ch))
        painter.setPen(QPen(mid, 1.6))
        painter.drawLine(QPointF(split_x, r.top()), QPointF(split_x, r.bottom()))
        painter.drawLine(QPointF(r.left(), split_y), QPointF(r.right(), split_y))
        painter.drawRect(r)
        # quadrant names in their corners
        qfont = QFont(self.font())
        qfont.setBold(True)
        if self.compact:
            qfont.setPointSizeF(max(6.5, qfont.pointSizeF() * 0.8))
        painter.setFont(qfont)
        muted = QColor(text)
        muted.setAlpha(130)
        painter.setPen(muted)
        pad = 5
        corners = (
            (
                QRectF(split_x + pad, r.top() + pad, r.right() - split_x - 2 * pad, ch),
                sm.MANAGE_CLOSELY,
                True,
            ),
            (
                QRectF(r.left() + pad, r.top() + pad, split_x - r.left() - 2 * pad, ch),
                sm.KEEP_SATISFIED,
                False,
            ),
            (
                QRectF(split_x + pad, r.bottom() - ch - pad, r.right() - split_x - 2 * pad, ch),
                sm.KEEP_INFORMED,
                True,
            ),
            (
                QRectF(r.left() + pad, r.bottom() - ch - pad, split_x - r.left() - 2 * pad, ch),
                sm.MONITOR,
                False,
            ),
        )
        for rect, key, right in corners:
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            top = key in (sm.MANAGE_CLOSELY, sm.KEEP_SATISFIED)
            valign = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom
            painter.drawText(rect, align | valign, quadrant_name(key))
        # axes
        painter.setFont(self.font())
        painter.setPen(text)
        if not self.compact:
            small = QFont(self.font())
            small.setPointSizeF(small.pointSizeF() * 0.85)
            painter.setFont(small)
            for i in range(1, GRID + 1):
                painter.drawText(
                    QRectF(r.left() + (i - 1) * cw, r.bottom() + 2, cw, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    str(i),
                )
                painter.drawText(
                    QRectF(r.left() - 20, r.top() + (GRID - i) * ch, 16, ch),
                    Qt.AlignmentFlag.AlignCenter,
                    str(i),
                )
            painter.setFont(self.font())
        painter.drawText(
            QRectF(r.left(), r.bottom() + (1 if self.compact else 18), r.width(), 18),
            Qt.AlignmentFlag.AlignCenter,
            tr("Interest →"),
        )
        painter.save()
        painter.translate(r.left() - (20 if self.compact else 42), r.bottom())
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, r.height(), 18), Qt.AlignmentFlag.AlignCenter, tr("Influence →"))
        painter.restore()
        # dots, the most met drawn last (on top)
        outline = QColor(base)
        labelled = {(p.entity, p.id) for p in self.points[: 0 if self.compact else 24]}
        for p in sorted(self.points, key=lambda x: x.meetings_recent):
            c = self.position(p)
            if (
                self._drag is not None
                and (p.entity, p.id) == (self._drag.entity, self._drag.id)
                and self._drag_at
            ):
                c = self._drag_at
            rad = self.radius(p)
            colour = QColor(self.colours.get(p.sector, NO_SECTOR))
            if self._hover is not None and (p.entity, p.id) == (self._hover.entity, self._hover.id):
                rad += 2
            painter.setPen(QPen(outline, 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(c, rad, rad)
            if (p.entity, p.id) in labelled:
                painter.setPen(text)
                x = c.x() + rad + 3  # to the right, cut before the next column's dots and the edge
                next_dots = r.left() + (p.interest or 1) * cw + cw * 0.5 - 14
                room = int(min(next_dots - x, r.right() - x - 3))
                name = self.fontMetrics().elidedText(p.caption, Qt.TextElideMode.ElideRight, max(0, room))
                painter.drawText(QPointF(x, c.y() + 4), name)
        if not self.points:
            painter.setPen(muted)
            painter.drawText(
                r, Qt.AlignmentFlag.AlignCenter, tr("Nothing rated yet: set influence and interest")
            )
        painter.end()

    # --- mouse -----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._drag = self.point_at(event.position())
            self._drag_at = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag is not None and self._press is not None and self.editable:
            if self._drag_at is not None or (pos - self._press).manhattanLength() > 4:
                self._drag_at = pos
                self.update()
            return
        hover = self.point_at(pos)
        if hover != self._hover:
            self._hover = hover
            self.update()
        if hover is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip(hover), self)
        else:
            self.unsetCursor()
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point, dragged = self._drag, self._drag_at is not None
        self._drag, self._press, self._drag_at = None, None, None
        if point is not None and event.button() == Qt.MouseButton.LeftButton:
            if dragged:
                influence, interest = self.cell_at(event.position())
                if (influence, interest) != (point.influence, point.interest):
                    self.move_point(point, influence, interest)
                    self.rated.emit(point, influence, interest)
                else:
                    self.update()
            else:
                self.open_requested.emit(point.entity, point.id)
        super().mouseReleaseEvent(event)

    def tooltip(self, p: sm.MapPoint) -> str:
        recent = p.meetings_recent  # a plain name: lupdate misses a call whose count is an expression
        met = QCoreApplication.translate("StakeholderMap", "%n meeting(s) in 12 months", "", recent)
        parts = [
            p.label,
            tr("Influence %1 · interest %2").replace("%1", str(p.influence)).replace("%2", str(p.interest)),
            quadrant_name(p.quadrant),
            met,
        ]
        if p.sector:
            parts.insert(1, p.sector)
        return "\n".join(parts)


class MapView(QWidget):
    """The map with its switches and legend (a view of the main window)."""

    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, commands: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("view_map")
        self.ctx, self.commands = ctx, commands
        self._generation = 0
        self.level = QComboBox(self)
        self.level.setObjectName("map_level")
        self.level.addItem(labels.entity_name("organisation", plural=True), "organisation")
        self.level.addItem(labels.entity_name("contact", plural=True), "contact")
        self.sector = QComboBox(self)
        self.sector.setObjectName("map_sector")
        self.tag = QComboBox(self)
        self.tag.setObjectName("map_tag")
        self._fill_filters()
        for combo in (self.level, self.sector, self.tag):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("map_summary")
        self.summary.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 2)
        bar.addWidget(QLabel(tr("Show"), self))
        bar.addWidget(self.level)
        bar.addWidget(self.sector)
        bar.addWidget(self.tag)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self.canvas = MapCanvas(self)
        self.canvas.open_requested.connect(self.open_requested)
        self.canvas.rated.connect(self._rate)
        self.legend = QLabel(self)
        self.legend.setObjectName("map_legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        hint = QLabel(
            tr("Dot size: meetings in the last 12 months. Drag a dot to re-rate it; click to open."), self
        )
        hint.setEnabled(False)
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 6)
        lay.addLayout(bar)
        lay.addWidget(self.canvas, 1)
        for w in (self.legend, hint):
            w.setContentsMargins(10, 0, 10, 0)
            lay.addWidget(w)

    def _fill_filters(self) -> None:
        with self.ctx.read() as s:
            choices = lists.filter_choices(s)
        for combo, first, items in (
            (self.sector, tr("Every sector"), choices["sector"]),
            (self.tag, tr("Every tag"), choices["tag"]),
        ):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(first, None)
            for _i, name in items:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def refresh(self) -> None:
        engine, today = self.ctx.engine, self.ctx.today()
        level, sector, tag = self.level.currentData(), self.sector.currentData(), self.tag.currentData()
        self._generation += 1
        generation = self._generation

        def work(_task: Task) -> tuple[list[sm.MapPoint], int]:
            with read_session(engine) as s:
                pts = sm.stakeholder_points(
                    s,
                    level=level,
                    sectors=[sector] if sector else None,
                    tags=[tag] if tag else None,
                    include_unrated=True,
                    today=today,
                )
            return pts, sum(1 for p in pts if p.influence is None or p.interest is None)

        def done(result: tuple[list[sm.MapPoint], int]) -> None:
            if isValid(self) and generation == self._generation:
                self._show(*result)

        self.ctx.tasks.run(work, on_done=done, owner=self)

    def _show(self, points: list[sm.MapPoint], unrated: int) -> None:
        self.canvas.set_points(points)
        shown = len(self.canvas.points)
        text = tr("%1 shown").replace("%1", self.ctx.fmt_number(shown))
        if unrated:
            text += " · " + tr("%1 not rated yet").replace("%1", self.ctx.fmt_number(unrated))
        self.summary.setText(text)
        chips = [
            f"<span style='color:{c}; font-size:large'>●</span>&nbsp;{_html(name)}"
            for name, c in self.canvas.colours.items()
        ]
        if any(not p.sector for p in self.canvas.points):
            chips.append(f"<span style='color:{NO_SECTOR}; font-size:large'>●</span>&nbsp;{tr('No sector')}")
        self.legend.setText("&nbsp;&nbsp; ".join(chips))
        self.loaded.emit()

    def _rate(self, point: sm.MapPoint, influence: int, interest: int) -> None:
        actor = self.ctx.actor()
        message = (
            tr("Rated %1: influence %2, interest %3")
            .replace("%1", point.label)
            .replace("%2", str(influence))
            .replace("%3", str(interest))
        )

        def work(s: Any) -> str:
            return sm.rate(
                s, point.entity, point.id, influence, interest, point.version, actor=actor
            ).group_id

        def failed(exc: BaseException) -> None:
            self.refresh()
            if isinstance(exc, ConflictError):
                self.ctx.status_message.emit(
                    tr("Someone changed %1 meanwhile: the map is reloaded.").replace("%1", point.label)
                )
            else:
                self.commands.error(exc)

        self.commands.run_grouped(point.entity, work, message, [point.id], on_error=failed)


def _html(text: str) -> str:
    from html import escape

    return escape(text)
