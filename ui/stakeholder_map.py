"""The stakeholder map: influence × interest with Mendelow's four quadrants.

:class:`MapCanvas` paints the grid and the dots itself, with its own zoom and pan (a plain widget,
easy to drive from tests; at 2,000 organisations it lays out and labels in tens of milliseconds, see
docs/screenshots/take_map_100k.py, so a graphics scene's item index is not needed). Interest runs left to
right, influence bottom to top, 1–5 each; ratings of 3 or more are "high". Each dot is sized by
the meetings of the last twelve months and coloured by sector. Hover shows the name, a click
opens the record, a drag re-rates it (snapped to the grid) through ``app.stakeholder_map.rate``
on the write lane, undoable from Edit → Undo.

:class:`MapView` adds the switches (organisations / contacts, sector, tag) and the legend.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
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
from ui.dialogs.conflict import merged_said, saved_by
from ui.tasks import Task
from ui.team import is_reader

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


def importance(p: sm.MapPoint) -> tuple[int, int, int, str]:
    """Who gets the central places of a cell and a label first: the most met, then the most
    influential, then the most interested, then by name."""
    return (-p.meetings_recent, -(p.influence or 0), -(p.interest or 0), p.caption.casefold())


@dataclasses.dataclass(slots=True)
class Cluster:
    """The organisations of one cell that do not fit at this zoom, drawn as one bubble with a count."""

    influence: int
    interest: int
    centre: QPointF  # relative to the content's top-left corner
    radius: float
    members: list[sm.MapPoint]


Box = tuple[float, float, float, float]  # left, top, right, bottom


class _GridIndex:
    """Boxes bucketed by a square grid: a collision query looks at a few buckets, not at
    everything placed so far (placing n labels stays O(n log n), the sort included)."""

    def __init__(self, size: float = 48.0) -> None:
        self.size = size
        self.buckets: dict[tuple[int, int], list[tuple[Box, object]]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        s = self.size
        x0, x1 = math.floor(box[0] / s), math.floor(box[2] / s)
        y0, y1 = math.floor(box[1] / s), math.floor(box[3] / s)
        return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    def add(self, box: Box, owner: object = None) -> None:
        for key in self._keys(box):
            self.buckets.setdefault(key, []).append((box, owner))

    def hits(self, box: Box, ignore: object = None) -> bool:
        left, top, right, bottom = box
        for key in self._keys(box):
            for (l2, t2, r2, b2), owner in self.buckets.get(key, ()):
                if (
                    l2 < right
                    and left < r2
                    and t2 < bottom
                    and top < b2
                    and (owner is None or owner != ignore)
                ):
                    return True
        return False


MAX_ZOOM = 24.0
LABEL_WIDTH = 150  # a caption longer than this is cut with "…"
DENSE = 40.0  # a lattice step under this leaves no room for labels: the dots are packed instead
LANES = 3  # in a crowded cell, the points that get a lane kept clear for their label


class MapCanvas(QWidget):
    """The grid, the dots, the clusters and the labels, with zoom and pan.

    Each cell (one influence × interest pair) holds its organisations on a hexagonal lattice
    filled from the cell's centre outwards, the most important nearest the centre, so dots never
    overlap. When a cell holds more than its lattice has room for at the current zoom, the rest
    go into a cluster bubble with their count at the centre: hover lists them, a click zooms
    into the cell. Labels are placed greedily by importance wherever they touch no other label,
    dot, cluster or quadrant name, and are placed again at every zoom and pan. The quadrant names
    are painted last on a backing, in the visible corner of their quadrant.
    """

    open_requested = Signal(str, int)
    rated = Signal(object, int, int)  # the MapPoint, new influence, new interest
    zoomed = Signal(float)
    cluster_clicked = Signal(int, int)  # influence, interest: a cluster clicked on the small map

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False, editable: bool = True):
        super().__init__(parent)
        self.setObjectName("map_canvas")
        self.compact, self.editable = compact, editable
        self.points: list[sm.MapPoint] = []
        self.colours: dict[str, str] = {}
        self.zoom = 1.0
        self._offset = QPointF(0, 0)  # the content's top-left corner, from the plot's
        self._pos: dict[tuple[str, int], QPointF] = {}  # relative to the content's top-left
        self._rad: dict[tuple[str, int], float] = {}
        self._by_key: dict[tuple[str, int], sm.MapPoint] = {}
        self._lanes: dict[tuple[str, int], Box] = {}  # kept clear for these points' labels
        self.clusters: list[Cluster] = []
        self.labels: list[tuple[sm.MapPoint, QRectF, str]] = []
        self.quadrant_rects: dict[str, QRectF] = {}
        self._layout_key: tuple[float, float, int] | None = None
        self._generation = 0
        self._captions: dict[str, tuple[str, int]] = {}
        self._drag: sm.MapPoint | None = None
        self._press: QPointF | None = None
        self._drag_at: QPointF | None = None
        self._pan_from: tuple[QPointF, QPointF] | None = None
        self._hover: sm.MapPoint | None = None
        self.timings: dict[str, float] = {}
        self.setMouseTracking(True)
        if not compact:
            self.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(220, 180) if compact else QSize(320, 240))
        # What the plot says when it has no dot: "Loading…" until the first points arrive (no
        # claim that nothing is rated before the database has answered), then, if none, how to
        # rate. A label: wrapped inside the plot, centred, on a backing the grid lines do not
        # cross (and read by a screen reader).
        self.loaded = False
        self.filtered = False  # a sector or tag filter chose the points (set by the map view)
        self.notice = QLabel(self)
        self.notice.setObjectName("map_notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setContentsMargins(10, 6, 10, 6)
        self.notice.setAutoFillBackground(True)
        self.notice.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._colour_notice()
        self._update_notice()

    # --- data ------------------------------------------------------------------------------------

    def set_points(self, points: list[sm.MapPoint]) -> None:
        self.points = [p for p in points if p.influence is not None and p.interest is not None]
        self.colours = sector_colours(self.points)
        self.loaded = True
        self._generation += 1
        self._relayout()
        self._update_notice()

    def notice_text(self) -> str:
        """What the plot says instead of dots ("" when it has dots)."""
        if not self.loaded:
            return tr("Loading…")
        if self.points:
            return ""
        if self.filtered:  # others may be rated: the filter hid them
            return tr("Nothing rated matches the sector or tag chosen")
        return tr("Nothing rated yet: set influence and interest")

    def _update_notice(self) -> None:
        text = self.notice_text()
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        if not text:
            return
        r = self.plot_rect().adjusted(8, 8, -8, -8)
        margins = self.notice.contentsMargins()
        one_line = self.notice.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 4
        width = max(40, min(one_line, int(r.width())))
        height = min(self.notice.heightForWidth(width), max(20, int(r.height())))
        self.notice.setGeometry(
            int(r.center().x() - width / 2), int(r.center().y() - height / 2), width, height
        )

    def _colour_notice(self) -> None:
        pal = self.palette()
        backing = QColor(pal.color(QPalette.ColorRole.Base))
        backing.setAlpha(235)
        muted = QColor(pal.color(QPalette.ColorRole.Text))
        muted.setAlpha(170)
        own = self.notice.palette()
        own.setColor(QPalette.ColorRole.Window, backing)
        own.setColor(QPalette.ColorRole.WindowText, muted)
        self.notice.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not hasattr(self, "notice"):
            return  # still being built
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_notice()  # a dark theme chosen meanwhile
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._update_notice()

    def move_point(self, point: sm.MapPoint, influence: int, interest: int) -> None:
        """Show a re-rated point at once (the save follows on the write lane)."""
        moved = dataclasses.replace(
            point, influence=influence, interest=interest, quadrant=sm.quadrant(influence, interest)
        )
        self.points = [moved if (p.entity, p.id) == (point.entity, point.id) else p for p in self.points]
        self._generation += 1
        self._relayout()

    # --- geometry --------------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        left = 22 if self.compact else 46
        bottom = 18 if self.compact else 40
        return QRectF(left, 6, max(10, self.width() - left - 8), max(10, self.height() - bottom - 6))

    def content_rect(self) -> QRectF:
        """The whole 5 × 5 grid at the current zoom and pan (larger than the plot when zoomed)."""
        r = self.plot_rect()
        return QRectF(
            r.left() + self._offset.x(),
            r.top() + self._offset.y(),
            r.width() * self.zoom,
            r.height() * self.zoom,
        )

    def cell_centre(self, influence: int, interest: int) -> QPointF:
        c = self.content_rect()
        cw, ch = c.width() / GRID, c.height() / GRID
        return QPointF(c.left() + (interest - 0.5) * cw, c.top() + (GRID - influence + 0.5) * ch)

    def cell_rect(self, influence: int, interest: int) -> QRectF:
        c = self.content_rect()
        cw, ch = c.width() / GRID, c.height() / GRID
        return QRectF(c.left() + (interest - 1) * cw, c.top() + (GRID - influence) * ch, cw, ch)

    def cell_at(self, pos: QPointF) -> tuple[int, int]:
        """(influence, interest) of the cell under ``pos``, clamped to the grid."""
        c = self.content_rect()
        interest = math.floor((pos.x() - c.left()) / (c.width() / GRID)) + 1
        influence = GRID - math.floor((pos.y() - c.top()) / (c.height() / GRID))
        return min(GRID, max(1, influence)), min(GRID, max(1, interest))

    def radius(self, p: sm.MapPoint) -> float:
        """The dot's radius as drawn: by recent meetings, smaller in a crowded cell."""
        got = self._rad.get((p.entity, p.id))
        return got if got is not None else self._natural_radius(p)

    def _natural_radius(self, p: sm.MapPoint, cap: float | None = None) -> float:
        if cap is None:
            r = self.plot_rect()
            cap = min(r.width(), r.height()) / GRID * 0.22
        base = 3.0 if self.compact else 5.0
        return min(cap, base + (1.6 if self.compact else 2.6) * math.sqrt(p.meetings_recent))

    def position(self, p: sm.MapPoint) -> QPointF:
        """Where the dot is drawn (widget coordinates); a clustered point: its cluster's centre."""
        rel = self._pos.get((p.entity, p.id))
        c = self.content_rect()
        if rel is None:
            return self.cell_centre(p.influence or 1, p.interest or 1)
        return QPointF(c.left() + rel.x(), c.top() + rel.y())

    def is_clustered(self, p: sm.MapPoint) -> bool:
        return (p.entity, p.id) not in self._rad

    def shown_points(self) -> list[sm.MapPoint]:
        """The points drawn as their own dot (the rest are counted in :attr:`clusters`)."""
        return [p for p in self.points if (p.entity, p.id) in self._rad]

    def cluster_centre(self, cluster: Cluster) -> QPointF:
        c = self.content_rect()
        return QPointF(c.left() + cluster.centre.x(), c.top() + cluster.centre.y())

    def point_at(self, pos: QPointF) -> sm.MapPoint | None:
        if not self.plot_rect().contains(pos):
            return None
        best, best_d = None, 1e9
        c = self.content_rect()
        x, y = pos.x() - c.left(), pos.y() - c.top()
        for key, rel in self._pos.items():
            rad = self._rad.get(key)
            if rad is None:
                continue
            d = math.hypot(rel.x() - x, rel.y() - y)
            if d <= rad + 3 and d < best_d:
                best, best_d = key, d
        return None if best is None else self._by_key.get(best)

    def cluster_at(self, pos: QPointF) -> Cluster | None:
        if not self.plot_rect().contains(pos):
            return None
        for cl in self.clusters:
            centre = self.cluster_centre(cl)
            if math.hypot(centre.x() - pos.x(), centre.y() - pos.y()) <= cl.radius + 2:
                return cl
        return None

    # --- zoom and pan ----------------------------------------------------------------------------

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom`` (1 = the whole grid), keeping the point under ``anchor`` in place."""
        zoom = min(MAX_ZOOM, max(1.0, zoom))
        r = self.plot_rect()
        anchor = anchor if anchor is not None else r.center()
        c = self.content_rect()
        fx = (anchor.x() - c.left()) / c.width()
        fy = (anchor.y() - c.top()) / c.height()
        self.zoom = zoom
        self._offset = QPointF(
            anchor.x() - r.left() - fx * r.width() * zoom, anchor.y() - r.top() - fy * r.height() * zoom
        )
        self._clamp()
        self._relayout()
        self.zoomed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * 1.5)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / 1.5)

    def fit(self) -> None:
        self.zoom, self._offset = 1.0, QPointF(0, 0)
        self._relayout()
        self.zoomed.emit(self.zoom)

    def zoom_to_cell(self, influence: int, interest: int) -> None:
        """Zoom so that one cell fills the view (a click on a cluster)."""
        r = self.plot_rect()
        zoom = min(MAX_ZOOM, float(GRID))
        self.zoom = zoom
        cw, ch = r.width() * zoom / GRID, r.height() * zoom / GRID
        cx, cy = (interest - 0.5) * cw, (GRID - influence + 0.5) * ch
        self._offset = QPointF(r.width() / 2 - cx, r.height() / 2 - cy)
        self._clamp()
        self._relayout()
        self.zoomed.emit(self.zoom)

    def pan_by(self, dx: float, dy: float) -> None:
        self._offset = QPointF(self._offset.x() + dx, self._offset.y() + dy)
        self._clamp()
        self._relayout()

    def _clamp(self) -> None:
        r = self.plot_rect()
        w, h = r.width() * self.zoom, r.height() * self.zoom
        self._offset = QPointF(
            min(0.0, max(r.width() - w, self._offset.x())), min(0.0, max(r.height() - h, self._offset.y()))
        )

    # --- layout ----------------------------------------------------------------------------------

    def _relayout(self) -> None:
        r = self.plot_rect()
        key = (round(r.width() * self.zoom, 2), round(r.height() * self.zoom, 2), self._generation)
        t0 = time.perf_counter()
        if key != self._layout_key:
            self._layout()
            self._layout_key = key
        t1 = time.perf_counter()
        self._place_labels()
        t2 = time.perf_counter()
        self.timings = {"layout": t1 - t0, "labels": t2 - t1}
        self.update()

    def _layout(self) -> None:
        """Each cell's points on a staggered lattice inside the cell, what does not fit in the
        cell's cluster. The lattice is as roomy as the cell allows (wide enough for a label beside
        each dot when zoomed in, 13 px at the tightest); the most important points take the ends
        of the rows, where a label has room, the others fill from the centre outwards."""
        cells: dict[tuple[int, int], list[sm.MapPoint]] = {}
        for p in self.points:
            cells.setdefault((int(p.influence or 0), int(p.interest or 0)), []).append(p)
        r = self.plot_rect()
        cw, ch = r.width() * self.zoom / GRID, r.height() * self.zoom / GRID
        tight = 9.0 if self.compact else 13.0
        line = self.fontMetrics().height() + 3.0
        cap = min(r.width(), r.height()) / GRID * 0.22
        self._by_key = {(p.entity, p.id): p for p in self.points}
        # with the whole grid in view the quadrant names stay put: no dot goes under them
        reserved: list[Box] = []
        if self.zoom == 1.0:
            self._offset = QPointF(0, 0)
            self._place_quadrant_names()
            reserved = [
                (
                    q.left() - r.left() - 2,
                    q.top() - r.top() - 2,
                    q.right() - r.left() + 2,
                    q.bottom() - r.top() + 2,
                )
                for q in self.quadrant_rects.values()
            ]
        self._pos, self._rad, self.clusters, self._lanes = {}, {}, [], {}
        for (inf, intr), group in cells.items():
            group.sort(key=importance)
            n = len(group)
            cx, cy = (intr - 0.5) * cw, (GRID - inf + 0.5) * ch
            natural = [self._natural_radius(p, cap) for p in group]
            widest = 2 * max(natural) + 3
            room = cw * ch * 0.8 / n  # the area each point may take
            py = min(max(tight, widest, line), max(tight, math.sqrt(room / 5)))
            px = min(max(py, widest + 6 + LABEL_WIDTH), max(py, room / py))
            crowded = px < DENSE and not self.compact
            if crowded:  # few labels would fit between the dots: pack them, keep lanes for labels
                px, py = tight, tight * 0.87  # hexagonal: the next row's dots are a step away too
            blocked = [(b[0] - cx, b[1] - cy, b[2] - cx, b[3] - cy) for b in reserved]
            # packed cells keep a row free between them for labels
            inner = ch - line - 4 if crowded else ch
            slots = _lattice(n, px, py, cw, inner, blocked)
            if len(slots) < n:
                px, py = tight, tight * 0.87
                slots = _lattice(n, px, py, cw, ch - line - 4 if not self.compact else ch, blocked)
            most = min(px, math.hypot(px / 2, py), 2 * py) / 2 - 1  # half the nearest neighbour's distance
            lanes: dict[int, tuple[float, float, Box]] = {}
            if len(slots) >= n and crowded:
                # too tight for a label beside each dot: keep a lane clear for the first few
                pool = _lattice(2 * n + 40, px, py, cw, ch, blocked)
                lanes, slots = self._label_lanes(group, n, pool, most, line, cw, ch, blocked)
            if len(slots) + len(lanes) >= n:
                shown, rest, bubble = group, [], 0.0
            else:
                bubble = self._bubble_radius(n)  # room for the widest count it can show
                slots = [s for s in slots if math.hypot(*s) >= bubble + tight / 2]
                shown, rest = group[: len(slots)], group[len(slots) :]
            others = iter(_rims_first(slots[: len(shown) - len(lanes)]))
            for i, (p, rad) in enumerate(zip(shown, natural, strict=False)):
                if i in lanes:
                    sx, sy, (b0, b1, b2, b3) = lanes[i]
                    self._lanes[(p.entity, p.id)] = (cx + b0, cy + b1, cx + b2, cy + b3)
                else:
                    sx, sy = next(others)
                self._pos[(p.entity, p.id)] = QPointF(cx + sx, cy + sy)
                self._rad[(p.entity, p.id)] = min(rad, most)
            if rest:
                for p in rest:
                    self._pos[(p.entity, p.id)] = QPointF(cx, cy)
                self.clusters.append(Cluster(inf, intr, QPointF(cx, cy), bubble, rest))

    def _label_lanes(
        self,
        group: list[sm.MapPoint],
        n: int,
        pool: list[tuple[float, float]],
        most: float,
        line: float,
        cw: float,
        ch: float,
        blocked: Sequence[Box],
    ) -> tuple[dict[int, tuple[float, float, Box]], list[tuple[float, float]]]:
        """Places for the cell's first LANES points with room for the label beside them (no
        other dot there), as long as the cell keeps room for all its points; the rest of the pool."""
        lanes: dict[int, tuple[float, float, Box]] = {}
        taken: list[Box] = list(blocked)
        half_w, half_h = cw / 2 - 2, ch / 2 - 2
        for i, p in enumerate(group[:LANES]):
            width = self._caption(p)[1]
            rad = min(self._natural_radius(p), most)
            found = None
            for sx, sy in pool:
                for right in (i % 2 == 0, i % 2 == 1):
                    left = sx + rad + 3 if right else sx - rad - 3 - width
                    box = (
                        min(left, sx - rad) - 2,
                        sy - line / 2,
                        max(left + width, sx + rad) + 2,
                        sy + line / 2,
                    )
                    if box[0] < -half_w or box[2] > half_w or box[1] < -half_h or box[3] > half_h:
                        continue
                    if any(
                        b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in taken
                    ):
                        continue
                    found = (sx, sy), box
                    break
                if found:
                    break
            if found is None:
                continue
            (sx, sy), box = found
            gap = most + 1
            rest = [
                t
                for t in pool
                if t != (sx, sy)
                and not (box[0] - gap < t[0] < box[2] + gap and box[1] - gap < t[1] < box[3] + gap)
            ]
            if len(rest) + len(lanes) + 1 < n:
                break
            lanes[i] = (sx, sy, box)
            taken.append(box)
            pool = rest
        return lanes, pool

    def _bubble_radius(self, count: int) -> float:
        text = self.fontMetrics().horizontalAdvance(f"+{count}")
        return max(9.0 if self.compact else 13.0, text / 2 + 5)

    def _caption(self, p: sm.MapPoint) -> tuple[str, int]:
        got = self._captions.get(p.caption)
        if got is None:
            fm = self.fontMetrics()
            text = fm.elidedText(p.caption, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
            got = (text, fm.horizontalAdvance(text))
            self._captions[p.caption] = got
        return got

    def _quadrant_font(self) -> QFont:
        qfont = QFont(self.font())
        qfont.setBold(True)
        if self.compact:
            qfont.setPointSizeF(max(6.5, qfont.pointSizeF() * 0.8))
        return qfont

    def _place_quadrant_names(self) -> None:
        """Each quadrant's name in the outer corner of the part of it that is in view."""
        r, c = self.plot_rect(), self.content_rect()
        cw, ch = c.width() / GRID, c.height() / GRID
        split_x, split_y = c.left() + 2 * cw, c.top() + 3 * ch
        fm = QFontMetricsF(self._quadrant_font())
        pad = 5.0
        self.quadrant_rects = {}
        for key, area, right, top in (
            (sm.MANAGE_CLOSELY, QRectF(QPointF(split_x, c.top()), QPointF(c.right(), split_y)), True, True),
            (sm.KEEP_SATISFIED, QRectF(QPointF(c.left(), c.top()), QPointF(split_x, split_y)), False, True),
            (
                sm.KEEP_INFORMED,
                QRectF(QPointF(split_x, split_y), QPointF(c.right(), c.bottom())),
                True,
                False,
            ),
            (sm.MONITOR, QRectF(QPointF(c.left(), split_y), QPointF(split_x, c.bottom())), False, False),
        ):
            seen = area.intersected(r)
            name = quadrant_name(key)
            w, h = fm.horizontalAdvance(name) + 8, fm.height() + 2
            if seen.width() < w + 2 * pad or seen.height() < h + 2 * pad:
                continue
            x = seen.right() - pad - w if right else seen.left() + pad
            y = seen.top() + pad if top else seen.bottom() - pad - h
            self.quadrant_rects[key] = QRectF(x, y, w, h)

    def _place_labels(self) -> None:
        """Greedy: by importance, the first of four places beside the dot that stays in view and
        touches no quadrant name, dot, cluster or label placed before."""
        self._place_quadrant_names()
        self.labels = []
        if self.compact:
            return
        r, c = self.plot_rect(), self.content_rect()
        index = _GridIndex()
        for q in self.quadrant_rects.values():
            index.add((q.left(), q.top(), q.right(), q.bottom()))
        visible: list[tuple[sm.MapPoint, float, float, float]] = []
        keyed = self._by_key
        left, top, right, bottom = r.left() + 2, r.top() + 2, r.right() - 2, r.bottom() - 2
        ox, oy = c.left(), c.top()
        for key, rad in self._rad.items():
            rel = self._pos[key]
            x, y = ox + rel.x(), oy + rel.y()
            if not (r.left() <= x <= r.right() and r.top() <= y <= r.bottom()):
                continue
            index.add((x - rad, y - rad, x + rad, y + rad), key)
            visible.append((keyed[key], x, y, rad))
        for cl in self.clusters:
            x, y = ox + cl.centre.x(), oy + cl.centre.y()
            index.add((x - cl.radius, y - cl.radius, x + cl.radius, y + cl.radius))
        for key, (b0, b1, b2, b3) in self._lanes.items():  # only its owner's label goes there
            index.add((ox + b0, oy + b1, ox + b2, oy + b3), key)
        visible.sort(key=lambda v: importance(v[0]))
        height = float(self.fontMetrics().height())
        for p, x, y, rad in visible:
            text, width = self._caption(p)
            me = (p.entity, p.id)
            for lx, ly in (
                (x + rad + 3, y - height / 2),
                (x - rad - 3 - width, y - height / 2),
                (x - width / 2, y - rad - 1 - height),
                (x - width / 2, y + rad + 1),
            ):
                box = (lx - 2, ly, lx + width + 2, ly + height)  # a gap of 4 px between labels
                if (
                    lx >= left
                    and ly >= top
                    and box[2] <= right
                    and box[3] <= bottom
                    and not index.hits(box, me)
                ):
                    index.add(box)
                    self.labels.append((p, QRectF(lx, ly, width, height), text))
                    break

    def resizeEvent(self, event: Any) -> None:
        self._clamp()
        self._relayout()
        self._update_notice()
        super().resizeEvent(event)

    # --- painting --------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        r, c = self.plot_rect(), self.content_rect()
        text, base, mid = (
            pal.color(QPalette.ColorRole.Text),
            pal.color(QPalette.ColorRole.Base),
            pal.color(QPalette.ColorRole.Mid),
        )
        painter.fillRect(r, base)
        cw, ch = c.width() / GRID, c.height() / GRID
        split_x, split_y = c.left() + 2 * cw, c.top() + 3 * ch
        painter.save()
        painter.setClipRect(r)
        highlight = QColor(pal.color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(34)
        painter.fillRect(QRectF(split_x, c.top(), c.right() - split_x, split_y - c.top()), highlight)
        faint = QColor(mid)
        faint.setAlpha(70)
        painter.setPen(QPen(faint, 1))
        for i in range(1, GRID):
            painter.drawLine(QPointF(c.left() + i * cw, c.top()), QPointF(c.left() + i * cw, c.bottom()))
            painter.drawLine(QPointF(c.left(), c.top() + i * ch), QPointF(c.right(), c.top() + i * ch))
        painter.setPen(QPen(mid, 1.6))
        painter.drawLine(QPointF(split_x, c.top()), QPointF(split_x, c.bottom()))
        painter.drawLine(QPointF(c.left(), split_y), QPointF(c.right(), split_y))
        # dots, the most met drawn last (on top)
        outline = QColor(base)
        dragged = self._drag if self._drag_at is not None else None
        for p in sorted(self.shown_points(), key=lambda x: x.meetings_recent):
            if dragged is not None and (p.entity, p.id) == (dragged.entity, dragged.id):
                continue
            at = self.position(p)
            rad = self.radius(p)
            if not r.adjusted(-rad, -rad, rad, rad).contains(at):
                continue
            if self._hover is not None and (p.entity, p.id) == (self._hover.entity, self._hover.id):
                rad += 2
            painter.setPen(QPen(outline, 1.2))
            painter.setBrush(QColor(self.colours.get(p.sector, NO_SECTOR)))
            painter.drawEllipse(at, rad, rad)
        self._paint_clusters(painter, text, base)
        # labels where they fit
        painter.setFont(self.font())
        painter.setPen(text)
        ascent = self.fontMetrics().ascent()
        for _p, rect, caption in self.labels:
            painter.drawText(QPointF(rect.left(), rect.top() + ascent), caption)
        if dragged is not None and self._drag_at is not None:
            rad = self._natural_radius(dragged)
            painter.setPen(QPen(outline, 1.5))
            painter.setBrush(QColor(self.colours.get(dragged.sector, NO_SECTOR)))
            painter.drawEllipse(self._drag_at, rad + 2, rad + 2)
        painter.restore()
        painter.setPen(QPen(mid, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        # quadrant names last, on a backing: nothing covers them
        painter.setFont(self._quadrant_font())
        backing = QColor(base)
        backing.setAlpha(225)
        muted = QColor(text)
        muted.setAlpha(150)
        for key, rect in self.quadrant_rects.items():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backing)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, quadrant_name(key))
        self._paint_axes(painter, r, c, text)
        painter.end()  # no dot: self.notice says why

    def _paint_clusters(self, painter: QPainter, text: QColor, base: QColor) -> None:
        # clusters: a bubble with the count of what does not fit
        count_font = QFont(self.font())
        count_font.setBold(True)
        if self.compact:
            count_font.setPointSizeF(max(6.5, count_font.pointSizeF() * 0.8))
        painter.setFont(count_font)
        for cl in self.clusters:
            at = self.cluster_centre(cl)
            painter.setPen(QPen(text, 1.2))
            painter.setBrush(base)
            painter.drawEllipse(at, cl.radius, cl.radius)
            painter.drawText(
                QRectF(at.x() - cl.radius, at.y() - cl.radius, 2 * cl.radius, 2 * cl.radius),
                Qt.AlignmentFlag.AlignCenter,
                f"+{len(cl.members)}",
            )

    def _paint_axes(self, painter: QPainter, r: QRectF, c: QRectF, text: QColor) -> None:
        cw, ch = c.width() / GRID, c.height() / GRID
        # axes: the numbers of the columns and rows in view
        painter.setFont(self.font())
        painter.setPen(text)
        if not self.compact:
            small = QFont(self.font())
            small.setPointSizeF(small.pointSizeF() * 0.85)
            painter.setFont(small)
            for i in range(1, GRID + 1):
                x = c.left() + (i - 0.5) * cw
                if r.left() <= x <= r.right():
                    painter.drawText(
                        QRectF(x - 20, r.bottom() + 2, 40, 16), Qt.AlignmentFlag.AlignCenter, str(i)
                    )
                y = c.top() + (GRID - i + 0.5) * ch
                if r.top() <= y <= r.bottom():
                    painter.drawText(
                        QRectF(r.left() - 20, y - 8, 16, 16), Qt.AlignmentFlag.AlignCenter, str(i)
                    )
            painter.setFont(self.font())
        axis = tr("Interest →")
        if self.zoom > 1.001 and not self.compact:
            axis += "   " + tr("zoom %1×").replace("%1", f"{self.zoom:.1f}")
        painter.drawText(
            QRectF(r.left(), r.bottom() + (1 if self.compact else 18), r.width(), 18),
            Qt.AlignmentFlag.AlignCenter,
            axis,
        )
        painter.save()
        painter.translate(r.left() - (20 if self.compact else 42), r.bottom())
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, r.height(), 18), Qt.AlignmentFlag.AlignCenter, tr("Influence →"))
        painter.restore()

    # --- mouse and keys --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._drag = self.point_at(event.position())
            self._drag_at = None
            if self._drag is None and self.cluster_at(event.position()) is None and not self.compact:
                self._pan_from = (event.position(), QPointF(self._offset))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._pan_from is not None:
            start, offset = self._pan_from
            self._offset = offset + (pos - start)
            self._clamp()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self._relayout()
            return
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
            return
        cluster = self.cluster_at(pos)
        if cluster is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self.cluster_tooltip(cluster), self)
        else:
            self.unsetCursor()
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point, dragged = self._drag, self._drag_at is not None
        press, panned = self._press, self._pan_from is not None
        self._drag, self._press, self._drag_at, self._pan_from = None, None, None, None
        if panned:
            self.unsetCursor()
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
        elif event.button() == Qt.MouseButton.LeftButton and press is not None:
            moved = (event.position() - press).manhattanLength() > 4
            cluster = None if moved else self.cluster_at(event.position())
            if cluster is not None and self.compact:
                self.cluster_clicked.emit(cluster.influence, cluster.interest)
            elif cluster is not None:
                self.zoom_to_cell(cluster.influence, cluster.interest)
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.compact:
            super().wheelEvent(event)
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self.zoom * 1.25**steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.compact:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def tooltip(self, p: sm.MapPoint) -> str:
        recent = p.meetings_recent  # a plain name: lupdate misses a call whose count is an expression
        met = QCoreApplication.translate("StakeholderMap", "%Ln meeting(s) in 12 months", "", recent)
        parts = [
            p.label,
            tr("Influence %1 · interest %2").replace("%1", str(p.influence)).replace("%2", str(p.interest)),
            quadrant_name(p.quadrant),
            met,
        ]
        if p.sector:
            parts.insert(1, p.sector)
        return "\n".join(parts)

    def cluster_tooltip(self, cluster: Cluster) -> str:
        count = len(cluster.members)
        head = QCoreApplication.translate("StakeholderMap", "%Ln more here: click to zoom in", "", count)
        lines = [
            head,
            tr("Influence %1 · interest %2")
            .replace("%1", str(cluster.influence))
            .replace("%2", str(cluster.interest)),
        ]
        lines += [p.label for p in cluster.members[:12]]
        if count > 12:
            lines.append("…")
        return "\n".join(lines)


