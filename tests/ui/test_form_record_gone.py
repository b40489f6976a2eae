"""A record form left open while a colleague (another window or program on the same file)
merges the record into another or deletes it (reviewer: "⚠ No contact with id 70.", in English
in a Vietnamese window; the change could not be saved anywhere, and the list behind the form
jumped to another person). The form says who did what, keeps what was typed, and offers the way
on: the record it was merged into, with the changed fields filled in over its values (its own
newer values kept elsewhere), or the record restored from the trash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app import merge, records
from app.errors import RecordGone
from db.engine import read_session, unit_of_work
from db.migrate import open_database


def _colleague(db_path: Path) -> Any:
    return open_database(f"sqlite:///{db_path}")  # another process's engine on the same file


@pytest.fixture
def answers(monkeypatch: Any) -> list[tuple[str, str]]:
    from ui.dialogs import gone

    asked: list[tuple[str, str]] = []

    def answer(_parent: Any, _title: str, text: str, go: str) -> bool:
        asked.append((text, go))
        return True

    monkeypatch.setattr(gone, "ask_way_on", answer)
    return asked


def test_a_save_after_a_colleagues_merge_goes_onto_the_kept_record(
    qtbot: Any, ctx: Any, ids: Any, db_path: Path, answers: list[tuple[str, str]]
) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "contact", ids["dang"])
    qtbot.addWidget(form)
    form.show()
    form.widgets["position"].setText("Vụ trưởng")
    form.widgets["emails"].setText("an.dang@nic.gov.vn, an@most.gov.vn")
    other = _colleague(db_path)
    with unit_of_work(other) as s:  # Hoa keeps Nhung; Nhung's position is hers, newer
        records.update(s, "contact", ids["nhung"], {"position": "Giám đốc Trung tâm"}, expected_version=None)
        merge.merge(s, "contact", ids["nhung"], ids["dang"], actor="Nguyễn Thị Hoa")
    other.dispose()

    form.save()
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    text, go = answers[0]
    assert "Nguyễn Thị Hoa merged this contact into “Nguyễn Thị Hồng Nhung”" in text
    assert "still in this form" in text and "No contact" not in text
    assert go == "Go to “Nguyễn Thị Hồng Nhung”"
    assert "Fill in your changes on “Nguyễn Thị Hồng Nhung”" in text
    # The form edits Nhung now: her values, with the fields changed here over them
    assert form.record_id == ids["nhung"] and form.isVisible()
    assert form.widgets["full_name"].text() == "Nguyễn Thị Hồng Nhung"
    assert form.widgets["position"].text() == "Vụ trưởng"
    emails = form.widgets["emails"].text()
    assert emails == "nhung@nic.gov.vn, an.dang@nic.gov.vn, an@most.gov.vn", emails  # one added
    note = form.general_error.text()
    assert "check them and save" in note and "Position" in note  # Nhung had another position
    with read_session(ctx.engine) as s:
        assert records.get(s, "contact", ids["nhung"])["position"] == "Giám đốc Trung tâm"  # not yet

    form.save()
    qtbot.waitUntil(lambda: form.saved_id == ids["nhung"], timeout=10_000)
    with read_session(ctx.engine) as s:
        kept = records.get(s, "contact", ids["nhung"])
    assert kept["position"] == "Vụ trưởng"
    assert kept["emails"] == ["nhung@nic.gov.vn", "an.dang@nic.gov.vn", "an@most.gov.vn"]
    assert kept["full_name"] == "Nguyễn Thị Hồng Nhung"


def test_a_save_after_a_colleagues_delete_restores_it_and_keeps_the_changes(
    qtbot: Any, ctx: Any, ids: Any, db_path: Path, answers: list[tuple[str, str]]
) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "contact", ids["hung"])
    qtbot.addWidget(form)
    form.widgets["position"].setText("Chủ tịch")
    other = _colleague(db_path)
    with unit_of_work(other) as s:
        records.delete(s, "contact", ids["hung"], actor="Nguyễn Thị Hoa")
    other.dispose()

    form.save()
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    text, go = answers[0]
    assert "Nguyễn Thị Hoa deleted this contact" in text and "View → Trash" in text
    assert go == "Restore and keep my changes"
    qtbot.waitUntil(lambda: "back from the trash" in form.general_error.text(), timeout=10_000)
    assert form.widgets["position"].text() == "Chủ tịch"
    form.save()
    qtbot.waitUntil(lambda: form.saved_id == ids["hung"], timeout=10_000)
    with read_session(ctx.engine) as s:
        assert records.get(s, "contact", ids["hung"])["position"] == "Chủ tịch"


def test_declining_keeps_the_form_open_with_what_was_typed(
    qtbot: Any, ctx: Any, ids: Any, db_path: Path, monkeypatch: Any
) -> None:
    from ui.dialogs import gone, record_form

    monkeypatch.setattr(gone, "ask_way_on", lambda *_a: False)
    form = record_form.RecordForm(ctx, "contact", ids["bao"])
    qtbot.addWidget(form)
    form.show()
    form.widgets["position"].setText("CEO")
    other = _colleague(db_path)
    with unit_of_work(other) as s:
        records.delete(s, "contact", ids["bao"], actor="Nguyễn Thị Hoa")
    other.dispose()
    form.save()
    qtbot.waitUntil(lambda: "deleted this contact" in form.general_error.text(), timeout=10_000)
    assert form.isVisible() and form.widgets["position"].text() == "CEO"


def test_the_service_says_where_a_merged_record_went(engine: Any, ids: Any) -> None:
    """Followed through a second merge to the live record; the CLI's Vietnamese too."""
    with unit_of_work(engine) as s:
        merge.merge(s, "contact", ids["nhung"], ids["dang"], actor="Hoa")
        merge.merge(s, "contact", ids["hung"], ids["nhung"], actor="Lan")
    with read_session(engine) as s, pytest.raises(RecordGone) as found:
        records.update(s, "contact", ids["dang"], {"position": "x"}, expected_version=1)
    gone = found.value
    assert (gone.how, gone.into_id, gone.into_live, gone.actor) == ("merged", ids["hung"], True, "Hoa")
    assert str(gone) == (
        f'Contact "Đặng Văn An" (id {ids["dang"]}) was merged into "Phạm Quốc Hùng" '
        f"(id {ids['hung']}) by Hoa."
    )
    assert (
        gone.vi
        == f"Liên hệ “Đặng Văn An” (#{ids['dang']}) đã được Hoa gộp vào “Phạm Quốc Hùng” (#{ids['hung']})."
    )


