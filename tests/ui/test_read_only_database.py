"""The window on a sound database in a read-only folder: it says where and what to do, in the
person's language, and offers no backup and no new database (nothing says the file is damaged);
only Quit and "Open read-only" (tests/ui/test_read_only_window.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from db.migrate import open_database
from tests.read_only import read_only


def _answer_read_only_box(seen: list[dict[str, Any]]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        assert isinstance(box, QMessageBox)
        seen.append(
            {
                "name": box.objectName(),
                "text": box.text(),
                "more": box.informativeText(),
                "buttons": [b.text() for b in box.findChildren(QPushButton)],
            }
        )
        box.button(QMessageBox.StandardButton.Close).click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_read_only_folder_is_named_and_no_new_database_is_offered(
    qapp: Any, tmp_path: Path, settings: Any, language: str
) -> None:
    from ui import i18n, main

    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "ketnoi.db"
    open_database(f"sqlite:///{db}").dispose()
    settings.language = language  # main.run installs it
    seen: list[dict[str, Any]] = []
    try:
        with read_only(folder):
            _answer_read_only_box(seen)
            assert main.run(str(db), settings=settings) == 1
    finally:
        i18n.install(qapp, "en")
    assert [s["name"] for s in seen] == ["read_only_database"], seen
    box = seen[0]
    assert str(db) in box["text"] and str(folder) in box["text"] and "ketnoi.db-wal" in box["text"]
    assert str(folder) in box["more"]
    if language == "en":
        assert "the folder" in box["text"] and "read-only" in box["text"]
        assert "does not mean the database is damaged" in box["text"] and "Documents" in box["more"]
        assert (
            box["buttons"][-2:] == ["Open read-only", "Quit"] and len(box["buttons"]) == 3
        )  # + Show Details…
        assert "open it read-only" in box["more"]
    else:
        assert "chỉ đọc" in box["text"] and "hỏng" in box["text"] and "Tài liệu" in box["more"]
        assert "read-only" not in box["text"]
        assert box["buttons"][-2:] == ["Mở chỉ để đọc", "Thoát"] and len(box["buttons"]) == 3
        assert "chế độ chỉ đọc" in box["more"]
    assert sorted(p.name for p in folder.iterdir()) == ["ketnoi.db"]
