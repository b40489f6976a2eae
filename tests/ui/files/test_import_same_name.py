"""The import wizard's preview says why a row of the same name and organisation as a row above
is imported as another person (two "Cao Minh An" of FPT with other emails and phones)."""

from __future__ import annotations

from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.ui.files.test_import_wizard import open_wizard, to_preview

HEAD = ["Họ và tên", "Đơn vị", "Chức vụ", "Email", "Điện thoại"]


def test_the_preview_notes_a_second_person_of_the_same_name(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "a.xlsx", {"Danh bạ": [
        HEAD,
        ["Cao Minh An", "FPT", "CTO", "user2564@example42.vn", "+84910002564"],
        ["Cao Minh An", "FPT", "Phó Giám đốc", "user23139@example53.vn", "+84910023139"],
        ["Cao Minh An", "FPT", None, None, None],
    ]})  # fmt: skip
    w = open_wizard(qtbot, ctx, path)
    to_preview(qtbot, w)
    pp = w.preview_page
    assert pp.model.counts() == {"new": 2, "update": 0, "duplicate": 1, "error": 0, "skip": 0}
    shown = {pp.model.row_at(i).row: pp.model.index(i, 3).data() for i in range(pp.model.rowCount())}
    assert shown[3] == (
        "same name and organisation as row 2, but no email or phone in common: imported as another person"
    )
    assert shown[4] == "duplicate of row 2 (same name and organisation)"
