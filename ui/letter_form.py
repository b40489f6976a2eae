"""The form of one letter in the register (Tools → Letters → New / Edit): outgoing letters
with their addressee, signer, copies and text; incoming ones with the sender's number and the
reply deadline. Saved on the write lane through :mod:`app.letters.register` and
:func:`app.records.update` (history, optimistic versions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import records, resolve, workdays
from app.errors import UserError, ValidationError
from app.letters import register as reg
from app.letters.fields import split_reference
from db import models as m
from db.engine import Session
from ui import labels
from ui.context import AppContext
from ui.datebox import DateBox, refused_box
from ui.dialogs.conflict import merged_said
from ui.not_written import error_text
from ui.service_words import service_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Letters", text)


class LetterForm(QDialog):
    """Add or edit one letter. Names of organisations, contacts and staff are looked up when
    saved (by name, acronym or id, accents optional), as on the command line."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, *, direction: str, letter: dict[str, Any] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.letter, self.direction = ctx, letter, direction
        self.setObjectName("letter_form")
        incoming = direction == "incoming"
        self.setWindowTitle(
            tr("Edit letter")
            if letter
            else tr("New incoming letter")
            if incoming
            else tr("New outgoing letter")
        )
        v = letter or {}
        self.subject = QLineEdit(v.get("subject", ""), self)
        self.subject.setObjectName("letter_subject")
        self.subject.setPlaceholderText(tr("What it is about (trích yếu)"))
        self.subject_en = QLineEdit(v.get("subject_en", ""), self)
        self.subject_en.setPlaceholderText(tr("For the English variant (optional)"))
        self.template = QComboBox(self)
        for t in m.LETTER_TEMPLATES:
            self.template.addItem(labels.letter_template(t), t)
        self.template.setCurrentIndex(max(0, self.template.findData(v.get("template", "other"))))
        self.organisation = QLineEdit(v.get("organisation", ""), self)
        self.organisation.setObjectName("letter_organisation")
        self.organisation.setPlaceholderText(tr("Name or acronym"))
        self.contact = QLineEdit(v.get("contact", ""), self)
        self.post = QComboBox(self)  # a post: the letter goes to its holder of the day (issue 15)
        self.post.setObjectName("letter_post")
        self.post.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.post.setMinimumContentsLength(24)  # long titles do not widen the form
        self.post.addItem(tr("(none: the person or organisation above)"), None)
        with ctx.read() as s:
            from app import posts

            for p in posts.list_posts(s):
                holder = p.holder.name if p.holder else tr("vacant")
                self.post.addItem(f"{p.title}, {p.organisation} — {holder}", p.id)
        self.post.setCurrentIndex(max(0, self.post.findData(v.get("post_id"))) if v.get("post_id") else 0)
        self.contact.setPlaceholderText(tr("Name (optional)"))
        self.addressee = QPlainTextEdit(v.get("addressee", ""), self)
        self.addressee.setPlaceholderText(
            tr("Written out, when neither the contact nor the organisation fits")
        )
        self.addressee.setMaximumHeight(self.fontMetrics().height() * 3)
        self.reference = QLineEdit(v.get("reference", "") if incoming else "", self)
        self.reference.setObjectName("letter_reference")
        self.reference.setPlaceholderText("45/BKHCN-HTQT")
        self.letter_date = DateBox(self)
        self.reply_due = DateBox(self)
        for edit, value in ((self.letter_date, v.get("letter_date")), (self.reply_due, v.get("reply_due"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(ctx.settings.qt_date_format())
            day = value or ctx.today()
            edit.setDate(QDate(day.year, day.month, day.day))
        self.has_reply_due = QCheckBox(tr("Reply by"), self)
        self.has_reply_due.setChecked(bool(v.get("reply_due")) or (incoming and not letter))
        plus5 = QPushButton(tr("+5 working days"), self)
        plus5.setObjectName("letter_plus5")
        plus5.clicked.connect(self._plus_five)
        self.signer_title = QPlainTextEdit(v.get("signer_title", ""), self)
        self.signer_title.setPlaceholderText(tr("Default: the office's (e.g. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)"))
        self.signer_title.setMaximumHeight(self.fontMetrics().height() * 3)
        self.signer_name = QLineEdit(v.get("signer_name", ""), self)
        self.copies = QPlainTextEdit(v.get("recipients_copy", ""), self)
        self.copies.setPlaceholderText(tr("Other recipients, one a line (Nơi nhận)"))
        self.copies.setMaximumHeight(self.fontMetrics().height() * 3)
        self.body = QPlainTextEdit(v.get("body", ""), self)
        self.body.setPlaceholderText(tr("Empty: the template's text is used"))
        self.notes = QPlainTextEdit(v.get("notes", ""), self)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 3)
        self.error = QLabel(self)
        self.error.setObjectName("letter_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B42318")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Subject"), self.subject)
        if incoming:
            form.addRow(tr("Number and symbol"), self.reference)
            form.addRow(tr("Date"), self.letter_date)
            due = QHBoxLayout()
            due.addWidget(self.has_reply_due)
            due.addWidget(self.reply_due)
            due.addWidget(plus5)
            due.addStretch(1)
            form.addRow("", due)
            form.addRow(tr("From (organisation)"), self.organisation)
            form.addRow(tr("From (person)"), self.contact)
        else:
            form.addRow(tr("Subject in English"), self.subject_en)
            form.addRow(tr("Kind"), self.template)
            form.addRow(tr("To (organisation)"), self.organisation)
            form.addRow(tr("To (person)"), self.contact)
            form.addRow(tr("To (post)"), self.post)
            form.addRow(tr("Addressed to (kính gửi)"), self.addressee)
            form.addRow(tr("Signer's post"), self.signer_title)
            form.addRow(tr("Signer"), self.signer_name)
            form.addRow(tr("Copies to"), self.copies)
            form.addRow(tr("Text"), self.body)
        form.addRow(tr("Notes"), self.notes)
        # the other direction's fields exist (values() reads them) but are not on this form
        unused = (
            (
                self.template,
                self.post,
                self.subject_en,
                self.addressee,
                self.signer_title,
                self.signer_name,
                self.copies,
                self.body,
            )
            if incoming
            else (self.reference, self.letter_date, self.reply_due, self.has_reply_due, plus5)
        )
        for widget in unused:
            widget.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        if incoming:  # (no text box to grow: rows kept together, room left under them)
            lay.addStretch(1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        # an incoming letter's form as tall as its rows: at 420 px its rows stood 47 px apart
        self.resize(640, 560 if not incoming else self.sizeHint().height())
        self.saved_id: int | None = None
        self.merged_said = ""  # the register's sentence when a colleague's save was merged in

    def _plus_five(self) -> None:
        d = self.letter_date.date()
        with self.ctx.read() as s:
            cal = workdays.load_calendar(s)
        day = cal.add(dt.date(d.year(), d.month(), d.day()), 5)
        self.reply_due.setDate(QDate(day.year, day.month, day.day))
        self.has_reply_due.setChecked(True)

    @staticmethod
    def _day(edit: QDateEdit) -> dt.date:
        d = edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def values(self, session: Session) -> dict[str, Any]:
        out: dict[str, Any] = {
            "subject": self.subject.text(),
            "organisation_id": resolve.resolve(session, "organisation", self.organisation.text())
            if self.organisation.text().strip()
            else None,
            "contact_id": resolve.resolve(session, "contact", self.contact.text())
            if self.contact.text().strip()
            else None,
            "notes": self.notes.toPlainText(),
        }
        if self.direction == "incoming":
            out.update(
                reference=self.reference.text(),
                letter_date=self._day(self.letter_date),
                reply_due=self._day(self.reply_due) if self.has_reply_due.isChecked() else None,
            )
        else:
            out.update(
                template=self.template.currentData(),
                post_id=self.post.currentData(),
                subject_en=self.subject_en.text(),
                addressee=self.addressee.toPlainText(),
                signer_title=self.signer_title.toPlainText(),
                signer_name=self.signer_name.text(),
                recipients_copy=self.copies.toPlainText(),
                body=self.body.toPlainText(),
            )
        return out

    def save(self) -> None:
        if refused_box(self):  # a date typed that is none: said by its box, nothing saved
            return
        actor, letter, direction = self.ctx.actor(), self.letter, self.direction
        form = self
        group = self.group = records.new_group_id()  # Edit → Undo takes the save back

        def work(s: Session) -> tuple[int, records.Edited | None]:
            values = form.values(s)
            if letter is None:
                values["direction"] = direction
                if direction == "outgoing":
                    from app.letters import office

                    values["symbol"] = office.load_profile(s).symbol
                return reg.add_letter(s, values, actor=actor, group_id=group), None
            # only what was changed here is written: another officer's save meanwhile to other
            # fields is kept beside it; one to the same field is refused, naming it
            edited = {k: x for k, x in values.items() if (x or None) != (letter.get(k) or None)}
            if direction == "incoming" and "reference" in edited:
                number, symbol = split_reference(values["reference"])
                edited.update(number=number, symbol=symbol)
            done = records.update_edited(
                s, "letter", letter["id"], edited, base=letter, actor=actor, group_id=group
            )
            return int(letter["id"]), done

        self.buttons.setEnabled(False)
        self.ctx.write(work, entity="letter", on_done=self._saved, on_error=self._failed)

    def _saved(self, result: tuple[int, records.Edited | None]) -> None:
        letter_id, edited = result
        if edited is not None and edited.merged:  # a colleague's save meanwhile, kept: said
            self.merged_said = merged_said(self.ctx, self.subject.text(), edited.saved)
        self.saved_id = letter_id
        label = tr("Edit letter “%1”") if self.letter else tr("New letter “%1”")
        self.ctx.push_undo(label.replace("%1", self.subject.text()), self.group)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):  # the form's names of the fields, the window's language
            text = "; ".join(f"{labels.field_label(k)}: {service_text(v)}" for k, v in exc.errors.items())
        elif isinstance(exc, UserError):
            text = error_text(exc)  # the register's refusal (a number registered already…), translated
        else:
            raise exc
        self.error.setText(text)
        self.error.show()


class OfficeDialog(QDialog):
    """Letters → Office…: who writes the letters (the shared profile of :mod:`app.letters.office`:
    the issuing body's names, place, register symbol, usual signer; in Vietnamese and English)."""

    FIELDS = (
        ("parent_body", "Parent body (cơ quan chủ quản)"),
        ("name", "Issuing body (tên cơ quan)"),
        ("name_in_text", "Its name in a sentence"),
        ("short_name", "Short name"),
        ("place", "Place (địa danh)"),
        ("symbol", "Register symbol"),
        ("unit_short", "Drafting unit (for “Lưu: VT, …”)"),
        ("signer_title", "Signer's authority and post"),
        ("signer_name", "Usual signer"),
        ("parent_body_en", "Parent body, English"),
        ("name_en", "Issuing body, English"),
        ("name_in_text_en", "Its name in a sentence, English"),
        ("place_en", "Place, English"),
        ("signer_title_en", "Signer's post, English"),
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.letters import office

        self.ctx = ctx
        self.setObjectName("letters_office")
        self.setWindowTitle(tr("The office that writes the letters"))
        with ctx.read() as s:
            profile = office.load_profile(s)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels_tr = {
            "parent_body": tr("Parent body (cơ quan chủ quản)"),
            "name": tr("Issuing body (tên cơ quan)"),
            "name_in_text": tr("Its name in a sentence"),
            "short_name": tr("Short name"),
            "place": tr("Place (địa danh)"),
            "symbol": tr("Register symbol"),
            "unit_short": tr("Drafting unit (for “Lưu: VT, …”)"),
            "signer_title": tr("Signer's authority and post"),
            "signer_name": tr("Usual signer"),
            "parent_body_en": tr("Parent body, English"),
            "name_en": tr("Issuing body, English"),
            "name_in_text_en": tr("Its name in a sentence, English"),
            "place_en": tr("Place, English"),
            "signer_title_en": tr("Signer's post, English"),
        }
        for key, _label in self.FIELDS:
            edit = QLineEdit(str(getattr(profile, key)).replace("\n", " / "), self)
            edit.setObjectName(f"office_{key}")
            self.edits[key] = edit
            form.addRow(labels_tr[key], edit)
        hint = QLabel(tr("Lines of the signer's post are separated by “ / ”."), self)
        hint.setEnabled(False)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self._fit(form)

    def _fit(self, form: QFormLayout) -> None:
        """Boxes wide enough to read the office's header lines whole ("TRUNG TÂM ĐỔI MỚI SÁNG
        TẠO QUỐC GIA", not "ÁNG TẠO QUỐC GIA" scrolled to its end in a 125 px box) with room for a
        few more letters, and a dialog wide enough for its title; never wider than the screen (on a
        narrower one the longest lines scroll in their boxes)."""
        metrics = self.fontMetrics()
        slack = metrics.horizontalAdvance("MMMMMM")  # a few letters more may be typed unseen-cut
        margins = 16  # the line edit's frame and text margins
        widest = max((metrics.horizontalAdvance(e.text()) for e in self.edits.values()), default=0)
        field = max(widest + slack + margins, 320)
        label_width = max(
            (
                label.sizeHint().width()
                for row in range(form.rowCount())
                if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
                and (label := item.widget()) is not None
            ),
            default=0,
        )
        outer = self.layout()
        m = outer.contentsMargins() if outer is not None else None
        sides = (m.left() + m.right()) if m is not None else 22
        spacing = max(form.horizontalSpacing(), 6)
        title = metrics.horizontalAdvance(self.windowTitle()) + 200  # icon, bold title, buttons
        width = max(label_width + spacing + field + sides, title)
        height = self.sizeHint().height()
        screen = self.screen()
        if screen is not None and screen.availableGeometry().width() > 0:
            area = screen.availableGeometry()
            width = min(width, area.width() - 40)
            height = min(height, area.height() - 60)
        for edit in self.edits.values():
            edit.setMinimumWidth(max(0, min(field, width - label_width - spacing - sides)))
        self.resize(width, max(height, self.minimumSizeHint().height()))

    def save(self) -> None:
        from app.letters import office
        from app.letters.fields import check_symbol

        changes = {k: e.text().replace(" / ", "\n") for k, e in self.edits.items()}

        def work(s: Session) -> None:
            changes["symbol"] = check_symbol(changes["symbol"])
            office.save_profile(s, changes)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            self.buttons.setEnabled(True)
            self.error.setText(error_text(exc))  # (an office symbol that is none: in the window's language)

        self.buttons.setEnabled(False)
        self.ctx.write(work, entity="setting", on_done=lambda _r: self.accept(), on_error=failed)
