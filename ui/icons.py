"""Icons shipped in ``resources/icons``, drawn in the palette's text colour (light or dark)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


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
    source = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
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


def available() -> list[str]:
    return sorted(p.stem for p in ICON_DIR.glob("*.svg"))
