"""The merge dialog tells two namesakes apart (reviewer: merging two "Nguyễn Văn An", nothing
said which one is kept): each column's heading and the intro name the record's id, and rows
above the choices give each one's e-mails, phones, last contact, meetings and actions and the
day it was added; "Keep the other record instead" swaps them all. In Vietnamese every such
row is translated, and nothing of them is cut."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLabel

from app import records
from db.engine import unit_of_work
from ui import i18n
from ui.dialogs.duplicates import MergeDialog


def _two_ans(engine: Any, ids: dict[str, Any]) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        first = records.create(
            s,
            "contact",
            {
                "full_name": "Nguyễn Văn An",
                "organisation_id": ids["genetica"],
                "emails": ["an.nv@genetica.vn"],
            },
        )
        second = records.create(
            s,
            "contact",
            {
                "full_name": "Nguyễn Văn An",
                "organisation_id": ids["nic"],
                "phones": ["+84903111222"],
                "last_contacted_on": dt.date(2026, 11, 3),
            },
        )
    return first, second


def _fact(dialog: MergeDialog, key: str, side: str) -> str:
    label = dialog.findChild(QLabel, f"merge_fact_{key}_{side}")
    assert label is not None, key
    return label.text()


def test_two_namesakes_are_told_apart_by_id_and_facts(
    qtbot: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    first, second = _two_ans(engine, ids)
    dialog = MergeDialog(ctx, None, "contact", first, second)
    qtbot.addWidget(dialog)
    dialog.show()
    assert f"“Nguyễn Văn An” (#{first}) is kept; “Nguyễn Văn An” (#{second}) is merged" in dialog.intro.text()
    heads = [w.text() for w in dialog.body.findChildren(QLabel) if w.font().bold() and w.text()]
    assert heads == [f"Kept: Nguyễn Văn An (#{first})", f"Removed after the merge: Nguyễn Văn An (#{second})"]
    assert (_fact(dialog, "emails", "survivor"), _fact(dialog, "emails", "other")) == (
        "an.nv@genetica.vn",
        "(empty)",
    )
    assert (_fact(dialog, "phones", "survivor"), _fact(dialog, "phones", "other")) == (
        "(empty)",
        "0903 111 222",
    )
    assert _fact(dialog, "last_contacted_on", "survivor") == "(never)"
    assert _fact(dialog, "last_contacted_on", "other") == ctx.fmt_date(dt.date(2026, 11, 3))
    assert _fact(dialog, "work", "survivor") == "0 meetings, 0 actions"
    dialog.swap_button.click()  # the other kept instead: its facts move to the kept column
    assert _fact(dialog, "phones", "survivor") == "0903 111 222"
    assert f"Kept: Nguyễn Văn An (#{second})" in [w.text() for w in dialog.body.findChildren(QLabel)]
    assert len(dialog.body.findChildren(QLabel, "merge_fact_phones_survivor")) == 1  # the old rows gone


def test_in_vietnamese_the_facts_are_translated_and_whole(
    qtbot: Any, qapp: Any, ctx: Any, engine: Any, ids: dict[str, Any]
) -> None:
    first, second = _two_ans(engine, ids)
    assert i18n.install(qapp, "vi") == "vi"
    try:
        dialog = MergeDialog(ctx, None, "contact", first, second)
        qtbot.addWidget(dialog)
        dialog.resize(1000, 600)
        dialog.show()
        qtbot.waitExposed(dialog)
        names = [dialog.grid.itemAtPosition(r, 0).widget().text() for r in range(1, 6)]  # type: ignore[union-attr]
        assert names == ["Email", "Điện thoại", "Liên hệ gần nhất", "Cuộc họp và việc cần làm", "Ngày thêm"]
        assert _fact(dialog, "last_contacted_on", "survivor") == "(chưa liên hệ)"
        assert _fact(dialog, "work", "other") == "0 cuộc họp, 0 việc cần làm"
        assert f"Giữ lại “Nguyễn Văn An” (#{first}); “Nguyễn Văn An” (#{second})" in dialog.intro.text()
        for label in dialog.body.findChildren(QLabel):  # nothing cut: each line as wide as its text
            for line in label.text().splitlines():
                assert label.contentsRect().width() >= label.fontMetrics().horizontalAdvance(line), line
    finally:
        i18n.install(qapp, "en")


def test_two_organisations_are_not_said_to_keep_emails_and_phones(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    """An organisation has none: its tags, sectors and names are what a merge keeps of both."""
    dialog = MergeDialog(ctx, None, "organisation", ids["nic"], ids["genetica"])
    qtbot.addWidget(dialog)
    intro = dialog.intro.text()
    assert f"(#{ids['nic']}) is kept" in intro and f"(#{ids['genetica']}) is merged" in intro
    assert "Emails, phones" not in intro
    assert "Tags and sectors of both are kept; a name or acronym not kept becomes an alias." in intro
    assert dialog.findChild(QLabel, "merge_fact_emails_survivor") is None  # (a contact's facts only)
    assert dialog.findChild(QLabel, "merge_fact_work_survivor") is not None
