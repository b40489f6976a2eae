"""The dashboard before its first read says it is loading (no "–" figures, no "Nothing rated
yet"), then shows the figures; on an empty database the map's sentence wraps inside the plot,
centred, on a backing the quadrant lines do not cross, in English and in Vietnamese."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.ui.helpers import sized, wait_idle

NOTHING_RATED = "Nothing rated yet: set influence and interest"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The dashboard's read waits until the test opens the gate."""
    from app import dashboard

    opened = threading.Event()
    counts = dashboard.counts

    def held(*args: Any, **kwargs: Any) -> Any:
        assert opened.wait(20), "the test never opened the gate"
        return counts(*args, **kwargs)

    monkeypatch.setattr(dashboard, "counts", held)
    yield opened
    opened.set()


def test_before_the_first_read_the_dashboard_says_loading_then_the_figures(
    qtbot: Any, ctx: Any, settings: Any, db_url: str, ids: dict[str, Any], gate: threading.Event
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(settings=settings, opening=db_url)  # the frame first, as ui/main.py does
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(ctx)
    dash = window.dashboard
    qtbot.wait(200)  # painted while the read is held
    for f in dash.figures.values():
        assert f.value.text() == "…"  # not "–" or "0": nothing is claimed yet
    for card in dash.cards.values():
        assert card.body.toPlainText().strip() == "Loading…"
    assert not dash.loaded
    assert dash.map.notice.isVisible() and dash.map.notice.text() == "Loading…"
    assert NOTHING_RATED not in dash.map.notice.text()
    with qtbot.waitSignal(dash.refreshed, timeout=10_000):
        gate.set()
    assert dash.loaded
    assert dash.figures["organisations"].value.text() == str(dash.counts["organisations"])
    assert dash.counts["organisations"] >= 3
    assert dash.figures["overdue"].value.text() == "1"
    assert not dash.map.notice.isVisible()  # NIC is rated: a dot, no sentence
    assert "Loading" not in dash.cards["overdue"].body.toPlainText()
    wait_idle(qtbot, ctx)


@pytest.fixture
def empty_window(qtbot: Any, engine: Any, settings: Any, language: str) -> Iterator[Any]:
    """The window at 1280×720 on a database holding nothing."""
    from ui.context import AppContext
    from ui.main_window import MainWindow

    context = AppContext(engine, settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    sized(window, 1280, 720)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=10_000):
        pass  # the first read, started by showing the dashboard
    yield window
    context.tasks.cancel_all()
    context.tasks.wait()


def _whole_inside(canvas: Any) -> None:
    """The sentence fits: the label is inside the plot and tall enough for its wrapped lines."""
    notice = canvas.notice
    assert notice.isVisible()
    assert notice.wordWrap()
    plot = canvas.plot_rect().toAlignedRect()
    assert plot.contains(notice.geometry()), (plot, notice.geometry())
    assert notice.heightForWidth(notice.width()) <= notice.height()
    centre, middle = notice.geometry().center(), plot.center()
    assert abs(centre.x() - middle.x()) <= 2 and abs(centre.y() - middle.y()) <= 2


def test_the_empty_map_sentence_wraps_inside_the_small_map(
    qtbot: Any, empty_window: Any, language: str
) -> None:
    canvas = empty_window.dashboard.map
    text = canvas.notice.text()
    assert text == canvas.notice_text() and text not in ("", "Loading…")
    assert (text == NOTHING_RATED) == (language == "en")
    _whole_inside(canvas)
    if language == "vi":  # longer than the small map is wide: on two lines or more, not cut
        assert canvas.notice.fontMetrics().horizontalAdvance(text) > canvas.plot_rect().width()
        assert canvas.notice.height() > 2 * canvas.notice.fontMetrics().height()
    assert empty_window.dashboard.figures["organisations"].value.text() == "0"


def test_the_empty_map_sentence_sits_on_a_backing_over_the_quadrant_line(
    qtbot: Any, empty_window: Any
) -> None:
    view = empty_window.map_view
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        empty_window.nav.setCurrentRow(empty_window.nav.count() - 1)
    canvas = view.canvas
    _whole_inside(canvas)
    notice = canvas.notice
    assert notice.autoFillBackground()
    # the vertical quadrant line (between interest 2 and 3) runs behind the label: covered
    content = canvas.content_rect()
    split_x = content.left() + 2 * content.width() / 5
    box = notice.geometry()
    assert box.left() < split_x < box.right()
    image = canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    backing = notice.palette().color(notice.backgroundRole())
    line = canvas.palette().color(canvas.palette().ColorRole.Mid)
    x, y = round(split_x), box.top() + 3  # above the text, on the line's path
    pixel = image.pixelColor(int(x * ratio), int(y * ratio))
    assert abs(pixel.lightness() - backing.lightness()) < abs(pixel.lightness() - line.lightness())
    above = image.pixelColor(int(x * ratio), int((box.top() - 6) * ratio))  # the line itself
    assert abs(above.lightness() - line.lightness()) < abs(above.lightness() - backing.lightness())
