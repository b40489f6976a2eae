"""Posts… → End holding…: the chosen post's holder leaves it on a day, their last day in post
(today unless another is chosen). The day it began is the earliest: an acting post held for
one day, or a holder entered by mistake, ends on that day; an earlier day is refused by
:func:`app.posts.end` with the day it began, in the window's language. The form only collects
the day; the Posts dialog writes it (one step of Edit → Undo)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app import posts
from ui.context import AppContext
from ui.datebox import DateBox, refused_box
from ui.post_words import message


def tr(text: str) -> str:
    return QCoreApplication.translate("Posts", text)


class EndHoldingForm(QDialog):
    """Who leaves which post, since when, and a box for their last day in it."""

    def __init__(self, ctx: AppContext, holding: posts.PostHolding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("end_holding_form")
        self.setWindowTitle(tr("End holding"))
        if holding.starts_on is not None:
            text = tr("%1 holds “%2” from %3.").replace("%3", ctx.fmt_date(holding.starts_on))
        else:
            text = tr("%1 holds “%2”.")
        intro = QLabel(text.replace("%2", holding.post).replace("%1", holding.name), self)
        intro.setObjectName("end_holding_intro")
        intro.setWordWrap(True)
        today = ctx.today()
        first = max(today, holding.starts_on) if holding.starts_on else today  # (a holder from later)
        self.day = DateBox(self)
        self.day.setObjectName("end_holding_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(ctx.settings.qt_date_format())
        self.day.setDate(QDate(first.year, first.month, first.day))
        self.ctx, self.starts_on = ctx, holding.starts_on
        self.error = QLabel(self)  # a day before the holding began, said here (the form stays open)
        self.error.setObjectName("end_holding_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B42318")
        self.error.hide()
        self.day.dateChanged.connect(lambda _d: self.error.hide())
        hint = QLabel(tr("An acting post held for one day ends on the day it began."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form = QFormLayout()
        form.addRow(tr("Last day in the post"), self.day)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("End holding"))
        ok.setObjectName("end_holding_ok")
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.error)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.resize(440, 200)

    def last_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def _check(self) -> None:
        if refused_box(self):  # a date typed that is none: said by its box, nothing written
            return
        if (early := posts.too_early(self.starts_on, self.last_day())) is not None:
            # said here, the day selected for typing again (reviewer: the form closed, the red
            # line came under the Posts list and the day typed was lost); app.posts.end refuses
            # it too, for a form that did not; in the window's language as the list says it
            self.error.setText(message(self.ctx, early))
            self.error.show()
            self.day.setFocus()
            self.day.selectAll()
            return
        self.accept()
