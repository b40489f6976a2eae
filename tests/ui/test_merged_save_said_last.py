"""A colleague's change merged into your save was never mentioned (reviewer, team database): Lan
edited a contact's notes while Hoa changed its position; both were saved, but the status bar
only ever said "Saved contact “…”" — the form's sentence that the other change was kept beside
hers was replaced at once by the generic one. The merged sentence is now the one that stays,
for every form that merges: the record form, Log meeting, and a letter's form (in the register's
own line). Driven through the window's Edit, a write landing while the form is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.letters import register
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle

KEPT = "was changed in another window or from the command line while you were editing"


def _meanwhile(engine: Engine, entity: str, record_id: int, values: dict[str, Any]) -> None:
    """Another program's save (the command line's, another window's) while the form is open."""
    with unit_of_work(engine) as s:
        records.update(s, entity, record_id, values, expected_version=None, actor="ketnoi")


def _exec_with(qtbot: Any, ctx: Any, edit: Callable[[Any], None]) -> Callable[[Any], int]:
    """A form's exec: ``edit`` types into it, the other save lands, Save is pressed."""

    def exec_(form: Any) -> int:
        edit(form)
        form.save()
        qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
        wait_idle(qtbot, ctx)
        return 1

    return exec_


def test_the_record_forms_merged_sentence_stays_in_the_status_bar(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.record_form import RecordForm

    genetica = ids["genetica"]

    def edit(form: Any) -> None:
        form.widgets["notes"].setPlainText("Gặp tại Techfest 2026")
        _meanwhile(engine, "organisation", genetica, {"acronym": "GEN"})

    monkeypatch.setattr(RecordForm, "exec", _exec_with(qtbot, ctx, edit))
    window.commands.edit("organisation", genetica)
    wait_idle(qtbot, ctx)
    said = window.statusBar().currentMessage()
    assert said.startswith("“Genetica” ") and KEPT in said, said
    with unit_of_work(engine) as s:
        now = records.get(s, "organisation", genetica)
    assert (now["acronym"], now["notes"]) == ("GEN", "Gặp tại Techfest 2026")  # both kept

    monkeypatch.setattr(
        RecordForm, "exec", _exec_with(qtbot, ctx, lambda f: f.widgets["city"].setText("Huế"))
    )
    window.commands.edit("organisation", genetica)  # nothing merged: the usual words
    wait_idle(qtbot, ctx)
    assert window.statusBar().currentMessage() == "Saved organisation “Genetica”"


def test_the_meetings_merged_sentence_stays_in_the_status_bar(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.log_meeting import LogMeetingDialog

    meeting = ids["past_meeting"]

    def edit(dialog: Any) -> None:
        dialog.location.setText("Phòng họp tầng 3")
        _meanwhile(engine, "meeting", meeting, {"minutes": "Genetica sẽ gửi số liệu thí điểm"})

    monkeypatch.setattr(LogMeetingDialog, "exec", _exec_with(qtbot, ctx, edit))
    window.commands.edit("meeting", meeting)
    wait_idle(qtbot, ctx)
    said = window.statusBar().currentMessage()
    assert said.startswith("“Họp làm việc về chương trình AI” ") and KEPT in said, said


def test_a_letters_merged_sentence_is_said_in_the_register(
    qtbot: Any, window: Any, ctx: Any, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unit_of_work(engine) as s:
        letter = register.add_letter(s, {"subject": "Thư mời hội thảo", "symbol": "NIC-HTQT"})
    window.act_letters.trigger()
    dialog = window.letters_dialog
    wait_idle(qtbot, ctx)
    dialog.table.selectRow(0)

    def edit(form: Any) -> None:
        form.organisation.setText("Genetica")
        _meanwhile(engine, "letter", letter, {"notes": "Gọi lại thứ Hai"})

    monkeypatch.setattr("ui.letters.LetterForm.exec", _exec_with(qtbot, ctx, edit))
    dialog.edit()
    wait_idle(qtbot, ctx)
    assert dialog.message.text().startswith("“Thư mời hội thảo” ") and KEPT in dialog.message.text()
    with unit_of_work(engine) as s:
        now = register.get_letter(s, letter)
    assert (now["organisation"], now["notes"]) == ("Genetica", "Gọi lại thứ Hai")
    dialog.close()
