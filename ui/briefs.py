"""PDF briefs from the app: a small dialog (paper, language, period for the digest), then the
brief written in the background and opened in the system viewer.

Entry points, one line each for the main window::

    brief_organisation(window, ctx, org_id)
    brief_contact(window, ctx, contact_id)
    brief_meeting(window, ctx, meeting_id)
    brief_digest(window, ctx)

"Open" writes to Ketnoi's own folder of briefs (kept after Ketnoi closes; briefs older than
30 days cleared: :mod:`app.briefing.opened`) and opens the PDF; "Save as…" asks where and
writes there. Gathering and rendering run in a worker with their own read-only session (one
session per unit of work, created inside the worker). Gathering, file names and writing are
:mod:`app.briefing.produce`'s, the same as ``ketnoi brief``'s; this module is the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.briefing import leave_out, opened
from app.briefing.produce import (
    KINDS,
    BriefCancelled,
    BriefRequest,
    Produced,
    missing_file_name,
    pdf_path,
    period,
    produce,
    suggested_file_name,
)
from app.briefing.produce import PERIODS as NAMED_PERIODS
from db import clock
from db.engine import read_session
from ui import answers, file_dialogs, file_names, i18n
from ui.context import AppContext
from ui.datebox import DateBox, refused_box
from ui.icons import icon
from ui.not_written import error_text
from ui.tasks import Cancelled, Task

PERIODS = (*NAMED_PERIODS, "custom")


_CLEARED: list[Path] = []  # the folders whose old briefs were cleared this session


def open_folder() -> Path:
    """Where "Open" writes briefs: Ketnoi's own folder of briefs, kept after Ketnoi closes
    (:mod:`app.briefing.opened`); the first time a session, briefs written there more than
    30 days ago are cleared. Called in the worker: no file is touched on the UI thread."""
    folder = opened.opened_folder()
    if folder not in _CLEARED:
        opened.clear_old(folder, clock.utcnow())
        _CLEARED.append(folder)
    return folder


def open_in_viewer(path: Path) -> bool:
    """Hand the PDF to the system viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class BriefDialog(QDialog):
    """Paper, language (and period for a digest); Open / Save as… / Cancel; then progress."""

    def __init__(
        self, ctx: AppContext, kind: str, subject_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert kind in KINDS
        self.ctx, self.kind, self.subject_id = ctx, kind, subject_id
        self.task: Task | None = None
        self._closing = False
        self.written: Path | None = None
        self._open_when_done = True  # Open: opened once written; Save as…: not
        self.setObjectName(f"brief_{kind}")
        self.setWindowIcon(icon("brief"))
        titles = {
            "organisation": self.tr("Organisation brief"),
            "contact": self.tr("Contact brief"),
            "meeting": self.tr("Meeting preparation brief"),
            "digest": self.tr("Period digest"),
        }
        self.setWindowTitle(titles[kind])
        q = ctx.settings.qsettings
        form = QFormLayout()
        self.period = QComboBox(self)
        self.start = DateBox(self)
        self.end = DateBox(self)
        if kind == "digest":
            for key, text in zip(
                PERIODS,
                (self.tr("This week"), self.tr("This month"), self.tr("Last month"), self.tr("Custom…")),
                strict=True,
            ):
                self.period.addItem(text, key)
            for edit in (self.start, self.end):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat(ctx.settings.qt_date_format())
            dates = QHBoxLayout()
            dates.addWidget(self.start)
            dates.addWidget(QLabel("–", self))
            dates.addWidget(self.end)
            dates.addStretch(1)
            form.addRow(self.tr("&Period:"), self.period)
            form.addRow(self.tr("From – to:"), dates)
            self.period.currentIndexChanged.connect(self._period_changed)
            self.start.dateChanged.connect(self._dates_edited)
            self.end.dateChanged.connect(self._dates_edited)
            saved = str(q.value("briefs/period", "this_week"))
            self.period.setCurrentIndex(max(self.period.findData(saved), 0))
            self._period_changed()
        else:
            self.period.hide()
            self.start.hide()
            self.end.hide()
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter (US)", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(str(q.value("briefs/paper", "a4"))), 0))
        self.lang = QComboBox(self)
        self.lang.addItem("Tiếng Việt", "vi")
        self.lang.addItem("English", "en")
        # The window's language, unless another was chosen here this session (h58: a brief came
        # out in English, remembered from before, after the window was switched to Vietnamese)
        self._window_lang = i18n.resolved(ctx.settings.language)
        self.lang.setCurrentIndex(max(self.lang.findData(ctx.brief_lang or self._window_lang), 0))
        self.lang.activated.connect(self._lang_chosen)
        self.lang_hint = QLabel(self)
        self.lang_hint.setObjectName("brief_lang_hint")
        self.lang_hint.setWordWrap(True)
        self.lang_hint.setStyleSheet("color: palette(placeholder-text);")
        self._say_lang()
        form.addRow(self.tr("P&aper:"), self.paper)
        form.addRow(self.tr("&Language:"), self.lang)
        form.addRow("", self.lang_hint)
        # A brief to hand over (reviewer h129: one confidential contact made the ministry's
        # whole brief confidential): off unless chosen, for this brief only
        self.without_confidential = QCheckBox(self.tr("Leave &confidential records out"), self)
        self.without_confidential.setObjectName("brief_without_confidential")
        self.without_confidential.setToolTip(
            self.tr(
                "For a brief to hand over: no confidential contact, organisation, meeting, follow-up "
                "or letter, nor their names or counts; the brief then says records were left out."
            )
        )
        self.secret_hint = QLabel(self)
        self.secret_hint.setObjectName("brief_subject_confidential")
        self.secret_hint.setWordWrap(True)
        self.secret_hint.setStyleSheet("color: palette(placeholder-text);")
        self.secret_hint.hide()
        self._subject_secret = False
        form.addRow("", self.without_confidential)
        form.addRow("", self.secret_hint)

        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(icon("brief"), self.tr("&Open"), self)
        self.open_button.setDefault(True)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.clicked.connect(lambda: None if refused_box(self) else self.start_brief(None))
        self.save_button.clicked.connect(lambda: self.save_as())  # noqa: PLW0108 (not the bool)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.bar)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(380)
        # Save as…'s file name, read in the background from now on: ready when it is pressed
        self._names: dict[tuple[object, ...], str] = {}
        self._reading: set[tuple[object, ...]] = set()
        self._then: tuple[tuple[object, ...], Callable[[str], None]] | None = None
        if kind != "digest":
            self._read_name(self.request())
            self._read_secret()

    # --- confidential records -------------------------------------------------------------------

    def _read_secret(self) -> None:
        """Whether the record briefed on is confidential itself, read in the background: its
        brief cannot leave confidential records out, and the dialog says so beside the box."""
        engine, kind, subject_id = self.ctx.engine, self.kind, self.subject_id

        def read(_task: Task) -> bool:
            with read_session(engine) as s:
                return leave_out.subject_is_confidential(s, kind, subject_id)

        self.ctx.tasks.run(
            read, on_done=self._secret_read, on_error=lambda _exc: None, owner=self, again=False
        )  # (one that cannot be read: the brief itself refuses, in words)

    def _secret_read(self, secret: bool) -> None:
        self._subject_secret = secret
        if not secret:
            return
        self.without_confidential.setChecked(False)
        self.without_confidential.setEnabled(False)
        words = {
            "organisation": self.tr(
                "This organisation is confidential itself: its brief cannot leave confidential records out."
            ),
            "contact": self.tr(
                "This contact is confidential themselves: their brief cannot leave confidential records out."
            ),
            "meeting": self.tr(
                "This meeting is confidential itself: its brief cannot leave confidential records out."
            ),
        }
        self.secret_hint.setText(words[self.kind])
        self.secret_hint.show()

    # --- language -------------------------------------------------------------------------------

    def _lang_chosen(self) -> None:
        """A language chosen here holds for this session's briefs; the window's own language
        chosen again means following the window again."""
        lang = str(self.lang.currentData())
        self.ctx.brief_lang = "" if lang == self._window_lang else lang
        self._say_lang()

    def _say_lang(self) -> None:
        if self.ctx.brief_lang and self.ctx.brief_lang != self._window_lang:
            self.lang_hint.setText(
                self.tr(
                    "Chosen for briefs until Ketnoi closes. Choose the window's language to follow it again."
                )
            )
        else:
            self.lang_hint.setText(
                self.tr("The window's language. Another chosen here is kept for briefs until Ketnoi closes.")
            )

    # --- digest period --------------------------------------------------------------------------

    def _set_inputs_enabled(self, enabled: bool) -> None:
        """The choices and buttons are locked while a brief is being written."""
        for w in (
            self.open_button,
            self.save_button,
            self.paper,
            self.lang,
            self.period,
            self.start,
            self.end,
        ):
            w.setEnabled(enabled)
        self.without_confidential.setEnabled(enabled and not self._subject_secret)

    def _period_changed(self) -> None:
        choice = str(self.period.currentData())
        custom = choice == "custom"
        if not custom:
            start, end = period(choice, self.ctx.today())
            for edit, day in ((self.start, start), (self.end, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    def _dates_edited(self) -> None:
        self.period.setCurrentIndex(PERIODS.index("custom"))

    def set_period(self, choice: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
        self.period.setCurrentIndex(PERIODS.index(choice))
        if start is not None and end is not None:
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.end.setDate(QDate(end.year, end.month, end.day))

    def request(self) -> BriefRequest:
        start: dt.date | None = None
        end: dt.date | None = None
        if self.kind == "digest":
            s, e = self.start.date(), self.end.date()
            start, end = dt.date(s.year(), s.month(), s.day()), dt.date(e.year(), e.month(), e.day())
        return BriefRequest(
            self.kind,
            self.subject_id,
            start,
            end,
            str(self.paper.currentData()),
            str(self.lang.currentData()),
            without_confidential=self.without_confidential.isChecked(),
        )

    # --- running --------------------------------------------------------------------------------

    def save_as(self, target: str | None = None) -> None:
        """Ask where to save (a file name suggested, read off the UI thread: on a big database
        or a far team server the window froze before the file dialog opened), then write the
        brief there; ``target``: there, without asking."""
        if refused_box(self):
            return
        if target:
            self._save_to(target)
            return
        self.save_button.setEnabled(False)  # until the file dialog is done with
        self._read_name(self.request(), then=self._ask_where)

    def _read_name(self, req: BriefRequest, then: Callable[[str], None] | None = None) -> None:
        """The file name suggested for ``req`` (the subject's name; a meeting's not when its
        title names someone confidential), read in the background, then ``then(name)`` — at
        once if it was read already (as the dialog opened). A name that cannot be read (the
        server away) is the kind's and the day's: the brief's own error says why."""
        key = (req.kind, req.subject_id, req.start, req.end)
        if key in self._names:
            if then is not None:
                then(self._names[key])
            return
        if then is not None:
            self._then = (key, then)
        if key in self._reading:
            return
        self._reading.add(key)
        engine, today = self.ctx.engine, self.ctx.today()
        words = file_names.brief_words()  # "tom-tat-…" in the Vietnamese window (reviewer h129)

        def read(_task: Task) -> str:
            with read_session(engine) as s:
                return suggested_file_name(s, req, today, words)

        def done(name: str, *, keep: bool = True) -> None:
            self._reading.discard(key)
            if keep:  # (a name that could not be read is asked again next time)
                self._names[key] = name
            waiting, self._then = self._then, None
            if waiting is not None and waiting[0] == key:
                waiting[1](name)
            elif waiting is not None:
                self._then = waiting

        fallback = missing_file_name(req.kind, today, words)
        self.ctx.tasks.run(
            read, on_done=done, on_error=lambda _exc: done(fallback, keep=False), owner=self, again=False
        )

    def _ask_where(self, name: str) -> None:
        if not self.isVisible() or self.task is not None:
            return  # closed, or a brief begun meanwhile
        folder = str(self.ctx.settings.qsettings.value("briefs/folder", "")) or str(Path.home())
        target, _ = file_dialogs.get_save_file_name(
            self, self.tr("Save brief"), str(Path(folder) / name), "PDF (*.pdf)"
        )
        self.save_button.setEnabled(True)
        if target:
            self._save_to(target)

    def _save_to(self, target: str) -> None:
        path = pdf_path(target)
        self.ctx.settings.qsettings.setValue("briefs/folder", str(path.parent))
        self.start_brief(path)

    def start_brief(self, target: Path | None) -> Task:
        """The brief written to ``target`` (Save as…), or to Ketnoi's folder of briefs and opened
        (Open). A brief saved where the person chose is not opened too (reviewer: Save as…
        opened the PDF anyway, or with no viewer a box said none opened it): the status bar
        offers to open it."""
        req = self.request()
        self._open_when_done = target is None
        q = self.ctx.settings.qsettings
        q.setValue("briefs/paper", req.paper)
        if req.kind == "digest":
            q.setValue("briefs/period", str(self.period.currentData()))
        self._set_inputs_enabled(False)
        self.message.hide()
        self.bar.setRange(0, 0)
        self.bar.show()
        engine, today = self.ctx.engine, self.ctx.today()
        self.ctx.status_message.emit(self.tr("Preparing the brief…"))
        self.task = self.ctx.tasks.run(
            lambda task: produce(
                engine,
                req,
                today=today,
                target=target,
                folder=open_folder(),
                progress=task.progress,
                cancelled=task.cancelled,
            ),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            again=False,  # (a brief asked for now: not made by itself when a team server comes back)
        )
        return self.task

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _done(self, result: Produced) -> None:
        self.task = None
        path, pages = result.path, result.pages
        self.written = path
        if self._closing:
            QDialog.reject(self)
            return
        answers.file_written(
            self.ctx, self.tr("Brief written: %1 (%Ln page(s))", "", pages).replace("%1", str(path)), path
        )
        if self._open_when_done and open_in_viewer(path) is False:  # no PDF program: say where it is
            answers.no_viewer(self.parentWidget(), path)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if self._closing:
            QDialog.reject(self)
            return
        self.bar.hide()
        self._set_inputs_enabled(True)
        cancelled = isinstance(exc, (Cancelled, BriefCancelled))
        text = self.tr("Cancelled.") if cancelled else error_text(exc)  # a file not written: why, in words
        self.message.setText("⚠ " + text)
        self.message.show()

    def reject(self) -> None:
        self._then = None  # a file name still being read: no file dialog for a closed brief
        if self.task is not None:
            self._closing = True
            self.task.cancel()
            return
        super().reject()


def _show(ctx: AppContext, kind: str, subject_id: int | None, parent: QWidget | None) -> BriefDialog:
    dialog = BriefDialog(ctx, kind, subject_id, parent)
    dialog.open()
    return dialog


def brief_organisation(parent: QWidget | None, ctx: AppContext, org_id: int) -> BriefDialog:
    return _show(ctx, "organisation", org_id, parent)


def brief_contact(parent: QWidget | None, ctx: AppContext, contact_id: int) -> BriefDialog:
    return _show(ctx, "contact", contact_id, parent)


def brief_meeting(parent: QWidget | None, ctx: AppContext, meeting_id: int) -> BriefDialog:
    return _show(ctx, "meeting", meeting_id, parent)


def brief_digest(parent: QWidget | None, ctx: AppContext) -> BriefDialog:
    return _show(ctx, "digest", None, parent)


BRIEF_FOR: dict[str, Callable[[QWidget | None, AppContext, int], BriefDialog]] = {
    "organisation": brief_organisation,
    "contact": brief_contact,
    "meeting": brief_meeting,
}
"""Entity → entry point, for a record page's Brief button."""
