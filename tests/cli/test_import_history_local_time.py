"""``ketnoi import-history`` says when an import was made and undone in local time (it said
01:32 for an import made at 08:32 in Hà Nội, as the action page's history did: reviewer h108)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from db import clock
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

HANOI = {"TZ": "Asia/Ho_Chi_Minh"}


def test_import_history_is_in_local_time(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    book = write_xlsx(
        tmp_path / "lien-he.xlsx", {"Liên hệ": [["Họ và tên", "Email"], ["Lý Minh Khôi", "khoi@nic.gov.vn"]]}
    )
    clock.set_fixed(dt.datetime(2026, 12, 7, 1, 32, tzinfo=dt.UTC))  # 08:32 in Hà Nội
    assert run_cli(db, "import", str(book), env=HANOI).returncode == 0
    clock.set_fixed(dt.datetime(2026, 12, 7, 2, 45, tzinfo=dt.UTC))  # 09:45
    assert run_cli(db, "undo-import", "1", env=HANOI).returncode == 0
    said = run_cli(db, "import-history", env=HANOI)
    assert said.returncode == 0, said.stderr
    assert "07/12/2026 08:32" in said.stdout and "07/12/2026 09:45" in said.stdout, said.stdout
    assert "01:32" not in said.stdout and "02:45" not in said.stdout
