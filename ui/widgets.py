"""Small shared widgets: a type-ahead record lookup, a field-error label and the note of a team
server out of reach in a window's list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMessageBox, QWidget

from app import lists, reorg
from db.engine import read_session
from ui.context import AppContext, Unreachable


def finder(
    ctx: AppContext, entity: str, first: Callable[[], Sequence[int]] | None = None
) -> Callable[[str], list[tuple[int, str]]]:
    """A function text → [(id, label)] over the search index (bounded: 12 hits), safe to call on
    a pool thread. Each label is unique among the hits (:func:`_told_apart`). People of the
    organisations ``first()`` gives come first (:func:`app.lists.find_contacts`): it is read at
    each search, maybe on a pool thread, so it returns a value the UI thread replaces, never
    changes (the Log meeting picker's tuple)."""
    engine = ctx.engine

    def find(text: str) -> list[tuple[int, str]]:
        ahead = tuple(first()) if first is not None else ()
        with read_session(engine) as s:
            if entity == "staff":  # our own people: a short list, found by name
                return lists.find_staff(s, text)
            if entity == "contact":
                return _told_apart(
                    [
                        (
                            c["id"],
                            c["full_name"] + (f" — {c['organisation']}" if c.get("organisation") else ""),
                            [c.get("position") or "", c.get("email") or ""],
                        )
                        for c in lists.find_contacts(s, text, first_organisations=ahead)
                    ],
                    person=True,
                )
            found = lists.find_organisations(s, text)
            became = reorg.became_of(s, [o["id"] for o in found])
            hits = _told_apart(
                [
                    (
                        o["id"],
                        o["name"] + (f" ({o['acronym']})" if o.get("acronym") else ""),
                        [o.get("parent_acronym") or o.get("parent") or "", o.get("city") or ""],
                    )
                    for o in found
                ]
            )
            return [(i, label + successor_hint(ctx, became.get(i, []))) for i, label in hits]

    return find


SUCCESSOR_MARK = "  → "  # before an organisation's successors in a type-ahead's row


def successor_hint(ctx: AppContext, became: Sequence[reorg.Link]) -> str:
    """ "  → Bộ Tài chính (since 01/03/2025)" after an organisation merged, renamed or split into
    others (reviewer: "Bộ Kế hoạch và Đầu tư (MPI)" was offered with no hint that it merged),
    "" for one still active. A picker takes the label before it (:func:`without_hint`)."""
    if not became:
        return ""
    names = ", ".join(link.name for link in became)
    since = ctx.settings.fmt_date(became[0].effective_on)
    return SUCCESSOR_MARK + QCoreApplication.translate("finder", "%1 (since %2)").replace(
        "%1", names
    ).replace("%2", since)


def without_hint(label: str) -> str:
    """A type-ahead row's label without its successors' hint (:func:`successor_hint`)."""
    return label.split(SUCCESSOR_MARK, maxsplit=1)[0]


def _told_apart(hits: list[tuple[int, str, list[str]]], *, person: bool = False) -> list[tuple[int, str]]:
    """(id, label, details) → (id, label), the labels short and unique: a label that two hits
    share gets the first of its details (a contact's position, else e-mail; an organisation's
    parent, else city) after " · ", and one still shared its "#id" (reviewer: two "Nguyễn Văn An —
    FPT" looked alike and both picked the second). A person's name stays before the first " — "
    (the log-meeting picker names an attendee by it): one without organisation gets " — "."""
    shared = Counter(label for _i, label, _d in hits)

    def apart(record_id: int, label: str, details: list[str]) -> str:
        if shared[label] == 1:
            return label
        sep = " — " if person and " — " not in label else " · "
        return label + sep + next((d for d in details if d), f"#{record_id}")

    out = [(i, apart(i, label, details)) for i, label, details in hits]
    still = Counter(label for _i, label in out)
    return [(i, label if still[label] == 1 else f"{label} · #{i}") for i, label in out]


class Lookup(QLineEdit):
    """Type a few letters (no accents needed), pick a record; ``record_id`` is the choice.

    The matches are looked up on a pool thread (a team database over a slow link must not
    freeze the typing), after a pause in it on PostgreSQL (:attr:`PAUSE_MS`; at once on
    SQLite); only the answer for the latest text is shown. Each row holds its record's id:
    two records of the same name are told apart in the list and picked by their row. Down
    and Enter pick; Escape closes the list (and drops an answer still awaited)."""

    picked = Signal(int)
    PAUSE_MS = 150  # on PostgreSQL; 0 on SQLite (only keys typed at once are searched once)

    def __init__(self, ctx: AppContext, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._find = finder(ctx, entity)
        # the latest answer and the text it is for; the text typed last and the number of its
        # search (an answer for any other is dropped)
        self._hits: list[tuple[int, str]] = []
        self._hits_for = ""
        self._typed = ""
        self._asked = 0
        self._pending = False
        self.record_id: int | None = None
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)  # (its activated(str) sets the text first, then _chosen)
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        if (popup := completer.popup()) is not None:
            popup.installEventFilter(self)  # after the completer's own filter: sees keys first
        self.setClearButtonEnabled(True)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(0 if ctx.engine.dialect.name == "sqlite" else self.PAUSE_MS)
        self._pause.timeout.connect(self._ask)
        self.textEdited.connect(self._search)

    def _search(self, text: str) -> None:
        self.record_id = None
        self._typed = text.strip()
        self._asked += 1  # any answer on its way is for an older text now
        if not self._typed:
            self._pause.stop()
            self._pending = False
            self._show([], "")
            return
        self._pending = True
        self._pause.start()

    def _ask(self) -> None:
        text, asked, find = self._typed, self._asked, self._find

        def done(hits: list[tuple[int, str]]) -> None:
            if asked == self._asked:
                self._pending = False
                self._show(hits, text)

        def failed(_exc: BaseException) -> None:
            if asked == self._asked:
                self._pending = False

        self.ctx.tasks.run(lambda _task: find(text), on_done=done, on_error=failed, owner=self)

    def _show(self, hits: list[tuple[int, str]], text: str) -> None:
        self._hits, self._hits_for = hits, text
        self._model.clear()
        for record_id, label in hits:
            item = QStandardItem(label)
            item.setData(record_id, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self._model.appendRow(item)
        completer = self.completer()
        if completer is None:
            return
        if hits and self.isVisible() and self.hasFocus():
            self._fit_popup()
            completer.setCompletionPrefix(self.text())
            completer.complete()
        elif (popup := completer.popup()) is not None:
            popup.hide()

    def _fit_popup(self) -> None:
        """The list of matches as wide as its longest name, within the screen (reviewer: "Bộ
        Khoa học và Công ng…" in a list as narrow as the box); what still does not fit ends in
        "…". Qt places the list under the box, as wide as the box or this minimum."""
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is None:
            return
        popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        wanted = popup.sizeHintForColumn(0) + 2 * popup.frameWidth() + 8
        if self._model.rowCount() > completer.maxVisibleItems():
            wanted += popup.verticalScrollBar().sizeHint().width()
        room = wanted
        if (screen := self.screen()) is not None:
            area = screen.availableGeometry()
            room = area.x() + area.width() - self.mapToGlobal(QPoint(0, 0)).x()
        popup.setMinimumWidth(max(0, min(wanted, room)))

    def _chosen(self, index: QModelIndex) -> None:
        record_id = index.data(Qt.ItemDataRole.UserRole)
        if record_id is None:
            return
        self._pause.stop()
        self._asked += 1  # what was still asked for the typed text is not shown over the pick
        self._pending = False
        self.record_id = int(record_id)
        # the box shows the name without a reorganised one's "→ successor" hint (Qt sets the
        # row's whole text after this signal: so after it, reviewer h98)
        QTimer.singleShot(0, self, self._without_hint)
        self.picked.emit(self.record_id)

    def _without_hint(self) -> None:
        if SUCCESSOR_MARK in self.text():
            self.setText(without_hint(self.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The list's keys, before the completer's: the row Qt makes current without showing it
        (the first whose label begins with the typed text, as "Nguyễn Văn An" typed with accents
        begins both same-name rows) is not taken. Down highlights the first row, not the next;
        Enter picks the highlighted row, else the only one, else none (it took that unseen
        first row of two)."""
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if watched is popup and popup is not None and isinstance(event, QKeyEvent):
            enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Up,
                *enter,
            ):
                current = popup.currentIndex()
                if current.isValid() and not popup.selectionModel().isSelected(current):
                    popup.selectionModel().setCurrentIndex(
                        QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
                    )
                rows = popup.model().rowCount()
                if event.key() in enter and not popup.currentIndex().isValid() and rows == 1:
                    popup.setCurrentIndex(popup.model().index(0, 0))
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape while matches are still awaited: they are not shown (the list stays closed)
        and the key is not the dialog's; otherwise as any line edit."""
        if event.key() == Qt.Key.Key_Escape and self._pending:
            self._pause.stop()
            self._asked += 1
            self._pending = False
            completer = self.completer()
            if completer is not None and (popup := completer.popup()) is not None:
                popup.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_record(self, record_id: int | None, label: str) -> None:
        self.record_id = record_id
        self.setText(label if record_id else "")

    def value(self) -> int | None:
        """The record picked; else the row whose label the box holds (highlighted with Down); else
        for typed text the single match, if there is exactly one (asked now if its answer has not
        come back yet: the user pressed OK at once)."""
        text = self.text().strip()
        if not text:
            return None
        if self.record_id is None:
            shown = [i for i, label in self._hits if label == text]
            if shown:
                self.record_id = shown[0]
            elif text == self._typed:
                hits = self._hits if self._hits_for == text else self._find(text)
                if len(hits) == 1:
                    self.record_id = hits[0][0]
        return self.record_id


class ErrorLabel(QLabel):
    """The service's message for one field, shown under it; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        font = QFont(self.font())
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_error(self, message: str | None) -> None:
        if message:
            from ui.service_words import service_text

            self.setText("⚠ " + service_text(message))  # a service's English sentence translated
            self.show()
        else:
            self.clear()
            self.hide()


class AwayNote(QLabel):
    """The team database's server out of reach, said where a window's list is (Trash, History,
    Undo history, Letters, Working days) or above a record's page (ui.details.pane): the one sentence (:class:`ui.context.Unreachable`, in
    the window's language) above the emptied rows, their titles kept, as the main window's list
    says it (ui.lists.panel) — not a box to dismiss in front of an empty list. The window reads
    again by itself once the server is back (ui.tasks.TaskManager.read_again) and hides it."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setContentsMargins(8, 8, 8, 8)
        self.setStyleSheet("color: #c62828;")
        self.hide()

    def say(self, exc: BaseException, also: str = "") -> bool:
        """Show ``exc`` here if it is the server out of reach (True), followed by ``also`` (what
        it means for what the window shows); False for any other error."""
        if not isinstance(exc, Unreachable):
            return False
        self.setText(f"{exc} {also}".strip())
        self.show()
        return True

    def read_failed(self, exc: BaseException, also: str = "") -> bool:
        """A read of the window failed: the server out of reach is said here (True: the window
        empties its list); any other error goes where a task's error goes (the window's box)."""
        if self.say(exc, also):
            return True
        handler = self._ctx.tasks.default_error
        if handler is None:
            raise exc
        handler(exc)
        return False

    def read(self) -> None:
        """A read got through: nothing to say."""
        self.clear()
        self.hide()


def confirm_discard(parent: QWidget, title: str) -> bool:
    """Ask before closing a form whose typed text was not saved; True means discard it.

    One function for every form, so that tests can answer it (tests/conftest.py does).
    """
    box = discard_box(parent, title)
    return box.exec() == QMessageBox.StandardButton.Discard


def discard_box(parent: QWidget, title: str) -> QMessageBox:
    """The question :func:`confirm_discard` asks: Cancel by default (Esc too), and Discard on
    Alt+D (reviewer: Alt+D did nothing; Qt's own "Discard" has no Alt letter)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        QCoreApplication.translate("Forms", "What you typed has not been saved. Discard it?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    discard = box.button(QMessageBox.StandardButton.Discard)
    if discard is not None:
        discard.setText(QCoreApplication.translate("Forms", "&Discard"))
    return box
