"""An import that updates a record's coded fields says the values in words, in the reader's
language: the preview (and ``ketnoi import``) said 'Loại: "startup" → "network"' — the stored
codes inside Vietnamese text. A real workbook written with openpyxl, read back and previewed
against a real SQLite file, worded by the CLI's table (app) and by the window (ui)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import records
from app.importing import inspect_workbook, preview_import
from app.importing.messages import Message, text
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import write_xlsx


def _said(engine: Engine, book: Path, on_match: str, code: str) -> Message:
    with read_session(engine) as s:
        (layout,) = inspect_workbook(book, session=s)
        assert not isinstance(layout, Exception)
        pv = preview_import(book, layout, session=s, parallel=False, on_match=on_match)
    (row,) = pv.rows
    (said,) = [r for r in row.reasons if r.code == code]
    return said


def test_an_organisations_kind_the_sheet_differs_on_is_said_in_words(
    qapp: Any, engine: Engine, tmp_path: Path
) -> None:
    from ui import i18n
    from ui.import_wizard.messages import wording

    with unit_of_work(engine) as s:
        ident = records.create(s, "organisation", {"name": "ViSecurity", "kind": "startup"})
    book = write_xlsx(
        tmp_path / "tổ chức.xlsx",
        {"Tổ chức": [["Tên tổ chức", "Loại hình"], ["ViSecurity", "Mạng lưới / hiệp hội"]]},
    )
    kept = _said(engine, book, "fill", "fill_keeps")
    assert '"startup"' not in text(kept, "vi") and '"network"' not in text(kept, "vi")
    assert text(kept, "vi").startswith(
        f'giữ nguyên như #{ident} đang có (trang tính ghi khác): Loại: "Khởi nghiệp" → "Mạng lưới / hiệp hội"'
    )
    assert text(kept, "en").startswith(
        f'left as #{ident} has it (the sheet differs): Kind: "Start-up" → "Network / association"'
    )
    assert wording(kept).startswith(
        f'left as #{ident} has it (the sheet differs): Kind: "Start-up" → "Network'
    )
    assert i18n.install(qapp, "vi") == "vi"
    try:
        assert '"Khởi nghiệp" → "Mạng lưới / hiệp hội"' in wording(kept)
    finally:
        i18n.install(qapp, "en")


def test_an_actions_status_priority_direction_and_due_day_are_said_as_the_window_shows_them(
    qapp: Any, engine: Engine, tmp_path: Path
) -> None:
    from ui import i18n
    from ui.import_wizard.messages import dates_as, wording
    from ui.settings import Settings

    with unit_of_work(engine) as s:
        ident = records.create(
            s,
            "action",
            {
                "title": "Gửi công văn mời họp",
                "reference": "CV-12/2025",
                "direction": "we_owe",
                "status": "open",
                "priority": 2,
                "due_date": dt.date(2025, 3, 1),
            },
        )
    book = write_xlsx(
        tmp_path / "việc.xlsx",
        {
            "Việc cần làm": [
                ["Việc", "Số văn bản", "Chiều", "Trạng thái", "Ưu tiên", "Hạn"],
                ["Gửi công văn mời họp", "CV-12/2025", "Đối tác cần làm", "Đã xong", "Cao", "15/04/2025"],
            ]
        },
    )
    updates = _said(engine, book, "overwrite", "updates")
    vi = text(updates, "vi")
    for code in ("we_owe", "they_owe", "open", "done", '"2"', '"1"'):
        assert code not in vi
    assert '"Bên ta cần làm" → "Đối tác cần làm"' in vi
    assert '"Đang mở" → "Đã xong"' in vi
    assert '"Bình thường" → "Cao"' in vi
    assert "01/03/2025 → 15/04/2025" in vi
    assert '"Normal" → "High"' in text(updates, "en") and '"Open" → "Done"' in text(updates, "en")

    settings = Settings(str(tmp_path / "settings.ini"))
    settings.date_format = "ymd"
    dates_as(settings)  # (the wizard passes the app's context: the chosen date format)
    assert i18n.install(qapp, "vi") == "vi"
    try:
        shown = wording(updates)
        assert shown.startswith(f"cập nhật #{ident}: ")
        assert '"Bên ta cần làm" → "Đối tác cần làm"' in shown
        assert '"Đang mở" → "Đã xong"' in shown and '"Bình thường" → "Cao"' in shown
        assert "2025-03-01 → 2025-04-15" in shown
    finally:
        i18n.install(qapp, "en")
        dates_as(Settings(str(tmp_path / "default.ini")))
