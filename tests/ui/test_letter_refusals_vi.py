"""Tools → Letters refuses in the window's language: a Vietnamese officer (Settings → Language:
Tiếng Việt) read "letter #1 is signed already (01/NIC-HTQT)", "letter 45/BKHCN-HTQT of 2026 is
registered already (#1)" and "the office symbol '' is not one: …" in English under the
Vietnamese window. The refusals of app.letters carry their Vietnamese (the one ``ketnoi
letter`` prints); the register and its form now show it, by the window's language and not by
the system's locale (LANG=en_GB here). Real main window, real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from app.letters import register
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle
from ui import i18n


@pytest.fixture(params=["vi", "en"])
def language(request: pytest.FixtureRequest, qapp: Any, ctx: Any, monkeypatch: Any) -> Iterator[str]:
    """The window's language from Settings, the system's locale English either way."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    ctx.settings.language = request.param
    assert i18n.install(qapp, ctx.settings.language) == request.param
    yield request.param
    i18n.install(qapp, "en")


def _open(qtbot: Any, window: Any, ctx: Any) -> Any:
    window.act_letters.trigger()
    dialog = window.letters_dialog
    wait_idle(qtbot, ctx)
    return dialog


def _select(dialog: Any, letter_id: int) -> None:
    for row in range(dialog.model.rowCount()):
        dialog.table.selectRow(row)
        if dialog.current_id() == letter_id:
            return
    raise AssertionError(f"letter #{letter_id} not listed")


def _said(qtbot: Any, ctx: Any, dialog: Any, before: str) -> str:
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.message.text() != before, timeout=10_000)
    return str(dialog.message.text())


def test_signing_a_letter_signed_meanwhile_and_one_without_a_symbol(
    qtbot: Any, window: Any, ctx: Any, engine: Any, monkeypatch: Any, language: str
) -> None:
    with unit_of_work(engine) as s:
        first = register.add_letter(
            s, {"subject": "Thư mời hội thảo", "direction": "outgoing", "symbol": "NIC-HTQT"}
        )
        bare = register.add_letter(s, {"subject": "Thư cảm ơn", "direction": "outgoing", "symbol": ""})
    dialog = _open(qtbot, window, ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    _select(dialog, first)
    assert dialog.buttons["sign"].isEnabled()
    with unit_of_work(engine) as s:  # another officer signs it while the list still says draft
        reference = register.sign(s, first, on=dt.date(2026, 12, 1))
    before = dialog.message.text()
    dialog.buttons["sign"].click()
    said = _said(qtbot, ctx, dialog, before)
    if language == "vi":
        assert said == f"công văn #{first} đã được ký ({reference})"
    else:
        assert said == f"letter #{first} is signed already ({reference})"

    dialog.reload()
    wait_idle(qtbot, ctx)
    _select(dialog, bare)
    before = dialog.message.text()
    dialog.buttons["sign"].click()
    said = _said(qtbot, ctx, dialog, before)
    if language == "vi":
        assert said.startswith("'' không phải là ký hiệu của cơ quan: chỉ gồm chữ, số và dấu '-'"), said
    else:
        assert said.startswith("the office symbol '' is not one"), said
    dialog.close()


def test_the_form_says_the_number_is_registered_already(
    qtbot: Any, window: Any, ctx: Any, engine: Any, monkeypatch: Any, language: str
) -> None:
    with unit_of_work(engine) as s:
        register.add_letter(
            s,
            {
                "direction": "incoming",
                "reference": "45/BKHCN-HTQT",
                "letter_date": dt.date(2026, 11, 2),
                "subject": "Đề nghị cử cán bộ",
            },
        )
    dialog = _open(qtbot, window, ctx)
    seen: list[str] = []

    def fill(form: Any) -> int:
        form.subject.setText("Đề nghị cử cán bộ (bản gửi lại)")
        form.reference.setText("45/BKHCN-HTQT")
        form.letter_date.setDate(QDate(2026, 11, 2))
        form.save()
        wait_idle(qtbot, ctx)
        qtbot.waitUntil(form.buttons.isEnabled, timeout=10_000)
        seen.append(form.error.text())
        return 0  # the officer closes the form: nothing was saved

    monkeypatch.setattr("ui.letters.LetterForm.exec", fill)
    dialog.buttons["new_in"].click()
    wait_idle(qtbot, ctx)
    if language == "vi":
        assert seen == ["công văn số 45/BKHCN-HTQT năm 2026 đã có trong sổ (#1)"]
    else:
        assert seen == ["letter 45/BKHCN-HTQT of 2026 is registered already (#1)"]
    dialog.close()


def test_the_form_says_another_officer_saved_the_letter_meanwhile(
    qtbot: Any, ctx: Any, engine: Any, language: str
) -> None:
    from app import records
    from db.engine import read_session
    from ui.letter_form import LetterForm

    with unit_of_work(engine) as s:
        letter_id = register.add_letter(s, {"subject": "Thư mời hội thảo", "symbol": "NIC-HTQT"})
    with read_session(engine) as s:
        opened = register.get_letter(s, letter_id)
    form = LetterForm(ctx, None, direction="outgoing", letter=opened)
    qtbot.addWidget(form)
    with unit_of_work(engine) as s:  # another officer saves it while this form is open
        records.update(
            s,
            "letter",
            letter_id,
            {"notes": "Gửi kèm chương trình", "subject": "Thư mời dự hội thảo"},
            expected_version=None,
        )
    form.subject.setText("Thư mời hội thảo khoa học")
    form.save()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(form.buttons.isEnabled, timeout=10_000)
    if language == "vi":
        # (one file, one person: the other save was another window's or the command line's)
        text = form.error.text()
        assert text.startswith(
            f"Công văn “Thư mời dự hội thảo” (#{letter_id}) vừa được sửa từ một cửa sổ khác hoặc dòng lệnh lúc "
        ), text
        assert text.endswith(
            ": Trích yếu nay là Thư mời dự hội thảo (của bạn: Thư mời hội thảo khoa học). Không có gì bị "
            "ghi đè; hãy thực hiện lại để ghi thay đổi của bạn đè lên."
        ), text
    else:
        text = form.error.text()
        assert text.startswith(
            f'Letter "Thư mời dự hội thảo" (id {letter_id}) was changed from another window or the command line at '
        ), text
        assert " meanwhile: Subject is now Thư mời dự hội thảo (yours: Thư mời hội thảo khoa học)." in text


def test_the_form_keeps_another_officers_save_to_other_fields(qtbot: Any, ctx: Any, engine: Any) -> None:
    """Another officer's note saved while the form was open made the form's save of the
    subject a refusal ("changed by someone else … reload it"): the two now merge."""
    from app import records
    from db.engine import read_session
    from ui.letter_form import LetterForm

    with unit_of_work(engine) as s:
        letter_id = register.add_letter(s, {"subject": "Thư mời hội thảo", "symbol": "NIC-HTQT"})
    with read_session(engine) as s:
        opened = register.get_letter(s, letter_id)
    form = LetterForm(ctx, None, direction="outgoing", letter=opened)
    qtbot.addWidget(form)
    with unit_of_work(engine) as s:
        records.update(s, "letter", letter_id, {"notes": "Gửi kèm chương trình"}, expected_version=None)
    form.subject.setText("Thư mời hội thảo khoa học")
    form.save()
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    with read_session(engine) as s:
        saved = records.get(s, "letter", letter_id)
    assert (saved["subject"], saved["notes"]) == ("Thư mời hội thảo khoa học", "Gửi kèm chương trình")
