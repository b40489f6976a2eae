"""A disk that will not take Ketnoi's writes, in the window: the import's backup refused is said
in the window's language without a class name (reviewer h32: "⚠ BackupError: Cannot back up
…/gf.db: disk I/O error" in the Vietnamese window), and today's automatic copy that could not be
made is said in the status bar and the Backups dialog (it failed silently).

The process may grow no file past RLIMIT_FSIZE while a test holds :func:`file_limit` (``ulimit
-f``: Python ignores SIGXFSZ, so the write fails with EFBIG, as on a full disk)."""

from __future__ import annotations

import os
import resource
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from db.engine import read_session, sqlite_path
from db.models import Contact
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from tests.ui.files.workbooks import contacts_workbook
from ui import i18n
from ui.import_wizard.wizard import PAGE_COMMIT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX's")


@contextmanager
def file_limit(size: int) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def content_size(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(
            con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]
        )
    finally:
        con.close()


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def test_an_import_whose_backup_the_disk_refuses_says_so_in_the_windows_language(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, vietnamese: None
) -> None:
    path = contacts_workbook(tmp_path / "dai-bieu.xlsx")
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    db = sqlite_path(str(engine.url))
    assert db is not None
    with file_limit(content_size(db) // 2):
        w.next()
        assert w.currentId() == PAGE_COMMIT
        qtbot.waitUntil(lambda: w.commit_page.state == "failed", timeout=TIMEOUT)
    said = w.commit_page.message.text()
    assert "BackupError" not in said and "disk I/O error" not in said and "Error:" not in said, said
    assert "Dữ liệu không bị thay đổi: Ketnoi chưa nhập dữ liệu vì không ghi được bản sao lưu" in said, said
    assert f"ổ đĩa chứa thư mục {db.parent / 'ketnoi-backups'}" in said, said
    assert "Hãy giải phóng bớt dung lượng trên ổ đĩa đó rồi thử lại." in said, said
    with read_session(engine) as s:
        assert s.execute(select(func.count()).select_from(Contact)).scalar_one() == 0
    w.close()


def test_the_daily_copy_the_disk_refuses_is_said_in_the_status_bar_and_the_backups_dialog(
    qapp: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    from app.cli import main as cli
    from db import backup as backups
    from ui import main
    from ui.dialogs.backups import BackupsDialog

    db = tmp_path / "ketnoi.db"
    assert cli(["demo", "--db", str(db)]) == 0
    seen: dict[str, str] = {}

    def fake_exec() -> int:
        top = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible() and str(db) in str(w.ctx.engine.url)
        ]
        window = top[-1]
        window.ctx.tasks.wait()  # the copy runs on the write lane, after the first paint
        qtbot.waitUntil(lambda: window.ctx.daily_backup_failed is not None, timeout=TIMEOUT)
        seen["status"] = window.statusBar().currentMessage()
        dialog = BackupsDialog(window.ctx, window)
        qtbot.addWidget(dialog)
        seen["dialog"] = dialog.note.text()
        seen["when"] = window.ctx.fmt_datetime(window.ctx.daily_backup_failed[0])
        dialog.close()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    with file_limit(content_size(db) // 2):
        assert main.run(str(db), settings=settings) == 0
    assert backups.listing(db) == []
    sentence = "No backup was made: ketnoi-"
    assert seen["status"].startswith("Today's automatic backup was not made: " + sentence), seen
    assert "Free some space on that disk, then try again." in seen["status"]
    assert "once a day" in seen["dialog"]
    assert f"⚠ Today's automatic copy could not be made ({seen['when']}): {sentence}" in seen["dialog"], seen
