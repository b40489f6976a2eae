"""A non-modal strip in a form: "Looks like Nguyễn Văn Hùng (Viettel) — same name · Open".

The form calls :meth:`DuplicateWarning.check` with its values on every edit; after a pause in
typing (300 ms) ``app.dedupe.possible_duplicates`` runs on a pool thread and the strip shows the
most likely match, or hides. Only the latest look-up is shown (older answers are dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app import dedupe
from app.already_logged import AlreadyLogged
from db import clock
from db.engine import read_session
from ui import labels
from ui.context import AppContext
from ui.icons import icon
from ui.tasks import Task

DEBOUNCE_MS = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("Duplicates", text)


_REASONS: tuple[tuple[str, Any], ...] = (
    (r"same email (.+)", QT_TRANSLATE_NOOP("Duplicates", "same email %1")),
    (r"same phone (.+)", QT_TRANSLATE_NOOP("Duplicates", "same phone %1")),
    (r"same name ignoring accents", QT_TRANSLATE_NOOP("Duplicates", "same name ignoring accents")),
    (r"same name in another order", QT_TRANSLATE_NOOP("Duplicates", "same name in another order")),
    (r"same family and given name", QT_TRANSLATE_NOOP("Duplicates", "same family and given name")),
    (r"same acronym (.+)", QT_TRANSLATE_NOOP("Duplicates", "same acronym %1")),
    (
        r"the acronym (.+) of one is the name of the other",
        QT_TRANSLATE_NOOP("Duplicates", "the acronym %1 of one is the name of the other"),
    ),
    (r'same alias "(.+)"', QT_TRANSLATE_NOOP("Duplicates", "same alias “%1”")),
    (r'same English name "(.+)"', QT_TRANSLATE_NOOP("Duplicates", "same English name “%1”")),
    (r"same website (.+)", QT_TRANSLATE_NOOP("Duplicates", "same website %1")),
    (
        r'"(.+)" is an alias of one and the \w+ of the other',
        QT_TRANSLATE_NOOP("Duplicates", "“%1” is an alias of one and the name of the other"),
    ),
)


def reason_text(reason: str) -> str:
    """The service's reasons are English sentences (app/ knows no Qt): shown translated."""
    reason, suffix = reason.strip(), ""
    if reason.endswith(" at the same organisation"):
        reason, suffix = reason[: -len(" at the same organisation")], tr(", at the same organisation")
    for pattern, text in _REASONS:
        found = re.fullmatch(pattern, reason)
        if found:
            out = QCoreApplication.translate("Duplicates", text)
            return (out.replace("%1", found.group(1)) if found.groups() else out) + suffix
    return reason + suffix


