"""Back up now on a team database, pg_dump failing: the box says why in the window's language
with pg_dump's own reason (reviewer h107, under LANG=vi_VN.UTF-8 on a computer without that
locale: the reason shown was "perl: warning: Setting locale failed.", in English). Here the
copy's folder is gone by the time pg_dump writes (a USB stick pulled)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="no pg_dump here"),
]


def test_a_failed_back_up_now_says_pg_dumps_reason_in_the_windows_language(
    qtbot: Any, pg_url: str, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    from db.migrate import open_database
    from ui import file_dialogs
    from ui.context import AppContext
    from ui.dialogs.backups import BackupsDialog

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    target = tmp_path / "usb" / "ketnoi.dump"  # (no such folder any more)
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: boxes.append((box.text(), box.informativeText())) or 0
    )
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    engine = open_database(pg_url)
    ctx = AppContext(engine, settings)
    try:
        dialog = BackupsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.take()
        qtbot.waitUntil(lambda: bool(boxes), timeout=30_000)
    finally:
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        engine.dispose()
    ((text, why),) = boxes
    assert "perl" not in why and "locale" not in why, why
    assert f'could not open output file "{target}"' in why, why
    if language == "vi":
        assert text == "Chưa lưu được bản sao nào.", text
        assert why.startswith(f'pg_dump không tạo được bản sao: không mở được tệp "{target}" để ghi: '), why
        assert "Thông báo gốc của pg_dump (tiếng Anh): “could not open output file" in why, why
    else:
        assert text == "No copy was saved." and why.startswith("pg_dump failed: "), (text, why)
