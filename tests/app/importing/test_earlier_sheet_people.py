"""A workbook whose meetings and actions sheets name the people (and meetings) its earlier
sheets add: no "attendee not found" in the preview, and each is linked at the commit. Reviewer
h98: the wizard's preview of the meetings sheet warned `attendee not found: "Kiều Minh Trí"`,
the person the contacts sheet above adds, then linked him anyway."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.importing import inspect_sheet, preview_import, run_import
from db.engine import read_session
from tests.app.importing.helpers import write_xlsx


def test_people_and_meetings_of_earlier_sheets_are_found(engine: Any, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "ca-bo.xlsx", {
        "Danh bạ": [["Họ và tên", "Chức vụ", "Đơn vị"], ["Kiều Minh Trí", "Giám đốc", "Genetica"]],
        "Cuộc họp": [["Ngày", "Tiêu đề", "Đơn vị", "Thành phần"],
                     ["05/12/2026 14:30", "Gặp Genetica về gen", "Genetica", "Kiều Minh Trí"]],
        "Việc cần làm": [["Việc", "Người thực hiện (đối tác)", "Từ cuộc họp", "Hạn"],
                         ["Gửi hồ sơ gen", "Kiều Minh Trí", "Gặp Genetica về gen", "20/12/2026"]],
    })  # fmt: skip
    previews: list[Any] = []
    for sheet in ("Danh bạ", "Cuộc họp", "Việc cần làm"):
        with read_session(engine) as s:
            layout = inspect_sheet(book, sheet, session=s)
            previews.append(preview_import(book, layout, session=s, after=previews))
    said = [(p.layout.sheet, m.code) for p in previews for r in p.rows for m in r.messages()]
    assert not [code for _sheet, code in said if code.endswith("_not_found")], said
    run_import(engine, previews)
    with engine.connect() as c:
        attended = c.execute(text(
            "SELECT m.title, c.full_name FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id "
            "JOIN contact c ON c.id = a.contact_id")).all()  # fmt: skip
        action = c.execute(text(
            "SELECT c.full_name, m.title FROM action a JOIN contact c ON c.id = a.responsible_contact_id "
            "JOIN meeting m ON m.id = a.meeting_id")).all()  # fmt: skip
    assert [tuple(r) for r in attended] == [("Gặp Genetica về gen", "Kiều Minh Trí")]
    assert [tuple(r) for r in action] == [("Kiều Minh Trí", "Gặp Genetica về gen")]
