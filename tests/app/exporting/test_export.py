"""Export: every kind on its own sheet in the importer's layout; export → import round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import python_calamine
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app import records
from app.exporting import export_workbook, write_template
from app.exporting.workbook import SHEETS
from app.importing import fields, inspect_workbook
from app.importing.store import current
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import do_import

FORMULAS = ['=HYPERLINK("http://x","bấm")', "+84 chưa rõ", "-5% ngân sách", "@SUM(A1:A3)", "=1+2"]


def seed(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        lan = records.create(s, "staff", {"name": "Trần Thị Lan", "email": "lan@ketnoi.vn"})
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST", "kind": "ministry",
                                                  "sectors": ["AI", "Quantum"], "tags": ["đối tác chính"], "influence": 5})  # fmt: skip
        nic = records.create(s, "organisation", {
            "name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC", "aliases": ["National Innovation Center"],
            "name_en": "National Innovation Center", "kind": "agency", "parent_id": most, "city": "Hà Nội",
            "address": "Hòa Lạc\nThạch Thất", "website": "https://nic.gov.vn", "owner_id": lan, "interest": 4,
            "notes": FORMULAS[0],
        })  # fmt: skip
        gen = records.create(s, "organisation", {"name": "Genetica", "kind": "startup", "country": "SG"})
        hung = records.create(s, "contact", {
            "full_name": "PGS.TS. Nguyễn Văn Hùng", "position": FORMULAS[1], "organisation_id": nic,
            "emails": ["hung@nic.gov.vn", "hung.nv@gmail.com"], "phones": ["0912345678", "+84 24 3555 1234"],
            "tags": ["AI", "VIP"], "owner_id": lan, "influence": 4, "notes": FORMULAS[2] + "\ndòng hai", "source": "Hội nghị",
        })  # fmt: skip
        hoa = records.create(s, "contact", {"full_name": "Hùng Nguyễn", "family_name": "Nguyễn", "given_name": "Hùng",
                                            "organisation_id": gen, "country": "US", "emails": ["hung@genetica.com"]})  # fmt: skip
        records.create(s, "contact", {"full_name": "John Smith", "position": FORMULAS[3]})
        meeting = records.create(s, "meeting", {
            "title": "Làm việc với NIC về AI", "starts_at": dt.datetime(2025, 11, 26, 9, 30),
            "ends_at": dt.datetime(2025, 11, 26, 11, 0), "location": "Hòa Lạc", "kind": "working_session",
            "organisation_ids": [nic, gen], "attendees": [{"contact_id": hung}, {"contact_id": hoa}],
            "agenda": "1. Giới thiệu\n2. Hợp tác", "decisions": FORMULAS[4], "owner_id": lan,
        })  # fmt: skip
        records.create(s, "action", {"title": "Gửi thư giới thiệu cho Genetica", "kind": "letter", "organisation_id": gen,
                                     "responsible_staff_id": lan, "meeting_id": meeting, "due_date": dt.date(2025, 12, 1),
                                     "priority": 1, "reference": "123/NIC-HTQT"})  # fmt: skip
        records.create(s, "action", {"title": "Gửi tài liệu", "direction": "they_owe", "responsible_contact_id": hung,
                                     "status": "done", "completed_on": dt.date(2025, 11, 30), "organisation_id": nic})  # fmt: skip


def snapshot(engine: Engine) -> dict[str, set[tuple[Any, ...]]]:
    with read_session(engine) as s:
        orgs = {o.id: o.name for o in s.exec(select(m.Organisation))}
        staff = {x.id: x.name for x in s.exec(select(m.Staff))}
        people = {c.id: c.full_name for c in s.exec(select(m.Contact))}
        meets = {x.id: x.title for x in s.exec(select(m.Meeting))}
        out: dict[str, set[tuple[Any, ...]]] = {}
        skip = {"id", "created_at", "updated_at", "version", "deleted_at", "import_batch_id"}

        def row(kind: str, rec: Any, rels: dict[str, list[Any]]) -> tuple[Any, ...]:
            values = []
            names = {"organisation_id": orgs, "parent_id": orgs, "owner_id": staff, "responsible_staff_id": staff,
                     "responsible_contact_id": people, "meeting_id": meets}  # fmt: skip
            for name, raw in sorted(rec.model_dump().items()):
                if name in skip:
                    continue
                value = (
                    names[name].get(raw) if name in names else (tuple(raw) if isinstance(raw, list) else raw)
                )
                values.append((name, value))
            for name, items in sorted(rels.items()):
                mapped = {"organisation_ids": orgs, "attendees": people}.get(name)
                values.append((name, tuple(sorted(str(mapped.get(i) if mapped else i) for i in items))))
            return tuple(values)

        for kind, model in (
            ("organisation", m.Organisation),
            ("contact", m.Contact),
            ("meeting", m.Meeting),
            ("action", m.Action),
            ("staff", m.Staff),
        ):
            recs = list(s.exec(select(model).order_by(col(model.id))))
            rels = current(s, kind, [r.id for r in recs])
            out[kind] = {row(kind, r, rels[r.id]) for r in recs}
        return out


def _import_all(engine: Engine, path: Path) -> None:
    for sheet in [fields.LABELS[k] for k in fields.KINDS]:
        do_import(engine, path, sheet)


def test_export_then_import_into_an_empty_database_gives_the_same_records(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(engine)
    out = tmp_path / "ketnoi.xlsx"
    with read_session(engine) as s:
        assert export_workbook(out, session=s) == {
            "organisation": 3,
            "contact": 3,
            "meeting": 1,
            "action": 2,
            "staff": 1,
        }
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        _import_all(other, out)
        before, after = snapshot(engine), snapshot(other)
        for kind in fields.KINDS:
            assert after[kind] == before[kind], kind
        # Importing the same export again changes nothing: every row matches a record.
        _import_all(other, out)
        assert snapshot(other) == after
    finally:
        other.dispose()


def test_formula_like_text_stays_text(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(engine)
    out = tmp_path / "f.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s)
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value.split("\n")[0] for c in risky} >= {f.split("\n")[0] for f in FORMULAS}
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    with python_calamine.CalamineWorkbook.from_path(str(out)) as cw:
        texts = {v for name in cw.sheet_names for row in cw.get_sheet_by_name(name).to_python() for v in row}
    assert set(FORMULAS) <= {t.split("\n")[0] if isinstance(t, str) else t for t in texts}
    other = open_database(f"sqlite:///{tmp_path / 'o.db'}")
    try:
        _import_all(other, out)
        with read_session(other) as s:
            assert (
                s.exec(select(m.Contact.position).where(m.Contact.full_name == "John Smith")).one()
                == FORMULAS[3]
            )
            assert s.exec(select(m.Meeting.decisions)).one() == FORMULAS[4]
    finally:
        other.dispose()


def test_sheet_layout_header_style_frozen_filtered(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(engine)
    out = tmp_path / "s.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s)
    wb = load_workbook(out)
    # the record kinds, then our staff (read first by the importer, which orders sheets by kind)
    assert (
        wb.sheetnames
        == [fields.LABELS[k] for k in (*fields.KINDS[1:], "staff")]
        == [fields.LABELS[k] for k in SHEETS]
    )
    for kind, ws in zip(SHEETS, wb.worksheets, strict=True):
        header = [c.value for c in ws[1]]
        assert header == [f.header for f in fields.FIELDS[kind] if f.exported]
        assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1F4E79")
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{ws.max_row}"
        assert ws.column_dimensions["A"].width >= 16
    contacts = wb[fields.LABELS["contact"]]
    first = {h: c.value for h, c in zip([c.value for c in contacts[1]], contacts[2], strict=True)}
    assert first["Đơn vị / Organisation"] is None or isinstance(first["Đơn vị / Organisation"], str)
    meetings = wb[fields.LABELS["meeting"]]
    assert (
        meetings["B2"].value == dt.datetime(2025, 11, 26, 9, 30)
        and meetings["B2"].number_format == "DD/MM/YYYY HH:MM"
    )
    assert "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)" in meetings["F2"].value


def test_template_is_the_empty_layout(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    write_template(out)
    wb = load_workbook(out)
    for kind, ws in zip(SHEETS, wb.worksheets, strict=True):
        assert ws.max_row == 1
        assert [c.value for c in ws[1]] == [f.header for f in fields.FIELDS[kind] if f.exported]
    # An empty sheet has a header but no data: each is recognised for what it holds.
    layouts = inspect_workbook(out)
    assert [getattr(x, "kind", None) for x in layouts] == list(SHEETS)


def test_export_progress_and_cancel(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from app.importing import ImportCancelled

    with unit_of_work(engine) as s:
        for i in range(2500):
            s.add(m.Staff(name=f"x{i}"))
        org = m.Organisation(name="Org", sort_key="org")
        s.add(org)
        s.flush()
        from app.bulk import create_many, prepare_many

        people = [{"full_name": f"Người {i}", "organisation_id": org.id} for i in range(2500)]
        create_many(s, "contact", prepare_many("contact", people))
    seen: list[tuple[int, int]] = []
    with read_session(engine) as s:
        export_workbook(tmp_path / "p.xlsx", session=s, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (5001, 5001) and len(seen) >= 3  # 2,500 staff, an organisation, 2,500 contacts
    with read_session(engine) as s, pytest.raises(ImportCancelled):
        export_workbook(tmp_path / "c.xlsx", session=s, cancel=lambda: True)
    assert not (tmp_path / "c.xlsx").exists()


def test_cli_export_and_template(engine, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main

    seed(engine)
    assert main(["export", str(tmp_path / "e.xlsx"), "--db", str(db_path)]) == 0
    assert "contact 3" in capsys.readouterr().out
    assert main(["template", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").exists()
    assert main(["export", str(tmp_path / "e.csv"), "--db", str(db_path)]) == 1
    capsys.readouterr()
    # -o FILE, as ketnoi brief takes it (a reviewer's `export -o` was "unrecognized arguments")
    assert main(["export", "-o", str(tmp_path / "o.xlsx"), "--db", str(db_path)]) == 0
    assert (tmp_path / "o.xlsx").exists() and "contact 3" in capsys.readouterr().out
    assert main(["template", "--output", str(tmp_path / "t2.xlsx")]) == 0 and (tmp_path / "t2.xlsx").exists()
    assert main(["export", "--db", str(db_path), "--lang", "en"]) == 1
    assert "say where to write it: FILE.xlsx or -o FILE.xlsx" in capsys.readouterr().err
    assert (
        main(["export", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "b.xlsx"), "--db", str(db_path)]) == 1
    )
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "b.xlsx").exists()


def test_separators_and_quotes_inside_names_survive_the_round_trip(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(engine) as s:
        odd = records.create(s, "organisation", {"name": "Viện Hàn lâm; Khoa học, Công nghệ", "aliases": ['"VAST"', "Hàn lâm; KH"],
                                                 "tags": ["AI, robotics", "đối tác"]})  # fmt: skip
        plain = records.create(s, "organisation", {"name": 'Công ty "ABC"'})
        person = records.create(s, "contact", {"full_name": "Lê Văn Tám", "organisation_id": odd})
        records.create(s, "meeting", {"title": "Họp ba bên", "starts_at": dt.datetime(2026, 1, 5, 9, 0),
                                      "organisation_ids": [odd, plain], "attendees": [{"contact_id": person}]})  # fmt: skip
    out = tmp_path / "ketnoi.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        _import_all(other, out)
        before, after = snapshot(engine), snapshot(other)
        for kind in ("organisation", "meeting"):
            assert after[kind] == before[kind], kind
    finally:
        other.dispose()


def test_list_cells_split_and_join() -> None:
    import re

    from app import listcells

    sep = re.compile(r"\s*[;\n]\s*")
    assert listcells.join(["NIC", "Bộ A; B", 'say "hi"']) == 'NIC; "Bộ A; B"; say "hi"'
    assert listcells.split('NIC; "Bộ A; B"; say "hi"', sep) == ["NIC", "Bộ A; B", 'say "hi"']
    assert listcells.split('"a ""q""; b"', sep) == ['a "q"; b']
    assert listcells.split("NIC; MOST\nFPT", sep) == ["NIC", "MOST", "FPT"]
    assert listcells.join([]) is None
