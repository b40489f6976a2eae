"""Tools → Letters: the register of official letters (filters by direction, status, year and
words), a form to add or edit one, and the life of a letter: sign (the register's next number),
sent, replied, draft as .docx (and PDF) in the layout of Decree 30/2020/NĐ-CP, delete with undo.

The rules are :mod:`app.letters`' — the same as ``ketnoi letter …``. Lists are read off the UI
thread and handed to a plain-rows model; every write goes through the write lane.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import records
from app.errors import UserError
from app.letters import draft as drafting
from app.letters import register as reg
from db import models as m
from db.engine import Session
from ui import file_dialogs, labels
from ui.alt_letters import give_button_letters
from ui.context import AppContext
from ui.fit import FlowLayout
from ui.focus import into_list, select_on_focus, select_row
from ui.icons import icon
from ui.letter_form import LetterForm
from ui.not_written import error_text
from ui.rows import RowsModel
from ui.tasks import Task
from ui.team import hold_read_only, if_enabled
from ui.widgets import AwayNote

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("Letters", text)


class LettersModel(RowsModel[dict[str, Any]]):
    """Rows of :func:`app.letters.register.list_letters`, handed in by the dialog."""

    COLUMNS = ("reference", "letter_date", "direction", "subject", "party", "status", "reply_due")

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def titles(self) -> tuple[str, ...]:
        return (
            tr("Number"),
            tr("Date"),
            tr("Direction"),
            tr("Subject"),
            tr("To / from"),
            tr("Status"),
            tr("Reply by"),
        )

    def cell(self, row: dict[str, Any], col: int, role: int) -> Any:
        column = self.COLUMNS[col]
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and row.get("confidential"):
            from ui.icons import icon

            return icon("lock")  # drafted from a confidential record, as the other lists show it
        if role == Qt.ItemDataRole.ToolTipRole and column == "subject":
            return row["subject"]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0 and row.get("confidential"):
            return tr("Confidential: drafted from a confidential meeting or action")
        late = row["status"] == "received" and row.get("reply_due") and row["reply_due"] < self.ctx.today()
        if role == Qt.ItemDataRole.ForegroundRole and late and column in ("reply_due", "status"):
            from PySide6.QtGui import QColor

            return QColor("#B42318")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "reference":
            return row["reference"] or tr("(draft)")
        if column in ("letter_date", "reply_due"):
            return self.ctx.fmt_date(row[column]) if row.get(column) else ""
        if column == "direction":
            return labels.letter_direction(row["direction"])
        if column == "status":
            return labels.letter_status(row["status"])
        if column == "party":
            return row.get("organisation") or row.get("contact") or ""
        return row.get(column, "")


class LettersDialog(QDialog):
    """The register: filters, the list, and what can be done to a letter."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("letters_dialog")
        self.setWindowTitle(tr("Letters"))
        self.direction = QComboBox(self)
        self.direction.addItem(tr("All directions"), None)
        for d in m.LETTER_DIRECTIONS:
            self.direction.addItem(labels.letter_direction(d), d)
        self.status = QComboBox(self)
        self.status.addItem(tr("Any status"), None)
        for st in m.LETTER_STATUSES:
            self.status.addItem(labels.letter_status(st), st)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(tr("Any year"))
        self.year.setValue(ctx.today().year)
        self.late = QCheckBox(tr("Late replies"), self)
        self.late.setObjectName("letters_late")
        self.words = QLineEdit(self)
        self.words.setPlaceholderText(tr("Number, subject, addressee…"))
        self.words.setClearButtonEnabled(True)
        for w in (self.direction, self.status):
            w.currentIndexChanged.connect(self.reload)
        self.year.valueChanged.connect(self.reload)
        self.late.toggled.connect(self.reload)
        self.words.textChanged.connect(self.reload)
        self._loading = False  # a read of the register is on its way
        self._waiting: list[Any] = []  # called once it is shown

        self.away = AwayNote(ctx, "letters_unreachable", self)  # the server out of reach
        self.model = LettersModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("letters_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(if_enabled(lambda: self.buttons["edit"], self.edit))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        select_on_focus(self.table)  # tabbed into: a letter selected, its buttons on
        into_list(self.words, self.table, self._when_listed)  # Down/Enter: into the list

        self.lang = QComboBox(self)
        self.lang.addItem(tr("Vietnamese"), "vi")
        self.lang.addItem(tr("English"), "en")
        self.buttons: dict[str, QPushButton] = {}
        # the buttons wrap onto a second row rather than widen the window past a laptop's
        # screen (Vietnamese: 1,326 px on one row, on a 1280 px screen)
        row = FlowLayout(spacing=6)
        row.setContentsMargins(0, 0, 0, 0)
        for key, text, slot, ico in (
            ("new_out", tr("New outgoing"), lambda: self.new("outgoing"), "new"),
            ("new_in", tr("New incoming"), lambda: self.new("incoming"), "new"),
            ("edit", tr("Edit"), self.edit, "edit"),
            ("sign", tr("Sign (give number)"), self.sign, ""),
            ("sent", tr("Mark sent"), lambda: self.mark("sent"), ""),
            ("replied", tr("Mark replied"), lambda: self.mark("replied"), ""),
            ("draft", tr("Draft…"), self.draft, ""),
            ("attach", tr("Attach scan…"), self.attach, ""),
            ("office", tr("Office…"), self.edit_office, ""),
            ("delete", tr("Delete"), self.delete, "delete"),
        ):
            b = (
                QPushButton(icon(ico) if ico else icon("edit"), text, self)
                if ico
                else QPushButton(text, self)
            )
            b.setObjectName(f"letters_{key}")
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)
        # a reader reads the register and writes nothing into it (Draft… only saves a .docx)
        hold_read_only(ctx, *(b for k, b in self.buttons.items() if k != "draft"))
        row.addWidget(self.lang)
        filters = QHBoxLayout()
        for widget in (self.direction, self.status, self.year, self.late):
            filters.addWidget(widget)
        filters.addWidget(self.words, 1)
        self.message = QLabel(self)
        self.message.setObjectName("letters_message")
        self.message.setWordWrap(True)
        # Close, as Trash and Backups have it (Esc alone closed it: reviewer)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.setObjectName("letters_close")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)  # what was done, beside Close: no extra row on a laptop
        bottom.addWidget(close, 0, Qt.AlignmentFlag.AlignBottom)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.away)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addLayout(bottom)
        self.resize(1000, 560)
        self._generation = 0
        self._select: int | None = None
        # a method, not a lambda: the connection ends with the dialog (a language switch deletes
        # the window and its Letters dialog; a lambda stayed connected and raised on every save
        # after it: reviewer h103)
        ctx.changed.connect(self._changed_elsewhere)
        self.reload()
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    def _changed_elsewhere(self, *_args: object) -> None:
        if self.isVisible():
            self.reload()

    # --- reading -------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        if select is not None:
            self._select = select
        kw = {
            "direction": self.direction.currentData(),
            "status": self.status.currentData(),
            "year": self.year.value() or None,
            "text": self.words.text(),
            "overdue_on": self.ctx.today() if self.late.isChecked() else None,
            "limit": 500,
        }
        engine = self.ctx.engine
        self._generation += 1
        generation = self._generation
        self._loading = True

        def work(_task: Task) -> list[dict[str, Any]]:
            from db.engine import read_session

            with read_session(engine) as s:
                return reg.list_letters(s, **kw)

        def failed(exc: BaseException) -> None:
            if generation == self._generation and self.away.read_failed(exc):
                if self._select is None:  # selected again once the server is back
                    self._select = self.current_id()
                self.model.set_rows([])  # not a register that reads as the office's now
                self._enable()
            if generation == self._generation:
                self._listed()

        self.ctx.tasks.run(
            work,
            on_done=lambda rows: self._show(rows) if generation == self._generation else None,
            on_error=failed,
            owner=self,
        )

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.away.read()
        keep = self._select if self._select is not None else self.current_id()
        self.model.set_rows(rows)
        self._select = None
        for i, r in enumerate(rows):
            if r["id"] == keep:
                select_row(self.table, i)
                break
        self._enable()
        self._listed()

    def _when_listed(self, then: Any) -> None:
        """``then()`` once the register shown answers the filters as they read now."""
        if self._loading:
            self._waiting.append(then)
        else:
            then()

    def _listed(self) -> None:
        self._loading = False
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def current(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def current_id(self) -> int | None:
        row = self.current()
        return int(row["id"]) if row else None

    def _enable(self) -> None:
        r = self.current()
        out = bool(r and r["direction"] == "outgoing")
        self.buttons["edit"].setEnabled(r is not None)
        self.buttons["delete"].setEnabled(r is not None)
        self.buttons["sign"].setEnabled(bool(out and r and r["status"] == "draft"))
        self.buttons["sent"].setEnabled(bool(out and r and r["status"] == "signed"))
        self.buttons["replied"].setEnabled(bool(r and r["status"] in ("sent", "received")))
        self.buttons["draft"].setEnabled(out)
        self.buttons["attach"].setEnabled(r is not None)

    def say(self, text: str) -> None:
        self.message.setText(text)

    # --- doing ---------------------------------------------------------------------------

    def new(self, direction: str) -> None:
        form = LetterForm(self.ctx, self, direction=direction)
        if form.exec() and form.saved_id:
            self.reload(select=form.saved_id)

    def edit(self) -> None:
        r = self.current()
        if r is None:
            return
        with self.ctx.read() as s:
            letter = reg.get_letter(s, int(r["id"]))
        form = LetterForm(self.ctx, self, direction=letter["direction"], letter=letter)
        if form.exec():
            self.reload(select=int(r["id"]))
            if form.merged_said:  # a colleague's save meanwhile was kept beside this one
                self.say(form.merged_said)

    def _run(self, fn: Any, done_text: str, select: int | None) -> None:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            self.say(error_text(exc))  # the register's refusal, in the window's language

        def done(result: Any) -> None:
            self.say(done_text.replace("%1", str(result or "")))
            self.reload(select=select)

        self.ctx.write(fn, entity="letter", on_done=done, on_error=failed)

    def sign(self) -> None:
        r = self.current()
        if r is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Sign the letter"),
            tr("Give “%1” the next number of the register? A number, once given, is not given back.").replace(
                "%1", r["subject"]
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, ident = self.ctx.actor(), int(r["id"])
        self._run(lambda s: reg.sign(s, ident, actor=actor), tr("Signed: No. %1"), ident)

    def mark(self, status: str) -> None:
        r = self.current()
        if r is None:
            return
        actor, ident = self.ctx.actor(), int(r["id"])
        self._run(
            lambda s: reg.set_status(s, ident, status, actor=actor), labels.letter_status(status), ident
        )

    def delete(self) -> None:
        r = self.current()
        if r is None:
            return
        actor, ident, label = self.ctx.actor(), int(r["id"]), r["subject"]
        group = records.new_group_id()

        def work(s: Session) -> int:
            records.delete(s, "letter", ident, actor=actor, group_id=group)
            return ident

        def done(_r: Any) -> None:
            self.ctx.push_undo(tr("Delete letter “%1”").replace("%1", label), group)
            self.say(tr("Moved to the trash. Edit → Undo brings it back."))
            self.reload()

        self.ctx.write(work, entity="letter", on_done=done)

    def draft(self) -> None:
        r = self.current()
        if r is None:
            return
        lang = self.lang.currentData()
        name = (
            (r["reference"] or f"du-thao-{r['id']}").replace("/", "-")
            + (".en" if lang == "en" else "")
            + ".docx"
        )
        start = str(Path(str(self.ctx.settings.qsettings.value("letters/dir", str(Path.home())))) / name)
        path, _f = file_dialogs.get_save_file_name(
            self, tr("Save the draft"), start, tr("Word documents (*.docx)")
        )
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        self.ctx.settings.qsettings.setValue("letters/dir", str(Path(path).parent))
        engine, ident = self.ctx.engine, int(r["id"])

        def work(_task: Task) -> tuple[str, str, str, bool]:
            from db.engine import read_session

            with read_session(engine) as s:
                doc = drafting.letter_doc(s, ident, lang=lang)
            out = drafting.write_docx(doc, Path(path))
            # (which program drew the PDF, "(reportlab)" or "(libreoffice)", is no word for a
            # person: h129 read it in the status line; the PDF beside the .docx is named alone)
            pdf, _used = drafting.write_pdf(doc, out.with_suffix(".pdf"))
            return str(out), pdf.name, doc.withheld, doc.officer_blank

        def written(res: tuple[str, str, str, bool]) -> None:
            said = tr("Draft written: %1 and %2").replace("%1", res[0]).replace("%2", res[1])
            if res[3]:  # ("đầu mối của NIC là ông/bà ……": to fill in before it is signed)
                said += " " + tr("No officer in charge: the contact person is left blank (……) on the draft.")
            held = {
                "meeting": tr(
                    "The meeting is confidential: its title, agenda and people are not in the "
                    "letter (it names the meeting by its date only)."
                ),
                "action": tr(
                    "The action is confidential: its title is not in the letter (a neutral subject instead)."
                ),
                "people": tr(
                    "The meeting's title names a confidential person: those words are not in the letter."
                ),
            }.get(res[2], "")
            self.say(f"{said} {held}" if held else said)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            self.say(error_text(exc))  # a file not written: which and why, in the person's language

        self.say(tr("Writing the draft…"))
        self.ctx.tasks.run(
            work,
            on_done=written,
            on_error=failed,
            owner=self,
            again=False,  # (a file written: not again by itself when a team server comes back)
        )

    def edit_office(self) -> None:
        from ui.letter_form import OfficeDialog

        dialog = OfficeDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    def attach(self) -> None:
        """The signed scan (or any file) onto the letter: read off the UI thread, written on
        the write lane as one undoable group."""
        r = self.current()
        if r is None:
            return
        paths, _f = file_dialogs.get_open_file_names(self, tr("Attach the signed scan"), str(Path.home()))
        if not paths:
            return
        from app import attachments

        ident, actor, label = int(r["id"]), self.ctx.actor(), r["subject"]

        def read(_task: Task) -> list[Any]:
            return [attachments.prepare_file(Path(p)) for p in paths]

        def write(prepared: list[Any]) -> None:
            def work(s: Session) -> str:
                group, _ids = attachments.attach_many(s, "letter", ident, prepared, actor=actor)
                return group

            def done(group: str) -> None:
                self.ctx.push_undo(tr("Attach to letter “%1”").replace("%1", label), group)
                self.say(tr("Attached: %1").replace("%1", ", ".join(f.name for f in prepared)))

            self.ctx.write(work, entity="attachment", on_done=done, on_error=self._user_error)

        self.ctx.tasks.run(read, on_done=write, on_error=self._user_error, owner=self, again=False)

    def _user_error(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self.say(error_text(exc))
