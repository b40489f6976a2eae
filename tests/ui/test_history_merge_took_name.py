"""A record that took the name of the one merged into it says so in its history (reviewer
h149): the survivor's History read "Đã gộp “Công ty CP Công nghệ Sao Mai” vào bản ghi này" on
the record that now bears that very name, as if it had swallowed itself. The merged record is
named by its id and its name at the time, and the row says the name was taken from it; in the
window (English and Vietnamese) and in ``ketnoi history``."""

from __future__ import annotations

from typing import Any

from app import history, merge, records
from app.history_words import describe
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle

SAO_MAI = "Công ty CP Công nghệ Sao Mai"


def _sao_mai_merged(engine: Any) -> tuple[int, int]:
    """(the kept "Sao Mai Tech", the merged "Công ty CP Công nghệ Sao Mai"), the kept one
    taking the merged one's name."""
    with unit_of_work(engine) as s:
        kept = records.create(s, "organisation", {"name": "Sao Mai Tech"})
        other = records.create(s, "organisation", {"name": SAO_MAI})
    with unit_of_work(engine) as s:
        merge.merge(s, "organisation", kept, other, choices={"name": "other"}, actor="Hà")
    return kept, other


def test_the_kept_record_says_it_took_the_name_of_the_merged_one(
    qtbot: Any, window: Any, ctx: Any, engine: Any, language: str
) -> None:
    from ui.history import show_history

    kept, other = _sao_mai_merged(engine)
    wait_idle(qtbot, ctx)
    dialog = show_history(window, ctx, "organisation", kept)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    changes = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    said = {
        "en": f"Merged #{other} “{SAO_MAI}” into this record, which took that name from it",
        "vi": f"Đã gộp #{other} “{SAO_MAI}” vào bản ghi này; bản ghi này lấy tên đó từ #{other}",
    }[language]
    assert said in changes, changes
    dialog.close()


def test_the_command_line_says_it_the_same_way(engine: Any) -> None:
    kept, other = _sao_mai_merged(engine)
    with read_session(engine) as s:
        rows = history.record_history(s, "organisation", kept)
    row = next(r for r in rows if r.op == "merge" and not r.field)
    assert row.merged_id == other and row.took_name
    assert (
        describe(row, "vi")
        == f"Đã gộp #{other} “{SAO_MAI}” vào bản ghi này; bản ghi này lấy tên đó từ #{other}"
    )
    assert (
        describe(row, "en") == f"Merged #{other} “{SAO_MAI}” into this record, which took that name from it"
    )
