"""Issue 15 on an organisation's page: "Reorganisation…" (merged into / renamed to / split into
others from a date, with a preview of what moves, one undoable operation) and "Assign holder…"
(a post of the organisation and who holds it from when, by which decision).

The work is :mod:`app.reorg` and :mod:`app.posts`; the dialogs only collect the choices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dashboard, posts, records, reorg, resolve
from app.errors import UserError, ValidationError
from db.engine import Session, read_session
from ui.alt_letters import give_button_letters
from ui.context import AppContext
from ui.datebox import DateBox, refused_box
from ui.icons import icon
from ui.not_written import error_text
from ui.service_words import service_text
from ui.widgets import Lookup


def tr(text: str) -> str:
    return QCoreApplication.translate("Reorganisation", text)


def _kinds() -> dict[str, str]:
    return {"merged": tr("Merged into"), "renamed": tr("Renamed to"), "split": tr("Split into")}


def _groups() -> dict[str, str]:
    return {
        "action": tr("Open actions"),
        "contact": tr("People"),
        "meeting": tr("Future meetings"),
        "organisation": tr("Departments"),
    }


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def _date_edit(ctx: AppContext, parent: QWidget, day: dt.date) -> QDateEdit:
    edit = DateBox(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(ctx.settings.qt_date_format())
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #B42318")
    label.hide()
    return label


def _message(exc: BaseException) -> str:
    """A refusal of :mod:`app.reorg`, :mod:`app.posts` or a name typed (:mod:`app.resolve`) in
    the window's language: each carries its Vietnamese (``vi``, the one ``ketnoi org succeed``
    and ``ketnoi post`` print), shown when the window speaks Vietnamese."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{k}: {service_text(v)}" for k, v in exc.errors.items()
        )  # (a field's, in the window's words)
    if isinstance(exc, UserError):
        return error_text(exc)
    raise exc


