"""Two Ketnoi windows (two processes) share one settings file. Reviewer: "I am" chosen in window
B was not shown in window A's Settings, A's history went on naming "root", and OK in A's
Settings, nothing changed, put "not chosen" back over B's choice (and "system" over the
language). Another process is a real one here: QSettings objects in one process share a cache."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import ui.settings


def _saved_by_another_window(settings: Any, **values: object) -> None:
    """What a second Ketnoi process's Settings → OK writes, written by one."""
    path = settings.qsettings.fileName()
    sets = "".join(f"q.setValue({k!r}, {v!r}); " for k, v in values.items())
    code = f"from PySide6.QtCore import QSettings; q = QSettings({path!r}, QSettings.Format.IniFormat); {sets}q.sync()"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _read_file(settings: Any, key: str) -> str:
    code = (
        "from PySide6.QtCore import QSettings; "
        f"print(QSettings({settings.qsettings.fileName()!r}, QSettings.Format.IniFormat).value({key!r}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], check=True, timeout=60, capture_output=True, text=True
    ).stdout.strip()


def test_settings_show_what_the_other_window_chose_and_its_history_uses_it(
    ctx: Any, ids: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.settings import SettingsDialog

    monkeypatch.setattr(ui.settings, "RELOAD_EVERY_S", 0.0)
    assert settings.staff_id == ids["me"] and ctx.actor() == "Trần Minh Anh"
    _saved_by_another_window(settings, **{"user/staff_id": ids["colleague"], "display/date_format": "ymd"})
    dialog = SettingsDialog(ctx)
    assert dialog.staff.currentData() == ids["colleague"]
    assert dialog.date_format.currentData() == "ymd"
    assert ctx.actor() == "Lê Văn Bình"  # this window's changes are recorded under the new choice
    dialog.deleteLater()


def test_ok_with_nothing_changed_keeps_what_the_other_window_saved_meanwhile(
    ctx: Any, ids: dict[str, Any], settings: Any
) -> None:
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)  # opened here, showing "Trần Minh Anh" and "As the system"
    assert dialog.staff.currentData() == ids["me"] and dialog.language.currentData() == "system"
    _saved_by_another_window(settings, **{"user/staff_id": ids["colleague"], "display/language": "vi"})
    dialog.apply()  # OK, nothing touched
    assert _read_file(settings, "user/staff_id") == str(ids["colleague"])
    assert _read_file(settings, "display/language") == "vi"
    # What was changed here is saved, and only that.
    _saved_by_another_window(settings, **{"display/language": "en"})
    dialog = SettingsDialog(ctx)
    dialog.date_format.setCurrentIndex(dialog.date_format.findData("mdy"))
    dialog.apply()
    assert _read_file(settings, "display/date_format") == "mdy"
    assert _read_file(settings, "display/language") == "en"
    assert _read_file(settings, "user/staff_id") == str(ids["colleague"])
