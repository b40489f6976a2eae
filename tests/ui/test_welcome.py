"""The first-run welcome: once, on an empty database, with its three ways in."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard


@pytest.fixture
def empty_window(qtbot, qapp, engine, settings):
    from ui.context import AppContext
    from ui.main_window import MainWindow

    context = AppContext(engine, settings)
    w = MainWindow(context)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not context.tasks.busy(), timeout=10_000)
    yield w
    context.tasks.cancel_all()
    context.tasks.wait()


def welcome_of(qtbot, window):
    found = []
    qtbot.waitUntil(lambda: bool(found.extend(window.findChildren(object, "welcome_dialog")) or found))
    return found[0]


def test_an_empty_database_is_welcomed_once(qtbot, empty_window, settings):
    from ui.welcome import maybe_welcome, should_welcome

    assert not settings.welcomed
    maybe_welcome(empty_window)
    dialog = welcome_of(qtbot, empty_window)
    assert dialog.isVisible()
    assert settings.welcomed  # remembered as soon as shown, whatever is chosen
    dialog.findChild(object, "welcome_empty").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not should_welcome(empty_window.ctx)  # no nagging on the next start


def test_a_database_with_records_is_not_welcomed(ctx, settings):
    from ui.welcome import should_welcome

    assert not settings.welcomed
    assert not should_welcome(ctx)


def test_sample_data_opens_in_its_own_file_in_a_new_window(qtbot, empty_window, engine):
    from app.stats import record_counts
    from db.engine import read_session
    from ui.welcome import _windows, show_welcome

    dialog = show_welcome(empty_window)
    dialog.sample.click()
    qtbot.waitUntil(lambda: bool(_windows), timeout=20_000)
    sample = _windows[-1]
    assert "ketnoi-sample.db" in str(sample.ctx.engine.url)
    with read_session(sample.ctx.engine) as s:
        assert record_counts(s)["contacts"] >= 10
    with read_session(engine) as s:
        assert record_counts(s)["contacts"] == 0  # the person's database stays empty
    assert not empty_window.isVisible()
    assert "ketnoi-sample.db" in sample.statusBar().currentMessage()
    tasks = sample.ctx.tasks
    sample.close()  # deleted on close; its engine is disposed with it
    tasks.wait()


def test_import_a_spreadsheet_opens_the_wizard(qtbot, empty_window):
    from ui.welcome import show_welcome

    dialog = show_welcome(empty_window)
    dialog.spreadsheet.click()
    qtbot.waitUntil(lambda: bool(empty_window.findChildren(QWizard)))
    wizard = empty_window.findChildren(QWizard)[0]
    assert wizard.isVisible()
    wizard.reject()


def test_connect_to_a_team_database_opens_settings_on_the_server(qtbot, empty_window):
    from ui.dialogs.settings import SettingsDialog
    from ui.welcome import show_welcome

    dialog = show_welcome(empty_window)
    dialog.team.click()
    qtbot.waitUntil(lambda: bool(empty_window.findChildren(SettingsDialog)))
    settings_dialog = empty_window.findChildren(SettingsDialog)[0]
    assert settings_dialog.isVisible()
    assert settings_dialog.use_server.isChecked()
    assert settings_dialog.focusWidget() is settings_dialog.server
    settings_dialog.reject()


def test_help_welcome_reopens_it(qtbot, window):
    from PySide6.QtGui import QAction

    window.findChild(QAction, "act_welcome").trigger()
    dialog = welcome_of(qtbot, window)
    assert dialog.isVisible()
    dialog.reject()


@pytest.fixture
def vietnamese(qapp):
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def test_the_sample_of_a_vietnamese_window_has_vietnamese_sectors(qtbot, empty_window, vietnamese):
    """Sectors are words a person types: the sample writes them in the window's language
    (centre manager: a Vietnamese window's sample read "Semiconductors", "Biotech", "Policy")."""
    from sqlmodel import select

    from db import models as m
    from db.engine import read_session
    from ui.welcome import _windows, show_welcome

    dialog = show_welcome(empty_window)
    dialog.sample.click()
    qtbot.waitUntil(lambda: bool(_windows), timeout=20_000)
    sample = _windows[-1]
    with read_session(sample.ctx.engine) as s:
        sectors = set(s.exec(select(m.Sector.name)).all())
    assert {"Bán dẫn", "Công nghệ sinh học", "Chính sách"} <= sectors
    assert not sectors & {"Semiconductors", "Biotech", "Policy"}
    tasks = sample.ctx.tasks
    sample.close()
    tasks.wait()