def _lattice(
    n: int,
    px: float,
    py: float,
    cw: float,
    ch: float,
    blocked: Sequence[Box] = (),
) -> list[tuple[float, float]]:
    """Up to ``n`` places ``px`` apart in rows ``py`` apart (odd rows shifted by half a step)
    inside a cell of cw × ch, relative to its centre, nearest the centre first (distance taken
    on an ellipse of the cell's shape), none touching a ``blocked`` box."""
    margin = max(px, py) / 2
    dot = min(px, py) / 2
    half_w, half_h = cw / 2 - min(px, py) / 2 - 4, ch / 2 - py / 2 - 4  # clear of the grid lines
    if half_w < 0 or half_h < 0:
        return []
    aspect = max(0.3, min(4.0, cw / ch))
    # only an ellipse with room for about n places is walked (the cell may be huge when zoomed)
    ry = math.sqrt(n * px * py / (math.pi * aspect)) * 1.3 + margin
    rx, ry = min(ry * aspect, half_w), min(ry, half_h)
    out: list[tuple[float, float, float]] = []
    rows = int(ry / py)
    cols = int(rx / px) + 1
    for j in range(-rows, rows + 1):
        y = j * py
        shift = px / 2 if j % 2 else 0.0
        for i in range(-cols, cols + 1):
            x = i * px + shift
            if abs(x) > rx:
                continue
            if blocked and any(
                b[0] < x + dot and x - dot < b[2] and b[1] < y + dot and y - dot < b[3] for b in blocked
            ):
                continue
            out.append(((x / max(rx, 1e-6)) ** 2 + (y / max(ry, 1e-6)) ** 2, x, y))
    out.sort()
    return [(x, y) for _d, x, y in out[:n]]


