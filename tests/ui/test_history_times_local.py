"""Times of history rows on record pages are local, not UTC (reviewer h108, Vietnamese window at
UTC+7: the action page's "Lịch sử" said "07/12/2026 01:32 Hạn: 05/12/2026 → 14/12/2026" for a
change made at 08:32, which Ctrl+H and ``ketnoi history`` said 08:32; a position changed at 06:30
on 11/12 was dated 10/12 in "Role history"). Under TZ=Asia/Ho_Chi_Minh, pages rendered as the
window renders them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.briefing.gather import gather_contact
from app.briefing.produce import BriefRequest, produce
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.briefing.pdfutil import pdf_text
from tests.helpers import laptop_zone


@pytest.fixture
def hanoi(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with laptop_zone(monkeypatch, "Asia/Ho_Chi_Minh"):
        yield


def _page_text(ctx: Any, entity: str, record_id: int) -> str:
    from PySide6.QtGui import QTextDocument

    from app.story import story
    from ui.details.story import render

    with ctx.read() as s:
        html = render(story(s, entity, record_id, today=ctx.today()), ctx.settings)
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_an_actions_history_on_its_page_is_in_local_time(
    qapp: Any, ctx: Any, engine: Engine, hanoi: None
) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 0))
    with unit_of_work(engine) as s:
        aid = records.create(s, "action", {"title": "Gửi công văn", "due_date": dt.date(2026, 12, 5)})
    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 32))  # 01:32 UTC
    with unit_of_work(engine) as s:
        v = records.get(s, "action", aid)["version"]
        records.update(s, "action", aid, {"due_date": dt.date(2026, 12, 14)}, expected_version=v)
    text = _page_text(ctx, "action", aid)
    assert "07/12/2026 08:32" in text, text
    assert "01:32" not in text


def test_role_history_is_dated_by_the_local_day(
    qapp: Any, ctx: Any, engine: Engine, hanoi: None, tmp_path: Path
) -> None:
    clock.set_fixed(dt.datetime(2026, 12, 1, 9, 0))
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Cục Đổi mới sáng tạo"})
        cid = records.create(
            s, "contact", {"full_name": "Trần Thu Hằng", "position": "Phó Cục trưởng", "organisation_id": org}
        )
    clock.set_fixed(dt.datetime(2026, 12, 11, 6, 30))  # 23:30 UTC on 10/12
    with unit_of_work(engine) as s:
        v = records.get(s, "contact", cid)["version"]
        records.update(s, "contact", cid, {"position": "Cục trưởng"}, expected_version=v)
    text = _page_text(ctx, "contact", cid)
    assert "11/12/2026\nPosition: Phó Cục trưởng → Cục trưởng" in text, text
    assert "10/12/2026" not in text
    # the organisation's people: "formerly Phó Cục trưởng (11/12/2026)"
    text = _page_text(ctx, "organisation", org)
    assert "formerly Phó Cục trưởng (11/12/2026)" in text, text
    # and the contact's brief: "Quá trình công tác" dated 11/12/2026
    with read_session(engine) as s:
        assert len(gather_contact(s, cid).role_history) == 1
    done = produce(engine, BriefRequest("contact", cid, lang="vi"), today=clock.today(), folder=tmp_path)
    text = " ".join(pdf_text(done.path))
    assert "11/12/2026 Chức vụ" in text, text
    assert "10/12/2026" not in text


def test_a_period_digest_counts_contacts_added_on_its_local_days(
    qapp: Any, engine: Engine, hanoi: None, tmp_path: Path
) -> None:
    """A contact added at 06:30 on 01/12 (23:30 UTC on 30/11) is new in December, on 01/12."""
    from app.briefing.gather import gather_digest

    clock.set_fixed(dt.datetime(2026, 12, 1, 6, 30))
    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Lý Minh Khôi"})
    clock.set_fixed(dt.datetime(2026, 12, 9, 9, 0))
    with read_session(engine) as s:
        december = gather_digest(s, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
        november = gather_digest(s, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    khoi = [c for c in december.new_contacts if c.name == "Lý Minh Khôi"]
    assert khoi and clock.local_date(khoi[0].created_at) == dt.date(2026, 12, 1)
    assert all(c.name != "Lý Minh Khôi" for c in november.new_contacts)


def test_a_utc_stamp_given_to_the_windows_format_is_shown_in_local_time(ctx: Any, hanoi: None) -> None:
    at = dt.datetime(2026, 12, 7, 1, 32, tzinfo=dt.UTC)
    assert ctx.settings.fmt_datetime(at) == "07/12/2026 08:32"
    assert ctx.settings.fmt_datetime(dt.datetime(2026, 12, 7, 10, 30)) == "07/12/2026 10:30"  # a meeting's


def test_an_import_already_undone_says_when_in_local_time(
    engine: Engine, hanoi: None, tmp_path: Path
) -> None:
    from app.importing import inspect_sheet, preview_import, run_import
    from app.importing.errors import ImportRefused
    from app.importing.undo import undo_import
    from tests.app.importing.helpers import write_xlsx

    clock.set_fixed(dt.datetime(2026, 12, 7, 8, 32))  # 01:32 UTC
    book = write_xlsx(
        tmp_path / "lien-he.xlsx", {"Liên hệ": [["Họ và tên", "Email"], ["Lý Minh Khôi", "khoi@nic.gov.vn"]]}
    )
    with read_session(engine) as s:
        preview = preview_import(book, inspect_sheet(book, session=s), session=s)
    batch = run_import(engine, preview).batch_id
    with unit_of_work(engine) as s:
        undo_import(batch, session=s)
    with unit_of_work(engine) as s, pytest.raises(ImportRefused) as refused:
        undo_import(batch, session=s)
    assert "(07/12/2026 08:32)" in str(refused.value), str(refused.value)
