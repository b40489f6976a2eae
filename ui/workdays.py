"""Tools → Working days: Vietnam's public holidays of a year (from the ``holidays`` package),
the government's make-up days, and the office's own days off and make-up working days, which
can be added and removed here (as ``ketnoi holidays add|remove``). Due dates counted in working
days ("+3 working days") follow this calendar."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import workdays
from app.errors import LastSave
from db import clock
from db.engine import Session
from ui import labels
from ui.alt_letters import give_button_letters
from ui.context import AppContext
from ui.datebox import DateBox, refused_box
from ui.dialogs.conflict import saved_by
from ui.focus import select_on_focus
from ui.rows import RowsModel
from ui.tasks import Task
from ui.team import hold_read_only
from ui.widgets import AwayNote


def tr(text: str) -> str:
    return QCoreApplication.translate("WorkingDays", text)


def weekday(day: dt.date) -> str:
    names = (
        tr("Monday"),
        tr("Tuesday"),
        tr("Wednesday"),
        tr("Thursday"),
        tr("Friday"),
        tr("Saturday"),
        tr("Sunday"),
    )
    return names[day.weekday()]


def _filled(text: str, values: dict[str, str]) -> str:
    """``text`` with its %1, %2, %3 filled in one pass (a "%2" in a name stays as it is)."""
    return re.sub("%([123])", lambda m: values[m.group(1)], text)


class DaysModel(RowsModel[tuple[dt.date, str, bool, bool]]):
    """(day, name, a working day?, the office's?) rows handed in by the dialog."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def titles(self) -> tuple[str, ...]:
        return (tr("Date"), tr("Day"), tr("Holiday"), tr("Kind"), tr("Source"))

    def cell(self, row: tuple[dt.date, str, bool, bool], col: int, role: int) -> Any:
        day, name, working, office = row
        if role == Qt.ItemDataRole.UserRole:
            return day
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.ctx.fmt_date(day),
            weekday(day),
            name,
            tr("Working day") if working else tr("Day off"),
            tr("Office") if office else tr("Public"),
        )[col]


class WorkingDaysDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workdays_dialog")
        self.setWindowTitle(tr("Working days"))
        self.year = QSpinBox(self)
        self.year.setRange(1950, 2099)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(self.reload)
        self.next = QLabel(self)
        self.next.setObjectName("workdays_next")
        self.away = AwayNote(ctx, "workdays_unreachable", self)  # the server out of reach
        self.model = DaysModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("workdays_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        select_on_focus(self.table)  # tabbed into: a day selected (Remove acts on it)
        self.day = DateBox(self)
        self.day.setObjectName("workdays_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(ctx.settings.qt_date_format())
        today = ctx.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.working = QCheckBox(tr("Make-up working day"), self)
        self.working.setObjectName("workdays_working")
        self.note = QLineEdit(self)
        self.note.setObjectName("workdays_note")
        self.note.setPlaceholderText(tr("Why (e.g. Year-end party)"))
        self.add_button = QPushButton(tr("Add"), self)
        self.add_button.setObjectName("workdays_add")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(tr("Remove the office's day"), self)
        self.remove_button.setObjectName("workdays_remove")
        self.remove_button.clicked.connect(self.remove)
        hold_read_only(ctx, self.add_button, self.remove_button)  # a reader sees the office's calendar
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.next, 1)
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.working)
        row.addWidget(self.note, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        hint = QLabel(
            tr(
                "Public holidays come from the holidays package (Tết, Hùng Kings' Day, 30/4, 1/5, 2/9 and the days "
                "the government moves). Add your office's own days off, and Saturdays worked to make up for a bridge day."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.said = QLabel(self)  # what a Remove did not do, and why
        self.said.setObjectName("workdays_said")
        self.said.setWordWrap(True)
        self.said.hide()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.away)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.said)
        # the hint beside Close, as Trash and Backups have it (Esc alone closed it: reviewer)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.setObjectName("workdays_close")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(close, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(bottom)
        self.resize(760, 520)
        self.reload()
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    def reload(self) -> None:
        year, engine, today = self.year.value(), self.ctx.engine, self.ctx.today()
        lang, day_format = self.ctx.lang(), self.ctx.settings.py_date_format()  # a name's date as chosen

        def work(_task: Task) -> tuple[list[tuple[dt.date, str, bool, bool]], Any]:
            from db.engine import read_session

            with read_session(engine) as s:
                cal = workdays.load_calendar(s, lang, day_format)
            rows = [(d, n, w, d in cal.office) for d, n, w in workdays.holidays_in(cal, [year])]
            return rows, cal.next_holiday(today)

        self.ctx.tasks.run(work, on_done=self._show, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if self.away.read_failed(exc):
            self.model.set_rows([])  # not a calendar that reads as the office's
            self.next.clear()

    def _show(self, result: tuple[list[tuple[dt.date, str, bool, bool]], Any]) -> None:
        rows, nxt = result
        self.away.read()
        self.model.set_rows(rows)
        if nxt:
            first, last, name = nxt
            days = (last - first).days + 1
            now = labels.holiday_now(first, last, name, self.ctx.today(), self.ctx.fmt_date)
            if now is not None:  # opened on a day off (as the dashboard says it)
                self.next.setText(now)
                return
            self.next.setText(
                tr("Next holiday: %1 from %2 (%3 days off)")
                .replace("%1", name)
                .replace("%2", self.ctx.fmt_date(first))
                .replace("%3", str(days))
            )

    def add(self) -> None:
        if refused_box(self):
            return
        self._say("")  # what an earlier Remove said is about that Remove
        d = self.day.date()
        day = dt.date(d.year(), d.month(), d.day())
        working, note, actor = self.working.isChecked(), self.note.text(), self.ctx.actor()

        def work(s: Session) -> None:
            workdays.set_office_day(s, day, working=working, note=note, actor=actor)

        self.ctx.write(work, entity="office_day", on_done=lambda _r: self._added(day))

    def _added(self, day: dt.date) -> None:
        self.note.clear()
        if self.year.value() != day.year:
            self.year.setValue(day.year)
        else:
            self.reload()

    def _say(self, text: str) -> None:
        self.said.setText(text)
        self.said.setVisible(bool(text))

    def remove(self) -> None:
        """Remove the office's days chosen. A public day chosen is not removed and the dialog
        says how to change it for the office; a day another window or colleague removed
        meanwhile is said to be gone already, by whom and when."""
        rows = [self.model.rows[i.row()] for i in self.table.selectionModel().selectedRows()]
        chosen = [r[0] for r in rows if r[3]]
        public = sorted(r[0] for r in rows if not r[3])
        said = []
        if not rows:
            said.append(tr("Choose the office's days to remove in the list."))
        if public:
            said.append(
                tr(
                    "Public holidays and the government's make-up days (%1) come from Vietnam's calendar and "
                    "are not removed here. To change one for the office, choose its date above and press Add: "
                    "with “Make-up working day” ticked it becomes a working day, unticked a day off."
                ).replace("%1", ", ".join(self.ctx.fmt_date(d) for d in public))
            )
        self._say("\n".join(said))
        if not chosen:
            return
        actor = self.ctx.actor()

        def work(s: Session) -> list[tuple[dt.date, LastSave | None]]:
            gone = [day for day in chosen if not workdays.remove_office_day(s, day, actor=actor)]
            return [(day, workdays.removed_by(s, day)) for day in gone]

        self.ctx.write(work, entity="office_day", on_done=lambda gone: self._removed(gone, said))

    def _removed(self, gone: list[tuple[dt.date, LastSave | None]], said: list[str]) -> None:
        self.reload()
        for day, saved in sorted(gone, key=lambda g: g[0]):
            who = saved_by(self.ctx, saved)
            if who:
                text = tr("The office's day %1 had already been removed by %2 at %3.")
            elif who == "":
                text = tr(
                    "The office's day %1 had already been removed at %3, in another window or from the "
                    "command line."
                )
            else:
                text = tr("The office's day %1 had already been removed by someone else.")
            when = self.ctx.fmt_datetime(clock.local(saved.at)) if saved else ""
            said.append(_filled(text, {"1": self.ctx.fmt_date(day), "2": who or "", "3": when}))
        self._say("\n".join(said))
