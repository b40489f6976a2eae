"""Help → About Ketnoi: the version, and the licences of everything a copy of Ketnoi carries.

Three tabs: Ketnoi (version, Python and Qt versions, the database in use), Licences (Ketnoi's
MIT licence, the Noto fonts' SIL Open Font Licence, Qt and PySide6 under the LGPL v3 and the
packages bundled with their licences, from :func:`app.licences.packages`), and the font
licence's full text (resources/fonts/OFL.txt).
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__, licences
from ui.icons import icon

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
LGPL = "https://www.gnu.org/licenses/lgpl-3.0.html"
QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://code.qt.io/cgit/pyside/pyside-setup.git/"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, database: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Ketnoi"))
        self.setWindowIcon(icon("app"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("about_tabs")

        summary = QLabel(self)
        summary.setObjectName("about_summary")
        summary.setWordWrap(True)
        summary.setOpenExternalLinks(True)
        lines = [
            f"<h2>Ketnoi {html.escape(__version__)}</h2>",
            "<p>"
            + html.escape(
                self.tr("Ketnoi (kết nối): organisations, people, meetings and commitments, in one place.")
            )
            + "</p>",
            "<p>"
            + html.escape(self.tr("Python %1 · Qt %2 · PySide6 %3"))
            .replace("%1", platform.python_version())
            .replace("%2", qVersion())
            .replace("%3", pyside_version)
            + "</p>",
        ]
        if database:
            lines.append("<p>" + html.escape(self.tr("Database: %1").replace("%1", database)) + "</p>")
        lines.append("<p>" + html.escape(self.tr("Released under the MIT licence.")) + "</p>")
        summary.setText("".join(lines))
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(summary)
        lay.addStretch(1)
        self.tabs.addTab(page, self.tr("Ketnoi"))

        self.licences = QTextBrowser(self)
        self.licences.setObjectName("about_licences")
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(self.licences_html())
        self.tabs.addTab(self.licences, self.tr("Licences"))

        self.font_licence = QTextBrowser(self)
        self.font_licence.setObjectName("about_font_licence")
        texts = []
        for name in ("OFL.txt", "DejaVu-LICENSE.txt"):
            try:
                texts.append((RESOURCES / "fonts" / name).read_text(encoding="utf-8").strip())
            except OSError:
                texts.append(
                    self.tr("The font licence file is missing: %1").replace("%1", f"resources/fonts/{name}")
                )
        self.font_licence.setPlainText("\n\n\n".join(texts))
        self.tabs.addTab(self.font_licence, self.tr("Font licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(buttons)
        self.resize(640, 520)

    def licences_html(self) -> str:
        e = html.escape
        parts = [
            "<h3>" + e(self.tr("Fonts")) + "</h3><p>"
            + e(self.tr(
                "Noto Sans, by the Noto Project Authors, under the SIL Open Font License 1.1 "
                "(its text is in the next tab); embedded in every PDF brief."
            ))
            + " "
            + e(self.tr(
                "DejaVu Sans, under the Bitstream Vera licence (in the next tab too), for the "
                "symbols Noto Sans lacks (≥ → ✓)."
            ))
            + "</p>",
            "<h3>Qt &amp; PySide6</h3><p>"
            + e(self.tr(
                "The window is drawn with Qt %1 and PySide6 %2, used under the GNU Lesser General "
                "Public License v3. Their libraries are separate files in Ketnoi's program folder: "
                "you may replace them with your own build of the same version."
            )).replace("%1", e(qVersion())).replace("%2", e(pyside_version))
            + f' <a href="{LGPL}">LGPL v3</a> · <a href="{QT_SOURCE}">'
            + e(self.tr("Qt source"))
            + f'</a> · <a href="{PYSIDE_SOURCE}">'
            + e(self.tr("PySide6 source"))
            + "</a></p>",
            "<h3>" + e(self.tr("Icons")) + "</h3><p>"
            + e(self.tr("Drawn for Ketnoi in the style of Feather/Lucide; MIT licence."))
            + "</p>",
            "<h3>" + e(self.tr("Bundled packages")) + "</h3>",
        ]  # fmt: skip
        rows = licences.packages()
        if not rows:
            parts.append("<p>" + e(self.tr("The list of packages is not available in this copy.")) + "</p>")
        else:
            heads = (self.tr("Package"), self.tr("Version"), self.tr("Licence"))
            parts.append(
                '<table cellspacing="0" cellpadding="3"><tr>'
                + "".join(f"<th align='left'>{e(h)}</th>" for h in heads)
                + "</tr>"
            )
            for p in rows:
                name = e(p["name"])
                if p["url"].startswith(("https://", "http://")):
                    name = f'<a href="{e(p["url"])}">{name}</a>'
                parts.append(f"<tr><td>{name}</td><td>{e(p['version'])}</td><td>{e(p['licence'])}</td></tr>")
            parts.append("</table>")
        return "".join(parts)
