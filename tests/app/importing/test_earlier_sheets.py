"""A workbook whose sheets name the same people or organisations: the preview says of a later
sheet's row what the import does with it — the import writes the earlier sheets first and
matches the later ones against what they wrote, so the row fills the record an earlier sheet
writes, or is skipped as adding nothing — not "new". The dry run's counts are the import's.
Real workbooks written with openpyxl, through ``ketnoi import`` and preview_import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.cli import main
from app.importing import inspect_workbook, preview_import, run_import
from app.importing.messages import EarlierRow, text
from db.engine import read_session
from tests.app.importing.helpers import counts, write_xlsx

PEOPLE_1 = [
    ["Họ và tên", "Email", "Đơn vị"],
    ["Nguyễn Văn An", "an@vcn.vn", "VCN"],
    ["Trần Thị Bình", "binh@vcn.vn", "VCN"],
]
PEOPLE_2 = [
    ["Họ và tên", "Email", "Đơn vị", "Điện thoại"],
    ["Lê Văn Cường", "cuong@fpt.vn", "FPT", ""],
    ["Nguyễn Văn An", "an@vcn.vn", "VCN", ""],  # row 3: as sheet 1's row 2, nothing more
    ["Trần Thị Bình", "binh@vcn.vn", "VCN", "0912345678"],  # row 4: sheet 1's row 3, with a phone
]
ORGS_1 = [["Tên đơn vị", "Viết tắt"], ["Công ty Cổ phần FPT", "FPT"], ["Viện Vật lý", "IOP"]]
ORGS_2 = [
    ["Tên đơn vị", "Viết tắt", "Website"],
    ["Công ty Cổ phần FPT", "FPT", "https://fpt.vn"],  # row 2: sheet 1's row 2, with a website
    ["Viện Vật lý", "IOP", ""],  # row 3: sheet 1's row 3, nothing more
    ["Viện Toán học", "VTH", ""],
]


def _workbook(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "hai-trang.xlsx",
        {"Danh bạ 1": PEOPLE_1, "Danh bạ 2": PEOPLE_2, "Tổ chức 1": ORGS_1, "Tổ chức 2": ORGS_2},
    )


def _previews(engine: Engine, path: Path, on_match: str = "fill") -> dict[str, object]:
    """Every sheet previewed as ``ketnoi import`` and the wizard do: organisations first, each
    sheet after the ones before it."""
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        layouts.sort(key=lambda x: (x.kind != "organisation", x.sheet))
        out: list = []  # type: ignore[type-arg]
        for lay in layouts:
            out.append(
                preview_import(path, lay, session=s, parallel=False, on_match=on_match, after=list(out))
            )
    return {p.layout.sheet: p for p in out}


def _sheet_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("Sheet ")]


@pytest.mark.parametrize("on_match", ["fill", "overwrite", "skip", "create"])
def test_the_dry_run_counts_are_the_imports(db_path: Path, tmp_path: Path, capsys, on_match: str) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path)
    args = ["import", str(path), "--db", str(db_path), "--lang", "en", "--on-match", on_match]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert main(args) == 0
    real = capsys.readouterr().out
    assert _sheet_lines(dry) == _sheet_lines(real), dry
    if on_match == "fill":
        assert 'Sheet "Danh bạ 2" (contact, header row 1): 1 new, 1 updated, 0 duplicates, 0 errors, ' in dry
        assert "1 skipped (nothing new)" in dry
        assert 'Sheet "Tổ chức 2" (organisation, header row 1): 1 new, 1 updated' in dry
        # the record is named by the row that writes it, not by an id it does not have yet
        assert (
            '  not changed, an earlier sheet of the file has them already: rows 3 (sheet "Danh bạ 1", row 2)'
            in dry
        )


def test_the_later_sheets_rows_name_the_earlier_sheets_row(engine: Engine, tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    pv = _previews(engine, path)
    second = {r.row: r for r in pv["Danh bạ 2"].rows}  # type: ignore[attr-defined]
    assert {n: r.status for n, r in second.items()} == {2: "new", 3: "skip", 4: "update"}
    (same,) = second[3].reasons
    assert same.code == "nothing_new" and same.params["id"] == EarlierRow("Danh bạ 1", 2)
    assert text(same, "en") == 'sheet "Danh bạ 1", row 2: nothing new'
    assert text(same, "vi") == 'trang "Danh bạ 1", dòng 2: không có gì mới'
    (fills,) = second[4].reasons
    assert fills.code == "updates" and fills.params["id"] == EarlierRow("Danh bạ 1", 3)
    assert text(fills, "en").startswith('updates sheet "Danh bạ 1", row 3: Phones: ∅ → ')
    assert set(second[4].changes or {}) == {"phones"}

    orgs = {r.row: r for r in pv["Tổ chức 2"].rows}  # type: ignore[attr-defined]
    assert {n: r.status for n, r in orgs.items()} == {2: "update", 3: "skip", 4: "new"}
    assert text(orgs[2].reasons[0], "en") == 'updates sheet "Tổ chức 1", row 2: Website: ∅ → "https://fpt.vn"'
    assert text(orgs[3].reasons[0], "en") == 'sheet "Tổ chức 1", row 3: nothing new'
    # the sheet's own preview does not list as its own what the earlier sheet creates
    assert [r.new_id is not None for r in orgs.values()] == [False, False, True]

    before = counts(engine)
    previews = list(pv.values())
    said = {p.layout.sheet: p.counts() for p in previews}  # type: ignore[attr-defined]
    run_import(engine, sorted(previews, key=lambda p: (p.kind != "organisation", p.layout.sheet)))  # type: ignore[attr-defined]
    assert {p.layout.sheet: p.counts() for p in previews} == said  # type: ignore[attr-defined]
    after = counts(engine)
    assert after["Contact"] - before["Contact"] == 3 and after["Organisation"] - before["Organisation"] == 4


def test_a_record_an_earlier_sheet_updates_is_met_as_it_leaves_it(
    engine: Engine, tmp_path: Path, capsys, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A Ketnoi contact that sheet 1 gives a phone: sheet 2, saying the same, adds nothing."""
    from app import records
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Trần Thị Bình", "emails": ["binh@vcn.vn"]})
    rows = [["Họ và tên", "Email", "Điện thoại"], ["Trần Thị Bình", "binh@vcn.vn", "0912345678"]]
    path = write_xlsx(tmp_path / "cap-nhat.xlsx", {"Danh bạ 1": rows, "Danh bạ 2": rows})
    pv = _previews(engine, path)
    assert [r.status for r in pv["Danh bạ 1"].rows] == ["update"]  # type: ignore[attr-defined]
    (row,) = pv["Danh bạ 2"].rows  # type: ignore[attr-defined]
    assert row.status == "skip" and [r.code for r in row.reasons] == ["nothing_new"]
    assert row.reasons[0].params["id"] == pv["Danh bạ 1"].rows[0].match_id  # type: ignore[attr-defined]
    engine.dispose()
    args = ["import", str(path), "--db", str(db_path), "--lang", "vi"]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert main(args) == 0
    real = capsys.readouterr().out
    lines = [line for line in dry.splitlines() if line.startswith("Trang ")]
    assert lines == [line for line in real.splitlines() if line.startswith("Trang ")]
    assert re.search(r'Trang "Danh bạ 2".*bỏ qua 1 \(không có gì mới\)', dry), dry


