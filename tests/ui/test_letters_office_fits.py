"""Tools → Letters → Office…: the office's header lines are read whole in their boxes (a
reviewer saw every box ~125 px wide, scrolled to its end: "ÁNG TẠO QUỐC GIA", "NISTRY OF
FINANCE"), the dialog wide enough for its title, and never wider than the screen; in English
and in Vietnamese."""

from __future__ import annotations

from typing import Any

from app.letters import office
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle


def _cut(dialog: Any) -> list[str]:
    out = []
    for key, edit in dialog.edits.items():
        need = edit.fontMetrics().horizontalAdvance(edit.text())
        room = edit.width() - 12  # the frame and the text margins
        if need > room:
            out.append(f"{key}: {edit.text()!r} ({need} > {room})")
    return out


def test_the_office_lines_are_read_whole(qtbot: Any, language: str, ctx: Any, engine: Any) -> None:
    from ui.letter_form import OfficeDialog

    with unit_of_work(engine) as s:  # a longer office than the default one, as offices are
        office.save_profile(
            s,
            {
                "parent_body": "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
                "name": "TRUNG TÂM ĐỔI MỚI SÁNG TẠO QUỐC GIA",
                "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                "name_in_text_en": "the National Innovation Center",
                "signer_title_en": "FOR THE DIRECTOR\nDEPUTY DIRECTOR",
            },
        )
    dialog = OfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)
    assert _cut(dialog) == []
    assert dialog.edits["signer_title"].text() == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 120, "the title is elided by the window's buttons"
    area = dialog.screen().availableGeometry()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    assert dialog.minimumSizeHint().width() <= area.width()
    dialog.grab().save(f"/tmp/h53/office_{language}.png")


def test_a_very_long_office_line_keeps_the_dialog_on_the_screen(qtbot: Any, ctx: Any, engine: Any) -> None:
    """A line longer than the screen is wide (the offscreen test screen is 800 px) scrolls in its
    box; the dialog stays within the screen."""
    from ui.letter_form import OfficeDialog

    long_name = " – ".join(["TRUNG TÂM ĐỔI MỚI SÁNG TẠO QUỐC GIA VÀ MẠNG LƯỚI ĐỔI MỚI SÁNG TẠO VIỆT NAM"] * 2)
    with unit_of_work(engine) as s:
        office.save_profile(s, {"name": long_name})
    dialog = OfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)
    area = dialog.screen().availableGeometry()
    assert dialog.fontMetrics().horizontalAdvance(long_name) > area.width()
    assert dialog.width() <= area.width() and dialog.minimumSizeHint().width() <= area.width()
    assert dialog.edits["name"].text() == long_name
