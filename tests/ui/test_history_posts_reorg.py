"""The History window says the rows of posts and reorganisations in words, with names and
dates in the user's format (reviewer: each read "Post or holder" or "Reorganisation" and
nothing else, while ``ketnoi history`` printed "post: action=add, post_id=2, …"), and names a
letter's post, contact and the letter it answers instead of their ids."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import posts, records, reorg
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle

NIC = "Trung tâm Đổi mới sáng tạo Quốc gia"


def _rows(qtbot: Any, window: Any, entity: str, record_id: int) -> list[tuple[str, ...]]:
    """(change, before, after) of each row of the record's History dialog."""
    from ui.history import show_history

    dialog = show_history(window, window.ctx, entity, record_id)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    m = dialog.model
    rows = [tuple(m.index(r, c).data() for c in (2, 3, 4)) for r in range(m.rowCount())]
    window.last_history = dialog
    return rows


def test_posts_and_reorganisations_read_in_words_and_the_chosen_date_format(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], engine: Any, qtmodeltester: Any
) -> None:
    ctx.settings.date_format = "ymd"
    with unit_of_work(engine) as s:
        deputy = posts.add_post(s, ids["nic"], "Phó Giám đốc", rank=2, actor="Anh")
        posts.assign(s, deputy, ids["dang"], starts_on=dt.date(2025, 3, 1), decision="245/QĐ-BTC")
        posts.edit_post(s, deputy, rank=3, title="Phó Giám đốc thường trực")
        posts.end(s, posts.holder_of(s, deputy).holder_id, on=dt.date(2026, 11, 20))  # type: ignore[union-attr]
        reorg.succeed(s, ids["genetica"], [ids["nic"]], kind="merged", on=dt.date(2026, 3, 1), note="QĐ 12")
        letter = records.create(s, "letter", {"subject": "Mời họp", "organisation_id": ids["nic"]})
        records.update(
            s, "letter", letter, {"post_id": deputy, "contact_id": ids["dang"]}, expected_version=None
        )
    wait_idle(qtbot, ctx)

    org = _rows(qtbot, window, "organisation", ids["nic"])
    merged = ("Reorganisation: merged on 2026-03-01 (QĐ 12)", "Genetica", NIC)  # before → after
    assert merged in org, org
    assert ("Precedence of the post “Phó Giám đốc thường trực”", "2", "3") in org, org
    assert ("Post renamed", "Phó Giám đốc", "Phó Giám đốc thường trực") in org, org
    assert ("Post added", "", "Phó Giám đốc (precedence 2)") in org, org
    person = _rows(qtbot, window, "contact", ids["dang"])
    assert ("Left a post", f"Phó Giám đốc thường trực, {NIC}", "last day 2026-11-20") in person, person
    took = ("Took up a post", "", f"Phó Giám đốc, {NIC} from 2025-03-01 (decision 245/QĐ-BTC)")
    assert took in person, person
    gone = _rows(qtbot, window, "organisation", ids["genetica"])
    assert merged in gone, gone
    qtmodeltester.check(window.last_history.model, force_py=True)
    said = _rows(qtbot, window, "letter", letter)
    assert ("To (post)", "—", f"Phó Giám đốc thường trực, {NIC}") in said, said
    assert ("Contact", "—", "Đặng Văn An") in said, said
