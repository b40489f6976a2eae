"""Deleting several records when the disk will not take the copy made before it: the window says
so in its language — nothing deleted, free some space — not "BackupError: … disk I/O error"
(reviewer h32). The process may grow no file past RLIMIT_FSIZE meanwhile (``ulimit -f``)."""

from __future__ import annotations

import os
import resource
import sqlite3
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from sqlmodel import col

from db.engine import read_session, sqlite_path
from db.models import Organisation
from ui import i18n

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX's")


def test_a_bulk_delete_the_disk_refuses_is_said_in_vietnamese_and_deletes_nothing(
    qapp: Any, qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: said.append(text))
    )
    db = sqlite_path(str(ctx.engine.url))
    assert db is not None
    con = sqlite3.connect(db)
    size = con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]
    con.close()

    def live() -> int:
        with read_session(ctx.engine) as s:
            return int(
                s.execute(
                    select(func.count())
                    .select_from(Organisation)
                    .where(col(Organisation.deleted_at).is_(None))
                ).scalar_one()
            )

    before = live()
    assert i18n.install(qapp, "vi") == "vi"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, hard))
    try:
        window.commands.delete("organisation", [ids["nic"], ids["genetica"]])
        qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        i18n.install(qapp, "en")
    (text,) = said
    assert "BackupError" not in text and "disk I/O error" not in text, text
    assert text.startswith("Dữ liệu không bị thay đổi: Ketnoi chưa xoá vì không ghi được bản sao lưu"), text
    assert "Hãy giải phóng bớt dung lượng trên ổ đĩa đó rồi thử lại." in text, text
    assert live() == before
