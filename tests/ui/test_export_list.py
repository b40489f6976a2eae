"""Export this list to Excel… (File menu, the list's context menu): the rows the list holds, with
its filters and in its order, in the full export's layout for that kind — which imports back
(a manager with "Overdue or due today", responsible = a colleague, sorted by title, got the whole
database from File → Export to Excel)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from app import lists, records
from app.exporting import export_list
from app.exporting.workbook import exported_fields
from app.importing import inspect_workbook, preview_import, run_import
from app.importing.fields import LABELS
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.lists.seed import TODAY
from tests.ui.helpers import wait_idle
from ui import exports, file_dialogs

TIMEOUT = 30_000


def _rows(path: Path) -> list[tuple[Any, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        (ws,) = wb.worksheets
        assert ws.title == LABELS["action"]
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


@pytest.fixture
def colleagues_overdue(engine: Any, ids: dict[str, Any]) -> int:
    """An overdue action of Lê Văn Bình's: the responsible filter leaves it out (before the window)."""
    with unit_of_work(engine) as s:
        return int(
            records.create(
                s,
                "action",
                {"title": "Zalo the VIN network", "due_date": TODAY - dt.timedelta(days=1),
                 "responsible_staff_id": ids["colleague"]},
            )
        )  # fmt: skip


def _filtered(qtbot: Any, window: Any, ids: dict[str, Any]) -> Any:
    """The actions "Overdue or due today" of Trần Minh Anh, by title Z→A."""
    panel = window.views["action"].list
    window.show_actions("due_now")
    owner = panel._combos["owner"]
    owner.setCurrentIndex(owner.findData(ids["me"]))
    panel.view.sortByColumn(lists.COLUMNS["action"].index("title"), Qt.SortOrder.DescendingOrder)
    wanted = [ids["a_today"], ids["a_overdue"]]  # "Send the MoU draft", "Gửi thư giới thiệu…"
    qtbot.waitUntil(
        lambda: panel.model.rowCount() == 2 and [panel.model.row_of(i) for i in wanted] == [0, 1],
        timeout=TIMEOUT,
    )
    return panel


def test_the_list_shown_is_written_with_its_filters_and_order_and_imports_back(
    qtbot: Any,
    colleagues_overdue: int,
    window: Any,
    ctx: Any,
    ids: dict[str, Any],
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    suggested: list[str] = []

    def fake_dialog(parent: Any, title: str, name: str, filters: str) -> tuple[str, str]:
        suggested.append(name)
        return str(tmp_path / "handed-over.xlsx"), filters

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake_dialog)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    panel = _filtered(qtbot, window, ids)
    shown = [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())]
    assert panel.model.row_of(colleagues_overdue) < 0  # (overdue, but Lê Văn Bình's)

    # from the list's context menu (File has it too)
    assert window.act_export_list in window.menus["file"].actions()
    rect = panel.view.visualRect(panel.model.index(0, 0))
    panel.view.customContextMenuRequested.emit(rect.center() + QPoint(0, 0))
    menu = window.context_menu
    assert isinstance(menu, QMenu) and window.act_export_list in menu.actions()
    menu.close()
    window.act_export_list.trigger()
    qtbot.waitUntil(lambda: any(s.startswith("Exported 2 actions to") for s in said), timeout=TIMEOUT)
    wait_idle(qtbot, ctx)

    assert Path(suggested[0]).name == f"ketnoi-actions-due-now-tran-minh-anh-{TODAY.isoformat()}.xlsx"
    rows = _rows(tmp_path / "handed-over.xlsx")
    assert list(rows[0]) == [f.header for f in exported_fields("action")]
    assert [r[0] for r in rows[1:]] == shown == ["Send the MoU draft", "Gửi thư giới thiệu tới Genetica"]
    responsible = rows[0].index("Người phụ trách / Responsible")
    assert {r[responsible] for r in rows[1:]} == {"Trần Minh Anh <anh@nic.gov.vn>"}

    # imported into a fresh database, its actions (sorted alike) are written the same
    fresh = open_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        with read_session(fresh) as s:
            (layout,) = inspect_workbook(tmp_path / "handed-over.xlsx", session=s)
            assert not isinstance(layout, Exception) and layout.kind == "action"
            preview = preview_import(tmp_path / "handed-over.xlsx", layout, session=s, parallel=False)
        assert [r.status for r in preview.rows] == ["new", "new"]
        run_import(fresh, preview)
        query = lists.default_query("action").with_(status=None, sort="title", descending=True)
        with read_session(fresh) as s:
            export_list(tmp_path / "again.xlsx", query, session=s, lang=ctx.lang())
    finally:
        fresh.dispose()
    assert _rows(tmp_path / "again.xlsx") == rows


def test_not_offered_away_from_a_list(qtbot: Any, window: Any) -> None:
    window.nav.setCurrentRow(0)  # the dashboard
    qtbot.waitUntil(lambda: not window.act_export_list.isEnabled(), timeout=TIMEOUT)
    window.show_actions("overdue")
    qtbot.waitUntil(window.act_export_list.isEnabled, timeout=TIMEOUT)


def test_a_long_list_is_written_off_the_ui_thread_and_cancel_writes_nothing(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("app.exporting.workbook.READ_CHUNK", 1)  # the cancel flag read at every row
    said: list[str] = []
    ctx.status_message.connect(said.append)
    window.show_actions("all")
    gate, read_ids = threading.Event(), lists.ids

    def held(*args: Any, **kwargs: Any) -> list[int]:  # the list's query on a slow server
        gate.wait(10)
        return read_ids(*args, **kwargs)

    monkeypatch.setattr(lists, "ids", held)
    target = tmp_path / "x.xlsx"
    task = exports.export_list(window, ctx, "action", window.views["action"].list.model.query, [], target)
    assert task is not None and not target.exists()  # (the window goes on: the worker waits)
    task.cancel()  # the progress dialog's Cancel
    gate.set()
    wait_idle(qtbot, ctx)
    assert said[-1] == "Export cancelled; no file was written.", said
    assert not target.exists() and not target.with_name("x.xlsx.part").exists()