def test_the_list_behind_does_not_jump_to_another_person(
    qtbot: Any, window: Any, ids: Any, db_path: Path
) -> None:
    """A colleague's delete of the selected contact (heard by polling the file) clears the
    selection and the pane; it does not select the next person."""
    window.live.start(window.live_label, poll_s=0.1)
    try:
        window.navigate("contact", ids["hung"])
        panel = window.views["contact"].list
        qtbot.waitUntil(lambda: panel.current_id() == ids["hung"], timeout=5_000)
        qtbot.waitUntil(lambda: window.live.feed.state == "connected", timeout=5_000)
        other = _colleague(db_path)
        with unit_of_work(other) as s:
            records.delete(s, "contact", ids["hung"], actor="Nguyễn Thị Hoa")
        other.dispose()
        qtbot.waitUntil(lambda: panel.model.row_of(ids["hung"]) < 0, timeout=5_000)
        qtbot.wait(200)
        assert panel.selected_ids() == []
        assert panel.shown_id() == 0
    finally:
        window.live.stop()


@pytest.mark.postgres
def test_on_postgresql_a_colleagues_merge_is_said_and_the_change_goes_onto_the_kept_record(
    qtbot: Any, qapp: Any, pg_url: str, settings: Any, answers: list[tuple[str, str]]
) -> None:
    import sqlalchemy as sa

    from ui.context import AppContext
    from ui.dialogs.record_form import RecordForm

    engine = open_database(pg_url)
    with unit_of_work(engine) as s:
        settings.staff_id = records.create(s, "staff", {"name": "Trần Thị Lan"})
        kept = records.create(s, "contact", {"full_name": "Bùi Văn Hà", "position": "Phó Giám đốc"})
        gone = records.create(s, "contact", {"full_name": "Phan Hồng Hà", "position": "Vụ trưởng"})
    ctx = AppContext(engine, settings)
    other = sa.create_engine(pg_url, connect_args={"application_name": "ketnoi colleague"})
    try:
        form = RecordForm(ctx, "contact", gone)
        qtbot.addWidget(form)
        form.show()
        form.widgets["notes"].setPlainText("Gặp ở hội thảo AI")
        with unit_of_work(other) as s:
            merge.merge(s, "contact", kept, gone, actor="Nguyễn Thị Hoa")
        form.save()
        qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
        assert "Nguyễn Thị Hoa merged this contact into “Bùi Văn Hà”" in answers[0][0]
        assert form.record_id == kept and form.widgets["notes"].toPlainText() == "Gặp ở hội thảo AI"
        form.save()
        qtbot.waitUntil(lambda: form.saved_id == kept, timeout=10_000)
        with read_session(engine) as s:
            assert records.get(s, "contact", kept)["notes"] == "Gặp ở hội thảo AI"
    finally:
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        other.dispose()
        engine.dispose()