THREE = {
    "S1": [["Họ và tên", "Email", "Chức vụ"], ["Nguyễn Văn An", "an@vcn.vn", ""]],
    # sheet 2 gives the person of sheet 1 a position and a phone
    "S2": [
        ["Họ và tên", "Email", "Chức vụ", "Điện thoại"],
        ["Nguyễn Văn An", "an@vcn.vn", "Vụ phó", "0912345678"],
    ],
    "S3": [
        ["Họ và tên", "Email", "Chức vụ", "Điện thoại"],
        ["Nguyễn Văn An", "an@vcn.vn", "Vụ trưởng", ""],  # another position than sheet 2's
        ["Nguyễn An", "", "Vụ phó", "0912345678"],  # known only by the phone sheet 2 adds
    ],
}


@pytest.mark.parametrize("on_match", ["fill", "overwrite", "skip", "create"])
def test_a_third_sheet_meets_the_record_as_the_second_leaves_it(
    engine: Engine, tmp_path: Path, on_match: str
) -> None:
    """Reviewer: the third sheet was previewed against the record as sheet 1 wrote it, not as
    sheet 2 updated it ("0 new, 1 updated" where the import skipped it; a new contact for a
    phone sheet 2 had added). Each row's status and the counts are the import's."""
    path = write_xlsx(tmp_path / "ba-trang.xlsx", THREE)
    pv = _previews(engine, path, on_match)
    previews = [pv[s] for s in ("S1", "S2", "S3")]
    said = [[r.status for r in p.rows] for p in previews]  # type: ignore[attr-defined]
    said_counts = [p.counts() for p in previews]  # type: ignore[attr-defined]
    run_import(engine, previews)  # (matched again, against what the earlier sheets wrote)
    assert [[r.status for r in p.rows] for p in previews] == said  # type: ignore[attr-defined]
    assert [p.counts() for p in previews] == said_counts  # type: ignore[attr-defined]
    if on_match == "fill":
        assert said[2] == ["skip", "skip"]
    if on_match == "overwrite":
        assert said[2][0] == "update"


