"""Settings → Database after starting with ``--db`` (reviewer, session 15): the dialog showed "A file
on this computer (SQLite)" selected while the line below said "Now open: ketnoi_test on the server
…", with nothing saying why. The choice stays the saved one (showing the --db database there would
save it for good on OK), and a line now says that the command line chose the open database for
this session and which database is the saved choice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel


def _settings_seen(monkeypatch: Any, url: str, settings: Any) -> dict[str, Any]:
    """main.run(url) until the window holds its database; what Settings → Database shows then."""
    from ui import main
    from ui.dialogs.settings import SettingsDialog

    seen: dict[str, Any] = {}
    earlier = set(QApplication.topLevelWidgets())

    def fake_exec() -> int:
        top = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible() and w not in earlier
        ][-1]
        dialog = SettingsDialog(top.ctx, top)
        note = dialog.findChild(QLabel, "settings_command_line_database")
        seen.update(
            file_chosen=dialog.use_file.isChecked(),
            file=dialog.file.text(),
            note=note.text() if note is not None and not note.isHidden() else "",
            url=dialog.database_url(),
        )
        dialog.deleteLater()
        top.ctx.tasks.wait()
        top.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main.run(url, settings=settings) == 0
    return seen


def test_a_database_given_with_db_is_said_to_be_for_this_session(qapp, tmp_path, monkeypatch, settings):
    saved = tmp_path / "saved.db"
    settings.database_url = f"sqlite:///{saved}"
    given = tmp_path / "given" / "from_the_command_line.db"
    given.parent.mkdir()
    seen = _settings_seen(monkeypatch, str(given), settings)
    assert seen["note"], "nothing says the open database came from --db"
    assert "--db" in seen["note"] and str(saved) in seen["note"]
    # the choice is still the saved one: OK keeps it
    assert seen["file_chosen"] and seen["file"] == str(saved)
    assert seen["url"] == f"sqlite:///{saved}"
    assert settings.database_url == f"sqlite:///{saved}"


def test_no_such_line_when_the_saved_choice_is_open(qapp, tmp_path, monkeypatch, settings):
    saved = tmp_path / "saved.db"
    settings.database_url = f"sqlite:///{saved}"
    seen = _settings_seen(monkeypatch, "", settings)  # no --db: the saved choice opens
    assert seen["note"] == "" and seen["file"] == str(saved)
    assert Path(saved).exists()
