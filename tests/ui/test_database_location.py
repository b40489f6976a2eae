"""Where the open database is, as a person knows it (reviewer: Settings said "Now open:
sqlite:///…", a URL, and on Windows with a Vietnamese user name every letter as %C3%B2…): a
file by its path, in Settings and in the status bar; a server's database by its name and host,
never with the password."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel


@pytest.fixture
def office_file(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "Tài liệu"
    folder.mkdir()
    yield folder / "ketnoi văn phòng#2.db"


def test_settings_and_the_status_bar_name_the_file_by_its_path(
    qtbot: Any, settings: Any, office_file: Path
) -> None:
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.dialogs.settings import SettingsDialog
    from ui.main_window import MainWindow

    engine = open_database(f"sqlite:///{office_file}")
    ctx = AppContext(engine, settings)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert window.db_label.text() == str(office_file)
        dialog = SettingsDialog(ctx, window)
        qtbot.addWidget(dialog)
        now_open = dialog.findChild(QLabel, "settings_now_open")
        assert now_open is not None
        assert now_open.text() == f"Now open: {office_file}"
        assert "sqlite" not in now_open.text() and "%" not in now_open.text()
    finally:
        qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
        ctx.tasks.wait()
        engine.dispose()


def test_a_server_is_named_by_its_database_and_host_without_the_password() -> None:
    from ui.labels import database_location

    shown = database_location("postgresql+psycopg://hoa:bí-mật@db.office.vn:5432/ketnoi")
    assert shown == "ketnoi on the server db.office.vn:5432"
    hidden = database_location("postgresql+psycopg://hoa:***@db.office.vn/ketnoi")  # str(engine.url)
    assert hidden == "ketnoi on the server db.office.vn"
    assert database_location("sqlite:///C%3A%5CUsers%5CH%C3%B2a%5Cketnoi.db") == "C:\\Users\\Hòa\\ketnoi.db"
