"""The brief's language follows the window's (h58: after the window was switched to Vietnamese,
the brief dialog still offered "English", remembered from an earlier brief), unless another was
chosen in the dialog this session; the dialog says which."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from ui import briefs


def _dialog(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> briefs.BriefDialog:
    dialog = briefs.BriefDialog(ctx, "organisation", ids["nic"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_brief_speaks_the_windows_language_unless_chosen_otherwise(
    qtbot: Any, ctx: Any, ids: dict[str, Any], monkeypatch: Any
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(briefs, "open_in_viewer", opened.append)
    ctx.settings.language = "en"
    first = _dialog(qtbot, ctx, ids)
    assert first.lang.currentData() == "en"
    qtbot.mouseClick(first.open_button, Qt.MouseButton.LeftButton)  # an English brief
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    first.close()
    ctx.settings.language = "vi"  # Settings → Language: Tiếng Việt
    second = _dialog(qtbot, ctx, ids)
    assert second.lang.currentData() == "vi" and "window's language" in second.lang_hint.text()
    qtbot.mouseClick(second.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=30_000)
    text = " ".join(p.extract_text() or "" for p in PdfReader(opened[1]).pages)
    assert "Cam kết" in text and "Open commitments" not in text
    second.close()
    # English chosen in the dialog: kept for this session's briefs, and the dialog says so
    third = _dialog(qtbot, ctx, ids)
    third.lang.setFocus()
    qtbot.keyClick(third.lang, Qt.Key.Key_Down)  # Tiếng Việt → English
    assert third.lang.currentData() == "en" and "until Ketnoi closes" in third.lang_hint.text()
    third.close()
    fourth = _dialog(qtbot, ctx, ids)
    assert fourth.request().lang == "en" and "Chosen for briefs" in fourth.lang_hint.text()
    qtbot.keyClick(fourth.lang, Qt.Key.Key_Up)  # the window's language again: followed again
    fourth.close()
    assert _dialog(qtbot, ctx, ids).request().lang == "vi"
