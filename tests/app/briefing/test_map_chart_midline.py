"""The briefs' stakeholder map divides its quadrants where the window does, by the rule that a
rating of 3 or more is high (app.stakeholder_map): between 2 and 3, so that an organisation rated
3 sits inside "Manage closely", not on the line (reviewer h86: the digest drew the line at 3)."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Line

from app.briefing.charts import stakeholder_map
from app.briefing.data import StakeholderPoint
from app.briefing.labels import labels
from app.stakeholder_map import MANAGE_CLOSELY, MONITOR, quadrant


def test_a_rating_of_three_is_on_the_high_side_of_the_dividing_lines() -> None:
    assert quadrant(3, 3) == MANAGE_CLOSELY and quadrant(2, 2) == MONITOR
    points = [
        StakeholderPoint(1, "MOST", influence=3, interest=3, meetings_in_period=1),
        StakeholderPoint(2, "VIN", influence=2, interest=2),
    ]
    d = stakeholder_map(points, labels("en"), 400, 300)
    dashed = [s for s in d.contents if isinstance(s, Line) and s.strokeDashArray]
    vertical = next(s for s in dashed if s.x1 == s.x2)
    horizontal = next(s for s in dashed if s.y1 == s.y2)
    circles = [c for c in d.contents if isinstance(c, Circle) and c.r >= 3.0 and c.cy > 20]
    most = max(circles, key=lambda c: c.cx)
    vin = min(circles, key=lambda c: c.cx)
    assert most.cx - most.r > vertical.x1 and most.cy - most.r > horizontal.y1
    assert vin.cx + vin.r < vertical.x1 and vin.cy + vin.r < horizontal.y1
