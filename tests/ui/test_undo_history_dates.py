"""Every date in Edit → Undo history… and File → Import history… is written in the date format
chosen in Settings, as the rest of the window writes dates (ui.settings.Settings.fmt_date).
Reviewer: under year-month-day the Undo history's "When" said 2026-12-07 while its reasons said
"Undone by Lan on 7/12" ("on 7 Dec" in English). Here: a collision, an undo by a colleague, an
import undone and another that keeps what was changed since, in both languages; and Ctrl+Z
refused in the window for a step a colleague undid meanwhile, whose box says the same day."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from app import records, undo_history
from app.importing import undo_import
from db import clock
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle

ME = "Trần Minh Anh"  # the seed's staff member, the ctx fixture's user
LAN = "Lê Thị Lan"
TIMEOUT = 10_000
# a day written as numbers ("7/12", "23/11/2026", "2026-11-23") or with a month's name ("23 Nov")
DAY = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)


def _edit(engine: Any, entity: str, rid: int, values: dict[str, Any], actor: str) -> str:
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        records.update(s, entity, rid, values, expected_version=None, actor=actor, group_id=group)
    return group


def _days(texts: list[str]) -> set[str]:
    return {d for t in texts for d in DAY.findall(t)}


def _history(engine: Any, ids: dict[str, Any], tmp_path: Any) -> None:
    """A collision (Lan renamed Genetica after me), a step of mine Lan undid, an import undone
    and one whose undo keeps a record Lan edited since."""
    from sqlmodel import select

    from db import models as m
    from db.engine import read_session
    from tests.app.importing.helpers import do_import, write_xlsx

    _edit(engine, "organisation", ids["genetica"], {"name": "Genetica Việt Nam"}, ME)
    _edit(engine, "organisation", ids["genetica"], {"name": "Genetica JSC"}, LAN)
    cited = _edit(engine, "organisation", ids["nic"], {"website": "nic.gov.vn"}, ME)
    with unit_of_work(engine) as s:
        undo_history.undo_entry(s, cited, actor=LAN)
    sheet = [["Họ và tên", "Chức vụ"], ["Đại biểu Một", "Chuyên viên"], ["Đại biểu Hai", "Chuyên viên"]]
    _, undone = do_import(engine, write_xlsx(tmp_path / "hoi-nghi.xlsx", {"Liên hệ": sheet}))
    with unit_of_work(engine) as s:
        undo_import(undone.batch_id, session=s, actor=LAN)
    sheet = [["Họ và tên", "Chức vụ"], ["Đại biểu Ba", "Chuyên viên"]]
    do_import(engine, write_xlsx(tmp_path / "hoi-thao.xlsx", {"Liên hệ": sheet}))
    with read_session(engine) as s:
        third = s.exec(select(m.Contact.id).where(m.Contact.full_name == "Đại biểu Ba")).one()
    _edit(engine, "contact", int(third or 0), {"position": "Trưởng phòng"}, LAN)


def test_undo_and_import_history_write_every_day_in_the_chosen_format(
    qtbot: Any, ctx: Any, engine: Any, ids: dict[str, Any], tmp_path: Any, language: str
) -> None:
    from ui.dialogs.undo_history import UndoHistoryDialog
    from ui.import_wizard.history_dialog import ImportHistoryDialog

    _history(engine, ids, tmp_path)
    ctx.settings.date_format = "ymd"
    today = f"{clock.now():%Y-%m-%d}"

    dialog = UndoHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loads >= 1, timeout=TIMEOUT)
    model = dialog.model
    reasons = [e.reason for e in model.rows if LAN in e.reason]
    assert len(reasons) == 4, reasons  # the collision, Lan's undo, the import undone, the one kept
    shown: list[str] = []
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            shown += [str(index.data() or ""), str(index.data(Qt.ItemDataRole.ToolTipRole) or "")]
        dialog.view.selectRow(row)
        shown.append(dialog.detail.text())  # the line under the list: label, status, reason
    assert _days(shown) == {today}, _days(shown)
    by_lan = f" {LAN} " if language == "vi" else f" by {LAN} "
    for reason in reasons:  # each names its day, in that format
        assert by_lan in reason and today in reason, reason
    dialog.close()

    imports = ImportHistoryDialog(ctx)
    qtbot.addWidget(imports)
    imports.show()
    qtbot.waitUntil(lambda: imports.model.rowCount() == 2, timeout=TIMEOUT)
    cells = [
        str(imports.model.index(r, c).data() or "")
        for r in range(imports.model.rowCount())
        for c in range(imports.model.columnCount())
    ]
    assert _days(cells) == {today}, _days(cells)
    imports.close()
    wait_idle(qtbot, ctx)


def test_ctrl_z_refused_for_a_step_undone_meanwhile_says_its_day_in_the_chosen_format(
    qtbot: Any, window: Any, ctx: Any, engine: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    import ui.commands

    boxes: list[str] = []
    monkeypatch.setattr(ui.commands.QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    ctx.settings.date_format = "mdy"
    group = _edit(engine, "organisation", ids["nic"], {"website": "nic.gov.vn"}, ME)
    with unit_of_work(engine) as s:  # undone by a colleague (another computer), unheard here
        undo_history.undo_entry(s, group, actor=LAN)
    ctx.push_undo('Edited organisation "NIC"', group)  # this window's step, as its save offered it
    window.act_undo.trigger()  # Ctrl+Z before the offer is read again
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(boxes), timeout=TIMEOUT)
    (said,) = boxes
    assert f"Undone by {LAN} on {clock.now():%m/%d/%Y}" in said, said
    assert _days([said]) == {f"{clock.now():%m/%d/%Y}"}, said
