"""Charts drawn with reportlab's own graphics: meetings per month, the stakeholder map."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.briefing.data import MonthCount, StakeholderPoint
from app.briefing.labels import Labels
from app.briefing.layout import FONT, FONT_BOLD, INK, MUTED, NAVY, RULE, register_fonts

BAR = colors.HexColor("#3B6A9E")
QUADRANT = {
    "manage": colors.HexColor("#E4ECF5"),
    "satisfied": colors.HexColor("#EEF2F7"),
    "informed": colors.HexColor("#F3F5F8"),
    "monitor": colors.HexColor("#F8F9FB"),
}


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if top / step <= 5:
            return step
    return max(1, math.ceil(top / 5))


def meetings_per_month(
    counts: Sequence[MonthCount], lab: Labels, width: float, height: float = 110
) -> Drawing:
    """Vertical bars, one per month, month labels under them, values above non-zero bars."""
    register_fonts()
    d = Drawing(width, height, initialFontName=FONT)
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 22
    chart.width, chart.height = width - 34, height - 34
    values = [c.count for c in counts] or [0]
    chart.data = [values]
    top = max(values)
    step = _nice_step(max(top, 1))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, math.ceil(max(top, 1) / step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8EF")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = "%d"
    chart.categoryAxis.categoryNames = [
        f"{lab.month_abbr[c.month.month - 1]}"
        + (
            ("/" if lab.lang == "vi" else " ") + f"{c.month.year % 100:02d}"
            if c.month.month == 1 or i == 0
            else ""
        )
        for i, c in enumerate(counts)
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 0
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barWidth = 6
    chart.groupSpacing = 5
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""
    chart.barLabels.fontName = FONT_BOLD
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 6
    d.add(chart)
    return d


class FlexChart(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A chart that takes the height left on the page, between ``min_height`` and
    ``max_height``; with less room than ``min_height`` it moves to the next page."""

    def __init__(self, make: Callable[[float], Drawing], *, min_height: float, max_height: float) -> None:
        super().__init__()
        self.make = make
        self.min_height = min_height
        self.max_height = max_height
        self.drawing: Drawing | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_height < self.min_height:
            return avail_width, avail_height + 1
        self.drawing = self.make(min(self.max_height, avail_height - 2))
        width, height = self.drawing.wrap(avail_width, avail_height)
        return float(width), float(height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        assert self.drawing is not None
        self.drawing.drawOn(self.canv, 0, 0)


ROW = 10.5  # vertical distance between organisations sharing one score pair
LABEL_SIZE = 6.8


def _fit_label(text: str, room: float) -> str:
    if stringWidth(text, FONT, LABEL_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", FONT, LABEL_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _cluster(n: int, cell_w: float, cell_h: float) -> tuple[list[tuple[float, float]], float, int]:
    """Where ``n`` organisations with the same scores go: a centred column, or two columns
    when one would not fit the cell. Returns offsets, the room for each label and how many
    did not fit (shown as "+N")."""
    rows = max(1, int(cell_h * 0.92 // ROW))
    if n <= rows:
        return [(0.0, ((n - 1) / 2 - i) * ROW) for i in range(n)], cell_w - 16, 0
    per = min(rows, math.ceil(n / 2))
    shown = min(n, 2 * per)
    offsets = []
    for i in range(shown):
        col, row = divmod(i, per)
        in_col = min(per, shown - col * per)
        offsets.append((-cell_w * 0.42 if col == 0 else cell_w * 0.04, ((in_col - 1) / 2 - row) * ROW))
    return offsets, cell_w * 0.38, n - shown


def stakeholder_map(
    points: Sequence[StakeholderPoint], lab: Labels, width: float, height: float = 300
) -> Drawing:
    """Influence (y) against interest (x), 1–5, with Mendelow's four quadrants named.

    Organisations met in the period are filled and sized by the number of meetings; the others
    are hollow. Organisations with the same scores are spread around their common point.
    """
    register_fonts()
    d = Drawing(width, height, initialFontName=FONT)
    left, bottom, right, top = 34.0, 44.0, width - 8, height - 8
    pw, ph = right - left, top - bottom

    def x_of(v: float) -> float:
        return left + (v - 0.5) / 5 * pw

    def y_of(v: float) -> float:
        return bottom + (v - 0.5) / 5 * ph

    mid_x, mid_y = x_of(2.5), y_of(2.5)  # (app.stakeholder_map: 3 or more is high; the window draws it so)
    quads = [
        (mid_x, mid_y, right, top, "manage", lab["q.manage"]),
        (left, mid_y, mid_x, top, "satisfied", lab["q.satisfied"]),
        (mid_x, bottom, right, mid_y, "informed", lab["q.informed"]),
        (left, bottom, mid_x, mid_y, "monitor", lab["q.monitor"]),
    ]
    for x0, y0, x1, y1, key, text in quads:
        d.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=QUADRANT[key], strokeColor=None))
        d.add(
            String(
                x1 - 5 if key in ("manage", "informed") else x0 + 5,
                y1 - 12 if key in ("manage", "satisfied") else y0 + 5,
                text.upper(),
                fontName=FONT_BOLD,
                fontSize=7.5,
                fillColor=colors.HexColor("#8795A8"),
                textAnchor="end" if key in ("manage", "informed") else "start",
            )
        )
    d.add(Rect(left, bottom, pw, ph, fillColor=None, strokeColor=RULE, strokeWidth=0.6))
    d.add(Line(mid_x, bottom, mid_x, top, strokeColor=RULE, strokeWidth=0.8, strokeDashArray=[3, 2]))
    d.add(Line(left, mid_y, right, mid_y, strokeColor=RULE, strokeWidth=0.8, strokeDashArray=[3, 2]))
    for v in range(1, 6):
        d.add(
            String(
                x_of(v), bottom - 10, str(v), fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="middle"
            )
        )
        d.add(
            String(
                left - 6, y_of(v) - 2.5, str(v), fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="end"
            )
        )
    d.add(
        String(
            (left + right) / 2,
            bottom - 24,
            lab["interest"] + " →",
            fontName=FONT_BOLD,
            fontSize=7.5,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    y_title = String(
        0, 0, lab["influence"] + " →", fontName=FONT_BOLD, fontSize=7.5, fillColor=INK, textAnchor="middle"
    )
    g = Group(y_title)
    g.transform = (0, 1, -1, 0, 10, (bottom + top) / 2)
    d.add(g)

    # legend, bottom right, under the plot
    lx = right - 4
    for filled, text in ((False, lab["not_met"]), (True, lab["met_in_period"])):
        label = String(lx, 3, text, fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="end")
        d.add(label)
        lx -= stringWidth(text, FONT, 7) + 9
        d.add(
            Circle(
                lx + 4,
                5.5,
                3.2,
                fillColor=NAVY if filled else colors.white,
                strokeColor=NAVY if filled else MUTED,
                strokeWidth=0.8,
            )
        )
        lx -= 12

    cells: dict[tuple[int, int], list[StakeholderPoint]] = {}
    for p in points:
        cells.setdefault((p.interest, p.influence), []).append(p)
    cell_w, cell_h = pw / 5, ph / 5
    for (interest, influence), group in cells.items():
        cx, cy = x_of(interest), y_of(influence)
        offsets, room, hidden = _cluster(len(group), cell_w, cell_h)
        for p, (dx, dy) in zip(group, offsets, strict=False):
            r = 3.0 + min(p.meetings_in_period, 5) * 0.5
            met = p.meetings_in_period > 0
            d.add(
                Circle(
                    cx + dx,
                    cy + dy,
                    r,
                    fillColor=NAVY if met else colors.white,
                    strokeColor=NAVY if met else MUTED,
                    strokeWidth=0.8,
                )
            )
            label = _fit_label(p.label, room - r)
            d.add(
                String(
                    cx + dx + r + 2, cy + dy - 2.4, label, fontName=FONT, fontSize=LABEL_SIZE, fillColor=INK
                )
            )
        if hidden:
            d.add(
                String(
                    cx,
                    cy - cell_h / 2 + 2,
                    f"+{hidden}",
                    fontName=FONT_BOLD,
                    fontSize=LABEL_SIZE,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    return d
