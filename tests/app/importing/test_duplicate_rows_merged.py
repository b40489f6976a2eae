"""A row left out as a duplicate of an earlier row of the same file gives that row what only it
has. Reviewer h119 moved a database through the Excel export: row 18 "Nguyễn Thị Hồng Nhung"
(a phone only) was a "duplicate of row 16" ("Nguyen Thi Hong Nhung", an e-mail only) and was
left out, its phone lost. Now its values are merged into the row it duplicates, as an import
merges into an existing record: lists added, blanks filled, notes appended, and what differs
kept as the first row has it and said, with its sheet, row and column.

Reviewer h129: two rows whose names differ only by accents are no longer one person by their
names alone (two records exported are two records imported: test_export_round_trip.py); here
they share an e-mail, which joins them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app.importing import run_import, undo_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import do_import, preview, write_xlsx

HEAD = ["Họ và tên", "Đơn vị", "Chức vụ", "Email", "Điện thoại", "Thẻ", "Ghi chú"]


def _people(engine: Engine) -> dict[str, dict[str, object]]:
    with read_session(engine) as s:
        out: dict[str, dict[str, object]] = {}
        for c in s.exec(select(m.Contact).where(col(m.Contact.deleted_at).is_(None))):
            methods = s.exec(select(m.ContactMethod).where(m.ContactMethod.contact_id == c.id)).all()
            out[c.full_name] = {
                "position": c.position,
                "notes": c.notes,
                "emails": sorted(x.value for x in methods if x.kind == "email"),
                "phones": sorted(x.value for x in methods if x.kind == "phone"),
                "search": c.search_text,
            }
        return out


def test_a_duplicate_rows_phone_is_merged_into_the_row_it_duplicates(engine: Engine, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "exp.xlsx", {"Liên hệ": [
        HEAD,
        ["Nguyen Thi Hong Nhung", "FAU Erlangen", None, "nhung@fau.de", None, None, None],
        ["Nguyễn Thị Hồng Nhung", "FAU Erlangen", "Researcher", "nhung@fau.de", "+49 9131 850", "chuyên gia",
         "met in Berlin"],
    ]})  # fmt: skip
    pv = preview(engine, path)
    first, dup = pv.rows
    assert (first.status, dup.status, dup.duplicate_of) == ("new", "duplicate", 2)
    (said,) = [text(r) for r in dup.reasons if r.code == "merged_into_row"]
    assert said.startswith("added to row 2: ") and "Phones: ∅ → +49 9131 850" in said
    # the name written without its accents is kept, as the first row has it, and said
    (kept,) = [text(r, where=True) for r in dup.reasons if r.code == "row_keeps"]
    assert kept == (
        'sheet "Liên hệ", row 3, column Họ và tên (A): left as row 2 has it (this row differs): '
        'Full name: "Nguyen Thi Hong Nhung" → "Nguyễn Thị Hồng Nhung"'
    )
    result = run_import(engine, pv)
    assert result.counts["new"] == 1
    person = _people(engine)["Nguyen Thi Hong Nhung"]
    assert person["emails"] == ["nhung@fau.de"] and person["phones"] == ["+499131850"]
    assert person["position"] == "Researcher" and person["notes"] == "met in Berlin"
    assert "9131" in str(person["search"])  # found by the merged phone too
    with read_session(engine) as s:
        assert [t.name for t in s.exec(select(m.Tag))] == ["chuyên gia"]
    # the undo of the import takes the merged values with the record
    assert result.batch_id is not None
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert _people(engine) == {}


def test_what_differs_is_kept_as_the_first_row_has_it_and_said_where(engine: Engine, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "d.xlsx", {"Liên hệ": [
        HEAD,
        ["Vũ Đức Châu", "Viettel", "CEO", "chau@viettel.vn", None, None, "first"],
        ["Vu Duc Chau", "Viettel", "CTO", "CHAU@viettel.vn", "0912 345 678", None, "second"],
    ]})  # fmt: skip
    pv = preview(engine, path)
    dup = pv.rows[1]
    assert dup.status == "duplicate"
    kept = [r for r in dup.reasons if r.code == "row_keeps"]
    assert [(r.sheet, r.row, r.column) for r in kept] == [
        ("Liên hệ", 3, "Họ và tên (A)"),
        ("Liên hệ", 3, "Chức vụ (C)"),
    ]
    assert text(kept[1], where=True) == (
        'sheet "Liên hệ", row 3, column Chức vụ (C): left as row 2 has it (this row differs): '
        'Position: "CEO" → "CTO"'
    )
    assert text(kept[1], "vi") == (
        'Chức vụ (C): giữ nguyên như dòng 2 (dòng này ghi khác): Chức vụ: "CEO" → "CTO"'
    )
    run_import(engine, pv)
    person = _people(engine)["Vũ Đức Châu"]
    assert person["position"] == "CEO" and person["notes"] == "first\nsecond"
    assert person["phones"] == ["+84912345678"]


def test_merged_into_a_row_that_updates_a_record(engine: Engine, tmp_path: Path) -> None:
    do_import(
        engine,
        write_xlsx(
            tmp_path / "a.xlsx", {"S": [HEAD, ["Lý Ngọc An", "VIN", None, "an@vin.vn", None, None, None]]}
        ),
    )
    pv = preview(engine, write_xlsx(tmp_path / "b.xlsx", {"S": [
        HEAD,
        ["Lý Ngọc An", "VIN", None, "an@vin.vn", None, None, None],
        ["LÝ NGỌC AN", "VIN", "Giám đốc", None, "0940 099 480", None, None],
    ]}))  # fmt: skip
    assert [r.status for r in pv.rows] == ["update", "duplicate"]
    run_import(engine, pv)
    person = _people(engine)["Lý Ngọc An"]
    assert person["phones"] == ["+84940099480"] and person["position"] == "Giám đốc"


def test_matching_again_does_not_merge_twice_nor_keep_a_merge_no_longer_made(
    engine: Engine, tmp_path: Path
) -> None:
    from app.importing.matching import match_rows

    path = write_xlsx(tmp_path / "e.xlsx", {"S": [
        HEAD,
        ["Trần Mai", "NIC", None, "mai@nic.vn", None, None, "a"],
        ["Trần Mai", "NIC", None, None, "0912 000 111", None, "b"],
    ]})  # fmt: skip
    pv = preview(engine, path)
    first = pv.rows[0]
    assert first.relations is not None and first.columns is not None
    assert first.relations["phones"] == ["+84912000111"] and first.columns["notes"] == "a\nb"
    pv.db_state = None  # as after a change in the database: matched again
    with read_session(engine) as s:
        match_rows(s, pv)
    assert first.relations["phones"] == ["+84912000111"] and first.columns["notes"] == "a\nb"
    # the second row no longer a duplicate (skipped rows, say): the first row is its own again
    pv.rows[1].columns = None
    pv.db_state = None
    with read_session(engine) as s:
        match_rows(s, pv)
    assert "phones" not in first.relations and first.columns["notes"] == "a"


def test_a_name_written_otherwise_is_said_once_with_its_parts_in_columns(
    engine: Engine, tmp_path: Path
) -> None:
    """The export writes the name's parts in columns of their own: the difference of the name
    was said four times, once under each column of the name."""
    head = ["Họ và tên", "Họ", "Tên đệm", "Tên", "Email", "Điện thoại"]
    path = write_xlsx(tmp_path / "p.xlsx", {"Liên hệ": [
        head,
        ["Nguyen Thi Hong Nhung", "Nguyen", "Thi Hong", "Nhung", "nhung@fau.de", None],
        ["Nguyễn Thị Hồng Nhung", "Nguyễn", "Thị Hồng", "Nhung", "nhung@fau.de", "+49 9131 850"],
    ]})  # fmt: skip
    dup = preview(engine, path).rows[1]
    kept = [text(r, where=True) for r in dup.reasons if r.code == "row_keeps"]
    assert kept == [
        'sheet "Liên hệ", row 3, column Họ và tên (A): left as row 2 has it (this row differs): '
        'Full name: "Nguyen Thi Hong Nhung" → "Nguyễn Thị Hồng Nhung"'
    ]


def test_a_name_kept_keeps_its_own_parts(engine: Engine, tmp_path: Path) -> None:
    """Code review: the full name "Hoa" was kept as the first row has it while its empty family
    and middle names were filled from the duplicate's "Nguyễn Thị Hoa" (family "Nguyễn", full
    name "Hoa"); the parts go with the full name kept."""
    path = write_xlsx(tmp_path / "hoa.xlsx", {"Liên hệ": [
        HEAD,
        ["Hoa", "NIC", None, "hoa@nic.vn", None, None, None],
        ["Nguyễn Thị Hoa", "NIC", None, "hoa@nic.vn", "0912 345 678", None, None],
    ]})  # fmt: skip
    run_import(engine, preview(engine, path))
    with read_session(engine) as s:
        (hoa,) = s.exec(select(m.Contact).where(col(m.Contact.deleted_at).is_(None))).all()
        assert (hoa.full_name, hoa.family_name, hoa.middle_name, hoa.given_name) == ("Hoa", "", "", "Hoa")
    assert _people(engine)["Hoa"]["phones"] == ["+84912345678"]