def _rims_first(slots: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The same places, the row ends first (right ends, then left ends, middle rows first):
    a label beside them is not hemmed in by the cell's other dots."""
    right: dict[float, tuple[float, float]] = {}
    left: dict[float, tuple[float, float]] = {}
    for x, y in slots:
        if y not in right or x > right[y][0]:
            right[y] = (x, y)
        if y not in left or x < left[y][0]:
            left[y] = (x, y)
    first = sorted(right.values(), key=lambda s: abs(s[1]))
    taken = set(first)
    first += [s for s in sorted(left.values(), key=lambda s: abs(s[1])) if s not in taken]
    taken = set(first)
    return first + [s for s in slots if s not in taken]


class MapView(QWidget):
    """The map with its switches and legend (a view of the main window)."""

    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, commands: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("view_map")
        self.ctx, self.commands = ctx, commands
        self._generation = 0
        self._pending_cell: tuple[int, int] | None = None
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
        self.canvas = MapCanvas(self, editable=not is_reader(ctx))  # a reader cannot re-rate by dragging
        self.canvas.open_requested.connect(self.open_requested)
        self.canvas.rated.connect(self._rate)
        self.zoom_buttons: dict[str, QToolButton] = {}
        for name, label, tip, slot in (
            ("map_zoom_out", "−", tr("Zoom out (−)"), self.canvas.zoom_out),
            ("map_zoom_in", "+", tr("Zoom in (+, or the mouse wheel)"), self.canvas.zoom_in),
            ("map_fit", tr("Fit"), tr("Show the whole grid (0)"), self.canvas.fit),
        ):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(label)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.zoom_buttons[name] = button
        self.legend = QLabel(self)
        self.legend.setObjectName("map_legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        if self.canvas.editable:
            words = tr(
                "Dot size: meetings in the last 12 months. Drag a dot to re-rate it; click to open."
                " Wheel or +/− zooms, dragging the background pans; a +N bubble holds what does not"
                " fit: click it to zoom in."
            )
        else:  # a reader, or a file opened read-only: dragging does not re-rate (reviewer)
            words = tr(
                "Dot size: meetings in the last 12 months. Click a dot to open it."
                " Wheel or +/− zooms, dragging the background pans; a +N bubble holds what does not"
                " fit: click it to zoom in."
            )
        hint = QLabel(words, self)
        hint.setObjectName("map_hint")
        hint.setEnabled(False)
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 6)
        lay.addLayout(bar)
        lay.addWidget(self.canvas, 1)
        for w in (self.legend, hint):
            w.setContentsMargins(10, 0, 10, 0)
            lay.addWidget(w)

    def _fill_filters(self, choices: dict[str, list[tuple[int, str]]] | None = None) -> bool:
        """Offer the sectors and tags there are (read now, or as :meth:`refresh` read them: a
        sector an import added is offered at once); whether a choice made went meanwhile."""
        if choices is None:
            with self.ctx.read() as s:
                choices = lists.filter_choices(s)
        moved = False
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
            moved = moved or combo.currentData() != current
        return moved

    def refresh(self) -> None:
        engine, today = self.ctx.engine, self.ctx.today()
        level, sector, tag = self.level.currentData(), self.sector.currentData(), self.tag.currentData()
        self._generation += 1
        generation = self._generation

        def work(_task: Task) -> tuple[list[sm.MapPoint], int, dict[str, list[tuple[int, str]]]]:
            with read_session(engine) as s:
                choices = lists.filter_choices(s)
                pts = sm.stakeholder_points(
                    s,
                    level=level,
                    sectors=[sector] if sector else None,
                    tags=[tag] if tag else None,
                    include_unrated=True,
                    today=today,
                )
            return pts, sum(1 for p in pts if p.influence is None or p.interest is None), choices

        def done(result: tuple[list[sm.MapPoint], int, dict[str, list[tuple[int, str]]]]) -> None:
            if isValid(self) and generation == self._generation:
                points, unrated, choices = result
                if self._fill_filters(choices):  # the sector or tag chosen is gone (an undo)
                    self.refresh()
                    return
                self._show(points, unrated)

        self.ctx.tasks.run(work, on_done=done, owner=self)

    def show_cell(self, influence: int, interest: int) -> None:
        """Zoom into one cell once the points are in (a cluster clicked on the dashboard)."""
        self._pending_cell = (influence, interest)

    def _show(self, points: list[sm.MapPoint], unrated: int) -> None:
        self.canvas.filtered = bool(self.sector.currentData() or self.tag.currentData())
        self.canvas.set_points(points)
        if self._pending_cell is not None:
            self.canvas.zoom_to_cell(*self._pending_cell)
            self._pending_cell = None
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

        rated: list[sm.Rated] = []

        def work(s: Any) -> str:
            shown = (point.influence, point.interest)  # a colleague's other changes are kept
            rated.append(
                sm.rate(
                    s, point.entity, point.id, influence, interest, point.version, actor=actor, shown=shown
                )
            )
            return rated[-1].group_id

        def done(_group: str) -> None:
            # A colleague's save meanwhile (a note, the other rating) was kept with the drag: said
            # after "Rated …", so that it stays, naming who, as the record form and Log meeting do.
            if rated and rated[-1].merged:
                self.ctx.status_message.emit(merged_said(self.ctx, point.label, rated[-1].saved))

        def failed(exc: BaseException) -> None:
            self.refresh()
            if isinstance(exc, ConflictError):  # who, as the conflict dialog names them
                who = saved_by(self.ctx, exc.saved)
                if who:
                    said = tr("%2 changed %1 meanwhile: the map is reloaded.").replace("%2", who)
                elif who == "":
                    said = tr(
                        "%1 was changed in another window or from the command line meanwhile: the map is reloaded."
                    )
                else:
                    said = tr("Someone changed %1 meanwhile: the map is reloaded.")
                self.ctx.status_message.emit(said.replace("%1", point.label))
            else:
                self.commands.error(exc)

        self.commands.run_grouped(point.entity, work, message, [point.id], on_done=done, on_error=failed)


def _html(text: str) -> str:
    from html import escape

    return escape(text)