def ask_about_duplicate(parent: QWidget, entity: str, name: str, why: str) -> str:
    """Save anyway ("save"), open the existing record ("open") or go back to the form
    ("cancel"), for a record that looks like ``name`` (``why``: the reasons). One function, so
    that tests can answer it."""
    text = tr("This looks like %1, already saved (%2).")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Already saved?"),
        text.replace("%1", name).replace("%2", why),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(tr("Save a second %1 anyway?").replace("%1", labels.entity_name(entity).lower()))
    save = box.addButton(tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    open_ = box.addButton(tr("&Open the existing one"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Enter (or a second Ctrl+Return) does not save the duplicate
    box.exec()
    return {id(save): "save", id(open_): "open"}.get(id(box.clickedButton()), "cancel")


def already_logged_text(twin: AlreadyLogged) -> str:
    """ "Trần Thị Lan already logged “…” with Genetica at 09:33." in the window's language ("You
    already logged…" when it was this person; no name when none is known)."""
    at = f"{twin.starts_at:%H:%M}"
    values = {"title": twin.title, "shared": twin.shared, "at": at, "by": twin.by}
    order: tuple[str, ...]
    if twin.mine:
        text, order = tr("You already logged “%1” with %2 at %3."), ("title", "shared", "at")
    elif twin.by:
        text, order = tr("%1 already logged “%2” with %3 at %4."), ("by", "title", "shared", "at")
    else:
        text, order = tr("“%1” with %2 at %3 is already logged."), ("title", "shared", "at")
    filled = [values[k] for k in order]

    def fill(mt: re.Match[str]) -> str:
        n = int(mt.group(1))
        return filled[n - 1] if 0 < n <= len(filled) else mt.group(0)

    return re.sub(r"%(\d)", fill, text)  # in one pass: a title holding "%2" stays as written


def ask_already_logged(parent: QWidget, twin: AlreadyLogged, date_format: str) -> str:
    """Log meeting, for a meeting logged already (:mod:`app.already_logged`): "Trần Thị Lan
    already logged “…” with Genetica at 09:33" — open it ("open"), save this one anyway
    ("save") or go back ("cancel", the default: Enter does not save it). One function, so that
    tests can answer it."""
    text = already_logged_text(twin)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Already logged?"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    more = tr("Save this meeting as well?")
    if twin.logged_at is not None:
        at = clock.local(twin.logged_at)  # the office's time, not the laptop's (h144)
        when = QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)).toString(
            date_format + " HH:mm"
        )
        more = tr("Logged %1.").replace("%1", when) + " " + more
    box.setInformativeText(more)
    open_ = box.addButton(tr("&Open it"), QMessageBox.ButtonRole.ActionRole)
    save = box.addButton(tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Cancel stays the default: it loses nothing (Log meeting stays open, all typed kept), where
    # an Enter that saved would leave a second meeting in the team's records. Alt+S saves it.
    box.setDefaultButton(cancel)
    box.exec()
    return {id(save): "save", id(open_): "open"}.get(id(box.clickedButton()), "cancel")


class DuplicateWarning(QFrame):
    open_requested = Signal(str, int)
    use_requested = Signal(str, int, str)  # entity, id, label
    found = Signal(list)  # the candidates of the latest look-up

    def __init__(
        self, ctx: AppContext, entity: str, parent: QWidget | None = None, *, offer_use: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicate_warning")
        self.ctx, self.entity = ctx, entity
        self.candidates: list[dedupe.DuplicateCandidate] = []
        self._values: dict[str, Any] = {}
        self._exclude: int | None = None
        self._generation = 0
        self._in_flight = 0  # the generation of the look-up running (0: none)
        self._waiting: list[Callable[[], None]] = []  # called once the latest look-up answered
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        pal.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.darkYellow if dark else Qt.GlobalColor.yellow)
        tint = pal.color(QPalette.ColorRole.Window)
        tint.setAlpha(60)
        pal.setColor(QPalette.ColorRole.Window, tint)
        self.setPalette(pal)
        self.icon = QLabel(self)
        self.icon.setPixmap(icon("warning").pixmap(18, 18))
        self.text = QLabel(self)
        self.text.setObjectName("duplicate_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(tr("Open"), self)
        self.open_button.setObjectName("duplicate_open")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        # A click leaves the focus in the field being typed in (Tab still reaches the buttons):
        # a button holding it dropped it when the strip hid, onto the next in the form's tab
        # chain — in Log meeting the Save button, which the next Space pressed clicked.
        self.open_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.use_button = QPushButton(tr("Use this one"), self)
        self.use_button.setObjectName("duplicate_use")
        self.use_button.setAutoDefault(False)
        self.use_button.clicked.connect(self._use)
        self.use_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.use_button.setVisible(offer_use)
        self._offer_use = offer_use
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        if offer_use:  # a narrow column (log meeting): the buttons go under the text
            column = QVBoxLayout()
            self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
            column.addWidget(self.text)
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            buttons.addWidget(self.use_button)
            buttons.addWidget(self.open_button)
            column.addLayout(buttons)
            lay.addLayout(column, 1)
        else:
            lay.addWidget(self.text, 1)
            lay.addWidget(self.open_button)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._look_up)
        self.hide()

    def check(self, values: Mapping[str, Any], exclude_id: int | None = None) -> None:
        """Schedule a look-up for these values (debounced)."""
        self._values, self._exclude = dict(values), exclude_id
        self._timer.start()

    def clear(self) -> None:
        self._timer.stop()
        self._generation += 1
        self.candidates = []
        self.hide()
        self._settled()

    def when_settled(self, then: Callable[[], None]) -> None:
        """``then()`` once :attr:`candidates` answer the values last checked: now, or when the
        look-up waiting (its pause not over, or running) has answered (a save pressed right
        after typing asks about a duplicate too)."""
        if not self._timer.isActive() and not self._in_flight:
            then()
            return
        self._waiting.append(then)
        if self._timer.isActive():
            self._timer.stop()
            self._look_up()

    def _settled(self) -> None:
        self._in_flight = 0
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def _look_up(self) -> None:
        self._generation += 1
        generation = self._generation
        engine, entity, values, exclude = self.ctx.engine, self.entity, self._values, self._exclude
        if not any(v for v in values.values()):
            self.clear()
            return
        self._in_flight = generation

        def work(_task: Task) -> list[dedupe.DuplicateCandidate]:
            with read_session(engine) as s:
                return dedupe.possible_duplicates(s, entity, values, exclude_id=exclude, limit=3)

        def done(found: list[dedupe.DuplicateCandidate]) -> None:
            # the form may have been closed (and deleted) while the look-up ran
            if isValid(self) and generation == self._generation:
                self._show(found)
                self._settled()

        def failed(_exc: BaseException) -> None:
            if isValid(self) and generation == self._generation:
                self._settled()  # no answer: the save goes on as without the strip

        self.ctx.tasks.run(work, on_done=done, on_error=failed, owner=self)

    def _show(self, found: list[dedupe.DuplicateCandidate]) -> None:
        self.candidates = found
        self.found.emit(found)
        if not found:
            self.hide()
            return
        best = found[0]
        # in a narrow column the name alone (position and organisation in the tooltip)
        name = best.label + (f" ({best.subtitle})" if best.subtitle and not self._offer_use else "")
        reasons = ", ".join(dict.fromkeys(reason_text(r) for r in best.reasons))
        text = tr("Looks like %1 — %2").replace("%1", name).replace("%2", reasons)
        if len(found) > 1:
            text += " " + tr("(and %1 more)").replace("%1", labels.number(len(found) - 1))
        self.text.setText(text)
        self.text.setToolTip(
            "\n".join(
                f"{c.label} ({c.subtitle}) — {', '.join(reason_text(r) for r in c.reasons)}" for c in found
            )
        )
        self.use_button.setVisible(self._offer_use)
        self.show()

    def pending(self) -> bool:
        """A look-up is waiting for the pause in typing, or running."""
        return self._timer.isActive() or bool(self._in_flight)

    def likely(self) -> list[dedupe.DuplicateCandidate]:
        """The candidates shown that are very probably this record: for a person the same name
        and the same phone, e-mail or organisation (the same name alone may be someone else:
        Vietnamese names repeat); for an organisation the same name."""
        out = []
        for c in self.candidates:
            named = [r for r in c.reasons if r.startswith("same name") or r.startswith("same family")]
            if self.entity == "contact":
                detail = any(r.startswith(("same phone", "same email")) for r in c.reasons) or any(
                    r.endswith(" at the same organisation") for r in named
                )
                if named and detail:
                    out.append(c)
            elif any(r.startswith("same name ignoring accents") for r in named):
                out.append(c)
        return out

    def _open(self) -> None:
        if self.candidates:
            self.open_requested.emit(self.entity, self.candidates[0].id)

    def _use(self) -> None:
        if self.candidates:
            c = self.candidates[0]
            self.use_requested.emit(self.entity, c.id, c.label)


class RecordPeek(QDialog):
    """A small non-modal dialog showing one record's page (from a form's warning, or "Open it"
    in Already logged?): Close, Esc or Ctrl+W close it, and it is placed beside the form that
    opened it, or over it above its buttons, never on them (reviewer: only the window manager
    closed it, and it covered Log meeting's Save)."""

    WIDTH, HEIGHT = 560, 640

    def __init__(self, ctx: AppContext, entity: str, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.details.pane import DetailPane

        self.setObjectName("record_peek")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.pane = DetailPane(ctx, self)
        self.pane.show_record(entity, record_id)
        self.setWindowTitle(tr("Existing record"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        shortcut.activated.connect(self.reject)  # Ctrl+W, as a window of pages closes (Esc: QDialog)
        if QKeySequence(QKeySequence.StandardKey.Close) != QKeySequence("Ctrl+W"):
            QShortcut(QKeySequence("Ctrl+W"), self).activated.connect(self.reject)  # (Ctrl+F4 on Windows)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 6)
        lay.addWidget(self.pane, 1)
        close.setContentsMargins(6, 0, 6, 0)
        lay.addWidget(close)
        self.resize(self.WIDTH, self.HEIGHT)
        if parent is not None:
            self.place_beside(parent.window())

    def place_beside(self, form: QWidget) -> None:
        """Right of ``form`` where the screen has room, else left of it; else over it, at the
        screen's right edge, as high as the room above the form's buttons allows."""
        screen = (form.screen() or self.screen()).availableGeometry()
        outer, inner = form.frameGeometry(), form.geometry()
        # the window manager's frame, as it draws the form's: its title bar and borders
        left, top_edge = inner.left() - outer.left(), inner.top() - outer.top()
        right, bottom_edge = outer.right() - inner.right(), outer.bottom() - inner.bottom()
        width = min(self.WIDTH, screen.width() - left - right)
        height = min(self.HEIGHT, screen.height() - top_edge - bottom_edge)
        framed_w, framed_h = width + left + right, height + top_edge + bottom_edge
        top = max(screen.top(), min(outer.top(), screen.bottom() + 1 - framed_h))
        if screen.right() - outer.right() >= framed_w:
            x = outer.right() + 1
        elif outer.left() - screen.left() >= framed_w:
            x = outer.left() - framed_w
        else:  # no room beside: over the form, its frame ending above the form's buttons
            x, top = screen.right() + 1 - framed_w, screen.top()
            shown = [b for b in form.findChildren(QPushButton) if b.isVisible() and b.window() is form]
            tops = [  # the form's buttons under where it would be (Save, a follow-up's Add)
                b.mapToGlobal(b.rect().topLeft()).y()
                for b in shown
                if b.mapToGlobal(b.rect().topRight()).x() >= x
            ]
            buttons = min(tops, default=screen.bottom() + 1)
            room = buttons - 8 - top - top_edge - bottom_edge
            height = max(min(height, room), min(height, 320))
        self.setGeometry(x + left, top + top_edge, width, height)


def peek(ctx: AppContext, parent: QWidget) -> Callable[[str, int], None]:
    def show(entity: str, record_id: int) -> None:
        window = RecordPeek(ctx, entity, record_id, parent)
        window.show()
        window.raise_()
        window.activateWindow()  # Esc and Ctrl+W close it at once

    return show
