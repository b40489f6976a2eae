"""Help → About names a database file called in Vietnamese as written ("bản sao.db"), not as
SQLAlchemy renders it for connecting ("b%E1%BA%A3n sao.db")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "bản sao.db"


def test_about_names_the_file_as_written(qtbot, window, db_path):
    window.findChild(QAction, "act_about").trigger()
    found: list = []
    qtbot.waitUntil(lambda: bool(found.extend(window.findChildren(object, "about_dialog")) or found))
    about = found[0]
    qtbot.addWidget(about)
    summary = about.findChild(object, "about_summary").text()
    assert f"{db_path.parent}/bản sao.db" in summary
    assert "%E1" not in summary
