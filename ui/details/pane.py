"""The right-hand side: the selected record's story, with the actions that apply to it.

On a team database whose server cannot be reached, the pane says so above the page (an
:class:`~ui.widgets.AwayNote`, as the lists and the menu windows do), never a page that reads as
current: the page last read stays — greyed, the note saying when it was read (a phone number is
still there to call) — if it is the record asked for, else none is shown; the page's buttons
and the record commands are off until the server is back (an edit begun then could not be
saved), and the page is read again by itself once it is (``ctx.server_back``). It asks when
the live feed loses the server (``ctx.server_away``), not only when a read fails."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QToolBar, QVBoxLayout, QWidget

from app.errors import NotFoundError
from app.story import Story, story
from db import clock
from db.engine import read_session
from ui.context import AppContext
from ui.details.attachments import AttachmentsBox, local_files
from ui.details.story import render
from ui.mail import EmailLogger, split_dropped
from ui.team import ConfidentialBar
from ui.widgets import AwayNote

PAGE_WIDTH = 300  # the least a record's page is given (px)


class DetailPane(QWidget):
    link_activated = Signal(str, int)  # entity, id
    shown = Signal()  # a record's page (or the empty page) is on screen
    away_changed = Signal(bool)  # the server out of reach (True): the page is not current

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = ""
        self.record_id = 0
        self._generation = 0  # the latest read of a page: older answers are dropped
        self.away = False  # the latest read could not reach the server: the page is not current
        self._page: tuple[str, int] = ("", 0)  # the record whose page the browser holds
        self._read_at: dt.datetime | None = None  # when that page was read (local time)
        self.setObjectName("detail_pane")
        # a record's page stays readable however the splitter is dragged (and leaves the list
        # beside it room for its columns on a laptop: 1366 px less the navigation)
        self.setMinimumWidth(PAGE_WIDTH)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("detail_browser")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.document().setDocumentMargin(14)
        self.browser.anchorClicked.connect(self._follow)
        self._fresh = QPalette(self.browser.palette())  # (the page greyed while not current)
        self.note = AwayNote(ctx, "detail_unreachable", self)  # the server out of reach
        self.confidential = ConfidentialBar(ctx, self)  # team mode: who sees it, Share…
        self.browser.setAcceptDrops(False)  # files dropped on the page go to the pane (below)
        self.attachments = AttachmentsBox(ctx, self)
        self.mail = EmailLogger(ctx, self)
        self.setAcceptDrops(True)
        self.empty = QLabel(self.tr("Select a record to see its story."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        # (its lines ran to the pane's edges in Vietnamese: "Chọn một bản ghi để xem toàn bộ…")
        self.empty.setContentsMargins(16, 0, 16, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.note)
        layout.addWidget(self.confidential)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.attachments)
        layout.addWidget(self.empty, 1)
        ctx.server_back.connect(self._server_back)
        ctx.server_away.connect(self._server_away)
        self.show_record("", 0)

    def set_actions(self, actions: list[QAction]) -> None:
        self.toolbar.clear()
        for a in actions:
            self.toolbar.addAction(a)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """Names beside the icons while they all fit; icons alone (names in the tooltips) when a
        narrow window or a longer language would push actions out of sight."""
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if self.toolbar.sizeHint().width() > self.width():
            self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def show_record(self, entity: str, record_id: int) -> None:
        """Show a record's story. It is read on a pool thread (its posts held, role history,
        meetings and actions: on a team database over Wi-Fi the window froze while a page
        opened); the page shown until then stays, and an answer for a record no longer asked
        for is dropped. ``entity``/``record_id`` name the record asked for at once, so that the
        window's actions act on it."""
        self.entity, self.record_id = entity, record_id
        self._generation += 1
        if not (entity and record_id):
            self._show("", entity, record_id)
            return
        generation, engine, today = self._generation, self.ctx.engine, self.ctx.today()
        ctx = self.ctx

        def work(_task: object) -> tuple[Story | None, str]:
            # who reads the page, as the history records them ("" on a team database: every
            # line says who); the name chosen under Settings → I am is read here, off the UI thread
            me = "" if ctx.identity is not None else ctx.actor()  # (the server asked here too)
            with read_session(engine) as s:
                try:
                    return story(s, entity, record_id, today=today), me
                except NotFoundError:
                    return None, me

        def done(read: tuple[Story | None, str]) -> None:
            data, me = read
            if generation == self._generation:
                self._show(render(data, self.ctx.settings, me) if data is not None else "", entity, record_id)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._not_read(exc, entity, record_id)

        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=self)

    def _not_read(self, exc: BaseException, entity: str, record_id: int) -> None:
        """The page could not be read. The server out of reach is said above the page (not in a
        box in front of a page that reads as current): the page held stays, greyed and dated,
        when it is this record's, else none is shown; the page's buttons are off. Any other
        error goes where a task's error goes."""
        kept = self._page == (entity, record_id) and self._read_at is not None and self.browser.isVisible()
        also = ""
        if kept:
            assert self._read_at is not None
            also = self.tr(
                "The page below is as it was read at %1 and may have changed since; it cannot be "
                "changed until the server is back."
            ).replace("%1", self.ctx.fmt_datetime(self._read_at))
        if not self.note.read_failed(exc, also):
            return
        if kept:
            grey = QPalette(self._fresh)
            grey.setColor(QPalette.ColorRole.Base, grey.color(QPalette.ColorRole.Window))
            grey.setColor(QPalette.ColorRole.Text, grey.color(QPalette.ColorRole.PlaceholderText))
            self.browser.setPalette(grey)
        else:  # another record's page, or none: nothing shown as this one's
            self._page, self._read_at = ("", 0), None
            self.browser.clear()
            self.browser.hide()
            self.attachments.hide()
            self.confidential.hide()
            self.empty.hide()
        self.toolbar.setVisible(kept)
        self.toolbar.setEnabled(False)
        self.attachments.setEnabled(False)
        self.confidential.setEnabled(False)
        if not self.away:
            self.away = True
            self.away_changed.emit(True)

    def _server_back(self) -> None:
        if self.away:  # the page the note stands above: read again, nothing pressed
            self.reload()

    def _server_away(self) -> None:
        if self.record_id and not self.away:  # is what is shown still current? a read tells
            self.reload()

    def _show(self, html: str, entity: str, record_id: int) -> None:
        if self.away:
            self.away = False
            self.note.read()
            self.browser.setPalette(self._fresh)
            self.toolbar.setEnabled(True)
            self.attachments.setEnabled(True)
            self.confidential.setEnabled(True)
            self.away_changed.emit(False)
        has = bool(html)
        self.browser.setVisible(has)
        self.toolbar.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            scroll = self.browser.verticalScrollBar().value()
            self.browser.setHtml(html)
            self.browser.verticalScrollBar().setValue(scroll)
        else:
            entity, record_id = "", 0
        self.entity, self.record_id = entity, record_id
        self._page, self._read_at = (entity, record_id), clock.now()
        self.attachments.set_record(entity, record_id)
        self.confidential.set_record(entity, record_id)
        self.shown.emit()

    # Files dropped on a record's page: e-mails (.eml, .msg) are logged with it, other files
    # are attached to it.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.attachments.droppable and not self.away and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.attachments.droppable and not self.away and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if not self.attachments.droppable or self.away or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        mails, files = split_dropped(paths)
        if mails:
            self.mail.log_files(mails, self.entity, self.record_id)
        if files:
            self.attachments.attach(files)

    def reload(self) -> None:
        self.show_record(self.entity, self.record_id)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "ketnoi":
            entity, _, ident = url.path().partition("/")
            if ident.isdigit():
                self.link_activated.emit(entity, int(ident))
        else:
            QDesktopServices.openUrl(url)
