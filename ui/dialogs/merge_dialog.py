"""The merge of two records: both side by side, field by field, a radio per side (default: the
value that says more, as ``app.merge`` decides), merged on the write lane and offered as Edit →
Undo like any other operation. Opened from Tools → Find duplicates… and from a list's "Merge the
two selected…" (:mod:`ui.dialogs.duplicates`, :mod:`ui.bulk`), on the two records as read by
:func:`ui.dialogs.merge_facts.read_pair` — off the UI thread by the callers that can, and again
off it after a save met the merge (:meth:`MergeDialog.reload`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import merge
from app.errors import ConflictError, UserError
from db import kinds
from db.engine import read_session
from ui import labels
from ui.alt_letters import give_button_letters
from ui.context import AppContext
from ui.dialogs import merge_facts
from ui.dialogs.conflict import saved_by
from ui.not_written import error_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Duplicates", text)


class MergeDialog(QDialog):
    """Two records side by side; the survivor keeps the value chosen in each row."""

    def __init__(
        self,
        ctx: AppContext,
        commands: Any,
        entity: str,
        survivor_id: int,
        other_id: int,
        parent: QWidget | None = None,
        pair: merge_facts.Pair | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.ctx, self.commands, self.entity = ctx, commands, entity
        self.merged_ids: tuple[int, int] | None = None
        self.group_id = ""
        self.newer_said = ""  # merged with what someone saved meanwhile: said in the status bar
        self.radios: dict[str, QButtonGroup] = {}
        self.setWindowTitle(tr("Merge two %1").replace("%1", labels.entity_name(entity, plural=True).lower()))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.rows_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.swap_button = QPushButton(tr("Keep the other record instead"), self)
        self.swap_button.setObjectName("merge_swap")
        self.swap_button.clicked.connect(self.swap)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        self.reading = QLabel(tr("Reading the two records again…"), self)  # (a save met the merge)
        self.reading.setObjectName("merge_reading")
        self.reading.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge_ok")
        self.buttons.accepted.connect(self.do_merge)
        self.buttons.rejected.connect(self.reject)
        lay = self.outer = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.reading)
        row = QHBoxLayout()
        row.addWidget(self.swap_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay.addLayout(row)
        self.resize(820, 600)
        if pair is not None:  # read off the UI thread already (a list's Merge: ui.bulk)
            self.show_pair(pair)
        else:
            self.load(survivor_id, other_id)
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    def load(self, survivor_id: int, other_id: int) -> None:
        with self.ctx.read() as s:
            pair = merge_facts.read_pair(s, self.entity, survivor_id, other_id)
        self.show_pair(pair)

    def reload(self, survivor_id: int, other_id: int) -> None:
        """The two records read again on a pool thread, as a list's Merge reads them first (h142):
        a save met the merge (another window, a colleague), the dialog shows them as they are
        now. It read them on the UI thread, the window held still on a far team server. Meanwhile
        a busy cursor, "Reading the two records again…" in the dialog and the status bar, Merge
        and Keep the other off; a read that fails (one of the two deleted meanwhile, the server
        gone) is said under the rows and Merge stays off."""
        engine, entity = self.ctx.engine, self.entity
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        self.reading.show()
        self.ctx.status_message.emit(self.reading.text())

        def work(_task: Any) -> merge_facts.Pair:
            with read_session(engine) as s:
                return merge_facts.read_pair(s, entity, survivor_id, other_id)

        def ended() -> None:
            self.unsetCursor()
            self.reading.hide()
            self.ctx.status_message.emit("")

        def read(pair: merge_facts.Pair) -> None:
            ended()
            self.show_pair(pair)
            self.merge_button.setEnabled(True)
            self.swap_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            ended()
            text = error_text(exc) if isinstance(exc, UserError) else str(exc)
            self.error.setText(f"{self.error.text()}\n{text}".strip())
            self.error.show()

        self.ctx.tasks.run(work, on_done=read, on_error=failed, owner=self, again=False)

    def show_pair(self, pair: merge_facts.Pair) -> None:
        """Show the two records as read (:func:`ui.dialogs.merge_facts.read_pair`)."""
        self.pair = pair
        self.survivor_id, self.other_id = pair.survivor_id, pair.other_id
        self.preview = pair.preview
        shown = {
            (row["field"], side): self._shown(pair, row["field"], side, row[side])
            for row in self.preview["fields"]
            for side in ("survivor", "other")
        }
        sides = {"survivor": self.preview["survivor"], "other": self.preview["other"]}
        moves = self._moves(*pair.work["other"])
        facts = merge_facts.fact_rows(self.ctx, self.entity, sides, pair.work)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(
                    None
                )  # gone at once: the rows shown again (swapped, reloaded) are the only ones
                widget.deleteLater()
        self.radios.clear()
        s_rec, o_rec = self.preview["survivor"], self.preview["other"]
        label_field = kinds.info(self.entity).label_field
        # (an organisation has no e-mails or phones: its tags, sectors and names are what it keeps)
        intro = (
            tr(
                "“%1” (#%4) is kept; “%2” (#%5) is merged into it and removed. %3 Emails, phones and tags of both are kept. You can undo the merge afterwards."
            )
            if self.entity == "contact"
            else tr(
                "“%1” (#%4) is kept; “%2” (#%5) is merged into it and removed. %3 Tags and sectors of both are kept; a name or acronym not kept becomes an alias. You can undo the merge afterwards."
            )
        )
        self.intro.setText(
            intro.replace("%4", str(s_rec["id"]))  # (namesakes told apart by id)
            .replace("%5", str(o_rec["id"]))
            .replace("%3", moves)
            .replace("%1", str(s_rec[label_field]))
            .replace("%2", str(o_rec[label_field]))
        )
        bold = self.font()
        bold.setBold(True)
        for col, text in enumerate(
            (
                "",
                tr("Kept: %1").replace("%1", merge_facts.heading(s_rec, label_field)),
                tr("Removed after the merge: %1").replace("%1", merge_facts.heading(o_rec, label_field)),
            )
        ):
            head = QLabel(text, self.body)
            head.setFont(bold)
            head.setWordWrap(True)  # a long organisation name wraps instead of widening the column
            self.grid.addWidget(head, 0, col)
        # what tells namesakes apart and is not chosen here (e-mails, phones, last contact…)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        )
        for n, (key, name, texts) in enumerate(facts, start=1):
            self.grid.addWidget(QLabel(name, self.body), n, 0, Qt.AlignmentFlag.AlignTop)
            for col, side in ((1, "survivor"), (2, "other")):
                fact = QLabel(texts[side], self.body)
                fact.setObjectName(f"merge_fact_{key}_{side}")
                fact.setWordWrap(True)
                fact.setTextFormat(Qt.TextFormat.PlainText)
                fact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                fact.setIndent(indent)  # under the radios' text, not their circles
                self.grid.addWidget(fact, n, col)
        line = QFrame(self.body)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, len(facts) + 1, 0, 1, 4)
        first = len(facts) + 2
        for n, row in enumerate(self.preview["fields"], start=first):
            f = row["field"]
            self.grid.addWidget(QLabel(labels.field_label(f), self.body), n, 0)
            group = QButtonGroup(self.body)
            for col, side in ((1, "survivor"), (2, "other")):
                text = shown[(f, side)].replace("&", "&&")  # "R&D" is not a shortcut
                radio = QRadioButton(text or tr("(empty)"), self.body)
                radio.setObjectName(f"merge_{f}_{side}")
                group.addButton(radio)
                radio.setProperty("side", side)
                radio.setChecked(row["default"] == side)
                self.grid.addWidget(radio, n, col)
            if f == "notes" and row["survivor"] and row["other"]:
                both = QRadioButton(tr("Both, one after the other"), self.body)
                both.setObjectName("merge_notes_both")
                both.setProperty("side", "both")
                both.setChecked(row["default"] == "both")
                group.addButton(both)
                self.grid.addWidget(both, n, 3)
            self.radios[f] = group
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(first + len(self.preview["fields"]), 1)
        self._fit_width()

    def _fit_width(self) -> None:
        """Wide enough to show both columns whole (long organisation names), within the screen;
        on a narrower screen the rows scroll sideways."""
        margins = self.outer.contentsMargins()
        frame = 2 * self.rows_area.frameWidth() + self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent
        )
        wanted = self.body.sizeHint().width() + frame + margins.left() + margins.right()
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width() - 40)
        if wanted > self.width():
            self.resize(wanted, self.height())

    def _moves(self, meetings: int, actions: int) -> str:
        return " ".join(
            (
                QCoreApplication.translate(
                    "Duplicates", "Moving to the kept record: %Ln meeting(s)", "", meetings
                ),
                QCoreApplication.translate("Duplicates", "and %Ln action(s).", "", actions),
            )
        )

    def _shown(self, pair: merge_facts.Pair, field: str, side: str, value: Any) -> str:
        if value in (None, "", []):
            return ""
        if field in merge_facts.REFERS:
            return pair.refers.get((field, side), str(value))
        if field == "kind":
            return labels.organisation_kind(str(value))
        if field == "country":
            return labels.country(str(value))  # "Việt Nam", not "VN"
        text = str(value).replace("\n", " ")
        return text if len(text) < 80 else text[:77] + "…"

    def choices(self) -> dict[str, str]:
        out = {}
        for f, group in self.radios.items():
            button = group.checkedButton()
            if button is not None:
                out[f] = str(button.property("side"))
        return out

    def _newer_said(self, result: merge.MergeResult) -> str:
        """ "What Trần Văn Bình saved on them meanwhile is kept: Position, Tags." """
        fields = ", ".join(labels.field_label(f) for f in result.newer)
        who = saved_by(self.ctx, result.saved)
        if who:
            return tr("What %2 saved on them meanwhile is kept: %1.").replace("%1", fields).replace("%2", who)
        if who == "":
            return tr(
                "What was saved on them meanwhile in another window or from the command line is kept: %1."
            ).replace("%1", fields)
        return tr("What someone else saved on them meanwhile is kept: %1.").replace("%1", fields)

    def swap(self) -> None:
        """Keep the other record: the two as read, sides exchanged (nothing read on the UI
        thread; what was saved on them since is met by the merge's own check, as before)."""
        self.show_pair(merge_facts.swapped(self.pair))

    def do_merge(self) -> None:
        entity, sid, oid, choices = self.entity, self.survivor_id, self.other_id, self.choices()
        # the two as shown: saved since by someone else, what the merge keeps of theirs is
        # merged with (and said), what it would drop refuses it, naming the field
        seen = (dict(self.preview["survivor"]), dict(self.preview["other"]))
        actor = self.ctx.actor()
        label_field = kinds.info(entity).label_field
        # the kept record as the merge leaves it: with the name chosen (reviewer h129: "Merged
        # “Phạm Thị Thu Trang” into “Pham Thi Thu Trang”" when the record kept the accented one)
        kept_name = str(self.preview[choices.get(label_field, "survivor")][label_field])
        other_name = str(self.preview["other"][label_field])
        said = (
            tr("Merged “%1” (#%3) into “%2” (#%4)")  # one name now: the ids tell which went where
            if other_name == kept_name
            else tr("Merged “%1” into “%2”")
        )
        message = (
            said.replace("%3", str(oid))
            .replace("%4", str(sid))
            .replace("%1", other_name)
            .replace("%2", kept_name)
        )
        self.merge_button.setEnabled(False)

        box: list[merge.MergeResult] = []

        def work(s: Any) -> str:
            box.append(merge.merge(s, entity, sid, oid, choices=choices, actor=actor, seen=seen))
            return box[-1].group_id

        def done(group: str) -> None:
            self.group_id = group
            self.merged_ids = (sid, oid)
            if box and box[-1].newer:
                self.newer_said = self._newer_said(box[-1])
                self.ctx.status_message.emit(f"{message}. {self.newer_said}")
            self.accept()

        def failed(exc: BaseException) -> None:
            # a full disk's refusal in the window's language (db.errors.DiskFull), others as said
            self.error.setText(error_text(exc) if isinstance(exc, UserError) else str(exc))
            self.error.show()
            if isinstance(exc, ConflictError):  # saved meanwhile: shown as they are now, to choose again
                self.reload(sid, oid)
            else:
                self.merge_button.setEnabled(True)

        self.commands.run_grouped(entity, work, message, [sid, oid], on_done=done, on_error=failed)
