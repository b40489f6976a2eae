"""The wizard's preview of a workbook whose second contacts sheet repeats people of the first:
each repeated row says what the import does with it (the record the first sheet writes, filled
or with nothing new), with the counts the import then has, in the window's language."""

from __future__ import annotations

from sqlalchemy import func, select

from db.engine import read_session
from db.models import Contact
from tests.app.importing.helpers import write_xlsx
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard
from ui.import_wizard.wizard import PAGE_COMMIT, PAGE_PREVIEW

FIRST = [["Họ và tên", "Email"], ["Nguyễn Văn An", "an@vcn.vn"], ["Trần Thị Bình", "binh@vcn.vn"]]
SECOND = [
    ["Họ và tên", "Email", "Điện thoại"],
    ["Nguyễn Văn An", "an@vcn.vn", ""],  # row 2: as the first sheet's row 2
    ["Trần Thị Bình", "binh@vcn.vn", "0912345678"],  # row 3: the first sheet's row 3, with a phone
    ["Lê Văn Cường", "cuong@fpt.vn", ""],
]


def test_a_later_sheets_repeated_rows_are_said_as_the_import_does_them(qtbot, ctx, engine, tmp_path):  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "hai-trang.xlsx", {"Danh bạ 1": FIRST, "Danh bạ 2": SECOND})
    w = open_wizard(qtbot, ctx, path)
    w.next()
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)
    pp = w.preview_page
    said = {p.layout.sheet: p.counts() for p in w.previews}
    assert said["Danh bạ 2"] == {"new": 1, "update": 1, "duplicate": 0, "error": 0, "skip": 1}
    pp.show_sheet([p.layout.sheet for p in w.previews].index("Danh bạ 2"))
    assert pp.model.counts() == said["Danh bạ 2"]
    pp.show_only(("skip",))
    assert pp.model.rowCount() == 1
    pp.view.setCurrentIndex(pp.model.index(0, 0))
    assert pp.row_detail.text() == 'row 2: sheet "Danh bạ 1", row 2: nothing new'
    pp.show_only(("update",))
    pp.view.setCurrentIndex(pp.model.index(0, 0))
    assert pp.row_detail.text().startswith(
        'row 3: updates sheet "Danh bạ 1", row 3: Phones: ∅ → 0912 345 678'
    )

    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    assert {s["sheet"]: s["counts"] for s in w.commit_result.counts["sheets"]}["Danh bạ 2"]["skip"] == 1
    assert {p.layout.sheet: p.counts() for p in w.previews} == said
    with read_session(engine) as s:
        assert s.execute(select(func.count()).select_from(Contact)).scalar_one() == 3
