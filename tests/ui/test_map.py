"""The stakeholder map: drawn from the database, dragged to re-rate (saved, undoable), clicked open."""

from __future__ import annotations

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