def test_a_row_that_fills_a_blank_and_keeps_a_value_is_said_updated(
    db_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    """Reviewer: 'row 6 (not changed): left as …' under a sheet line counting it '1 updated'
    (the import filled a blank of the record): the row is said updated, with what it fills."""
    path = write_xlsx(
        tmp_path / "giu.xlsx",
        {
            "Danh bạ 1": [["Họ và tên", "Email", "Chức vụ"], ["Nguyễn Văn An", "an@vcn.vn", "Vụ trưởng"]],
            "Danh bạ 2": [
                ["Họ và tên", "Email", "Chức vụ", "Điện thoại"],
                ["Nguyễn Văn An", "an@vcn.vn", "Director General", "0912345678"],
            ],
        },
    )
    for lang, said in (("en", "  row 2 (updated): updates "), ("vi", "  dòng 2 (cập nhật): cập nhật ")):
        args = ["import", str(path), "--db", str(db_path), "--lang", lang, "--dry-run"]
        assert main(args) == 0
        out = capsys.readouterr().out
        (row,) = [line for line in out.splitlines() if line.startswith(said)]
        assert '"Vụ trưởng" → "Director General"' in row, out
        assert "(not changed)" not in out and "(không đổi)" not in out
    assert main(["import", str(path), "--db", str(db_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert 'Sheet "Danh bạ 2" (contact, header row 1): 0 new, 1 updated' in out
    assert "  row 2 (updated): updates #1: Phones: ∅ → " in out, out


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_skip_names_the_earlier_sheet_not_the_database(
    db_path: Path, tmp_path: Path, capsys, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """Reviewer: with --on-match skip into an empty database, the import said a person of an
    earlier sheet of the file was 'already in Ketnoi' and 'the database has them already'."""
    path = write_xlsx(tmp_path / "bo-qua.xlsx", {s: rows for s, rows in THREE.items() if s != "S3"})
    args = ["import", str(path), "--db", str(db_path), "--lang", lang, "--on-match", "skip"]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert main(args) == 0
    real = capsys.readouterr().out
    heads = ("Sheet ", "Trang ")
    assert [x for x in dry.splitlines() if x.startswith(heads)] == [
        x for x in real.splitlines() if x.startswith(heads)
    ]
    for out in (dry, real):
        if lang == "en":
            assert "1 skipped (an earlier sheet of the file has them; --on-match skip)" in out, out
            assert "  not changed, an earlier sheet of the file has them already: rows 2 (" in out, out
            assert "already in Ketnoi" not in out and "the database has them" not in out
        else:
            assert "bỏ qua 1 (đã có ở một trang trước trong tệp; --on-match skip)" in out, out
            assert "  không đổi, một trang trước trong tệp đã có đúng như vậy: dòng 2 (" in out, out
            assert "đã có trong Ketnoi" not in out and "cơ sở dữ liệu đã có" not in out
    assert "rows 2 (#1)" in real or "dòng 2 (#1)" in real


@pytest.mark.parametrize("on_match", ["fill", "overwrite"])
def test_a_name_an_earlier_sheet_overwrites_is_met_by_its_new_name(
    engine: Engine, tmp_path: Path, on_match: str
) -> None:
    """Sheet 2 renames sheet 1's person (overwrite): sheet 3's row of that name, with no e-mail,
    meets the record as the import does (the preview said it was a new contact)."""
    sheets = {
        "S1": [["Họ và tên", "Email"], ["Nguyễn Văn An", "an@vcn.vn"]],
        "S2": [["Họ và tên", "Email"], ["Nguyễn An", "an@vcn.vn"]],
        "S3": [["Họ và tên", "Chức vụ"], ["Nguyễn An", "Vụ phó"]],
    }
    path = write_xlsx(tmp_path / "doi-ten.xlsx", sheets)
    pv = _previews(engine, path, on_match)
    previews = [pv[s] for s in ("S1", "S2", "S3")]
    said = [[r.status for r in p.rows] for p in previews]  # type: ignore[attr-defined]
    run_import(engine, previews)
    assert [[r.status for r in p.rows] for p in previews] == said  # type: ignore[attr-defined]
    assert said[2] == (["update"] if on_match == "overwrite" else ["new"])
