"""The letters' words in the English window are English (a reviewer read "Signed: Số 01/NIC-HTQT"
after Sign, and a field of the new outgoing letter named "Kính gửi" where the others say English
with the Vietnamese term in brackets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox

from app.letters import register
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle


def test_signed_says_no_in_english(qtbot: Any, ctx: Any, engine: Any, monkeypatch: Any) -> None:
    from ui.letters import LettersDialog

    with unit_of_work(engine) as s:
        register.add_letter(
            s, {"direction": "outgoing", "subject": "Giới thiệu cán bộ", "symbol": "NIC-HTQT"}, actor="t"
        )
    dialog = LettersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.buttons["sign"].click()
    wait_idle(qtbot, ctx)
    assert dialog.message.text() == "Signed: No. 01/NIC-HTQT"


def test_the_outgoing_form_names_the_addressee_in_english(qtbot: Any, ctx: Any) -> None:
    from ui.labels import field_label
    from ui.letter_form import LetterForm

    form = LetterForm(ctx, None, direction="outgoing")
    qtbot.addWidget(form)
    layout = form.findChild(QFormLayout)
    assert layout is not None
    item = layout.labelForField(form.addressee)
    assert isinstance(item, QLabel) and item.text() == "Addressed to (kính gửi)"
    assert field_label("addressee") == "Addressed to (kính gửi)"  # History and errors name it so
