"""An import whose rows meet a database changed since their preview says which rows came out
otherwise (reviewer h32: the preview said "Update 7" and "updates #9 … Viettel"; `ketnoi org
delete 9` meanwhile; Import gave "6 updated, 66 new" and a new organisation "Viettel" beside the
deleted #9, unsaid)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select
from sqlmodel import col

from app import records
from app.cli import main as ketnoi
from db.engine import read_session, sqlite_path, unit_of_work
from db.models import Contact, Organisation
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from ui.import_wizard.wizard import PAGE_COMMIT


def _book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại"])
    ws.append(
        ["Võ Thị Lan Anh", "Trưởng ban", "Viettel", "anh.vtl@viettel.example.vn", "0868 123 456"]
    )  # adds a phone
    ws.append(
        ["Trần Quốc Bảo", "Chuyên viên", "Viettel", "bao.tq@viettel.example.vn", ""]
    )  # new, at #viettel
    ws.append(["Lê Minh Châu", "CTO", "Genetica", "chau.lm@genetica.example.vn", ""])  # new, unaffected
    wb.save(path)
    return path


def test_rows_that_meet_a_record_deleted_since_the_preview_are_named_in_the_result(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:
        viettel = records.create(s, "organisation", {"name": "Viettel"})
        anh = records.create(
            s,
            "contact",
            {
                "full_name": "Võ Thị Lan Anh",
                "position": "Trưởng ban",
                "organisation_id": viettel,
                "emails": ["anh.vtl@viettel.example.vn"],
            },
        )
    w = open_wizard(qtbot, ctx, _book(tmp_path / "field-contacts.xlsx"))
    to_preview(qtbot, w)
    assert w.preview_page.model.counts()["update"] == 1, w.preview_page.model.counts()  # #anh, at #viettel

    db = sqlite_path(str(engine.url))
    assert ketnoi(["contact", "delete", str(anh), "--db", str(db)]) == 0  # meanwhile, elsewhere
    assert ketnoi(["org", "delete", str(viettel), "--db", str(db)]) == 0

    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done", timeout=TIMEOUT)
    said = w.commit_page.message.text()
    assert "⚠ 2 rows matched again, because the database changed since the preview:" in said, said
    assert (
        f'• sheet "Danh bạ", row 2: the preview matched #{anh}, which was deleted or merged since: '
        '"Võ Thị Lan Anh" was imported as a new record'
    ) in said, said
    assert (
        f'• sheet "Danh bạ", row 2: the preview linked it to organisation #{viettel}, deleted or merged '
        'since: organisation "Viettel" was created anew'
    ) in said, said
    assert f'• sheet "Danh bạ", row 3: the preview linked it to organisation #{viettel}' in said, said
    assert "row 4" not in said  # Genetica's row came out as previewed
    with read_session(engine) as s:
        live = (
            s.execute(
                select(Organisation.id).where(
                    Organisation.name == "Viettel", col(Organisation.deleted_at).is_(None)
                )
            )
            .scalars()
            .all()
        )
        assert len(live) == 1 and live[0] != viettel  # the new one the result names
        assert s.execute(
            select(Contact.id).where(Contact.full_name == "Võ Thị Lan Anh", col(Contact.deleted_at).is_(None))
        ).scalars().all() != [anh]
    w.close()
