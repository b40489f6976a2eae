"""A staff sheet: our own staff members (name, email, whether they still work here), written by
the export as "Cán bộ (Staff)" and read back as staff — not as contacts — like a hand-made list
in Vietnamese or English; matched by email, then by name; written first, in the import's batch
and its undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app import records
from app.cli import main
from app.exporting import export_workbook
from app.importing import detect_kind, fields, inspect_workbook, preview_import, run_import, undo_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import count, write_xlsx


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The SQLite file of the test, or an empty PostgreSQL database (skipped without one)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("engine")
        return
    eng = open_database(request.getfixturevalue("pg_url"))
    try:
        yield eng
    finally:
        eng.dispose()


def staff(engine: Engine) -> list[tuple[str, str, bool]]:
    with read_session(engine) as s:
        rows = s.exec(
            select(m.Staff.name, m.Staff.email, m.Staff.active).where(col(m.Staff.deleted_at).is_(None))
        )
        return sorted((str(n), str(e), bool(a)) for n, e, a in rows)


def import_workbook(engine: Engine, path: Path) -> Any:
    """Every sheet of ``path`` in one batch, in the order the wizard and the CLI use."""
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        order = {k: i for i, k in enumerate(fields.KINDS)}
        layouts.sort(key=lambda x: order.get(x.kind or "", 99))
        out: list[Any] = []
        for lay in layouts:
            out.append(preview_import(path, lay, session=s, parallel=False, after=list(out)))
    return out, run_import(engine, out)


# --- which sheets are staff ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "headers"),
    [
        ("Cán bộ", ["STT", "Họ và tên", "Email"]),  # named so, no "Active" column
        ("Danh sách nhân sự", ["Họ tên", "Chức vụ", "Email", "Điện thoại"]),  # more than staff hold
        ("Sheet1", ["Họ và tên", "Email", "Đang làm việc"]),  # an "Active" column, no name hint
        ("Staff", ["Name", "Email", "Active"]),
        ("Cán bộ (Staff)", [f.header for f in fields.FIELDS["staff"]]),  # the export's
    ],
)
def test_staff_sheets_are_recognised(sheet: str, headers: list[str]) -> None:
    assert detect_kind(sheet, headers)[0] == "staff"


@pytest.mark.parametrize(
    ("sheet", "headers"),
    [
        ("Sheet1", ["Họ và tên", "Email", "Điện thoại", "Đơn vị"]),
        ("Cán bộ đầu mối", ["Họ và tên", "Email", "Điện thoại", "Đơn vị"]),  # the partners' officers
        ("Danh sách", ["Họ và tên", "Email"]),  # names and emails alone: contacts, as before
        ("Sheet1", ["Name", "Email"]),
        ("Contacts", ["Full name", "Email", "Phone", "Organisation"]),
    ],
)
def test_contact_sheets_stay_contacts(sheet: str, headers: list[str]) -> None:
    assert detect_kind(sheet, headers)[0] == "contact"


# --- hand-made sheets ------------------------------------------------------------------------


def test_a_hand_made_vietnamese_staff_sheet_is_imported_as_staff(any_engine: Engine, tmp_path: Path) -> None:
    engine = any_engine
    book = write_xlsx(
        tmp_path / "can-bo.xlsx",
        {
            "Cán bộ": [
                ["DANH SÁCH CÁN BỘ PHÒNG HỢP TÁC"],
                [],
                ["STT", "Họ và tên", "Email", "Đang làm việc"],
                [1, "TRẦN MINH ANH", "Anh@NIC.gov.vn", "Có"],
                [2, "Phạm Thu Hà", "ha@nic.gov.vn", "Đã nghỉ"],
                [3, "Lê Văn Cường", "", ""],
                [4, "Trần Minh Anh", "", "x"],  # the same person again: a duplicate
                [5, "Đỗ Hùng", "khong-phai-email", "Có"],  # rejected: an email that is none
            ]
        },
    )
    previews, result = import_workbook(engine, book)
    assert [p.kind for p in previews] == ["staff"]
    assert previews[0].counts() == {"new": 3, "update": 0, "duplicate": 1, "error": 1, "skip": 0}
    duplicate = next(r for r in previews[0].rows if r.status == "duplicate")
    assert (duplicate.row, text(duplicate.reasons[0], "vi")) == (7, "trùng dòng 4 (cùng họ tên)")
    error = next(r for r in previews[0].rows if r.status == "error")
    assert (error.row, error.message_text("vi")) == (
        8,
        'Email (C): "khong-phai-email" không phải địa chỉ email hợp lệ',
    )
    assert staff(engine) == [
        ("Lê Văn Cường", "", True),
        ("Phạm Thu Hà", "ha@nic.gov.vn", False),
        ("Trần Minh Anh", "anh@nic.gov.vn", True),
    ]
    assert count(engine, m.Contact) == 0
    assert result.counts["new"] == 3 and result.counts["staff_created"] == 0


def test_staff_rows_match_by_email_then_by_name_and_fill_blanks(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        anh = records.create(s, "staff", {"name": "Minh Anh", "email": "anh@nic.gov.vn"})
        ha = records.create(s, "staff", {"name": "Phạm Thu Hà", "email": ""})
    book = write_xlsx(
        tmp_path / "staff.xlsx",
        {"Staff": [["Name", "Email"], ["Trần Minh Anh", "anh@nic.gov.vn"], ["PHẠM THU HÀ", "ha@nic.gov.vn"]]},
    )
    previews, _ = import_workbook(engine, book)
    rows = previews[0].rows
    assert [(r.status, r.match_id) for r in rows] == [("skip", anh), ("update", ha)]
    # the name the record has is kept (fill); its blank email is filled
    assert staff(engine) == [("Minh Anh", "anh@nic.gov.vn", True), ("Phạm Thu Hà", "ha@nic.gov.vn", True)]


def test_the_staff_sheet_is_written_first_and_the_other_sheets_name_the_same_staff(
    engine: Engine, tmp_path: Path
) -> None:
    book = write_xlsx(
        tmp_path / "both.xlsx",
        {
            # the contacts sheet comes first in the file: the staff sheet is imported first anyway
            "Liên hệ": [
                ["Họ và tên", "Đơn vị", "Cán bộ phụ trách"],
                ["Nguyễn Văn An", "NIC", "Trần Minh Anh"],
            ],
            "Cán bộ": [["Họ và tên", "Email", "Đang làm việc"], ["Trần Minh Anh", "anh@nic.gov.vn", "Không"]],
        },
    )
    previews, result = import_workbook(engine, book)
    assert [p.kind for p in previews] == ["staff", "contact"]
    assert staff(engine) == [("Trần Minh Anh", "anh@nic.gov.vn", False)]  # not a second, email-less one
    with read_session(engine) as s:
        owner = s.exec(select(m.Contact.owner_id)).one()
        assert s.get(m.Staff, owner).email == "anh@nic.gov.vn"  # type: ignore[union-attr]
        batch = s.get(m.ImportBatch, result.batch_id)
        assert batch is not None and batch.kind == "staff,contact"  # one batch, one undo


def test_the_cli_names_the_staff_sheet_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_xlsx(
        tmp_path / "cb.xlsx", {"Cán bộ": [["Họ và tên", "Email"], ["Trần Minh Anh", "anh@nic.gov.vn"]]}
    )
    db = tmp_path / "k.db"
    assert main(["import", str(book), "--db", str(db), "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert 'Sheet "Cán bộ" (staff member, header row 1): 1 new' in out
    assert "creates" not in out  # its own rows are not "staff members created" besides
    assert main(["import", str(book), "--db", str(db), "--dry-run", "--lang", "vi"]) == 0
    assert "(cán bộ," in capsys.readouterr().out


# --- round trip and undo ---------------------------------------------------------------------


def _source(path: Path) -> Engine:
    engine = open_database(f"sqlite:///{path}")
    with unit_of_work(engine) as s:
        anh = records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh@nic.gov.vn"})
        records.create(s, "staff", {"name": "Phạm Thu Hà", "email": "ha@nic.gov.vn", "active": False})
        records.create(s, "staff", {"name": "Lê Văn Cường", "email": ""})  # on nothing, no email
        records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh2@nic.gov.vn"})  # a namesake
        records.create(s, "contact", {"full_name": "Lê Văn Bình", "owner_id": anh})
    return engine


def test_export_then_import_twice_into_the_same_database_gives_each_staff_member_once(tmp_path: Path) -> None:
    source = _source(tmp_path / "a.db")
    target = open_database(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        book = tmp_path / "all.xlsx"
        with read_session(source) as s:
            assert export_workbook(book, session=s)["staff"] == 4
        for _ in range(2):
            import_workbook(target, book)
            assert staff(target) == staff(source)
        with read_session(target) as s:
            owner = s.exec(select(m.Contact.owner_id)).one()
            assert s.get(m.Staff, owner).email == "anh@nic.gov.vn"  # type: ignore[union-attr]
    finally:
        source.dispose()
        target.dispose()


def test_undo_removes_the_staff_the_import_created_unless_something_uses_them(
    any_engine: Engine, tmp_path: Path
) -> None:
    engine = any_engine
    with unit_of_work(engine) as s:
        ha = records.create(s, "staff", {"name": "Phạm Thu Hà", "email": ""})
    book = write_xlsx(
        tmp_path / "staff.xlsx",
        {
            "Cán bộ": [
                ["Họ và tên", "Email", "Đang làm việc"],
                ["Trần Minh Anh", "anh@nic.gov.vn", "Có"],
                ["Lê Văn Cường", "cuong@nic.gov.vn", "Có"],
                ["Phạm Thu Hà", "ha@nic.gov.vn", "Có"],  # fills the existing member's email
            ]
        },
    )
    _, result = import_workbook(engine, book)
    assert result.batch_id is not None
    with unit_of_work(engine) as s:  # later work names one of the imported staff
        cuong = s.exec(select(m.Staff.id).where(m.Staff.name == "Lê Văn Cường")).one()
        records.create(s, "contact", {"full_name": "Nguyễn Văn An", "owner_id": cuong})
    with unit_of_work(engine) as s:
        undone = undo_import(result.batch_id, session=s)
    assert undone.deleted == {"staff": 1}
    assert [k.code for k in undone.kept] == ["undo_kept_used"]
    assert staff(engine) == [("Lê Văn Cường", "cuong@nic.gov.vn", True), ("Phạm Thu Hà", "", True)]
    with read_session(engine) as s:
        assert s.get(m.Staff, ha).email == ""  # type: ignore[union-attr]


def test_undo_keeps_imported_staff_who_were_at_a_meeting_since(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "staff.xlsx",
        {"Cán bộ": [["Họ và tên", "Email"], ["Trần Minh Anh", "anh@nic.gov.vn"], ["Lê Văn Cường", ""]]},
    )
    _, result = import_workbook(engine, book)
    assert result.batch_id is not None
    with unit_of_work(engine) as s:
        anh = s.exec(select(m.Staff.id).where(m.Staff.name == "Trần Minh Anh")).one()
        meeting = records.create(
            s, "meeting", {"title": "Họp NIC", "starts_at": dt.datetime(2026, 11, 20, 9), "staff_ids": [anh]}
        )
    with unit_of_work(engine) as s:
        undone = undo_import(result.batch_id, session=s)
    assert undone.deleted == {"staff": 1}
    assert [(k.code, k.params["user"].code, k.params["user_id"]) for k in undone.kept] == [
        ("undo_kept_used", "meeting", meeting)
    ]
    assert staff(engine) == [("Trần Minh Anh", "anh@nic.gov.vn", True)]


def test_a_staff_member_who_left_is_marked_so_when_the_sheet_overwrites(
    engine: Engine, tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Phạm Thu Hà", "email": "ha@nic.gov.vn"})
    book = write_xlsx(
        tmp_path / "left.xlsx",
        {"Nhân sự": [["Họ tên", "Email", "Đang làm việc"], ["Phạm Thu Hà", "ha@nic.gov.vn", "Đã nghỉ việc"]]},
    )
    with read_session(engine) as s:
        (layout,) = inspect_workbook(book, session=s)
        assert not isinstance(layout, Exception)
        pv = preview_import(book, layout, session=s, parallel=False, on_match="overwrite")
    (row,) = pv.rows
    assert row.status == "update" and row.changes == {"active": (True, False)}
    assert [text(r, "vi") for r in row.reasons if r.code == "updates"] == [
        f'cập nhật #{row.match_id}: Đang làm việc: "Có" → "Không"'
    ]
    run_import(engine, pv)
    assert staff(engine) == [("Phạm Thu Hà", "ha@nic.gov.vn", False)]


def test_two_staff_members_of_one_name_with_two_emails_are_two_people(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Nguyễn Văn An", "email": "an@nic.gov.vn"})
    book = write_xlsx(
        tmp_path / "an.xlsx",
        {
            "Cán bộ": [
                ["Họ và tên", "Email"],
                ["Nguyễn Văn An", "an@nic.gov.vn"],  # the member there
                ["Nguyễn Văn An", "an2@nic.gov.vn"],  # another of his name
                ["Nguyễn Văn An", ""],  # no email to tell: the first of the name above
                ["Nguyễn Văn An", "AN2@nic.gov.vn"],  # the second again
            ]
        },
    )
    previews, _ = import_workbook(engine, book)
    assert [(r.status, r.duplicate_of) for r in previews[0].rows] == [
        ("skip", None),
        ("new", None),
        ("duplicate", 2),
        ("duplicate", 3),
    ]
    assert staff(engine) == [
        ("Nguyễn Văn An", "an2@nic.gov.vn", True),
        ("Nguyễn Văn An", "an@nic.gov.vn", True),
    ]
    import_workbook(engine, book)  # again: nothing new
    assert len(staff(engine)) == 2
