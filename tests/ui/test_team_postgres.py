"""The window on a real team database: a reader's save is refused with one sentence in the form
(not a traceback), and Settings shows the login. Uses the server set-up of tests/db/test_team.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import opened_context

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


@pytest.fixture
def reader_ctx(qapp: Any, ready: Team, settings: Any) -> Iterator[Any]:  # noqa: F811
    with opened_context(ready.urls["tuan"], settings) as context:
        yield context


def test_a_readers_save_is_refused_in_one_sentence_and_settings_name_the_login(
    qtbot: Any,
    reader_ctx: Any,
    ready: Team,  # noqa: F811
) -> None:
    from ui.dialogs.record_form import RecordForm
    from ui.dialogs.settings import SettingsDialog

    form = RecordForm(reader_ctx, "organisation")
    qtbot.addWidget(form)
    form.show()
    form.widgets["name"].setText("Viettel")
    form.save()
    qtbot.waitUntil(form.general_error.isVisible, timeout=10_000)
    message = form.general_error.text()
    assert f"Not saved: your login {ready.prefix}tuan may not change anything" in message
    assert "permission denied" not in message  # the server's own words stay out (and in English)
    assert "Traceback" not in message and "\n" not in message
    assert form.isVisible() and form.widgets["name"].text() == "Viettel"  # nothing typed is lost

    dialog = SettingsDialog(reader_ctx)
    qtbot.addWidget(dialog)
    shown = dialog.findChild(QLabel, "settings_signed_in")
    assert shown is not None and "Lê Anh Tuấn" in shown.text() and f"{ready.prefix}tuan" in shown.text()
    assert reader_ctx.actor() == "Lê Anh Tuấn"


def _back_up_in_window(
    qtbot: Any, url: str, settings: Any, target: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """File → Backups… → Back up now into ``target`` as the login of ``url``: the dialog's note,
    and what the status bar says when the copy is written."""
    from db.migrate import open_database
    from ui import file_dialogs
    from ui.context import AppContext
    from ui.dialogs.backups import BackupsDialog

    engine = open_database(url)
    ctx = AppContext(engine, settings)
    try:
        dialog = BackupsDialog(ctx)
        qtbot.addWidget(dialog)
        monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
        said: list[str] = []
        ctx.status_message.connect(said.append)
        dialog.take()
        qtbot.waitUntil(lambda: any(str(target) in m for m in said), timeout=30_000)
        assert target.exists()
        return dialog.note.text(), next(m for m in said if str(target) in m)
    finally:
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        engine.dispose()


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="no pg_dump here")
def test_an_officers_backup_says_it_holds_only_what_the_login_may_see(
    qtbot: Any,
    qapp: Any,
    ready: Team,  # noqa: F811
    settings: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reviewer: lan's Back up now wrote a copy without the colleagues' confidential meetings and
    said only that pg_restore puts it back. The manager's dialog says nothing of the kind."""
    for who, partial in (("lan", True), ("hoa", False)):
        note, done = _back_up_in_window(
            qtbot, ready.urls[who], settings, tmp_path / f"{who}.dump", monkeypatch
        )
        assert "pg_restore puts back" in note
        said = f"Your login ({ready.prefix}{who}, officer) does not see every record"
        assert (said in note) is partial, note
        assert ("The complete backup is the database owner's" in note) is partial, note
        assert ("only what your login may see, not the whole team database" in done) is partial, done
