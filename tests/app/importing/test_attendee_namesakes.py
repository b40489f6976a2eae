"""An attendee named by a name two contacts have: linked to the oldest, and the row says so;
"Name <email>" names the one meant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app import records
from app.importing import inspect_sheet, preview_import
from db.engine import Engine, read_session, unit_of_work
from tests.app.importing.helpers import write_xlsx


def _two_of_one_name(engine: Engine) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        first = records.create(s, "contact", {"full_name": "Nguyễn Văn An", "organisation_id": nic,
                                              "emails": ["an@nic.vn"]})  # fmt: skip
        second = records.create(s, "contact", {"full_name": "Nguyễn Văn An", "organisation_id": most,
                                               "emails": ["An@MOST.gov.vn"]})  # fmt: skip
        records.create(s, "contact", {"full_name": "Lê Thị Bình", "emails": ["binh@nic.vn"]})
    return first, second


def test_a_name_two_contacts_have_is_linked_to_the_oldest_with_a_warning(
    engine: Engine, tmp_path: Path
) -> None:
    first, second = _two_of_one_name(engine)
    book = write_xlsx(
        tmp_path / "meetings.xlsx",
        {
            "Cuộc họp": [
                ["Tiêu đề", "Bắt đầu", "Thành phần"],
                ["Họp AI", dt.datetime(2026, 11, 2, 9), "Nguyễn Văn An; Lê Thị Bình"],
                ["Họp sandbox", dt.datetime(2026, 11, 3, 9), "Nguyễn Văn An <an@most.gov.vn> (chủ trì)"],
                ["Họp bán dẫn", dt.datetime(2026, 11, 4, 9), "nguyễn văn an <an@nic.vn>"],
            ]
        },
    )
    with read_session(engine) as s:
        layout = inspect_sheet(book, session=s)
        assert layout.kind == "meeting"
        preview = preview_import(book, layout, session=s)
    ambiguous, by_email, by_other_email = preview.rows
    assert ambiguous.relations is not None and ambiguous.relations["attendees"][0] == first
    assert ambiguous.message_text("en") == (
        f'2 contacts are called "Nguyễn Văn An": linked to #{first}; write "Name <email>" to name another'
    )
    assert "có 2 liên hệ tên" in ambiguous.message_text("vi")
    assert by_email.relations is not None and by_email.relations["attendees"] == [second]
    assert by_email.relations["roles"] == {second: "chair"}
    assert by_email.message_text("en") == ""
    assert by_other_email.relations is not None and by_other_email.relations["attendees"] == [first]
    assert by_other_email.message_text("en") == ""
