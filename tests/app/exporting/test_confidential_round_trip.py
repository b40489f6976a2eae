"""A manager's export carried confidential records without saying which (reviewer): the
sheets' rows had no confidential column, so importing the workbook into a laptop file or
another team database made every confidential meeting, action, organisation and contact
ordinary, seen by every officer there. Each sheet of a kind that can be confidential has a
column "Mật / Confidential" ("Yes" / "Có", blank when not), which the importer reads back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from app import records
from app.exporting import export_workbook
from app.importing import inspect_workbook, preview_import, run_import
from app.importing.fields import KINDS, LABELS, field_for_header
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import ACT, CON, MEET, ORG

SECRET = "Làm việc với Phó Thủ tướng về đề án bán dẫn"
TABLES = {"organisation": (ORG, ORG.c.name), "contact": (CON, CON.c.full_name),
          "meeting": (MEET, MEET.c.title), "action": (ACT, ACT.c.title)}  # fmt: skip


def build(engine: Any) -> None:
    """One confidential record of each kind, and an ordinary one beside it."""
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Quỹ Đầu tư Mạo hiểm X", "confidential": True})
        records.create(s, "organisation", {"name": "Genetica"})
        records.create(
            s, "contact", {"full_name": "Nguyễn Văn An", "organisation_id": org, "confidential": True}
        )
        records.create(s, "contact", {"full_name": "Lê Thị Bình"})
        meeting = records.create(
            s,
            "meeting",
            {"title": SECRET, "starts_at": dt.datetime(2026, 11, 20, 14, 0), "confidential": True},
        )
        records.create(s, "meeting", {"title": "Họp giao ban", "starts_at": dt.datetime(2026, 11, 21, 9, 0)})
        records.create(s, "action", {"title": "Gửi đề án", "meeting_id": meeting, "confidential": True})
        records.create(s, "action", {"title": "Gửi thư cảm ơn"})


def export(engine: Any, path: Path, lang: str = "en") -> dict[str, int]:
    secret: dict[str, int] = {}
    with read_session(engine) as s:
        export_workbook(path, session=s, lang=lang, confidential=secret)
    return secret


def import_all(engine: Any, path: Path) -> None:
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        order = {k: i for i, k in enumerate(KINDS)}
        layouts.sort(key=lambda x: order.get(x.kind or "", 9))
        previews = [preview_import(path, lay, session=s, parallel=False) for lay in layouts]
    rejected = [(p.layout.sheet, r.row, r.message) for p in previews for r in p.rows if r.status == "error"]
    assert not rejected
    run_import(engine, previews)


def flags(engine: Any) -> dict[str, dict[str, bool]]:
    with read_session(engine) as s:
        return {
            kind: {name: bool(c) for name, c in s.execute(select(name_col, table.c.confidential))}
            for kind, (table, name_col) in TABLES.items()
        }


EXPECTED = {
    "organisation": {"Quỹ Đầu tư Mạo hiểm X": True, "Genetica": False},
    "contact": {"Nguyễn Văn An": True, "Lê Thị Bình": False},
    "meeting": {SECRET: True, "Họp giao ban": False},
    "action": {"Gửi đề án": True, "Gửi thư cảm ơn": False},
}


def column(path: Path, kind: str, header: str) -> dict[str, Any]:
    """The first column's value → the column ``header``'s, on ``kind``'s sheet (read back)."""
    wb = load_workbook(path, read_only=True)
    try:
        rows = [tuple(r) for r in wb[LABELS[kind]].iter_rows(values_only=True)]
    finally:
        wb.close()
    at = rows[0].index(header)
    return {r[0]: r[at] if at < len(r) else None for r in rows[1:]}  # (a short row: blank)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_confidential_record_stays_confidential_through_a_workbook(tmp_path: Path, lang: str) -> None:
    one = open_database(f"sqlite:///{tmp_path / 'one.db'}")
    two = open_database(f"sqlite:///{tmp_path / 'two.db'}")
    try:
        build(one)
        book = tmp_path / "all.xlsx"
        assert export(one, book, lang) == {"organisation": 1, "contact": 1, "meeting": 1, "action": 1}
        yes = "Có" if lang == "vi" else "Yes"
        assert column(book, "meeting", "Mật / Confidential") == {SECRET: yes, "Họp giao ban": None}
        assert column(book, "action", "Mật / Confidential") == {"Gửi đề án": yes, "Gửi thư cảm ơn": None}
        import_all(two, book)
        assert flags(two) == EXPECTED
        # and again: the copy's export is the same workbook, cell for cell
        again = tmp_path / "again.xlsx"
        export(two, again, lang)
        for kind in ("organisation", "contact", "meeting", "action"):
            assert column(again, kind, "Mật / Confidential") == column(book, kind, "Mật / Confidential")
    finally:
        one.dispose()
        two.dispose()


