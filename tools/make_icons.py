"""Draw the application icon from resources/icons/app.svg: packaging/icons/ketnoi.{svg,png,ico}.

The in-app icon is drawn in the palette's text colour; an installer, a taskbar and a desktop
menu need a fixed one, so this puts the same strokes in white on a blue rounded square. The
outputs are committed; run this again after changing app.svg:
``python tools/make_icons.py`` (needs PySide6; QT_QPA_PLATFORM=offscreen is set here).
"""

from __future__ import annotations

import os
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "packaging" / "icons"
BLUE = "#1F5FAF"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def coloured_svg() -> str:
    """app.svg's strokes, white, centred on a rounded blue square (viewBox 0 0 24 24 → 32)."""
    source = (ROOT / "resources" / "icons" / "app.svg").read_text(encoding="utf-8")
    inner = re.search(r"<svg[^>]*>(.*)</svg>", source, re.S)
    assert inner, "resources/icons/app.svg: no <svg> element"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 32 32">'
        f'<rect x="1" y="1" width="30" height="30" rx="7" fill="{BLUE}"/>'
        '<g transform="translate(4 4)" fill="none" stroke="#FFFFFF" stroke-width="2.2" '
        f'stroke-linecap="round" stroke-linejoin="round">{inner.group(1)}</g></svg>\n'
    )


def png_bytes(svg: str, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (allowed since Windows Vista): header, directory, data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    directory = b""
    offset = 6 + 16 * len(images)
    for size, data in images.items():
        side = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(images.values())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    svg = coloured_svg()
    (OUT / "ketnoi.svg").write_text(svg, encoding="utf-8")
    (OUT / "ketnoi.png").write_bytes(png_bytes(svg, 256))
    (OUT / "ketnoi.ico").write_bytes(ico_bytes({s: png_bytes(svg, s) for s in ICO_SIZES}))
    print(f"wrote {OUT}/ketnoi.svg, ketnoi.png (256 px), ketnoi.ico ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
