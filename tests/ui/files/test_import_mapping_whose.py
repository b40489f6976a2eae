"""The import wizard says whose remembered mapping it uses: "you" only when this user confirmed
it; a colleague's by name and date (a team database keeps one mapping per header row for all).

Its words read as English with the name out of the way (reviewer h143: "The mapping root
confirmed on 07/12/2026 for these headers is used."): "Using the column choices confirmed by …
on … for these headers."

Reviewer, on a team database, in Hoa's window: "Dùng cách ghép cột bạn đã xác nhận lần trước"
("the mapping you confirmed last time") when Lan confirmed it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.importing import run_import
from db import clock
from db.engine import read_session
from db.models import Setting
from tests.app.importing.helpers import preview
from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard import open_import_wizard

TIMEOUT = 30_000


def _confirmed_by(engine: Any, tmp_path: Path, actor: str) -> None:
    """A contacts workbook imported (its mapping remembered) by ``actor``."""
    pv = preview(engine, contacts_workbook(tmp_path / "first.xlsx"), "Danh bạ")
    run_import(engine, pv, actor=actor)


def _note(qtbot: Any, ctx: Any, tmp_path: Path) -> str:
    w = open_import_wizard(None, ctx, contacts_workbook(tmp_path / "again.xlsx"))
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    w.file_page.select_sheet("Danh bạ")
    w.next()
    text = str(w.mapping_page.note.text())
    w.reject()
    return text


def test_a_colleagues_mapping_is_said_with_their_name_and_the_day(qtbot, ctx, engine, tmp_path) -> None:
    assert ctx.actor() != "Trần Thị Lan"
    _confirmed_by(engine, tmp_path, "Trần Thị Lan")
    day = f"{clock.today():%d/%m/%Y}"
    note = _note(qtbot, ctx, tmp_path)
    assert f"Using the column choices confirmed by Trần Thị Lan on {day} for these headers." in note
    assert "you confirmed" not in note


@pytest.mark.parametrize(
    ("actor", "said"),
    [
        ("me", "Using the column choices you confirmed last time for these headers."),
        ("", "Using the column choices confirmed last time for these headers."),
    ],
)
def test_ones_own_mapping_is_yours_and_one_by_nobody_known_is_no_ones(
    qtbot, ctx, engine, tmp_path, actor, said
) -> None:
    _confirmed_by(engine, tmp_path, ctx.actor() if actor == "me" else actor)
    note = _note(qtbot, ctx, tmp_path)
    assert said in note


def test_the_mapping_remembered_records_who_and_when(engine, tmp_path) -> None:
    _confirmed_by(engine, tmp_path, "Trần Thị Lan")
    with read_session(engine) as s:
        [value] = [r.value for r in s.exec(select(Setting)).all() if r.key.startswith("import.mapping.")]
    assert value["by"] == "Trần Thị Lan" and value["at"].startswith(f"{clock.utcnow():%Y-%m-%d}")
