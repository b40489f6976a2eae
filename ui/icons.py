"""Icons shipped in ``resources/icons``, drawn in the palette's text colour (light or dark)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{}</svg>'
)
# Icons drawn here (same style as the shipped set, Lucide-like strokes).
BUILT_IN = {
    "map": _SVG.format(
        '<path d="M3 3v18h18"/><path d="M12 3v18" stroke-dasharray="2 2"/><path d="M3 12h18" '
        'stroke-dasharray="2 2"/><circle cx="17" cy="7" r="2.2"/><circle cx="7.5" cy="16" r="1.6"/>'
        '<circle cx="16" cy="16.5" r="1.2"/>'
    ),
    "lock": _SVG.format(
        '<rect width="18" height="11" x="3" y="11" rx="2" ry="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>'
    ),
    "merge": _SVG.format(
        '<circle cx="6" cy="5" r="2"/><circle cx="6" cy="19" r="2"/><circle cx="18" cy="12" r="2"/>'
        '<path d="M6 7v10"/><path d="M6 7c0 3 3 5 10 5"/>'
    ),
}


def _render(svg: str, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    pm = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    renderer.render(painter, QRectF(0, 0, pm.width(), pm.height()))
    painter.end()
    pm.setDevicePixelRatio(ratio)
    return pm


@cache
def _icon(name: str, colour: str, disabled: str, ratio: float) -> QIcon:
    source = BUILT_IN.get(name) or (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    icon = QIcon()
    for size in (16, 20, 24, 32, 48):
        icon.addPixmap(_render(source.replace("currentColor", colour), size, ratio), QIcon.Mode.Normal)
        icon.addPixmap(_render(source.replace("currentColor", disabled), size, ratio), QIcon.Mode.Disabled)
    return icon


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    """The icon ``name`` (a file stem in resources/icons) coloured for the current palette."""
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    colour = palette.color(QPalette.ColorGroup.Active, role).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return _icon(name, colour, disabled, ratio)
