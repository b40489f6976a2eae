"""The exported workbook is one a person reads (reviewer: "not something I can send to my
director"): every coded value — a kind, an action's direction, a status, a priority, an
attendee's role, whether a staff member still works here — is written as the word the window
shows, in English or Vietnamese; every date is a real date cell shown dd/mm/yyyy; long text
wraps. And the importer reads those words back: export → import gives the same records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import select

from app import records, value_labels
from app.exporting import export_workbook
from app.importing import fields
from app.importing.store import current
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.exporting.test_export import _import_all, seed, snapshot

CODED = {  # sheet kind → the columns that hold a code, by field name
    "organisation": ("kind",),
    "meeting": ("kind",),
    "action": ("kind", "direction", "status", "priority"),
    "staff": ("active",),
}
PEOPLE = ("Phạm Minh Anh", "Đỗ Thị Bình", "Vũ Quốc Cường", "Hồ Thu Dung", "Lý Gia Huy")
DATES = {"contact": ("last_contacted_on",), "meeting": ("starts_at", "ends_at"), "action": ("due_date", "completed_on")}  # fmt: skip


def seed_every_code(engine: Engine) -> None:
    """The test_export seed, and a record for every code of every vocabulary."""
    seed(engine)
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Lê Văn Hải", "email": "hai@ketnoi.vn", "active": False})
        for code in m.ORGANISATION_KINDS:
            records.create(s, "organisation", {"name": f"Đơn vị {code}", "kind": code})
        people = [  # participant, chair, presenter, note taker, observer
            records.create(s, "contact", {"full_name": name, "emails": [f"p{i}@x.vn"]})
            for i, name in enumerate(PEOPLE)
        ]
        for i, code in enumerate(m.INTERACTION_KINDS):
            records.create(s, "meeting", {
                "title": f"Họp {code}", "starts_at": dt.datetime(2026, 1, 5 + i, 14, 0), "kind": code,
                "attendees": [{"contact_id": c, "role": r} for c, r in zip(people, m.ATTENDEE_ROLES, strict=True)],
            })  # fmt: skip
        for i, (kind, status, direction, priority) in enumerate(
            zip(m.ACTION_KINDS, m.ACTION_STATUSES, ("we_owe", "they_owe") * 3, (1, 2, 3, 1, 2), strict=False)
        ):
            records.create(s, "action", {
                "title": f"Việc {i}", "kind": kind, "status": status, "direction": direction, "priority": priority,
                "due_date": dt.date(2026, 2, 1 + i),
                "completed_on": dt.date(2026, 1, 20) if status == "done" else None,
            })  # fmt: skip


def _sheet(path: Path, kind: str) -> list[dict[str, Any]]:
    """The data rows of ``kind``'s sheet as field name → openpyxl cell."""
    ws = load_workbook(path)[fields.LABELS[kind]]
    by_header = {f.header: f.name for f in fields.FIELDS[kind]}
    names = [by_header[c.value] for c in ws[1]]
    return [dict(zip(names, row, strict=True)) for row in ws.iter_rows(min_row=2)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_codes_are_written_as_the_windows_words(engine, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    seed_every_code(engine)
    out = tmp_path / f"{lang}.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s, lang=lang)
    col = 1 if lang == "vi" else 0
    for kind, names in CODED.items():
        rows = _sheet(out, kind)
        for name in names:
            table = value_labels.TABLES[(kind, name)]
            written = {r[name].value for r in rows if r[name].value is not None}
            words = {pair[col] for pair in table.values()}
            assert written and written <= words, (kind, name, written - words)
            codes = {str(c) for c in table} | {c for c in table if not isinstance(c, str)}
            assert not written & codes, (kind, name)
    actions = {r["title"].value: r for r in _sheet(out, "action")}
    first = actions["Gửi thư giới thiệu cho Genetica"]
    assert (first["direction"].value, first["status"].value, first["priority"].value) == (
        ("We owe", "Open", "High") if lang == "en" else ("Bên ta cần làm", "Đang mở", "Cao")
    )
    assert actions["Gửi tài liệu"]["direction"].value == ("They owe" if lang == "en" else "Đối tác cần làm")
    staff = {r["name"].value: r["active"].value for r in _sheet(out, "staff")}
    assert staff == ({"Trần Thị Lan": "Yes", "Lê Văn Hải": "No"} if lang == "en" else {"Trần Thị Lan": "Có", "Lê Văn Hải": "Không"})  # fmt: skip
    # an attendee's role in the window's words, "Đỗ Thị Bình <p1@x.vn> (Chủ trì)"; a participant
    # has none
    seats = next(r["attendees"].value for r in _sheet(out, "meeting") if r["title"].value == "Họp meeting")
    chair, observer = ("Chair", "Observer") if lang == "en" else ("Chủ trì", "Quan sát viên")
    assert f"Đỗ Thị Bình <p1@x.vn> ({chair})" in seats and f"Lý Gia Huy <p4@x.vn> ({observer})" in seats
    assert "Phạm Minh Anh <p0@x.vn>;" in seats + ";" and "(chair)" not in seats


def test_dates_are_date_cells_shown_day_first(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_every_code(engine)
    out = tmp_path / "d.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s, lang="vi")
    seen = 0
    for kind, names in DATES.items():
        for row in _sheet(out, kind):
            for name in names:
                cell = row[name]
                if cell.value is None:
                    continue
                seen += 1
                assert isinstance(cell.value, dt.datetime), (kind, name, cell.value)  # a date, not text
                assert cell.is_date
                timed = name in ("starts_at", "ends_at")
                assert cell.number_format == ("DD/MM/YYYY HH:MM" if timed else "DD/MM/YYYY"), (kind, name)
    assert seen >= 10
    hung = next(r for r in _sheet(out, "contact") if r["full_name"].value == "Nguyễn Văn Hùng")
    assert hung["last_contacted_on"].value == dt.datetime(2025, 11, 26)  # the meeting's day


def test_the_sheets_read_as_a_table(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_every_code(engine)
    out = tmp_path / "t.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s, lang="vi")
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert all(c.font.bold for c in ws[1]) and ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        for c in ws[1]:  # each column at least as wide as its longest label or 16
            assert ws.column_dimensions[c.column_letter].width >= 16
    nic = next(r for r in _sheet(out, "organisation") if r["acronym"].value == "NIC")
    # text wraps in its column (a long name reads whole, not cut at the next cell), all at the top
    assert nic["address"].alignment.wrap_text and nic["notes"].alignment.wrap_text
    assert nic["owner"].alignment.wrap_text and nic["interest"].alignment.vertical == "top"
    assert nic["address"].alignment.vertical == nic["name"].alignment.vertical == "top"
    widths = load_workbook(out)[fields.LABELS["organisation"]].column_dimensions
    kind_col = next(
        c.column_letter for c in wb[fields.LABELS["organisation"]][1] if c.value.endswith("/ Kind")
    )
    assert widths[kind_col].width >= len("Mạng lưới / hiệp hội")


def _without_roles(rows: set[tuple[Any, ...]]) -> set[tuple[Any, ...]]:
    """(snapshot names the roles by the contacts' ids, which differ from one database to another)"""
    return {tuple(x for x in row if x[0] != "roles") for row in rows}


def _roles(engine: Engine) -> dict[str, dict[str, str]]:
    """Meeting title → attendee's name → role, for the attendees who have one."""
    with read_session(engine) as s:
        names = {c.id: c.full_name for c in s.exec(select(m.Contact))}
        meetings = list(s.exec(select(m.Meeting)))
        rels = current(s, "meeting", [x.id for x in meetings])
        return {x.title: {names[c]: r for c, r in rels[x.id].get("roles", {}).items()} for x in meetings}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_words_import_back_as_the_same_records(engine, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    seed_every_code(engine)
    out = tmp_path / "ketnoi.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s, lang=lang)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        _import_all(other, out)
        before, after = snapshot(engine), snapshot(other)
        for kind in fields.KINDS:
            assert _without_roles(after[kind]) == _without_roles(before[kind]), kind
        assert _roles(other) == _roles(engine)
        assert sum(len(r) for r in _roles(engine).values()) == 4 * len(m.INTERACTION_KINDS)
        # and that copy exports to the very same workbook
        again = tmp_path / "again.xlsx"
        with read_session(other) as s:
            export_workbook(again, session=s, lang=lang)
        for kind in fields.KINDS:
            first = [[c.value for c in r.values()] for r in _sheet(out, kind)]
            second = [[c.value for c in r.values()] for r in _sheet(again, kind)]
            assert sorted(map(str, second)) == sorted(map(str, first)), kind
    finally:
        other.dispose()
