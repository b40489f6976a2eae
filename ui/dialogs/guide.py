"""Help → User guide (F1): docs/guide.md rendered in the window (Qt's Markdown reader).

The guide ships inside the bundle (packaging/ketnoi.spec puts it in ``docs/``); a copy of
Ketnoi without it (a wheel installed with pip) says so instead of showing an empty page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

DOCS = Path(__file__).resolve().parents[2] / "docs"


def guide_path(language: str = "en", docs: Path = DOCS) -> Path | None:
    """The guide in ``language`` when there is one (guide.vi.md), else the English one."""
    for name in (f"guide.{language}.md", "guide.md"):
        if (docs / name).is_file():
            return docs / name
    return None


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, language: str = "en", docs: Path = DOCS) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("Ketnoi user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenExternalLinks(True)
        path = guide_path(language, docs)
        if path is None:
            self.browser.setPlainText(
                self.tr(
                    "The guide is not installed with this copy of Ketnoi: it is docs/guide.md in Ketnoi's source."
                )
            )
        else:
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self.path = path
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(760, 640)
