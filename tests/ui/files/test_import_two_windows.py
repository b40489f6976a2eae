"""Two officers import the same workbook at the same time, each in a window of their own:
both preview it (every row new to both), A imports, then B. B's import creates nothing a second
time and says, in one sentence, whose import its rows met and when; the database holds the
records once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from db import clock
from db.engine import read_session
from db.migrate import open_database
from db.models import Contact, ImportBatch, Organisation
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.wizard import PAGE_COMMIT


def _book(path: Path, rows: int = 12) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Chức vụ", "Đơn vị", "Email"])
    for n in range(rows):
        ws.append([f"Nguyễn Văn {n}", "Chuyên viên", f"Công ty {n % 3}", f"nv{n}@example.vn"])
    wb.save(path)
    return path


@pytest.fixture
def other_ctx(qapp: Any, db_url: str, tmp_path: Path) -> Iterator[Any]:
    """The second officer's window: its own engine on the same database file, its own settings."""
    from ui.context import AppContext
    from ui.settings import Settings

    engine = open_database(db_url)
    context = AppContext(engine, Settings(str(tmp_path / "other.ini")))
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
    engine.dispose()


def _previewed(qtbot: Any, ctx: Any, book: Path) -> Any:
    w = open_wizard(qtbot, ctx, book)
    to_preview(qtbot, w)
    return w


def _imported(qtbot: Any, w: Any) -> None:
    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)


def _counts(engine: Engine) -> tuple[int, int, int]:
    with read_session(engine) as s:
        return (
            s.execute(select(func.count()).select_from(Contact)).scalar_one(),
            s.execute(select(func.count()).select_from(Organisation)).scalar_one(),
            s.execute(select(func.count()).select_from(ImportBatch)).scalar_one(),
        )


def test_two_windows_preview_the_same_workbook_and_import_it_in_turn(
    qtbot: Any, ctx: Any, other_ctx: Any, engine: Engine, tmp_path: Path
) -> None:
    book = _book(tmp_path / "danh-ba.xlsx")
    a = _previewed(qtbot, ctx, book)
    b = _previewed(qtbot, other_ctx, book)
    assert a.preview_page.model.counts()["new"] == b.preview_page.model.counts()["new"] == 12

    _imported(qtbot, a)
    assert a.commit_page.headline.text() == "Import #1 is done."
    assert _counts(engine) == (12, 3, 1)

    _imported(qtbot, b)
    assert _counts(engine) == (12, 3, 1)  # nothing twice, no empty import in the history
    with read_session(engine) as s:
        batch = s.get(ImportBatch, 1)
        assert batch is not None
        by, at = batch.created_by, f"{clock.local(batch.created_at):%d/%m/%Y %H:%M}"
    assert by  # (the first window's officer, as its history names them)
    page = b.commit_page
    assert page.headline.text() == "Nothing was imported."
    assert (
        page.subTitle()
        == "Another import wrote these records after the preview, so nothing was left to write."
    )
    said = page.message.text()
    assert said == (
        f'⚠ sheet "Danh bạ": "danh-ba.xlsx" was imported by {by} at {at} (import #1) after this preview '
        "was made; rows that now match the records it wrote were not created a second time: 12"
    ), said
    assert "rejected" not in said and "Save the rows" not in said
    a.close()
    b.close()


def test_a_copy_with_more_rows_imported_after_the_first_writes_only_its_own_rows(
    qtbot: Any, ctx: Any, other_ctx: Any, engine: Engine, tmp_path: Path
) -> None:
    """B's copy of the workbook has two rows more: those two are written, and the twelve A's
    import wrote are said in one sentence, above the figures of B's import."""
    a = _previewed(qtbot, ctx, _book(tmp_path / "danh-ba.xlsx"))
    b = _previewed(qtbot, other_ctx, _book(tmp_path / "danh-ba (Minh).xlsx", rows=14))
    _imported(qtbot, a)
    _imported(qtbot, b)
    assert _counts(engine) == (14, 3, 2)
    page = b.commit_page
    assert page.headline.text() == "Import #2 is done."
    said = page.message.text()
    assert said.startswith('⚠ sheet "Danh bạ": "danh-ba.xlsx" was imported by '), said
    assert said.endswith("rows that now match the records it wrote were not created a second time: 12"), said
    a.close()
    b.close()
