"""The stakeholder map: drawn from the database, dragged to re-rate (saved, undoable), clicked open."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle


def _ratings(engine: Any, org_id: int) -> tuple[int | None, int | None]:
    with read_session(engine) as s:
        org = records.get(s, "organisation", org_id)
    return org["influence"], org["interest"]


def _open_map(qtbot: Any, window: Any, ctx: Any) -> Any:
    view = window.map_view
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.nav.setCurrentRow(window.nav.count() - 1)
    wait_idle(qtbot, ctx)
    return view


def _point(view: Any, org_id: int) -> Any:
    return next(p for p in view.canvas.points if (p.entity, p.id) == ("organisation", org_id))


def test_dragging_a_dot_re_rates_the_organisation_and_undo_puts_it_back(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    view = _open_map(qtbot, window, ctx)
    canvas = view.canvas
    nic = _point(view, ids["nic"])
    assert (nic.influence, nic.interest, nic.quadrant) == (5, 4, "manage_closely")
    start = canvas.position(nic).toPoint()
    target = canvas.cell_centre(2, 1).toPoint() + QPoint(7, -5)  # near, not on, the centre: snapped
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 11):
        QTest.mouseMove(canvas, start + (target - start) * k / 10)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    qtbot.waitUntil(lambda: _ratings(engine, ids["nic"]) == (2, 1), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert _point(view, ids["nic"]).quadrant == "monitor"
    assert "Rated" in window.act_undo.text()
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: _ratings(engine, ids["nic"]) == (5, 4), timeout=10_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: _point(view, ids["nic"]).influence == 5, timeout=10_000)


def _drag(canvas: Any, point: Any, column: int, row: int) -> None:
    start = canvas.position(point).toPoint()
    target = canvas.cell_centre(column, row).toPoint()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 11):
        QTest.mouseMove(canvas, start + (target - start) * k / 10)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)


def test_a_drag_keeps_a_colleagues_save_meanwhile_and_asks_only_about_the_same_rating(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], db_url: str
) -> None:
    """Another window saved NIC's notes after this map was drawn: the drag was refused ("Someone
    changed NIC meanwhile") and the new ratings lost. Now only a rating they changed too is."""
    from db.migrate import open_database

    def elsewhere(values: dict[str, Any]) -> None:
        other = open_database(db_url)
        try:
            with unit_of_work(other) as s:
                records.update(s, "organisation", ids["nic"], values, expected_version=None)
        finally:
            other.dispose()

    said: list[str] = []
    ctx.status_message.connect(said.append)
    view = _open_map(qtbot, window, ctx)
    elsewhere({"notes": "Gặp lại sau Techfest"})
    _drag(view.canvas, _point(view, ids["nic"]), 2, 1)
    qtbot.waitUntil(lambda: _ratings(engine, ids["nic"]) == (2, 1), timeout=10_000)
    wait_idle(qtbot, ctx)
    with read_session(engine) as s:
        assert records.get(s, "organisation", ids["nic"])["notes"] == "Gặp lại sau Techfest"
    assert not [m for m in said if "meanwhile" in m]
    # said, as the record form and Log meeting say it, and it stays (after "Rated …"): the drag
    # said nothing of the colleague's save it merged with
    label = _point(view, ids["nic"]).label
    qtbot.waitUntil(lambda: bool(said) and said[-1].startswith(f"“{label}” was changed"), timeout=10_000)
    assert said[-1] == (
        f"“{label}” was changed in another window or from the command line while you were editing "
        "it here; both changes were saved."
    )

    elsewhere({"influence": 4})  # the same rating as the next drag's: that one is asked about
    _drag(view.canvas, _point(view, ids["nic"]), 3, 1)
    qtbot.waitUntil(lambda: any("meanwhile" in m for m in said), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert _ratings(engine, ids["nic"]) == (4, 1)  # theirs, not written over
    # one file, one person: the other save was another window's, not a stranger's
    assert [m for m in said if "meanwhile" in m][-1].endswith(
        " was changed in another window or from the command line meanwhile: the map is reloaded."
    )


def test_click_opens_hover_names_and_filters(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    with unit_of_work(engine) as s:
        records.update(
            s, "organisation", ids["genetica"], {"influence": 2, "interest": 5}, expected_version=None
        )
    view = _open_map(qtbot, window, ctx)
    assert {p.id for p in view.canvas.points} == {ids["nic"], ids["genetica"]}
    assert "Biotech" in view.legend.text() and "AI" in view.legend.text()
    canvas = view.canvas
    where = canvas.position(_point(view, ids["genetica"])).toPoint()
    # hover: a plain move event (QTest's moves follow the system cursor, which other tests moved)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(where),
        QPointF(canvas.mapToGlobal(where)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, move)
    assert canvas._hover is not None and canvas._hover.id == ids["genetica"]
    assert "Genetica" in canvas.tooltip(canvas._hover) and "Keep informed" in canvas.tooltip(canvas._hover)
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert window.current_entity() == "organisation"
    assert window.views["organisation"].detail.record_id == ids["genetica"]
    assert _ratings(engine, ids["genetica"]) == (2, 5)  # a click is not a drag
    # filter by sector: only NIC works on semiconductors
    window.nav.setCurrentRow(window.nav.count() - 1)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.sector.setCurrentIndex(view.sector.findData("Semiconductors"))
    assert [p.id for p in view.canvas.points] == [ids["nic"]]
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.sector.setCurrentIndex(0)
        view.tag.setCurrentIndex(view.tag.findData("priority"))
    assert [p.id for p in view.canvas.points] == [ids["nic"]]
    # contacts instead of organisations: nobody is rated in the seed
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.tag.setCurrentIndex(0)
        view.level.setCurrentIndex(view.level.findData("contact"))
    assert view.canvas.points == [] and "not rated" in view.summary.text()
    wait_idle(qtbot, ctx)


def test_dashboard_shows_the_compact_map(qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]) -> None:
    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: bool(window.dashboard.map.points), timeout=10_000)
    assert [p.id for p in window.dashboard.map.points] == [ids["nic"]]
    assert not window.dashboard.map.editable
    wait_idle(qtbot, ctx)


