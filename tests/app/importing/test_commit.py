"""Matching, on-match choices, one-transaction commit, undo, cancel, error report, CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select

from app.errors import UserError
from app.importing import ImportCancelled, run_import, undo_import, write_error_report
from app.importing import commit as commit_module
from app.importing.messages import FieldName
from app.importing.report import ERROR_HEADER
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import SAMPLE, by_status, counts, do_import, preview, write_xlsx

HEAD = ["Họ và tên", "Đơn vị", "Chức vụ", "Email", "Điện thoại", "Ghi chú"]


def contacts_book(path: Path, rows: list[list[Any]]) -> Path:
    return write_xlsx(path, {"Danh bạ": [HEAD, *rows]})


def contact_rows(engine) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    with read_session(engine) as s:
        out = {}
        for c in s.exec(
            select(m.Contact).where(col(m.Contact.deleted_at).is_(None)).order_by(col(m.Contact.id))
        ):
            methods = s.exec(select(m.ContactMethod).where(m.ContactMethod.contact_id == c.id)).all()
            org = s.get(m.Organisation, c.organisation_id) if c.organisation_id else None
            out[c.full_name] = {"position": c.position, "notes": c.notes, "org": org.name if org else None,
                                "methods": sorted(x.value for x in methods), "batch": c.import_batch_id,
                                "version": c.version, "search": c.search_text}  # fmt: skip
        return out


def test_duplicates_within_the_file(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = contacts_book(tmp_path / "d.xlsx", [
        ["Vũ Đức Châu", "Viettel", "CEO", "chau.vu3@viettel.vn", None, None],
        ["Vu Duc Chau", "Viettel", "CEO", "CHAU.VU3@VIETTEL.VN", None, None],
        ["Lý Ngọc An", "VIN", None, None, "0940099480", None],
        ["Lý Ngọc An", "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)", None, None, None, None],
        ["Trần Văn Đông", "Viettel", None, None, "+84 940 099 480", None],
    ])  # fmt: skip
    pv = preview(engine, path)
    assert by_status(pv) == {"new": [2, 4, 6], "duplicate": [3, 5]}
    assert pv.rows[1].duplicate_of == 2 and "email" in pv.rows[1].message
    assert pv.rows[3].duplicate_of == 4  # same name at the same organisation, written two ways
    # the same phone, but another name: an office's shared line, another person
    assert 'same phone 0940 099 480 as row 4 "Lý Ngọc An", but another name' in pv.rows[4].message
    result = run_import(engine, pv)
    assert result.counts["organisations_created"] == 2  # Viettel and VIN (one organisation, two spellings)
    with read_session(engine) as s:
        orgs = {(o.name, o.acronym) for o in s.exec(select(m.Organisation))}
    assert orgs == {("Viettel", ""), ("Mạng lưới Đổi mới sáng tạo Việt Nam", "VIN")}


def test_organisation_matched_by_acronym_alias_and_name_with_acronym(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(engine) as s:
        from app import records

        records.create(s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC",
                                           "aliases": ["National Innovation Center"]})  # fmt: skip
    path = contacts_book(tmp_path / "o.xlsx", [
        ["A Một", "NIC", None, None, None, None],
        ["B Hai", "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)", None, None, None, None],
        ["C Ba", "trung tam doi moi sang tao quoc gia", None, None, None, None],
        ["D Bốn", "National Innovation Center", None, None, None, None],
    ])  # fmt: skip
    _, result = do_import(engine, path)
    assert result.counts["organisations_created"] == 0
    with read_session(engine) as s:
        assert {c.organisation_id for c in s.exec(select(m.Contact))} == {1}


@pytest.mark.parametrize("on_match", ["skip", "fill", "overwrite", "create"])
def test_on_match_choices(engine, tmp_path: Path, on_match: str) -> None:  # type: ignore[no-untyped-def]
    first = contacts_book(tmp_path / "1.xlsx", [
        ["Nguyễn Văn Hùng", "NIC", "Chuyên viên", "hung@nic.vn", None, None],
        ["Phạm Thị Tú", "VIN", None, "tu@vin.vn", None, "ghi chú cũ"],
    ])  # fmt: skip
    do_import(engine, first)
    second = contacts_book(tmp_path / "2.xlsx", [
        ["Nguyễn Văn Hùng", "NIC", "Giám đốc", "HUNG@nic.vn", "0912345678", "mới"],
        ["Phạm Thị Tú", "VIN", "CTO", "tu@vin.vn", None, None],
        ["Người Mới", "VIN", None, "moi@vin.vn", None, None],
    ])  # fmt: skip
    pv, result = do_import(engine, second, on_match=on_match)
    got = contact_rows(engine)
    hung, tu = got["Nguyễn Văn Hùng"], got["Phạm Thị Tú"]
    assert got["Người Mới"]["batch"] == result.batch_id
    if on_match == "skip":
        assert by_status(pv) == {"skip": [2, 3], "new": [4]}
        assert (
            hung["position"] == "Chuyên viên" and hung["methods"] == ["hung@nic.vn"] and hung["version"] == 1
        )
    elif on_match == "fill":
        assert by_status(pv) == {"update": [2, 3], "new": [4]}
        assert hung["position"] == "Chuyên viên"  # not blank: kept
        assert hung["notes"] == "mới"  # blank: filled
        assert hung["methods"] == ["+84912345678", "hung@nic.vn"]  # a new phone is added
        assert tu["position"] == "CTO" and tu["notes"] == "ghi chú cũ"
        assert hung["batch"] == result.batch_id and hung["version"] == 2
        assert "84912345678" in hung["search"]
    elif on_match == "overwrite":
        assert hung["position"] == "Giám đốc" and hung["notes"] == "mới"
        assert tu["notes"] == "ghi chú cũ"  # an empty cell never erases
    else:
        assert by_status(pv) == {"new": [2, 3, 4]}
        with read_session(engine) as s:
            assert len(s.exec(select(m.Contact)).all()) == 5


def test_commit_writes_one_batch_with_history_and_undo_reverses_it(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = contacts_book(
        tmp_path / "1.xlsx", [["Nguyễn Văn Hùng", "NIC", "Chuyên viên", "hung@nic.vn", None, None]]
    )
    do_import(engine, first)
    before = contact_rows(engine)
    before_counts = counts(engine)
    second = contacts_book(tmp_path / "2.xlsx", [
        ["Nguyễn Văn Hùng", "NIC", "Giám đốc", "hung@nic.vn", "0912345678", "mới"],
        ["Lê Thị Lan", "Bộ Tài chính (MOF)", "CEO", "lan@mof.vn", None, None],
    ])  # fmt: skip
    pv, result = do_import(engine, second, on_match="overwrite")
    assert result.counts["new"] == 1 and result.counts["update"] == 1
    with read_session(engine) as s:
        batch = s.get(m.ImportBatch, result.batch_id)
        assert batch is not None and batch.kind == "contact" and batch.sheet == "Danh bạ"
        assert batch.counts["new"] == 1 and batch.sha256 == pv.sha256
        changes = s.exec(select(m.Change).where(m.Change.batch_id == result.batch_id)).all()
        ops = sorted((c.entity, c.op, c.field) for c in changes)
        updated = {c.field: (c.old, c.new) for c in changes if c.op == "import"}
    assert ("contact", "create", "") in ops and ("organisation", "create", "") in ops
    assert updated["position"] == ("Chuyên viên", "Giám đốc")
    assert updated["phones"] == ([], ["+84912345678"])
    with unit_of_work(engine) as s:
        undone = undo_import(result.batch_id, session=s)
    assert undone.deleted == {"contact": 1, "organisation": 1}
    assert undone.restored_fields == 3 and undone.conflicts == []
    after = contact_rows(engine)
    assert after["Nguyễn Văn Hùng"]["position"] == "Chuyên viên"
    assert after["Nguyễn Văn Hùng"]["methods"] == ["hung@nic.vn"]
    assert (
        after["Nguyễn Văn Hùng"]["notes"] == ""
        and after["Nguyễn Văn Hùng"]["search"] == before["Nguyễn Văn Hùng"]["search"]
    )
    assert set(after) == set(before)
    now = counts(engine)
    assert {k: now[k] for k in ("Organisation", "Contact", "ContactMethod")} == {
        k: before_counts[k] for k in ("Organisation", "Contact", "ContactMethod")
    }
    with read_session(engine) as s:
        assert s.get(m.ImportBatch, result.batch_id).undone_at is not None  # type: ignore[union-attr]
    with unit_of_work(engine) as s, pytest.raises(UserError, match="undone"):
        undo_import(result.batch_id, session=s)


def test_undo_keeps_a_field_edited_after_the_import(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    do_import(engine, contacts_book(tmp_path / "1.xlsx", [["An Bình", None, "A", "an@x.vn", None, None]]))
    _, result = do_import(engine, contacts_book(tmp_path / "2.xlsx", [["An Bình", None, "B", "an@x.vn", None, "n"]]),
                          on_match="overwrite")  # fmt: skip
    with unit_of_work(engine) as s:
        c = s.exec(select(m.Contact)).one()
        c.position = "C (sửa tay)"
        s.add(c)
    with unit_of_work(engine) as s:
        undone = undo_import(result.batch_id, session=s)
    assert len(undone.kept) == 1 and undone.kept[0].params["field"] == FieldName("position")
    assert "Position" in undone.conflicts[0]
    got = contact_rows(engine)["An Bình"]
    assert got["position"] == "C (sửa tay)" and got["notes"] == ""


def _big_book(tmp_path: Path, n: int) -> Path:
    rows = [[f"Người Số {i}", f"Đơn vị {i % 7}", "CEO", f"p{i}@x.vn", None, None] for i in range(n)]
    return contacts_book(tmp_path / "big.xlsx", rows)


def test_cancel_half_way_leaves_the_database_unchanged(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pv = preview(engine, _big_book(tmp_path, 5000))
    before = counts(engine)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    with pytest.raises(ImportCancelled):
        run_import(engine, pv, progress=progress, cancel=lambda: len(calls) >= 1)
    assert calls and 0 < calls[0][0] < 5000
    assert counts(engine) == before
    result = run_import(engine, pv)  # the same preview can still be committed afterwards
    assert result.counts["new"] == 5000


def test_a_crash_mid_commit_leaves_the_database_unchanged(engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pv = preview(engine, _big_book(tmp_path, 300))
    before = counts(engine)

    def boom(self, *a: Any) -> None:  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(commit_module._Writer, "flush_changes", boom)
    with pytest.raises(OSError, match="disk full"):
        run_import(engine, pv)
    assert counts(engine) == before


def test_cancel_while_reading(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _big_book(tmp_path, 4500)
    with pytest.raises(ImportCancelled):
        from app.importing import inspect_sheet, preview_import

        with read_session(engine) as s:
            preview_import(path, inspect_sheet(path), session=s, cancel=lambda: True, parallel=False)


def test_error_report_holds_rejected_rows_as_they_were(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pv = preview(engine, SAMPLE, "Danh bạ")
    out = tmp_path / "loi.xlsx"
    assert write_error_report(pv, out) == 3
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Đơn vị",
        "Email",
        "Điện thoại",
        "Ngày gặp gần nhất",
        "Ghi chú",
    )
    assert rows[0][8] == ERROR_HEADER
    by_row = {r[9]: r for r in rows[1:]}
    assert set(by_row) == {64, 65, 66}  # 67 is imported: its "last met" 31/02/2025 is a warning
    # a duplicate, as typed; its email, kept in the notes, is added to those of the row it
    # duplicates (tests/app/importing/test_duplicate_rows_merged.py)
    assert by_row[65][4] == "khong-co-email" and by_row[65][8] == (
        "duplicate of row 9 (same phone); added to row 9: Notes: "
        '"Gặp tại phiên làm việc với Phó Thủ tướng" → '
        '"Gặp tại phiên làm việc với Phó Thủ tướng\nNhập từ “Danh bạ”, dòng 65: email không hợp lệ “khong-co-email”"'
    )  # (what it is and where from, in the office's language: h154)
    assert "row 7" in by_row[64][8]
    warned = list(load_workbook(out)["Warnings"].iter_rows(values_only=True))
    assert (
        "Danh bạ",
        67,
        "Ngày gặp gần nhất (G)",
        '"31/02/2025" is not a date; kept in the notes as typed',
    ) in warned
    # Fixed rows can be imported from the report itself: same headers, same mapping.
    again = preview(engine, out)
    assert again.layout.kind == "contact" and again.layout.mapping[1] == "full_name"


def test_cli_import_dry_run_report_and_undo(engine, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main

    assert main(["import", str(SAMPLE), "--db", str(db_path), "--dry-run"]) == 0
    assert counts(engine)["Contact"] == 0
    out = capsys.readouterr().out
    assert "61 new" in out and "dry run" in out.lower()
    report = tmp_path / "e.xlsx"
    assert (
        main(["import", str(SAMPLE), "--db", str(db_path), "--report", str(report), "--on-match", "skip"])
        == 0
    )
    assert report.exists() and counts(engine)["Contact"] == 61
    assert (
        main(["import", str(SAMPLE), "--db", str(db_path), "--sheet", "Danh bạ", "--on-match", "skip"]) == 0
    )
    assert "61 skipped (already in Ketnoi; --on-match skip)" in capsys.readouterr().out
    with read_session(engine) as s:
        # the whole workbook is one batch (issue 10, item 6), and the last import wrote nothing
        assert s.exec(select(m.ImportBatch.kind)).all() == ["organisation,contact,action"]
        batch_id = s.exec(select(m.ImportBatch.id)).one()
    assert main(["undo-import", str(batch_id), "--db", str(db_path)]) == 0
    assert counts(engine)["Contact"] == 0 and counts(engine)["Organisation"] == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert main(["import", str(bad), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx" in err and "Traceback" not in err


def test_undo_restores_relations_of_updated_organisations(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    head = ["Tên đơn vị", "Viết tắt", "Lĩnh vực", "Website"]
    first = write_xlsx(tmp_path / "1.xlsx", {"Tổ chức": [head, ["Bộ Tài chính", "MOF", "Fintech", None]]})
    _pv, earlier = do_import(engine, first)
    second = write_xlsx(tmp_path / "2.xlsx", {"Tổ chức": [head, ["MOF", None, "Fintech; AI", "mof.gov.vn"]]})
    pv, result = do_import(engine, second, on_match="fill")
    assert by_status(pv) == {"update": [2]}
    with read_session(engine) as s:
        org = s.exec(select(m.Organisation)).one()
        assert org.website == "https://mof.gov.vn" and org.name == "Bộ Tài chính"
        from app.importing.store import current

        assert sorted(current(s, "organisation", [org.id])[org.id]["sectors"]) == ["AI", "Fintech"]
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    with read_session(engine) as s:
        org = s.exec(select(m.Organisation)).one()
        # the first import's record again (its "Import" line names it), not marked by none
        assert org.website == "" and org.import_batch_id == earlier.batch_id
        assert current(s, "organisation", [org.id])[org.id]["sectors"] == ["Fintech"]


def test_undo_keeps_what_was_used_since_and_deletes_softly(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app import records

    book = contacts_book(tmp_path / "u.xlsx", [
        ["Trần Quốc Bảo", "Genetica", "CEO", "bao@genetica.vn", None, None],
        ["Lê Thu Hà", "Genetica", "CTO", "ha@genetica.vn", None, None],
    ])  # fmt: skip
    _pv, result = do_import(engine, book)
    with read_session(engine) as s:
        ids = {c.full_name: c.id for c in s.exec(select(m.Contact))}
    with unit_of_work(engine) as s:  # after the import, Bảo is met: that work is not the import's
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Gặp Genetica",
                "starts_at": dt.datetime(2025, 12, 1, 9),
                "attendees": [ids["Trần Quốc Bảo"]],
            },
        )
    with unit_of_work(engine) as s:
        undone = undo_import(result.batch_id, session=s)
    assert undone.deleted.get("contact") == 1  # Hà went; Bảo stays, and the organisation he is in
    assert any(f"#{ids['Trần Quốc Bảo']}" in c and "used by meeting" in c for c in undone.conflicts)
    with read_session(engine) as s:
        assert records.get(s, "meeting", meeting)["attendees"][0]["contact_id"] == ids["Trần Quốc Bảo"]
        ha = s.get(m.Contact, ids["Lê Thu Hà"])
        assert ha is not None and ha.deleted_at is not None  # soft: the id is never reused
    with unit_of_work(engine) as s:
        new_id = records.create(s, "contact", {"full_name": "Người Mới"})
    assert new_id not in ids.values()


def test_importing_attendees_keeps_their_roles_and_undo_too(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app import records

    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Nguyễn Văn An"})
        b = records.create(s, "contact", {"full_name": "Trần Thị Bình"})
        records.create(s, "contact", {"full_name": "Lê Văn Cường"})
        mid = records.create(s, "meeting", {
            "title": "Họp NIC", "starts_at": "2026-11-01 09:00",
            "attendees": [{"contact_id": a, "role": "chair"}, {"contact_id": b, "role": "note_taker"}],
        })  # fmt: skip
    book = write_xlsx(tmp_path / "m.xlsx", {
        "Cuộc họp": [["Tiêu đề", "Ngày họp", "Thành phần"], ["Họp NIC", "01/11/2026", "Lê Văn Cường"]],
    })  # fmt: skip

    def roles() -> dict[int, str]:
        with read_session(engine) as s:
            return {x["contact_id"]: x["role"] for x in records.get(s, "meeting", mid)["attendees"]}

    _pv, result = do_import(engine, book, kind="meeting")
    after = roles()
    assert after[a] == "chair" and after[b] == "note_taker" and len(after) == 3
    with unit_of_work(engine) as s:
        undo_import(result.batch_id, session=s)
    assert roles() == {a: "chair", b: "note_taker"}


def test_a_sheet_whose_every_row_is_rejected_writes_no_batch_and_no_mapping(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.app.importing.helpers import count, do_import, write_xlsx

    path = write_xlsx(
        tmp_path / "bad.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["", "a@b.vn"], ["", "c@d.vn"]]}
    )
    _preview, result = do_import(engine, path)
    assert result.batch_id is None
    assert result.counts["error"] == 2
    assert count(engine, m.ImportBatch) == 0
    with read_session(engine) as s:  # the mapping of a file that did not work is not kept
        assert s.scalars(select(m.Setting.key).where(m.Setting.key.startswith("import.mapping."))).all() == []  # type: ignore[attr-defined]
