"""The wizard's mapping page names an actions sheet's column of the other side's person
"Responsible (them)" / "Người phụ trách (đối tác)", beside ours (reviewer: the export and the
import had one column, and the other side's person was lost). A real workbook, real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.importing.helpers import write_xlsx
from tests.ui.files.test_import_wizard import open_wizard
from ui import i18n


@pytest.mark.parametrize(
    ("lang", "ours", "theirs"),
    [("en", "Responsible", "Responsible (them)"), ("vi", "Người phụ trách", "Người phụ trách (đối tác)")],
)
def test_their_column_is_offered_and_chosen(qapp, qtbot, ctx, tmp_path: Path, lang, ours, theirs) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["Việc", "Phụ trách", "Đầu mối phía đối tác", "Hạn"],
        ["Bộ gửi công văn góp ý", "Trần Thị Lan", "Bùi Đức Hà", "02/03/2026"],
    ]
    path = write_xlsx(tmp_path / "viec.xlsx", {"Việc cần làm": rows})
    assert i18n.install(qapp, lang) == lang
    try:
        w = open_wizard(qtbot, ctx, path)
        w.next()
        combos = w.mapping_page.combos
        assert [c.currentData() for c in combos] == ["title", "responsible", "counterpart", "due_date"]
        assert (combos[1].currentText(), combos[2].currentText()) == (ours, theirs)
        # either column can be turned into the other by hand
        assert combos[1].findData("counterpart") >= 0 and combos[2].findData("responsible") >= 0
    finally:
        i18n.install(qapp, "en")