def test_the_staff_sheet_has_no_confidential_column(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'one.db'}")
    try:
        build(engine)
        export(engine, tmp_path / "all.xlsx")
    finally:
        engine.dispose()
    wb = load_workbook(tmp_path / "all.xlsx", read_only=True)
    try:
        header = next(wb[LABELS["staff"]].iter_rows(values_only=True))
    finally:
        wb.close()
    assert "Mật / Confidential" not in header


@pytest.mark.parametrize("header", ["Mật", "Confidential", "Bảo mật", "Mật / Confidential", "MẬT"])
def test_the_column_is_recognised_in_both_languages(header: str) -> None:
    for kind in ("organisation", "contact", "meeting", "action"):
        assert field_for_header(kind, header) == "confidential"


def _sheet(path: Path, rows: list[list[Any]]) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cuộc họp"
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_a_hand_made_sheet_marks_meetings_confidential_in_words(tmp_path: Path) -> None:
    """ "Mật": "x", "có", TRUE (a checkbox) mark a meeting confidential; "không" or blank do not;
    a word that is no yes or no rejects its row (imported as ordinary, every officer would see it)."""
    book = tmp_path / "hop.xlsx"
    _sheet(book, [
        ["Tiêu đề", "Ngày họp", "Mật"],
        ["Họp A", "20/11/2026", "x"], ["Họp B", "21/11/2026", "có"], ["Họp C", "22/11/2026", True],
        ["Họp D", "23/11/2026", "không"], ["Họp E", "24/11/2026", None], ["Họp F", "25/11/2026", "có lẽ"],
    ])  # fmt: skip
    engine = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with read_session(engine) as s:
            (layout,) = [x for x in inspect_workbook(book, session=s) if not isinstance(x, Exception)]
            assert layout.kind == "meeting"
            preview = preview_import(book, layout, session=s, parallel=False)
        assert [r.status for r in preview.rows] == ["new"] * 5 + ["error"]
        run_import(engine, [preview])
        assert flags(engine)["meeting"] == {"Họp A": True, "Họp B": True, "Họp C": True, "Họp D": False,
                                            "Họp E": False}  # fmt: skip
    finally:
        engine.dispose()


def test_a_workbook_without_the_column_imports_as_before(tmp_path: Path) -> None:
    book = tmp_path / "hop.xlsx"
    _sheet(book, [["Tiêu đề", "Ngày họp"], ["Họp A", "20/11/2026"]])
    engine = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with read_session(engine) as s:
            (layout,) = [x for x in inspect_workbook(book, session=s) if not isinstance(x, Exception)]
            preview = preview_import(book, layout, session=s, parallel=False)
        run_import(engine, [preview])
        assert flags(engine)["meeting"] == {"Họp A": False}
    finally:
        engine.dispose()


def test_a_confidential_row_makes_the_record_it_updates_confidential(tmp_path: Path) -> None:
    """Imported over a database that has the meeting as an ordinary one (filling its blanks, the
    import's default), the row marked confidential makes it confidential; a row marked "không"
    leaves a confidential one as it is (only blanks are filled)."""
    book = tmp_path / "hop.xlsx"
    _sheet(
        book,
        [["Tiêu đề", "Ngày họp", "Mật"], ["Họp A", "20/11/2026", "Có"], ["Họp B", "21/11/2026", "Không"]],
    )
    engine = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with unit_of_work(engine) as s:
            records.create(s, "meeting", {"title": "Họp A", "starts_at": dt.datetime(2026, 11, 20, 9, 0)})
            records.create(
                s,
                "meeting",
                {"title": "Họp B", "starts_at": dt.datetime(2026, 11, 21, 9, 0), "confidential": True},
            )
        with read_session(engine) as s:
            (layout,) = [x for x in inspect_workbook(book, session=s) if not isinstance(x, Exception)]
            preview = preview_import(book, layout, session=s, parallel=False)
        assert [r.status for r in preview.rows] == ["update", "skip"], [r.message for r in preview.rows]
        assert "Confidential" in preview.rows[0].message
        run_import(engine, [preview])
        assert flags(engine)["meeting"] == {"Họp A": True, "Họp B": True}
    finally:
        engine.dispose()
