"""``ketnoi import`` and ``ketnoi undo-import`` record who did them, as the window does and as
every other command line write does: a CLI import was listed "imported by —" and the records'
history had no one for its changes. Real subprocesses on a real SQLite file, a real workbook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.app.importing.helpers import write_xlsx


def _ketnoi(db: Path, *args: str, json_out: bool = True) -> Any:
    env = {**os.environ, "KETNOI_ACTOR": "Trần Thu Hà", "LANG": "vi_VN.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--db", str(db), *(["--json"] if json_out else [])],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if json_out else done.stdout


def test_an_import_from_the_command_line_and_its_undo_name_who_did_them(tmp_path: Path) -> None:
    db = tmp_path / "ketnoi.db"
    _ketnoi(db, "org", "add", "--name", "ViSecurity", "--kind", "startup")
    book = write_xlsx(
        tmp_path / "liên hệ.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Email", "Tổ chức", "Chức vụ"],
                ["Nguyễn Thị Hồng Nhung", "nhung@visecurity.vn", "ViSecurity", "Giám đốc"],
            ],
        },
    )
    _ketnoi(db, "import", str(book), json_out=False)
    (batch,) = _ketnoi(db, "import-history")
    assert batch["created_by"] == "Trần Thu Hà"
    listed = _ketnoi(db, "import-history", json_out=False)
    assert "Trần Thu Hà" in listed and "—" not in listed

    (contact,) = _ketnoi(db, "contact", "list")["items"]
    changes = _ketnoi(db, "history", "contact", str(contact["id"]))["changes"]
    assert changes and {c["actor"] for c in changes} == {"Trần Thu Hà"}
    assert "Trần Thu Hà" in _ketnoi(db, "history", "contact", str(contact["id"]), json_out=False)

    _ketnoi(db, "undo-import", str(batch["id"]), json_out=False)
    after = _ketnoi(db, "history", "contact", str(contact["id"]))["changes"]
    assert len(after) > len(changes) and {c["actor"] for c in after} == {"Trần Thu Hà"}