def test_map_follows_a_dark_palette(qtbot: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    from app.stakeholder_map import MapPoint
    from ui.stakeholder_map import MapCanvas

    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    pal = canvas.palette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#1f1f22"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    canvas.setPalette(pal)
    canvas.resize(500, 400)
    canvas.set_points([MapPoint(1, "NIC", 5, 4, 3, "AI", "manage_closely")])
    image = canvas.grab().toImage()
    corner = image.pixelColor(int(canvas.plot_rect().left()) + 30, int(canvas.plot_rect().bottom()) - 60)
    assert corner.lightness() < 80  # the monitor quadrant is painted with the dark base colour


# --- 2,000 organisations: spread or clustered, labelled where they fit, zoom and pan ---------------


def _many(n: int = 2000, seed: int = 7) -> list[Any]:
    import random

    from app.stakeholder_map import MapPoint, quadrant

    rng = random.Random(seed)
    words = ("Công ty", "Viện", "Trung tâm", "Startup")
    points = []
    for i in range(n):
        inf, intr = rng.randint(1, 5), rng.randint(1, 5)
        points.append(
            MapPoint(
                i + 1,
                f"{rng.choice(words)} Công nghệ Số {i + 1}",
                inf,
                intr,
                rng.choice((0, 0, 0, 1, 2, 3, 5, 8)),
                rng.choice(("AI", "Biotech", "Fintech", "")),
                quadrant(inf, intr),
                short_label=rng.choice(("", "", "", "NIC", "VNPT")),
            )
        )
    return points


def _canvas(qtbot: Any, width: int, height: int, points: list[Any]) -> Any:
    from ui.stakeholder_map import MapCanvas

    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(width, height)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_points(points)
    return canvas


def _check_readable(canvas: Any, total: int) -> None:
    from PySide6.QtCore import QRectF

    shown = canvas.shown_points()
    clustered = [p for cl in canvas.clusters for p in cl.members]
    # every organisation is reachable: its own dot or counted in exactly one cluster
    assert len(shown) + len(clustered) == total
    assert {p.id for p in shown} | {p.id for p in clustered} == {p.id for p in canvas.points}
    dots = {}
    for p in shown:
        c, rad = canvas.position(p), canvas.radius(p)
        dots[p.id] = QRectF(c.x() - rad, c.y() - rad, 2 * rad, 2 * rad)
        # spread inside its own cell
        assert canvas.cell_rect(p.influence, p.interest).contains(c)
    # no two dots overlap (a sorted sweep on x keeps this quick)
    order = sorted(shown, key=lambda p: canvas.position(p).x())
    for i, p in enumerate(order):
        a, ra = canvas.position(p), canvas.radius(p)
        for q in order[i + 1 :]:
            b, rb = canvas.position(q), canvas.radius(q)
            if b.x() - a.x() > 60:
                break
            assert math.hypot(a.x() - b.x(), a.y() - b.y()) >= ra + rb, (p.label, q.label)
    labels = [rect for _p, rect, _t in canvas.labels]
    assert labels, "some labels fit"
    for i, (p, rect, _text) in enumerate(canvas.labels):
        assert canvas.plot_rect().contains(rect)
        for other in labels[i + 1 :]:
            assert not rect.intersects(other), "two labels overlap"
        for name_rect in canvas.quadrant_rects.values():
            assert not rect.intersects(name_rect), "a label covers a quadrant name"
        for pid, dot in dots.items():
            if pid != p.id and canvas.plot_rect().contains(dot.center()):
                assert not rect.intersects(dot), f"the label of {p.label} covers a dot"
    for cl in canvas.clusters:
        centre = canvas.cluster_centre(cl)
        for dot in dots.values():
            assert math.hypot(dot.center().x() - centre.x(), dot.center().y() - centre.y()) >= cl.radius


def test_two_thousand_organisations_spread_without_overlap_and_labels_fit(qtbot: Any) -> None:
    points = _many()
    canvas = _canvas(qtbot, 1300, 560, points)
    assert len(canvas.shown_points()) > 1500  # most as their own dot, the rest counted in clusters
    assert set(canvas.quadrant_rects) == {"manage_closely", "keep_satisfied", "keep_informed", "monitor"}
    _check_readable(canvas, 2000)
    # with the whole grid in view no dot lies under a quadrant name
    for p in canvas.shown_points():
        c, rad = canvas.position(p), canvas.radius(p)
        for name_rect in canvas.quadrant_rects.values():
            assert not name_rect.adjusted(-rad, -rad, rad, rad).contains(c)
    # the most important points get their labels first
    labelled = {p.id for p, _r, _t in canvas.labels}
    from ui.stakeholder_map import importance

    cells: dict[tuple[int, int], list[Any]] = {}
    for p in points:
        cells.setdefault((p.influence, p.interest), []).append(p)
    firsts = [min(group, key=importance) for group in cells.values()]
    assert sum(p.id in labelled for p in firsts) >= 15  # most cells name their most met
    assert len(labelled) >= 60

    def in_cell(influence: int, interest: int) -> int:
        return sum(1 for p, _r, _t in canvas.labels if (p.influence, p.interest) == (influence, interest))

    before = in_cell(4, 4)
    canvas.zoom_to_cell(4, 4)
    assert canvas.zoom > 1
    after = in_cell(4, 4)
    assert after > 2 * before, (before, after)
    cell_points = [p for p in points if (p.influence, p.interest) == (4, 4)]
    assert after >= 0.6 * len(cell_points)  # one cell filling the view: most names fit
    _check_readable(canvas, 2000)
    # the quadrant name of the cell in view is still shown, in the view's corner, uncovered
    assert set(canvas.quadrant_rects) == {"manage_closely"}
    assert canvas.plot_rect().contains(canvas.quadrant_rects["manage_closely"])


def test_a_crowded_small_map_clusters_with_counts_and_a_click_zooms_in(qtbot: Any) -> None:
    canvas = _canvas(qtbot, 520, 360, _many())
    assert canvas.clusters, "a small map cannot show 2,000 dots"
    _check_readable(canvas, 2000)
    cluster = max(canvas.clusters, key=lambda cl: len(cl.members))
    tip = canvas.cluster_tooltip(cluster)
    assert str(len(cluster.members)) in tip and cluster.members[0].label in tip
    # the cluster holds the least important of its cell
    cell = [p for p in canvas.points if (p.influence, p.interest) == (cluster.influence, cluster.interest)]
    shown_in_cell = [p for p in cell if not canvas.is_clustered(p)]
    assert min(p.meetings_recent for p in shown_in_cell) >= max(p.meetings_recent for p in cluster.members)
    where = canvas.cluster_centre(cluster).toPoint()
    assert canvas.point_at(canvas.cluster_centre(cluster)) is None
    _move(canvas, where)  # hover: the hand, no dot picked
    assert canvas._hover is None and canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert canvas.zoom > 1
    target = canvas.cell_rect(cluster.influence, cluster.interest)
    assert target.contains(canvas.plot_rect().center())
    assert len(canvas.clusters) < 25
    _check_readable(canvas, 2000)


def test_wheel_keys_and_dragging_the_background_zoom_and_pan(qtbot: Any) -> None:
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent

    canvas = _canvas(qtbot, 900, 500, _many(600))
    r = canvas.plot_rect()

    def share_labelled() -> float:
        seen = [p for p in canvas.shown_points() if canvas.plot_rect().contains(canvas.position(p))]
        return len(canvas.labels) / len(seen)

    labels_fit = share_labelled()
    wheel = QWheelEvent(
        P(r.center()),
        P(canvas.mapToGlobal(r.center().toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, wheel)
    assert canvas.zoom == 1.25**2
    assert share_labelled() > labels_fit  # of the dots in view, more are named
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert abs(canvas.zoom - 1.25**2 * 1.5) < 1e-9
    # a drag that starts on empty space pans (and opens nothing)
    empty = next(
        QPoint(x, y)
        for x in range(int(r.left()) + 5, int(r.right()), 7)
        for y in range(int(r.top()) + 40, int(r.bottom()), 7)
        if canvas.point_at(P(x, y)) is None and canvas.cluster_at(P(x, y)) is None
    )
    before = canvas.content_rect().topLeft()
    opened: list[Any] = []
    canvas.open_requested.connect(lambda *a: opened.append(a))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    for k in range(1, 6):
        _move(canvas, empty + QPoint(8 * k, 5 * k), Qt.MouseButton.LeftButton)
    QTest.mouseRelease(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty + QPoint(40, 25)
    )
    moved = canvas.content_rect().topLeft() - before
    assert moved != P(0, 0) and not opened
    _check_readable(canvas, 600)
    QTest.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.zoom == 1 and canvas.content_rect() == canvas.plot_rect()
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.zoom == 1  # never smaller than the whole grid


def _move(widget: Any, pos: QPoint, buttons: Any = Qt.MouseButton.NoButton) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_at_two_thousand_organisations_drag_still_re_rates_and_hover_names(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    import random

    from app import bulk

    rng = random.Random(3)
    rows = [
        {"name": f"Tổ chức thử {i}", "influence": rng.randint(1, 5), "interest": rng.randint(1, 5)}
        for i in range(1999)  # and NIC: 2,000 rated organisations
    ]
    with unit_of_work(engine) as s:
        bulk.create_many(s, "organisation", bulk.prepare_many("organisation", rows), history=False)
    view = _open_map(qtbot, window, ctx)
    canvas = view.canvas
    assert len(canvas.points) == 2000
    shown = len(canvas.shown_points()) + sum(len(cl.members) for cl in canvas.clusters)
    assert shown == 2000
    nic = _point(view, ids["nic"])
    assert not canvas.is_clustered(nic)  # met recently: among the first of its cell
    start = canvas.position(nic).toPoint()
    _move(canvas, start)
    assert canvas._hover is not None and canvas._hover.id == ids["nic"]
    target = canvas.cell_centre(2, 1).toPoint() + QPoint(7, -5)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 11):
        QTest.mouseMove(canvas, start + (target - start) * k / 10)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    qtbot.waitUntil(lambda: _ratings(engine, ids["nic"]) == (2, 1), timeout=10_000)
    wait_idle(qtbot, ctx)
    moved = _point(view, ids["nic"])
    assert moved.quadrant == "monitor" and not canvas.is_clustered(moved)
    assert canvas.cell_rect(2, 1).contains(canvas.position(moved))
    # zoom buttons
    view.zoom_buttons["map_zoom_in"].click()
    assert canvas.zoom == 1.5
    view.zoom_buttons["map_fit"].click()
    assert canvas.zoom == 1
    # the dashboard's small map clusters; a click on a cluster opens the map zoomed into its cell
    window.nav.setCurrentRow(0)
    small = window.dashboard.map
    qtbot.waitUntil(lambda: len(small.points) == 2000 and bool(small.clusters), timeout=10_000)
    wait_idle(qtbot, ctx)
    cluster = small.clusters[0]
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        QTest.mouseClick(
            small,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            small.cluster_centre(cluster).toPoint(),
        )
    wait_idle(qtbot, ctx)
    assert window.current_entity() == "map" and canvas.zoom > 1
    assert canvas.cell_rect(cluster.influence, cluster.interest).contains(canvas.plot_rect().center())


def test_the_dashboards_small_map_counts_what_it_cannot_show(qtbot: Any) -> None:
    from ui.stakeholder_map import MapCanvas

    canvas = MapCanvas(compact=True, editable=False)
    qtbot.addWidget(canvas)
    canvas.resize(346, 426)
    canvas.set_points(_many())
    assert len(canvas.clusters) == 25 and not canvas.labels
    assert len(canvas.shown_points()) + sum(len(cl.members) for cl in canvas.clusters) == 2000
    for cl in canvas.clusters:
        assert canvas.cell_rect(cl.influence, cl.interest).contains(canvas.cluster_centre(cl))
    QApplication.sendEvent(canvas, _wheel_at(canvas))
    assert canvas.zoom == 1  # the dashboard's map does not zoom


def _wheel_at(widget: Any) -> Any:
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    return QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def test_a_dot_dragged_while_zoomed_lands_in_the_cell_under_the_mouse(qtbot: Any) -> None:
    canvas = _canvas(qtbot, 900, 500, _many(600))
    canvas.set_zoom(2.5, canvas.cell_centre(3, 3))
    r = canvas.plot_rect()
    point = next(
        p
        for p in canvas.shown_points()
        if (p.influence, p.interest) == (3, 3) and r.contains(canvas.position(p))
    )
    target_cell = canvas.cell_rect(3, 4).intersected(r)
    assert not target_cell.isEmpty()
    start, target = canvas.position(point).toPoint(), target_cell.center().toPoint()
    rated: list[tuple[int, int]] = []
    canvas.rated.connect(lambda _p, inf, intr: rated.append((inf, intr)))
    before = canvas.content_rect()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 11):
        _move(canvas, start + (target - start) * k / 10, Qt.MouseButton.LeftButton)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert rated == [(3, 4)]
    assert canvas.content_rect() == before  # dragging a dot does not pan
    moved = next(p for p in canvas.points if p.id == point.id)
    assert (moved.influence, moved.interest) == (3, 4)


def test_a_filter_that_hides_every_rated_organisation_says_so_not_that_nothing_is_rated(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    view = _open_map(qtbot, window, ctx)
    assert [p.id for p in view.canvas.points] == [ids["nic"]]  # NIC is rated, Genetica is not
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.sector.setCurrentIndex(view.sector.findData("Biotech"))  # Genetica only
    assert view.canvas.points == []
    assert view.canvas.notice.text() == "Nothing rated matches the sector or tag chosen"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.sector.setCurrentIndex(0)
        view.level.setCurrentIndex(view.level.findData("contact"))  # no filter, nobody rated
    assert view.canvas.notice.text() == "Nothing rated yet: set influence and interest"
    wait_idle(qtbot, ctx)
