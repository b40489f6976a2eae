"""Search everywhere in the window's own words: an action's direction, status and due date
translated, never a stored code (reviewer: "Việc cần làm · we owe · done · due 12/12/2026" in
the Vietnamese window); and a search that finds nothing says so instead of an empty white box."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.app.lists.seed import TODAY
from tests.ui.helpers import searched


def _dialog(qtbot: Any, ctx: Any) -> Any:
    from ui.dialogs.search import SearchDialog

    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_actions_line_is_in_the_windows_words_and_language(qtbot: Any, ctx: Any, language: str) -> None:
    dialog = _dialog(qtbot, ctx)
    searched(qtbot, dialog, "old finished task")  # the seed's done action, due 30 days before TODAY
    assert dialog.results.count() >= 1
    item = dialog.results.item(0)
    title, line = item.text().split("\n")
    assert title == "Old finished task"
    due = ctx.fmt_date(TODAY - dt.timedelta(days=30))
    expected = {
        "en": f"Action · We owe · Done · Due {due}",
        "vi": f"Việc cần làm · Bên ta cần làm · Đã xong · Hạn {due}",
    }[language]
    assert line == expected
    assert item.toolTip() == item.text()


def test_a_search_that_finds_nothing_says_so_in_the_list(qtbot: Any, ctx: Any, language: str) -> None:
    dialog = _dialog(qtbot, ctx)
    searched(qtbot, dialog, "zzqx")
    assert dialog.results.count() == 0
    assert dialog.empty_note.isVisible()
    said = {"en": "No match for “zzqx”", "vi": "Không tìm thấy kết quả cho “zzqx”"}
    assert dialog.empty_note.text() == said[language]
    # within the list's area, not a line under it
    assert dialog.results.viewport().geometry().contains(dialog.empty_note.geometry().center())
    searched(qtbot, dialog, "nic")
    assert dialog.results.count() >= 1 and not dialog.empty_note.isVisible()
    searched(qtbot, dialog, "")  # an empty box is not a search that found nothing
    assert not dialog.empty_note.isVisible()


def test_typing_does_not_flash_the_note_before_the_search_has_answered(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, ctx)
    dialog.box.setFocus()
    qtbot.keyClicks(dialog.box, "nic")
    assert not dialog.empty_note.isVisible()  # the search waits for typing to pause
    qtbot.waitUntil(lambda: dialog.results.count() >= 1, timeout=5_000)
    qtbot.keyClicks(dialog.box, "zzz")
    assert not dialog.empty_note.isVisible()  # still the last answer's list, not "No match" yet
    qtbot.waitUntil(dialog.empty_note.isVisible, timeout=5_000)
    assert dialog.empty_note.text() == "No match for “niczzz”"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Backspace)
    assert dialog.empty_note.isVisible()  # kept until the next answer replaces it: no blink


def test_a_record_found_by_its_file_says_so_in_the_windows_language(
    qtbot: Any, ctx: Any, ids: dict[str, Any], language: str
) -> None:
    from app import attachments
    from db.engine import unit_of_work

    prepared = attachments.prepare("Bien_ban_ghi_nho.txt", b"zygomorphic minutes")
    with unit_of_work(ctx.engine) as s:
        attachments.add(s, "organisation", ids["nic"], prepared, actor="Anh")
    dialog = _dialog(qtbot, ctx)
    searched(qtbot, dialog, "bien ban ghi nho")
    lines = [dialog.results.item(i).text().split("\n")[1] for i in range(dialog.results.count())]
    word = {"en": "Attachment", "vi": "Tệp đính kèm"}[language]
    assert any(line.endswith(f"{word}: Bien_ban_ghi_nho.txt") for line in lines), lines
    assert not any("file:" in line for line in lines)
