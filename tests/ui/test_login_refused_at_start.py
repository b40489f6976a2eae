"""A team server that turns the login away when the window starts (no password given, or a
wrong one kept in a password file): said in the window's words, the server named as Settings
names it (never ``postgresql+psycopg://``), with a way on — type the password (kept where
Settings → Database keeps it) or open another database — instead of an English box whose OK
quit, Settings out of reach (reviewer h30). The server is tests/cli/test_password_asked.py's
stand-in: it asks for a password and refuses any given."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from tests.cli.test_password_asked import serve_elsewhere


class Server:
    def __init__(self, port: int, passwords: Path) -> None:
        self.port, self.file = port, passwords

    @property
    def passwords(self) -> list[str]:
        return self.file.read_text(encoding="utf-8").splitlines() if self.file.exists() else []


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    proc, port = serve_elsewhere(tmp_path / "passwords.txt")
    yield Server(port, tmp_path / "passwords.txt")
    proc.kill()
    proc.wait()


def test_a_refused_login_at_start_offers_the_password_and_says_it_in_words(
    qtbot: Any, settings: Any, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.engine import passfile_path
    from ui import main

    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.pgpass
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    url = f"postgresql://boss@127.0.0.1:{server.port}/ketnoi?sslmode=disable"
    settings.database_url = url
    boxes: list[dict[str, str]] = []
    typed: list[str] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.objectName() == "login_refused":
            boxes.append(
                {"text": modal.text(), "note": modal.informativeText(), "details": modal.detailedText()}
            )
            buttons = {b.objectName(): b for b in modal.buttons()}
            assert {"type_password", "open_another", "quit"} <= set(buttons)
            buttons["type_password" if len(boxes) == 1 else "quit"].click()
            if len(boxes) > 1:
                return
        elif isinstance(modal, QDialog) and modal.objectName() == "server_password":
            shown = modal.findChild(QLineEdit, "server_url")
            field = modal.findChild(QLineEdit, "server_password_field")
            assert shown is not None and field is not None
            typed.append(shown.text())
            field.setText("s3cret")
            modal.accept()
        elif isinstance(modal, QMessageBox):  # any other box (the old one: OK, which quit)
            boxes.append({"text": modal.text(), "note": modal.informativeText(), "details": ""})
            modal.done(0)
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    assert main.run(None, settings=settings) == 1  # Quit, the second time

    assert len(boxes) == 2, boxes
    first, second = boxes
    where = f"ketnoi on the server 127.0.0.1:{server.port}"
    assert first["text"] == f"The server asks for the password of the login boss to open {where}."
    assert second["text"] == f"The server turned the login boss away: Ketnoi cannot open {where}."
    assert "ask your administrator" in second["note"] and "add-user" not in second["note"]
    for box in boxes:  # the library's and the server's words only under Show Details
        assert "postgresql+psycopg" not in box["text"] + box["note"]
        assert "fe_sendauth" not in box["text"] + box["note"]
    assert typed == [f"postgresql://boss@127.0.0.1:{server.port}/ketnoi?sslmode=disable"]
    qtbot.waitUntil(lambda: bool(server.passwords), timeout=5_000)
    assert set(server.passwords) == {"s3cret"}  # the typed password was tried
    # kept in Ketnoi's password file, the URL as Settings keeps it (as typed, no driver name)
    assert settings.database_url == url
    assert f"127.0.0.1:{server.port}:ketnoi:boss:s3cret" in passfile_path().read_text(encoding="utf-8")


def test_another_database_opened_instead_is_offered_for_every_start(
    qtbot: Any, settings: Any, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The officer chose "Open another database…" at the refusal and worked in a file: the
    next start went back to the refusing server, nothing leading to that file (left in h35)."""
    from db.migrate import open_database
    from tests.ui.test_main import _click_when_shown, _run_to_window
    from ui import file_dialogs

    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    url = f"postgresql://boss@127.0.0.1:{server.port}/ketnoi?sslmode=disable"
    settings.database_url = url
    other = tmp_path / "may-tinh-cua-toi.db"
    open_database(f"sqlite:///{other}").dispose()
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *_a, **_k: (str(other), ""))
    boxes: list[dict[str, Any]] = []
    _click_when_shown("login_refused", "open_another", boxes)
    _click_when_shown("remember_database", "Yes", boxes)

    code, opened = _run_to_window(monkeypatch, None, settings)

    assert code == 0 and opened == [f"sqlite:///{other}"]
    assert len(boxes) == 2, boxes
    assert (
        boxes[1]["text"]
        == "Open may-tinh-cua-toi.db at every start from now on, instead of ketnoi (127.0.0.1)?"
    )
    assert (
        "turned the login away" in boxes[1]["informative"]
        and "Settings → Database" in boxes[1]["informative"]
    )
    assert settings.database_url == f"sqlite:///{other}"  # agreed: the next start opens the file
