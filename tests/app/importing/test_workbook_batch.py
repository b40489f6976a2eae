"""One workbook = one transaction = one batch = one undo (issue 10, item 6), and undoing two
imports in either order leaves no orphan; the CLI's import-history and --lang."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app import records
from app.cli import main
from app.importing import folds, inspect_workbook, preview_import, run_import, undo_import
from app.importing.history import import_history
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import count, write_xlsx
from tests.app.test_kill9 import dump, kill_half_way

ORGS = [["Tên đơn vị", "Viết tắt"], ["Trung tâm Đổi mới sáng tạo Quốc gia", "NIC"], ["Viện Vật lý", ""]]
PEOPLE = [
    ["Họ và tên", "Email", "Đơn vị", "Cán bộ phụ trách"],
    ["Nguyễn Văn An", "an@nic.gov.vn", "NIC", "Lê Thu"],
    ["Trần Thị Bình", "binh@vl.vn", "Viện Vật lý", ""],
    ["Phạm Quang", "quang@new.vn", "Công ty Mới", ""],
]
VI_ONLY = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The SQLite file of the test, or an empty PostgreSQL database (skipped without one)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("engine")
        return
    from db.migrate import open_database

    eng = open_database(request.getfixturevalue("pg_url"))
    try:
        yield eng
    finally:
        eng.dispose()


def previews(engine: Engine, path: Path) -> list:  # type: ignore[type-arg]
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        order = {"organisation": 0, "contact": 1}
        layouts.sort(key=lambda x: order.get(x.kind or "", 9))
        out: list = []  # type: ignore[type-arg]
        for lay in layouts:
            out.append(preview_import(path, lay, session=s, parallel=False, after=list(out)))
        return out


def live(engine: Engine, model: type) -> list[str]:  # type: ignore[type-arg]
    with read_session(engine) as s:
        label = model.name if model in (m.Organisation, m.Staff) else model.full_name
        return sorted(s.exec(select(label).where(col(model.deleted_at).is_(None))).all())


def test_every_sheet_of_a_workbook_is_one_batch_and_one_undo(any_engine: Engine, tmp_path: Path) -> None:
    engine = any_engine
    path = write_xlsx(tmp_path / "wb.xlsx", {"Tổ chức": ORGS, "Danh bạ": PEOPLE})
    result = run_import(engine, previews(engine, path))
    assert result.batch_id is not None
    with read_session(engine) as s:
        batches = s.exec(select(m.ImportBatch)).all()
        assert len(batches) == 1
        batch = batches[0]
        assert batch.sheet == "Tổ chức, Danh bạ" and batch.kind == "organisation,contact"
        assert [x["sheet"] for x in batch.mapping["sheets"]] == ["Tổ chức", "Danh bạ"]
        # the contacts sheet met the organisations the first sheet wrote, in the same transaction
        an = s.exec(select(m.Contact).where(m.Contact.full_name == "Nguyễn Văn An")).one()
        nic = s.exec(select(m.Organisation).where(m.Organisation.acronym == "NIC")).one()
        assert an.organisation_id == nic.id
    assert live(engine, m.Organisation) == [
        "Công ty Mới",
        "Trung tâm Đổi mới sáng tạo Quốc gia",
        "Viện Vật lý",
    ]
    assert result.counts["new"] == 5 and result.counts["staff_created"] == 1
    entry = import_history(read_session(engine).__enter__())[0]
    assert (entry.id, entry.new, entry.organisations_created, entry.staff_created) == (
        result.batch_id,
        5,
        1,
        1,
    )
    with unit_of_work(engine) as s:
        undone = undo_import(result.batch_id, session=s)
    assert undone.deleted == {"contact": 3, "organisation": 3, "staff": 1}
    assert (
        live(engine, m.Organisation) == [] and live(engine, m.Contact) == [] and live(engine, m.Staff) == []
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_between_two_sheets_leaves_nothing(engine: Engine, db_path: Path, tmp_path: Path) -> None:
    """The child stops after the first sheet is written (inside the transaction) and is killed."""
    path = write_xlsx(tmp_path / "wb.xlsx", {"Tổ chức": ORGS, "Danh bạ": PEOPLE})
    engine.dispose()
    before = dump(db_path)
    kill_half_way("app.importing.commit", "", "_commit_sheet", ["import", str(path), "--db", str(db_path)])
    assert dump(db_path) == before
    assert count(engine, m.Organisation) == 0 and count(engine, m.ImportBatch) == 0


def _two_imports(engine: Engine, tmp_path: Path) -> tuple[int, int]:
    """A creates an organisation; B places a new person in it (and edits nothing of A's)."""
    a = write_xlsx(tmp_path / "a.xlsx", {"Tổ chức": [["Tên đơn vị", "Viết tắt"], ["Viện Công nghệ", "VCN"]]})
    b = write_xlsx(
        tmp_path / "b.xlsx", {"Danh bạ": [["Họ và tên", "Đơn vị"], ["Lê Văn Chín", "Viện Công nghệ"]]}
    )
    first = run_import(engine, previews(engine, a)).batch_id
    second = run_import(engine, previews(engine, b)).batch_id
    assert first and second
    return first, second


@pytest.mark.parametrize("order", ["newest first", "oldest first"])
def test_undoing_two_imports_in_either_order_leaves_no_orphan(
    any_engine: Engine, tmp_path: Path, order: str
) -> None:
    engine = any_engine
    first, second = _two_imports(engine, tmp_path)
    ids = [second, first] if order == "newest first" else [first, second]
    results = []
    for batch in ids:
        with unit_of_work(engine) as s:
            results.append(undo_import(batch, session=s))
    assert live(engine, m.Organisation) == [] and live(engine, m.Contact) == []
    if order == "oldest first":
        # the organisation was in use when its import was undone: kept and said so, then removed
        # by the undo of the import that used it
        assert results[0].kept and results[0].kept[0].code == "undo_kept_used"
        assert results[1].swept == {"organisation": 1}
    else:
        assert results[1].kept == [] and results[1].deleted == {"organisation": 1}


def test_undo_keeps_what_was_used_since_by_hand(engine: Engine, tmp_path: Path) -> None:
    first, second = _two_imports(engine, tmp_path)
    with unit_of_work(engine) as s:
        org = s.exec(select(m.Organisation)).one()
        meeting = records.create(s, "meeting", {"title": "Họp", "starts_at": "2026-11-20 09:00",
                                                "organisation_ids": [org.id]})  # fmt: skip
    results = []
    for batch in (first, second):
        with unit_of_work(engine) as s:
            results.append(undo_import(batch, session=s))
    assert live(engine, m.Organisation) == ["Viện Công nghệ"] and live(engine, m.Contact) == []
    said = [(k.code, k.params["user"].code, k.params["user_id"]) for k in results[0].kept]
    assert said == [("undo_kept_used", "meeting", meeting)]
    assert results[1].swept == {}


def test_cli_one_batch_history_and_language(engine: Engine, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "wb.xlsx", {"Tổ chức": ORGS, "Danh bạ": PEOPLE})
    engine.dispose()
    assert main(["import", str(path), "--db", str(db_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "import #1, every sheet in one step" in out and "creates 1 staff member: Lê Thu" in out
    english = out.replace("Tổ chức", "").replace("Danh bạ", "").replace("Lê Thu", "")
    english = re.sub(r'"[^"]*"|: [^\n]*Mới|Trung tâm[^\n;]*|Viện Vật lý', "", english)
    assert not VI_ONLY.search(english), english
    assert main(["import-history", "--db", str(db_path), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "mới 5" in out and "có thể hoàn tác" in out
    assert main(["undo-import", "1", "--db", str(db_path), "--lang", "vi"]) == 0
    assert "Đã hoàn tác lần nhập #1" in capsys.readouterr().out
    assert main(["import-history", "--db", str(db_path), "--lang", "en"]) == 0
    assert "undone 23/11/2026" in capsys.readouterr().out


def test_an_update_appends_to_the_notes_it_would_otherwise_lose(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        records.create(
            s, "contact", {"full_name": "Nguyễn Văn An", "emails": ["an@nic.vn"], "notes": "Gặp ở Hòa Lạc"}
        )
    path = write_xlsx(tmp_path / "u.xlsx", {"Danh bạ": [["Họ và tên", "Email", "Ghi chú"],
                                                     ["Nguyễn Văn An", "an@nic.vn", "Quan tâm AI"]]})  # fmt: skip
    pv = previews(engine, path)
    assert pv[0].rows[0].status == "update"
    assert run_import(engine, pv).batch_id is not None
    with read_session(engine) as s:
        assert s.exec(select(m.Contact.notes)).one() == "Gặp ở Hòa Lạc\nQuan tâm AI"


def test_a_later_sheet_counts_on_what_the_earlier_ones_create(engine: Engine, tmp_path: Path) -> None:
    """The contacts sheet's preview does not list as its own the organisations the organisations
    sheet creates; what only it cites is still listed; the commit writes each once."""
    path = write_xlsx(tmp_path / "wb.xlsx", {"Tổ chức": ORGS, "Danh bạ": PEOPLE})
    orgs_sheet, people_sheet = previews(engine, path)
    assert [f.label for f in folds.folds(people_sheet)] == ["Công ty Mới"]
    assert people_sheet.rows[0].status == "new"
    with read_session(engine) as s:
        alone = preview_import(path, people_sheet.layout, session=s, parallel=False)
    assert sorted(f.label for f in folds.folds(alone)) == ["Công ty Mới", "NIC", "Viện Vật lý"]
    run_import(engine, [orgs_sheet, people_sheet])
    assert live(engine, m.Organisation) == [
        "Công ty Mới",
        "Trung tâm Đổi mới sáng tạo Quốc gia",
        "Viện Vật lý",
    ]
