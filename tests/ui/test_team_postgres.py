"""The window on a real team database: a reader's save is refused with one sentence in the form
(not a traceback), and Settings shows the login. Uses the server set-up of tests/db/test_team.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


@pytest.fixture
def reader_ctx(qapp: Any, ready: Team, settings: Any) -> Iterator[Any]:  # noqa: F811
    from db.migrate import open_database
    from ui.context import AppContext

    engine = open_database(ready.urls["tuan"])
    context = AppContext(engine, settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
    engine.dispose()


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
