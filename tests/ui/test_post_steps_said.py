"""A post's notes edited (``ketnoi post edit 1 --notes …``) wrote "Post renamed: Giám đốc công
nghệ → Giám đốc công nghệ" into the organisation's history (the title was always written before
and after), and Edit → Undo history called a post added or edited "Bulk edit" (reviewer). Only
what changed is written now (and an old row's unchanged title is not said), and the step is
named by what it did."""

from __future__ import annotations

from typing import Any

from app import posts, records
from app.history import record_history
from app.history_events import said
from db.engine import read_session, unit_of_work
from tests.ui.helpers import wait_idle

CTO = "Giám đốc công nghệ"


def _post_lines(engine: Any, organisation: int) -> list[str]:
    with read_session(engine) as s:
        return [said(e, "en") for h in record_history(s, "organisation", organisation) if (e := h.event)]


def test_notes_alone_are_not_a_rename_and_the_undo_history_names_each_post_step(
    qtbot: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    from ui.dialogs.undo_history import COL_KIND, COL_WHAT, UndoHistoryDialog

    nic = ids["nic"]
    with unit_of_work(engine) as s:
        post = posts.add_post(s, nic, CTO, rank=3, actor="Trần Minh Anh", group_id="g-add")
    with unit_of_work(engine) as s:
        posts.edit_post(s, post, notes="Phụ trách chuyển đổi số", actor="Trần Minh Anh", group_id="g-edit")
    lines = _post_lines(engine, nic)
    assert any(line.startswith(f"Notes on the post “{CTO}”: ") for line in lines), lines
    assert not any(line.startswith("Post renamed") for line in lines), lines
    with unit_of_work(engine) as s:  # a row as written before: the title, unchanged, before and after
        records.record_change(
            s, "organisation", nic, posts.OP,
            old={"action": "edit", "post_id": post, "title": CTO, "rank": 3},
            new={"action": "edit", "post_id": post, "title": CTO, "rank": 4},
        )  # fmt: skip
    lines = _post_lines(engine, nic)
    assert f"Precedence of the post “{CTO}”: 3 → 4" in lines, lines
    assert not any(line.startswith("Post renamed") for line in lines), lines

    with unit_of_work(engine) as s:
        posts.edit_post(s, post, title="Giám đốc Công nghệ", actor="Trần Minh Anh", group_id="g-rename")
    assert f"Post renamed: {CTO} → Giám đốc Công nghệ" in _post_lines(engine, nic)

    dialog = UndoHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loads >= 1, timeout=10_000)
    wait_idle(qtbot, ctx)
    rows = {
        dialog.model.index(r, COL_WHAT).data(): dialog.model.index(r, COL_KIND).data()
        for r in range(dialog.model.rowCount())
    }
    assert rows['Edited the post "Giám đốc Công nghệ"'] == "Post edited", rows
    assert rows[f'Edited the post "{CTO}"'] == "Post edited", rows
    assert rows[f'Added the post "{CTO}"'] == "Post added", rows
    assert "Bulk edit" not in rows.values(), rows
