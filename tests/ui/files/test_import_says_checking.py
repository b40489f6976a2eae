"""While the import checks its rows against what the database holds — a step that writes no row,
6 s at 100,000 contacts — the progress strip says so, its bar moving, and goes back to
"Writing … rows" with the next rows written (reviewer: "5 / 3.009" stood still for 6 s, then the
import was done). A real workbook and database; the check is made slow as 100k contacts make it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

import app.importing.commit as committing
from app import records
from app.stats import record_counts
from db.engine import read_session, unit_of_work
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard.commit_page import CommitPage


def test_the_strip_says_what_the_rows_are_checked_against(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    matching = committing.match_rows

    def slow(*args: Any, **kwargs: Any) -> Any:
        found = matching(*args, **kwargs)
        time.sleep(1.5)  # (as at 100,000 contacts)
        return found

    monkeypatch.setattr(committing, "match_rows", slow)
    monkeypatch.setattr(CommitPage, "QUIET_S", 0.3, raising=False)
    with unit_of_work(engine) as s:  # what the database holds already
        org = records.create(s, "organisation", {"name": "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"})
        for name in ("Phạm Minh Tuấn", "Vũ Thị Lan"):
            records.create(s, "contact", {"full_name": name, "organisation_id": org})
    with read_session(engine) as s:
        held = record_counts(s)
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    w.next()
    cp = w.commit_page
    seen: list[tuple[str, int]] = []

    def checking() -> bool:
        seen.append((cp.busy.label.text(), cp.busy.bar.maximum()))
        return cp.busy.label.text().startswith("Checking against")

    qtbot.waitUntil(checking, timeout=TIMEOUT)
    assert (held["contacts"], held["organisations"]) == (2, 1)
    assert seen[-1] == ("Checking against 2 contacts, 1 organisation…", 0)  # a busy bar: it moves
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    assert seen[0][0].startswith("Writing ")
    w.accept()
