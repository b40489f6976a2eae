"""The wizard's mapping page shows a checkbox column's samples as the window's words (reviewer:
"True · False" in the Vietnamese window), in English and Vietnamese. A real workbook written
with openpyxl, through the wizard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.importing.helpers import write_xlsx
from tests.ui.files.test_import_wizard import open_wizard
from ui import i18n
from ui.import_wizard.mapping_page import COL_SAMPLES


@pytest.mark.parametrize(("lang", "words"), [("en", "Yes  ·  No"), ("vi", "Có  ·  Không")])
def test_checkbox_samples_are_the_windows_words(
    qapp, qtbot, ctx, tmp_path: Path, lang: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    rows: list[list[Any]] = [
        ["Họ và tên", "Email", "Đã mời"],
        ["Nguyễn Văn An", "an@nic.vn", True],
        ["Trần Thị Bình", "binh@nic.vn", False],
    ]
    path = write_xlsx(tmp_path / "khach.xlsx", {"Danh bạ": rows})
    assert i18n.install(qapp, lang) == lang
    try:
        w = open_wizard(qtbot, ctx, path)
        w.next()
        page = w.mapping_page
        assert page.table.item(2, 1).text() == "Đã mời"
        assert page.table.item(2, COL_SAMPLES).text() == words
        assert "True" not in page.table.item(2, COL_SAMPLES).toolTip()
    finally:
        i18n.install(qapp, "en")
