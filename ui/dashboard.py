"""The first screen: what is overdue, what is due this week, who we meet next, the figures."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import dashboard, workdays
from app.stakeholder_map import stakeholder_points
from app.vntext import split_name
from db import clock
from db.engine import read_session
from ui import labels
from ui.context import AppContext
from ui.details.story import css, link
from ui.stakeholder_map import MapCanvas
from ui.tasks import Task


def _secret(row: dict[str, Any]) -> str:
    """A confidential action's or meeting's mark after its title, as the lists show the lock and
    the briefs print "(Confidential)" (reviewer h103: the dashboard's Overdue and Upcoming lists
    showed confidential items unmarked, on a screen others may see over one's shoulder)."""
    if not row.get("confidential"):
        return ""
    return f" <span style='color:#c62828; font-weight:600'>({escape(tr('Confidential'))})</span>"


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def greeting_name(name: str) -> str:
    """The name to greet the officer by: the given name, wherever the name's order puts it
    ("Trần Minh Anh": Anh; "Emily Carter": Emily, not her family name)."""
    return split_name(name).given or name.strip()


class Figure(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.value = QLabel("…", self)  # until the first read: no figure is claimed
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        caption = self.caption = QLabel(title, self)
        caption.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.addWidget(self.value)
        lay.addWidget(caption)


class Card(QFrame):
    link_activated = Signal(str, int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        head = self.head = QLabel(title, self)
        font = QFont(self.font())
        font.setBold(True)
        head.setFont(font)
        self.body = QTextBrowser(self)
        self.body.setOpenLinks(False)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.anchorClicked.connect(self._follow)
        self.body.viewport().setAutoFillBackground(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.addWidget(head)
        lay.addWidget(self.body)

    def set_html(self, html: str) -> None:
        self.body.setHtml(css() + html)

    def _follow(self, url: QUrl) -> None:
        entity, _, ident = url.path().partition("/")
        if ident.isdigit():
            self.link_activated.emit(entity, int(ident))


class DashboardView(QScrollArea):
    link_activated = Signal(str, int)
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        self.heading = QLabel(inner)
        hfont = QFont(self.font())
        hfont.setPointSizeF(hfont.pointSizeF() * 1.5)
        hfont.setBold(True)
        self.heading.setFont(hfont)
        self.holiday = QLabel(inner)  # when the next public or office holiday begins
        self.holiday.setObjectName("dashboard_holiday")
        self.holiday.setEnabled(False)
        keys = [
            ("overdue", tr("Overdue actions")),
            ("due_this_week", tr("Due this week")),
            ("meetings_this_month", tr("Meetings this month")),
            ("we_owe", tr("Open: we owe")),
            ("they_owe", tr("Open: they owe")),
            ("organisations", tr("Active organisations")),
        ]
        self.figures = {k: Figure(t, inner) for k, t in keys}
        # (reviewer: "17 Organisations" here, "19 organisations" under the list, unexplained)
        self.figures["organisations"].setToolTip(
            tr(
                "Organisations not merged into or renamed to another: the Organisations list also "
                "shows those, greyed, with what they became."
            )
        )
        for k, f in self.figures.items():
            f.setObjectName(f"figure_{k}")
        figures = QHBoxLayout()
        figures.setSpacing(10)
        for f in self.figures.values():
            figures.addWidget(f)
        self.cards = {
            "overdue": Card(tr("Overdue"), inner),
            "week": Card(tr("Due this week"), inner),
            "meetings": Card(tr("Upcoming meetings"), inner),
            "recent": Card(tr("Recently touched organisations"), inner),
        }
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.cards["overdue"], 0, 0)
        grid.addWidget(self.cards["week"], 0, 1)
        grid.addWidget(self.cards["meetings"], 1, 0)
        grid.addWidget(self.cards["recent"], 1, 1)
        self.map_card = QFrame(inner)
        self.map_card.setObjectName("dashboard_map")
        self.map_card.setFrameShape(QFrame.Shape.StyledPanel)
        self.map_card.setAutoFillBackground(True)
        self.map_card.setBackgroundRole(QPalette.ColorRole.Base)
        map_head = QLabel(tr("Stakeholder map"), self.map_card)
        bold = QFont(self.font())
        bold.setBold(True)
        map_head.setFont(bold)
        self.map = MapCanvas(self.map_card, compact=True, editable=False)
        self.map.setToolTip(tr("Organisations by influence and interest; click a dot to open it"))
        mlay = QVBoxLayout(self.map_card)
        mlay.setContentsMargins(12, 10, 12, 10)
        mlay.addWidget(map_head)
        mlay.addWidget(self.map, 1)
        grid.addWidget(self.map_card, 0, 2, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        for card in self.cards.values():
            card.link_activated.connect(self.link_activated)
            card.setMinimumHeight(200)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.setSpacing(12)
        lay.addWidget(self.heading)
        lay.addWidget(self.holiday)
        lay.addLayout(figures)
        lay.addLayout(grid, 1)
        self.setWidget(inner)
        self.counts: dict[str, int] = {}
        self._generation = 0
        # Until the first read returns: "Loading…", not "Nothing overdue" or "Nothing rated yet"
        # (the window shows the views before the database has answered).
        self.loaded = False
        self.heading.setText(tr("Good day"))
        for card in self.cards.values():
            card.set_html(f'<p class="muted">{escape(tr("Loading…"))}</p>')

    def refresh(self) -> None:
        """Gather in the background (the counts grow with the database), show on return."""
        today, engine, staff_id = self.ctx.today(), self.ctx.engine, self.ctx.staff_id
        now, lang, day_format = clock.now(), self.ctx.lang(), self.ctx.settings.py_date_format()

        def work(_task: Task) -> dict[str, Any]:
            with read_session(engine) as s:
                return {
                    "today": today,
                    "counts": dashboard.counts(s, today=today),
                    "overdue": dashboard.actions_due(s, before=today, limit=12),
                    "week": dashboard.actions_due(s, from_=today, to=dashboard.due_week_end(today), limit=12),
                    "meetings": dashboard.upcoming_meetings(s, now=now, limit=8),
                    "recent": dashboard.recent_organisations(s, limit=5, now=now),
                    "me": dashboard.staff_name(s, staff_id),
                    "map": stakeholder_points(s, today=today),
                    "holiday": workdays.load_calendar(s, lang, day_format).next_holiday(today),
                }

        self._generation += 1
        generation = self._generation
        self.ctx.tasks.run(
            work,
            on_done=lambda data: self._show(data) if generation == self._generation else None,
            owner=self,
        )

    def _show(self, data: dict[str, Any]) -> None:
        self.loaded = True
        today, me, self.counts = data["today"], data["me"], data["counts"]
        overdue, week, meetings, recent = data["overdue"], data["week"], data["meetings"], data["recent"]
        hello = tr("Good day, %1").replace("%1", greeting_name(me)) if me else tr("Good day")
        self.heading.setText(f"{hello} — {self.ctx.fmt_date(today)}")
        self.holiday.setText(self._holiday(data.get("holiday")))
        for k, f in self.figures.items():
            f.value.setText(self.ctx.fmt_number(self.counts.get(k, 0)))
        self.cards["overdue"].set_html(self._actions(overdue, tr("Nothing overdue. Well done.")))
        self._say_week(today)
        empty = tr("Nothing due next week.") if dashboard.is_weekend(today) else tr("Nothing due this week.")
        self.cards["week"].set_html(self._actions(week, empty))
        self.cards["meetings"].set_html(self._meetings(meetings))
        self.cards["recent"].set_html(self._orgs(recent))
        self.map.set_points(data["map"])
        self.refreshed.emit()

    def _say_week(self, today: dt.date) -> None:
        """ "Due this week" from Monday to Friday; on a Saturday or a Sunday the coming week's
        (app.dashboard.due_week_end), said in the figure's and the card's titles; their
        tooltip names the last day counted."""
        last = self.ctx.fmt_date(dashboard.due_week_end(today))
        if dashboard.is_weekend(today):
            title = tr("Due next week")
            tip = tr("The week is over: what is due from today to %1").replace("%1", last)
        else:
            title, tip = tr("Due this week"), tr("What is due from today to %1").replace("%1", last)
        figure, card = self.figures["due_this_week"], self.cards["week"]
        figure.caption.setText(title)
        card.head.setText(title)
        for widget in (figure, card.head):
            widget.setToolTip(tip)

    def _holiday(self, found: tuple[Any, Any, str] | None) -> str:
        if not found:
            return ""
        first, last, name = found
        days = (last - first).days + 1
        now = labels.holiday_now(first, last, name, self.ctx.today(), self.ctx.fmt_date)
        if now is not None:  # opened on a day off: not "next", and when work resumes
            return now
        return (
            tr("Next holiday: %1, from %2 to %3 (%4 days off)")
            .replace("%1", name)
            .replace("%2", self.ctx.fmt_date(first))
            .replace("%3", self.ctx.fmt_date(last))
            .replace("%4", str(days))
        )

    def _actions(self, rows: list[dict[str, Any]], empty: str) -> str:
        if not rows:
            return f'<p class="muted">{escape(empty)}</p>'
        out = ["<table width='100%'>"]
        for a in rows:
            who = escape(a.get("responsible") or "")
            org = escape(a.get("organisation") or "")
            sub = " · ".join(x for x in (labels.direction(a["direction"]), who, org) if x)
            out.append(
                f"<tr><td class='muted' style='white-space:nowrap'>{self.ctx.fmt_date(a['due_date'])}&nbsp;</td>"
                f"<td>{link('action', a['id'], a['title'])}{_secret(a)}<br><span class='muted small'>{sub}</span></td></tr>"
            )
        return "".join(out) + "</table>"

    def _meetings(self, rows: list[dict[str, Any]]) -> str:
        if not rows:
            return f'<p class="muted">{tr("No meetings planned.")}</p>'
        out = ["<table width='100%'>"]
        for m in rows:
            sub = " · ".join(
                x for x in (escape(m.get("organisations") or ""), escape(m.get("location") or "")) if x
            )
            out.append(
                f"<tr><td class='muted' style='white-space:nowrap'>{self.ctx.fmt_datetime(m['starts_at']).replace(' ', '<br>', 1)}&nbsp;</td>"
                f"<td>{link('meeting', m['id'], m['title'])}{_secret(m)}<br><span class='muted small'>{sub}</span></td></tr>"
            )
        return "".join(out) + "</table>"

    def _orgs(self, rows: list[dict[str, Any]]) -> str:
        if not rows:
            return f'<p class="muted">{tr("No organisations yet.")}</p>'
        out = ["<table width='100%'>"]
        for o in rows:
            met = ""
            if o.get("met"):
                when = o["met"].date()
                met = (tr("next meeting %1") if when > self.ctx.today() else tr("met %1")).replace(
                    "%1", self.ctx.fmt_date(when)
                )
            name = o["name"] + (f" ({o['acronym']})" if o.get("acronym") else "")
            out.append(
                f"<tr><td>{link('organisation', o['id'], name)}<br><span class='muted small'>"
                f"{escape(labels.organisation_kind(o['kind']))}{' · ' + met if met else ''}</span></td></tr>"
            )
        return "".join(out) + "</table>"