class ReorganisationDialog(QDialog):
    """Record that the organisation merged into, was renamed to or split into others: the
    successor(s) by name or acronym, the effective date, a preview of what moves (on a split a
    successor per item), then one write that Edit → Undo takes back."""

    def __init__(self, ctx: AppContext, organisation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.organisation_id = ctx, organisation_id
        self.setObjectName("reorganisation_dialog")
        with ctx.read() as s:
            self.name = records.label(s, "organisation", organisation_id)
        self.setWindowTitle(tr("Reorganisation of %1").replace("%1", self.name))
        self.kind = QComboBox(self)
        self.kind.setObjectName("reorg_kind")
        for key, text in _kinds().items():
            self.kind.addItem(text, key)
        self.into = Lookup(ctx, "organisation", self)  # type a few letters, pick (accents optional)
        self.into.setObjectName("reorg_into")
        self.into.setPlaceholderText(tr("Name or acronym; on a split, several separated by ;"))
        self.into2 = Lookup(ctx, "organisation", self)
        self.into2.setObjectName("reorg_into2")
        self.into2.setPlaceholderText(tr("Name or acronym"))
        self.on = _date_edit(ctx, self, ctx.today())
        self.on.setObjectName("reorg_on")
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("e.g. Resolution 176/2025/QH15"))
        self.preview_button = QPushButton(tr("Preview"), self)
        self.preview_button.setObjectName("reorg_preview")
        self.preview_button.clicked.connect(self.preview)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("reorg_tree")
        self.tree.setHeaderLabels([tr("What moves"), tr("Detail"), tr("To")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.summary = QLabel(
            tr("History, past meetings and closed actions stay with %1.").replace("%1", self.name), self
        )
        self.summary.setWordWrap(True)
        self.error = _error_label(self, "reorg_error")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("What happened"), self.kind)
        form.addRow(tr("Successor"), self.into)
        self.into2_label = QLabel(tr("Also into"), self)
        form.addRow(self.into2_label, self.into2)
        form.addRow(tr("Effective date"), self.on)
        form.addRow(tr("Note"), self.note)
        form.addRow("", self.preview_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(tr("Reorganise"))
        self.apply_button.setObjectName("reorg_apply")
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        for signal in (
            self.kind.currentIndexChanged,
            self.into.textChanged,
            self.into2.textChanged,
            self.on.dateChanged,
        ):
            signal.connect(self._stale)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.plan: reorg.Preview | None = None
        self.combos: dict[str, QComboBox] = {}
        self.group = ""
        self.resize(680, 520)
        give_button_letters(self)  # (an Alt letter on each of its buttons: ui.alt_letters)

    def _kind_changed(self, *_: Any) -> None:
        split = self.kind.currentData() == "split"
        self.into2.setVisible(split)
        self.into2_label.setVisible(split)

    def _successors(self) -> list[int | str]:
        """Picked organisations as ids, typed names as text (resolved off the UI thread)."""
        out: list[int | str] = []
        boxes = [self.into, self.into2] if self.kind.currentData() == "split" else [self.into]
        for box in boxes:
            picked = box.value()
            if picked is not None:
                out.append(picked)
            else:
                out += [x.strip() for x in box.text().split(";") if x.strip()]
        return out

    def _stale(self, *_: Any) -> None:
        self.plan = None
        self.apply_button.setEnabled(False)

    def preview(self) -> None:
        """What moves, read off the UI thread (a large ministry has thousands of people)."""
        if refused_box(self):
            return
        self.error.hide()
        self.tree.clear()
        self.combos = {}
        self._stale()
        engine, org = self.ctx.engine, self.organisation_id
        named = self._successors()
        kind, on = str(self.kind.currentData()), _day(self.on)

        def work(_task: Any) -> reorg.Preview:
            with read_session(engine) as s:
                successors = [
                    x if isinstance(x, int) else resolve.resolve(s, "organisation", x) for x in named
                ]
                return reorg.preview(s, org, successors, kind=kind, on=on)

        self.preview_button.setEnabled(False)
        self.ctx.tasks.run(work, on_done=self._show, on_error=self._failed_preview, owner=self)

    def _failed_preview(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.error.setText(_message(exc))
        self.error.show()

    def _show(self, plan: reorg.Preview) -> None:
        self.preview_button.setEnabled(True)
        self.plan = plan
        names = dict(plan.successors)
        for kind, title in _groups().items():
            items = plan.of(kind)
            top = QTreeWidgetItem(self.tree, [f"{title} ({len(items)})", "", ""])
            for i in items:
                row = QTreeWidgetItem(top, [i.label, i.detail, names[i.to]])
                if plan.kind == "split":
                    combo = QComboBox(self.tree)
                    for sid, sname in plan.successors:
                        combo.addItem(sname, sid)
                    combo.setCurrentIndex(combo.findData(i.to))
                    self.tree.setItemWidget(row, 2, combo)
                    self.combos[i.key] = combo
            top.setExpanded(True)
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(2)
        self.apply_button.setEnabled(True)

    def apply(self) -> None:
        plan = self.plan
        if plan is None:
            return
        choices = {key: int(combo.currentData()) for key, combo in self.combos.items()}
        old, new = self.organisation_id, [i for i, _ in plan.successors]
        kind, on, note, actor = plan.kind, plan.effective_on, self.note.text(), self.ctx.actor()

        def work(s: Session) -> str:
            group, _ = reorg.succeed(s, old, new, kind=kind, on=on, note=note, actor=actor, choices=choices)
            return group

        self.buttons.setEnabled(False)
        self.ctx.write(work, entity="organisation", on_done=self._done, on_error=self._failed)

    def _done(self, group: str) -> None:
        self.group = group
        assert self.plan is not None
        label = tr("Reorganisation of %1").replace("%1", self.name)
        self.ctx.push_undo(label, group)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(_message(exc))
        self.error.show()


NEW_POST = -1


class AssignHolderDialog(QDialog):
    """A post of the organisation (or a new one, with its precedence) and who holds it from a
    date, by which appointment decision; the holder until then leaves the day before."""

    def __init__(self, ctx: AppContext, organisation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.organisation_id = ctx, organisation_id
        self.setObjectName("assign_holder_dialog")
        with ctx.read() as s:
            name = records.label(s, "organisation", organisation_id)
            existing = posts.posts_of(s, organisation_id, ctx.today())
            people = dashboard.organisation_people(s, organisation_id)
        self.setWindowTitle(tr("Assign holder — %1").replace("%1", name))
        self.post = QComboBox(self)
        self.post.setObjectName("holder_post")
        for p in existing:
            holder = p.holder.name if p.holder else tr("vacant")
            self.post.addItem(f"{p.title} — {holder}", p.id)
        self.post.addItem(tr("New post…"), NEW_POST)
        self.title = QLineEdit(self)
        self.title.setObjectName("holder_new_title")
        self.title.setPlaceholderText(tr("e.g. Phó Giám đốc"))
        self.rank = QSpinBox(self)
        self.rank.setRange(1, posts.MAX_RANK)
        self.rank.setValue(len(existing) + 1)
        self.rank.setToolTip(tr("Precedence: 1 comes first in meeting briefs"))
        self.contact = QComboBox(self)
        self.contact.setObjectName("holder_contact")
        self.contact.setEditable(True)
        for person in people:
            self.contact.addItem(person["full_name"], person["id"])
        self.contact.setCurrentIndex(-1)
        line = self.contact.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("Name (a contact)"))
        self.starts = _date_edit(ctx, self, ctx.today())
        self.decision = QLineEdit(self)
        self.decision.setObjectName("holder_decision")
        self.decision.setPlaceholderText(tr("e.g. 123/QĐ-BKHCN"))
        self.error = _error_label(self, "holder_error")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Post"), self.post)
        self.title_label = QLabel(tr("New post"), self)
        self.rank_label = QLabel(tr("Precedence"), self)
        form.addRow(self.title_label, self.title)
        form.addRow(self.rank_label, self.rank)
        form.addRow(tr("Holder"), self.contact)
        form.addRow(tr("From"), self.starts)
        form.addRow(tr("Decision"), self.decision)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.post.currentIndexChanged.connect(self._post_changed)
        self._post_changed()
        self.holder_id: int | None = None
        self.group = ""
        self.org_name = name
        self.resize(520, 300)

    def _post_changed(self, *_: Any) -> None:
        new = self.post.currentData() == NEW_POST
        for w in (self.title, self.rank, self.title_label, self.rank_label):
            w.setVisible(new)

    def save(self) -> None:
        if refused_box(self):
            return
        org, actor = self.organisation_id, self.ctx.actor()
        post_id = int(self.post.currentData())
        title, rank = self.title.text(), self.rank.value()
        typed = self.contact.currentText().strip()
        picked = self.contact.currentData() if self.contact.currentIndex() >= 0 else None
        if picked is not None and self.contact.itemText(self.contact.currentIndex()) != typed:
            picked = None
        starts, decision = _day(self.starts), self.decision.text()
        group = self.group = records.new_group_id()  # Edit → Undo takes it back

        def work(s: Session) -> int:
            if not typed:
                raise UserError(tr("Name the holder (a contact)."))
            contact = int(picked) if picked is not None else resolve.resolve(s, "contact", typed)
            pid = (
                posts.add_post(s, org, title, rank=rank, actor=actor, group_id=group)
                if post_id == NEW_POST
                else post_id
            )
            return posts.assign(
                s, pid, contact, starts_on=starts, decision=decision, actor=actor, group_id=group
            )

        self.buttons.setEnabled(False)
        self.ctx.write(work, entity="organisation", on_done=self._done, on_error=self._failed)

    def _done(self, holder_id: int) -> None:
        self.holder_id = holder_id
        self.ctx.push_undo(tr("Assign holder — %1").replace("%1", self.org_name), self.group)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(_message(exc))
        self.error.show()


def organisation_actions(window: Any) -> list[QAction]:
    """The buttons of an organisation's page: Reorganisation…, Assign holder…, Posts…"""
    from ui.posts_dialog import PostsDialog

    def shown() -> int:
        view = window.current_view()
        if view is None or view.entity != "organisation":
            return 0
        return int(view.detail.record_id or 0)

    def opener(cls: Callable[..., QDialog]) -> Callable[[], None]:
        def run() -> None:
            ident = shown()
            if not ident:
                return
            dialog = cls(window.ctx, ident, window)
            if dialog.exec():
                view = window.current_view()
                if view is not None:
                    view.detail.reload()
            dialog.deleteLater()

        return run

    out = []
    for name, text, cls, icon_name in (
        ("reorganisation", tr("Reorganisation…"), ReorganisationDialog, "organisation"),
        ("assign_holder", tr("Assign holder…"), AssignHolderDialog, "contact"),
        ("posts", tr("Posts…"), PostsDialog, "posts"),
    ):
        act = QAction(icon(icon_name), text, window)
        act.setObjectName(f"act_{name}")
        act.triggered.connect(opener(cls))
        out.append(act)
    return out
